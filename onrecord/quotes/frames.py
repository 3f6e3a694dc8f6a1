"""Finding the cue and source of one quote in the words around it, or up its parse."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import JUDGING_FORMS, SPEECH_FORMS
from .tokens import Tokens

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Dependents of a source not in the mention (PolNeAR keeps appositions, relative clauses: 'Tim Hess, a developer, who …,').
SOURCE_SKIP = frozenset({"advcl"})
# Nouns that report speech: 'issued an apology for causing "significant upset"'.
CUE_NOUNS = frozenset(
    "apology apologies statement statements remarks remark comment comments tweet tweets post posts "
    "letter interview speech message warning claim claims promise pledge vow response reply".split()
)
# Verbs that take a quoted description: 'called it "disgraceful"', 'described the plan as "…"'.
NAMING = frozenset(
    "call calls called calling describe describes described describing label labels labeled labelled "
    "dub dubs dubbed brand branded term termed deem deemed refer referred slam slammed".split()
)
# Verbs of speech and judgement whose passive subject is the one spoken of ('was dubbed the debate
# winner', 'was blamed for'); not those whose passive subject still speaks ('was quoted as saying').
SAID_OF = (SPEECH_FORMS | NAMING | JUDGING_FORMS) - {"quoted", "heard", "overheard", "recorded", "caught", "assured",
                                                     "reassured"}
VERBAL = frozenset({"VERB", "AUX"})
DASHES = frozenset({"―", "—", "–", "-", "--"})
NOMINAL = frozenset({"PROPN", "PRON", "NOUN"})
SOURCE_POS = NOMINAL | {"NUM", "DET"}


@dataclass(slots=True)
class Cue:
    span: tuple[int, int]  # first and last token
    source: tuple[int, int] | None
    source_head: int | None
    kind: str  # direct | mixed
    lexical: bool  # the cue word is in the lexicon


_WRITINGS = frozenset("email e-mail letter statement note message memo post tweet sign notice banner placard caption "
                      "headline text leaflet flyer poster".split())
_WRITING_VERBS = frozenset("read reads said says stated states".split())


def cue_after(toks: Tokens, frame: list[int], before: list[int], inner: str) -> Cue | None:
    """'"…," he said' / '"…," said Trump' / '"…" - Trump said in a statement.'"""
    if not frame:
        return None
    k = 0
    while k < len(frame) and (toks.pos[frame[k]] == "PUNCT" or toks.lower[frame[k]] in DASHES):
        k += 1
    quote_ends_clause = inner[-1:] in ",.?!…-—–" or k > 0
    body = frame[k:]
    if not body or not quote_ends_clause:
        return None
    dash = frame[k - 1] if k and toks.lower[frame[k - 1]] in DASHES else frame[0] - 1
    if toks.lower[dash][-1:] in "―—–-" and toks.pos[body[0]] == "PROPN":
        return _dash_signature(toks, dash, body)
    for n, v in enumerate(body[:40]):
        # 'Said Ellis.', 'Murphy, …, Tweeted on Friday': a capitalised cue is often tagged as a name.
        # (not a noun after a comma in lower case: 'the mayor's niece, state Del. Marcia Price, shouted')
        capital = toks.lower[v] in SPEECH_FORMS and (n == 0 or toks.lower[body[n - 1]] == "," and toks.text[toks.starts[v]].isupper())
        # '"…," the email read.': the parse takes 'email read' for one noun
        writing = 0 < n <= 3 and toks.lower[v] in _WRITING_VERBS and toks.lower[body[n - 1]] in _WRITINGS
        if not (toks.pos[v] in VERBAL or capital or writing) or toks.dep[v] == "aux":
            continue
        lexical = toks.lower[v] in SPEECH_FORMS or _phrasal_cue(toks, v)
        subj = body[n - 1] if writing else _subject(toks, v, body)
        if subj is None and lexical:
            subj = _subject_guess(toks, body, n)
        if subj is None or not (lexical or n <= 5 and _person_like(toks, subj)):
            continue
        if toks.dep[subj] == "nsubjpass" and toks.lower[v] in SAID_OF and inner[-1:] in ".?!":
            continue  # '"…." The claim was repeated by …': a new sentence about the words, no one saying them
        if inner[-1:] in ".?!" and any(toks.dep[c] in ("ccomp", "xcomp") and c > v for c in toks.children[v]):
            return None  # '"…." Irina Sokolova said the account was false': a new sentence says words of its own
        if n > 6 and not _only_subject_before(toks, body[:n], subj):
            continue
        src = _mention(toks, subj, set(body))
        return Cue(_cue_span(toks, v), src, subj, "direct" if not before else "mixed", lexical)
    return None


def _phrasal_cue(toks: Tokens, v: int) -> bool:
    """'shot back', 'hit back', 'lashed out', 'pushed back': a verb made a cue by its particle."""
    return any(toks.dep[c] == "prt" and toks.lower[c] in ("back", "out") for c in toks.children[v])


def _only_subject_before(toks: Tokens, prefix: list[int], subj: int) -> bool:
    """A long stretch before the cue must all be the source: 'Rep. Gwen Moore (D-Wis.) said'."""
    tree = set(toks.subtree(subj))
    return all(i in tree or toks.pos[i] == "PUNCT" for i in prefix)


def _dash_signature(toks: Tokens, dash: int, body: list[int]) -> Cue | None:
    """'"…" ― Jorge Falcon': a quote signed with a dash and a name, no verb."""
    if any(toks.pos[i] in VERBAL for i in body):
        return None
    name = [i for i in body if toks.pos[i] in ("PROPN", "PUNCT", "ADJ", "NOUN", "NUM")]
    while name and toks.pos[name[-1]] == "PUNCT":
        name.pop()
    if not name:
        return None
    return Cue((dash, dash), (name[0], name[-1]), name[-1], "direct", False)


def cue_before(toks: Tokens, frame: list[int], first: int, ends_clause: bool = True) -> Cue | None:
    """'Blunt penned: "…"' / 'He added, "…"' / 'According to aides, "…"'."""
    if not frame:
        return None
    last = toks.lower[frame[-1]]
    frame_set = set(frame)
    for v in reversed(frame):
        if toks.pos[v] not in VERBAL or toks.dep[v] == "aux":
            continue
        lexical = toks.lower[v] in SPEECH_FORMS
        between = [i for i in frame if i > v and toks.pos[i] != "PUNCT"]
        adjacent = not between or len(between) == 1 and toks.lower[between[0]] == "that"
        # Without a colon or comma the quote must follow the cue word itself ('He said "…"').
        if not (last == ":" or lexical and (last == "," or adjacent)):
            continue
        if last != ":" and _relative_not_quoting(toks, v, first):
            continue
        subj = _subject(toks, v, frame)
        if subj is None:
            continue
        src = _mention(toks, subj, frame_set if subj in frame_set else None)  # ('Citing "…," the aide told')
        # 'He yelled "You lie!"' quotes words said; 'Trump called it "a disgrace"' names a thing.
        # 'he said "budget reforms" and …': a quote that runs into more words is a fragment.
        naming = toks.lower[v] in NAMING and last != ":"
        # 'It was, the president said, "a stone …"': words of the quote's sentence before the aside
        lead_in = [i for i in frame if i < src[0]]
        aside = bool(fronted_clause(toks, v, src[0])) or toks.dep[v] == "parataxis" and bool(_outside(toks, v, lead_in))
        # 'said that "…"': the reporter's 'that' opens the statement (PolNeAR: 98 of 101 in train)
        joined = bool(between) and toks.lower[between[0]] == "that"
        kind = "mixed" if naming or aside or joined or not (ends_clause or last in (":", ",")) else "direct"
        return Cue(_cue_span(toks, v), src, subj, kind, lexical)
    return _according_to(toks, frame) or _name_colon(toks, frame)


def _relative_not_quoting(toks: Tokens, v: int, first: int) -> bool:
    """'said that an audit he cited "did not say …"': a relative clause's verb just before the
    quote, whose words hang on another verb, only describes the subject of what is quoted."""
    if toks.dep[v] != "relcl" or any(toks.dep[c] == "nsubj" and is_relative(toks, c) for c in toks.children[v]):
        return False  # ('Will Smith, who joked, "…"' is his)
    quoted = [i for i in range(first, len(toks.lower)) if toks.quote[i] == toks.quote[first]] if toks.quote[first] != -1 else []
    return bool(quoted) and all(toks.head[i] != v for i in quoted)


def _name_colon(toks: Tokens, frame: list[int]) -> Cue | None:
    """'More from Jones: "…"' / 'Jeffrey M. Jones: "…"': a name and a colon, no verb."""
    if toks.lower[frame[-1]] != ":" or len(frame) < 2:
        return None
    k = len(frame) - 2
    if toks.pos[frame[k]] != "PROPN":
        return None
    lo = k
    while lo > 0 and toks.pos[frame[lo - 1]] == "PROPN":
        lo -= 1
    return Cue((frame[-1], frame[-1]), (frame[lo], frame[k]), frame[k], "direct", False)


def cue_in_parse(toks: Tokens, first: int, last: int) -> Cue | None:
    """Climb from the quote's words to a verb or noun of speech: 'called it "disgraceful"'."""
    words = [i for i in range(first, last + 1) if toks.pos[i] != "PUNCT"]
    heads = {toks.head[i] for i in words if not first <= toks.head[i] <= last}
    for h in sorted(heads, key=lambda h: abs(h - first)):
        x, hops = h, 0
        while hops < 5 and toks.quote[x] == -1 and toks.para[x] == toks.para[first]:
            word = toks.lower[x]
            if toks.pos[x] in VERBAL and (word in SPEECH_FORMS or word in NAMING):
                subj = _subject(toks, x, None)
                if subj is None:
                    subj = _nearest_name_before(toks, x)
                if subj is not None:
                    # 'Trump declared "I think …"': a cue right before the quote makes it direct.
                    gap = [i for i in range(x + 1, first) if toks.pos[i] != "PUNCT"]
                    kind = "direct" if x < first and not gap and word in SPEECH_FORMS else "mixed"
                    return Cue(_cue_span(toks, x), _mention(toks, subj, None), subj, kind, True)
            # 'called her response "pathetic"': the naming verb's subject speaks, the response is named
            named = toks.dep[x] == "dobj" and toks.lower[toks.head[x]] in NAMING
            if toks.pos[x] == "NOUN" and word in CUE_NOUNS and not named:
                subj = _noun_owner(toks, x)
                if subj is not None:
                    return Cue((x, x), _mention(toks, subj, None), subj, "mixed", True)
            if (aside := _aside_cue(toks, x)) is not None:
                return aside
            if toks.head[x] == x:
                break
            x, hops = toks.head[x], hops + 1
    # "It was, the president said, 'a stone …'": the aside hangs on the quoted words themselves
    return next((c for i in words if (c := _aside_cue(toks, i)) is not None), None)


