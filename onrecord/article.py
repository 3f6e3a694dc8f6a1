"""Turning raw input (bytes or str, plain text or HTML) into an ``Article``.

Every check here raises ``InputError`` naming the input and what to do about it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import InputError

MAX_CHARS = 2_000_000  # ~300 pages; longer input is almost surely not one article
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    doc_id: str = "doc"
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None


def decode(data: bytes, name: str = "input") -> str:
    """Decode bytes as UTF-8 (a BOM is allowed); refuse binary and other encodings."""
    if not data.strip():
        raise InputError(f"{name} is empty: give an article with some text in it.")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks binary (it contains NUL bytes): give a text, HTML or JSONL file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name} is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}): "
            "convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`."
        ) from None


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def check_text(text: str, name: str = "input") -> str:
    """Validate article text (already decoded) and return it unchanged."""
    if not isinstance(text, str):
        raise InputError(f"{name} must be text (str), not {type(text).__name__}.")
    if not text.strip():
        raise InputError(f"{name} is empty: give an article with some text in it.")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{name} has {len(text):,} characters, more than the {MAX_CHARS:,} one article may have: "
            "split it into articles (e.g. one JSONL line each)."
        )
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(10, len(sample) // 100):
        raise InputError(f"{name} looks binary (many control characters): give a text, HTML or JSONL file.")
    return text


def html_to_article(html: str, doc_id: str = "doc", url: str | None = None) -> Article:
    """Extract the main text and metadata of an HTML page with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{doc_id}: the HTML has no article text that could be extracted (no body?).")
    # trafilatura joins paragraphs with single newlines; blank lines keep them apart for the quote rules.
    text = re.sub(r"\n+", "\n\n", text.strip())
    return Article(
        text=check_text(text, doc_id),
        doc_id=doc_id,
        title=getattr(doc, "title", None),
        url=url or getattr(doc, "url", None),
        published=getattr(doc, "date", None),
        outlet=getattr(doc, "sitename", None),
    )


def to_article(text_or_html: str, doc_id: str | None = None, url: str | None = None) -> Article:
    """Plain text passes as it is (offsets refer to it); HTML goes through trafilatura."""
    name = doc_id or "input"
    check_text(text_or_html, name)
    if looks_like_html(text_or_html):
        return html_to_article(text_or_html, doc_id or "doc", url)
    return Article(text=text_or_html, doc_id=doc_id or "doc", url=url)
