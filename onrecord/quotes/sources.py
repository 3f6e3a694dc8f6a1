"""Who a statement's source is: the trims and replacements every statement's source goes
through once all statements of a document are found (``learned/pipeline.py``), each counted
on PolNeAR train before it was kept (docs/extraction.md, "Who the source is")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cue_extent import COPULAS
from .frames import DASHES, NOMINAL, SOURCE_POS, _mention, dateline, is_relative, stamped
from .tokens import Tokens

if TYPE_CHECKING:  # attribution.py imports this package's modules
    from .attribution import Attribution


def without_doing_aside(toks: Tokens, source: tuple[int, int]) -> tuple[int, int]:
    """'Trump, speaking to a veterans group in Virginia, said …': what the speaker was doing
    meanwhile is no part of the source, as PolNeAR marks it (train: cutting such an aside made
    20 sources exact and lost 1; a past participle's aside, 'The poll, conducted by …', is kept
    as often as not, so it stays)."""
    first, last = toks.span_tokens(*source)
    for k in range(first + 1, last):
        if toks.lower[k] == "," and toks.tag[k + 1] == "VBG" and toks.dep[k + 1] in ("acl", "advcl", "relcl"):
            return toks.chars(first, k - 1)
    return source


# Verbs whose object is brought to say what the infinitive after it says.
_CAUSING = frozenset(
    "lead leads led leading leave leaves left leaving force forces forced forcing prompt prompts prompted "
    "prompting drive drives drove driven driving spur spurs spurred spurring cause causes caused causing "
    "compel compels compelled compelling".split())


def caused_speaker(toks: Tokens, cue: tuple[int, int]) -> tuple[tuple[int, int], int] | None:
    """'The release of the emails led DNC chairwoman Debbie Wasserman Schultz to announce …': the
    one led to speak, the causing verb's object, is the source (train: 12 sources made exact, none
    lost). Not 'pushes Dems to reject' or 'encouraging his supporters to ask': an urging is the
    urger's statement. Its mention (characters) and head token, or None."""
    first, last = toks.span_tokens(*cue)
    for v in range(first, last + 1):
        if toks.tag[v] != "VB" or toks.dep[v] not in ("xcomp", "ccomp", "advcl", "oprd"):
            continue
        to = next((c for c in toks.children[v] if toks.lower[c] == "to" and toks.dep[c] == "aux"), None)
        if to is None or toks.lower[toks.head[v]] not in _CAUSING:
            return None
        obj = next((c for c in toks.children[toks.head[v]] if toks.dep[c] == "dobj" and c < v), None)
        if obj is None or toks.pos[obj] not in SOURCE_POS or toks.subtree(obj)[-1] != to - 1:
            return None
        return toks.chars(*_mention(toks, obj, None)), obj
    return None


def critics_from(toks: Tokens, cue: tuple[int, int]) -> tuple[tuple[int, int], int, tuple[int, int]] | None:
    """'Kelly came under fire from Trump over …', 'The plans have drawn criticism from Berlin, Paris and
    other European capitals': the critics after 'from' are the source and the one criticised, the
    verb's subject, is the content (as PolNeAR marks them). Source mention, its head and the content
    (characters), or None. Not 'from some who saw …': a pronoun's relative clause is no one's name."""
    first, last = toks.span_tokens(*cue)
    at = last if toks.lower[last] == "from" else last + 1
    if at >= len(toks) or toks.lower[at] != "from":
        return None
    obj = next((c for c in toks.children[at] if toks.dep[c] == "pobj"), None)
    verb = next((k for k in range(first, last + 1) if toks.pos[k] in ("VERB", "AUX") and toks.dep[k] != "aux"), None)
    subj = None if verb is None else next((c for c in toks.children[verb] if toks.dep[c] in ("nsubj", "nsubjpass")
                                           and c < first), None)
    if obj is None or subj is None or toks.pos[obj] not in ("NOUN", "PROPN") or toks.pos[subj] == "PRON":
        return None
    subject = toks.subtree(subj)
    return toks.chars(*_mention(toks, obj, None)), obj, toks.chars(subject[0], subject[-1])


