"""Turning raw input (bytes or str, plain text or HTML) into an ``Article``.

Every check here raises ``InputError`` naming the input and what to do about it.
"""
from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass

from .errors import InputError

MAX_CHARS = 1_000_000  # ~150 pages, spaCy's own limit; longer input is almost surely not one article
# Bytes read from one file, URL or stdin before giving up: HTML markup can be many times its text.
MAX_BYTES = 64 * 1024 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# (after an XML declaration or comments: "<!-- saved from url=… -->", as browsers save pages)
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*"
                         r"(<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.I | re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
# A lone UTF-16 surrogate (JSON's "\ud800", UTF-7) is not text: it cannot be encoded, stored or parsed.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Compressed files are refused, not decompressed: a few KB can expand to gigabytes (a "zip bomb").
# warcio decompresses .warc.gz archives as a stream, one capped record at a time (ingest/warc.py).
_COMPRESSED = ((b"\x1f\x8b", "gzip", "gunzip -k FILE"), (b"PK\x03\x04", "zip", "unzip FILE"),
               (b"BZh", "bzip2", "bunzip2 -k FILE"), (b"\xfd7zXZ\x00", "xz", "unxz -k FILE"),
               (b"\x28\xb5\x2f\xfd", "zstd", "unzstd FILE"))


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    doc_id: str = "doc"
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    source: str | None = None  # where it was read from: a path, "file.jsonl:12", a URL

    def __post_init__(self) -> None:  # whatever built it, an article can be stored and printed
        for field in ("text", "doc_id", "title", "url", "published", "outlet", "source"):
            value = getattr(self, field)
            if isinstance(value, str):
                check_unicode(value, f"{printable(self.source or self.doc_id)} ({field})")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be made into an article (or extracted); streams go on past it."""

    doc_id: str
    error: str  # the full message, naming the input (file, line, record or URL) and what to do
    source: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "error": self.error}


def decode(data: bytes, name: str = "input") -> str:
    """Decode bytes as UTF-8 (a BOM is allowed), or as UTF-16/32 when a BOM says so (what Windows
    Notepad saves as "Unicode"); refuse binary and other encodings."""
    if not data.strip():
        raise InputError(f"{name} is empty: give an article with some text in it.")
    check_not_compressed(data, name)
    encoding, bom = wide_encoding(data)
    if bom:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            raise InputError(f"{name} is not valid {encoding} (bytes at offset {err.start}), though it starts with "
                             f"its byte-order mark: re-save it as UTF-8.") from None
    if b"\x00" in data[:8192]:
        if encoding:
            raise InputError(f"{name} looks like {encoding} text without a byte-order mark: convert it first, "
                             f"e.g. `iconv -f {encoding} -t utf-8 FILE > FILE.utf8`.")
        raise InputError(f"{name} looks binary (it contains NUL bytes): give a text, HTML or JSONL file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name} is not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}): "
            "convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`."
        ) from None


# UTF-32 first: its little-endian mark starts with UTF-16's
_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def wide_encoding(head: bytes) -> tuple[str | None, bool]:
    """(encoding, whether a byte-order mark says so) of UTF-16/32 text; (None, False) for any other.
    Without a mark, UTF-16 shows as a NUL in every other byte of English text."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, True
    even, odd = head[:4096:2], head[1:4096:2]
    for zeros, other, encoding in ((odd, even, "UTF-16LE"), (even, odd, "UTF-16BE")):
        if len(zeros) >= 8 and zeros.count(0) > 0.8 * len(zeros) and other.count(0) == 0:
            return encoding, False
    return None, False


def printable(name: str | object) -> str:
    """A file name or other label as text that can be printed and stored: lone surrogates (how
    Python keeps bytes of a file name that are not UTF-8) become escapes like ``\\udce9``."""
    return str(name).encode("utf-8", "backslashreplace").decode("utf-8")


