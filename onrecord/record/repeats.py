"""``same_quote`` across articles: each statement that repeats another article's words from the
same person links to the first report of them (``linking.py`` calls this for each new article)."""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from ..statements.context import said_words
from ..statements.same_quote import SAME_QUOTE_MIN_INDIRECT_WORDS, SAME_QUOTE_MIN_SIMILARITY, repeatable, similarity
from ..statements.same_quote import plain as plain_text
from .linking import UNDOING, _insert, _marks, _Row, _rows, kin
from .store import Tx


def same_quotes(tx: Tx, new: list[_Row]) -> int:
    """The article's statements that repeat another article's words from the same person.

    Compared with every other statement of that person (a person's own record, not the
    whole record), each normalised once, all pairs scored in one rapidfuzz call. Each
    statement links to the earliest report of its words (publication order, not ingest
    order): where a quote first appeared, and one link per repeat (linking every pair grew
    as the square of a stock line's repeats: 734,756 links for 24,013 quotes).
    """
    made = 0
    by_person: dict[int, list[tuple[_Row, str]]] = {}
    for r in new:
        if r.person_id is not None and repeatable(plain := _said(r.content, r.kind)):
            by_person.setdefault(r.person_id, []).append((r, plain))
    for pid, mine in by_person.items():
        people = kin(tx, pid)
        others = [(o, plain) for o in _rows(tx, f"m.person_id IN ({_marks(people)}) AND q.article_id <> ?",
                                            [*people, mine[0][0].article_id])
                  if repeatable(plain := _said(o.content, o.kind))]
        for r, matches in _repeats(mine, others).items():
            earlier = [(o, score) for o, score in matches if o.order < r.order]
            if earlier:
                made += _repoint(tx, r, *min(earlier, key=lambda pair: pair[0].order))
            made += sum(_repoint(tx, o, r, score) for o, score in matches if o.order > r.order and _first_after(tx, o, r))
    return made


def _repeats(mine: list[tuple[_Row, str]], others: list[tuple[_Row, str]]) -> dict[_Row, list[tuple[_Row, float]]]:
    """Each new statement's repeats among ``others``, with their similarity: a wide first cut (an elided
    quote scores lower whole than its pieces do), then the pairs checked one by one (pieces, words the
    other lacks, reported speech long enough)."""
    found: dict[_Row, list[tuple[_Row, float]]] = {}
    if not others:
        return found
    scores = process.cdist([p for _, p in mine], [p for _, p in others], scorer=fuzz.partial_ratio,
                           score_cutoff=SAME_QUOTE_MIN_SIMILARITY - 20)
    for (i, j) in zip(*scores.nonzero()):
        (r, mine_plain), (o, their_plain) = mine[i], others[j]
        if (r.type in UNDOING) != (o.type in UNDOING) or "indirect" in (r.kind, o.kind) and min(
                len(mine_plain.split()), len(their_plain.split())) < SAME_QUOTE_MIN_INDIRECT_WORDS:
            continue
        score = similarity(said_words(r.content, r.kind), said_words(o.content, o.kind))
        if score >= SAME_QUOTE_MIN_SIMILARITY:
            found.setdefault(r, []).append((o, score))
    return found


def _first_after(tx: Tx, row: _Row, first: _Row) -> bool:
    """Whether ``first`` was reported before what ``row`` now links to as the first report of its words."""
    now = tx.one("SELECT coalesce(a.published, '9999'), a.key, q.position FROM links l JOIN quotes q ON q.id = l.to_quote "
                 "JOIN articles a ON a.id = q.article_id WHERE l.from_quote = ? AND l.type = 'same_quote' "
                 "AND l.scope = 'record'", (row.id,))
    return now is None or first.order < tuple(now)


def _repoint(tx: Tx, row: _Row, first: _Row, score: float) -> int:
    tx.run("DELETE FROM links WHERE from_quote = ? AND type = 'same_quote' AND scope = 'record'", (row.id,))
    evidence = f"same quote (across articles): same person, similarity {score / 100:.2f}"
    return _insert(tx, row, first, "same_quote", score / 100 * 0.95, evidence)


@lru_cache(maxsize=50_000)  # a person's statements are read again for each article of theirs
def _said(content: str, kind: str) -> str:
    return plain_text(said_words(content, kind))
