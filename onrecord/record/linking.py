"""Statement links in the record: each article's own links, and links across articles.

Extraction links the statements of one article (``onrecord.statements``); they are
stored with ``scope = 'article'``. After an article is written, ``link_across``
links its statements to statements of other articles (``scope = 'record'``):

- a retraction or apology links to the same canonical person's earlier statement
  whose content it shares words with (``retracts`` / ``apologises_for``);
- a criticism, support or denial aimed at a person (or their statement) links to
  that person's most fitting statement of the weeks before (``reacts_to``);
- the same words from the same person in two articles are ``same_quote``, each repeat
  pointing to the first report of them (``repeats.py``).

Candidates are always looked up by person (the speaker, or the person a target's
name key points to), never by comparing all pairs. Which link a statement gets is a
function of what is on record, not of the order articles came in: when an article
arrives, every statement whose best link it could change is linked again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..models import Quote, Target
from ..statements.context import normalise, words_of
from ..statements.cues import ANSWERS_UNDOING, CONTENT_APOLOGY
from ..statements.names import same_party
from .names import is_proper_name, name_tokens
from .people import people_changed
from .store import Tx

REACTIONS = ("criticism", "support", "denial")
UNDOING = ("retraction", "apology")
# What a retraction or apology (or a reaction) is most likely about, strongest first.
_WEIGHT = {"support": 2, "criticism": 2, "denial": 1, "claim": 1, "commitment": 1}
REACTION_WINDOW = timedelta(days=31)    # a reaction answers what was said in the month before
RETRACTION_WINDOW = timedelta(days=366)  # a retraction may come much later
_STOP = frozenset(
    "that this with from have has had were been will would they their there what when which about into "
    "said says than them then also just very more most some such only over your because being every "
    "said told added".split()
)
_NAMED_UNDOING = re.compile(r"^(?:\S+ ){0,3}(?:\S+'s?|the|his|her|their) (?:apology|retraction|u-turn|climb-?down)\b")


def target_key(target: Target | None) -> str | None:
    """The blocking key a target's name is looked up by (``l:pryce``, ``o:northsea lines``)."""
    if target is None or target.kind == "other" or not is_proper_name(target.name):
        return None
    toks = name_tokens(target.name)
    if not toks:
        return None
    return ("o:" + " ".join(toks)) if target.kind == "organization" else "l:" + toks[-1]


@dataclass(frozen=True)
class _Row:
    """A current statement as linking reads it."""

    id: int
    article_id: int
    article_key: str
    position: int
    person_id: int | None
    type: str | None
    target_name: str | None
    target_kind: str | None
    target_key: str | None
    content: str
    cue: str | None
    published: str | None
    title: str | None
    day: str | None  # the record's publication day (YYYY-MM-DD, quotes.published), None if undated
    kind: str = "direct"

    @property
    def order(self) -> tuple:
        """Time order that does not depend on ingest order (undated last)."""
        return (self.published or "9999", self.article_key, self.position)


_ROW_SQL = (
    "SELECT q.id, q.article_id, a.key, q.position, m.person_id, q.type, q.target_name, q.target_kind, "
    "q.target_key, q.content, q.cue_text, a.published, a.title, q.published, q.kind FROM quotes q "
    "JOIN articles a ON a.id = q.article_id AND a.is_current = 1 {join} mentions m ON m.id = q.mention_id "
)


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


def _rows(tx: Tx, where: str, params: list) -> list[_Row]:
    # Filtering on a person: an inner join lets SQLite go person -> mentions -> quotes by index;
    # with a LEFT JOIN it scans every quote, and linking grows as n² with the record.
    join = "JOIN" if "m.person_id" in where else "LEFT JOIN"
    return [_Row(*r) for r in tx.all(_ROW_SQL.format(join=join) + "WHERE " + where, params)]


def _day(row: _Row) -> date | None:
    return date.fromisoformat(row.day) if row.day else None


