"""Ingesting articles into the record: hashing, versions, parallel extraction, failures.

Each article is written in one transaction (article row, people links, quotes),
so killing the process at any moment loses only the article in flight, and a
rerun skips everything already stored (same content hash) and continues.
Articles are extracted in worker processes but written by this process, in
input order, so an interrupted and resumed run links people exactly as an
uninterrupted one.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path

from ..article import Article, Failure, printable
from ..models import Entity, Extraction, Quote
from ..pool import exit_with_parent
from .days import publication_day
from .linking import link_across, name_keys, relink_lost_names, store_article_links, target_key
from .people import ArticleContext, forget_orphans, link_entity
from .store import Store, Tx, now

BATCH = 8  # articles per nlp.pipe batch (and per task sent to a worker)


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    quotes: int = 0
    speakers: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles handled (stored, replaced or skipped) per second."""
        done = self.stored + self.replaced + self.skipped
        return done / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"read": self.read, "stored": self.stored, "replaced": self.replaced,
                "skipped": self.skipped, "failed": self.failed, "quotes": self.quotes,
                "speakers": self.speakers, "seconds": round(self.seconds, 2)}


@dataclass(frozen=True)
class IngestProgress:
    """Passed to the progress callback after every article."""

    done: int
    total: int | None
    summary: IngestSummary
    last: str = ""
    outcome: str = ""


Progress = Callable[[IngestProgress], None]


def content_hash(article: Article) -> str:
    """What makes two versions of an article differ: its text and metadata."""
    parts = (article.text, article.title or "", article.published or "", article.outlet or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


# Ids given to an article that came with none (standard input, an API request without "id"):
# they say nothing of which article it is, so two such articles are not versions of one.
_NO_ID = frozenset({"doc", "stdin", "request"})


def article_key(article: Article) -> str:
    """Versions of one article share a key: its URL, else its id, else the file (and line) it was
    read from; an article with none of these is its own."""
    if article.url:
        return article.url
    if article.doc_id in _NO_ID:
        return f"{article.doc_id}:{content_hash(article)[:20]}"
    return _file_key(article) or article.doc_id


_LINE = re.compile(r"^(.*):(\d+)$")


def _file_key(article: Article) -> str | None:
    """'file:/abs/news/dock-strike/index.html' (':12' for a JSONL line) for an article named after
    its file: two files called index.html in two folders are two articles, not versions of one."""
    source = article.source or ""
    if not source or "://" in source or source.startswith(("api:", "<")):
        return None
    path, line = (m.group(1), m.group(2)) if (m := _LINE.match(source)) else (source, None)
    stem = printable(Path(path).stem)
    if article.doc_id != (f"{stem}-{line}" if line else stem):
        return None  # an id of its own (a JSONL "id")
    return f"file:{Path(path).resolve()}" + (f":{line}" if line else "")


def source_of(item: Article | Failure) -> str:
    return item.source or getattr(item, "url", None) or item.doc_id


def is_stored(store: Store, article: Article) -> bool:
    with store.transaction(write=False) as tx:
        return _on_record(tx, content_hash(article), article_key(article))


def _on_record(tx: Tx, digest: str, key: str) -> bool:
    """This content is on record: as a current article, or as an earlier version of this one.

    An old copy read again (a rerun over inputs that hold two versions of an article) is
    skipped, not stored as a newer version that would undo the one that replaced it.
    """
    return bool(tx.scalar("SELECT 1 FROM articles WHERE content_hash = ? AND (is_current = 1 OR key = ?) LIMIT 1",
                          (digest, key)))


def record_failure(store: Store, source: str, stage: str, reason: str) -> None:
    with store.transaction() as tx:
        stamp = now()
        tx.run(
            "INSERT INTO failures (source, stage, reason, attempts, first_seen, last_seen) "
            "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (source) DO UPDATE SET stage = excluded.stage, "
            "reason = excluded.reason, attempts = failures.attempts + 1, last_seen = excluded.last_seen",
            (source, stage, reason, stamp, stamp))


def store_extraction(store: Store, article: Article, extraction: Extraction, source: str | None = None) -> str:
    """Write one article and its extraction in one transaction.

    Returns ``skipped`` (this content is already on record), ``stored`` (new) or
    ``replaced`` (a new version of an article with the same key: the old version's
    quotes and speaker links are replaced in the same transaction).
    """
    digest, key = content_hash(article), article_key(article)
    source = source or source_of(article)
    with store.transaction() as tx:
        if _on_record(tx, digest, key):
            tx.run("DELETE FROM failures WHERE source = ?", (source,))
            return "skipped"
        previous = tx.one("SELECT id, version FROM articles WHERE key = ? AND is_current = 1", (key,))
        if previous is None and key.startswith("file:"):  # stored by an older onrecord under the file's name
            legacy = tx.one("SELECT id, version, key FROM articles WHERE key = ? AND source = ? AND is_current = 1",
                            (article.doc_id, source))
            previous, key = (legacy[:2], legacy[2]) if legacy else (None, key)
        orphans: set[int] = set()
        if previous:
            orphans = {r[0] for r in tx.all(
                "SELECT DISTINCT person_id FROM mentions WHERE article_id = ? AND person_id IS NOT NULL",
                (previous[0],))}
            tx.run("DELETE FROM quotes WHERE article_id = ?", (previous[0],))
            tx.run("DELETE FROM mentions WHERE article_id = ?", (previous[0],))
            tx.run("UPDATE articles SET is_current = 0 WHERE id = ?", (previous[0],))
        article_id = tx.insert(
            "INSERT INTO articles (key, version, is_current, content_hash, doc_id, source, url, title, "
            "published, outlet, text, ingested_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (key, previous[1] + 1 if previous else 1, digest, article.doc_id, source, article.url,
             article.title, article.published, article.outlet, article.text, now()))
        ctx = ArticleContext(article_id, key, article.outlet, article.published)
        mention_of = {e.id: link_entity(tx, e, ctx) for e in _entities(extraction)}
        tx.many(_QUOTE_SQL, (_quote_row(article_id, article, i, q, mention_of) for i, q in
                             enumerate(extraction.quotes)))
        store_article_links(tx, article_id, extraction.quotes)
        link_across(tx, article_id)  # links to and from other articles' statements
        keys = name_keys(tx, orphans)
        forget_orphans(tx, orphans)
        relink_lost_names(tx, keys, orphans)  # the old version may have given someone a name
        tx.run("DELETE FROM failures WHERE source = ?", (source,))
    return "replaced" if previous else "stored"