def fronted_clause(toks: Tokens, v: int, before: int) -> list[int]:
    """'It was, the president said, "…"' parsed with the opening words as the verb's clause."""
    for c in toks.children[v]:
        sub = toks.subtree(c)
        # in v's own sentence: a misparse can hang the last paragraph's quote on this verb
        if toks.dep[c] == "ccomp" and max(sub) < before and all(
            toks.para[k] == toks.para[v] and (toks.quote[k] != -1 or not toks.is_boundary(k)) for k in range(sub[0], v)
        ):
            return sub
    return []


def _outside(toks: Tokens, v: int, frame: list[int]) -> list[int]:
    """The subject or main verb of another clause among ``frame``: 'It was, the president said, …'
    (not 'Asked about the plan, she said, …', which is the aside's own)."""
    own = set(toks.subtree(v))
    return [i for i in frame if i not in own and (toks.dep[i] in SUBJECTS or toks.dep[i] == "expl" or toks.head[i] == i)]


def _aside_cue(toks: Tokens, x: int) -> Cue | None:
    """'The bridge, the mayor said, is "ninety years old"': a reporting clause set aside in the quote's sentence."""
    for c in toks.children[x]:
        if toks.dep[c] == "parataxis" and toks.lower[c] in SPEECH_FORMS and toks.quote[c] == -1:
            subj = _subject(toks, c, None)
            if subj is not None and toks.quote[subj] == -1:
                return Cue(_cue_span(toks, c), _mention(toks, subj, None), subj, "mixed", True)
    return None


