"""Indirect speech from the parse: 'X said (that) …', 'X denied …', 'according to X, …'."""
from __future__ import annotations

from .attribution import Attribution
from .clauses import around_aside, aside_head, before_participle, without_appositive
from .cues import HEARINGS, INDIRECT_FORMS, OBJECT_CONTENT_FORMS, SPEECH_FORMS
from .frames import VERBAL, _cue_span, _mention, _subject, agent_of, asked_of
from .tokens import Tokens


def find_indirect(toks: Tokens, taken: list[tuple[int, int]]) -> list[Attribution]:
    """Reported speech outside quote marks; skips content already covered by a quote."""
    return _untaken(toks, taken, _reported_at)


def _untaken(toks: Tokens, taken: list[tuple[int, int]], at) -> list[Attribution]:
    """What ``at`` finds at each word outside quote marks whose content nothing in ``taken`` covers;
    appends each one's content to ``taken``."""
    found: list[Attribution] = []
    for v in range(len(toks)):
        if toks.quote[v] != -1:
            continue
        a = at(toks, v)
        if a is not None and not any(overlaps(c, taken) for c in a.content):
            found.append(a)
            taken.extend(a.content)
    return found


def _reported_at(toks: Tokens, v: int) -> Attribution | None:
    """The statement that word ``v`` reports, if it is a cue: 'according to', 'heard', a verb of speech."""
    word = toks.lower[v]
    if word == "according":
        return _according(toks, v)
    if word == "in" and toks.pos[v] == "ADP":
        return _in_poll(toks, v)
    if toks.pos[v] not in VERBAL:
        return None
    if word == "heard":
        return _heard(toks, v)
    if word in _UNANSWERED_VERBS and (a := _unanswered(toks, v)) is not None:
        return a  # no comment: 'did not respond to a request for comment'
    if word in _DECLINING and (a := _declined(toks, v)) is not None:
        return a
    if word in INDIRECT_FORMS:
        return _parenthetical(toks, v) if toks.dep[v] == "parataxis" else _reported(toks, v)
    return None


_UNANSWERED_VERBS = frozenset("respond responded reply replied return returned answer answered".split())
_ASKING = frozenset("request requests message messages question questions call calls email emails inquiry inquiries "
                    "enquiry enquiries comment comments remarks criticism allegations accusations claims".split())


def _unanswered(toks: Tokens, v: int) -> Attribution | None:
    """'The Cruz campaign did not immediately respond to a request for comment': no comment,
    told as what was not answered (PolNeAR: cue 'did not immediately respond to', content 'a
    request for comment'). Only for a request, message or question that asked someone to speak."""
    negs = [c for c in toks.children[v] if toks.dep[c] == "neg" and c < v]
    auxes = [c for c in toks.children[v] if toks.dep[c] == "aux" and c < v]
    subj = _subject(toks, v, None)
    if not negs or subj is None or toks.quote[v] != -1:
        return None
    to = next((c for c in toks.children[v] if toks.dep[c] == "prep" and toks.lower[c] == "to" and c == v + 1), None)
    objs = [c for c in toks.children[to if to is not None else v] if toks.dep[c] in ("pobj", "dobj")]
    if not objs:
        return None
    content = toks.subtree(objs[0], frozenset({"punct"}))
    if not {toks.lower[k] for k in content} & _ASKING or any(toks.quote[k] != -1 for k in content):
        return None
    cue_first = min([*negs, *auxes, v])
    return Attribution(
        [toks.chars(min(content), max(content))],
        "indirect",
        cue=toks.chars(cue_first, to if to is not None else v),
        source=toks.chars(*_mention(toks, subj, None)),
        source_head=subj,
        confidence=0.8,
    )


_DECLINING = frozenset("declined declines decline declining refused refuses refuse refusing".split())
_TO_SPEAK = frozenset("comment say discuss respond answer elaborate speculate confirm specify reveal".split())


