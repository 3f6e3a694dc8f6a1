"""The record's front door: ``open_store(url)`` and the ``Store`` both backends share.

SQL is written once with ``?`` placeholders and always parameterised; each
backend supplies its connection, its transaction start and its full-text search.
Every write happens inside ``Store.transaction()``: one transaction per article,
so a crash loses nothing already committed and leaves nothing half-written.
"""
from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OnRecordError
from .schema import MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION

if TYPE_CHECKING:
    from ..article import Article
    from ..models import Extraction
    from .ingest import IngestSummary, Progress
    from .query import Failure, PersonRecord, PersonSummary, QuoteHit, RecordCounts
    from .relink import RelinkSummary

DEFAULT_DB = "onrecord.db"
# The order of search results: newest first, undated last, then by id (stable pages);
# quotes.published is a day (YYYY-MM-DD), see days.py.
NEWEST_FIRST = "coalesce(q.published, '') DESC, q.id DESC"
# The largest id either backend can hold (SQLite INTEGER, PostgreSQL BIGINT): a larger #id is on no record.
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class SearchFilter:
    """What a search asks of a quote besides its text: SQL conditions on ``quotes q``
    (speaker, outlet, kind, type) and a range of publication days, both ends included."""

    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    by_speaker: bool = False  # one of ``where`` keeps a person's quotes (usually few)

    def sql(self) -> tuple[list[str], list[Any]]:
        """All conditions, the days included, as SQL clauses and their parameters."""
        where, params = list(self.where), list(self.params)
        if self.since:
            where.append("q.published >= ?")
            params.append(self.since.isoformat())
        if self.until:
            where.append("q.published <= ?")
            params.append(self.until.isoformat())
        return where, params


class StoreError(OnRecordError):
    """The record could not be opened or written (bad URL, unreachable server, newer schema)."""


class QueryError(OnRecordError, ValueError):
    """A query's parameters were invalid (bad date, unknown kind, unknown person)."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Tx:
    """One open transaction: run parameterised SQL and read rows back as tuples."""

    def __init__(self, cursor: Any, convert: Callable[[str], str]) -> None:
        self._cur = cursor
        self._convert = convert

    def run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        self._cur.execute(self._convert(sql), tuple(params))
        return self._cur

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.run(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        return self.run(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT ending in ``RETURNING id`` and return the new id."""
        return int(self.one(sql, params)[0])

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            self._cur.executemany(self._convert(sql), rows)


