"""Several ``onrecord ingest`` processes and ``onrecord serve`` on one record at once.

All of them start together on a record that does not exist yet (so they also race to
create it), over overlapping parts of one fictional corpus, while reader threads poll the
server's API. Nothing may be lost or stored twice, no "database is locked" (or any other
error) may reach a user, and no reader may see an article without all the statements it
ends up with.
"""
from __future__ import annotations

import re
import socket
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from onrecord.record import StoreError, open_store
from onrecord.record.sqlite import SQLiteStore
from record_helpers import OUTLETS, make_article, write_corpus
from record_integrity import DEMO_CORPUS, ONRECORD, ingest_command, query, sqlite_problems, version_problems

ARTICLES = 38  # the demo corpus (12) and the record tests' corpus (24 stories, 2 letters)
DEMO_OUTLETS = ["Kestrel Bay Chronicle", "The Coastal Post", "Westmoor Evening News", "Bayline Radio News"]
TROUBLE = re.compile(r"locked|busy|Traceback|Error", re.IGNORECASE)


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("concurrency") / "news")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(url: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """``onrecord serve`` on the record, started at once (it may be the one that creates the record)."""
    port = free_port()
    proc = subprocess.Popen([*ONRECORD, "serve", "--db", url, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield f"http://127.0.0.1:{port}", proc
    finally:
        proc.terminate()
        proc.wait(30)


@dataclass
class Readers:
    """Threads polling the API until stopped: articles by id, and each outlet's quotes."""

    base: str
    articles: int
    stop: threading.Event = field(default_factory=threading.Event)
    statuses: Counter = field(default_factory=Counter)
    seen: list[tuple[int, int]] = field(default_factory=list)  # (article id, statements it had)
    pages: list[tuple[str, Counter, bool]] = field(default_factory=list)  # (outlet, quotes per article, all?)

    def __enter__(self) -> "Readers":
        self.threads = [threading.Thread(target=self._guard, args=(work,)) for work in (self._by_id, self._by_outlet)]
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(30)

    def _guard(self, work) -> None:
        try:
            with httpx.Client(base_url=self.base, timeout=30) as client:
                _wait_for(client, self.stop)
                while not self.stop.is_set():
                    work(client)
        except Exception as e:  # noqa: BLE001 - counted, so the test fails saying what went wrong
            self.statuses[f"{type(e).__name__}: {e}"] += 1

    def _get(self, client: httpx.Client, path: str, **params) -> dict | None:
        response = client.get(path, params=params)
        self.statuses[response.status_code] += 1
        return response.json() if response.status_code == 200 else None

    def _by_id(self, client: httpx.Client) -> None:
        for article_id in range(1, self.articles + 3):
            data = self._get(client, f"/api/articles/{article_id}")
            if data is not None:
                self.seen.append((article_id, len(data["statements"])))

    def _by_outlet(self, client: httpx.Client) -> None:
        for outlet in DEMO_OUTLETS + OUTLETS:
            data = self._get(client, "/api/quotes", outlet=outlet, per_page=100)
            if data is not None:
                self.pages.append((outlet, Counter(hit["article_id"] for hit in data["results"]),
                                   data["next_page"] is None))


def _wait_for(client: httpx.Client, stop: threading.Event) -> None:
    """Until the server answers (it starts while the ingests do)."""
    deadline = time.monotonic() + 120
    while not stop.is_set():
        try:
            client.get("/api/quotes")
            return
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def run_together(url: str, inputs: list[list[Path]]) -> tuple[list[subprocess.CompletedProcess], Readers, str]:
    """Start the server and one ingest per input list at the same moment; poll until all ingests end."""
    with serving(url) as (base, server):
        writers = [subprocess.Popen(ingest_command(url, *sources), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True) for sources in inputs]
        with Readers(base, ARTICLES) as readers:
            outputs = [p.communicate(timeout=300) for p in writers]
            done = [subprocess.CompletedProcess(p.args, p.returncode, *out) for p, out in zip(writers, outputs)]
            time.sleep(0.5)  # a last round of reads over the finished record
    server_log = server.communicate()[1]
    return done, readers, server_log


def assert_all_went_well(url: str, done: list[subprocess.CompletedProcess], readers: Readers, server_log: str) -> None:
    for run in done:
        assert run.returncode == 0, run.stderr
        assert not TROUBLE.search(run.stderr), run.stderr
    assert not TROUBLE.search(server_log), server_log
    stored = sum(int(re.search(r"stored \(new\)\s+│?\s*(\d+)", run.stderr).group(1)) for run in done)
    assert stored == ARTICLES  # each article stored by exactly one of the writers
    assert query(url, "SELECT count(DISTINCT key), count(*), sum(is_current), max(version) FROM articles") == \
        [(ARTICLES, ARTICLES, ARTICLES, 1)]
    assert version_problems(url) == []
    assert [r[1:] for r in query(url, "SELECT source, stage FROM failures")] == [("read",)]
    final = dict(query(url, "SELECT article_id, count(*) FROM quotes GROUP BY article_id"))
    assert len(final) == ARTICLES  # every fictional article has quoted speech
    # Readers saw the record grow, and every article they saw had all its statements.
    assert set(readers.statuses) <= {200, 404}, readers.statuses
    assert readers.seen and readers.pages
    totals = {o: {sum(c.values()) for o2, c, _ in readers.pages if o2 == o} for o in DEMO_OUTLETS + OUTLETS}
    assert readers.statuses[404] and max(map(len, totals.values())) > 1, "no read came while the record grew"
    assert all(whole for _, _, whole in readers.pages)  # each outlet's quotes fit on the one page read
    assert [(i, n) for i, n in readers.seen if final[i] != n] == []
    assert [(o, c) for o, c, _ in readers.pages if any(final[i] != n for i, n in c.items())] == []
    print(f"{len(done)} writers, {sum(readers.statuses.values())} requests {dict(readers.statuses)}, "
          f"{len(readers.seen)} article reads, {len(readers.pages)} quote pages")


def test_two_ingests_and_a_server_on_one_sqlite_record(news, tmp_path):
    db = tmp_path / "record.db"
    done, readers, server_log = run_together(str(db), [[DEMO_CORPUS, news / "stories.jsonl"], [news, DEMO_CORPUS]])
    assert_all_went_well(str(db), done, readers, server_log)
    assert sqlite_problems(db) == []


def test_three_ingests_and_a_server_on_one_postgresql_record(news, postgres_url):
    done, readers, server_log = run_together(postgres_url, [[DEMO_CORPUS], [news], [news / "stories.jsonl",
                                                                                      DEMO_CORPUS]])
    assert_all_went_well(postgres_url, done, readers, server_log)


def pier(words: str = "The pier reopens in May") -> tuple:
    return make_article("pier", f"\"{words},\" the harbour master said.", [(words, None, "direct")], [],
                        url="https://herald.example/pier")


def test_a_read_sees_one_moment_while_an_article_is_replaced(store_url):
    """What a page reading an article meets when a writer replaces it between two of its queries."""
    with open_store(store_url) as reader, open_store(store_url) as writer:
        writer.add(*pier())
        with reader.transaction(write=False) as tx:
            article_id = tx.scalar("SELECT id FROM articles WHERE is_current = 1")
            assert writer.add(*pier("The pier stays shut all year")) == "replaced"  # commits meanwhile
            quotes = tx.all("SELECT content FROM quotes WHERE article_id = ?", (article_id,))
        assert quotes == [("The pier reopens in May",)]
        with reader.transaction(write=False) as tx:
            assert tx.all("SELECT content FROM quotes WHERE article_id = ?", (article_id,)) == []


@contextmanager
def held_write_lock(db: Path, seconds: float | None = None) -> Iterator[None]:
    """Another process's write transaction on the SQLite file (released after ``seconds``, else on exit)."""
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(seconds, other.rollback) if seconds else None
    if timer:
        timer.start()
    try:
        yield
    finally:
        if timer:
            timer.join()
        else:
            other.rollback()
        other.close()


def test_a_writer_waits_for_another_process_write_to_finish(tmp_path):
    db = tmp_path / "record.db"
    with SQLiteStore(str(db)) as store, held_write_lock(db, seconds=0.5):
        started = time.monotonic()
        assert store.add(*pier()) == "stored"
        assert time.monotonic() - started >= 0.4


def test_a_writer_held_up_too_long_gets_a_one_line_error_and_loses_nothing(tmp_path):
    db = tmp_path / "record.db"
    with SQLiteStore(str(db), busy_timeout=0.2) as store:
        with held_write_lock(db), pytest.raises(StoreError, match=r"is locked: another process has been writing "
                                                                 r"to it for over 0\.2 s .* try again"):
            store.add(*pier())
        assert store.add(*pier()) == "stored"