def _declined(toks: Tokens, v: int) -> Attribution | None:
    """'A spokeswoman, Lorna Fitch, declined to comment on whether …': no comment, told as what was
    not said (PolNeAR: cue 'declined', content 'to comment', 'to say whether …')."""
    subj = _subject(toks, v, None)
    xcomp = next((c for c in toks.children[v] if toks.dep[c] == "xcomp" and toks.lower[c] in _TO_SPEAK and c > v), None)
    if subj is None or xcomp is None or toks.quote[v] != -1:
        return None
    subtree = toks.subtree(xcomp)
    # (an aside after a comma is the writer's: '…, aside from saying he wants …' is a statement of its own)
    content = [k for k in subtree if toks.pos[k] != "PUNCT" and not toks.space[k]
               and not any(toks.lower[j] == "," for j in range(subtree[0], k))]
    if min(content) != v + 1 or any(toks.quote[k] != -1 or toks.para[k] != toks.para[v] for k in content):
        return None
    return Attribution([toks.chars(min(content), max(content))], "indirect", cue=toks.chars(v, v), source=toks.chars(*_mention(toks, subj, None)),
                       source_head=subj, confidence=0.8)


def _parenthetical(toks: Tokens, v: int) -> Attribution | None:
    """'The plan, she said, would cost more than …': a reporting clause set inside (or after) the
    sentence it reports; the content is the sentence around it, in one or two pieces."""
    subj = _subject(toks, v, None)
    m = aside_head(toks, v)
    if subj is None or m is None or toks.quote[subj] != -1:
        return None
    if any(toks.quote[k] != -1 for k in toks.subtree(v)):
        return None  # '"…," Obama said, not even needing to …': the cue reports its quote, not the sentence
    spans = around_aside(toks, v, m)
    if any(toks.quote[k] != -1 for lo, hi in spans for k in range(lo, hi + 1)):
        return None  # quoted words around a cue are the quote rules' statement
    pieces = [toks.chars(lo, hi) for lo, hi in spans]
    if not pieces or sum(len(toks.text[s:e].split()) for s, e in pieces) < 4:
        return None
    return Attribution(
        pieces,
        "indirect",
        cue=toks.chars(*_cue_span(toks, v)),
        source=toks.chars(*_mention(toks, subj, None)),
        source_head=subj,
        confidence=0.7,
    )


def _reported(toks: Tokens, v: int) -> Attribution | None:
    comps = _complements(toks, v) or _apologised_for(toks, v)
    if not comps:
        return None
    asked = asked_of(toks, v)
    subj = agent_of(toks, v) if asked else _subject(toks, _speaking(toks, v), None)  # 'asked by Maher whether …'
    if not asked and (subj is None or toks.quote[subj] != -1):
        return None
    end = _next_statement(toks, comps[0])
    tokens = [k for k in toks.subtree(comps[0]) if k < end]
    if tokens[0] < v < tokens[-1]:
        tokens = [k for k in tokens if k > v]  # 'which officials said will go …': the 'which' is a piece of its own
    content = _clause(toks, tokens, toks.para[v])
    if content is None:
        return None
    confidence = 0.75 if toks.lower[v] in SPEECH_FORMS else 0.6
    return Attribution(
        [content],
        "indirect",
        cue=toks.chars(*_cue_span(toks, v)),
        source=toks.chars(*_mention(toks, subj, None)) if subj is not None else None,
        source_head=subj,
        confidence=confidence,
    )


# What starts a statement of its own inside a reported clause: 'said the bridge was unsafe, while her
# deputy said it was fine'.
_CONTRASTING = frozenset({"while", "whereas"})


def _next_statement(toks: Tokens, head: int) -> int:
    """Where a reported clause headed by ``head`` ends: before a verb of speech the parse joined to it
    ('said the bridge was unsafe and noted that …': the speaker noted, the bridge did not), or
    before a contrasting clause ('…, while her deputy said it was fine'); else after its last token."""
    for c in toks.children[head]:
        if c > head and toks.dep[c] in ("conj", "advcl") and toks.pos[c] in VERBAL and (
                toks.lower[c] in INDIRECT_FORMS or toks.lower[toks.subtree(c)[0]] in _CONTRASTING):
            k = toks.subtree(c)[0]
            while k > head + 1 and (toks.dep[k - 1] == "cc" or toks.pos[k - 1] == "PUNCT"):
                k -= 1
            return k
    return len(toks)


def _speaking(toks: Tokens, v: int) -> int:
    """The verb whose subject speaks ``v``'s words: a verb of speech the parse joined to the clause
    another reports ('Lee said the bridge was unsafe and noted …') is the reporting verb's."""
    h = toks.head[v]
    if toks.dep[v] == "conj" and toks.dep[h] == "ccomp" and toks.lower[toks.head[h]] in INDIRECT_FORMS:
        return toks.head[h]
    return v


