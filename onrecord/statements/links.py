"""Links between the statements of one article: reacts_to, retracts, apologises_for, same_quote.

- A reaction (criticism, support, denial) aimed at someone's statement, or at a person
  who speaks in the article, ``reacts_to`` that person's statement.
- A retraction or apology ``retracts``/``apologises_for`` the speaker's own statement
  on the same subject.
- The same words attributed to the same speaker twice (trimmed, ellipsised,
  re-punctuated) are ``same_quote``, the later one pointing to the earlier.
Each link says why (cue words, shared names, similarity) and how sure it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import Link, Quote, Target
from .context import normalise
from .targets import same_party, speaker_name

SAME_QUOTE_MIN_SIMILARITY = 90.0
SAME_QUOTE_MIN_CHARS = 15
SAME_QUOTE_MIN_WORDS = 3
_REACTION_TYPES = frozenset({"criticism", "support", "denial"})
_NOT_ANSWERABLE = frozenset({"retraction", "apology", "no_comment"})
# What a retraction or apology can be about, most likely first.
_RETRACTABLE = {"support": 2, "criticism": 2, "denial": 1, "claim": 1}
_WORD = re.compile(r"[a-z][a-z'\-]{3,}")
_STOP = frozenset(
    "that this with from have has had were been will would they their there what when which about into "
    "said says than them then also just very more most some such only over your because being".split()
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


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text) if w not in _STOP}


def _topic_overlap(a: Typed, b: Typed) -> set[str]:
    """Content words and names the two statements share."""
    return (_words(a.frame) | _words(normalise(a.quote.text))) & _words(normalise(b.quote.text))


def _pick(candidates: list[tuple[int, Typed]], me: int, about: Typed) -> tuple[int, set[str]] | None:
    """The statement most likely meant: shared words first, then a typed one, then the nearest before."""
    best, best_key, best_shared = None, None, set()
    for j, cand in candidates:
        shared = _topic_overlap(about, cand)
        key = (j < me, len(shared) > 0, _RETRACTABLE.get(cand.type, 0), len(shared), -abs(me - j))
        if best_key is None or key > best_key:
            best, best_key, best_shared = j, key, shared
    return (best, best_shared) if best is not None else None


def _by(statements: list[Typed], name: str | None, exclude: int, answering: frozenset = _NOT_ANSWERABLE) -> list[tuple[int, Typed]]:
    return [
        (j, s) for j, s in enumerate(statements)
        if j != exclude and s.type not in answering and same_party(speaker_name(s.quote), name)
    ]


# "welcomed the apology", "rejected the U-turn": the reaction answers the apology or retraction itself.
_ANSWERS_UNDOING = re.compile(r"\b(?:apolog\w*|retraction|u-turn|climb-?down|withdrawal)\b")


def _evidence(kind: str, s: Typed, shared: set[str], extra: str = "") -> str:
    bits = [s.evidence]
    if extra:
        bits.append(extra)
    if shared:
        bits.append("shared words: " + ", ".join(sorted(shared)[:5]))
    return f"{kind}: " + "; ".join(bits)


def reaction_link(statements: list[Typed], i: int) -> Link | None:
    s = statements[i]
    if s.type not in _REACTION_TYPES or s.target is None or s.target.kind == "other":
        return None
    me = speaker_name(s.quote)
    owner = s.target.name
    cands, base = [], 0.8
    if s.target.kind == "statement" and _ANSWERS_UNDOING.search(f"{s.frame} {normalise(s.quote.text)}"):
        cands = [(j, c) for j, c in _by(statements, owner, i, frozenset()) if c.type in ("apology", "retraction") and j < i]
    if cands:
        pass
    elif s.target.kind == "statement":
        cands = [(j, c) for j, c in _by(statements, owner, i) if not same_party(speaker_name(c.quote), me) or same_party(owner, me)]
        base = 0.8
    else:
        # A person's words are answered after they are reported, not before.
        cands = [(j, c) for j, c in _by(statements, owner, i) if j < i and not same_party(speaker_name(c.quote), me)]
        base = 0.6
    picked = _pick(cands, i, s)
    if picked is None:
        return None
    j, shared = picked
    confidence = min(0.95, base + 0.05 * len(shared) - (0.05 if not shared else 0.0))
    ev = _evidence("reacts to", s, shared, f"target {owner}'s {'statement' if s.target.kind == 'statement' else 'words'}")
    return Link("reacts_to", statements[j].quote.id, confidence, ev)


def own_statement_links(statements: list[Typed], i: int) -> list[Link]:
    s = statements[i]
    if s.type not in ("retraction", "apology"):
        return []
    me = speaker_name(s.quote)
    cands = [(j, c) for j, c in _by(statements, me, i) if c.type in _RETRACTABLE]
    picked = _pick(cands, i, s)
    if picked is None:
        return []
    j, shared = picked
    confidence = min(0.95, 0.75 + 0.05 * len(shared))
    to = statements[j].quote.id
    links = []
    if s.type == "retraction":
        links.append(Link("retracts", to, confidence, _evidence("retracts", s, shared, "same speaker")))
    if s.type == "apology" or s.apologises:
        links.append(Link("apologises_for", to, confidence, _evidence("apologises for", s, shared, "same speaker")))
    return links


def same_quote_link(statements: list[Typed], i: int) -> Link | None:
    """The earliest earlier statement of the same speaker with (nearly) the same words."""
    s = statements[i]
    me = speaker_name(s.quote)
    mine = " ".join(re.sub(r"[^\w\s']", " ", normalise(s.quote.text)).split())
    if not me or len(mine) < SAME_QUOTE_MIN_CHARS or len(mine.split()) < SAME_QUOTE_MIN_WORDS:
        return None
    for j in range(i):
        other = statements[j]
        if not same_party(speaker_name(other.quote), me) or (other.type in ("retraction", "apology")) != (s.type in ("retraction", "apology")):
            continue
        theirs = " ".join(re.sub(r"[^\w\s']", " ", normalise(other.quote.text)).split())
        if len(theirs) < SAME_QUOTE_MIN_CHARS or len(theirs.split()) < SAME_QUOTE_MIN_WORDS:
            continue
        score = fuzz.partial_ratio(mine, theirs)
        if score >= SAME_QUOTE_MIN_SIMILARITY:
            ev = f"same quote: same speaker ({me}), similarity {score / 100:.2f}"
            return Link("same_quote", other.quote.id, round(score / 100 * 0.95, 3), ev)
    return None


def find_links(statements: list[Typed]) -> list[tuple[Link, ...]]:
    """Every statement's links, in the order given."""
    out = []
    for i in range(len(statements)):
        links: list[Link] = []
        if (link := same_quote_link(statements, i)) is not None:
            links.append(link)
        links.extend(own_statement_links(statements, i))
        if (link := reaction_link(statements, i)) is not None:
            links.append(link)
        out.append(tuple(links))
    return out

