"""A speaker's second act in the same clause: 'China said it was "resolutely opposed" to the test and
warned North Korea to refrain …' is two statements, as PolNeAR annotates it, not one content
running over the second verb."""
from __future__ import annotations

from .attribution import Attribution
from .clauses import trimmed
from .cues import SPEECH_FORMS, _forms
from .indirect import overlaps
from .tokens import Tokens

# Verbs that report words besides the verbs of speech: 'and called it a common ailment'.
_ACTS = SPEECH_FORMS | _forms("call accuse blame urge decline refuse encourage downplay promote embrace".split())
# Words that belong to the cue: 'called on people to protest', 'called for steep new tariffs'.
_PARTICLES = frozenset({"on", "for"})


def second_acts(toks: Tokens, found: list[Attribution]) -> list[Attribution]:
    """The statements a verb of speech coordinated with a cue makes ('… and warned North Korea to …'),
    each cut from the content it ran into (in place); those statements returned."""
    cues = [a.cue for a in found if a.cue]
    out = []
    for a in found:
        if a.cue is None or not a.content or a.kind == "direct":
            continue
        second = _coordinated(toks, a, cues)
        if second is None:
            continue
        join, verb, cue_last = second
        start, end = a.content[-1]
        first = toks.span_tokens(start, end)[0]
        a.content[-1] = (start, toks.ends[trimmed(toks, first, join - 1)[1]])
        if overlaps((toks.starts[verb], toks.ends[verb]), cues):
            continue  # the second act is a statement already ('… and called its director "asleep at the wheel."')
        said = (toks.starts[cue_last + 1], end)
        cue = (toks.starts[verb], toks.ends[cue_last])
        out.append(Attribution([said], "mixed" if _quoted(toks, said) else "indirect", cue, a.source,
                               a.source_head, a.confidence, learned=a.learned))
        cues.append(cue)
    return out


def _coordinated(toks: Tokens, a: Attribution, cues: list[tuple[int, int]]) -> tuple[int, int, int] | None:
    """The conjunction, verb and last cue token of a verb of speech that shares the cue verb's subject
    and stands inside the content after a conjunction of the cue verb's."""
    v = toks.span_head(*toks.span_tokens(*a.cue))
    start, end = a.content[-1]
    # (the parse often joins the second verb to the reported clause's: 'said he'd battled … and called it …')
    # (not where that verb has an auxiliary of its own: 'said the council had misled residents and blamed …')
    heads = [v] + [k for k in toks.children[v] if toks.dep[k] == "ccomp" and start <= toks.starts[k] < end
                   and not any(toks.dep[a] == "aux" for a in toks.children[k])]
    for v, c in ((h, c) for h in heads for c in toks.children[h]):
        if toks.dep[c] != "conj" or toks.lower[c] not in _ACTS or not _in_step(toks, heads[0], c) or not start < toks.starts[c] < end:
            continue
        if any(toks.dep[k] in ("nsubj", "nsubjpass") for k in toks.children[c]):
            continue
        joins = [k for k in toks.children[v] if toks.dep[k] == "cc" and start < toks.starts[k] < toks.starts[c]]
        last = c + 1 if c + 1 < len(toks) and toks.head[c + 1] == c and toks.lower[c + 1] in _PARTICLES else c
        if joins and last + 1 < len(toks) and toks.starts[last + 1] < end and toks.starts[joins[-1]] > start:
            return joins[-1], c, last
    return None


def _in_step(toks: Tokens, cue: int, verb: int) -> bool:
    """Whether ``verb`` has the cue verb's tense ('said … and warned', 'has called on … and called on'),
    as the speaker's own second act does and a past perfect in what is reported does not."""
    perfect = any(toks.dep[k] == "aux" for k in toks.children[cue])
    return toks.tag[verb] == toks.tag[cue] or perfect and toks.tag[verb] in ("VBD", "VBN")


def _quoted(toks: Tokens, span: tuple[int, int]) -> bool:
    first, last = toks.span_tokens(*span)
    return any(toks.quote[k] != -1 for k in range(first, last + 1))
