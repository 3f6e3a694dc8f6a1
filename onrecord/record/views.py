"""Read-only views of the record for the web layer: an article with its statements,
a person's timeline, people and month counts.

Typed functions over a ``Store`` that return frozen dataclasses and print nothing,
written like ``query.py``: parameterised SQL that runs on SQLite and PostgreSQL.
Statement types, targets and links are shown where the record has them.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import OnRecordError
from .query import PersonRecord, QuoteHit, who
from .store import MAX_ID, Store, Tx

REACTION_LINKS = ("reacts_to",)
UNDOING_LINKS = ("retracts", "apologises_for")


class NotFoundError(OnRecordError, LookupError):
    """No article or person with that id is on record."""


@dataclass(frozen=True)
class LinkView:
    """One link between two statements, seen from one end (``other`` is the far end)."""

    type: str
    confidence: float
    evidence: str
    quote_id: int  # the statement at the far end
    qid: str
    article_id: int
    speaker: str | None
    person_id: int | None
    content: str
    published: str | None
    statement_type: str | None = None  # the far statement's type (criticism, support, …)
    outlet: str | None = None
    title: str | None = None
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StatementView:
    """A statement in its article: spans, cue, source, speaker, type, target and links."""

    id: int
    qid: str
    kind: str
    confidence: float
    content: str
    spans: tuple[tuple[int, int], ...]
    cue: tuple[int, int, str] | None
    source: tuple[int, int, str] | None
    speaker: str | None
    speaker_role: str | None
    person_id: int | None
    person: str | None
    type: str | None
    type_confidence: float | None
    target: dict[str, str] | None
    links: tuple[LinkView, ...]  # from this statement to others
    linked_from: tuple[LinkView, ...]  # others' links to this statement (reactions, retractions)

    def to_dict(self) -> dict[str, Any]:
        span = lambda s: None if s is None else {"start": s[0], "end": s[1], "text": s[2]}  # noqa: E731
        return {
            "id": self.id, "qid": self.qid, "kind": self.kind, "confidence": self.confidence,
            "content": self.content, "spans": [{"start": a, "end": b} for a, b in self.spans],
            "cue": span(self.cue), "source": span(self.source),
            "speaker": {"name": self.speaker, "role": self.speaker_role, "person_id": self.person_id,
                        "person": self.person} if self.speaker or self.person_id else None,
            "type": self.type, "type_confidence": self.type_confidence, "target": self.target,
            "links": [link.to_dict() for link in self.links],
            "linked_from": [link.to_dict() for link in self.linked_from],
        }


@dataclass(frozen=True)
class ArticleView:
    id: int
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    version: int
    is_current: bool
    text: str
    statements: tuple[StatementView, ...]
    current_id: int | None = None  # the current version's id, for an older version

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("id", "doc_id", "title", "outlet", "published", "url", "version",
                                               "is_current", "current_id", "text")}
        out["statements"] = [s.to_dict() for s in self.statements]
        return out


@dataclass(frozen=True)
class TimelineEntry:
    """One of a person's statements with what became of it."""

    statement: QuoteHit
    target: dict[str, str] | None
    links: tuple[LinkView, ...]  # what this statement answers, retracts or apologises for
    reactions: tuple[LinkView, ...]  # statements that react to it
    undone_by: tuple[LinkView, ...]  # retractions of and apologies for it

    def to_dict(self) -> dict[str, Any]:
        return {"statement": self.statement.to_dict(), "target": self.target,
                "links": [x.to_dict() for x in self.links], "reactions": [x.to_dict() for x in self.reactions],
                "undone_by": [x.to_dict() for x in self.undone_by]}


@dataclass(frozen=True)
class Timeline:
    person_id: int
    name: str
    entries: tuple[TimelineEntry, ...]  # in time order (one page of them, when asked for one)
    months: tuple[tuple[str, int], ...]  # (YYYY-MM, statements), every month from first to last
    statements: int = 0  # all of the person's statements, whatever the page

    def to_dict(self) -> dict[str, Any]:
        return {"person_id": self.person_id, "name": self.name, "entries": [e.to_dict() for e in self.entries],
                "months": [{"month": m, "statements": n} for m, n in self.months]}


# -- articles ----------------------------------------------------------------------------
_STATEMENT_SQL = (
    "SELECT q.id, q.qid, q.kind, q.confidence, q.content, q.spans, q.cue_start, q.cue_end, q.cue_text, "
    "q.source_start, q.source_end, q.source_text, q.speaker_name, q.speaker_role, m.person_id, p.name, "
    "q.type, q.type_confidence, q.target_name, q.target_kind FROM quotes q "
    "LEFT JOIN mentions m ON m.id = q.mention_id LEFT JOIN people p ON p.id = m.person_id "
    "WHERE q.article_id = ? ORDER BY q.position"
)


def article(store: Store, article_id: int) -> ArticleView:
    """An article (any version) with its text and every statement, spans, speaker and links."""
    with store.transaction(write=False) as tx:
        row = tx.one("SELECT id, doc_id, title, outlet, published, url, version, is_current, text, key "
                     "FROM articles WHERE id = ?", (article_id,)) if 0 < article_id <= MAX_ID else None
        if row is None:
            raise NotFoundError(f"no article #{article_id} is on record: find one with GET /api/quotes?q=WORDS.")
        current = None if row[7] else tx.scalar("SELECT id FROM articles WHERE key = ? AND is_current = 1", (row[9],))
        rows = tx.all(_STATEMENT_SQL, (article_id,))
        ids = [r[0] for r in rows]
        out_links, in_links = _links(tx, ids, outgoing=True), _links(tx, ids, outgoing=False)
    statements = tuple(_statement(r, out_links.get(r[0], ()), in_links.get(r[0], ())) for r in rows)
    return ArticleView(row[0], row[1], row[2], row[3], row[4], row[5], int(row[6]), bool(row[7]), row[8],
                       statements, current)