def check_unicode(text: str, name: str = "input") -> str:
    """Refuse lone surrogates, naming the first one and where it is."""
    if found := _SURROGATE.search(text):
        raise InputError(f"{printable(name)} holds a lone surrogate (U+{ord(found.group()):04X} at character "
                         f"{found.start():,}), which is not text: fix the \\u escape or encoding that made it.")
    return text


def check_not_compressed(head: bytes, name: str = "input") -> None:
    """Refuse compressed bytes by their signature, naming the format and how to decompress them."""
    for magic, kind, command in _COMPRESSED:
        if head.startswith(magic) and (kind != "bzip2" or head[4:10] == b"1AY&SY"):
            raise InputError(f"{name} is {kind}-compressed: onrecord reads compressed files only as .warc.gz "
                             f"archives; decompress it first (`{command}`) and give the file inside.")


# Labels browsers read as windows-1252 (WHATWG Encoding): pages that say latin-1 are mostly written in
# it, and its curly quotes (0x93, 0x94) would be invisible controls in real latin-1.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "iso-8859-1:1987", "latin1", "latin-1", "l1", "cp819",
                                  "ibm819", "iso-ir-100", "csisolatin1", "us-ascii", "ascii", "ansi-x3.4-1968",
                                  "windows-1252", "cp1252", "x-cp1252"})


def _windows_1252(data: bytes) -> str:
    """Decode as browsers do: the five bytes windows-1252 leaves undefined stay the controls they are in latin-1."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data)


def decode_html(data: bytes, name: str = "input", charset: str | None = None) -> str:
    """Decode an HTML page: the charset given (HTTP header) or declared in a <meta>, else UTF-8."""
    if charset is None:
        found = _META_CHARSET.search(data[:4096])
        charset = found.group(1).decode("ascii", "replace") if found else None
    label = (charset or "").strip().lower().replace("_", "-")
    if not label or label in ("utf-8", "utf8") or wide_encoding(data)[1] or data.startswith(b"\xef\xbb\xbf"):
        return decode(data, name)  # a byte-order mark wins over any label, as in browsers
    if not data.strip():
        raise InputError(f"{name} is empty: give an article with some text in it.")
    check_not_compressed(data, name)
    if label in _WINDOWS_1252_LABELS:
        return _windows_1252(data)
    try:
        return data.decode(charset)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name} is not valid {charset} (byte 0x{data[err.start]:02x} at offset {err.start}): "
            "convert it to UTF-8 first, e.g. with `iconv`."
        ) from None
    except (LookupError, ValueError):  # no such codec, not a text codec ("hex"), or a name with a NUL in it
        raise InputError(f"{name} declares an unknown charset {charset!r}: convert it to UTF-8 first.") from None


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4000]))


def check_text(text: str, name: str = "input", max_chars: int = MAX_CHARS) -> str:
    """Validate article text (already decoded) and return it unchanged."""
    if not isinstance(text, str):
        raise InputError(f"{name} must be text (str), not {type(text).__name__}.")
    if not text.strip():
        raise InputError(f"{name} is empty: give an article with some text in it.")
    check_unicode(text, name)
    if len(text) > max_chars:
        raise InputError(
            f"{name} has {len(text):,} characters, more than the {max_chars:,} one article may have: "
            "split it into articles (e.g. one JSONL line each)."
        )
    if (nul := text.find("\x00")) >= 0:  # no text holds one; stored, it would cut strings short in C and in PostgreSQL
        raise InputError(f"{name} holds a NUL character (at character {nul:,}): give text without it.")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > max(10, len(sample) // 100):
        raise InputError(f"{name} looks binary (many control characters): give a text, HTML or JSONL file.")
    return text


# A link to another story set in the text ('READ MORE: …'): its headline is no statement of this one.
_RELATED = re.compile(r"^\s*(?:read more|related|more on this story|see also|also read|watch)\s*[:|]", re.IGNORECASE)
_PULL_QUOTE = ("//*[contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-_ ', 'abcdefghijklmnopqrstuvwxyz'), "
               "'pullquote')]")


def _without_pull_quotes(html: str) -> str:
    """The page less its pull quotes (class "pull-quote", "pullquote"): a quote from the body set again
    in large type would be a second statement, or join another speaker's."""
    if "pull" not in html.lower():
        return html
    from lxml import etree, html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, etree.ParserError, etree.XMLSyntaxError):
        return html  # (trafilatura reports what it cannot read)
    pulled = tree.xpath(_PULL_QUOTE)
    for element in pulled:
        element.drop_tree()
    return lxml_html.tostring(tree, encoding="unicode") if pulled else html


