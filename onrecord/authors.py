"""Who wrote an opinion piece, whose 'I' and 'we' outside quotes are the writer's: the person its
byline names ('By Ruth Okonkwo' in the first paragraphs), its closing line signs ('James Bovard
is the author of …') or its headline is under ('Ann Coulter: …'). Part of speaker resolution
(``speakers.py``)."""
from __future__ import annotations

import re

from .mentions import Entity, Mentions
from .name_words import HONORIFICS
from .quotes.tokens import Tokens

_BYLINE_PARAGRAPHS = 3  # a headline, a standfirst, then the byline
_BYLINE_WORDS = 8


def author_of(toks: Tokens, mentions: Mentions) -> Entity | None:
    return _byline(toks, mentions) or _signed(toks, mentions) or _columnist(toks, mentions)


def _columnist(toks: Tokens, mentions: Mentions) -> Entity | None:
    """A column's headline under its writer's full name: 'Ann Coulter: And Then There Was the One.'
    (not a news headline's 'Clinton: …' or a quoted 'Ann Lee: "We will win"')."""
    m = next((m for m in mentions.mentions if m.first == 0), None)
    if m is None or m.entity.kind != "person" or m.last == m.first or m.last + 1 >= len(toks) or toks.lower[m.last + 1] != ":":
        return None
    start = toks.ends[m.last + 1]
    end = toks.text.find("\n", start)
    rest = toks.text[start : end if end != -1 else len(toks.text)]
    return None if _OPENING_MARK.search(rest) else m.entity  # (single marks too: the headline quotes them)


_OPENING_MARK = re.compile(r"(?:^|\s)[‘“\"'`]")


def _byline(toks: Tokens, mentions: Mentions) -> Entity | None:
    """'By Ruth Okonkwo' as a paragraph of its own near the top."""
    for m in mentions.mentions:
        if toks.para[m.first] >= _BYLINE_PARAGRAPHS or m.entity.kind != "person" or m.first == 0:
            continue
        by = m.first - 1
        if toks.lower[by] != "by" or not (by == 0 or toks.newline[by - 1]):
            continue
        words = [i for i in range(len(toks)) if toks.para[i] == toks.para[m.first] and not toks.text[toks.starts[i] : toks.ends[i]].isspace()]
        if len(words) <= _BYLINE_WORDS:
            return m.entity
    return None


def _signed(toks: Tokens, mentions: Mentions) -> Entity | None:
    """The person named at the start of the last paragraph, then 'is' and a noun phrase."""
    words = [i for i in range(len(toks)) if not toks.text[toks.starts[i] : toks.ends[i]].isspace()]
    if not words:
        return None
    start = next(i for i in words if toks.para[i] == toks.para[words[-1]])
    if words[-1] - start > 80 or toks.quote[start] != -1:
        return None
    first = start + (toks.lower[start] in HONORIFICS)
    m = next((m for m in mentions.mentions if m.first == first and m.entity.kind == "person"), None)
    if m is None or m.last + 2 > words[-1]:
        return None
    verb, after = m.last + 1, m.last + 2
    if toks.lower[verb] != "is" or toks.tag[after] not in ("DT", "NN", "NNP", "NNS"):
        return None  # 'Mr. Hurt is eager …', 'Gov. Kasich is polling …' describe, they do not sign
    return m.entity
