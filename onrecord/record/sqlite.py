"""The SQLite backend: one file, WAL journal, FTS5 over quote content and article text."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from .store import NEWEST_FIRST, QueryError, Store, StoreError, Tx

HIGHLIGHT = ("⟦", "⟧")
_TERM = re.compile(r'(-?)"([^"]*)"|(\S+)')


def fts5_query(query: str) -> str:
    """Translate a web-search style query (words, "phrases", OR, -word) into FTS5 syntax.

    Every term is quoted, so no user text is ever read as FTS5 operators.
    """
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for match in _TERM.finditer(query):
        neg, phrase, word = match.groups()
        if phrase is None and word.upper() == "OR":
            pending_or = bool(positive)
            continue
        if phrase is None and word.startswith("-") and len(word) > 1:
            neg, word = "-", word[1:]
        text = phrase if phrase is not None else word
        words = re.findall(r"\w+", text or "")
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if neg:
            negative.append(term)
        elif pending_or:
            positive[-1] = f"({positive[-1]} OR {term})"
            pending_or = False
        else:
            positive.append(term)
    if not positive:
        raise QueryError(f"search query {query!r} has no words to look for: give at least one word or phrase.")
    expr = " AND ".join(positive)
    for term in negative:
        expr = f"({expr}) NOT {term}"
    return expr


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.path = path
        parent = Path(path).expanduser().parent
        if not parent.is_dir():
            raise StoreError(f"cannot create the record {path}: folder {parent} does not exist.")
        try:
            # Autocommit mode: transactions are begun explicitly (BEGIN IMMEDIATE for writes).
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
            self._conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open {path} as a SQLite record: {e}.") from None
        # NORMAL is durable across process crashes in WAL mode (only a power cut can lose
        # the last commits), and much faster than FULL for one commit per article.
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA busy_timeout=60000")
        super().__init__(path)

    def _cursor(self, write: bool) -> Any:
        cursor = self._conn.cursor()
        cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        return cursor

    def _finish(self, cursor: Any, ok: bool) -> None:
        cursor.execute("COMMIT" if ok else "ROLLBACK")
        cursor.close()

    def _convert(self, sql: str) -> str:
        return sql

    def close(self) -> None:
        self._conn.close()

    def search_ids(self, tx: Tx, where: list[str], params: list[Any], fts: str | None,
                   limit: int, offset: int) -> list[int]:
        clauses, args = list(where), list(params)
        if fts is not None:
            expr = fts5_query(fts)
            found = tx.scalar("SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
                              "LIMIT ?)", (expr, self.many_matches + 1))
            if found <= self.many_matches:  # few matches: collect them all, then filter and sort
                clauses.insert(0, "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            else:  # many: walk quotes newest first (or by the other filters) and test each one
                clauses.insert(0, "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)")
            args.insert(0, expr)
        sql = "SELECT q.id FROM quotes q"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += f" ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?"
        return [row[0] for row in tx.all(sql, [*args, limit, offset])]

    def snippets(self, tx: Tx, ids: list[int], fts: str | None) -> dict[int, str]:
        if fts is None or not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = tx.all(
            "SELECT rowid, snippet(quotes_fts, 0, ?, ?, '…', 24) FROM quotes_fts "
            f"WHERE quotes_fts MATCH ? AND rowid IN ({marks})",
            [*HIGHLIGHT, fts5_query(fts), *ids],
        )
        return {row[0]: row[1] for row in rows}

    def article_ids_matching(self, tx: Tx, fts: str, limit: int) -> list[int]:
        rows = tx.all(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid "
            "WHERE articles_fts MATCH ? AND a.is_current = 1 ORDER BY f.rank LIMIT ?",
            [fts5_query(fts), limit],
        )
        return [row[0] for row in rows]
