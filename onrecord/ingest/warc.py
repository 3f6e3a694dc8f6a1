"""WARC archives (.warc, .warc.gz): every successful HTML ``response`` record is an article, and
so is an HTML ``resource`` record (a page archived without its HTTP exchange). A page that
states no date takes the day it was archived.

warcio stops quietly at a truncated file, so truncation is checked here: a record
whose body is shorter than its Content-Length, or bytes left after the last whole
record. Either becomes a ``Failure`` naming the file and the record.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..article import (MAX_BYTES, Article, Failure, InputError, decode_html, html_to_article, looks_like_html,
                       printable)

HTML_TYPES = ("text/html", "application/xhtml+xml")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_REDO = "records before it were read; re-download or re-create the file."


def iter_warc(path: str | Path, name: str | None = None) -> Iterator[Article | Failure]:
    """Yield an ``Article`` for each HTML response record (or a ``Failure`` for a bad one), in order."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):
        INC_RECORD = ""  # warcio writes this warning to stderr itself; we report the record instead

    name = name or printable(path)
    with _opened(path, name) as fh:
        if (wrong := _not_a_warc(fh, name)) is not None:
            yield wrong
            return
        archive = QuietIterator(fh)
        records = iter(archive)
        number = html = end = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as e:  # warcio raises many types (ArchiveLoadFailed, zlib.error, ...) on bad bytes
                yield _broken(name, number + 1, f"is malformed or truncated ({type(e).__name__}: {e})")
                return
            number += 1
            if record.format.startswith("warc") and not _complete_header(record):
                yield _broken(name, number, "has an incomplete header (no WARC-Type or Content-Length)")
                return
            item = _read_record(record, number, name)
            errors = archive.err_count
            end = archive.get_record_offset() + archive.get_record_length()  # reads the rest of the record
            if problem := _damage(record, archive.err_count > errors):
                yield _broken(name, number, problem)
                return
            if item is not None:
                html += 1
                yield item
        # warcio ends quietly when the file stops inside a record: anything left after the last one is that record.
        fh.seek(end)
        if fh.read(4096).strip():
            yield _broken(name, number + 1, "is truncated or malformed (the file ends inside it)")
            return
    if not number:
        raise InputError(f"{name} holds no WARC records: give a .warc or .warc.gz file.")
    if not html:
        raise InputError(f"{name} has {number} records but no successful HTML responses to read as articles.")


def _opened(path: str | Path, name: str):
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file. Give a .warc or .warc.gz file.") from None
    except OSError as e:
        raise InputError(f"{name} could not be read: {e.strerror or e}.") from None


def _not_a_warc(fh, name: str) -> Failure | None:
    """A file that starts neither like a WARC nor like gzip is not a damaged WARC: it never was one."""
    start = fh.read(5)
    fh.seek(0)
    if start and start[:2] != b"\x1f\x8b" and not start.startswith(b"WARC/"):
        return Failure(name, f"{name} is not a WARC file (it does not start with a WARC/1.0 header): "
                             "give a .warc or .warc.gz crawl, or name a text file .txt.", name)
    return None


def _broken(name: str, number: int, problem: str) -> Failure:
    where = f"{name}#{number}"
    return Failure(where, f"{name}: record {number} {problem}; {_REDO}", where)


def _damage(record, misaligned: bool) -> str | None:
    """What is wrong with a record read to its end: bytes missing, or no blank line where it should end."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or "no URI"
    if missing := getattr(record.raw_stream, "limit", 0):
        return f"({uri}) is truncated: {missing:,} of its bytes are missing"
    if misaligned:  # what follows would be read from the wrong offset: stop rather than guess
        length = record.rec_headers.get_header("Content-Length")
        return f"({uri}) does not end where its Content-Length ({length}) says: the length is wrong or the file is corrupt"
    return None


def _read_record(record, number: int, name: str) -> Article | Failure | None:
    """One record → an article, a failure, or None when it is not a successful HTML page: an HTTP
    response, or a resource record (a page archived without its HTTP exchange, as archiving
    tools store saved or local pages). A response without a Content-Type is read if it starts
    like HTML."""
    if record.rec_type == "resource":
        status, content_type = "200", record.rec_headers.get_header("Content-Type") or ""
    elif record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type")
    else:
        return None
    mime, _, params = (content_type or "").partition(";")
    if not status.startswith("2") or (content_type is not None and mime.strip().lower() not in HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{Path(name).name}#{number}"
    where = f"{name} record {number} ({uri})"
    try:
        data = record.content_stream().read(MAX_BYTES + 1)
    except Exception as e:  # broken chunked or gzip content encoding inside the record
        return Failure(uri, f"{where}: its body could not be decoded ({type(e).__name__}: {e}).", where)
    if len(data) > MAX_BYTES:
        return Failure(uri, f"{where} is more than {MAX_BYTES:,} bytes: not one article page.", where)
    if content_type is None and not looks_like_html(data[:4000].decode("latin-1")):
        return None  # no type given, and not a page
    try:
        html = decode_html(data, where, _charset(params))
        article = html_to_article(html, uri, uri, name=where)
    except InputError as e:
        return Failure(uri, str(e), where)
    # a page that states no date was at least published by the time it was archived: without a
    # date its statements could not take their place in a timeline
    return replace(article, source=where, published=article.published or _captured(record))


def _captured(record) -> str | None:
    """The day the record was archived (its WARC-Date), as YYYY-MM-DD."""
    day = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    return day if _DAY.fullmatch(day) else None


def _complete_header(record) -> bool:
    length = record.rec_headers.get_header("Content-Length") or ""
    return bool(record.rec_type) and length.strip().isdigit()


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
