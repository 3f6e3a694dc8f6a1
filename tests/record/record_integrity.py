"""Reading a record back for the crash and concurrency tests: soundness checks and a canonical dump.

Everything here reads through plain driver connections, never ``open_store``: opening a
store migrates, and would finish what a killed process left undone before we look at it.
The canonical dump names rows by what they are (article key and version, quote position,
mention local id, a person by their mentions) instead of by row ids, so records written
by different runs or backends compare equal when they hold the same statements.
"""
from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections import defaultdict
from contextlib import closing
from pathlib import Path

_SCRIPT = Path(sys.executable).with_name("onrecord")  # the installed console script
ONRECORD = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "onrecord.cli"]
DEMO_CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus.jsonl"
# Columns that say when something happened (or how often it was tried), which legitimately
# differ between a run that was killed and resumed and one that was not.
TIME_COLUMNS = {"articles": {"ingested_at"}, "people": {"created_at"}, "corrections": {"made_at"},
                "schema_migrations": {"applied_at"}, "failures": {"first_seen", "last_seen", "attempts"}}


def ingest_command(db: str | Path, *sources: str | Path) -> list[str]:
    return [*ONRECORD, "ingest", *map(str, sources), "--db", str(db)]


def run_ingest(db: str | Path, *sources: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(ingest_command(db, *sources), capture_output=True, text=True, timeout=300)


def query(url: str | Path, sql: str) -> list[tuple]:
    """Rows of one query on a SQLite file or a PostgreSQL database."""
    url = str(url)
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    with closing(sqlite3.connect(url)) as conn:
        return conn.execute(sql).fetchall()


def schema_version(url: str | Path) -> int:
    """The newest migration applied (0 before the record was created)."""
    url = str(url)
    postgres = url.startswith("postgresql://")
    if not postgres and not Path(url).exists():
        return 0
    exists = ("SELECT to_regclass('schema_migrations') IS NOT NULL" if postgres else
              "SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'")
    if not query(url, exists)[0][0]:
        return 0
    return int(query(url, "SELECT max(version) FROM schema_migrations")[0][0] or 0)


def sqlite_problems(path: str | Path) -> list[str]:
    """What SQLite itself finds wrong with the file: pages, indexes, foreign keys, full-text indexes."""
    with closing(sqlite3.connect(path)) as conn:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        found += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
        for fts in _full_text_tables(conn):
            try:  # compares the full-text index with the rows it indexes
                conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as e:
                found.append(f"{fts}: {e}")
    return found


def _full_text_tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")]


def version_problems(url: str | Path) -> list[str]:
    """Articles with no current version, or with more than one."""
    rows = query(url, "SELECT key, sum(is_current) FROM articles GROUP BY key HAVING sum(is_current) <> 1")
    return [f"article {key!r} has {n} current versions" for key, n in rows]


def sqlite_tables(path: str | Path) -> dict[str, list[tuple]]:
    """Every row of every table (ids included), less the time columns; full-text indexes left out."""
    out = {}
    with closing(sqlite3.connect(path)) as conn:
        fts = tuple(_full_text_tables(conn))
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                 if not r[0].startswith(fts)]  # an index and its shadow tables (quotes_fts_data, …)
        for name in names:
            cursor = conn.execute(f"SELECT * FROM {name} ORDER BY rowid")  # names from the schema itself
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in TIME_COLUMNS.get(name, ())]
            out[name] = [tuple(row[i] for i in keep) for row in cursor]
    return out


_QUOTE_COLUMNS = ("q.position, q.qid, q.kind, q.confidence, q.content, q.spans, q.start_char, q.end_char, "
                  "q.cue_start, q.cue_end, q.cue_text, q.source_start, q.source_end, q.source_text, "
                  "q.speaker_name, q.speaker_role, q.published, q.outlet, q.type, q.type_confidence, "
                  "q.target_name, q.target_kind, q.target_key")