def html_to_article(
    html: str, doc_id: str = "doc", url: str | None = None, *, name: str | None = None
) -> Article:
    """Extract the main text and metadata of an HTML page with trafilatura."""
    import trafilatura

    name = name or doc_id
    check_text(html, name, max_chars=MAX_BYTES)  # markup may be far longer than the text in it
    try:
        doc = trafilatura.bare_extraction(_without_pull_quotes(html), url=url, with_metadata=True,
                                          include_comments=False)
    except Exception as e:  # lxml/trafilatura raise many types on broken markup
        raise InputError(f"{name}: the HTML could not be parsed ({type(e).__name__}: {e}).") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(
            f"{name}: the HTML has no article text that could be extracted (no <body>, or only "
            "navigation and boilerplate): give the page of one article, or its text as a .txt file."
        )
    # trafilatura joins paragraphs with single newlines; blank lines keep them apart for the quote rules.
    text = "\n\n".join(p for p in _paragraphs(text, html) if p.strip() and not _RELATED.match(p))
    return Article(
        text=check_text(text, name),
        doc_id=doc_id,
        title=getattr(doc, "title", None),
        url=url or getattr(doc, "url", None),
        published=getattr(doc, "date", None),
        outlet=getattr(doc, "sitename", None),
        source=url,
    )


_LD_JSON = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.S | re.I)


def _paragraphs(text: str, html: str) -> list[str]:
    """The extracted text's paragraphs; or, where the page keeps its story only in its JSON-LD
    ``articleBody`` (pages drawn by script), that body's own paragraphs: trafilatura reads the
    same words there but runs the paragraphs into one."""
    ours = text.strip().split("\n")
    for body in _article_bodies(html):
        theirs = [p.strip() for p in re.split(r"[\r\n]+", body) if p.strip()]
        if len(theirs) > len(ours) and " ".join(" ".join(theirs).split()) == " ".join(text.split()):
            return theirs
    return ours


def _article_bodies(html: str) -> list[str]:
    """Every ``articleBody`` in the page's JSON-LD blocks (in @graph lists too)."""
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("articleBody"), str):
                found.append(node["articleBody"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for block in _LD_JSON.findall(html):
        try:
            walk(json.loads(block))
        except ValueError:  # a broken block is the page's problem, not the article's
            continue
    return found


# A blank line and a line break in Unix, Windows (CR LF) and old Mac (CR) files.
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)")
_LINE_BREAK = re.compile(r"[\r\n]")


def guess_title(text: str) -> str | None:
    """A plain-text article's headline: its first line, when that line is a paragraph of its own."""
    text = text.lstrip()
    found = _BLANK_LINE.search(text)
    head = text[: found.start()].strip() if found else ""
    if found and text[found.end() :].strip() and head and not _LINE_BREAK.search(head) and len(head) <= 250:
        return head
    return None


def to_article(
    text_or_html: str, doc_id: str | None = None, url: str | None = None, *, name: str | None = None
) -> Article:
    """Plain text passes as it is (offsets refer to it); HTML goes through trafilatura."""
    name = name or doc_id or "input"
    if isinstance(text_or_html, str) and looks_like_html(text_or_html):
        return html_to_article(text_or_html, doc_id or "doc", url, name=name)
    check_text(text_or_html, name)
    return Article(text=text_or_html, doc_id=doc_id or "doc", url=url, source=url)