def _complements(toks: Tokens, v: int) -> list[int]:
    takes_object = toks.lower[v] in OBJECT_CONTENT_FORMS
    deps = ("ccomp", "dobj", "xcomp") if takes_object else ("ccomp",)
    # A complement clause has a verb; an object ('deny the report') or a gerund ('denies
    # attacking the jury') only counts for the cues that take one.
    return [
        c for c in toks.children[v]
        if toks.dep[c] in deps and toks.pos[c] not in ("PRON", "PUNCT")
        and (toks.dep[c] == "dobj" or toks.pos[c] in VERBAL)
        and (toks.dep[c] != "xcomp" or toks.tag[c] == "VBG")
        and toks.para[c] == toks.para[v]  # a headline's verb does not govern the lede
        and not _paired_cue(toks, c, v)
    ]


def _paired_cue(toks: Tokens, c: int, v: int) -> bool:
    """'Ken Starr praises, laments Bill Clinton's legacy': a verb of speech before the cue with
    nothing said of its own is the cue's pair, not the words it reports."""
    own = ("nsubj", "punct", "aux", "neg", "advmod")
    return c < v and toks.lower[c] in INDIRECT_FORMS | OBJECT_CONTENT_FORMS and all(
        toks.dep[k] in own for k in toks.children[c])


def _apologised_for(toks: Tokens, v: int) -> list[int]:
    """'turned to Twitter to apologise for his statement': what the apology is for is its content."""
    if not toks.lower[v].startswith("apolog"):
        return []
    return [g for c in toks.children[v] if toks.lower[c] == "for" and toks.dep[c] == "prep"
            for g in toks.children[c] if toks.dep[g] in ("pobj", "pcomp") and toks.pos[g] not in ("PRON", "PUNCT")]


def _heard(toks: Tokens, v: int) -> Attribution | None:
    """'Southwark Crown Court heard (that) Khan forced …': evidence put to a court, whose speaker
    the sentence does not name (the court is the listener, not the source)."""
    subj = _subject(toks, v, None)
    comps = [c for c in toks.children[v] if toks.dep[c] == "ccomp" and toks.pos[c] in VERBAL]
    if subj is None or not comps or toks.lower[subj] not in HEARINGS:
        return None
    content = _clause(toks, toks.subtree(comps[0]), toks.para[v])
    if content is None:
        return None
    return Attribution([content], "indirect", cue=toks.chars(v, v), confidence=0.6)


def _according(toks: Tokens, i: int) -> Attribution | None:
    if i + 1 >= len(toks) or toks.lower[i + 1] != "to":
        return None
    objs = [c for c in toks.children[i + 1] if toks.dep[c] == "pobj"]
    head = toks.head[i]
    if not objs or head == i:
        return None
    phrase = set(toks.subtree(i))
    rest = [k for k in toks.subtree(head) if k not in phrase]
    # Keep the side of the clause that does not hold the 'according to' phrase's commas.
    before = [k for k in rest if k < i]
    after = [k for k in rest if k > max(phrase)]
    content = _clause(toks, after if len(after) >= len(before) else before, toks.para[i])
    if content is None:
        return None
    return Attribution(
        [content],
        "indirect",
        cue=toks.chars(i, i + 1),
        source=toks.chars(*_mention(toks, objs[0], None)),
        source_head=objs[0],
        confidence=0.75,
    )


# 'Asked about the toll, Lee said …', 'Asked by reporters whether …': the question put to the one who
# answers next (PolNeAR: cue 'Asked', content what was asked, source whoever asked it, where named).
_QUESTION_WORDS = frozenset("whether if what why how who when where which to".split())


def find_asked(toks: Tokens, taken: list[tuple[int, int]]) -> list[Attribution]:
    """What a participle 'asked' opening a clause says was asked ('Asked Tuesday about Sullivan,
    Feinstein said …'), where nothing found already covers it; appends to ``taken``."""
    return _untaken(toks, taken, _asked)


