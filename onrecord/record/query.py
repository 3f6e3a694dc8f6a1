"""Asking the record: search, who, people and their corrections, failures.

Typed functions over a ``Store`` that return frozen dataclasses and print
nothing; the CLI and the web API are thin shells over them.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, get_args

from ..models import Entity, StatementType
from .linking import relink_people
from .names import name_tokens
from .people import merge_into, profile, refresh_keys
from .store import MAX_ID, QueryError, SearchFilter, Store, Tx, now

QUOTE_KINDS = ("direct", "mixed", "indirect")
STATEMENT_TYPES: tuple[str, ...] = get_args(StatementType)
MAX_LIMIT = 1000


@dataclass(frozen=True)
class QuoteHit:
    """One statement on record, with where and when it appeared."""

    id: int
    article_id: int
    qid: str
    content: str
    snippet: str  # the content (or the part of it that matched) with hits marked ⟦like this⟧
    kind: str
    confidence: float
    speaker: str | None  # the speaker as the article resolved it
    person_id: int | None  # the canonical person on record
    person: str | None
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None
    doc_id: str
    type: str | None
    source: str | None = None  # the words the article named the speaker by ('They' when left unresolved)

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in _HIT_FIELDS}  # asdict() deep-copies: slow on a search page


_HIT_FIELDS = tuple(QuoteHit.__dataclass_fields__)


@dataclass(frozen=True)
class Seen:
    """An alias, role or affiliation of a person, and when and where it was seen."""

    value: str
    count: int
    first_seen: str | None
    last_seen: str | None
    first_article: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PersonSummary:
    id: int
    name: str
    kind: str
    statements: int
    mentions: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PersonRecord:
    """Everything the record knows about one person (``who``)."""

    person: PersonSummary
    aliases: tuple[Seen, ...]
    roles: tuple[Seen, ...]
    affiliations: tuple[Seen, ...]
    statements: tuple[QuoteHit, ...]  # in time order, with what they said together with others
    reasons: tuple[tuple[str, int], ...]  # why mentions were linked to this person, with counts
    others: tuple[PersonSummary, ...]  # other people the name could mean
    groups: tuple[PersonSummary, ...] = ()  # speakers they are one of ('Donald Trump and Hillary Clinton')

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.to_dict(),
            "aliases": [s.to_dict() for s in self.aliases],
            "roles": [s.to_dict() for s in self.roles],
            "affiliations": [s.to_dict() for s in self.affiliations],
            "statements": [q.to_dict() for q in self.statements],
            "reasons": [{"reason": r, "mentions": n} for r, n in self.reasons],
            "others": [o.to_dict() for o in self.others],
            "groups": [g.to_dict() for g in self.groups],
        }


@dataclass(frozen=True)
class FailureRecord:
    source: str
    stage: str
    reason: str
    attempts: int
    first_seen: str
    last_seen: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RecordCounts:
    articles: int
    versions: int
    quotes: int
    people: int
    mentions: int
    failures: int

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


# -- search --------------------------------------------------------------------------
def _day(value: str | date | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"--{name} {value!r} is not a date: give it as YYYY-MM-DD, e.g. 2016-09-12.") from None


def search(store: Store, query: str | None = None, *, speaker: str | None = None,
           since: str | date | None = None, until: str | date | None = None, outlet: str | None = None,
           kind: str | None = None, type: str | None = None, limit: int = 20, offset: int = 0) -> list[QuoteHit]:
    """Quotes whose content matches ``query`` (words, "phrases", OR, -word) and the filters,
    newest first; with no query, the filters alone."""
    if kind is not None and kind not in QUOTE_KINDS:
        raise QueryError(f"--kind {kind!r} is not a kind of quote: choose {', '.join(QUOTE_KINDS)}.")
    if type is not None and type not in STATEMENT_TYPES:
        raise QueryError(f"--type {type!r} is not a statement type: choose {', '.join(STATEMENT_TYPES)}.")
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise QueryError(f"limit must be 1 to {MAX_LIMIT} and offset 0 or more (got {limit}, {offset}).")
    query = query.strip() if query and query.strip() else None
    _no_nul("search text", query)
    _no_nul("outlet", outlet)
    start, end = _day(since, "since"), _day(until, "until")
    where: list[str] = []
    params: list[Any] = []
    with store.transaction(write=False) as tx:
        if speaker:
            people = find_people(tx, speaker)
            if not people:
                return []
            people += groups_of(tx, people)
            where.append(f"q.mention_id IN (SELECT id FROM mentions WHERE person_id IN ({_marks(people)}))")
            params += people
        for clause, value in (("ulower(q.outlet) = ulower(?)", outlet), ("q.kind = ?", kind), ("q.type = ?", type)):
            if value:
                where.append(clause)
                params.append(value)
        ids = store.search_ids(tx, SearchFilter(where, params, start, end, by_speaker=bool(speaker)),
                               query, limit, offset)
        return _hits(store, tx, ids, query)


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))


def _no_nul(what: str, value: str | None) -> None:
    """PostgreSQL text cannot hold NUL characters; refuse them on both backends alike."""
    if value and "\x00" in value:
        raise QueryError(f"the {what} contains a NUL character (\\x00), which no record holds: remove it.")


_HIT_SQL = (
    "SELECT q.id, q.article_id, q.qid, q.content, q.kind, q.confidence, q.speaker_name, m.person_id, p.name, "
    "a.title, q.published, q.outlet, a.url, a.doc_id, q.type, q.source_text FROM quotes q "
    "JOIN articles a ON a.id = q.article_id LEFT JOIN mentions m ON m.id = q.mention_id "
    "LEFT JOIN people p ON p.id = m.person_id "
)


def _hits(store: Store, tx: Tx, ids: list[int], query: str | None) -> list[QuoteHit]:
    if not ids:
        return []
    rows = {r[0]: r for r in tx.all(_HIT_SQL + f"WHERE q.id IN ({_marks(ids)})", ids)}
    snippets = store.snippets(tx, {i: rows[i][3] for i in ids if i in rows}, query)
    return [_hit(rows[i], snippets.get(i)) for i in ids if i in rows]


def _hit(r: tuple, snippet: str | None) -> QuoteHit:
    content = r[3]
    if snippet is None:
        snippet = content if len(content) <= 240 else content[:240].rsplit(" ", 1)[0] + " …"
    return QuoteHit(r[0], r[1], r[2], content, snippet, r[4], float(r[5]), r[6], r[7], r[8], r[9], r[10],
                    r[11], r[12], r[13], r[14], r[15])


def search_articles(store: Store, query: str, limit: int = 20) -> list[tuple[int, str | None]]:
    _no_nul("search text", query)
    with store.transaction(write=False) as tx:
        ids = store.article_ids_matching(tx, query, limit)
        if not ids:
            return []
        titles = dict(tx.all(f"SELECT id, title FROM articles WHERE id IN ({_marks(ids)})", ids))
    return [(i, titles.get(i)) for i in ids]


# -- people --------------------------------------------------------------------------
def find_people(tx: Tx, name: str | int) -> list[int]:
    """People a name (or ``#id``) may mean, most statements first."""
    text = str(name).strip()
    _no_nul("name", text)
    if text.lstrip("#").isdecimal():  # not isdigit(): int() refuses "²"
        pid = int(text.lstrip("#"))
        return [pid] if pid <= MAX_ID and tx.scalar("SELECT 1 FROM people WHERE id = ?", (pid,)) else []
    toks = name_tokens(text)
    if not toks:
        return []
    joined = " ".join(toks)
    keys = ["n:" + joined, "o:" + joined] if len(toks) > 1 else ["l:" + joined, "o:" + joined]
    ids = _people_with_keys(tx, keys)
    if not ids and len(toks) > 1:  # "Hillary Rodham Clinton" also finds "Hillary Clinton"
        ids = _people_with_keys(tx, [f"fl:{toks[0]} {toks[-1]}"])
    same = "lower(name) = lower(?)" if text.isascii() else "ulower(name) = ulower(?)"  # the first uses the index
    ids |= {r[0] for r in tx.all(f"SELECT id FROM people WHERE {same}", (text,))}
    return _by_statements(tx, sorted(ids))


def groups_of(tx: Tx, ids: list[int]) -> list[int]:
    """The groups on record these people are members of, by first and last name ('Donald Trump and
    Hillary Clinton said' for Hillary Clinton): what they said together is theirs too."""
    if not ids:
        return []
    rows = tx.all("SELECT DISTINCT g.person_id FROM person_keys p JOIN person_keys g ON g.key = 'm:' || substr(p.key, 4) "
                  f"WHERE p.person_id IN ({_marks(ids)}) AND substr(p.key, 1, 3) = 'fl:' ORDER BY g.person_id", ids)
    return [r[0] for r in rows if r[0] not in ids]


def _people_with_keys(tx: Tx, keys: list[str]) -> set[int]:
    return {r[0] for r in tx.all(f"SELECT DISTINCT person_id FROM person_keys WHERE key IN ({_marks(keys)})", keys)}


def _by_statements(tx: Tx, ids: list[int]) -> list[int]:
    if not ids:
        return []
    counts = dict(tx.all(
        "SELECT m.person_id, count(q.id) FROM mentions m LEFT JOIN quotes q ON q.mention_id = m.id "
        f"WHERE m.person_id IN ({_marks(ids)}) GROUP BY m.person_id", ids))
    return sorted(ids, key=lambda i: (-counts.get(i, 0), i))


_SUMMARY_SQL = (
    "SELECT p.id, p.name, p.kind, count(DISTINCT q.id), count(DISTINCT m.id), count(DISTINCT m.article_id) "
    "FROM people p LEFT JOIN mentions m ON m.person_id = p.id LEFT JOIN quotes q ON q.mention_id = m.id "
)


def _summaries(tx: Tx, ids: list[int]) -> list[PersonSummary]:
    if not ids:
        return []
    rows = {r[0]: PersonSummary(*r) for r in tx.all(
        _SUMMARY_SQL + f"WHERE p.id IN ({_marks(ids)}) GROUP BY p.id, p.name, p.kind", ids)}
    return [rows[i] for i in ids if i in rows]


def list_people(store: Store, query: str | None = None, limit: int = 50) -> list[PersonSummary]:
    """People on record, most statements first; ``query`` narrows to names containing it."""
    with store.transaction(write=False) as tx:
        if not query:
            return _top_people(store, tx, limit)
        pattern = "%" + query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        ids = set(find_people(tx, query)) | {r[0] for r in tx.all(
            "SELECT id FROM people WHERE ulower(name) LIKE ? ESCAPE '\\'", (pattern,))}
        found = _summaries(tx, sorted(ids))
    return sorted(found, key=lambda s: (-s.statements, s.id))[:limit]


# Changes whenever who-said-what can: a new article version, a new person, a merge or split.
_RECORD_VERSION = "SELECT (SELECT max(id) FROM articles), (SELECT max(id) FROM people), (SELECT max(id) FROM corrections)"


def _top_people(store: Store, tx: Tx, limit: int) -> list[PersonSummary]:
    """Everyone ranked by statements: an aggregate over every quote on record (about a second
    at a million quotes), so the answer is kept on the store until the record changes."""
    version = tuple(tx.one(_RECORD_VERSION))
    kept = store.memo.get("top_people")
    if kept is None or kept[0] != version:
        kept = store.memo["top_people"] = (version, {})
    if limit not in kept[1]:
        rows = tx.all(_SUMMARY_SQL + "GROUP BY p.id, p.name, p.kind ORDER BY count(DISTINCT q.id) DESC, "
                      "p.id LIMIT ?", (limit,))
        kept[1][limit] = [PersonSummary(*r) for r in rows]
    return list(kept[1][limit])


def people_called(tx: Tx, name: str | int) -> list[int]:
    """The people ``name`` may mean (most statements first); QueryError naming how to find one when none."""
    ids = find_people(tx, name)
    if not ids:
        hint = str(name).split()[-1] if str(name).split() else name
        raise QueryError(f"no one called {name!r} is on record: list people with `onrecord people list --query {hint}`.")
    return ids


def require_person(store: Store, name: str | int) -> None:
    """QueryError when no one on record is called ``name`` (what `who` and `timeline` say)."""
    with store.transaction(write=False) as tx:
        people_called(tx, name)


def who(store: Store, name: str | int, limit: int | None = None) -> PersonRecord:
    """A person's aliases, roles and affiliations as seen, and their statements in time order."""
    with store.transaction(write=False) as tx:
        ids = people_called(tx, name)
        pid = ids[0]
        facts: dict[str, list[Seen]] = {"alias": [], "role": [], "affiliation": []}
        for fact, value, count, first, last, first_doc in tx.all(
                "SELECT f.fact, f.value, count(*), min(a.published), max(a.published), min(a.doc_id) "
                "FROM mention_facts f JOIN mentions m ON m.id = f.mention_id JOIN articles a ON a.id = m.article_id "
                "WHERE m.person_id = ? GROUP BY f.fact, f.value ORDER BY count(*) DESC, f.value", (pid,)):
            facts[fact].append(Seen(value, count, first, last, first_doc))
        groups = groups_of(tx, [pid])
        sql = (_HIT_SQL + f"WHERE m.person_id IN ({_marks([pid, *groups])}) "
               "ORDER BY q.published ASC NULLS LAST, q.article_id, q.position")
        params: list[Any] = [pid, *groups]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        statements = tuple(_hit(r, None) for r in tx.all(sql, params))
        reasons = tuple((r, n) for r, n in tx.all(
            "SELECT reason, count(*) FROM mentions WHERE person_id = ? GROUP BY reason "
            "ORDER BY count(*) DESC, reason LIMIT 10", (pid,)))
        summaries = _summaries(tx, ids)
        together = tuple(_summaries(tx, groups))
    return PersonRecord(summaries[0], tuple(facts["alias"]), tuple(facts["role"]), tuple(facts["affiliation"]),
                        statements, reasons, tuple(summaries[1:]), together)


def _one_person(tx: Tx, name: str | int) -> int:
    ids = find_people(tx, name)
    if not ids:
        raise QueryError(f"no one called {name!r} is on record: see `onrecord people list`.")
    if len(ids) > 1:
        options = ", ".join(f"#{s.id} {s.name} ({s.statements} statements)" for s in _summaries(tx, ids[:8]))
        raise QueryError(f"{name!r} could mean several people: {options}. Give one by its #id.")
    return ids[0]


def _pin(tx: Tx, mention_ids: list[int], person_id: int, correction_id: int) -> None:
    """Remember where these mentions belong, by article and name, for re-ingest."""
    for mid in mention_ids:
        key, name, kind, local_id = tx.one(
            "SELECT a.key, m.name, m.kind, m.local_id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.id = ?", (mid,))
        facts = tx.all("SELECT fact, value FROM mention_facts WHERE mention_id = ? ORDER BY fact, value", (mid,))
        entity = Entity(local_id, name, kind, aliases=tuple(v for f, v in facts if f == "alias"),
                        roles=tuple(v for f, v in facts if f == "role"))
        tx.run("INSERT INTO pins (article_key, name_key, person_id, correction_id) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (article_key, name_key) DO UPDATE SET person_id = excluded.person_id, "
               "correction_id = excluded.correction_id", (key, profile(entity).name_key(), person_id, correction_id))


def _correction(tx: Tx, action: str, detail: dict[str, Any]) -> int:
    return tx.insert("INSERT INTO corrections (action, detail, made_at) VALUES (?, ?, ?) RETURNING id",
                     (action, json.dumps(detail, ensure_ascii=False), now()))


def merge_people(store: Store, keep: str | int, other: str | int) -> PersonSummary:
    """Merge ``other`` into ``keep``: one person from now on, also after re-ingest."""
    with store.transaction() as tx:
        a, b = _one_person(tx, keep), _one_person(tx, other)
        if a == b:
            raise QueryError(f"{keep!r} and {other!r} are already the same person (#{a}).")
        names = dict(tx.all("SELECT id, name FROM people WHERE id IN (?, ?)", (a, b)))
        cid = _correction(tx, "merge", {"keep": [a, names[a]], "other": [b, names[b]]})
        _pin(tx, [r[0] for r in tx.all("SELECT id FROM mentions WHERE person_id IN (?, ?) ORDER BY id", (a, b))],
             a, cid)
        tx.run("DELETE FROM apart WHERE person_a = ? AND person_b = ?", (min(a, b), max(a, b)))
        moved = [m for (m,) in tx.all("SELECT id FROM mentions WHERE person_id = ? ORDER BY id", (b,))]
        merge_into(tx, a, b, f"merged by correction #{cid}")
        relink_people(tx, {a, b}, moved)  # links across articles follow who is who
        return _summaries(tx, [a])[0]


def split_person(store: Store, person: str | int, names: list[str] | tuple[str, ...]) -> PersonSummary:
    """Move the mentions of ``person`` called one of ``names`` into a new person, kept apart."""
    wanted = {name_tokens(n) for n in names if name_tokens(n)}
    if not wanted:
        raise QueryError("give the name (alias) whose mentions should become a separate person.")
    with store.transaction() as tx:
        pid = _one_person(tx, person)
        moved, all_names = [], set()
        mentions = tx.all("SELECT id, name FROM mentions WHERE person_id = ? ORDER BY id", (pid,))
        for mid, mname in mentions:
            all_names.add(mname)
            if name_tokens(mname) in wanted:
                moved.append((mid, mname))
        if not moved:
            raise QueryError(f"#{pid} has no mentions called {', '.join(map(repr, names))}; its mentions are "
                             f"called {', '.join(sorted(map(repr, all_names)))}.")
        if len(moved) == len(mentions):
            raise QueryError(f"every mention of #{pid} is called {moved[0][1]!r}: nothing would be left to split from.")
        kind = tx.scalar("SELECT kind FROM people WHERE id = ?", (pid,))
        new = tx.insert("INSERT INTO people (name, kind, named, created_at) VALUES (?, ?, 1, ?) RETURNING id",
                        (moved[0][1], kind, now()))
        cid = _correction(tx, "split", {"from": pid, "names": list(names), "new": new})
        ids = [m for m, _ in moved]
        tx.run(f"UPDATE mentions SET person_id = ?, reason = reason || ? WHERE id IN ({_marks(ids)})",
               [new, f"; split off by correction #{cid}", *ids])
        _pin(tx, ids, new, cid)
        refresh_keys(tx, {pid, new})
        tx.run("INSERT INTO apart (person_a, person_b) VALUES (?, ?) ON CONFLICT DO NOTHING",
               (min(pid, new), max(pid, new)))
        relink_people(tx, {pid, new}, ids)
        return _summaries(tx, [new])[0]


# -- failures and counts ---------------------------------------------------------------
def failures(store: Store) -> list[FailureRecord]:
    with store.transaction(write=False) as tx:
        rows = tx.all("SELECT source, stage, reason, attempts, first_seen, last_seen FROM failures "
                      "ORDER BY last_seen DESC, source")
    return [FailureRecord(*r) for r in rows]


def counts(store: Store) -> RecordCounts:
    with store.transaction(write=False) as tx:
        return RecordCounts(
            articles=tx.scalar("SELECT count(*) FROM articles WHERE is_current = 1"),
            versions=tx.scalar("SELECT count(*) FROM articles"),
            quotes=tx.scalar("SELECT count(*) FROM quotes"),
            people=tx.scalar("SELECT count(*) FROM people"),
            mentions=tx.scalar("SELECT count(*) FROM mentions"),
            failures=tx.scalar("SELECT count(*) FROM failures"),
        )
