"""Statements whose speaker is a label before a colon: transcripts and headlines.

- A transcript gives each turn as a paragraph opening with the speaker's name in
  capitals (``PENCE: Well, look, …``, often inside an opening quote mark). Quote-mark
  rules alone read such paragraphs as unattributed quotes, or give them to whoever was
  named last; the label says who speaks.
- A headline may lead with its source (``Pence: Gennifer Flowers Won't Be at Debate``,
  ``Poll: Wealthy Voters Abandon …``): the name before the colon says it.
Both give the colon as the cue, as PolNeAR annotates them.
"""
from __future__ import annotations

import re

from ..casing import names_in
from .attribution import Attribution
from .indirect import overlaps
from .tokens import Tokens

# 1-4 capitalised words (no sentence), then a colon and the words spoken.
_TURN = re.compile(r"^[\"“”'‘’«\s]*(?P<label>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})(?P<colon>:)[ \t]+(?=\S)")
_HEADLINE = re.compile(r"^\s*(?P<label>[A-Z][\w.'’&\-]*(?: [A-Z][\w.'’&\-]*){0,3})(?P<colon>:)[ \t]+(?=\S)")
# Labels that head a rubric, not a speaker.
NOT_SPEAKERS = frozenset(
    "breaking exclusive watch update updated video photos photo live opinion analysis editorial op-ed review "
    "correction clarification podcast listen quiz explainer timeline note editor's related read more see also "
    "fact check q a transcript crosstalk applause laughter unidentified male unidentified female announcer "
    "the latest revealed byline wow busted look boom bombshell just leaked paid notice".split()
)
# A headline's source that no entity tagger knows as a name: who speaks without being someone.
SOURCE_NOUNS = frozenset("poll polls report survey study studies historians insiders experts sources officials newspaper camp campaign aides allies".split())
MIN_TURNS = 2  # one capitalised label is a rubric ("BREAKING: …"); a transcript has turns
_CLOSE = "\"“”'‘’» \t"


def find_labelled(toks: Tokens) -> list[Attribution]:
    """Transcript turns and a headline's source, in text order."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", toks.text)]
    turns = [a for start, line in lines if (a := _turn(toks, start, line, _TURN, "direct"))]
    found = turns if len(turns) >= MIN_TURNS else []
    if lines and (head := _turn(toks, *lines[0], _HEADLINE, "indirect")) is not None:
        if not any(a.content[0][0] == head.content[0][0] for a in found) and _named(toks, head.source):
            found.insert(0, head)
    return found


def _turn(toks: Tokens, start: int, line: str, pattern: re.Pattern, kind: str) -> Attribution | None:
    m = pattern.match(line)
    if m is None or _rubric(m.group("label")):
        return None
    begin, end = start + m.end(), start + _content_end(line, m.end(), kind)
    if end - begin < 2:
        return None
    source = (start + m.start("label"), start + m.end("label"))
    return Attribution(
        [(begin, end)],
        kind,
        cue=(start + m.start("colon"), start + m.end("colon")),
        source=source,
        source_head=toks.span_tokens(*source)[1],
        confidence=0.8 if kind == "direct" else 0.6,
    )


# The opening mark of each closing one, where a quotation can end a headline ('Mayor 'Owes Us An Answer'').
_OPENING = {"’": "‘", "”": "“", "'": "'", '"': '"'}


def _content_end(line: str, begin: int, kind: str) -> int:
    """Where a label's statement ends: before the closing marks of a turn, before a headline's
    full stop, but after a quotation the headline ends on ('Issa: Clinton’s ‘Honesty Is In Question.’')."""
    bare = line.rstrip()
    if kind == "indirect" and bare[-1:] in _OPENING:
        opening = _OPENING[bare[-1]]
        if re.search(rf"(?:^|[\s(\[—–-]){opening}\w", line[begin : len(bare) - 1]):
            return len(bare)
    trailing = _CLOSE + "." if kind == "indirect" else _CLOSE  # a headline's full stop is not its content
    return len(line.rstrip(trailing).rstrip(_CLOSE))


def _rubric(label: str) -> bool:
    words = label.lower().replace("’", "'").split()
    return " ".join(words) in NOT_SPEAKERS or all(w in NOT_SPEAKERS for w in words)


def _named(toks: Tokens, source: tuple[int, int]) -> bool:
    """A headline's label names someone ('Pence', 'Poll'), not a clause ('Warren Hammers Wells Fargo
    CEO') or a rubric ('Stealth Over Health')."""
    first, last = toks.span_tokens(*source)
    words = [i for i in range(first, last + 1) if not toks.space[i]]
    if toks.lower[words[-1]] in SOURCE_NOUNS:
        return True
    # a lone surname ('Trump:') often goes untagged in a headline's title case
    if all(toks.pos[i] == "PROPN" for i in words) and (len(words) == 1 or any(toks.ent[i] in _WHO for i in words)):
        return True
    # or tagged a noun ('Sanders:', 'Politifact:'), where the body writes it as a name
    names = names_in(toks.text[toks.text.find("\n", source[1]) + 1 :]) if "\n" in toks.text else set()
    return all(toks.text[toks.starts[i] : toks.ends[i]] in names for i in words)


_WHO = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def without_labelled(quoted: list[Attribution], labelled: list[Attribution]) -> list[Attribution]:
    """The quote-mark statements that no labelled statement overlaps (the turn already holds them)."""
    spans = [a.content[0] for a in labelled]
    kept = [a for a in quoted if not any(overlaps(c, spans) for c in a.content)]
    dropped = {id(a) for a in quoted} - {id(a) for a in kept}
    for a in kept:  # a quote whose speaker came from a dropped one is the turn's, not theirs
        if a.inherits is not None and id(a.inherits) in dropped:
            a.inherits = None
    return kept
