"""The PostgreSQL backend (psycopg 3): the same schema, full-text search with ``tsvector``."""
from __future__ import annotations

import json
import re
from typing import Any

from .highlight import HIGHLIGHT
from .sqlite import BUSY_TIMEOUT, fts5_query
from .store import NEWEST_FIRST, SearchFilter, Store, StoreError, Tx

# Writers take this transaction-level lock so that two ingests never link the same
# new person twice; SQLite's BEGIN IMMEDIATE gives the same one-writer rule.
_WRITE_LOCK = 7_294_311
_HEADLINE = (f"StartSel={HIGHLIGHT[0]}, StopSel={HIGHLIGHT[1]}, MaxWords=35, MinWords=15, "
             "MaxFragments=2, FragmentDelimiter=\" … \"")


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self._url, self.busy_timeout = url, busy_timeout
        self._conn = self._connect()
        super().__init__(_redact(url))

    def _connect(self) -> Any:
        import psycopg

        try:
            conn = psycopg.connect(self._url, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise StoreError(f"cannot connect to the PostgreSQL record {_redact(self._url)}: {first}: check that the "
                             "server is running, and the URL's host, port, user, password and database (create "
                             "it with `createdb NAME`).") from None
        encoding = conn.execute("SHOW server_encoding").fetchone()[0]
        if encoding.upper() not in ("UTF8", "UTF-8"):
            conn.close()
            raise StoreError(f"the PostgreSQL database {_redact(self._url)} is in {encoding}, which cannot hold every "
                             "character of news text: give a database created with ENCODING 'UTF8'.")
        return conn

    def _cursor(self, write: bool) -> Any:
        import psycopg

        if self._conn.closed or self._conn.broken:
            self._conn = self._connect()
        try:
            return self._begin(write)
        except psycopg.errors.LockNotAvailable:
            raise StoreError(f"the record {self.url} is locked: another process has been writing to it for over "
                             f"{self.busy_timeout:g} s (a long ingest or merge); try again when it has finished.") from None
        except psycopg.OperationalError:
            if not self._conn.broken:
                raise
            self._conn = self._connect()  # the server restarted since this connection's last use
            return self._begin(write)

    def _begin(self, write: bool) -> Any:
        cursor = self._conn.cursor()
        if not write:
            # One snapshot for the whole read, as SQLite's WAL gives: under READ COMMITTED each
            # query sees the latest commit, so a page could show an article whose quotes a
            # writer replaced between two of its queries.
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            return cursor
        # Writes stay READ COMMITTED: their queries must see what the writer that held the
        # lock before them committed (a REPEATABLE READ snapshot would predate the lock).
        cursor.execute("BEGIN")
        try:  # a writer waits for the one before it as long as SQLite's does, not for ever
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", (f"{int(self.busy_timeout * 1000)}ms",))
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            cursor.execute("SELECT set_config('lock_timeout', '0', true)")
        except BaseException:
            if not self._conn.broken:
                cursor.execute("ROLLBACK")
            raise
        return cursor

    def _finish(self, cursor: Any, ok: bool) -> None:
        cursor.execute("COMMIT" if ok else "ROLLBACK")
        cursor.close()

    def _lost(self, error: BaseException) -> StoreError | None:
        import psycopg

        if not isinstance(error, psycopg.OperationalError) or not self._conn.broken:
            return None
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return StoreError(f"lost the connection to the PostgreSQL record {self.url} ({first}): check that the server "
                          "is up, then run the command again (what was stored before is kept).")

    def _convert(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def close(self) -> None:
        self._conn.close()

    def search_ids(self, tx: Tx, filters: SearchFilter, fts: str | None,
                   limit: int, offset: int) -> list[int]:
        clauses, args = filters.sql()
        many = False
        if fts is not None:
            fts5_query(fts)  # the same validation (and error) as SQLite
            many = self._estimated_matches(tx, fts) > self.many_matches
            if not many:
                clauses.insert(0, "q.tsv @@ websearch_to_tsquery('onrecord', ?)")
                args.insert(0, fts)
        where_sql = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        if not many:
            sql = f"SELECT q.id FROM quotes q{where_sql} ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?"
            return [row[0] for row in tx.all(sql, [*args, limit, offset])]
        # A common word: walk quotes newest first (OFFSET 0 keeps the planner from turning this
        # into "collect every match, then sort") and stop when the page is full.
        sql = (f"SELECT s.id FROM (SELECT q.id, q.tsv, coalesce(q.published, '') AS day FROM quotes q{where_sql} "
               f"ORDER BY {NEWEST_FIRST} OFFSET 0) s WHERE s.tsv @@ websearch_to_tsquery('onrecord', ?) "
               "ORDER BY s.day DESC, s.id DESC LIMIT ? OFFSET ?")
        return [row[0] for row in tx.all(sql, [*args, fts, limit, offset])]

    @staticmethod
    def _estimated_matches(tx: Tx, fts: str) -> float:
        """The planner's estimate (from column statistics) of how many quotes match."""
        plan = tx.scalar("EXPLAIN (FORMAT JSON) SELECT 1 FROM quotes WHERE tsv @@ websearch_to_tsquery('onrecord', ?)",
                         [fts])
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return float(plan[0]["Plan"]["Plan Rows"])

    def snippets(self, tx: Tx, contents: dict[int, str], fts: str | None) -> dict[int, str]:
        if fts is None or not contents:
            return {}
        ids = list(contents)
        rows = tx.all(
            "SELECT id, ts_headline('onrecord', content, websearch_to_tsquery('onrecord', ?), ?) "
            "FROM quotes WHERE id = ANY(?)",
            [fts, _HEADLINE, list(ids)],
        )
        return {row[0]: row[1] for row in rows}

    def article_ids_matching(self, tx: Tx, fts: str, limit: int) -> list[int]:
        fts5_query(fts)
        rows = tx.all(
            "SELECT id FROM articles WHERE is_current = 1 AND tsv @@ websearch_to_tsquery('onrecord', ?) "
            "ORDER BY ts_rank(tsv, websearch_to_tsquery('onrecord', ?)) DESC, id LIMIT ?",
            [fts, fts, limit],
        )
        return [row[0] for row in rows]


def _redact(url: str) -> str:
    """The URL without its password (``user:pw@`` or ``?password=``), for messages."""
    url = re.sub(r"([?&]password=)[^&]*", r"\1***", url, flags=re.IGNORECASE)
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"
