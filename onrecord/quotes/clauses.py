"""What a statement's content covers beyond its quote marks, as PolNeAR annotates it.

- Quoted words inside a reported clause: the clause (``says voter fraud "would be one hell
  of a way to lose"``, ``called the verdict a "dreadful miscarriage of justice"``).
- A reporting clause set aside in the sentence it reports (``The plan, she said, would
  cost …``): the sentence around it, in one or two pieces.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import REGARDING_FORMS, SPEECH_FORMS
from .frames import SAID_OF, VERBAL, Cue, fronted_clause
from .tokens import Tokens, runs

if TYPE_CHECKING:  # attribution.py imports this module
    from .attribution import Attribution

# What a reporting verb says, as opposed to when, where or to whom it was said.
_CLAUSE_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp"})
_NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
_CLAUSE_PREPS = frozenset({"as", "for"})  # 'dismissed X as "…"', 'blasted X for being "…"'
# Verbs whose object is the one told: 'told reporters she had "great respect"' reports from 'she'.
_TELLING = frozenset("tell tells told telling inform informs informed assure assures assured remind reminds reminded".split())


def clause_span(toks: Tokens, cue: Cue, first: int, last: int, reach: int = 25) -> tuple[int, int] | None:
    """The reported clause a mixed quote's words are part of, as PolNeAR annotates the content:
    'says voter fraud "would be one hell of a way to lose"', 'called the verdict a "dreadful
    miscarriage of justice"', 'said Trump is reduced to "taunts and insults" because he …'."""
    cf, cl = cue.span
    v = toks.span_head(cf, cl)
    noun = toks.pos[v] == "NOUN"  # "Trump's claim that there have been "thousands of shootings""
    if not (toks.pos[v] in VERBAL or noun) or first <= cl:
        return None
    deps = _NOUN_CLAUSE_DEPS if noun else _CLAUSE_DEPS - {"dobj"} if toks.lower[v] in _TELLING else _CLAUSE_DEPS
    # the opening mark may hang on the cue ('said "budget reforms" … would help'): the clause starts with its words
    word = first + 1 if first < last and toks.pos[first] == "PUNCT" else first
    chosen = [
        toks.subtree(c) for c in toks.children[v]
        if (toks.dep[c] in deps or not noun and toks.dep[c] == "prep" and toks.lower[c] in _CLAUSE_PREPS)
        and cl < min(toks.subtree(c)) <= word and first - min(toks.subtree(c)) <= reach
    ]
    if not chosen:
        return None
    lo = min(first, *(min(sub) for sub in chosen))
    if cue.source and cl < cue.source[0] < first and cue.source[1] >= lo:
        return None  # 'said Smith, "…"': the words before the quote name the speaker
    inside = set(toks.subtree(v))
    if any(k not in inside or toks.newline[k] or toks.quote[k] != -1 for k in range(lo, first)):
        return None
    while lo < first and toks.pos[lo] == "PUNCT":
        lo += 1
    hi = max(k for sub in chosen for k in sub if toks.para[k] == toks.para[first])
    while hi > last and (toks.space[hi] or toks.pos[hi] == "PUNCT" and not toks.quote[hi] != -1):
        hi -= 1
    return lo, max(hi, last)


def widened(toks: Tokens, content: list[tuple[int, int]], span: tuple[int, int]) -> list[tuple[int, int]]:
    """The content as one clause span, with the pieces it covers folded in."""
    start, end = toks.starts[span[0]], max(toks.ends[span[1]], content[0][1])
    end = max([end, *(e for s, e in content if s < end)])
    return [(start, end), *((s, e) for s, e in content if s >= end)]


def aside_head(toks: Tokens, v: int) -> int | None:
    """The verb of the sentence that reporting verb ``v`` is set aside in, or None."""
    if toks.dep[v] != "parataxis":
        return None
    m = toks.head[v]
    while toks.dep[m] in ("aux", "auxpass") and toks.head[m] != m:
        m = toks.head[m]  # a misparse hangs the aside on the auxiliary ('the bridge was, he said, closed')
    return m if m != v and toks.pos[m] in VERBAL else None


