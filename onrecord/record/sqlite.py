"""The SQLite backend: one file, WAL journal, FTS5 over quote content and article text."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .days import ID_MASK, day_number
from .highlight import HIGHLIGHT, highlight, phrases
from .store import NEWEST_FIRST, QueryError, SearchFilter, Store, StoreError, Tx

BUSY_TIMEOUT = 60.0  # seconds a writer waits for another process's write to finish
SCAN_BATCH = 400
SCAN_BATCHES = 25
_TERM = re.compile(r'(-?)"([^"]*)"|(\S+)')


def _terms(query: str) -> tuple[list[list[str]], list[str]]:
    """The query's positive terms (each a list of alternatives joined by OR) and negative terms,
    each term the words of a word or "phrase"."""
    positive: list[list[str]] = []
    negative: list[str] = []
    pending_or = False
    for match in _TERM.finditer(query):
        neg, phrase, word = match.groups()
        if phrase is None and word.upper() == "OR":
            pending_or = bool(positive)
            continue
        if phrase is None and word.startswith("-") and len(word) > 1:
            neg, word = "-", word[1:]
        words = re.findall(r"\w+", (phrase if phrase is not None else word) or "")
        if not words:
            continue
        term = " ".join(words)
        if neg:
            negative.append(term)
        elif pending_or:
            positive[-1].append(term)
            pending_or = False
        else:
            positive.append([term])
    if not positive:
        raise QueryError(f"search query {query!r} has no words to look for: give at least one word or phrase.")
    return positive, negative


def query_terms(query: str) -> list[str]:
    """Every word or phrase a match may show (all the alternatives; not the -excluded)."""
    return [term for alternatives in _terms(query)[0] for term in alternatives]


def fts5_query(query: str) -> str:
    """Translate a web-search style query (words, "phrases", OR, -word) into FTS5 syntax.

    Every term is quoted, so no user text is ever read as FTS5 operators.
    """
    positive, negative = _terms(query)
    quoted = ['"' + t + '"' for t in negative]
    groups = [" OR ".join('"' + t + '"' for t in alternatives) for alternatives in positive]
    expr = " AND ".join(g if len(alternatives) == 1 else f"({g})" for g, alternatives in zip(groups, positive))
    for term in quoted:
        expr = f"({expr}) NOT {term}"
    return expr


@dataclass(frozen=True)
class _ByDay:
    """A text query over ``quotes_by_day``, whose rowids sort newest first (days.day_key)."""

    expr: str
    since: date | None = None
    until: date | None = None

    @property
    def sql(self) -> str:
        return "quotes_by_day MATCH ? AND rowid >= ? AND rowid < ?"

    @property
    def args(self) -> tuple[Any, ...]:
        # Undated quotes (day 0) match no date filter, as ``published >= ?`` fails on NULL.
        low = day_number(self.since) << 32 if self.since else (1 << 32 if self.until else 0)
        high = (day_number(self.until) + 1) << 32 if self.until else 1 << 62
        return self.expr, low, high

    def keys(self, tx: Tx, limit: int, offset: int, below: int | None = None) -> list[int]:
        """Index keys of matches, newest first (only those under ``below`` when given)."""
        expr, low, high = self.args
        high = min(high, below) if below is not None else high
        rows = tx.all("SELECT rowid FROM quotes_by_day WHERE quotes_by_day MATCH ? AND rowid >= ? AND rowid < ? "
                      "ORDER BY rowid DESC LIMIT ? OFFSET ?", (expr, low, high, limit, offset))
        return [row[0] for row in rows]


def _ulower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        parent = Path(path).expanduser().parent
        if not parent.is_dir():
            raise StoreError(f"cannot create the record {path}: folder {parent} does not exist.")
        try:
            # Autocommit mode: transactions are begun explicitly (BEGIN IMMEDIATE for writes).
            # A writer waits for the one before it up to busy_timeout: SQLite's busy handler
            # retries with growing sleeps, so concurrent ingests and servers queue instead of failing.
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=busy_timeout)
            self._conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open {path} as a SQLite record: {e}.") from None
        # NORMAL is durable across process crashes in WAL mode (only a power cut can lose
        # the last commits), and much faster than FULL for one commit per article.
        # SQLite's lower() folds ASCII letters only ('Élodie' stays 'Élodie'): names and outlets
        # are compared through ulower() (PostgreSQL's: schema migration 10)
        self._conn.create_function("ulower", 1, _ulower, deterministic=True)
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        # Reads come from the memory-mapped file rather than read() calls, and each
        # connection keeps 32 MiB of pages: searches of a large record touch many pages.
        self._conn.execute("PRAGMA mmap_size=1073741824")
        self._conn.execute("PRAGMA cache_size=-32768")
        super().__init__(path)

    def _cursor(self, write: bool) -> Any:
        cursor = self._conn.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.OperationalError as e:  # "database is locked" after busy_timeout of waiting
            cursor.close()
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            raise StoreError(f"the record {self.path} is locked: another process has been writing to it for "
                             f"over {self.busy_timeout:g} s (a long ingest or merge, or an open sqlite3 shell); "
                             f"try again when it has finished ({e}).") from None
        return cursor

    def _finish(self, cursor: Any, ok: bool) -> None:
        cursor.execute("COMMIT" if ok else "ROLLBACK")
        cursor.close()

    def _convert(self, sql: str) -> str:
        return sql

    def close(self) -> None:
        self._conn.close()

    def search_ids(self, tx: Tx, filters: SearchFilter, fts: str | None,
                   limit: int, offset: int) -> list[int]:
        if fts is None:
            where, args = filters.sql()
            return self._newest(tx, where, args, limit, offset)
        match = _ByDay(fts5_query(fts), filters.since, filters.until)
        if not filters.where:  # text and days alone: the index is already in the order we want
            return [key & ID_MASK for key in match.keys(tx, limit, offset)]
        where, args = filters.sql()
        probe = "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)"
        collect = "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
        matches = f"SELECT rowid FROM quotes_by_day WHERE {match.sql}"
        few = self.few_matches
        # A speaker's quotes, usually few: walk them newest first, asking the id-keyed index
        # "does quote q match?" of each.
        if filters.by_speaker and self._count(tx, "SELECT 1 FROM quotes q WHERE " + " AND ".join(where),
                                              args, few) <= few:
            return self._newest(tx, [probe, *where], [match.expr, *args], limit, offset)
        if self._count(tx, matches, match.args, few) <= few:  # few matches: collect, filter, sort
            return self._newest(tx, [collect, *where], [match.expr, *args], limit, offset)
        if not filters.by_speaker:
            ids = self._scan(tx, match, filters, limit, offset)
            if ids is not None:
                return ids
        # Many matches, a narrow filter: collect and sort them, unless there are very many.
        many = self._count(tx, matches, match.args, self.many_matches) > self.many_matches
        return self._newest(tx, [probe if many else collect, *where], [match.expr, *args], limit, offset)

    @staticmethod
    def _count(tx: Tx, sql: str, args: Any, cap: int) -> int:
        """How many rows ``sql`` gives, counting no further than ``cap + 1``."""
        return tx.scalar(f"SELECT count(*) FROM ({sql} LIMIT ?)", (*args, cap + 1))

    @staticmethod
    def _newest(tx: Tx, where: list[str], args: list[Any], limit: int, offset: int) -> list[int]:
        sql = "SELECT q.id FROM quotes q" + (" WHERE " + " AND ".join(where) if where else "")
        return [row[0] for row in tx.all(f"{sql} ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?", [*args, limit, offset])]

    @staticmethod
    def _scan(tx: Tx, match: "_ByDay", filters: SearchFilter, limit: int, offset: int) -> list[int] | None:
        """Many matches and a broad filter (outlet, kind, type): read matches newest first in
        batches and keep those the filter passes, until the page is full. None when the filter
        turns out narrow (the batches run out first): sorting is then the cheaper way."""
        kept: list[int] = []
        below = None
        for _ in range(SCAN_BATCHES):
            if len(kept) >= offset + limit:
                break
            keys = match.keys(tx, SCAN_BATCH, 0, below=below)
            if not keys:
                break
            ids = [key & ID_MASK for key in keys]
            passed = {row[0] for row in tx.all(
                f"SELECT q.id FROM quotes q WHERE q.id IN ({','.join('?' * len(ids))}) AND "
                + " AND ".join(filters.where), [*ids, *filters.params])}
            kept += [i for i in ids if i in passed]
            below = keys[-1]
        else:
            return None
        return kept[offset:offset + limit]

    def snippets(self, tx: Tx, contents: dict[int, str], fts: str | None) -> dict[int, str]:
        if fts is None or not contents:
            return {}
        wanted = phrases(query_terms(fts))
        marked = {i: highlight(text, wanted) for i, text in contents.items()}
        expr = fts5_query(fts)
        for i in [i for i, text in marked.items() if text is None]:  # stemmed apart from FTS5: ask it
            row = tx.one("SELECT snippet(quotes_fts, 0, ?, ?, '…', 24) FROM quotes_fts "
                         "WHERE quotes_fts MATCH ? AND rowid = ?", (*HIGHLIGHT, expr, i))
            marked[i] = row[0] if row else None
        return {i: text for i, text in marked.items() if text is not None}

    def article_ids_matching(self, tx: Tx, fts: str, limit: int) -> list[int]:
        rows = tx.all(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid "
            "WHERE articles_fts MATCH ? AND a.is_current = 1 ORDER BY f.rank LIMIT ?",
            [fts5_query(fts), limit],
        )
        return [row[0] for row in rows]