class Store(ABC):
    """A record of articles, statements and people, in SQLite or PostgreSQL."""

    dialect: str = ""
    # Above this many matching quotes, collecting every match and sorting costs more than
    # testing quotes one by one, newest first, until a page is full (a common word).
    many_matches: int = 20_000
    # SQLite, whose index is in newest-first order: up to this many matches, sorting them all
    # is cheaper than reading the index in batches and filtering each batch.
    few_matches: int = 2_000

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.RLock()
        self.memo: dict[str, Any] = {}  # answers kept until the record changes (query.list_people)
        self._migrate()

    # -- backend hooks -------------------------------------------------------------
    @abstractmethod
    def _cursor(self, write: bool) -> Any:
        """Open a transaction (an immediate one for writes) and return its cursor."""

    @abstractmethod
    def _finish(self, cursor: Any, ok: bool) -> None:
        """Commit (ok) or roll back the transaction ``_cursor`` opened."""

    @abstractmethod
    def _convert(self, sql: str) -> str:
        """Turn ``?`` placeholders into the driver's own."""

    @abstractmethod
    def search_ids(self, tx: Tx, filters: SearchFilter, fts: str | None,
                   limit: int, offset: int) -> list[int]:
        """Ids of matching quotes, newest first (``fts``: the user's text query)."""

    @abstractmethod
    def snippets(self, tx: Tx, contents: dict[int, str], fts: str | None) -> dict[int, str]:
        """Highlighted snippets (⟦hit⟧) of the given quotes (id: content) for the text query."""

    @abstractmethod
    def article_ids_matching(self, tx: Tx, fts: str, limit: int) -> list[int]:
        """Current articles whose title or text match the text query, best first."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    # -- transactions and schema ----------------------------------------------------
    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Tx]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._lock:
            cursor = self._cursor(write)
            try:
                yield Tx(cursor, self._convert)
            except BaseException as e:
                if (lost := self._lost(e)) is not None:
                    raise lost from None  # nothing to roll back on a dead connection: the server did
                self._finish(cursor, ok=False)
                raise
            try:
                self._finish(cursor, ok=True)
            except Exception as e:
                if (lost := self._lost(e)) is not None:
                    raise lost from None
                raise

    def _lost(self, error: BaseException) -> "StoreError | None":
        """The error to give where ``error`` means the database connection is gone (PostgreSQL)."""
        return None

    def schema_version(self) -> int:
        with self.transaction(write=False) as tx:
            return int(tx.scalar("SELECT max(version) FROM schema_migrations") or 0)

    def _tables(self, tx) -> set[str]:
        return {row[0] for row in tx.all(
            "SELECT name FROM sqlite_master WHERE type = 'table'" if self.dialect == "sqlite" else
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def _up_to_date(self) -> bool:
        """A record at this schema version needs nothing written: open it with a read, so readers
        never wait behind a writer's lock and a read-only database role can open it."""
        with self.transaction(write=False) as tx:
            ours = "schema_migrations" in self._tables(tx)
            have = int(tx.scalar("SELECT max(version) FROM schema_migrations") or 0) if ours else 0
        return have == SCHEMA_VERSION

    def _migrate(self) -> None:
        if self._up_to_date():
            return
        with self.transaction() as tx:
            tables = self._tables(tx)
            if tables and "schema_migrations" not in tables:  # not ours: leave another program's data alone
                raise StoreError(f"{self.url} is a database that is not an onrecord record (it has tables such as "
                                 f"{sorted(tables)[0]!r}): give a new file or an onrecord record as --db.")
            tx.run(MIGRATIONS_TABLE)
            have = int(tx.scalar("SELECT max(version) FROM schema_migrations") or 0)
        if have > SCHEMA_VERSION:
            raise StoreError(
                f"{self.url} has schema version {have}, newer than this onrecord understands "
                f"({SCHEMA_VERSION}): upgrade onrecord."
            )
        for migration in MIGRATIONS:
            if migration.version <= have:
                continue
            with self.transaction() as tx:  # each migration applies fully or not at all
                if tx.scalar("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)):
                    continue  # another process applied it meanwhile
                for statement in migration.statements(self.dialect):
                    tx.run(statement)
                if migration.data is not None:
                    migration.data(tx)
                tx.run("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                       (migration.version, migration.description, now()))

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the public API: thin wrappers over ingest, people and query ------------------
    def add(self, article: "Article", extraction: "Extraction", source: str | None = None) -> str:
        """Store one extracted article (one transaction); returns stored, skipped or replaced."""
        from .ingest import store_extraction

        return store_extraction(self, article, extraction, source)

    def ingest(self, articles: Iterable[Any], processes: int = 1,
               progress: "Progress | None" = None) -> "IngestSummary":
        """Extract and store many articles; see ``onrecord.record.ingest.ingest``."""
        from .ingest import ingest

        return ingest(self, articles, processes=processes, progress=progress)

    def search(self, query: str | None = None, **filters: Any) -> list["QuoteHit"]:
        """Quotes matching a full-text query and filters, newest first."""
        from .query import search

        return search(self, query, **filters)

    def search_articles(self, query: str, limit: int = 20) -> list[tuple[int, str | None]]:
        """(id, title) of current articles whose title or text match the query."""
        from .query import search_articles

        return search_articles(self, query, limit)

    def who(self, name: str, limit: int | None = None) -> "PersonRecord":
        """A person's aliases, roles and affiliations as seen, and their statements in time order."""
        from .query import who

        return who(self, name, limit=limit)

    def people(self, query: str | None = None, limit: int = 50) -> list["PersonSummary"]:
        """People and organisations on record, most statements first."""
        from .query import list_people

        return list_people(self, query, limit)

    def merge(self, keep: str | int, other: str | int) -> "PersonSummary":
        """Merge person ``other`` into ``keep``; survives re-ingest."""
        from .query import merge_people

        return merge_people(self, keep, other)

    def split(self, person: str | int, names: Sequence[str]) -> "PersonSummary":
        """Move the mentions called one of ``names`` out of ``person`` into a new person."""
        from .query import split_person

        return split_person(self, person, names)

    def relink(self, progress: Callable[[int, int], None] | None = None) -> RelinkSummary:
        """Derive every link across articles again (after upgrading onrecord); see ``record.relink``."""
        from .relink import relink

        return relink(self, progress)

    def export(self, all_versions: bool = False,
               progress: Callable[[int, int], None] | None = None) -> Iterator[dict[str, Any]]:
        """Every article with its statements as ``onrecord export`` writes them; see ``record.export``."""
        from .export import export_articles

        return export_articles(self, all_versions, progress)

    def failures(self) -> list["Failure"]:
        """Articles that could not be read or extracted, most recent first."""
        from .query import failures

        return failures(self)

    def counts(self) -> "RecordCounts":
        """How much is on record."""
        from .query import counts

        return counts(self)


def open_store(url: str | None = None, existing: bool = False) -> Store:
    """Open (creating and migrating when needed) the record at ``url``.

    ``url``: a file path or ``sqlite:///path`` for SQLite (default ``onrecord.db``),
    or ``postgresql://user@host:port/dbname`` for PostgreSQL. ``existing``: a SQLite file
    must be there already (reading a mistyped path would make an empty record).
    """
    url = (url or DEFAULT_DB).strip()
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    elif url.startswith("sqlite:"):
        url = url[len("sqlite:"):]
    elif "://" in url:
        raise StoreError(
            f"unknown database URL {url!r}: give a SQLite file path (e.g. onrecord.db or "
            "sqlite:///path/to/record.db) or postgresql://user@host:port/dbname."
        )
    from .sqlite import SQLiteStore

    if existing and not Path(url).expanduser().exists():
        raise StoreError(f"no record at {url}: give the --db of an existing record, or make one with "
                         f"`onrecord ingest FILES --db {url}`.")
    return SQLiteStore(url)
