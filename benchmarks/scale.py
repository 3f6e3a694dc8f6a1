"""How the batch runner's cost grows: extraction, loading, and linking people across articles.

Run by hand (numbers go in docs/scale.md):

    .venv/bin/python benchmarks/scale.py --articles 1000 --engines local1 local2 spark2 --link --postgres
    .venv/bin/python benchmarks/scale.py --articles 10000 --engines local2 spark2 --link
    .venv/bin/python benchmarks/scale.py --skip-extract --link 10000 100000 1000000 --postgres
    .venv/bin/python benchmarks/scale.py --skip-extract --link 10000 100000 --shared-roles

Results accumulate in benchmarks/results/scale.json (delete it to start over).

Articles are synthetic, made from our own sentences (no publisher text): ~650
words each, with direct, mixed and indirect quotes from a population of speakers
that grows with the archive, spread over 24 months. Each engine runs in its own
process; a sampler reads the resident memory of every process in its tree from
/proc, so peak memory per worker (local pool workers, Spark's Python workers) and
of the driver or JVM are reported separately.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
FIRST = ("Harriet Martin Priya Tomasz Aisha Gareth Lucia Daniel Miriam Oskar Helena Samuel Ruth Ibrahim Nora "
         "Felix Agnes Rafael Imogen Victor Esther Kofi Delia Bruno Maeve Anton Celia Dmitri Rosa Elliot").split()
LAST = ("Lowe Okonjo Drake Whitfield Castell Brennan Iqbal Novak Ferreira Lindqvist Hale Mbeki Sorensen Quill "
        "Ashdown Varga Thornbury Kowalczyk Pemberton Adeyemi Marchetti Holloway Strand Galloway Nakamura Fenwick "
        "Oduya Ravensworth Delacroix Abernethy Kestrel Moreau Halvorsen Tembo Whitlock Carrow Ilves Beaumont").split()
ROLES = ("council leader", "harbour master", "chief executive of the water board", "MP for Kestrel Bay",
         "head of the teachers' union", "chair of the residents' association", "transport secretary",
         "spokesperson for the fire service", "mayor of Greywater", "director of the river trust")
OUTLETS = ("Kestrel Bay Chronicle", "Greywater Gazette", "Northmoor Evening Post", "Harbour Weekly")
SUBJECTS = ("The new ferry contract", "The plan for the old mill", "This budget", "The bypass",
            "The school meals scheme", "The harbour wall repair", "Our housing strategy", "The clinic closure")
VERBS = ("will cost the town", "has already saved", "puts at risk", "will create", "could threaten", "must protect")
OBJECTS = ("three hundred jobs", "every family on the estate", "the future of the harbour", "two million pounds",
           "the trust of residents", "the last bus route to the coast", "our children's safety")
WHEN = ("within two years", "by next spring", "this winter", "before the election", "for a decade")
NARRATION = (
    "The council met on Tuesday evening to discuss the proposal in a packed chamber.",
    "Residents gathered outside the town hall holding hand-made signs.",
    "The report, published last week, runs to more than two hundred pages.",
    "A public consultation will open next month and run until the end of the year.",
    "Figures released by the county show the population has grown by a tenth since 2015.",
    "Work on the first phase is due to begin in the autumn, weather permitting.",
    "The scheme was first proposed four years ago but stalled for lack of funding.",
    "Local businesses have been asked to submit their views in writing.",
)


def claim(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(WHEN)}"


def quote_sentence(rng: random.Random, person: tuple[str, str, str]) -> str:
    first, last, role = person
    c = claim(rng)
    return rng.choice((
        f'"{c}," {first} {last}, the {role}, said.',
        f'"{c}," said {last}. "We will not stand by and watch it happen."',
        f"{first} {last}, the {role}, said that {c[0].lower() + c[1:]}.",
        f'{last} told reporters: "{c}. I have said so from the start."',
        f'The {role} warned that the decision was "a mistake the town will regret".',
        f'According to {last}, {c[0].lower() + c[1:]}.',
    ))


def article(rng: random.Random, n: int, people: list[tuple[str, str, str]]) -> dict:
    cast = rng.sample(people, 3)
    paragraphs = []
    for _ in range(12):
        sentences = [rng.choice(NARRATION) for _ in range(rng.randint(2, 3))]
        sentences.insert(rng.randint(0, len(sentences)), quote_sentence(rng, rng.choice(cast)))
        paragraphs.append(" ".join(sentences))
    month, day = rng.randrange(24), rng.randint(1, 28)
    title = f"{cast[0][1]} speaks out on {rng.choice(SUBJECTS).lower().removeprefix('the ')}"
    return {"id": f"synthetic-{n:07d}", "title": title, "outlet": rng.choice(OUTLETS),
            "published": f"{2023 + month // 12}-{month % 12 + 1:02d}-{day:02d}",
            "text": title + "\n\n" + "\n\n".join(paragraphs)}


SYLLABLES = ("ash bram cor dun el fen gar hol ing kel lor mar nor os pen quin ros sel tor ul "
             "ven wil yar zan bel dor hart lin mer stan").split()
ENDINGS = ("ford by wick ton ley ham worth field more dale well combe stead thorpe shaw "
           "brook ridge wood gate mere").split()


PLACES = [f"{side} {(a + b).capitalize()}" for side in ("North", "South", "East", "West")
          for a in SYLLABLES for b in ENDINGS]


def population(size: int, rng: random.Random, shared_roles: bool = False) -> list[tuple[str, str, str]]:
    """``size`` distinct speakers (up to ~19,000): our first names with made-up surnames.

    A third hold a post only they hold ("MP for North Ashford"), as in the news; with
    ``shared_roles`` everyone's role comes from ten, two of them specific ("MP for Kestrel
    Bay"), so thousands of people share a role key: the worst case for blocking.
    """
    surnames = LAST + [(a + b).capitalize() for a in SYLLABLES for b in ENDINGS]
    names = [(f, s) for s in surnames for f in FIRST]
    rng.shuffle(names)
    names = names[:max(10, min(size, len(names)))]
    if shared_roles:
        return [(f, s, rng.choice(ROLES)) for f, s in names]
    generic = [r for r in ROLES if r.islower()]  # "council leader": a post, not one person
    return [(f, s, f"MP for {PLACES[i // 3 % len(PLACES)]}" if i % 3 == 0 else rng.choice(generic))
            for i, (f, s) in enumerate(names)]


def write_corpus(folder: Path, articles: int, per_file: int = 1000, seed: int = 7) -> Path:
    """``articles`` synthetic articles as JSONL files of ``per_file`` lines each."""
    rng = random.Random(seed)
    people = population(articles // 5, rng)
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, articles, per_file):
        with open(folder / f"part-{start // per_file:05d}.jsonl", "w", encoding="utf-8") as fh:
            for n in range(start, min(articles, start + per_file)):
                fh.write(json.dumps(article(rng, n, people)) + "\n")
    return folder


# -- memory of a process tree, from /proc ----------------------------------------------------
def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def _rss_and_kind(pid: int) -> tuple[int, str]:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return 0, ""
    rss = next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    kind = "jvm" if "java" in cmd.split(" ")[0] else "python"
    return rss, kind


class Sampler(threading.Thread):
    """Peak RSS of the root process, its largest Python descendant (a worker) and the JVM, every 0.25 s."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.stop, self.peak = root, threading.Event(), {"driver": 0, "worker": 0, "jvm": 0, "total": 0}

    def run(self) -> None:
        while not self.stop.is_set():
            tree, total, todo = _children(), 0, [self.root]
            while todo:
                pid = todo.pop()
                todo += tree.get(pid, [])
                rss, kind = _rss_and_kind(pid)
                total += rss
                role = "driver" if pid == self.root else ("jvm" if kind == "jvm" else "worker")
                self.peak[role] = max(self.peak[role], rss)
            self.peak["total"] = max(self.peak["total"], total)
            self.stop.wait(0.25)


