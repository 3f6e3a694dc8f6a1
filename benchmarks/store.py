"""Benchmark the record: ingest rate (with extraction) and search latency on a large synthetic record.

    .venv/bin/python benchmarks/store.py                       # 1,000,000 quotes, SQLite and PostgreSQL
    .venv/bin/python benchmarks/store.py --quotes 200000 --backends sqlite
    .venv/bin/python benchmarks/store.py --postgres postgresql://user@host/db   # an existing empty database

Ingest rate: articles/s through ``Store.ingest`` (reading, extraction, linking,
one transaction per article) with 1 and 2 worker processes, on PolNeAR dev when
``../shared/data/polnear/dev`` exists, else on fictional generated articles; the
time includes loading the model in each worker.

Search latency: a synthetic record of ``--quotes`` statements (10 per article,
3 speakers per article out of quotes/200 people, made from our own word lists with
Zipf-distributed topic words) is written straight into the store's tables, not
through extraction; then ``Store.search`` (limit 20, with snippets) runs a mix of
queries and filters, and p50/p95 are reported per query type and overall.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from onrecord.record import open_store  # noqa: E402
from onrecord.record.names import name_tokens  # noqa: E402
from onrecord.record.people import Profile, mention_keys  # noqa: E402

NOUNS = ("harbour bridge toll ferry clinic school budget tax hospital railway airport river council election "
         "housing wage pension police court prison army border visa tariff steel coal wind solar grid water "
         "flood drought harvest farm fishery market bank loan debt inflation rent mortgage museum library "
         "stadium theatre festival church mosque temple park forest beach road tunnel canal port dock "
         "factory mine refinery pipeline vaccine pandemic nurse doctor teacher student university exam "
         "curriculum scandal inquiry report audit contract tender merger strike union protest petition "
         "referendum ballot campaign debate poll scandal lawsuit verdict appeal sentence pardon treaty "
         "summit embassy sanction ceasefire refugee asylum charity donation grant subsidy license permit "
         "zoning planning heritage monument statue bridgehead lighthouse marina reservoir dam orchard vineyard "
         "brewery bakery newspaper broadcaster podcast website algorithm satellite rocket telescope").split()
ADJECTIVES = ("new old public private local national regional rural urban coastal northern southern "
              "emergency temporary permanent expensive cheap unfair reckless careful historic modern").split()
TEMPLATES = (
    "We will {verb} the {adj} {noun} before the {noun2} is settled.",
    "The {noun} plan is {judgement} and the {noun2} proves it.",
    "Nobody asked the people who depend on the {noun} about the {adj} {noun2}.",
    "I have always said the {noun} should come first, and I stand by that.",
    "This {adj} {noun} is a {judgement} answer to a simple question about the {noun2}.",
    "Our families deserve a {noun} that works, not another year of talk about the {noun2}.",
)
VERBS = "fund protect review scrap rebuild delay defend oppose support close reopen expand".split()
JUDGEMENTS = "reckless sensible disgraceful overdue welcome shameful necessary misguided".split()
FIRST = ("Mara Tom Delia Ruth Idris Helen David Aisha Omar Lena Pavel Sofia Jonas Priya Kwame Ines Farid "
         "Greta Hugo Nadia Viktor Yara Emil Zora Caspar Lotte Bram Mirela Tariq Noor").split()
LAST = ("Marsh Okafor Vane Quill Fell Hartley Osei Brandt Novak Lindqvist Moreau Kaur Mensah Ferreira "
        "Haddad Petrov Sato Kovacs Duarte Nyberg Achebe Rossi Varga Keane Ibarra Falk Oduya Strand").split()
OUTLETS = ["Port Avery Post", "Harbour Herald", "Coastline Weekly", "Northern Ledger", "Valley Courier",
           "Capital Daily", "Evening Signal", "Island Gazette"]


def zipf_choice(rng: random.Random, items: list[str], k: int) -> list[str]:
    weights = [1 / (i + 1) for i in range(len(items))]
    return rng.choices(items, weights=weights, k=k)


def sentence(rng: random.Random) -> str:
    noun, noun2 = zipf_choice(rng, NOUNS, 2)
    return rng.choice(TEMPLATES).format(verb=rng.choice(VERBS), adj=rng.choice(ADJECTIVES), noun=noun,
                                        noun2=noun2, judgement=rng.choice(JUDGEMENTS))


def people_names(n: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen = set()
    while len(names) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(FIRST)[0]}. {rng.choice(LAST)}" if len(seen) > 800 else \
            f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def synthesize(store, quotes: int, seed: int = 7, chunk: int = 20_000) -> dict[str, float]:
    """Write a record of ``quotes`` statements straight into the store's tables."""
    rng = random.Random(seed)
    n_articles = max(1, quotes // 10)
    names = people_names(max(10, quotes // 200), rng)
    started = time.perf_counter()
    with store.transaction() as tx:
        tx.many("INSERT INTO people (id, name, kind, named, created_at) VALUES (?, ?, 'person', 1, '2024-01-01')",
                ((i + 1, name) for i, name in enumerate(names)))
    quote_id = mention_id = 0
    for first in range(0, n_articles, chunk // 10):
        articles, mentions, keys, rows = [], [], [], []
        for a in range(first, min(n_articles, first + chunk // 10)):
            day = f"20{15 + a * 10 // n_articles:02d}-{1 + a % 12:02d}-{1 + a % 28:02d}"
            outlet = OUTLETS[a % len(OUTLETS)]
            articles.append((a + 1, f"synthetic-{a}", 1, 1, f"hash-{a}", f"synthetic-{a}", f"Story {a}", day,
                             outlet, sentence(rng), "2024-01-01"))
            speakers = []
            for local, pid in enumerate(rng.sample(range(1, len(names) + 1), 3)):
                mention_id += 1
                speakers.append((mention_id, names[pid - 1]))
                mentions.append((mention_id, a + 1, f"e{local}", names[pid - 1], "person", pid, 3.0, "synthetic"))
                p = Profile(f"e{local}", names[pid - 1], "person", (name_tokens(names[pid - 1]),), (),
                            frozenset(), (), ())
                keys += [(mention_id, k) for k in mention_keys(p, outlet) if k[:2] in ("n:", "l:", "fl")]
            for position in range(10):
                quote_id += 1
                content = " ".join(sentence(rng) for _ in range(rng.choice((1, 1, 2))))
                rows.append((quote_id, a + 1, f"q{position + 1}", position, rng.choice(("direct", "mixed", "indirect")),
                             0.9, content, json.dumps([[0, len(content)]]), 0, len(content),
                             *speakers[position % 3], day, outlet))
        with store.transaction() as tx:
            tx.many("INSERT INTO articles (id, key, version, is_current, content_hash, doc_id, title, published, "
                    "outlet, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
            tx.many("INSERT INTO mentions (id, article_id, local_id, name, kind, person_id, score, reason) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mentions)
            tx.many("INSERT INTO mention_keys (mention_id, key) VALUES (?, ?)", keys)
            tx.many("INSERT INTO quotes (id, article_id, qid, position, kind, confidence, content, spans, "
                    "start_char, end_char, mention_id, speaker_name, published, outlet) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    load = time.perf_counter() - started
    _analyze(store)
    return {"load_s": load, "analyze_s": time.perf_counter() - started - load, "people": len(names),
            "articles": n_articles}


def _analyze(store) -> None:
    if store.dialect == "sqlite":
        with store.transaction() as tx:
            tx.run("INSERT INTO quotes_fts (quotes_fts) VALUES ('optimize')")
            tx.run("INSERT INTO quotes_by_day (quotes_by_day) VALUES ('optimize')")
            tx.run("ANALYZE")
    else:
        store._conn.execute("VACUUM ANALYZE")  # outside a transaction, as VACUUM requires
        with store.transaction() as tx:
            for table in ("people", "articles", "mentions", "quotes"):
                tx.run(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")


def query_mix(rng: random.Random, names: list[str]) -> list[tuple[str, str | None, dict]]:
    """(type, text query, filters) for the latency run."""
    rare = NOUNS[40:]
    mix = []
    for _ in range(40):
        year = rng.randint(2015, 2024)
        mix += [
            ("one word", rng.choice(rare), {}),
            ("two words", f"{rng.choice(NOUNS[:40])} {rng.choice(rare)}", {}),
            ("phrase", f'"the {rng.choice(rare)} plan"', {}),
            ("word + speaker", rng.choice(NOUNS[:20]), {"speaker": rng.choice(names)}),
            ("word + dates", rng.choice(rare), {"since": f"{year}-01-01", "until": f"{year}-03-31"}),
            ("word + outlet", rng.choice(rare), {"outlet": rng.choice(OUTLETS)}),
            ("speaker only", None, {"speaker": rng.choice(names)}),
            ("common word", rng.choice(("will", "plan", "people", "question")), {}),
        ]
    return mix


def latency(store, names: list[str], seed: int = 11) -> dict[str, dict[str, float]]:
    mix = query_mix(random.Random(seed), names)
    for kind, text, filters in mix[:16]:  # warm the caches
        store.search(text, **filters)
    by_type: dict[str, list[float]] = {}
    for kind, text, filters in mix:
        t0 = time.perf_counter()
        store.search(text, **filters)
        by_type.setdefault(kind, []).append((time.perf_counter() - t0) * 1000)
    everything = [ms for values in by_type.values() for ms in values]
    by_type["all"] = everything
    return {k: {"p50": statistics.median(v), "p95": _p95(v), "n": len(v)} for k, v in by_type.items()}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def ingest_rates(url_for, corpus: list[str], processes: tuple[int, ...]) -> dict[int, dict[str, float]]:
    from onrecord.ingest import iter_articles

    out = {}
    for n in processes:
        with open_store(url_for(f"ingest_{n}")) as store:
            summary = store.ingest(iter_articles(corpus), processes=n)
        out[n] = {"articles": summary.stored + summary.replaced, "seconds": summary.seconds,
                  "articles_per_s": summary.rate, "quotes": summary.quotes}
    return out


def corpus_sources(tmp: Path) -> tuple[list[str], str]:
    polnear = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear" / "dev"
    if polnear.is_dir():
        return [str(polnear.resolve())], "PolNeAR dev"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "record"))
    from conftest import write_corpus  # noqa: E402 - our fictional corpus

    return [str(write_corpus(tmp / "corpus", n=80))], "80 fictional articles"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quotes", type=int, default=1_000_000, help="size of the synthetic record")
    ap.add_argument("--backends", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    ap.add_argument("--postgres", help="an existing server's base URL (default: start a throwaway one)")
    ap.add_argument("--no-ingest", action="store_true", help="skip the ingest-rate part")
    ap.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = ap.parse_args()
    results: dict[str, dict] = {}
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="onrecord-bench-") as tmp:
        tmp_path = Path(tmp)
        sources, corpus_name = corpus_sources(tmp_path)
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url_for = lambda name: str(tmp_path / f"{name}.db")  # noqa: E731
            else:
                from onrecord.record.pgtemp import create_database, temporary_postgres

                base = args.postgres or stack.enter_context(temporary_postgres())
                url_for = lambda name, base=base: create_database(base, f"bench_{name}_{int(time.time())}")  # noqa: E731
            result: dict = {}
            if not args.no_ingest:
                result["ingest"] = ingest_rates(url_for, sources, (1, 2))
                result["ingest_corpus"] = corpus_name
            with open_store(url_for(f"synthetic_{args.quotes}")) as store:
                result["synthetic"] = synthesize(store, args.quotes)
                names = [r[0] for r in store._conn.execute("SELECT name FROM people ORDER BY id LIMIT 200")]
                result["search_ms"] = latency(store, names)
            results[backend] = result
            report(backend, result, args.quotes)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


def report(backend: str, r: dict, quotes: int) -> None:
    print(f"\n## {backend}: {quotes:,} synthetic quotes")
    if "ingest" in r:
        print(f"ingest ({r['ingest_corpus']}, with extraction):")
        for n, v in r["ingest"].items():
            print(f"  {n} process(es): {v['articles']} articles in {v['seconds']:.1f} s = "
                  f"{v['articles_per_s']:.1f} articles/s ({v['quotes']} quotes)")
    s = r["synthetic"]
    print(f"synthetic load: {s['articles']:,} articles, {s['people']:,} people in {s['load_s']:.0f} s "
          f"(+{s['analyze_s']:.0f} s optimise/analyse)")
    print(f"{'search (limit 20)':<18} {'p50 ms':>8} {'p95 ms':>8} {'n':>5}")
    for kind, v in r["search_ms"].items():
        print(f"{kind:<18} {v['p50']:8.1f} {v['p95']:8.1f} {v['n']:5d}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