def _according_to(toks: Tokens, frame: list[int]) -> Cue | None:
    for i in frame:
        if toks.lower[i] == "according" and i + 1 < len(toks) and toks.lower[i + 1] == "to":
            objs = [c for c in toks.children[i + 1] if toks.dep[c] == "pobj"]
            if objs:
                # 'According to X, "…"' quotes X; 'According to X, it reeks of "fear"' is mixed.
                phrase_end, allowed = max(toks.subtree(i)), set(frame)
                comma = next((k for k in frame if k > objs[0] and toks.lower[k] == ","), None)
                if phrase_end > frame[-1] and comma is not None:  # the quote's clause parsed as X's apposition
                    phrase_end, allowed = comma - 1, {k for k in frame if k < comma}
                kind = "direct" if frame[-1] <= phrase_end + 1 else "mixed"
                return Cue((i, i + 1), _mention(toks, objs[0], allowed), objs[0], kind, True)
    return None


def _subject(toks: Tokens, v: int, frame: list[int] | None) -> int | None:
    """The subject of verb ``v`` (through conjunctions and relative clauses)."""
    for climbed in range(4):
        subs = [c for c in toks.children[v] if toks.dep[c] in SUBJECTS and (toks.pos[c] in SOURCE_POS or aged(toks, c))
                and not dateline(toks, c)]
        # A subject inside the quote ('"… it will …," said Acton') belongs to the quoted clause.
        subs = [c for c in subs if toks.quote[c] == -1 or toks.quote[c] == toks.quote[v]] or subs
        if subs:
            # (of two subjects a misparse gives the cue verb itself, the nearer before it: 'X, …, admitted …, after
            # its chief executive insisted'; not 'The charity | Shelter UK said', one subject the parse cut in two)
            near = max((c for c in subs if c < v), default=subs[0]) if not climbed else subs[0]
            named = toks.pos[near] in ("NOUN", "PROPN") or toks.pos[near] == "PRON" and toks.lower[near] in _PERSONAL
            s = near if named and any(toks.pos[k] == "VERB" for k in range(subs[0] + 1, near)) else subs[0]
            if toks.tag[s] == "WP" or toks.lower[s] in ("who", "which", "that"):
                return toks.head[v] if toks.dep[v] == "relcl" else None
            return s if frame is None or s in frame or toks.quote[s] == -1 else None
        # 'X apologised after describing …': the subject of the clause the cue hangs from.
        if toks.dep[v] in ("conj", "xcomp", "advcl", "pcomp", "prep") and toks.head[v] != v:
            h = toks.head[v]
            if toks.tag[v] == "VBG" and toks.dep[v] == "advcl" and (sender := _sender_before(toks, v, h)) is not None:
                return sender
            if toks.tag[v] == "VBG" and toks.dep[v] == "advcl" and toks.dep[h] == "advcl" and any(
                    toks.dep[c] == "mark" for c in toks.children[h]):
                # '…, Hannity said after the senator won his primary, remarking that …': the parse hangs the
                # participle on the 'after' clause; it goes with the main verb
                h = toks.head[h]
            v = h
            continue
        return None
    return None


