"""Printing `onrecord eval` reports (the CLI's part; scoring is in onrecord.evaluation)."""
from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .errors import DataError


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


def run_attribution_eval(gold: Path, *, pred: Path | None, errors: Path | None, fmt: str, limit: int | None,
                         method: str, min_confidence: float, console: Console, err_console: Console) -> None:
    """Score extraction (or the predictions file ``pred``) against ``gold`` and print the report."""
    from rich.progress import track

    from .evaluation import evaluate, load_gold, predict, read_predictions

    _check_errors_path(errors, gold, pred)
    docs = load_gold(gold)[:limit]
    if pred:
        predictions = read_predictions(pred, docs)
    else:
        stream = track(predict(docs, method, min_confidence), total=len(docs), description="extracting",
                       console=err_console, transient=True)
        predictions = dict(stream)
    report = evaluate(docs, predictions)
    if errors:
        _write_errors(errors, docs, predictions)
    if report.missing_predictions:
        err_console.print(f"[yellow]warning:[/] no predictions for {len(report.missing_predictions)} gold documents "
                          f"(scored as empty), e.g. {report.missing_predictions[0]}", highlight=False)
    if fmt == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        for table in eval_tables(report):
            console.print(table)


def _check_errors_path(errors: Path | None, gold: Path, pred: Path | None) -> None:
    """--errors must not overwrite what is being scored (the predictions, or a file of the gold)."""
    if errors is None:
        return
    target, gold = errors.resolve(), gold.resolve()
    if target == gold or gold in target.parents or (pred is not None and target == pred.resolve()):
        from .errors import DataError

        what = "overwrite the predictions" if pred is not None and target == pred.resolve() else "write into the gold data"
        raise DataError(f"--errors {errors} would {what} being scored: give another file.")


def _write_errors(path: Path, docs, predictions) -> None:
    from .evaluation import error_records

    try:
        with path.open("w", encoding="utf-8") as f:
            for record in error_records(docs, predictions):
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    except OSError as e:
        raise DataError(f"--errors {path}: cannot write it ({e.strerror}).") from None


def run_agreement(root: Path, *, method: str, fmt: str, console: Console) -> None:
    """Print how far PolNeAR's annotators agree with one another, and onrecord with each of them."""
    from .evaluation import predict
    from .evaluation.agreement import annotator_agreement

    result = annotator_agreement(root, lambda docs: dict(predict(docs, method)))
    if fmt == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    from rich import box

    table = Table(title=f"Agreement on the {len(result.articles)} articles every annotator labelled (F1, %)",
                  caption="exact spans as `onrecord eval` scores them; quotes at 0.3 coverage",
                  box=box.SIMPLE_HEAD)
    for col in ("who", "scored", "source", "cue", "content", "quotes"):
        table.add_column(col, justify="left" if col == "who" else "right")
    rows = [("annotator vs annotator", f"{result.pairs} pairs", result.human),
            (f"onrecord ({method})", f"vs {len(result.annotators)} annotators", result.system)]
    for who, scored, scores in rows:
        table.add_row(who, scored, *(f"{scores[m]:.1f}" for m in ("source", "cue", "content", "quotes")))
    console.print(table)
