"""Single-article files (.txt, .html, .htm) and walking folders for every readable file."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..article import (
    MAX_BYTES,
    Article,
    InputError,
    decode,
    decode_html,
    guess_title,
    html_to_article,
    printable,
    to_article,
)

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
READABLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


def suffix_of(path: str | Path) -> str:
    """The lowercased suffix that decides the reader (``.warc.gz`` counts as one)."""
    name = Path(path).name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return Path(name).suffix


def read_bytes(path: str | Path, name: str | None = None, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a whole (small) file, turning every OS error into an ``InputError`` naming it."""
    name = name or printable(path)
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError(f"{name} is a folder: give one article file.")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # /dev/zero never ends, a FIFO may never be written
            raise InputError(f"{name} is not a regular file (a device, pipe or socket): give an article file, "
                             "or `-` to read standard input.")
        data = b""
        if info.st_size <= max_bytes:
            with path.open("rb") as f:
                data = f.read(max_bytes + 1)  # a file that grows while read stops at the limit all the same
        if info.st_size > max_bytes or len(data) > max_bytes:
            size = f"{info.st_size:,}" if info.st_size > max_bytes else f"over {max_bytes:,}"
            raise InputError(f"{name} is {size} bytes, more than the {max_bytes:,} one article may have: "
                             "split it into articles (e.g. one JSONL line each).")
        return data
    except FileNotFoundError:
        raise InputError(f"{name}: no such file. Give a text, HTML, JSONL or WARC file, or a URL.") from None
    except OSError as e:
        raise InputError(f"{name} could not be read: {e.strerror or e}.") from None


def article_from_bytes(data: bytes, name: str, stem: str, suffix: str) -> Article:
    """One article file's bytes as an Article: HTML through trafilatura, anything else as text
    (its first line the title). Used for files on disk and for files a Spark job hands over."""
    if suffix in HTML_SUFFIXES:
        return replace(html_to_article(decode_html(data, name), stem, name=name), source=name)
    article = to_article(decode(data, name), stem, name=name)
    return replace(article, source=name, title=article.title or guess_title(article.text))


def read_text_file(path: str | Path) -> Article:
    """A UTF-8 text file is one article; its name (without suffix) is the doc id, its first line the title."""
    name = printable(path)
    return article_from_bytes(read_bytes(path, name), name, printable(Path(path).stem), ".txt")


def read_html_file(path: str | Path) -> Article:
    """An HTML file is one article: trafilatura finds the text, title, date and outlet."""
    name = printable(path)
    return article_from_bytes(read_bytes(path, name), name, printable(Path(path).stem), ".html")


def read_file(path: str | Path) -> Article:
    """Read one article file; a .jsonl or .warc file holds many articles and is refused here."""
    suffix = suffix_of(path)
    if suffix in JSONL_SUFFIXES + WARC_SUFFIXES:
        commands = ("`onrecord extract --jsonl FILE` or `onrecord ingest FILE`" if suffix in JSONL_SUFFIXES
                    else "`onrecord ingest FILE`, or `onrecord batch FILE OUT` for Parquet")
        raise InputError(f"{printable(path)} holds many articles ({suffix}): read it with iter_articles "
                         f"(on the command line: {commands}).")
    if suffix == ".json":  # read as text it would be stored as an article made of braces
        raise InputError(f"{printable(path)} is JSON: onrecord reads JSON Lines (.jsonl), one article object per line "
                         "like {\"id\": \"a1\", \"text\": \"…\"}; convert a list with `jq -c '.[]' FILE > FILE.jsonl`.")
    if suffix in HTML_SUFFIXES:
        return read_html_file(path)
    return read_text_file(path)  # .txt and anything else: plain text, or HTML when it looks like it


def iter_folder(folder: str | Path) -> Iterator[Path]:
    """Every readable file under ``folder``, recursively, in sorted path order; hidden entries skipped."""
    with os.scandir(folder) as scan:
        entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):  # symlinked folders are not followed: no loops
            yield from iter_folder(entry.path)
        elif suffix_of(entry.name) in READABLE_SUFFIXES and entry.is_file():
            yield Path(entry.path)
