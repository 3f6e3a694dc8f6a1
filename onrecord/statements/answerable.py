"""What a statement can answer: the statements of an article as link finding reads them, the
words they share, and the choice among candidates (``links.py`` decides which link to make).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Link, Quote, Target
from .context import normalise
from .names import name_tokens, same_party, speaker_name

NOT_ANSWERABLE = frozenset({"retraction", "apology", "no_comment"})
NO_WORDS = frozenset({"no_comment"})
# What a retraction or apology can be about, most likely first.
RETRACTABLE = {"support": 2, "criticism": 2, "denial": 1, "claim": 1}
_WORD = re.compile(r"[a-z][a-z'\-]{3,}")
_STOP = frozenset(
    "that this with from have has had were been will would they their there what when which about into "
    "said says than them then also just very more most some such only over your because being "
    "don't doesn't didn't can't won't isn't it's that's saying think know going want like make made people time "
    # words for words: 'attacked the comment' shares no subject with 'comments by Trump that …'
    "comment comments remark remarks statement statements word words".split()
)


@dataclass(frozen=True, slots=True)
class Typed:
    """A statement with what typing found, as link finding reads it."""

    quote: Quote
    type: str
    target: Target | None
    evidence: str
    apologises: bool
    frame: str  # normalised reporting clause
    confidence: float = 0.7
    headline: bool = False  # in the headline: a summary of a statement the body reports
    sentence: int = -1  # which sentence of the article the content starts in


@lru_cache(maxsize=8192)  # every statement's words are compared with every other's
def content_words(text: str) -> frozenset[str]:
    """Content words, crudely stemmed so that ``exception`` meets ``exceptions``."""
    return frozenset(_stem(w) for w in _WORD.findall(text) if w not in _STOP)


def _stem(word: str) -> str:
    for end in ("ing", "ly", "ed", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 4 and not word.endswith("ss"):
            return word[: -len(end)]
    return word


def topic_overlap(a: Typed, b: Typed) -> set[str]:
    """Content words and names the two statements share."""
    return (content_words(a.frame) | content_words(normalise(a.quote.text))) & content_words(normalise(b.quote.text))


# What a reaction calls the words it answers, and the cues that report such words: 'slammed his
# proposal' answers what he 'has continued to push for', 'rejected the claim' what someone 'claimed'.
NAMED_WORDS = tuple((re.compile(rf"\b(?:{noun})\b"), re.compile(rf"\b(?:{verb})")) for noun, verb in (
    (r"proposals?", r"propos\w*|push\w* for|call\w* for|plan\w*|pitch\w*|advocat\w*|unveil\w*"),
    (r"plans?", r"plan\w*|propos\w*|unveil\w*|announc\w*"),
    (r"claims?", r"claim\w*|assert\w*|insist\w*"),
    (r"promises?|pledges?|vows?", r"promis\w*|pledg\w*|vow\w*"),
    (r"warnings?", r"warn\w*"),
    (r"concerns?|worries|fears", r"warn\w*|worr\w*|fear\w*|concern\w*|voic\w*"),
    (r"accusations?|allegations?|charges?", r"accus\w*|alleg\w*|charg\w*"),
    (r"objections?|challenges?|complaints?", r"object\w*|challeng\w*|complain\w*|contend\w*|protest\w*"),
    (r"suggestions?", r"suggest\w*"),
    (r"calls?|demands?", r"call\w*|demand\w*|urg\w*"),
    (r"offers?", r"offer\w*"),
    (r"predictions?", r"predict\w*"),
    (r"threats?", r"threat\w*"),
    (r"tweets?", r"tweet\w*"),
))


def cue_for_named(about: Typed) -> re.Pattern[str] | None:
    """The cues that report the first kind of words ``about`` names ('his proposal': 'proposed',
    'pushed for'; of 'his offer to make an exception to his call for a ban', the offer's)."""
    text = f"{about.frame} {normalise(about.quote.text)}"
    found = [(m.start(), verb) for noun, verb in NAMED_WORDS if (m := noun.search(text))]
    return min(found, key=lambda f: f[0])[1] if found else None


def reported_as(cue: re.Pattern[str] | None, cand: Typed) -> bool:
    return cue is not None and cand.quote.cue is not None and bool(cue.search(normalise(cand.quote.cue.text)))


def pick(candidates: list[tuple[int, Typed]], me: int, about: Typed, first: bool = False) -> tuple[int, set[str]] | None:
    """The statement most likely meant: one reported as the kind of words it names ('his
    proposal'), then shared words, then a typed one, then the nearest before (``first``: the
    earliest, where a story goes back to what started it)."""
    best, best_key, best_shared = None, None, set()
    named = cue_for_named(about)
    for j, cand in candidates:
        shared = topic_overlap(about, cand)
        key = (j < me, reported_as(named, cand), len(shared) > 0, not cand.headline, RETRACTABLE.get(cand.type, 0), len(shared),
               -j if first else -abs(me - j))
        if best_key is None or key > best_key:
            best, best_key, best_shared = j, key, shared
    return (best, best_shared) if best is not None else None


def by_speaker(statements: list[Typed], name: str | None, exclude: int, answering: frozenset = NOT_ANSWERABLE) -> list[tuple[int, Typed]]:
    return [
        (j, s) for j, s in enumerate(statements)
        if j != exclude and s.type not in answering and same_party(speaker_name(s.quote), name)
    ]


def link_evidence(kind: str, s: Typed, shared: set[str], extra: str = "") -> str:
    bits = [s.evidence]
    if extra:
        bits.append(extra)
    if shared:
        bits.append("shared words: " + ", ".join(sorted(shared)[:5]))
    return f"{kind}: " + "; ".join(bits)


# What a statement is: said, written or reported as words (an act such as "began laying off" answers nothing).
_SPEECH = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|write|writes|wrote|written|writing|tweet\w*|post(?:ed|s|ing)?|"
    r"add|adds|added|adding|stat(?:e|ed|es|ing|ement)|according|claim\w*|argu\w*|insist\w*|suggest\w*|not(?:e|ed|es|ing)|"
    r"explain\w*|declar\w*|announc\w*|assert\w*|remark\w*|comment\w*|interview|warn\w*|predict\w*|conced\w*|"
    r"acknowledg\w*|admit\w*|maintain\w*|repeat\w*|reiterat\w*|call(?:s|ed|ing)?|respon\w*|repl\w*|speech|"
    r"message|letter|op-ed|column|ad|video|rally|indicat\w*|describ\w*|confirm\w*|reveal\w*|urg\w*|"
    r"demand\w*|ask\w*|invit\w*|encourag\w*|appeal\w*|testif\w*|contend\w*|shout\w*|chant\w*|"
    r"push\w* for|propos\w*|pitch\w*|advocat\w*|call\w* for|offer\w*|threat\w*|vow\w*|pledg\w*|promis\w*|report(?:s|ed|ing)?)\b|:$"
)