def _entities(extraction: Extraction) -> list[Entity]:
    """The article's speakers, plus any a quote names that the speaker list lacks."""
    entities = list(extraction.speakers)
    known = {e.id for e in entities}
    for q in extraction.quotes:
        s = q.speaker
        if s is not None and s.id not in known:
            known.add(s.id)
            entities.append(Entity(s.id, s.name, s.kind, roles=(s.role,) if s.role else ()))
    return entities


_QUOTE_SQL = (
    "INSERT INTO quotes (article_id, qid, position, kind, confidence, content, spans, start_char, end_char, "
    "cue_start, cue_end, cue_text, source_start, source_end, source_text, mention_id, speaker_name, "
    "speaker_role, published, outlet, type, type_confidence, target_name, target_kind, target_key) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _quote_row(article_id: int, article: Article, i: int, q: Quote, mention_of: dict[str, int]) -> tuple:
    cue, src, spk = q.cue, q.source, q.speaker
    return (
        article_id, q.id or f"q{i + 1}", i, q.kind, float(q.confidence), q.text,
        json.dumps([[s.start, s.end] for s in q.content]), q.start, q.end,
        cue.start if cue else None, cue.end if cue else None, cue.text if cue else None,
        src.start if src else None, src.end if src else None, src.text if src else None,
        mention_of.get(spk.id) if spk else None, spk.name if spk else None, spk.role if spk else None,
        publication_day(article.published), article.outlet, q.type, q.type_confidence,
        q.target.name if q.target else None, q.target.kind if q.target else None, target_key(q.target),
    )


def extract_chunk(articles: list[Article]) -> list[Extraction | str]:
    """Extract a batch; an article that makes extraction fail gets its error message instead."""
    from ..extract import extract_articles

    try:
        return list(extract_articles(articles, batch_size=len(articles)))
    except Exception:  # noqa: BLE001 - retry one by one to find the article at fault
        pass
    results: list[Extraction | str] = []
    for article in articles:
        try:
            results.append(next(extract_articles([article])))
        except Exception as e:  # noqa: BLE001 - one bad article must not stop a corpus run
            results.append(f"extraction failed: {type(e).__name__}: {e}")
    return results


@dataclass
class _Run:
    store: Store
    total: int | None
    progress: Progress | None
    started: float = field(default_factory=time.monotonic)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("read", "stored", "replaced", "skipped", "failed", "quotes", "speakers"), 0))

    def summary(self) -> IngestSummary:
        return IngestSummary(**self.counts, seconds=time.monotonic() - self.started)

    def tick(self, outcome: str, name: str, extraction: Extraction | None = None) -> None:
        self.counts[outcome] += 1
        if extraction is not None and outcome in ("stored", "replaced"):
            self.counts["quotes"] += len(extraction.quotes)
            self.counts["speakers"] += len(_entities(extraction))
        if self.progress:
            done = sum(self.counts[k] for k in ("stored", "replaced", "skipped", "failed"))
            self.progress(IngestProgress(done, self.total, self.summary(), name, outcome))


