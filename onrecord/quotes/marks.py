"""Pairing quotation marks into quoted spans, recovering from unbalanced marks.

Works on the raw text, before any parse: double marks (straight, curly, ``NYT''
style, guillemets) are primary; single marks are primary only in articles with no
double marks (the British single-quote style). A paragraph that opens a quote
without closing it continues in the next paragraph when that one opens with a
mark; otherwise the quote is closed at the paragraph's end and flagged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’']")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»", "''"}
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[\"“‘'«`])")


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted stretch of text, marks included: ``text[start:end]``."""

    start: int
    end: int
    paragraph: int
    closed: bool = True  # False: no closing mark; cut at the paragraph's end
    continues: bool = False  # the quote goes on in the next paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, blank lines (or a newline before a quote mark) apart."""
    spans, pos = [], 0
    for m in _PARA.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _can_open(text: str, i: int, mark: str) -> bool:
    if mark in _OPENERS or mark == "‘":
        return True
    if mark in _CLOSERS or mark == "’":
        # A closing mark after a space is a misused opener ("”Yes,” he said").
        return i == 0 or text[i - 1].isspace()
    before = text[i - 1] if i else " "
    return before.isspace() or before in "([{—–-/:;" or i == 0


def _can_close(text: str, i: int, mark: str) -> bool:
    if mark in _CLOSERS or mark == "’":
        after = text[i + len(mark)] if i + len(mark) < len(text) else " "
        return mark != "’" or not after.isalnum()
    if mark in _OPENERS or mark == "‘":
        return False
    before = text[i - 1] if i else " "
    # (a nested quote closing first keeps a space between the marks: '… the term 'outreach,' " he said')
    return not before.isspace() or text[max(0, i - 2) : i] in ("' ", "’ ")


def _marks(text: str, start: int, end: int, single: bool):
    pattern = _SINGLE if single else _DOUBLE
    for m in pattern.finditer(text, start, end):
        mark = m.group()
        if single:
            if mark == "'":
                mark = _straight_single(text, m.start(), end)
                if mark is None:
                    continue
            if mark == "’" and m.end() < len(text) and text[m.end()].isalnum():
                continue  # an apostrophe: don't, it's
            if mark == "‘" and m.end() < len(text) and text[m.end()].isspace():
                continue
        yield m.start(), mark


_DECADE = re.compile(r"\d0s\b")  # the '90s
_LATER_CLOSE = re.compile(r"[,.!?;:]'(?=\s|$)")


def _straight_single(text: str, i: int, end: int) -> str | None:
    """What a straight single mark is in British-style copy: an opening mark after a space (or a
    bracket, dash or colon), else a closing one; None for an apostrophe. A plural possessive
    (`the residents' money`) looks like a closing mark, so one before a lower-case word is read
    as an apostrophe where the paragraph closes a quote later with punctuation (`,'`, `.'`)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:;\"":
        return None if _DECADE.match(text, i + 1) else "‘"
    if before in "sS" and after == " " and text[i + 2 : i + 3].islower() and _LATER_CLOSE.search(text, i + 1, end):
        return None
    return "’"


def find_marked(text: str) -> list[Marked]:
    """Every quoted span in ``text``, in order; never raises on unbalanced marks."""
    single = _DOUBLE.search(text) is None
    found: list[Marked] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        open_at: int | None = None
        for i, mark in _marks(text, ps, pe, single):
            if open_at is None:
                if _can_open(text, i, mark):
                    open_at = i
            elif _can_close(text, i, mark):
                found.append(Marked(open_at, i + len(mark), p))
                open_at = None
            elif _can_open(text, i, mark) and mark in _OPENERS:
                # A new opener while open: the previous quote lost its closing mark.
                found.append(Marked(open_at, _trim_end(text, open_at, i), p, closed=False))
                open_at = i
        if open_at is not None:
            found.append(Marked(open_at, pe, p, closed=False))
    return _link_continuations(text, [m for m in found if not _stray(text, m)])


def _stray(text: str, m: Marked) -> bool:
    """A mark that quotes nothing: no letters inside, or an unclosed straight mark around curly quotes."""
    inner = text[m.start + 1 : m.end]
    if not any(c.isalnum() for c in inner):
        return True
    # Scraped text often keeps a straight mark from the page source beside proper curly quotes.
    return not m.closed and text[m.start] == '"' and ("“" in inner or "”" in inner or "“" in text[m.end : m.end + 2])


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _link_continuations(text: str, found: list[Marked]) -> list[Marked]:
    """Flag unclosed quotes whose next paragraph opens with a quote mark."""
    out = []
    for k, m in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if not m.closed and nxt is not None and nxt.paragraph == m.paragraph + 1 and _opens_paragraph(text, nxt.start):
            m = Marked(m.start, m.end, m.paragraph, closed=True, continues=True)
        out.append(m)
    return out


def _opens_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"
