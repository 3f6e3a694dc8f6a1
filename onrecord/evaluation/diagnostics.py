"""Error records for tuning the rules: what was missed, invented, or attributed to the wrong mention."""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..polnear import EvalAttribution, GoldDoc
from .matching import THRESHOLDS, Pieces, coverage, match_quotes, same_source


def error_records(
    gold_docs: Sequence[GoldDoc],
    predictions: Mapping[str, Sequence[EvalAttribution]],
    threshold: float = THRESHOLDS[0],
) -> Iterator[dict[str, Any]]:
    """Every missed gold attribution, spurious prediction, wrong speaker mention and direct/not-direct
    disagreement, one flat dict each, by document and offset (matching at ``threshold``)."""
    for doc in gold_docs:
        gold, pred = doc.attributions, predictions.get(doc.doc_id, ())
        pairs = match_quotes(gold, pred, threshold)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        records = [_record(doc, "missed", g, None) for i, g in enumerate(gold) if i not in matched_gold]
        records += [_record(doc, "spurious", None, p) for j, p in enumerate(pred) if j not in matched_pred]
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if not same_source(g.source, p.source):
                records.append(_record(doc, "wrong_speaker", g, p))
            if g.direct != p.direct:
                records.append(_record(doc, "kind_mismatch", g, p))
        yield from sorted(records, key=lambda r: r["start"])


def _record(doc: GoldDoc, error: str, g: EvalAttribution | None, p: EvalAttribution | None) -> dict[str, Any]:
    start = min(a.start for a in (g, p) if a)
    end = max(a.end for a in (g, p) if a)
    return {
        "doc_id": doc.doc_id,
        "error": error,
        "start": start,
        "end": end,
        "gold_id": g.id if g else None,
        "gold_direct": g.direct if g else None,
        "pred_kind": p.kind if p else None,
        "coverage": round(coverage(p.content, g.content), 3) if g and p else None,
        "gold_content": _snippet(_join(g.content)) if g else None,
        "pred_content": _snippet(_join(p.content)) if p else None,
        "gold_source": _join(g.source) if g else None,
        "pred_source": _join(p.source) if p else None,
        "pred_speaker": p.speaker if p else None,
        "gold_cue": _join(g.cue) if g else None,
        "pred_cue": _join(p.cue) if p else None,
        "context": _snippet(doc.text[max(0, start - 120) : end + 120], 700),
    }


def _join(pieces: Pieces) -> str | None:
    return " … ".join(s.text for s in sorted(pieces, key=lambda s: s.start)) if pieces else None


def _snippet(text: str | None, limit: int = 300) -> str | None:
    if text is None or len(text) <= limit:
        return text
    half = limit // 2 - 2
    return f"{text[:half]} … {text[-half:]}"
