"""``onrecord ingest`` killed with SIGKILL at random moments, over and over, then run to the end.

The real command runs in a subprocess over one fictional corpus (the demo corpus, the
record tests' stories, an unreadable file and a revised article). After every kill the
record must be sound (SQLite's own checks, one current version per article, no article
stored in part, articles stored in input order), and the final rerun must leave exactly
the record an uninterrupted run leaves in a fresh database: on SQLite row for row, ids
included; on PostgreSQL (whose id sequences skip what a killed transaction drew) the same
statements, people and links named by what they are.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onrecord.models import Entity
from onrecord.record import open_store
from onrecord.record.schema import SCHEMA_VERSION
from record_helpers import CAST, OUTLETS, TOPICS, make_article, write_corpus
from record_integrity import (DEMO_CORPUS, articles_by_hash, canonical, half_articles, ingest_command, query,
                              run_ingest, schema_version, sqlite_problems, sqlite_tables, version_problems)

SEED = 8
KILLS = 10
# When a kill comes, in seconds after the command starts: "startup" lands in imports,
# opening and migrating; "any" anywhere in a run; "writing" just after the run stored an article.
WINDOWS = {"startup": (0.2, 1.0), "any": (0.0, 3.5), "writing": (0.0, 0.04)}
BRIEFS = 300  # articles the write-only process stores (write_briefs)
WRITER = [sys.executable, "-c",
          "import sys; from test_crash import write_briefs; write_briefs(sys.argv[1], int(sys.argv[2]))"]


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[Path]:
    """The corpus, in the order the command reads it; the last file revises the first article."""
    folder = tmp_path_factory.mktemp("crash")
    first = json.loads(DEMO_CORPUS.read_text(encoding="utf-8").splitlines()[0])
    revised = dict(first, text=first["text"] + "\n\n\"We will publish the whole contract next week,\" Lowe added.")
    (folder / "revised.jsonl").write_text(json.dumps(revised) + "\n", encoding="utf-8")
    (folder / "first.jsonl").write_text(json.dumps(first) + "\n", encoding="utf-8")
    return [DEMO_CORPUS, write_corpus(folder / "news"), folder / "revised.jsonl"]


@pytest.fixture(scope="module")
def reference(sources, tmp_path_factory) -> Path:
    """The record one uninterrupted run of the command leaves in a fresh database."""
    db = tmp_path_factory.mktemp("reference") / "record.db"
    done = run_ingest(db, *sources)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def whole(reference, sources, tmp_path_factory) -> dict:
    """What storing each article version writes, from uninterrupted runs (the revised article's first
    version is superseded in the reference, so it comes from a run of that article alone)."""
    db = tmp_path_factory.mktemp("first") / "record.db"
    done = run_ingest(db, sources[-1].with_name("first.jsonl"))
    assert done.returncode == 0, done.stderr
    return {**articles_by_hash(canonical(db)), **articles_by_hash(canonical(reference))}


def stored(url: str | Path) -> int:
    """Article rows on record; 0 before the record has its tables."""
    return query(url, "SELECT count(*) FROM articles")[0][0] if schema_version(url) == SCHEMA_VERSION else 0


def kill_once(url: str | Path, sources: list[Path], when: str, rng: random.Random) -> bool:
    """Start the command, SIGKILL it at a moment of kind ``when``; False if it finished first."""
    before = stored(url)
    proc = subprocess.Popen(ingest_command(url, *sources), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if when == "writing":
            deadline = time.monotonic() + 120
            while stored(url) == before and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
        time.sleep(rng.uniform(*WINDOWS[when]))
    finally:
        proc.kill()
        proc.wait()
    return proc.returncode == -signal.SIGKILL


def versions_in_order(url: str | Path) -> list[tuple]:
    """(key, version, content hash) of every article version, in the order they were stored."""
    return query(url, "SELECT key, version, content_hash FROM articles ORDER BY id")


def assert_sound(url: str | Path, whole: dict, order: list[tuple]) -> None:
    """The record after a kill: nothing corrupt, nothing half-stored, articles in input order."""
    if not str(url).startswith("postgresql://"):
        assert sqlite_problems(url) == []
    if schema_version(url) < SCHEMA_VERSION:  # killed while creating the record: no articles yet
        return
    assert version_problems(url) == []
    assert half_articles(canonical(url), whole) == []
    seen = versions_in_order(url)
    assert seen == order[:len(seen)]


def brief(i: int) -> tuple:
    """The i-th of a stream of short fictional articles (3 quotes, 2 speakers); every fifth
    is a new version of the one before it."""
    n = i - 1 if i % 5 == 4 else i
    (name, surname, role, _), (other, _, other_role, _) = CAST[n % len(CAST)], CAST[(n + 1) % len(CAST)]
    said = f"The {TOPICS[n % len(TOPICS)]} {'will' if n == i else 'must'} be finished by {2025 + n % 3}"
    text = (f"\"{said},\" said {name}, {role}. \"It is ready,\" {surname} added. "
            f"\"Not before {n} more reviews,\" said {other}, {other_role}.")
    quotes = [(said, "e1", "direct"), ("It is ready", "e1", "direct"), (f"Not before {n} more reviews", "e2", "direct")]
    people = [Entity("e1", name, "person", aliases=(surname,), roles=(role,)),
              Entity("e2", other, "person", roles=(other_role,))]
    return make_article(f"brief-{n}", text, quotes, people, published=f"2024-06-{1 + n % 28:02d}",
                        outlet=OUTLETS[n % len(OUTLETS)], url=f"https://post.example/brief-{n}")


def write_briefs(url: str, count: int) -> None:
    """Store the first ``count`` briefs (what the killed writer process runs)."""
    with open_store(url) as store:
        for i in range(count):
            store.add(*brief(i))


def test_sigkill_inside_write_transactions_never_leaves_half_an_article(tmp_path):
    """A writer that does nothing but write, so that kills land inside transactions: article
    row, people links, mentions, quotes and the replaced version's cleanup in each."""
    rng = random.Random(SEED)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
    reference, db = tmp_path / "reference.db", tmp_path / "killed.db"
    subprocess.run([*WRITER, str(reference), str(BRIEFS)], env=env, check=True, timeout=120)
    progress = []
    for _ in range(8):
        before = stored(db)
        proc = subprocess.Popen([*WRITER, str(db), str(BRIEFS)], env=env)
        while stored(db) == before and proc.poll() is None:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.1))
        proc.kill()
        assert proc.wait() == -signal.SIGKILL
        assert sqlite_problems(db) == [] and version_problems(db) == []
        counts = query(db, "SELECT a.is_current, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
                           "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a")
        assert {(current, quotes, mentions) for current, quotes, mentions in counts} <= {(1, 3, 2), (0, 0, 0)}
        progress.append(len(counts))
    print(f"writer killed 8 times; article rows after each: {progress} of {stored(reference)}")
    assert progress == sorted(progress) and progress[-1] < stored(reference)
    subprocess.run([*WRITER, str(db), str(BRIEFS)], env=env, check=True, timeout=120)
    assert sqlite_tables(db) == sqlite_tables(reference)


