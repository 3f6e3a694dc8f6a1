"""The same words said twice by one speaker: ``same_quote`` inside an article.

The thresholds are shared with the record, which links the same quote across articles
(``onrecord.record.linking``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..models import Link, Quote
from .context import normalise, quoted_text
from .names import same_party, speaker_name

if TYPE_CHECKING:
    from .answerable import Typed

SAME_QUOTE_MIN_SIMILARITY = 90.0
SAME_QUOTE_MIN_CHARS = 15
SAME_QUOTE_MIN_WORDS = 3
SAME_QUOTE_MIN_INDIRECT_WORDS = 5  # both reported, not quoted
_UNDOING = ("retraction", "apology")


def plain(text: str) -> str:
    """Words as same_quote compares them: lowercased, no punctuation."""
    return " ".join(re.sub(r"[^\w\s']", " ", normalise(text)).split())


# '…' or '...' where a report left words out of a quote
_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")
# Words two reports of one quote may both have without it being the same quote
_SMALL = frozenset("that this with have from they their there were will would been what when which about".split())


def similarity(mine: str, theirs: str) -> float:
    """How nearly two statements' words (as said, not yet plain) are one quote, 0-100: the shorter
    one found in the longer (trimmed, re-punctuated, respelt), each piece of an elided one ('…')
    found on its own; 0 where the shorter has a word the longer lacks in any spelling ('ten thousand
    teachers' is another pledge than 'ten thousand nurses')."""
    short, long = sorted((mine, theirs), key=len)
    longer = plain(long)
    pieces = [p for p in (plain(part) for part in _ELLIPSIS.split(short)) if len(p.split()) >= 2] or [plain(short)]
    score = min(fuzz.partial_ratio(p, longer) for p in pieces)
    if score < SAME_QUOTE_MIN_SIMILARITY:
        return score
    their_words = set(longer.split())
    for word in set(" ".join(pieces).split()) - their_words:
        if len(word) > 3 and word not in _SMALL and max(fuzz.ratio(word, w) for w in their_words) < 75:
            return 0.0
    return score


def plain_words(quote: Quote) -> str:
    """A statement's own words (inside its quote marks, where it has them), plain."""
    return plain(quoted_text(quote))


def repeatable(words: str) -> bool:
    """Long enough for a repeat of it to be the same quote, not a shared phrase."""
    return len(words) >= SAME_QUOTE_MIN_CHARS and len(words.split()) >= SAME_QUOTE_MIN_WORDS


def same_quote_link(statements: list[Typed], i: int, plain_of: list[str] | None = None) -> Link | None:
    """The earliest earlier statement of the same speaker with (nearly) the same words
    (``plain_of``: every statement's ``plain_words``, when the caller has them)."""
    plain_of = plain_of or [plain_words(t.quote) for t in statements]
    s = statements[i]
    me = speaker_name(s.quote)
    mine = plain_of[i]
    if not me or not repeatable(mine):
        return None
    # reported speech shares short phrases ("the names and addresses") without repeating anyone's words
    min_words = SAME_QUOTE_MIN_WORDS if s.quote.kind != "indirect" else SAME_QUOTE_MIN_INDIRECT_WORDS
    for j in range(i):
        other = statements[j]
        if not same_party(speaker_name(other.quote), me) or (other.type in _UNDOING) != (s.type in _UNDOING):
            continue
        if any(a.start < b.end and b.start < a.end for a in s.quote.content for b in other.quote.content):
            continue  # the same words of the article twice over, not a repeat of them
        theirs = plain_of[j]
        if not repeatable(theirs):
            continue
        if other.quote.kind == "indirect" and min(len(mine.split()), len(theirs.split())) < min_words:
            continue
        score = fuzz.partial_ratio(mine, theirs)
        if score >= SAME_QUOTE_MIN_SIMILARITY - 20 and (score := similarity(quoted_text(s.quote), quoted_text(other.quote))) >= SAME_QUOTE_MIN_SIMILARITY:
            ev = f"same quote: same speaker ({me}), similarity {score / 100:.2f}"
            return Link("same_quote", other.quote.id, round(score / 100 * 0.95, 3), ev)
    return None