def _within(earlier: _Row, later: _Row, window: timedelta) -> bool:
    """``earlier`` was said before ``later`` (same day allowed), at most ``window`` before; undated passes."""
    a, b = _day(earlier), _day(later)
    return a is None or b is None or timedelta(0) <= b - a <= window


def _days(first: date | None, window: timedelta, after: bool) -> list[tuple[str, list]]:
    """SQL (and parameters) for the statements said within ``window`` after (or before) ``first``:
    a range of days, then the undated ones; one condition-free query when ``first`` is None.

    What ``_within`` lets through, looked up in the database: a statement's candidates,
    and the statements a new one may be a candidate of, come from weeks of the record,
    not from all of it.
    """
    if first is None:
        return [("", [])]
    lo, hi = (first, _shift(first, window)) if after else (_shift(first, -window), first)
    return [(" AND q.published BETWEEN ? AND ?", [lo.isoformat(), hi.isoformat()]), (" AND q.published IS NULL", [])]


def _shift(day: date, by: timedelta) -> date:
    """``day + by``, held inside the calendar (a statement dated 9999-12-31 has no days after it)."""
    try:
        return day + by
    except OverflowError:
        return date.max if by > timedelta(0) else date.min


@lru_cache(maxsize=20_000)  # a person's statements are the candidates of every reaction aimed at them
def _words(text: str | None) -> frozenset[str]:
    return frozenset(w for w in words_of(normalise(text or "")) if w not in _STOP)


# -- an article's own links ------------------------------------------------------------------
def store_article_links(tx: Tx, article_id: int, quotes: tuple[Quote, ...]) -> None:
    """Write the links extraction found inside the article (``to`` is a statement id of it)."""
    ids = dict(tx.all("SELECT qid, id FROM quotes WHERE article_id = ?", (article_id,)))
    rows = {(ids[q.id], ids[link.to], link.type): (link.confidence, link.evidence)
            for q in quotes for link in q.links if q.id in ids and link.to in ids}
    tx.many("INSERT INTO links (from_quote, to_quote, type, confidence, evidence, scope) VALUES (?, ?, ?, ?, ?, 'article')",
            [(a, b, t, float(c), e) for (a, b, t), (c, e) in rows.items()])


# -- across articles -------------------------------------------------------------------------
def link_across(tx: Tx, article_id: int) -> int:
    """Link the article's statements to other articles' and re-link those its arrival affects.

    Returns how many cross-article links now start from the statements looked at.
    """
    from .repeats import same_quotes  # (it reads statements as this module does)

    new = article_rows(tx, article_id)
    persons = sorted({k for r in new if r.person_id is not None for k in kin(tx, r.person_id)})
    affected = {r.id: r for r in new}
    incremental = False
    if persons:
        found, incremental = _affected(tx, article_id, new, persons)
        for r in found:
            affected[r.id] = r
    made = 0
    for row in sorted(affected.values(), key=lambda r: r.id):
        if incremental and row.article_id != article_id and row.type in UNDOING and row.person_id is not None:
            made += _undo_link(tx, row, new)  # only the new statements can change what it takes back
            continue
        tx.run("DELETE FROM links WHERE from_quote = ? AND scope = 'record' AND type <> 'same_quote'", (row.id,))
        made += _link_one(tx, row)
    made += same_quotes(tx, new)
    return made