def _statement(r: tuple, links: tuple[LinkView, ...], linked_from: tuple[LinkView, ...]) -> StatementView:
    spans = tuple((int(a), int(b)) for a, b in json.loads(r[5]))
    cue = (r[6], r[7], r[8]) if r[6] is not None else None
    source = (r[9], r[10], r[11]) if r[9] is not None else None
    target = {"name": r[18], "kind": r[19]} if r[18] else None
    return StatementView(r[0], r[1], r[2], float(r[3]), r[4], spans, cue, source, r[12], r[13], r[14], r[15],
                         r[16], None if r[17] is None else float(r[17]), target, links, linked_from)


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))


def _links(tx: Tx, ids: list[int], outgoing: bool) -> dict[int, tuple[LinkView, ...]]:
    """Links leaving (``outgoing``) or reaching the given statements, keyed by those statements."""
    if not ids:
        return {}
    near, far = ("from_quote", "to_quote") if outgoing else ("to_quote", "from_quote")
    rows = tx.all(
        f"SELECT l.{near}, l.type, l.confidence, l.evidence, q.id, q.qid, q.article_id, q.speaker_name, "
        "m.person_id, q.content, q.published, q.type, a.outlet, a.title, a.doc_id FROM links l "
        "JOIN quotes q ON q.id = l." + far + " JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN mentions m ON m.id = q.mention_id "
        f"WHERE l.{near} IN ({_marks(ids)}) ORDER BY l.{near}, q.published NULLS LAST, q.id, l.type", ids)
    found: dict[int, list[LinkView]] = {}
    for r in rows:
        found.setdefault(r[0], []).append(LinkView(r[1], float(r[2]), r[3], *r[4:]))
    return {k: tuple(v) for k, v in found.items()}


# -- people -------------------------------------------------------------------------------
def person(store: Store, person_id: int) -> PersonRecord:
    """A person by id: aliases, roles, affiliations as seen, counts and statements (``who``)."""
    person_name(store, person_id)
    return who(store, f"#{person_id}")


def person_name(store: Store, person_id: int) -> str:
    """The person's name; NotFoundError when no person has this id."""
    with store.transaction(write=False) as tx:
        name = tx.scalar("SELECT name FROM people WHERE id = ?", (person_id,)) if 0 < person_id <= MAX_ID else None
    if name is None:
        raise NotFoundError(f"no person #{person_id} is on record: find one with GET /api/people?q=NAME.")
    return name


def mention_names(store: Store, person_id: int) -> list[tuple[str, int]]:
    """The names the person's mentions carry, with how many each: what ``split`` moves by."""
    with store.transaction(write=False) as tx:
        return [(n, int(c)) for n, c in tx.all("SELECT name, count(*) FROM mentions WHERE person_id = ? "
                                                "GROUP BY name ORDER BY count(*) DESC, name", (person_id,))]


def timeline(store: Store, person_id: int, offset: int = 0, limit: int | None = None) -> Timeline:
    """A person's statements in time order, each with the reactions it drew and what undid it
    (``offset``, ``limit``: one page of them, whose links alone are read; months count them all)."""
    record = person(store, person_id)
    page = record.statements[offset : None if limit is None else offset + limit]
    ids = [s.id for s in page]
    with store.transaction(write=False) as tx:
        out_links, in_links = _links(tx, ids, outgoing=True), _links(tx, ids, outgoing=False)
        targets = _targets(tx, ids)
    entries = []
    for hit in page:
        incoming = in_links.get(hit.id, ())
        entries.append(TimelineEntry(
            hit, targets.get(hit.id), out_links.get(hit.id, ()),
            tuple(x for x in incoming if x.type in REACTION_LINKS),
            tuple(x for x in incoming if x.type in UNDOING_LINKS)))
    return Timeline(record.person.id, record.person.name, tuple(entries), month_counts(record.statements),
                    len(record.statements))


def _targets(tx: Tx, ids: list[int]) -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    for start in range(0, len(ids), 500):  # keep the IN list short on huge timelines
        chunk = ids[start:start + 500]
        for qid, name, kind in tx.all(f"SELECT id, target_name, target_kind FROM quotes WHERE id IN "
                                      f"({_marks(chunk)}) AND target_name IS NOT NULL", chunk):
            found[qid] = {"name": name, "kind": kind}
    return found


def month_counts(statements: tuple[QuoteHit, ...] | list[QuoteHit]) -> tuple[tuple[str, int], ...]:
    """Statements per month (YYYY-MM), with empty months between the first and last filled in."""
    counts: dict[str, int] = {}
    for s in statements:
        if s.published and len(s.published) >= 7:
            counts[s.published[:7]] = counts.get(s.published[:7], 0) + 1
    if not counts:
        return ()
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        months.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def outlets(store: Store, limit: int = 100) -> list[str]:
    """The outlets on record, most articles first (for search filters)."""
    with store.transaction(write=False) as tx:
        rows = tx.all("SELECT outlet FROM articles WHERE is_current = 1 AND outlet IS NOT NULL "
                      "GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT ?", (limit,))
    return [r[0] for r in rows]


def article_id_for(store: Store, content_hash: str) -> int | None:
    """The id of the current version of the article with this content hash (after an ingest;
    a text already superseded by a newer version is skipped, and the newer one answers)."""
    with store.transaction(write=False) as tx:
        return tx.scalar("SELECT c.id FROM articles a JOIN articles c ON c.key = a.key AND c.is_current = 1 "
                         "WHERE a.content_hash = ? ORDER BY a.is_current DESC, c.id DESC", (content_hash,))