def is_speech(t: Typed) -> bool:
    """Whether a statement is words someone said, which another statement can answer."""
    if t.type != "claim" or t.quote.kind != "indirect":
        return True
    return bool(t.quote.cue and _SPEECH.search(normalise(t.quote.cue.text)))


def my_side(quote: Quote, me: str | None) -> bool:
    """Said by ``me``, or by someone whose role is ``me``'s (``Kane's lawyer``, ``a spokesman for Kane``)."""
    role = quote.speaker.role if quote.speaker else None
    mine = name_tokens(me)[-1:] if me else ()
    return same_party(speaker_name(quote), me) or bool(role and mine and mine[0] in re.findall(r"[a-z\-]+", role.lower()))


def answerable(statements: list[Typed], i: int, owner: str | None, me: str | None, mine_too: bool = False,
                answering: frozenset = NOT_ANSWERABLE) -> list[tuple[int, Typed]]:
    """``owner``'s statements that ``i`` can answer: said by someone other than ``i``'s speaker."""
    return [(j, c) for j, c in by_speaker(statements, owner, i, answering) if is_speech(c)
            and (mine_too or not my_side(c.quote, me))]


def make_link(statements: list[Typed], i: int, picked, base: float, why: str) -> Link | None:
    if picked is None:
        return None
    j, shared = picked
    confidence = round(min(0.95, base + 0.05 * len(shared) - (0.05 if not shared else 0.0)), 3)
    return Link("reacts_to", statements[j].quote.id, confidence, link_evidence("reacts to", statements[i], shared, why))