def canonical(url: str | Path) -> dict[str, list]:
    """Everything on record, each row named by what it is rather than by its row id."""
    def q(sql: str) -> list[tuple]:
        return query(url, sql)

    mentions = q("SELECT m.id, a.key, a.version, m.local_id, m.name, m.kind, m.person_id, m.score, m.reason "
                 "FROM mentions m JOIN articles a ON a.id = m.article_id")
    mention = {r[0]: r[1:4] for r in mentions}
    members: dict[int, list] = defaultdict(list)
    for r in mentions:
        members[r[6]].append(r[1:4])
    people = {pid: (tuple(sorted(members[pid])) or ("no mentions", name), name, kind, named)
              for pid, name, kind, named in q("SELECT id, name, kind, named FROM people")}
    person = {pid: p[0] for pid, p in people.items()}
    quote = {r[0]: r[1:] for r in q("SELECT q.id, a.key, a.version, q.position FROM quotes q "
                                   "JOIN articles a ON a.id = q.article_id")}
    no_ids = re.compile(r"#\d+")  # reasons name candidate people by id
    dump = {
        "articles": q("SELECT key, version, is_current, content_hash, doc_id, source, url, title, published, "
                      "outlet, text FROM articles"),
        "quotes": q(f"SELECT a.key, a.version, {_QUOTE_COLUMNS}, m.local_id FROM quotes q JOIN articles a "
                    "ON a.id = q.article_id LEFT JOIN mentions m ON m.id = q.mention_id"),
        "mentions": [(*r[1:6], person.get(r[6]), r[7], no_ids.sub("#", r[8])) for r in mentions],
        "mention_facts": [(*mention[m], f, v) for m, f, v in q("SELECT mention_id, fact, value FROM mention_facts")],
        "mention_keys": [(*mention[m], k) for m, k in q("SELECT mention_id, key FROM mention_keys")],
        "people": list(people.values()),
        "person_keys": [(person[p], *rest) for p, *rest in
                        q("SELECT person_id, key, mentions, first_seen, last_seen FROM person_keys")],
        "links": [(quote[f], quote[t], *rest) for f, t, *rest in
                  q("SELECT from_quote, to_quote, type, confidence, evidence, scope FROM links")],
        "failures": q("SELECT source, stage, reason FROM failures"),
        "corrections": q("SELECT action, detail FROM corrections"),
        "pins": q("SELECT article_key, name_key, person_id FROM pins"),
        "apart": q("SELECT person_a, person_b FROM apart"),
        "schema": q("SELECT version, description FROM schema_migrations"),
    }
    return {name: sorted(rows, key=repr) for name, rows in dump.items()}


def _by_version(dump: dict[str, list]) -> dict[tuple, dict[str, list]]:
    """Per article version: what storing it wrote in its one transaction and is still there.

    Only what the article alone decides: its quotes and its mentions' names, facts and keys;
    not the people they link to, which depend on the rest of the record.
    """
    out: dict[tuple, dict[str, list]] = {(a[0], a[1]): defaultdict(list) for a in dump["articles"]}
    for table, width in (("quotes", None), ("mentions", 5), ("mention_facts", None), ("mention_keys", None)):
        for row in dump[table]:
            out[row[0], row[1]][table].append(row[2:width])
    return {version: dict(parts) for version, parts in out.items()}


def articles_by_hash(dump: dict[str, list]) -> dict[str, dict[str, list]]:
    """What storing each current article writes, by its content hash."""
    parts = _by_version(dump)
    return {a[3]: parts[a[0], a[1]] for a in dump["articles"] if a[2]}


def half_articles(dump: dict[str, list], expected: dict[str, dict[str, list]]) -> list[str]:
    """Article versions whose rows are not what storing them whole writes (nothing, once superseded)."""
    parts = _by_version(dump)
    return [f"article {a[0]!r} version {a[1]} (current: {a[2]}) has rows that differ from a whole store"
            for a in dump["articles"] if parts[a[0], a[1]] != (expected.get(a[3], "unknown") if a[2] else {})]