_PERSONAL = frozenset("i we you he she they".split())  # (not 'both', 'all' or a misparsed "n't")
_FILINGS = _WRITINGS | frozenset("lawsuit suit complaint filing petition motion".split())


def _sender_before(toks: Tokens, v: int, h: int) -> int | None:
    """'Her comments are in response to a letter the campaign sent on Monday alleging that …': a
    participle right after a clause on a letter or a lawsuit is that clause's subject's (the parse
    hangs it on the main verb)."""
    k = v - 1 - (toks.lower[v - 1] == ",")
    while k != h and toks.head[k] != k and toks.dep[k] != "relcl":
        k = toks.head[k]
    if toks.dep[k] != "relcl" or not h < toks.head[k] < k or toks.lower[toks.head[k]] not in _FILINGS:
        return None
    return next((c for c in toks.children[k] if toks.dep[c] == "nsubj" and toks.pos[c] in SOURCE_POS), None)


def aged(toks: Tokens, k: int) -> bool:
    """'the 57-year-old said': the parse makes the age's 'old' (an adjective) the subject."""
    return toks.lower[k] == "old" and k >= 2 and toks.lower[k - 2] in ("year", "years")


def _subject_guess(toks: Tokens, body: list[int], n: int) -> int | None:
    """When the parse missed it: a name or pronoun right before or after the cue word."""
    v = body[n]
    if toks.dep[v] == "acl" and toks.head[v] in body and toks.pos[toks.head[v]] in NOMINAL:
        return toks.head[v]  # '"…," Ann Lee, the head of X, Tweeted' read as a modifier of Lee
    for i in (body[n - 1] if n else None, body[n + 1] if n + 1 < len(body) else None):
        if i is not None and toks.pos[i] in ("PROPN", "PRON"):
            return i
    # '"…," wrote one viewer on X': the parse takes the inverted subject for an object
    after = body[n + 1 : n + 4]
    if n == 0 and after and toks.pos[after[0]] in ("DET", "NUM"):
        return next((i for i in after[1:] if toks.pos[i] == "NOUN" and toks.dep[i] in ("dobj", "nsubj", "attr")), None)
    return None


