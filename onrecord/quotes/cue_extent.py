"""How far a cue reaches: the words around the reporting verb that PolNeAR counts as cue.

The verb alone is the cue the rules and the tagger find; annotators also take in what
says how, when and where it was said when it touches the verb (``also said``, ``said
Friday``, ``said in a phone interview``, ``said:``) and the words that tie the verb to
its content (``called for``, ``accused Clinton's campaign of``). A cue never grows into
its statement's content or source.
"""
from __future__ import annotations

from .attribution import Attribution
from .tokens import Tokens

_WHEN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight then later earlier "
    "again too also recently".split()
)
_OCCASIONS = frozenset(
    "interview interviews statement statements briefing speech press conference release email e-mail letter "
    "post tweet call appearance remarks rally hearing video op-ed memo".split()
)
_OCCASION_PREPS = frozenset("in at during on".split())
_NAME_TAGS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
_BEFORE_ADVERBS_NOT = frozenset("not never n't so just only when how why where".split())


def conventional_cue(toks: Tokens, a: Attribution) -> None:
    """Widen ``a.cue`` in place to PolNeAR's extent (see the module docstring)."""
    if a.cue is None:
        return
    cf, cl = toks.span_tokens(*a.cue)
    blocked = {k for span in [*a.content, *([a.source] if a.source else [])] for k in range(*_tokens(toks, span))}
    h = toks.span_head(cf, cl)
    cf, g = _completed_verb(toks, cf, h, blocked)
    while cf > 0 and _before(toks, cf - 1, g, blocked):
        cf -= 1
    for _ in range(4):
        nxt = _next_word(toks, cl)
        if nxt is None or nxt in blocked:
            break
        grown = _after(toks, nxt, h, blocked)
        if grown is None:
            break
        cl = grown
    a.cue = toks.chars(cf, cl)


def _tokens(toks: Tokens, span: tuple[int, int]) -> tuple[int, int]:
    first, last = toks.span_tokens(*span)
    return first, last + 1


def _next_word(toks: Tokens, k: int) -> int | None:
    k += 1
    while k < len(toks) and toks.space[k] and not toks.newline[k]:
        k += 1
    return k if k < len(toks) and not toks.newline[k] else None


_BETWEEN_DEPS = frozenset({"advmod", "prt", "neg"})
COPULAS = frozenset("be is 's are 're was were been being".split())


def _completed_verb(toks: Tokens, cf: int, h: int, blocked: set[int]) -> tuple[int, int]:
    """'declined to comment', 'went on to say', 'seemed to think': the verb whose infinitive the cue is
    starts the cue (PolNeAR train: 'declined' 19 of 19, 'trying' 18 of 18, 'continued' 17 of 17), unless
    someone stands between as its object ('prompted Clinton to say'). Returns the cue's first token and
    the verb an adverb before it would modify."""
    start = cf - 1 if cf > 0 and toks.lower[cf - 1] == "to" and toks.head[cf - 1] == h else cf
    g = toks.head[h]
    if not (toks.lower[start] == "to" and toks.pos[start] == "PART" and toks.dep[h] in ("xcomp", "advcl") and g < start):
        return cf, h
    between = range(g + 1, start)
    if toks.lower[g] in COPULAS or g in blocked or any(
            k in blocked or not (toks.space[k] or toks.dep[k] in _BETWEEN_DEPS) for k in between):
        return cf, h
    return g, g


def _before(toks: Tokens, k: int, h: int, blocked: set[int]) -> bool:
    """'also said', 'then pointed out', 'cynically dismissed': an adverb of the verb touching it."""
    return (k not in blocked and not toks.space[k] and toks.dep[k] == "advmod" and toks.head[k] == h
            and toks.lower[k] not in _BEFORE_ADVERBS_NOT and toks.quote[k] == -1
            and toks.ent[k] not in _NAME_TAGS)  # ('Clean Rivers Now said': the last word of a name)


def _after(toks: Tokens, k: int, h: int, blocked: set[int]) -> int | None:
    """The last token of what follows the cue and belongs to it, or None."""
    word, dep = toks.lower[k], toks.dep[k]
    if toks.head[k] != h and word != ":":
        return None
    if dep in ("npadvmod", "advmod") and word in _WHEN:
        return k
    if dep == "prep" and word in _OCCASION_PREPS:
        sub = sorted(toks.subtree(k))
        if any(toks.lower[i] in _OCCASIONS for i in sub) and not blocked & set(sub) and sub == list(range(sub[0], sub[-1] + 1)):
            return sub[-1]
    if word == ":":
        return k
    if dep in ("prep", "prt", "dobj", "dative") and toks.quote[k] == -1:
        sub = sorted(toks.subtree(k))
        if dep in ("prep", "prt") and set(sub[1:]) <= blocked and _next_word(toks, k) in blocked:
            return k  # 'called for' + 'a ban', 'bristled at' + 'the continued questions'
        if dep in ("dobj", "dative") and len(sub) <= 3 and not blocked & set(sub):
            after = _next_word(toks, sub[-1])
            if after is not None and toks.dep[after] == "prep" and toks.head[after] == h and _next_word(toks, after) in blocked:
                return after  # 'accused Clinton's campaign of', 'likened the rules to'
    return None

