"""Who wrote an opinion piece, whose 'I' and 'we' outside quotes are the writer's: the person its
byline names ('By Ruth Okonkwo' in the first paragraphs) or its closing line signs ('James Bovard
is the author of …'). Part of speaker resolution (``speakers.py``)."""
from __future__ import annotations

from .mentions import Entity, Mentions
from .name_words import HONORIFICS
from .quotes.tokens import Tokens

_BYLINE_PARAGRAPHS = 3  # a headline, a standfirst, then the byline
_BYLINE_WORDS = 8


def author_of(toks: Tokens, mentions: Mentions) -> Entity | None:
    return _byline(toks, mentions) or _signed(toks, mentions)


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