def around_aside(toks: Tokens, v: int, m: int) -> list[tuple[int, int]]:
    """The token runs of sentence ``m`` around the aside ``v``, trimmed of punctuation outside quotes."""
    # a clause the parse hangs on the aside before it is the sentence's ('Though X was seamless, he said, ...')
    before = [c for c in toks.children[v] if c < v and toks.dep[c] in ("advcl", "ccomp", "csubj")]
    aside = set(toks.subtree(v)).difference(*(toks.subtree(c) for c in before))
    words = [k for k in toks.subtree(m) if k not in aside and toks.para[k] == toks.para[v] and not toks.newline[k]]
    out = [trimmed(toks, run[0], run[-1]) for run in runs(words)]
    return [(lo, hi) for lo, hi in out if not (toks.pos[lo] == "PUNCT" and lo == hi)]


def trimmed(toks: Tokens, lo: int, hi: int) -> tuple[int, int]:
    """Tokens lo..hi less the punctuation and spaces at either end that lie outside quote marks."""
    while lo < hi and toks.pos[lo] == "PUNCT" and toks.quote[lo] == -1:
        lo += 1
    while hi > lo and (toks.pos[hi] == "PUNCT" and toks.quote[hi] == -1 or toks.space[hi]):
        hi -= 1
    return lo, hi


