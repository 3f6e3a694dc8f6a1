"""The command line: a thin Typer shell over onrecord's functions.

Every command parses its options, calls one library function and prints what it
returns; ``OnRecordError`` becomes a one-line message and exit code 1.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from .errors import OnRecordError

app = typer.Typer(
    help="onrecord: who said what, about whom, and what became of it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(1)


def _read_source(source: str):
    from .article import decode, to_article

    if source == "-":
        return to_article(decode(sys.stdin.buffer.read(), "standard input"), "stdin")
    path = Path(source)
    if not path.exists():
        raise _fail(f"{source}: no such file. Give a text or HTML file, a URL, or - for standard input.")
    if path.is_dir():
        raise _fail(f"{source} is a folder: give one article file (or use --jsonl for many).")
    return to_article(decode(path.read_bytes(), source), path.stem)


def _print_table(extraction) -> None:
    table = Table(title=f"{len(extraction.quotes)} statements in {extraction.doc_id}", show_lines=True)
    for col in ("speaker", "kind", "cue", "content"):
        table.add_column(col, overflow="fold")
    for q in extraction.quotes:
        speaker = q.speaker.name if q.speaker else "?"
        if q.speaker and q.speaker.role:
            speaker += f" ({q.speaker.role})"
        table.add_row(speaker, q.kind, q.cue.text if q.cue else "", q.text)
    out.print(table)


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="Article file (text or HTML), a URL, or - for standard input.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: table or json.")] = "table",
) -> None:
    """Find every quotation in one article, with its cue, source and resolved speaker."""
    from .extract import extract_articles

    if fmt not in ("table", "json"):
        raise _fail(f"unknown format {fmt!r}: choose table or json.")
    try:
        article = _read_source(source)
        extraction = next(extract_articles([article]))
    except OnRecordError as e:
        raise _fail(str(e)) from None
    if fmt == "json":
        out.print_json(json.dumps(extraction.to_dict()), highlight=False) if out.is_terminal else print(
            json.dumps(extraction.to_dict(), ensure_ascii=False)
        )
    else:
        _print_table(extraction)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