def _nearest_name_before(toks: Tokens, v: int, limit: int = 15) -> int | None:
    """A misparsed subject ('In a statement, Blunt, the MP, had called …'): the nearest name."""
    window = []
    k = v - 1
    while k >= 0 and v - k <= limit and not toks.is_boundary(k):
        if toks.quote[k] == -1:
            window.append(k)
        k -= 1
    for wanted in ("PERSON", "PRP", "ORG"):
        for k in window:
            if toks.ent[k] == wanted or toks.tag[k] == wanted:
                while k + 1 < v and toks.ent[k + 1] == toks.ent[k] and toks.pos[k + 1] == "PROPN":
                    k += 1
                return k
    return None


def is_relative(toks: Tokens, k: int) -> bool:
    """A relative pronoun that is its clause's subject: 'who' of 'Mr. Obama, who said'."""
    return toks.lower[k] in ("who", "which", "that") and toks.tag[k] in ("WP", "WDT") and toks.dep[k] in ("nsubj", "nsubjpass")


def relative_subject(toks: Tokens, v: int) -> int | None:
    """The relative pronoun verb ``v`` (or the verb it is joined to) has for subject: 'cities that
    support the rules', 'investors, who make up most of them and see the program as …'."""
    for _ in range(4):
        if (rel := next((c for c in toks.children[v] if is_relative(toks, c)), None)) is not None:
            return rel
        if toks.dep[v] != "conj" or toks.head[v] == v:
            return None
        v = toks.head[v]
    return None



def dateline(toks: Tokens, i: int) -> bool:
    """'SPRINGFIELD (AP) — Gov. Whitfield said …': a wire story's place and agency (any word of them
    before the dash), which the parse may take for a second subject, name no speaker."""
    p = i
    while p > 0 and not toks.newline[p - 1] and i - p < 8:
        p -= 1
    if not (p == 0 or toks.newline[p - 1]) or not toks.text[toks.starts[p] : toks.ends[p]].isupper():
        return False
    dash = next((k for k in range(p + 1, min(p + 8, len(toks))) if toks.lower[k] in DASHES), None)
    return dash is not None and i < dash