def ingest(store: Store, items: Iterable[Article | Failure], *, processes: int = 1,
           progress: Progress | None = None, total: int | None = None) -> IngestSummary:
    """Extract and store every article of ``items`` (as ``onrecord.ingest.iter_articles`` yields them).

    Already stored articles are skipped before extraction; ``Failure``s and articles
    whose extraction fails are recorded in the failures table and the run goes on.
    """
    run = _Run(store, total, progress)
    for article, result in _extracted(run, items, max(1, processes)):
        name = source_of(article)
        if isinstance(result, str):
            record_failure(store, name, "extract", result)
            run.tick("failed", name)
            continue
        run.tick(store_extraction(store, article, result, name), name, result)
    return run.summary()


def _pending(run: _Run, items: Iterable[Article | Failure]) -> Iterator[list[Article]]:
    """Batches of articles still to extract; failures and already stored ones are settled here."""
    batch: list[Article] = []
    for item in items:
        run.counts["read"] += 1
        name = source_of(item)
        if isinstance(item, Failure):
            record_failure(run.store, name, "read", item.error)
            run.tick("failed", name)
        elif is_stored(run.store, item):
            run.tick("skipped", name)
        else:
            batch.append(item if item.source else replace(item, source=name))
            if len(batch) == BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def _extracted(run: _Run, items: Iterable[Article | Failure],
               processes: int) -> Iterator[tuple[Article, Extraction | str]]:
    """(article, extraction or error) in input order, extracted here or in worker processes."""
    if processes == 1:
        for batch in _pending(run, items):
            yield from zip(batch, extract_chunk(batch))
        return
    with _Workers(processes) as workers:
        window: deque[tuple[list[Article], Future]] = deque()
        for batch in _pending(run, items):
            window.append((batch, workers.submit(batch)))
            if len(window) > 2 * processes:  # bounded: a million-article input is not held in memory
                yield from workers.collect(*window.popleft())
        while window:
            yield from workers.collect(*window.popleft())


class _Workers:
    """A pool of extraction processes that survives one of them dying.

    A worker killed mid-batch (out of memory on a monstrous article, a crash in
    native code) breaks the whole pool; the batches it held are then extracted
    again one article per fresh process, so the article at fault is recorded as a
    failure and a rerun does not die on it again.
    """

    def __init__(self, processes: int) -> None:
        self.processes = processes
        self.pool = self._new(processes)

    @staticmethod
    def _new(processes: int) -> ProcessPoolExecutor:
        # spawn, not fork: a forked worker would share this process's database connection.
        return ProcessPoolExecutor(processes, mp_context=get_context("spawn"), initializer=exit_with_parent,
                                   initargs=(os.getpid(),))

    def __enter__(self) -> "_Workers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, batch: list[Article]) -> Future:
        try:
            return self.pool.submit(extract_chunk, batch)
        except BrokenExecutor:
            self.pool = self._new(self.processes)
            return self.pool.submit(extract_chunk, batch)

    def collect(self, batch: list[Article], future: Future) -> Iterator[tuple[Article, Extraction | str]]:
        try:
            yield from zip(batch, future.result())
            return
        except BrokenExecutor:
            pass
        for article in batch:
            with self._new(1) as solo:
                try:
                    result = solo.submit(extract_chunk, [article]).result()[0]
                except BrokenExecutor:
                    result = ("the extraction process died on this article (out of memory, or a crash in "
                              "native code): split or shorten it, then ingest it again")
            yield article, result
