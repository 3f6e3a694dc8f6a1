"""The shell around extraction for ``onrecord extract``: output formats, the JSONL batch, progress.

Kept apart from ``cli.py`` (which only declares the options) so the batch loop,
the progress bar and the summary are easy to read. Everything here prints;
everything it calls returns data.
"""
from __future__ import annotations

import json
import sys
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from .article import Failure
from .cli_text import shown
from .errors import InputError
from .models import Extraction

MAX_ERRORS_SHOWN = 5


def print_table(extraction: Extraction, console: Console) -> None:
    n = len(extraction.quotes)
    table = Table(title=f"{n} statement{'' if n == 1 else 's'} in {shown(extraction.doc_id)}", show_lines=True)
    for col in ("speaker", "kind", "cue", "content"):
        table.add_column(col, overflow="fold")
    for q in extraction.quotes:
        speaker = q.speaker.name if q.speaker else f"? ({q.source.text})" if q.source else "?"  # '? (They)': unresolved
        if q.speaker and q.speaker.role:
            speaker += f" ({q.speaker.role})"
        table.add_row(shown(speaker), q.kind, shown(q.cue.text if q.cue else ""), shown(q.text))
    console.print(table)


def print_json(extraction: Extraction, console: Console, *, with_text: bool = False) -> None:
    """Pretty on a terminal; one plain JSON document when piped."""
    document = json.dumps(extraction.to_dict(include_text=with_text), ensure_ascii=False)
    if console.is_terminal:
        console.print_json(document, highlight=False)
    else:
        sys.stdout.write(document + "\n")


@dataclass
class BatchSummary:
    documents: int = 0
    quotes: int = 0
    failed: int = 0
    first_failures: list[Failure] = field(default_factory=list)  # the first few, to show; not all: memory
    seconds: float = 0.0

    @property
    def extracted(self) -> int:
        return self.documents - self.failed

    def add(self, result: Extraction | Failure) -> None:
        self.documents += 1
        if isinstance(result, Failure):
            self.failed += 1
            if len(self.first_failures) < MAX_ERRORS_SHOWN:
                self.first_failures.append(result)
        else:
            self.quotes += len(result.quotes)


def run_jsonl(
    source: str, output: Path | None, processes: int, err: Console, *, with_text: bool = False,
    method: str = "model", min_confidence: float = 0.0,
) -> BatchSummary:
    """Extract every line of a JSONL file (or ``-``) into JSONL on ``output`` (or stdout), in order."""
    from .batch_extract import extract_stream
    from .ingest import iter_jsonl

    infile, name, total = _open_input(source)
    with infile:
        items = iter_jsonl(infile, name)
        first = next(items, None)  # reads the head: a missing, empty or binary input fails before we write
        sink = _open_output(output, source) if output else nullcontext(sys.stdout)
        with sink as out, _progress(err, total) as progress:
            task = progress.add_task("extracting", total=total, docs=0, failed=0, rate="")
            summary, start = BatchSummary(), time.perf_counter()
            for result in extract_stream(_prepend(first, items), processes=processes, method=method):
                if not isinstance(result, Failure):
                    result = result.confident(min_confidence)
                summary.add(result)
                record = result.to_dict() if isinstance(result, Failure) else result.to_dict(include_text=with_text)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                elapsed = time.perf_counter() - start
                progress.update(task, completed=_position(infile, total), docs=summary.documents,
                                failed=summary.failed, rate=f"{summary.documents / max(elapsed, 1e-9):.1f}")
            summary.seconds = time.perf_counter() - start
    return summary


def print_summary(summary: BatchSummary, err: Console) -> None:
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    err.print(
        f"{summary.extracted:,} of {summary.documents:,} documents extracted, "
        f"{summary.quotes:,} quote{'s' if summary.quotes != 1 else ''}, "
        f"in {summary.seconds:.1f} s ({rate:.1f} docs/s)", highlight=False, soft_wrap=True,
    )
    if summary.failed:
        bad = summary.failed
        err.print(f"[yellow]{bad:,} bad line{'s' if bad != 1 else ''}[/] (an error record was written for each):",
                  highlight=False)
        for failure in summary.first_failures:
            err.print(f"  {failure.error}", highlight=False, markup=False, soft_wrap=True)
        if bad > len(summary.first_failures):
            err.print(f"  … and {bad - len(summary.first_failures):,} more", highlight=False)


def _open_input(source: str) -> tuple[IO[bytes], str, int | None]:
    """The binary input, its name, and its size in bytes (the progress total) when known."""
    if source == "-":
        return sys.stdin.buffer, "standard input", None
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{source} is a folder: --jsonl reads one JSONL file (`onrecord ingest` reads folders).")
    try:
        return path.open("rb"), source, path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{source}: no such file. Give a JSONL file with one article per line.") from None
    except OSError as e:
        raise InputError(f"{source} could not be read: {e.strerror or e}.") from None


def _open_output(output: Path, source: str) -> IO[str]:
    if source != "-" and output.exists() and output.resolve() == Path(source).resolve():
        raise InputError(f"-o {output} is the input file: give another output file.")
    try:
        return output.open("w", encoding="utf-8", newline="\n")
    except OSError as e:
        raise InputError(f"-o {output} cannot be written: {e.strerror or e}.") from None


def _progress(err: Console, total: int | None) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[docs]:,} docs · {task.fields[rate]} docs/s · {task.fields[failed]:,} bad"),
        TimeElapsedColumn(),
        TextColumn("eta") if total else TextColumn(""),
        TimeRemainingColumn() if total else TextColumn(""),
        console=err,
        transient=False,
    )


def _position(infile: IO[bytes], total: int | None) -> int | None:
    """Bytes read so far: the bar measures the input consumed, so it needs no line count first."""
    if total is None:
        return None
    try:
        return min(infile.tell(), total)
    except OSError:
        return None


def _prepend(first, items):
    if first is not None:
        yield first
    yield from items