def asked_of(toks: Tokens, v: int) -> bool:
    """'Asked whether she would resign, she said …', 'he was asked if …': the one asked is no
    source of the question, and the asker goes unnamed (PolNeAR train: no source in 83 of 98)."""
    kids = toks.children[v]
    # (a sentence's opening 'Asked' is often tagged a past tense: its clause has no subject all the same)
    return toks.lower[v] == "asked" and (toks.tag[v] == "VBN" or toks.dep[v] == "advcl") and not any(
        toks.dep[c] in ("aux", "nsubj") for c in kids)


def agent_of(toks: Tokens, v: int) -> int | None:
    """The head of whom a passive verb names with 'by' ('was asked by host Bill Maher'), or None."""
    agents = [a for a in toks.children[v] if toks.dep[a] == "agent"]
    return next((k for k in toks.children[agents[0]] if toks.dep[k] == "pobj"), None) if agents else None


def subject_of(toks: Tokens, v: int) -> int | None:
    return _subject(toks, v, None)


def noun_owner(toks: Tokens, noun: int) -> int | None:
    return _noun_owner(toks, noun)


def _person_like(toks: Tokens, i: int) -> bool:
    return toks.pos[i] in ("PROPN", "PRON") or toks.ent[i] in ("PERSON", "ORG", "NORP")


def _noun_owner(toks: Tokens, noun: int) -> int | None:
    """Who a speech noun belongs to: its possessor, or the subject of the verb that governs it."""
    poss = [c for c in toks.children[noun] if toks.dep[c] == "poss"]
    if poss:
        return poss[0]
    h = toks.head[noun]
    if toks.dep[noun] in ("dobj", "pobj", "attr") and toks.pos[h] in VERBAL | {"ADP"}:
        if toks.pos[h] == "ADP":
            h = toks.head[h]
        return _subject(toks, h, None)
    return None


def _cue_span(toks: Tokens, v: int) -> tuple[int, int]:
    """The cue verb with its auxiliaries, negation and particles ('has since turned', 'hit back')."""
    lo = hi = v
    for c in toks.children[v]:
        if toks.dep[c] in ("aux", "auxpass", "neg") and c < v and v - c <= 3:
            lo = min(lo, c)
        elif toks.dep[c] == "prt" and c == hi + 1:
            hi = c
    return lo, hi


def _opens_bracket(toks: Tokens, lo: int, hi: int) -> bool:
    return any(toks.lower[i] == "(" for i in range(lo, hi))


# Where it was said is no part of who said it: 'Jane Doe, chief executive of Acme, in a memo to staff'.
_MEDIA = frozenset("memo statement letter interview email e-mail tweet post video speech message note release "
                   "broadcast podcast column op-ed blog".split())


def _before_medium(toks: Tokens, lo: int, hi: int) -> int:
    for k in range(lo + 1, hi):
        if toks.lower[k] == "," and toks.lower[k + 1] in ("in", "on") and any(
                toks.lower[j] in _MEDIA for j in range(k + 2, min(hi + 1, k + 5))):
            return k - 1
    return hi


_TITLE_MAX = 10  # tokens, marks included


def title_run(toks: Tokens, i: int) -> range | None:
    """The tokens of the short quote that token ``i`` lies in (``MSNBC's "Morning Joe"``, ``his book
    "The Art of the Deal"``): a name, which a source may hold; None if ``i`` is in no short quote."""
    k = toks.quote[i]
    if k == -1:
        return None
    lo = hi = i
    while lo > 0 and toks.quote[lo - 1] == k and i - lo <= _TITLE_MAX:
        lo -= 1
    while hi + 1 < len(toks) and toks.quote[hi + 1] == k and hi - i <= _TITLE_MAX:
        hi += 1
    return range(lo, hi + 1) if hi - lo < _TITLE_MAX else None


