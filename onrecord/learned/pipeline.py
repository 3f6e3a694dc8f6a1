"""Rules and tagger together, each where it is more precise.

The rules go first: statements in quote marks, then reported speech the parse makes
plain (``X said (that) ...``, ``according to X``), whose content is a whole clause of
the parse. The tagger then adds what neither rule sees (``X blasted the media for ...``,
``Trump refuses to release ...``, nominal cues), wherever it does not overlap them.
On PolNeAR dev this order beats the tagger alone (docs/evaluation.md).
"""
from __future__ import annotations

import re

from ..quotes import Attribution, Tokens, find_marked_statements, find_quotes
from ..quotes.cue_extent import conventional_cue
from ..quotes.frames import relative_source
from ..quotes.indirect import find_indirect, overlaps
from . import learned_attributions


def attributions_of(toks: Tokens, doc, tagger) -> list[Attribution]:
    """Every statement of a parsed document: rules and tagger, or the rules alone (``tagger`` None)."""
    if tagger is None:
        return [_finished(toks, a) for a in find_quotes(toks) if not _anonymity(toks, a)]
    found = find_marked_statements(toks)
    taken = [span for a in found for span in a.content]
    found += find_indirect(toks, taken)  # appends what it finds to `taken`
    for a in learned_attributions(toks, doc, tagger):
        if not any(overlaps(span, taken) for span in a.content):
            found.append(a)
            taken.extend(a.content)
    return sorted((_finished(toks, a) for a in found if not _anonymity(toks, a)), key=lambda a: a.content[0][0])


# "who asked not to be named", "requested anonymity": how a source is kept unnamed, not something they said
_ANONYMITY = re.compile(r"^(?:not )?to be (?:named|identified|quoted)(?: by name)?|^anonymity\b", re.I)


def _anonymity(toks: Tokens, a: Attribution) -> bool:
    return len(a.content) == 1 and bool(_ANONYMITY.match(toks.text[a.content[0][0] : a.content[0][1]].strip(" ,.")))


def _finished(toks: Tokens, a: Attribution) -> Attribution:
    a = _disjoint(a, toks.text)
    if a.source:
        a.source = relative_source(toks, a.source)
    conventional_cue(toks, a)
    return a


def _disjoint(a: Attribution, text: str) -> Attribution:
    """A statement's cue and source lie outside its content: one inside ('"" said " Ana Lopez',
    a quote left open to the end) is dropped rather than reported twice."""
    # in place: later statements may point at this one (``inherits``) by identity
    if a.cue and overlaps(a.cue, a.content):
        a.cue = None
    if a.source and a.cue and overlaps(a.source, [a.cue]) and a.source[0] < a.cue[0]:
        # a misparse can hang the cue inside the source ('Ann Lee, the head of X, Tweeted on Friday')
        a.source = (a.source[0], a.source[0] + len(text[a.source[0] : a.cue[0]].rstrip(" ,\n\t")))
    if a.source and (overlaps(a.source, a.content) or (a.cue and overlaps(a.source, [a.cue]))):
        a.source, a.source_head = None, None
    return a