def test_sigkill_at_random_moments_never_corrupts_and_rerun_finishes_the_same(sources, reference, whole, tmp_path):
    rng = random.Random(SEED)
    db = tmp_path / "killed.db"
    order = versions_in_order(reference)
    kills: dict[str, int] = {}
    progress = []  # articles on record after each kill
    for i in range(KILLS):
        when = "startup" if i == 0 else rng.choice(["any", "writing", "writing"])
        if not kill_once(db, sources, when, rng):
            break  # the run finished before the kill: everything is stored
        kills[when] = kills.get(when, 0) + 1
        assert_sound(db, whole, order)
        progress.append(stored(db))
    print(f"kills: {kills}; articles on record after each: {progress} of {len(order)}")
    assert sum(kills.values()) >= 7 and kills.get("writing", 0) >= 3, kills
    assert len({n for n in progress if 0 < n < len(order)}) >= 3, progress  # kills came all along the run
    done = run_ingest(db, *sources)
    assert done.returncode == 0, done.stderr
    assert sqlite_problems(db) == []
    assert sqlite_tables(db) == sqlite_tables(reference)
    assert canonical(db) == canonical(reference)


def test_sigkill_against_postgresql_then_rerun_finishes_the_same(sources, reference, whole, postgres_url):
    rng = random.Random(SEED)
    order = versions_in_order(reference)
    for _ in range(2):
        assert kill_once(postgres_url, sources, "writing", rng)
        assert_sound(postgres_url, whole, order)
    assert 0 < stored(postgres_url) < len(order)
    done = run_ingest(postgres_url, *sources)
    assert done.returncode == 0, done.stderr
    assert version_problems(postgres_url) == []
    assert canonical(postgres_url) == canonical(reference)


def test_an_old_copy_read_again_does_not_undo_the_version_that_replaced_it(store):
    # What a rerun meets when its inputs hold two versions of an article: both are read again.
    old = make_article("ferry", "\"The ferry runs at nine,\" the captain said.", [("The ferry runs at nine", None,
                       "direct")], [], url="https://herald.example/ferry")
    new = make_article("ferry", "\"The ferry runs at ten,\" the captain said.", [("The ferry runs at ten", None,
                       "direct")], [], url="https://herald.example/ferry")
    assert [store.add(*old), store.add(*new), store.add(*old), store.add(*new)] == \
        ["stored", "replaced", "skipped", "skipped"]
    assert [h.content for h in store.search("ferry")] == ["The ferry runs at ten"]
    assert store.counts().versions == 2


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes in Linux's /proc")
def test_a_killed_parallel_ingest_leaves_no_worker_processes_behind(sources, reference, whole, tmp_path):
    db = tmp_path / "record.db"
    proc = subprocess.Popen([*ingest_command(db, *sources), "--processes", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        while stored(db) == 0 and proc.poll() is None:
            time.sleep(0.005)
        workers = children(proc.pid)
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 15
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [w for w in workers if running(w)]
    finally:
        for w in workers:
            if running(w):
                os.kill(w, signal.SIGKILL)
    assert len(workers) >= 2 and left == []  # two extraction workers (and multiprocessing's tracker)
    assert_sound(db, whole, versions_in_order(reference))