def relink_rows(tx: Tx, rows: list[_Row], pairs: list[_Row] | None = None) -> int:
    """Derive these statements' links across articles again, from what is on record now.

    Their own ``record`` links go, then each is linked as ``link_across`` would; so do the
    same_quote links of ``pairs`` (default: ``rows``) in both directions, which are pairwise.
    What a statement links to does not depend on other ``record`` links, so statements may
    be relinked in any order and batch.
    """
    from .repeats import same_quotes

    pairs = rows if pairs is None else pairs
    for ids in _chunks([r.id for r in rows]):  # (never 'IN ()': PostgreSQL refuses an empty list)
        tx.run(f"DELETE FROM links WHERE scope = 'record' AND type <> 'same_quote' AND from_quote IN ({_marks(ids)})", ids)
    # the repeats that took one of these as the first report of their words look for it again
    repeats: set[int] = set()
    for ids in _chunks([r.id for r in pairs]):
        repeats |= {f for (f,) in tx.all(f"SELECT from_quote FROM links WHERE scope = 'record' AND type = 'same_quote' "
                                          f"AND to_quote IN ({_marks(ids)})", ids)}
        tx.run(f"DELETE FROM links WHERE scope = 'record' AND type = 'same_quote' AND "
               f"(from_quote IN ({_marks(ids)}) OR to_quote IN ({_marks(ids)}))", [*ids, *ids])
    repeats -= {r.id for r in pairs}
    made = sum(_link_one(tx, row) for row in sorted(rows, key=lambda r: r.id))
    by_article: dict[int, list[_Row]] = {}
    for ids in _chunks(sorted(repeats)):
        pairs = [*pairs, *_rows(tx, f"q.id IN ({_marks(ids)})", ids)]
    for row in pairs:
        by_article.setdefault(row.article_id, []).append(row)
    return made + sum(same_quotes(tx, group) for group in by_article.values())


def relink_people(tx: Tx, person_ids: set[int], moved: list[int]) -> int:
    """Relink what a correction of who is who changes (``merge`` and ``split`` call this).

    ``moved``: the mentions the correction gave another person. Their statements are relinked
    in full (same_quote pairs included); of the rest of these people's statements, only what
    may link to theirs: their retractions and apologies, and the reactions aimed at them.
    """
    persons = sorted({k for pid in person_ids for k in kin(tx, pid)})
    if not persons:
        return 0
    rows = {r.id: r for r in _rows(tx, f"m.person_id IN ({_marks(persons)}) AND q.type IN ('retraction', 'apology')",
                                   persons)}
    rows.update((r.id, r) for r in _aimed_at(tx, _name_keys(tx, persons)))
    mine = [r for ids in _chunks(moved) for r in _rows(tx, f"q.mention_id IN ({_marks(ids)})", ids)]
    rows.update((r.id, r) for r in mine)
    return relink_rows(tx, list(rows.values()), mine)


def relink_lost_names(tx: Tx, before: set[str], person_ids: set[int]) -> int:
    """Relink the reactions aimed at names these people no longer go by (``before``: their keys
    before a replaced article version took its mentions away and ``forget_orphans`` recounted them)."""
    return relink_rows(tx, rows, []) if (rows := _aimed_at(tx, sorted(before - name_keys(tx, person_ids)))) else 0


def name_keys(tx: Tx, person_ids: set[int]) -> set[str]:
    return set(_name_keys(tx, sorted(person_ids))) if person_ids else set()


_REACTIONS = f"q.type IN {REACTIONS!r}"  # how a statement aimed at someone is typed


def _aimed_at(tx: Tx, keys: list[str], where: str = "", params: tuple = ()) -> list[_Row]:
    """Reactions (criticism, support, denial) aimed at any of these name keys."""
    return [r for chunk in _chunks(keys)
            for r in _rows(tx, f"q.target_key IN ({_marks(chunk)}) AND {_REACTIONS}{where}", [*chunk, *params])]


def _name_keys(tx: Tx, persons: list[int]) -> list[str]:
    """The surname and organisation keys these people are known by: what reactions aim at."""
    return [k for (k,) in tx.all(f"SELECT DISTINCT key FROM person_keys WHERE person_id IN ({_marks(persons)}) "
                                 "AND substr(key, 1, 2) IN ('l:', 'o:')", persons)]


