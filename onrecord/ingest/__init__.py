"""Readers: every input onrecord accepts, turned into ``Article``s.

- ``read_article(source)``: one article from a file (.txt, .html, .htm), a URL or ``-``
  (standard input); raises ``InputError``.
- ``iter_articles(sources)``: any mix of files, folders (recursively), .jsonl, .warc,
  .warc.gz and URLs; yields an ``Article`` or a ``Failure`` for each item, in order, and
  never raises for bad input, so a corpus run goes on past it.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..article import MAX_BYTES, Article, Failure, InputError, decode, printable, to_article
from .files import (
    READABLE_SUFFIXES,
    iter_folder,
    read_file,
    read_html_file,
    read_text_file,
    suffix_of,
)
from .jsonl import iter_jsonl
from .url import check_url, fetch_url, is_url
from .warc import iter_warc

__all__ = [
    "Article",
    "Failure",
    "READABLE_SUFFIXES",
    "check_url",
    "fetch_url",
    "is_url",
    "iter_articles",
    "iter_folder",
    "iter_jsonl",
    "iter_warc",
    "read_article",
    "read_file",
    "read_html_file",
    "read_stdin",
    "read_text_file",
]


def read_article(source: str, *, allow_private: bool = False) -> Article:
    """One article from a file path, an http(s) URL, or ``-`` for standard input."""
    if source == "-":
        return read_stdin()
    if is_url(source):
        return fetch_url(source, allow_private=allow_private)
    return read_file(source)


def read_stdin(name: str = "standard input") -> Article:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is more than {MAX_BYTES:,} bytes: give one article, not a corpus.")
    return to_article(decode(data, name), "stdin", name=name)


def iter_articles(sources: Iterable[str | Path], *, allow_private: bool = False) -> Iterator[Article | Failure]:
    """Every article in ``sources`` (files, folders, URLs), with a ``Failure`` for each bad one."""
    for source in sources:
        source = str(source)
        if is_url(source) or source == "-":
            yield _guard(source, lambda: read_article(source, allow_private=allow_private))
        elif Path(source).is_dir():
            found = False
            for path in iter_folder(source):
                found = True
                yield from _iter_file(path)
            if not found:
                kinds = ", ".join(READABLE_SUFFIXES)
                shown = printable(source)
                yield Failure(shown, f"{shown}: the folder has no files to read ({kinds}).", shown)
        else:
            yield from _iter_file(Path(source))


def _iter_file(path: Path) -> Iterator[Article | Failure]:
    suffix = suffix_of(path)
    if suffix in (".jsonl", ".warc", ".warc.gz"):
        reader = iter_jsonl if suffix == ".jsonl" else iter_warc
        try:
            yield from reader(path)
        except InputError as e:  # the whole file is unreadable; its good items were already yielded
            yield Failure(printable(path.stem), str(e), printable(path))
    else:
        yield _guard(printable(path), lambda: read_file(path), printable(path.stem))


def _guard(source: str, read: Callable[[], Article], doc_id: str | None = None) -> Article | Failure:
    try:
        return read()
    except InputError as e:  # a URL given on the command line may hold lone surrogates too
        return Failure(doc_id or printable(source), printable(e), printable(source))
