"""Printing ``onrecord eval --statements``: the report of onrecord.statements.evaluate as tables or JSON."""
from __future__ import annotations

import json
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from .errors import InputError


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def run_statement_eval(labels: Path | None, *, pipeline: bool, split: str | None, fmt: str,
                       errors: Path | None, console: Console, method: str = "model") -> dict:
    from .statements.evaluate import evaluate_statements

    if split not in (None, "tune", "heldout"):
        raise InputError(f"unknown --split {split!r}: choose tune or heldout.")
    if labels is not None and not labels.is_file():
        raise InputError(f"{labels}: no such label file (give a JSONL file of statement labels).")
    report = evaluate_statements([labels] if labels else None, pipeline=pipeline, split=split, method=method)
    mistakes = report.pop("errors")
    if errors:
        try:
            with errors.open("w", encoding="utf-8") as f:
                for record in mistakes:
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as e:
            raise InputError(f"--errors {errors}: cannot write it ({e.strerror}).") from None
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False))
    else:
        for table in _tables(report):
            console.print(table)
    return report


def _tables(report: dict) -> list[Table]:
    head = (f"{report['statements']} statements ({report['mode']}): type accuracy {_pct(report['type_accuracy'])}%, "
            f"target accuracy {_pct(report['target_accuracy'])}% of {report['targets_scored']}")
    if report["matched"] < report["statements"]:
        head += (f"; extraction found {report['matched']}, typed {_pct(report['type_accuracy_matched'])}% of those right")
    if report["speaker_accuracy"] is not None:
        head += f"; speaker resolved right for {_pct(report['speaker_accuracy'])}% of those found"
    types = Table(title=head, box=box.SIMPLE_HEAD)
    for col in ("type", "gold", "pred", "P", "R", "F1"):
        types.add_column(col, justify="left" if col == "type" else "right")
    for name, s in report["per_type"].items():
        types.add_row(name, str(s["gold"]), str(s["predicted"]), _pct(s["precision"]), _pct(s["recall"]), _pct(s["f1"]))
    links = Table(title="Links (a link is right when its type and both ends agree with a labelled one)", box=box.SIMPLE_HEAD)
    for col in ("link", "gold", "pred", "P", "R", "F1"):
        links.add_column(col, justify="left" if col == "link" else "right")
    for name, s in report["links"].items():
        links.add_row(name, str(s["gold"]), str(s["predicted"]), _pct(s["precision"]), _pct(s["recall"]), _pct(s["f1"]))
    splits = Table(title="By part of the labelled set", box=box.SIMPLE_HEAD)
    pipeline = report["speaker_accuracy"] is not None
    for col in ("part", "statements", "type acc", "link F1", *(["speaker acc"] if pipeline else [])):
        splits.add_column(col, justify="left" if col == "part" else "right")
    for name, s in report["by_split"].items():
        splits.add_row(name, str(s["statements"]), _pct(s["type_accuracy"]), _pct(s["links"]["f1"]),
                       *([_pct(s["speaker_accuracy"])] if pipeline else []))
    tables = [types, links, splits]
    if report["skipped"]:
        tables[-1].caption = f"skipped (text not found): {len(report['skipped'])} documents"
    return tables