def measure(cmd: list[str]) -> dict:
    """Run one engine in a child process; its JSON result plus peak memory in MiB."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    out, _ = proc.communicate()
    sampler.stop.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update({f"peak_{k}_mib": round(v / 2**20) for k, v in sampler.peak.items()})
    return result


def run_engine(engine: str, corpus: str, output: str) -> None:
    """The child process: one batch run, its summary as a JSON line."""
    if engine.startswith("local"):
        from onrecord.batch.local import run_local

        summary = run_local([corpus], output, processes=int(engine[len("local"):]), overwrite=True)
    else:
        from onrecord.batch.spark import run_spark

        cores = int(engine[len("spark"):])
        summary = run_spark([corpus], output, master=f"local[{cores}]", overwrite=True)
    print(json.dumps(summary.to_dict()))


# -- loading and linking ---------------------------------------------------------------------
def bench_load(output: Path, urls: dict[str, str]) -> list[dict]:
    from onrecord.batch.load import load
    from onrecord.record import open_store

    rows = []
    for name, url in urls.items():
        with open_store(url) as store:
            summary = load(output, store)
        rows.append({"store": name, **summary.to_dict()})
        print(json.dumps(rows[-1]), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[1000], help="archive sizes to extract")
    parser.add_argument("--engines", nargs="*", default=["local1", "local2", "spark2"],
                        help="local1, local2 (processes), spark2 (Spark local[2])")
    parser.add_argument("--link", type=int, nargs="*", default=[10_000, 100_000], help="statement counts to link")
    parser.add_argument("--skip-extract", action="store_true", help="only the load and link benchmarks")
    parser.add_argument("--postgres", action="store_true", help="also load and link into a throwaway PostgreSQL")
    parser.add_argument("--link-stores", nargs="*", default=None, help="link only in these stores (sqlite, postgresql)")
    parser.add_argument("--step", type=int, default=1000, help="link: articles timed before each size")
    parser.add_argument("--shared-roles", action="store_true", help="link: everyone's role from ten (worst case)")
    parser.add_argument("--work", default=None, help="working folder (default: a temporary one)")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="onrecord-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    report: dict = {"machine": machine(), "extract": [], "load": [], "link": []}
    last_output = None
    for size in [] if args.skip_extract else args.articles:
        corpus = write_corpus(work / f"corpus-{size}", size)
        for engine in args.engines:
            output = work / f"out-{size}-{engine}"
            result = measure([sys.executable, __file__, "_engine", engine, str(corpus), str(output)])
            report["extract"].append({**result, "articles": size, "engine": engine})
            print(json.dumps(report["extract"][-1]), flush=True)
            last_output = output
    with _stores(work, args.postgres) as urls:
        if last_output is not None:
            report["load"] = bench_load(last_output, urls)
        for name, url in urls.items():
            if args.link and (args.link_stores is None or name in args.link_stores):
                from scale_link import bench_link  # benchmarks/, next to this file

                people = population(max(args.link) // 10 + 10, random.Random(11), args.shared_roles)
                report["link"] += bench_link(_fresh(url, name, work), args.link, people, claim, step=args.step,
                                             shared_roles=args.shared_roles, store_name=name)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "scale.json"  # runs accumulate (sizes are slow to redo); delete the file to start over
    if path.exists():
        old = json.loads(path.read_text())
        report = {"machine": report["machine"], **{k: old.get(k, []) + report[k] for k in ("extract", "load", "link")}}
    path.write_text(json.dumps(report, indent=2) + "\n")


def _fresh(url: str, name: str, work: Path) -> str:
    if name == "sqlite":
        for stale in work.glob("link.db*"):  # each run fills its record from empty
            stale.unlink()
        return str(work / "link.db")
    from onrecord.record.pgtemp import create_database

    return create_database(url.rsplit("/", 1)[0], "link_bench")


class _stores:
    """{"sqlite": path} and, with --postgres, {"postgresql": URL} of a throwaway server."""

    def __init__(self, work: Path, postgres: bool) -> None:
        self.work, self.postgres, self.server = work, postgres, None

    def __enter__(self) -> dict[str, str]:
        urls = {"sqlite": str(self.work / "load.db")}
        if self.postgres:
            from onrecord.record.pgtemp import create_database, temporary_postgres

            self.server = temporary_postgres()
            base = self.server.__enter__()
            urls["postgresql"] = create_database(base, "load_bench")
        return urls

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            self.server.__exit__(*exc)


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown")
    return {"cpu": model, "cores": os.cpu_count(), "python": sys.version.split()[0],
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "_engine":
        run_engine(*sys.argv[2:])
    else:
        main()
