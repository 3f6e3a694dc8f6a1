"""The shell around the record for ``onrecord ingest|search|who|people|failures``.

Printing only: every function here formats what ``onrecord.record`` returns.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table

from .record import (FailureRecord, IngestProgress, IngestSummary, PersonRecord, PersonSummary, QuoteHit,
                     RelinkSummary)
from .cli_text import shown
from .errors import OnRecordError
from .record.highlight import HIGHLIGHT

FORMATS = ("table", "json", "csv")


def count_articles(sources: Sequence[str]) -> int | None:
    """How many articles the sources hold, for the progress bar; None when it cannot be told cheaply."""
    from .ingest import iter_folder, is_url, suffix_of

    total = 0
    for source in sources:
        if is_url(source):
            total += 1
            continue
        paths = list(iter_folder(source)) if Path(source).is_dir() else [Path(source)]
        for path in paths:
            suffix = suffix_of(path)
            if suffix.startswith(".warc"):
                return None
            if suffix == ".jsonl":
                try:
                    with open(path, "rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


@contextmanager
def ingest_progress(console: Console, total: int | None) -> Iterator:
    """A Rich progress bar with rate and ETA; yields the callback ``ingest`` calls."""
    columns = [SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(), TextColumn("eta"),
               TimeRemainingColumn(), TextColumn("{task.fields[last]}", style="dim")]
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("ingest", total=total, rate=0.0, last="")

        def update(p: IngestProgress) -> None:
            name = p.last if len(p.last) <= 40 else "…" + p.last[-39:]
            bar.update(task, completed=p.done, rate=p.summary.rate, last=shown(f"{p.outcome}: {name}"))

        yield update
        bar.update(task, last="")


@contextmanager
def step_progress(console: Console, label: str) -> Iterator:
    """A Rich progress bar for ``label``; yields the ``progress(done, total)`` callback a step calls."""
    with Progress(label, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                  transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def write_jsonl(rows: Iterator[dict], output: str) -> int:
    """Write ``rows`` as JSONL to ``output`` (- for standard output); a file appears only once it
    is whole, so an interrupted or failed export leaves whatever was there before."""
    if output == "-":
        return _write_lines(rows, sys.stdout)
    path = Path(output)
    if path.is_dir():
        raise OnRecordError(f"{output} is a folder: give a file name for the export, e.g. {path / 'record.jsonl'}.")
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as fh:
            written = _write_lines(rows, fh)
        partial.replace(path)
    except OSError as e:
        raise OnRecordError(f"could not write {output}: {e.strerror or e}; give a file in a folder you can write to.") from None
    finally:
        partial.unlink(missing_ok=True)
    return written


def _write_lines(rows: Iterator[dict], fh) -> int:
    written = 0
    for row in rows:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        written += 1
    return written


def print_ingest_summary(s: IngestSummary, console: Console) -> None:
    table = Table(title=f"ingest finished in {s.seconds:.1f} s ({s.rate:.1f} articles/s)", show_header=False)
    for label, value in (("articles read", s.read), ("stored (new)", s.stored), ("stored (new version)", s.replaced),
                         ("skipped (already on record)", s.skipped), ("failed", s.failed),
                         ("quotes stored", s.quotes), ("speakers linked", s.speakers)):
        table.add_row(label, f"{value:,}")
    console.print(table)
    if s.failed:
        console.print(f"[yellow]{s.failed} input(s) failed:[/] see them with `onrecord failures`.")


def _highlighted(snippet: str) -> str:
    """Rich markup for a snippet whose hits are marked ⟦like this⟧."""
    text = shown(snippet)
    return text.replace(HIGHLIGHT[0], "[bold yellow]").replace(HIGHLIGHT[1], "[/]")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def print_hits(hits: list[QuoteHit], fmt: str, console: Console, total: int | None = None) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps([h.to_dict() for h in hits], ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields = list(QuoteHit.__dataclass_fields__)
        writer = csv.writer(sys.stdout)
        writer.writerow(fields)
        for h in hits:
            writer.writerow([getattr(h, f) for f in fields])
    else:
        title = _n(len(hits), "statement") if total is None or total == len(hits) else f"{len(hits)} of {_n(total, 'statement')}"
        table = Table(title=title, show_lines=True)
        for col in ("date", "speaker", "outlet / title", "quote"):
            table.add_column(col, overflow="fold")
        for h in hits:
            speaker = h.person or h.speaker or (f"? ({h.source})" if h.source else "?")  # '? (They)': unresolved
            where = " — ".join(x for x in (h.outlet, h.title or h.doc_id) if x)
            table.add_row((h.published or "")[:10], shown(speaker), shown(where),
                          _highlighted(h.snippet) + f" [dim]({h.kind})[/]")
        console.print(table)


def _seen_table(title: str, seen) -> Table:
    table = Table(title=title, title_justify="left")
    for col in ("as seen", "times", "first seen", "last seen", "first article"):
        table.add_column(col, overflow="fold")
    for s in seen:
        table.add_row(shown(s.value), str(s.count), (s.first_seen or "")[:10], (s.last_seen or "")[:10],
                      shown(s.first_article))
    return table


def print_person(record: PersonRecord, fmt: str, console: Console) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        return
    p = record.person
    console.print(f"[bold]{shown(p.name)}[/] (#{p.id}, {p.kind}): {_n(p.statements, 'statement')} "
                  f"in {_n(p.articles, 'article')}")
    for title, seen in (("aliases", record.aliases), ("roles", record.roles),
                        ("affiliations", record.affiliations)):
        if seen:
            console.print(_seen_table(title, seen))
    if record.reasons:
        console.print("[bold]linked because[/]: " + "; ".join(
            f"{shown(r)} ({n})" for r, n in record.reasons[:5]))
    print_hits(list(record.statements), "table", console, total=p.statements + sum(g.statements for g in record.groups))
    if record.groups:
        console.print("[dim]also said together with others, as: " + ", ".join(
            f"#{g.id} {shown(g.name)} ({_n(g.statements, 'statement')})" for g in record.groups) + "[/]")
    if record.others:
        console.print("[dim]the name may also mean: " + ", ".join(
            f"#{o.id} {shown(o.name)} ({_n(o.statements, 'statement')})" for o in record.others) + "[/]")


def print_people(people: list[PersonSummary], fmt: str, console: Console) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps([p.to_dict() for p in people], ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(people)} people and organisations")
    for col in ("id", "name", "kind", "statements", "mentions", "articles"):
        table.add_column(col, overflow="fold")
    for p in people:
        table.add_row(f"#{p.id}", shown(p.name), p.kind, str(p.statements), str(p.mentions), str(p.articles))
    console.print(table)


def print_failures(rows: list[FailureRecord], fmt: str, console: Console) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps([f.to_dict() for f in rows], ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} failures", show_lines=True)
    for col in ("source", "stage", "reason", "tries", "last seen"):
        table.add_column(col, overflow="fold")
    for f in rows:
        table.add_row(shown(f.source), f.stage, shown(f.reason), str(f.attempts), f.last_seen)
    console.print(table)


def print_relink(s: RelinkSummary, fmt: str, console: Console) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(s.to_dict()) + "\n")
        return
    table = Table(title=f"links across articles: {s.statements:,} statements of {s.articles:,} articles "
                        f"relinked in {s.seconds:.1f} s")
    for col in ("link", "before", "after"):
        table.add_column(col, justify="left" if col == "link" else "right")
    for kind, before in s.before.items():
        table.add_row(kind, f"{before:,}", f"{s.after.get(kind, 0):,}")
    console.print(table)
    if s.target_keys:
        console.print(f"{s.target_keys:,} statements had their target's key filled in or corrected.")