_AGENCIES = frozenset({"ap", "reuters", "afp", "upi"})


def without_lead_in(toks: Tokens, source: tuple[int, int]) -> tuple[int, int] | None:
    """A source less a wire story's dateline (`WASHINGTON — Sen. Bernie Sanders`, `RENO, Nev. (AP) —
    …`) and a leading 'even' (`even some allies`), which PolNeAR leaves out (train: 8 and 13
    sources made exact, none lost); None where the source is a dateline alone (`MYRTLE BEACH, S.C.`
    for `Sen. Ted Cruz … questioning`: 8 in train, none right)."""
    first, last = toks.span_tokens(*source)
    head = first == 0 or toks.newline[first - 1]
    wire = dateline(toks, first) and len(toks.lower[first]) > 1 or head and any(
        toks.lower[k] in _AGENCIES and toks.lower[k - 1] == "(" for k in range(first + 1, min(last + 1, first + 8)))
    if wire:
        after = next((k for k in range(last + 1, len(toks)) if not toks.space[k]), None)
        if after is not None and toks.lower[after] in DASHES:
            return None
        dash = next((k for k in range(first + 1, min(last, first + 10))
                     if toks.lower[k] in DASHES and toks.text[toks.starts[k] - 1].isspace()), None)
        if dash is not None:
            first = next(k for k in range(dash + 1, last + 1) if not toks.space[k])
    while first < last and (toks.lower[first] == "even" or stamped(toks, first) or toks.pos[first] == "PUNCT" and first > 0
                            and stamped(toks, first - 1)):  # '10:05 Liberal Democrat campaigners', '2.15pm: Mr Cope'
        first += 1
    first = _past_fronted_phrase(toks, first, last)
    return (toks.starts[first], source[1]) if toks.starts[first] != source[0] else source


def _past_fronted_phrase(toks: Tokens, first: int, last: int) -> int:
    """Where a source starts past the end of a phrase fronted before it, that the parse ran into the
    speaker's name ('With 50 days until the election, Minyon Moore, a senior adviser …'; 'To
    understand the real Dred Scott, Chief Justice Roberts said'): the source opens its sentence's
    first comma-free stretch after a preposition or verb, and a person's name follows its comma."""
    begin = toks.sentence_start(first)
    if first <= begin or toks.pos[first - 1] not in ("ADP", "VERB") or any(toks.lower[k] == "," for k in range(begin, first)):
        return first
    if toks.lower[first - 1] == "by":  # 'pressed by ABC's host, George Stephanopoulos': a title set beside the name
        return first
    comma = next((k for k in range(first + 1, last) if toks.lower[k] == ","), None)
    after = next((k for k in range(comma + 1, last + 1) if not toks.space[k]), None) if comma is not None else None
    if after is None or toks.ent[after] != "PERSON" or toks.quote[comma] != -1:
        return first  # (not a list: 'polls by Time, Slate and Drudge Report', 'Madison, Alabama')
    return after


def after_dateline(toks: Tokens, dateline_span: tuple[int, int],
                   taken: list[tuple[int, int]]) -> tuple[tuple[int, int] | None, int | None]:
    """Who a story names right after its dateline (`MYRTLE BEACH, S.C. - Sen. Ted Cruz …`): the
    mention there and its head token, or (None, None) where no noun phrase follows the dash or
    the phrase runs into ``taken`` (the statement's cue and content)."""
    k = next((k for k in range(toks.span_tokens(*dateline_span)[1] + 1, len(toks)) if toks.lower[k] in DASHES), None)
    k = next((j for j in range(k + 1, len(toks)) if not toks.space[j]), None) if k is not None else None
    if k is None or toks.pos[k] not in NOMINAL | {"DET", "ADJ"}:
        return None, None
    begin = toks.starts[k]
    while toks.head[k] > k and toks.pos[toks.head[k]] in NOMINAL:
        k = toks.head[k]
    start, end = toks.chars(*_mention(toks, k, None))
    start = max(start, begin)  # the parse may hang the place on the name
    if toks.pos[k] not in NOMINAL or any(s < end and start < e for s, e in taken):
        return None, None
    return (start, end), k