def _chunks(ids: list) -> list[list]:
    return [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def article_rows(tx: Tx, article_id: int) -> list[_Row]:
    """The current statements of one article, as linking reads them."""
    return _rows(tx, "q.article_id = ?", [article_id])


_CHUNK = 500  # ids per DELETE: under SQLite's limit on bound parameters


def _affected(tx: Tx, article_id: int, new: list[_Row], persons: list[int]) -> tuple[list[_Row], bool]:
    """Other articles' retractions by these people, and reactions aimed at them, that a new
    statement may now be the best link of: said after it, within the step's window; and whether
    only the new statements can change their links (True), or anything may have (False).

    When this transaction merged or renamed people, or replaced an earlier version of the
    article, links may change for other reasons: then every such statement is re-linked.
    """
    replaced = tx.scalar("SELECT 1 FROM articles WHERE key = (SELECT key FROM articles WHERE id = ?) "
                         "AND id <> ? LIMIT 1", (article_id, article_id))
    # The new statements share one day; the first of them in time order is a candidate of the most.
    first = None if replaced or people_changed(tx) else min(new, key=lambda r: r.order, default=None)

    def answering(where: str, params: list, window: timedelta) -> list[_Row]:
        found = [r for sql, days in _days(_day(first) if first else None, window, after=True)
                 for r in _rows(tx, where + sql, [*params, *days])]
        return [r for r in found if first is None or first.order < r.order and _within(first, r, window)]

    found = answering(f"m.person_id IN ({_marks(persons)}) AND q.type IN ('retraction', 'apology') "
                      "AND q.article_id <> ?", [*persons, article_id], RETRACTION_WINDOW)
    keys = _name_keys(tx, persons)
    if keys:
        found += answering(f"q.target_key IN ({_marks(keys)}) AND {_REACTIONS} AND q.article_id <> ?",
                           [*keys, article_id], REACTION_WINDOW)
    # A name first seen for someone with this article ('Jeb' for Jeb Bush) makes their earlier
    # statements reachable by reactions aimed at that name, whenever those were said.
    fresh = [k for (k,) in tx.all(_FRESH_KEYS, (article_id,))]
    return found + _aimed_at(tx, fresh, " AND q.article_id <> ?", (article_id,)), first is not None


# The surname and organisation keys the article's mentions gave their people for the first time.
_FRESH_KEYS = (
    "SELECT pk.key FROM mention_keys mk JOIN mentions m ON m.id = mk.mention_id "
    "JOIN person_keys pk ON pk.person_id = m.person_id AND pk.key = mk.key "
    "WHERE m.article_id = ? AND substr(pk.key, 1, 2) IN ('l:', 'o:') "
    "GROUP BY pk.person_id, pk.key, pk.mentions HAVING count(*) = pk.mentions"
)


_KIN_SAMPLE = 50


def kin(tx: Tx, person_id: int) -> list[int]:
    """The person, with the people on record who may be them under a bare surname.

    People linking may keep ``Pryce`` (an article that gives no first name) apart from
    ``Alan Pryce`` depending on which came first. When the record holds at most one
    full name for that surname, the surname-only people are taken as that person here,
    so links do not depend on ingest order; two full names (``Delia``/``Ruth Marsh``)
    make the bare surname ambiguous, and nobody is added.
    """
    row = tx.one("SELECT name, kind FROM people WHERE id = ?", (person_id,))
    toks = name_tokens(row[0]) if row and row[1] == "person" else ()
    if not toks:
        return [person_id]
    sql = ("SELECT DISTINCT p.id, p.name FROM person_keys k JOIN people p ON p.id = k.person_id "
           "WHERE k.key = ? AND p.kind = 'person' AND p.named = 1")
    # A common surname is shared by many people; two full names among any few of them settle it.
    same = tx.all(sql + f" LIMIT {_KIN_SAMPLE}", ("l:" + toks[-1],))
    full = [pid for pid, name in same if len(name_tokens(name)) >= 2]
    if len(full) > 1:
        return [person_id]
    if len(same) == _KIN_SAMPLE:
        same = tx.all(sql, ("l:" + toks[-1],))
        full = [pid for pid, name in same if len(name_tokens(name)) >= 2]
    if len(full) > 1 or (len(toks) >= 2 and full != [person_id]):
        return [person_id]
    group = [pid for pid, name in same if (len(name_tokens(name)) == 1 or pid in full) and
             name_tokens(name)[-1] == toks[-1]]
    apart = {a if b == person_id else b for a, b in tx.all(
        "SELECT person_a, person_b FROM apart WHERE person_a = ? OR person_b = ?", (person_id, person_id))}
    return sorted({person_id} | {pid for pid in group if pid not in apart})


def _has_own(tx: Tx, row: _Row, types: tuple[str, ...], agreeing: bool = False) -> bool:
    """Whether extraction linked the statement inside its article (``agreeing``: on shared words,
    to a statement told before it).

    A retraction linked in its own article to a statement it shares no words with
    ("I withdraw my statement about Drake" -> "spoken in haste"), or to one its article tells
    after it (its own explanation), may still take back a statement of an earlier article that
    does agree with it.
    """
    evidence = tx.all(f"SELECT l.evidence, t.position < f.position FROM links l JOIN quotes t ON t.id = l.to_quote "
                      f"JOIN quotes f ON f.id = l.from_quote WHERE l.from_quote = ? AND l.scope = 'article' "
                      f"AND l.type IN ({_marks(list(types))})", (row.id, *types))
    return any(not agreeing or "shared words" in e and before for e, before in evidence)


def _insert(tx: Tx, row: _Row, to: _Row, kind: str, confidence: float, evidence: str) -> int:
    tx.run("INSERT INTO links (from_quote, to_quote, type, confidence, evidence, scope) VALUES (?, ?, ?, ?, ?, 'record') "
           "ON CONFLICT (from_quote, to_quote, type) DO NOTHING", (row.id, to.id, kind, round(confidence, 3), evidence))
    return 1


def _link_one(tx: Tx, row: _Row) -> int:
    if row.type in UNDOING and row.person_id is not None and not _has_own(tx, row, ("retracts", "apologises_for"), True):
        return _undo_link(tx, row)
    if row.type in REACTIONS and row.target_key and not _has_own(tx, row, ("reacts_to",)):
        return _reaction_link(tx, row)
    return 0


def _best(row: _Row, topic: frozenset[str], candidates: list[_Row], weight: dict[str, int],
          latest: bool = True) -> tuple[_Row, frozenset[str]] | None:
    """The candidate sharing most words with ``topic``, then the typed one, then the latest (or first)."""
    best, best_key, shared_best = None, None, frozenset()
    for c in sorted(candidates, key=lambda c: c.order, reverse=latest):
        shared = topic & _words(c.content)
        key = (len(shared), weight.get(c.type or "claim", 0))
        if best_key is None or key > best_key:
            best, best_key, shared_best = c, key, shared
    return (best, shared_best) if best is not None else None


_UNDONE = ("support", "criticism", "denial", "claim")  # what a retraction or apology may take back


def _undo_link(tx: Tx, row: _Row, new: list[_Row] | None = None) -> int:
    """A retraction or apology -> the same person's earlier statement it shares words with.

    ``new``: a new article's statements, the only ones that may have changed the best one (the
    candidates are ranked one by one: the best of all is the better of the one linked and the new
    ones'), so a back-dated article does not read a year of its speakers' statements per retraction.
    """
    people = kin(tx, row.person_id)
    if new is None:
        cands = [c for sql, days in _days(_day(row), RETRACTION_WINDOW, after=False)
                 for c in _rows(tx, f"m.person_id IN ({_marks(people)}) AND q.article_id <> ? AND q.type IN "
                                    f"({_marks(list(_UNDONE))})" + sql, [*people, row.article_id, *_UNDONE, *days])]
    else:
        if _has_own(tx, row, ("retracts", "apologises_for"), True):
            return 0
        now = [t for (t,) in tx.all("SELECT DISTINCT to_quote FROM links WHERE from_quote = ? AND scope = 'record' "
                                    "AND type IN ('retracts', 'apologises_for')", (row.id,))]
        cands = [c for c in new if c.person_id in people and c.article_id != row.article_id and c.type in _UNDONE]
        if not any(_within(c, row, RETRACTION_WINDOW) and c.order < row.order for c in cands):
            return len(now)  # nothing new it may take back: its links stand
        cands += _rows(tx, f"q.id IN ({_marks(now)})", now) if now else []
        tx.run("DELETE FROM links WHERE from_quote = ? AND scope = 'record' AND type <> 'same_quote'", (row.id,))
    cands = [c for c in cands if _within(c, row, RETRACTION_WINDOW) and c.order < row.order]
    # Among equally fitting statements the first report is the one taken back (later ones repeat it).
    picked = _best(row, _words(row.content) | _words(row.target_name), cands, _WEIGHT, latest=False)
    if picked is None or len(picked[1]) < 2:  # the content must agree, not just the speaker
        return 0
    to, shared = picked
    confidence = min(0.9, 0.6 + 0.05 * len(shared))
    evidence = (f"across articles: same person, {row.type} of a statement of {to.published or 'an undated article'}; "
                f"shared words: {', '.join(sorted(shared)[:6])}")
    made = 0
    if row.type == "retraction":
        made += _insert(tx, row, to, "retracts", confidence, "retracts: " + evidence)
    if row.type == "apology" or CONTENT_APOLOGY.search(normalise(row.content)):
        made += _insert(tx, row, to, "apologises_for", confidence, "apologises for: " + evidence)
    return made


def _target_people(tx: Tx, row: _Row) -> list[int]:
    """People the target's name may mean: by its key, then by a compatible name."""
    found = tx.all("SELECT DISTINCT k.person_id, p.name FROM person_keys k JOIN people p ON p.id = k.person_id "
                   "WHERE k.key = ?", (row.target_key,))
    return sorted(pid for pid, name in found if same_party(name, row.target_name) and pid != row.person_id)


def _reaction_link(tx: Tx, row: _Row) -> int:
    """A reaction aimed at a person (or their statement) -> that person's statement it answers."""
    people = _target_people(tx, row)
    if not people:
        return 0
    # "welcomed the apology": the object (a short content) or the cue names an apology or retraction.
    said = normalise(row.content)
    # "Harriet Lowe's apology came too late": a longer content whose subject is someone's apology.
    undoing = bool(ANSWERS_UNDOING.search(normalise(row.cue or "")) or
                   len(said.split()) <= 4 and ANSWERS_UNDOING.search(said) or _NAMED_UNDOING.search(said))
    types = "('retraction', 'apology')" if undoing else "('support', 'criticism', 'denial', 'claim', 'commitment')"
    cands = [c for sql, days in _days(_day(row), REACTION_WINDOW, after=False)
             for c in _rows(tx, f"m.person_id IN ({_marks(people)}) AND q.article_id <> ? AND q.type IN {types}" + sql,
                            [*people, row.article_id, *days])
             if _within(c, row, REACTION_WINDOW) and c.order < row.order]
    topic = _words(row.content) | _words(row.cue) | _words(row.title)
    picked = _best(row, topic, cands, _WEIGHT)
    if picked is None or (row.target_kind != "statement" and not picked[1]):
        return 0  # aimed at a person, not a statement: only a statement on the same subject is answered
    to, shared = picked
    confidence = min(0.85, 0.5 + 0.05 * len(shared))
    evidence = (f"reacts to (across articles): {row.type} aimed at {row.target_name}"
                f"{chr(39) + 's statement' if row.target_kind == 'statement' else ''}, said {to.published or 'undated'}"
                + (f"; shared words: {', '.join(sorted(shared)[:6])}" if shared else ""))
    return _insert(tx, row, to, "reacts_to", confidence, evidence)