def mixed_content(toks: Tokens, cue: Cue, content: list[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
    """A mixed statement's content (character spans) as the clause or sentence its quote is in."""
    if (span := clause_span(toks, cue, first, last)) is not None:
        return widened(toks, content, span)
    if (span := according_clause(toks, cue.span[0], first)) is not None:
        return folded(toks, [span], content)
    v = toks.span_head(*cue.span)
    if cue.source and (lead := fronted_clause(toks, v, cue.source[0])):
        return folded(toks, [trimmed(toks, lead[0], lead[-1])], content)
    if toks.dep[v] == "parataxis":
        m = v
        while toks.head[m] != m and toks.para[toks.head[m]] == toks.para[m]:
            m = toks.head[m]
        # 'African-Americans, he said, can "rock like Jimi"': the sentence around the aside
        spans = around_aside(toks, v, m)
        if spans and toks.starts[spans[0][0]] <= content[0][0]:
            return folded(toks, spans, content)
    return content


def according_clause(toks: Tokens, i: int, first: int) -> tuple[int, int] | None:
    """'According to Sam Reed, the move reeks of "fear" and desperation': the clause the phrase
    at token ``i`` is set in, on the side of the quote at ``first`` (PolNeAR's content)."""
    if toks.lower[i] != "according" or toks.head[i] == i:
        return None
    phrase = set(toks.subtree(i))
    end = max(phrase)
    side = [k for k in toks.subtree(toks.head[i]) if k not in phrase and (k > end) == (first > end)
            and toks.para[k] == toks.para[first] and not toks.newline[k]]
    return trimmed(toks, min(side), max(side)) if side and min(side) <= first else None


def folded(toks: Tokens, spans: list[tuple[int, int]], content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token runs as character pieces, each widened to the quoted pieces it overlaps."""
    out = []
    for lo, hi in spans:
        start, end = toks.starts[lo], toks.ends[hi]
        inside = [(s, e) for s, e in content if s < end and e > start]
        out.append((min([start, *(s for s, _ in inside)]), max([end, *(e for _, e in inside)])))
    ends = [e for _, e in out]
    return out + [(s, e) for s, e in content if not any(a <= s < b for a, b in out) and s >= max(ends)]



# PolNeAR's annotators leave a relative clause after a comma on a name out of what was said: it
# describes the name in the writer's voice (train: 88 times left out, 38 kept; dev: 9 and 3).
# After a common noun they keep it as often as not ("the rules, which ...": dev 14 and 14).
_ASIDE_WORDS = {"which": ("PROPN", "NUM"), "who": ("PROPN",), "whom": ("PROPN",), "where": ("PROPN",)}
_ASIDE_MARKS = frozenset({",", "—", "--", "–", "―", "("})


def without_aside(toks: Tokens, first: int, last: int) -> int:
    """The last token of content first..last before a closing non-restrictive relative clause
    (``… the BBC, which receives some government funding``); ``last`` where there is none."""
    for k, j in _after_marks(toks, first, last):
        if toks.lower[j] not in _ASIDE_WORDS:
            continue
        clause = _phrase_from(toks, k, toks.head[j])
        antecedent = toks.head[clause]
        if (toks.dep[clause] == "relcl" and first <= antecedent < k and toks.pos[antecedent] in _ASIDE_WORDS[toks.lower[j]]
                and max(toks.subtree(clause)) >= last - 1):
            return trimmed(toks, first, k - 1)[1]
    return last


def without_appositive(toks: Tokens, first: int, last: int) -> int:
    """The last token of content first..last before a closing appositive, the writer's gloss, which
    PolNeAR's annotators leave out: on a name (``… would not support Mr. Trump, the presumed Putin
    favorite``; train: 30 contents made exact, 14 lost; dev 1 and 1), or a phrase that sums up what
    was said (``… a law banning fracking, an oil-and-gas extraction method``, ``… inside the hall — a
    message that …``; train 30 and 13, dev 2 and 2). A list (``Israel, the nuclear deal and …``) is
    no appositive, nor a bare role (``Lynch, U.S. attorney for …``)."""
    for k, j in _after_marks(toks, first, last):
        node = _phrase_from(toks, k, j)
        kids = [toks.dep[c] for c in toks.children[node]]
        closing = (toks.pos[node] == "NOUN" and min(toks.subtree(node)) == j and max(toks.subtree(node)) >= last - 1
                   and "conj" not in kids and "cc" not in kids)
        on_name = (toks.lower[k] == "," and toks.dep[node] == "appos" and first <= toks.head[node] < k
                   and toks.pos[toks.head[node]] == "PROPN" and "det" in kids)
        summing_up = toks.lower[j] in ("a", "an") and toks.dep[node] in ("appos", "npadvmod", "dep")
        if closing and (on_name or summing_up):
            return trimmed(toks, first, k - 1)[1]
    return last


def _phrase_from(toks: Tokens, k: int, j: int) -> int:
    """The head of the phrase that word ``j`` opens after mark ``k``."""
    node = j
    while toks.head[node] != node and toks.head[node] > k:
        node = toks.head[node]
    return node


def before_participle(toks: Tokens, first: int, last: int) -> int:
    """The last token of content first..last before a participle of speech that reports more
    (``… would be a drag on the ticket, saying the crowds …``, ``…, citing the strategic importance …``):
    PolNeAR makes that a statement of its own (train: 14 contents cut right, 2 wrong)."""
    for k, j in _after_marks(toks, first, last):
        if toks.lower[k] in (",", "—", "--", "–") and toks.tag[j] == "VBG" and toks.lower[j] in SPEECH_FORMS:
            return trimmed(toks, first, k - 1)[1]
    return last


# Words that open what comes after them: a content never ends on one (PolNeAR dev: no gold content
# ends on 'and', 'but', 'when' or 'while'; the tagger's stopped on them 28 times, where the next
# statement's source or cue begins: '…, which he called …', 'in Eastern Europe, and calling …').
_OPENERS = frozenset({"which", "who", "whom", "whose", "where", "when", "while", "whereas", "as", "because",
                      "although", "though", "if", "until", "unless", "since", "after", "before", "once"})


def without_dangling(toks: Tokens, first: int, last: int) -> int:
    """The last token of content first..last less a conjunction or a word that opens a clause the
    content does not hold (``…, and``; ``… tweets in which``; ``… more than they``)."""
    while last > first and toks.quote[last] == -1:
        opens = _governed_after(toks, last)  # 'in the years since' ends a phrase, 'since' opens none
        opener = toks.pos[last] == "CCONJ" or toks.lower[last] in _OPENERS and opens
        subject = toks.dep[last] in ("nsubj", "nsubjpass") and toks.pos[last] == "PRON" and opens
        leads = toks.pos[last] == "ADP" and last < len(toks) - 1 and toks.lower[last + 1] in _OPENERS
        if not (opener or subject or leads):
            return last
        last = trimmed(toks, first, last - 1)[1]
    return last


def headline_act_after(toks: Tokens, a: Attribution) -> None:
    """'Harriet Lowe retracts her defence of Simon Drake and apologises': in a headline, a verb the
    cue's verb is coordinated with is the speaker's second act, not what the first one is about
    (PolNeAR's headlines have none such; the tagger ran the content on). In place."""
    if not a.cue or not a.content:
        return
    verb = toks.span_head(*toks.span_tokens(*a.cue))
    start, end = a.content[-1]
    if toks.pos[verb] != "VERB":
        return
    # (a bare conjunct of the verb, whatever the tagger calls it: 'apologises' NNS; PolNeAR keeps
    # one with words of its own, 'calls Trump line "racist," but backs him')
    acts = [c for c in toks.children[verb] if toks.dep[c] == "conj" and toks.para[c] == 0
            and start < toks.starts[c] < end and all(toks.pos[k] in ("PUNCT", "SPACE") for k in toks.children[c])]
    if not acts:
        return
    joins = [k for k in toks.children[verb] if toks.dep[k] == "cc" and start < toks.starts[k] < toks.starts[acts[0]]]
    if joins:
        first, _ = toks.span_tokens(start, end)
        a.content[-1] = (start, toks.ends[trimmed(toks, first, joins[-1] - 1)[1]])


# Verbs that lift the subject of what they say out of it: 'drawing on home equity seems too risky'.
_RAISING = frozenset("seem seems seemed seeming appear appears appeared appearing".split())
# ... unlike the one asked or told, who is a listener ('Clinton was asked whether …').
_ASKING = frozenset("ask asks asked asking question questioned press pressed urge urged tell told".split())
_CLAUSE_OPENERS = frozenset({"that", "whether", "if", "to"})


def with_subject(toks: Tokens, a: Attribution) -> None:
    """Where words are said of a passive or raising verb's subject ('peacekeepers have been accused of
    hurting …', 'drawing on home equity seems too risky', 'it was labeled "Mostly True"', 'which is
    considered …'), PolNeAR's content begins with that subject, and the subject is no source
    (train: 41 contents made exact, 11 lost; dev 8, 1). In place, as ``_finished``."""
    if not _content_after_cue(a):
        return
    first, last = toks.span_tokens(*a.cue)
    v = toks.span_head(first, last)
    cue = range(first, last + 1)
    verbs = [k for k in cue if toks.pos[k] in ("VERB", "AUX", "ADJ") and toks.dep[k] not in ("aux", "auxpass")]
    raising = bool(verbs) and all(toks.lower[k] in _RAISING for k in verbs)
    passive = any(toks.dep[c] == "auxpass" for c in toks.children[v])
    if not (raising or passive) or any(toks.lower[k] in _ASKING for k in cue):
        return
    subject = next((c for c in toks.children[v] if toks.dep[c] in ("nsubjpass", "nsubj") and c < first), None)
    if subject is None or toks.lower[subject] == "it" and _is_clause(toks, a.content[0]):
        return  # 'it was reported that …', 'it seems like …': the 'it' stands for the clause
    words = toks.subtree(subject)
    lo, hi = trimmed(toks, words[0], words[-1])
    span = toks.chars(lo, hi)
    if hi >= first or any(s < span[1] and span[0] < e for s, e in a.content):
        return
    if a.source:
        said_of = raising or toks.lower[v] in SAID_OF or toks.lower[v] in REGARDING_FORMS
        if not said_of or not (a.source[0] <= span[0] < a.source[1] or span[0] <= a.source[0] < span[1]):
            return  # 'Protesters were angered that …' feel it themselves
        a.source, a.source_head = None, None
    a.content = [span, *a.content]


_RELATIVES = frozenset({"which", "who", "whom", "what", "that"})


def with_relative(toks: Tokens, a: Attribution) -> None:
    """A relative word just before the source that belongs to what is said ('which officials said
    will go …', 'who he dubbed "the little senator"', 'what former employees have called …') is
    the content's first piece in PolNeAR. In place, as ``_finished``."""
    if not _content_after_cue(a):
        return
    lead = toks.span_tokens(*(a.source or a.cue))[0]
    k = lead - 1
    while k >= 0 and toks.space[k]:
        k -= 1
    if k < 0 or toks.lower[k] not in _RELATIVES or toks.tag[k] not in ("WDT", "WP", "WP$") or toks.quote[k] != -1:
        return
    if toks.ends[k] > a.content[0][0]:
        return  # a source after its content ('how likely … to which 21 percent'): the word is not this content's
    if k > 0 and toks.pos[k - 1] == "ADP" and toks.lower[k] != "what":
        return  # 'a statement in which it urged …': where it was said, not what ('between what Trump says …' is)
    v = toks.span_head(*toks.span_tokens(*a.cue))
    h = k
    while h != v and toks.head[h] != h:
        h = toks.head[h]
    if h == v:
        a.content = [toks.chars(k, k), *a.content]


def _content_after_cue(a: Attribution) -> bool:
    return bool(a.cue and a.content and a.content[0][0] >= a.cue[1])


def _is_clause(toks: Tokens, span: tuple[int, int]) -> bool:
    first, last = toks.span_tokens(*span)
    return toks.lower[first] in _CLAUSE_OPENERS or toks.pos[toks.span_head(first, last)] in VERBAL


def _governed_after(toks: Tokens, k: int, steps: int = 3) -> bool:
    """Whether token k hangs (within a few steps) from a word after it."""
    h = k
    for _ in range(steps):
        if toks.head[h] == h:
            return False
        h = toks.head[h]
        if h > k:
            return True
    return False


def _after_marks(toks: Tokens, first: int, last: int):
    """(mark, first word after it) for each comma, dash or bracket outside quote marks inside
    content first..last, where that word is outside quote marks too."""
    for k in range(first + 1, last):
        if toks.lower[k] not in _ASIDE_MARKS or toks.quote[k] != -1:
            continue
        j = next((i for i in range(k + 1, last + 1) if not toks.space[i]), None)
        if j is not None and toks.quote[j] == -1:
            yield k, j


def around_cue_aside(toks: Tokens, found: list) -> list:
    """'With each contest, these supporters acknowledge, it becomes harder …': reported speech on one
    side of a source and cue set off by commas inside its sentence takes the words on the other side
    too, as a second piece (PolNeAR's content is the sentence around such an aside); the statements so
    widened, in place. After a content the words go on only from 'that', 'because' or 'and': others
    are as often the writer's ('according to a CNN tally, but his pathway …', 'he said, on condition
    of anonymity')."""
    taken = [span for a in found for span in (*a.content, a.cue, a.source) if span]
    widened = []
    for a in found:
        if a.kind != "indirect" or a.cue is None or len(a.content) != 1:
            continue
        roles = [a.cue, *([a.source] if a.source else [])]
        lo, hi = min(s for s, _ in roles), max(e for _, e in roles)
        if (as_ := re.search(r",\s*as\s+$", toks.text[max(0, lo - 12):lo])) is not None:  # 'Hawaii, as an adviser pointed out, …'
            lo -= len(as_.group(0)) - 1
        if not (toks.text[:lo].rstrip().endswith(",") and toks.text[hi:].lstrip().startswith(",")):
            continue
        if (other := _other_side(toks, a.content[0], lo, hi)) is None:
            continue
        span = (toks.starts[other[0]], toks.ends[other[1]])
        if _enough(toks, other) and not any(toks.quote[k] != -1 or toks.newline[k] for k in range(other[0], other[1] + 1)) \
                and not any(s < span[1] and e > span[0] for s, e in taken):
            a.content = sorted([span, a.content[0]])
            widened.append(a)
    return widened


def _enough(toks: Tokens, other: tuple[int, int]) -> bool:
    """Words enough to be part of what was said: two or more, or one noun ('Hawaii, he said, …'; not 'But')."""
    return other[0] < other[1] or toks.pos[other[0]] in ("NOUN", "PROPN")


def _other_side(toks: Tokens, content: tuple[int, int], lo: int, hi: int) -> tuple[int, int] | None:
    """The tokens of the sentence on the far side of the aside lo..hi from ``content``, if it is next to it."""
    first, last = toks.span_tokens(lo, hi)
    if hi <= content[0] and not toks.text[hi : content[0]].strip(" ,"):
        return trimmed(toks, toks.sentence_start(first), first - 1)
    if content[1] <= lo and not toks.text[content[1] : lo].strip(" ,") and last + 2 < len(toks) \
            and toks.lower[last + 2] in ("that", "because", "and"):
        end = last + 2
        while end + 1 < len(toks) and not toks.is_boundary(end + 1):
            end += 1
        return trimmed(toks, last + 2, end)
    return None