def hosted_sources(toks: Tokens, found: list[Attribution]) -> None:
    """A source found inside another statement's content gives way to that statement's source:
    'Carson said he saw no need to change anything, telling Stephanopoulos …' is Carson's telling,
    not the reported 'he' (PolNeAR train: 81 sources made exact, 3 lost). Not a named subject of
    its own cue ('… , social scientists say'), who speaks for themselves. In place."""
    hosts = [a for a in found if a.source]
    moved = []
    for a in found:
        if not a.source or not a.cue or _names_itself(toks, a):
            continue
        host = next((b for b in hosts if b is not a and any(s <= a.source[0] and a.source[1] <= e for s, e in b.content)), None)
        if host is not None:
            moved.append((a, host.source, host.source_head))
    for a, source, head in moved:
        a.source, a.source_head = source, head


def _names_itself(toks: Tokens, a: Attribution) -> bool:
    """The source is its cue verb's subject and no pronoun: 'social scientists say'."""
    first, last = toks.span_tokens(*a.source)
    head = toks.span_head(first, last)
    cue_first, cue_last = toks.span_tokens(*a.cue)
    return toks.dep[head] in ("nsubj", "nsubjpass") and cue_first <= toks.head[head] <= cue_last and toks.pos[head] != "PRON"


def relative_source(toks: Tokens, source: tuple[int, int]) -> tuple[int, int]:
    """'Mr. Obama, who said …': the source mention is the relative pronoun, as PolNeAR
    annotates it (568 of 573 in train); the speaker is still resolved through it."""
    first, last = toks.span_tokens(*source)
    while last > first and toks.pos[last] == "PUNCT":
        last -= 1
    return toks.chars(last, last) if last > first and is_relative(toks, last) else source


# An aside set off inside a source, and the mark that closes it right after the source.
_ASIDE = re.compile(r",|\s(?:--|—|–)\s|(?:—|–)")
_CLOSING = re.compile(r",|\s*(?:--|—|–)")


def closed_aside(text: str, source: tuple[int, int]) -> tuple[int, int]:
    """'Rep. Elijah Cummings, the top Democrat on the panel, said …': a source holding an aside
    keeps the comma or dash that closes it, as PolNeAR marks it (train: 922 of 1,030 such
    sources with a comma after them, 31 of 32 with a dash)."""
    start, end = source
    if text[end - 1 : end] in (",", "-", "—", "–") or not _ASIDE.search(text, start, end):
        return source
    close = _CLOSING.match(text, end)
    return (start, close.end()) if close else source



def who_it_is(toks: Tokens, noun: int) -> int:
    """'Donald Trump is a serial liar … and birther who has pledged …': the one the noun says someone
    is, named as the copula's subject; else the noun."""
    k = noun
    while toks.dep[k] == "conj" and toks.head[k] < k:
        k = toks.head[k]
    if toks.dep[k] != "attr" or toks.pos[k] != "NOUN" or toks.lower[toks.head[k]] not in COPULAS:
        return noun
    verb = toks.head[k]  # ('… regularly incites violence and is a serial liar': the subject of the first verb)
    verb = toks.head[verb] if toks.dep[verb] == "conj" and not any(toks.dep[c] == "nsubj" for c in toks.children[verb]) else verb
    return next((c for c in toks.children[verb] if toks.dep[c] == "nsubj"
                 and (toks.pos[c] == "PROPN" or toks.lower[c] in ("he", "she"))), noun)  # (not 'It is Manafort who')
