"""JSONL: one article per line, ``{"id", "text" | "html", optional "url", "title", "published", "outlet"}``.

The file is read line by line (constant memory). A bad line becomes a ``Failure``
naming the file and line, and the stream goes on; only a file that cannot be
read at all (missing, empty, binary) raises ``InputError``.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from ..article import (
    MAX_CHARS,
    Article,
    Failure,
    InputError,
    check_not_compressed,
    check_text,
    check_unicode,
    html_to_article,
    looks_like_html,
    printable,
    wide_encoding,
)

# A line longer than this is refused without parsing it (JSON escapes take up to 12 bytes a char).
MAX_LINE_BYTES = 12 * MAX_CHARS + 4096
METADATA_FIELDS = ("url", "title", "published", "outlet")
EXAMPLE = '{"id": "a1", "text": "…"}'


def iter_jsonl(source: str | Path | IO[bytes], name: str | None = None) -> Iterator[Article | Failure]:
    """Yield an ``Article`` or a ``Failure`` for every non-blank line, in order.

    ``source`` is a path or a binary file object (e.g. ``sys.stdin.buffer``).
    """
    if isinstance(source, (str, Path)):
        name = name or printable(source)
        try:
            fh: IO[bytes] = open(source, "rb")
        except FileNotFoundError:
            raise InputError(f"{name}: no such file. Give a JSONL file with one article per line.") from None
        except OSError as e:
            raise InputError(f"{name} could not be read: {e.strerror or e}.") from None
        with fh:
            yield from _iter_lines(fh, name, printable(Path(source).stem))
    else:
        yield from _iter_lines(source, name or "standard input", Path(name).stem if name else "stdin")


def _iter_lines(fh: IO[bytes], name: str, stem: str) -> Iterator[Article | Failure]:
    head = fh.peek(8192)[:8192] if hasattr(fh, "peek") else b""
    check_not_compressed(head, name)
    if (encoding := wide_encoding(head)[0]) is not None:
        raise InputError(f"{name} is {encoding} text: JSONL is read as UTF-8; convert it first, "
                         f"e.g. `iconv -f {encoding} -t utf-8 FILE > FILE.utf8`.")
    if b"\x00" in head:
        raise InputError(f"{name} looks binary (it contains NUL bytes): give a JSONL file of UTF-8 text.")
    lineno = seen = 0
    while raw := fh.readline(MAX_LINE_BYTES + 1):
        lineno += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the over-long line without keeping it
            seen += 1
            message = (f"{name} line {lineno} is longer than {MAX_LINE_BYTES:,} bytes: an article may "
                       f"have at most {MAX_CHARS:,} characters; split it into several lines.")
            yield Failure(f"{stem}-{lineno}", message, f"{name}:{lineno}")
            continue
        if not raw.strip():
            continue  # blank lines are not records
        seen += 1
        yield line_to_article(raw, lineno, name, stem)
    if not seen:
        raise InputError(f"{name} is empty: give a JSONL file with one article per line, like {EXAMPLE}.")


def line_to_article(raw: bytes, lineno: int, name: str, stem: str) -> Article | Failure:
    """Parse one JSONL line; every problem becomes a ``Failure`` naming the file and line."""
    where = f"{name} line {lineno}"
    doc_id = f"{stem}-{lineno}"
    try:
        obj = _parse(raw, where, lineno)
        doc_id = _field(obj, "id", where, int) or doc_id
        return _to_article(obj, str(doc_id), where, f"{name}:{lineno}")
    except InputError as e:
        return Failure(str(doc_id), str(e), f"{name}:{lineno}")


def _parse(raw: bytes, where: str, lineno: int) -> dict[str, Any]:
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{where} is not valid UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1}): "
            "convert the file first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`."
        ) from None
    try:
        obj = json.loads(line.rstrip("\r\n"))  # a line cut short: "unterminated string", not "control character"
    except json.JSONDecodeError as e:
        raise InputError(
            f"{where} is not valid JSON ({e.msg.removesuffix(' at')} at column {e.colno}): each line must be one "
            f"JSON object like {EXAMPLE}."
        ) from None
    if not isinstance(obj, dict):
        raise InputError(f"{where} is a JSON {type(obj).__name__}, not an object like {EXAMPLE}.")
    return obj


def _field(obj: dict[str, Any], key: str, where: str, *also: type) -> Any:
    value = obj.get(key)
    if value is not None and not isinstance(value, (str, *also)):
        raise InputError(f"{where}: field {key!r} must be a string, not {type(value).__name__}.")
    return check_unicode(value, f"{where}: field {key!r}") if isinstance(value, str) else value


def _to_article(obj: dict[str, Any], doc_id: str, where: str, source: str) -> Article:
    meta = {key: _field(obj, key, where) for key in METADATA_FIELDS}
    text, html = _field(obj, "text", where), _field(obj, "html", where)
    if text is not None and html is None and looks_like_html(text):
        text, html = None, text  # a crawl's page put in "text": read as a page, as a .txt file holding one is
    if text is not None:
        article = Article(text=check_text(text, f"{where} (id {doc_id!r})"), doc_id=doc_id, source=source)
    elif html is not None:
        article = replace(html_to_article(html, doc_id, meta["url"], name=f"{where} (id {doc_id!r})"), source=source)
    else:
        fields = ", ".join(map(repr, obj)) or "none"
        raise InputError(f"{where} (id {doc_id!r}) has no \"text\" or \"html\" field (its fields: {fields}).")
    # Metadata given on the line wins over what trafilatura found in the HTML.
    return replace(article, **{k: v for k, v in meta.items() if v is not None})