def _asked(toks: Tokens, v: int) -> Attribution | None:
    if toks.lower[v] != "asked" or toks.pos[v] != "VERB" or toks.dep[v] != "advcl":
        return None
    if any(toks.dep[c] in ("nsubj", "nsubjpass", "aux", "auxpass") for c in toks.children[v]):
        return None  # 'after he was asked …' is a clause of its own
    words = None
    for c in (c for c in toks.subtree(v) if c > v):  # ('asked at the conference about the merger': 'about' hangs lower)
        if toks.dep[c] == "prep" and toks.lower[c] == "about" or toks.head[c] == v and toks.dep[c] in (
                "ccomp", "advcl", "xcomp") and toks.lower[min(toks.subtree(c))] in _QUESTION_WORDS:
            words = toks.subtree(c)
            break
    if not words or words[-1] - words[0] + 1 != len(words) or any(toks.para[k] != toks.para[v] for k in words):
        return None
    lo, hi = words[0], words[-1]
    while hi > lo and toks.pos[hi] == "PUNCT":
        hi -= 1
    content = toks.chars(lo, hi)
    agent = next((c for c in toks.children[v] if toks.dep[c] == "agent" and c < words[0]), None)
    asker = next((c for c in toks.children[agent] if toks.dep[c] == "pobj"), None) if agent is not None else None
    return Attribution([content], "indirect", cue=toks.chars(v, v), confidence=0.6,
                       source=toks.chars(*_mention(toks, asker, None)) if asker is not None else None,
                       source_head=asker)


# What a poll finds, told as where it was found: 'In a CBS News poll, she led Mr. Sanders 56 percent to
# 32 percent', 'Trump has a decisive lead in the polls' (PolNeAR: cue 'in', source the poll).
_POLLS = frozenset("poll polls survey surveys".split())


def _in_poll(toks: Tokens, i: int) -> Attribution | None:
    """What a poll found, where a clause says it happened 'in' the poll: the clause after the fronted
    phrase, or the subject and verb before a trailing one (not what a verb of speech reports: 'said
    in a poll that …' is that verb's)."""
    polls = [c for c in toks.children[i] if toks.dep[c] == "pobj" and toks.lower[c] in _POLLS]
    v = toks.head[i]
    if toks.dep[v] in ("dobj", "attr") and v < i:  # 'has a decisive lead in the polls': the verb's clause
        v = toks.head[v]
    if not polls or v == i or toks.pos[v] not in VERBAL or toks.lower[v] in SPEECH_FORMS or toks.dep[i] != "prep":
        return None
    phrase = set(toks.subtree(i))
    if i < v:  # fronted: 'In a CBS News poll last month, she led …'
        if i != min(toks.subtree(v)):
            return None
        content = _clause(toks, [k for k in toks.subtree(v) if k > max(phrase)], toks.para[i])
    else:  # trailing: 'Trump has a decisive lead in the polls', from the subject on
        subj = next((c for c in toks.children[v] if toks.dep[c] in ("nsubj", "nsubjpass") and c < v), None)
        if subj is None or toks.lower[subj] in ("who", "which", "that"):
            return None
        start = min(toks.subtree(subj))
        content = _clause(toks, list(range(start, i)), toks.para[i]) if start < i else None
    if content is None:
        return None
    poll = [k for k in toks.subtree(polls[0], frozenset({"appos", "relcl"})) if toks.para[k] == toks.para[i]]
    lo, hi = min(poll), max(poll)
    while hi > lo and toks.pos[hi] == "PUNCT":
        hi -= 1  # (', a collapse driven by …' is the writer's, and the comma before it)
    return Attribution([content], "indirect", cue=toks.chars(i, i), source=toks.chars(lo, hi), source_head=polls[0],
                       confidence=0.7)


def _clause(toks: Tokens, tokens: list[int], para: int) -> tuple[int, int] | None:
    """Character span of a contiguous clause, trimmed of punctuation; None when too short."""
    # A headline without a full stop runs into the lede in the parse: content stays in the cue's paragraph.
    # (a run of spaces is a token of its own: no span may begin or end with one)
    tokens = [k for k in tokens if not toks.newline[k] and not toks.space[k] and toks.para[k] == para]
    if len(tokens) < 3:
        return None
    lo, hi = tokens[0], tokens[-1]
    while hi > lo and toks.pos[hi] == "PUNCT":
        hi -= 1
    while lo < hi and toks.pos[lo] == "PUNCT":
        lo += 1
    lo, hi = toks.opening_mark(lo, hi), toks.closing_mark(lo, hi)
    hi = without_appositive(toks, lo, before_participle(toks, lo, hi))
    if any(toks.quote[k] != -1 for k in (lo, hi)):
        return None
    return toks.chars(lo, hi)


def overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether character span ``span`` shares a character with any span in ``taken``."""
    s, e = span
    return any(s < te and ts < e for ts, te in taken)