def _in_title(toks: Tokens, i: int, words: set[int]) -> bool:
    """Token i of a source phrase lies in a name in quote marks, after the phrase's first word and
    wholly inside it: 'the authors of the "Growth and Opportunity Project,"' (train: 6 sources made
    exact, none lost)."""
    run = title_run(toks, i)
    return run is not None and run[0] > min(words) and all(j in words or toks.pos[j] == "PUNCT" for j in run) and not any(
        toks.lower[j] in (".", "?", "!") for j in run[:-2])


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[ap]m|[ap]\.m\.)?:?|\d{1,2}(?:[ap]m|[ap]\.m\.):?", re.IGNORECASE)


def stamped(toks: Tokens, k: int) -> bool:
    """A live blog's time stamp opening a paragraph ('10:05 Liberal Democrat campaigners …'): no part of a source."""
    return (k == 0 or toks.newline[k - 1]) and bool(_CLOCK.fullmatch(toks.lower[k]))


def _mention(toks: Tokens, head: int, allowed: set[int] | None) -> tuple[int, int]:
    """The source mention: the subject's phrase, without relative clauses or trailing commas."""
    tokens = [i for i in toks.subtree(head, SOURCE_SKIP) if allowed is None or i in allowed]
    words = set(tokens)
    tokens = [i for i in tokens if toks.quote[i] == -1 or _in_title(toks, i, words)] or [head]
    # A headline without a full stop runs into the lede in the parse: the mention stays in its paragraph.
    tokens = [i for i in tokens if toks.para[i] == toks.para[head] and not toks.newline[i]] or [head]
    lo, hi = min(tokens), max(tokens)
    hi = _before_medium(toks, lo, hi)
    # A name the parse cut short ('Leslie' of 'Leslie Wimes'): take the whole entity.
    # ('Clean Rivers Now said': a capitalised word the parse made an adverb is still the name's)
    while toks.ent[hi] and hi + 1 < len(toks) and toks.ent[hi + 1] == toks.ent[hi] and (
            toks.pos[hi + 1] == "PROPN" or toks.pos[hi + 1] == "ADV" and toks.text[toks.starts[hi + 1]][:1].isupper()):
        hi += 1
    # A name the parse made a second subject ('The charity | Shelterwise said'): it is the kind's name.
    name = hi + 1
    if toks.pos[head] == "NOUN" and name < len(toks) and toks.pos[name] == "PROPN" and toks.dep[head] in SUBJECTS:
        while name < len(toks) and toks.pos[name] == "PROPN" and toks.head[name] != toks.head[head]:
            name += 1
        if name < len(toks) and toks.pos[name] == "PROPN" and toks.dep[name] == toks.dep[head]:
            hi = name
    while hi > lo and toks.pos[hi] == "PUNCT" and not (toks.lower[hi] == ")" and _opens_bracket(toks, lo, hi)):
        hi -= 1
    while lo < hi and (toks.pos[lo] == "PUNCT" or stamped(toks, lo)):
        lo += 1
    # An aside set off by commas keeps its closing comma: 'Quina Jones, 25, said'.
    if hi + 1 < len(toks) and toks.lower[hi + 1] == "," and any(toks.lower[i] == "," for i in range(lo, hi)):
        nxt = hi + 2
        while nxt < len(toks) and toks.pos[nxt] == "ADV":  # 'X, who …, once said'
            nxt += 1
        if nxt < len(toks):
            # 'X, 25, said' keeps the comma; 'X, a former chair, tweeting …' does not.
            finite = toks.tag[nxt] != "VBG" and (toks.pos[nxt] in VERBAL or toks.lower[nxt] in SPEECH_FORMS)
            if finite or toks.quote[nxt] != -1:
                hi += 1
    while hi + 1 < len(toks) and toks.quote[hi] != -1 and toks.quote[hi + 1] == toks.quote[hi] and toks.pos[hi + 1] == "PUNCT":
        hi += 1  # a name in quote marks keeps its closing mark
    return lo, hi
