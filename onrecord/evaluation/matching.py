"""Matching predicted attributions to gold ones and counting the matches.

Role spans match exactly (the same trimmed pieces) or by overlap (token Jaccard
>= 0.5); quotes match when the prediction covers enough of the gold content's
characters. Every matching is one-to-one and greedy, best score first.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..models import Span
from ..polnear import EvalAttribution, GoldDoc
from .scores import PRF, EvalReport, QuoteScore, RoleScore, Scores

THRESHOLDS = (0.3, 0.8)
JACCARD = 0.5
ROLES = ("source", "cue", "content")
_TOKEN = re.compile(r"\w+|[^\w\s]")

Pieces = tuple[Span, ...]


def span_key(pieces: Pieces) -> tuple[tuple[int, int], ...]:
    """Pieces as sorted offset pairs: what "the same span" means for exact matching."""
    return tuple(sorted((s.start, s.end) for s in pieces))


def _overlap(a: Pieces, b: Pieces) -> int:
    return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a for y in b)


def coverage(pred: Pieces, gold: Pieces) -> float:
    """The fraction of the gold pieces' characters that the predicted pieces cover."""
    total = sum(s.end - s.start for s in _merged(gold))
    return _overlap(_merged(pred), _merged(gold)) / total if total else 0.0


def _merged(pieces: Pieces) -> Pieces:
    """Pieces with overlaps merged, so that no character is counted twice."""
    out: list[Span] = []
    for s in sorted(pieces, key=lambda s: (s.start, s.end)):
        if out and s.start <= out[-1].end:
            last = out[-1]
            out[-1] = Span(last.start, max(last.end, s.end), "")
        else:
            out.append(s)
    return tuple(out)


class Tokens:
    """The word and punctuation tokens of one text, to turn spans into token sets."""

    def __init__(self, text: str) -> None:
        found = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def of(self, pieces: Pieces) -> frozenset[int]:
        """Indices of the tokens that share at least one character with the pieces."""
        ids: set[int] = set()
        for s in pieces:
            ids.update(range(bisect.bisect_right(self.ends, s.start), bisect.bisect_left(self.starts, s.end)))
        return frozenset(ids)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def match_greedy(candidates: Iterable[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: take (score, gold index, pred index) best score first, each side once."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    by_index = sorted(candidates, key=lambda c: (c[1], c[2]))
    # sorted() is stable with reverse=True too: equal scores keep document order.
    for _, g, p in sorted(by_index, key=lambda c: c[0], reverse=True):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


# --- scoring one document --------------------------------------------------


def score_roles(text: str, gold: Sequence[EvalAttribution], pred: Sequence[EvalAttribution]) -> tuple[RoleScore, ...]:
    """Source, Cue and Content spans matched exactly and by overlap.

    Each attribution that has a role contributes one instance of it: when two
    attributions share a source mention ("He said X and added Y"), both carry it.
    """
    tokens = Tokens(text)
    scores = []
    for role in ROLES:
        g = [pieces for a in gold if (pieces := getattr(a, role))]
        p = [pieces for a in pred if (pieces := getattr(a, role))]
        exact = match_greedy((1, i, j) for i, x in enumerate(g) for j, y in enumerate(p) if span_key(x) == span_key(y))
        g_tok, p_tok = [tokens.of(x) for x in g], [tokens.of(y) for y in p]
        overlap = match_greedy(
            (jac, i, j)
            for i, x in enumerate(g_tok)
            for j, y in enumerate(p_tok)
            if (jac := jaccard(x, y)) >= JACCARD
        )
        scores.append(RoleScore(role, PRF(len(exact), len(p), len(g)), PRF(len(overlap), len(p), len(g))))
    return tuple(scores)


def match_quotes(
    gold: Sequence[EvalAttribution], pred: Sequence[EvalAttribution], threshold: float
) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index) whose coverage of the gold content reaches the threshold.

    Greedy by coverage; among equal coverage, the prediction with less text outside the gold wins.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            cov = coverage(p.content, g.content)
            if cov >= threshold and cov > 0:
                candidates.append(((cov, coverage(g.content, p.content)), i, j))
    return match_greedy(candidates)


def same_source(gold: Pieces, pred: Pieces, lenient: bool = False) -> bool:
    """Equal trimmed source spans (both absent counts as equal); lenient: any overlap."""
    if not gold or not pred:
        return not gold and not pred
    return _overlap(gold, pred) > 0 if lenient else span_key(gold) == span_key(pred)


def score_quotes(
    gold: Sequence[EvalAttribution], pred: Sequence[EvalAttribution], threshold: float
) -> QuoteScore:
    pairs = match_quotes(gold, pred, threshold)
    return QuoteScore(
        threshold,
        PRF(len(pairs), len(pred), len(gold)),
        sum(same_source(gold[i].source, pred[j].source) for i, j in pairs),
        sum(same_source(gold[i].source, pred[j].source, lenient=True) for i, j in pairs),
    )


def score_document(text: str, gold: Sequence[EvalAttribution], pred: Sequence[EvalAttribution]) -> Scores:
    return Scores(score_roles(text, gold, pred), tuple(score_quotes(gold, pred, t) for t in THRESHOLDS))


def evaluate(gold_docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[EvalAttribution]]) -> EvalReport:
    """Score predictions (doc id -> attributions) against gold; a missing doc counts as no predictions."""
    total_all = total_direct = _empty_scores()
    for doc in gold_docs:
        pred = predictions.get(doc.doc_id, ())
        gold = doc.attributions
        total_all = total_all + score_document(doc.text, gold, pred)
        total_direct = total_direct + score_document(
            doc.text, [a for a in gold if a.direct], [a for a in pred if a.direct]
        )
    missing = tuple(d.doc_id for d in gold_docs if d.doc_id not in predictions)
    return EvalReport(len(gold_docs), total_all, total_direct, missing)


def _empty_scores() -> Scores:
    return Scores(
        tuple(RoleScore(r, PRF(), PRF()) for r in ROLES), tuple(QuoteScore(t, PRF()) for t in THRESHOLDS)
    )
