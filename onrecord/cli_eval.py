"""Printing `onrecord eval` reports (the CLI's part; scoring is in onrecord.evaluation)."""
from __future__ import annotations

from rich.table import Table


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def eval_tables(report) -> list[Table]:
    """The quote and role score tables of an ``EvalReport``."""
    from rich import box

    quotes = Table(
        title=f"Quote scores (%), {report.documents} documents",
        caption="cov: share of the gold content a prediction must cover; spk: speaker mention "
        "equal to gold (both absent counts), spk~: overlapping",
        box=box.SIMPLE_HEAD,
    )
    for col in ("subset", "cov", "gold", "pred", "match", "P", "R", "F1", "spk", "spk~"):
        quotes.add_column(col, justify="left" if col == "subset" else "right")
    roles = Table(
        title="Role scores (%), PolNeAR style",
        caption="ex: the same trimmed span; ov: token Jaccard ≥ 0.5; both one-to-one",
        box=box.SIMPLE_HEAD,
    )
    for col in ("subset", "role", "gold", "pred", "ex P", "ex R", "ex F1", "ov P", "ov R", "ov F1"):
        roles.add_column(col, justify="left" if col in ("subset", "role") else "right")
    for name, scores in (("all", report.all), ("direct", report.direct)):
        for q in scores.quotes:
            p = q.prf
            quotes.add_row(name, f"{q.threshold:g}", str(p.gold), str(p.predicted), str(p.matched),
                           _pct(p.precision), _pct(p.recall), _pct(p.f1),
                           _pct(q.speaker_accuracy), _pct(q.speaker_accuracy_lenient))
        for r in scores.roles:
            e, o = r.exact, r.overlap
            roles.add_row(name, r.role, str(e.gold), str(e.predicted), _pct(e.precision), _pct(e.recall),
                          _pct(e.f1), _pct(o.precision), _pct(o.recall), _pct(o.f1))
    return [quotes, roles]
