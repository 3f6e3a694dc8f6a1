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
from collections import Counter

from ..casing import names_in
from ..name_words import POSSESSIVE
from .attribution import Attribution
from .cues import SPEECH_FORMS
from .indirect import overlaps
from .tokens import Tokens

# 1-4 capitalised words (no sentence), then a colon and the words spoken.
_TURN = re.compile(r"^[\"“”'‘’«\s]*(?P<label>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})(?P<colon>:)[ \t]+(?=\S)")
# ('EXCLUSIVE – Roger Stone: …': a rubric in capitals before a dash; 'Clinton camp: …': a body of people after a name)
_HEADLINE = re.compile(
    r"^\s*(?:(?:EXCLUSIVE|BREAKING|WATCH|UPDATE|UPDATED|VIDEO|ANALYSIS|OPINION) [–—-] )?"
    r"(?P<label>[A-Z][\w.'’&\-]*(?: [A-Z][\w.'’&\-]*){0,3}(?: (?:camp|campaign|aides|allies))?)(?P<colon>:)[ \t]+(?=\S)")
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
    """Transcript turns, an interview's answers and a headline's source, in text order."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", toks.text)]
    turns = [a for start, line in lines if (a := _turn(toks, start, line, _TURN, "direct"))]
    found = turns if len(turns) >= MIN_TURNS else _named_answers(toks, lines)
    found = sorted(found + _answers(toks, lines), key=lambda a: a.content[0][0])
    head = _turn(toks, *lines[0], _HEADLINE, "indirect") if lines else None
    if head is None or not _named(toks, head.source):
        head = _quoted_headline(toks, *lines[0]) if lines else None
    if head is not None and not any(a.content[0][0] == head.content[0][0] for a in found):
        found.insert(0, head)
    return found


# 'Gillibrand on the Transcripts: ‘I Think She Will.’', 'Warren Hammers Wells Fargo CEO: ‘You Should …’':
# a headline whose words after the colon are a quotation, whatever the words before it.
_QUOTED_HEADLINE = re.compile(r"^\s*(?P<label>[^:\n\"“”‘’']{2,100}?)(?P<colon>:)[ \t]+(?=[\"“‘'])")


def _quoted_headline(toks: Tokens, start: int, line: str) -> Attribution | None:
    """A quotation after a headline's colon, said by the first person or body the words before it
    name (as PolNeAR marks them: the colon its cue)."""
    m = _QUOTED_HEADLINE.match(line)
    if m is None or "\n" not in toks.text or _rubric(m.group("label")) or line.rstrip(" \t.")[-1:] not in _OPENING:
        return None  # (not 'Bus Cuts: ‘Not Fair’ Says Mayor', whose words after the quotation say who)
    if set(_WORDS.findall(m.group("label").lower())) & SPEECH_FORMS:
        return None  # ('Ann Lee said: "…"' is for the quote-mark rules)
    name = _first_name(toks, *toks.span_tokens(start + m.start("label"), start + m.end("label")), start + len(line))
    a = _turn(toks, start, line, _QUOTED_HEADLINE, "indirect") if name else None
    if a is not None:
        a.kind, a.source, a.source_head, a.as_named = "direct", toks.chars(*name), name[1], True
    return a


def _first_name(toks: Tokens, first: int, last: int, body: int) -> tuple[int, int] | None:
    """The first and last token of the first name in first..last: an entity's, else the leading words
    the body (from character ``body`` on) writes as a name (a title-case surname goes untagged:
    'Calder on Bus Cuts: …')."""
    tagged = next((i for i in range(first, last + 1) if toks.ent[i] in _WHO), None)
    if tagged is not None:
        end = tagged
        while end < last and toks.ent[end + 1] == toks.ent[tagged] and toks.lower[end + 1] not in POSSESSIVE:
            end += 1
        return tagged, end
    names = names_in(toks.text[body:])
    end = first - 1
    while end < last and toks.text[toks.starts[end + 1] : toks.ends[end + 1]] in names:
        end += 1
    return (first, end) if end >= first else None


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


def _answers(toks: Tokens, lines: list[tuple[int, str]]) -> list[Attribution]:
    """A question-and-answer interview: each 'A:' paragraph is the words of the person it is with,
    named in the introduction (the person it names most before the first question)."""
    asked = [(start, m) for start, line in lines if (m := _QA.match(line))]
    answers = [(start, m) for start, m in asked if m.group("label")[0] in "Aa"]
    if len(answers) < MIN_TURNS or len(asked) == len(answers):
        return []
    who = _interviewee(toks, asked[0][0])
    if who is None:
        return []
    found = []
    for start, m in answers:
        end = start + len(m.group(0).rstrip())
        if end - (start + m.end("label")) > 2:
            found.append(Attribution([(start + m.end("label"), end)], "direct", cue=(start + m.start("colon"), start + m.end("colon")),
                                     confidence=0.8, context_head=who))
    return found


def _named_answers(toks: Tokens, lines: list[tuple[int, str]]) -> list[Attribution]:
    """Turns that open with the speaker's name in title case, not capitals: an interview's answers
    among its questions ('Q: Were you ready?' / 'Pike: We were not.'), or a transcript of two or
    more people ('Holt: …' / 'Clinton: …'). Each paragraph after the headline led by the name
    (1-4 words, the last a person's name the article gives) and a colon is that person's words."""
    questions = sum(bool(m) and m.group("label")[0] in "Qq" for _, line in lines if (m := _QA.match(line)))
    people = {toks.lower[i] for i in range(len(toks)) if toks.ent[i] == "PERSON"}
    named = [(start, line, m) for start, line in lines[1:] if (m := _NAMED.match(line))]
    named = [(start, line) for start, line, m in named if m.group("label").split()[-1].lower() in people]
    turns = [a for start, line in named if (a := _turn(toks, start, line, _NAMED, "direct"))
             and len(_WORDS.findall(toks.text, *a.content[0])) >= 2]  # not 'Clinton: 1,769.'
    said = Counter(toks.text[a.source[0] : a.source[1]].split()[-1].lower() for a in turns)
    # a transcript goes back and forth; a list ('Sanders: Win in a walk.' / 'Cruz: Just hang on.') does not
    talk = len(said) >= 2 and max(said.values(), default=0) >= 2
    return turns if len(turns) >= MIN_TURNS and (questions >= MIN_TURNS or talk) else []


_WORDS = re.compile(r"[^\W\d_]{2,}")


# A name in title case and a colon opening a paragraph ('Joan Pike: …', 'Pike: …').
_NAMED = re.compile(r"^[ \t]*(?P<label>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3})(?P<colon>:)[ \t]+(?=\S)")
# 'Q: …' and 'A: …' (or 'Question:'/'Answer:'), each opening its paragraph.
_QA = re.compile(r"^[ \t]*(?P<label>(?:Q|A|Question|Answer)[ \t]*(?P<colon>[:.])[ \t]+)\S.*$")


def _interviewee(toks: Tokens, before: int) -> int | None:
    """The last word of the name of the person the introduction names most."""
    runs, i = [], 0
    while i < len(toks) and toks.starts[i] < before:
        if toks.ent[i] == "PERSON":
            j = i
            while j + 1 < len(toks) and toks.ent[j + 1] == "PERSON" and toks.lower[j + 1] not in POSSESSIVE:
                j += 1
            runs.append(j)
            i = j + 1
        else:
            i += 1
    if not runs:
        return None
    counts = Counter(toks.lower[j] for j in runs)  # in order of first mention, which wins a tie
    best = max(counts, key=counts.__getitem__)
    return max(j for j in runs if toks.lower[j] == best)


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
    # a person under the words the headline gives them in title case ('Ann Coulter', 'McCain Challenger
    # Kelli Ward'), tagged as nouns there; not a phrase about someone ('Big Win For Bernie', 'Clinton Wades In')
    if any(toks.ent[i] == "PERSON" for i in words) and all(toks.text[toks.starts[i]].isupper() for i in words) \
            and not any(toks.pos[i] in _NOT_IN_A_NAME for i in words):
        return True
    # or tagged a noun ('Sanders:', 'Politifact:'), where the body writes it as a name
    names = names_in(toks.text[toks.text.find("\n", source[1]) + 1 :]) if "\n" in toks.text else set()
    said = [toks.text[toks.starts[i] : toks.ends[i]] in names for i in words]
    # ('Roger Stone:' where the body names 'Stone' again: a first name opening a sentence is no evidence)
    return all(said) or (said[-1] and all(toks.pos[i] == "PROPN" for i in words))


_WHO = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NOT_IN_A_NAME = frozenset({"ADP", "VERB", "AUX", "CCONJ", "DET", "PRON", "PART", "SCONJ"})


def without_labelled(quoted: list[Attribution], labelled: list[Attribution]) -> list[Attribution]:
    """The quote-mark statements that no labelled statement overlaps (the turn already holds them)."""
    spans = [a.content[0] for a in labelled]
    kept = [a for a in quoted if not any(overlaps(c, spans) for c in a.content)]
    dropped = {id(a) for a in quoted} - {id(a) for a in kept}
    for a in kept:  # a quote whose speaker came from a dropped one is the turn's, not theirs
        if a.inherits is not None and id(a.inherits) in dropped:
            a.inherits = None
    return kept
