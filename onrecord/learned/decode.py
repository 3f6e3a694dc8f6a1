"""From tag probabilities to attributions: constrained BIO decoding, then joining roles.

Each layer is decoded on its own with Viterbi under the BIO constraint (no ``I``
after ``O``), so a span is never a fragment that starts inside. Every cue becomes
an attribution; each content span joins its nearest cue (within the sentence
before, the same one or the next, in the same paragraph unless the content is in
quote marks) and each cue takes the nearest source of its sentence, so ``he said
X and added Y`` gives both cues the one source.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import ModelNotFoundError
from ..quotes.attribution import Attribution
from ..quotes.cues import ADDRESSED_FORMS, BLAMED_FOR, BLAMED_FORMS
from ..quotes.frames import (
    NOMINAL, SAID_OF, VERBAL, _mention, agent_of, asked_of, noun_owner, relative_subject, subject_of, title_run,
)
from ..quotes.tokens import Tokens

_B, _I, _O = 0, 1, 2
_FLOOR = 1e-9
_SENTENCE_COST = 60  # tokens a sentence boundary is worth when joining roles
_MAX_COST = 2 * _SENTENCE_COST + 40
_MIN_WORDS = 1  # content of punctuation alone is no statement


@dataclass(frozen=True)
class DecodeWeights:
    """What each layer's "outside" tag is multiplied by before decoding; each model has its own,
    chosen on dev by ``onrecord train`` (``choose_decoding``) and kept in its config.json.

    A tagger finds fewer cues than there are (every statement starts from one), so the cue
    layer's weight is below 1; its weak content spans are mostly wrong, so the content layer's
    may be above; and where its source span is weak the parse finds a better one (the subject
    of the cue). The defaults are those of models stored without weights."""

    cue_outside: float = 0.7
    content_outside: float = 1.0
    source_outside: float = 1.0

    @classmethod
    def stored(cls, config: dict, folder) -> "DecodeWeights":
        """The weights a model's config.json keeps (the defaults where it keeps none)."""
        given = config.get("decode") or {}
        try:
            weights = cls(**{k: float(v) for k, v in given.items()})
        except (TypeError, ValueError, AttributeError):
            weights = None
        if weights is None or min(weights.cue_outside, weights.content_outside, weights.source_outside) <= 0:
            raise ModelNotFoundError(
                f'{folder}/config.json: "decode" must be {{"cue_outside": x, "content_outside": y, "source_outside": z}} '
                f"with each weight > 0, not {given!r}; choose them again with `onrecord train --decode-only --out {folder}`.")
        return weights

    def apply(self, marginals: np.ndarray) -> np.ndarray:
        """(n_tokens, 3 roles, 3 tags) marginals with the outside tags weighed (a copy)."""
        outside = [self.source_outside, self.cue_outside, self.content_outside]
        return marginals * np.array([[1.0, 1.0, w] for w in outside])


def decode_layer(probs: np.ndarray, skip: list[bool]) -> list[tuple[int, int, float]]:
    """Best BIO path of one layer: (first, last, confidence) token spans.

    ``probs`` is (n_tokens, 3) P(B), P(I), P(O); ``skip`` marks whitespace tokens,
    which may sit inside a span but never start or end one. A span's confidence is
    the mean probability of its tags and of the tag that closes it.
    """
    n = len(probs)
    if n == 0:
        return []
    logp = np.log(np.maximum(probs, _FLOOR)).tolist()
    score = [logp[0][_B], -math.inf, logp[0][_O]]
    back: list[tuple[int, int]] = []  # best previous state: before B or O (any), before I (B or I)
    for k in range(1, n):
        best_any = max(range(3), key=score.__getitem__)
        best_in = _B if score[_B] >= score[_I] else _I
        back.append((best_any, best_in))
        lp = logp[k]
        score = [score[best_any] + lp[_B], score[best_in] + lp[_I], score[best_any] + lp[_O]]
    tags = [max(range(3), key=score.__getitem__)]
    for k in range(n - 2, -1, -1):
        best_any, best_in = back[k]
        tags.append(best_in if tags[-1] == _I else best_any)
    tags.reverse()
    return _spans(tags, probs, skip)


def _spans(tags: list[int], probs: np.ndarray, skip: list[bool]) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    start = None
    for k, t in enumerate(tags + [_O]):
        if start is not None and t != _I:
            first, last = start, k - 1
            while last > first and skip[last]:
                last -= 1
            closing = probs[k, _I] if k < len(tags) else 0.0
            p = [probs[first, _B]] + [probs[j, _I] for j in range(first + 1, last + 1)] + [1.0 - closing]
            out.append((first, last, float(sum(p) / len(p))))
            start = None
        if t == _B and not skip[k]:
            start = k
    return out


def attributions(toks: Tokens, sentence: list[int], marginals: np.ndarray, quoted: list[bool],
                 weights: DecodeWeights = DecodeWeights()) -> list[Attribution]:
    """Attributions from one document's (n_tokens, 3, 3) marginals; ``sentence`` numbers each token's sentence."""
    skip, marginals = toks.space, weights.apply(marginals)
    source = decode_layer(marginals[:, 0, :], skip)
    cue = [c for c in (_anchored(toks, c) for c in decode_layer(marginals[:, 1, :], skip)) if c is not None]
    content = decode_layer(marginals[:, 2, :], skip)
    # an extension stops before any source, the tagger's or the parse's ('what residents called')
    subjects = [m[0] for c in cue if (m := _cue_subject(toks, sentence, c[:2])) is not None]
    content = _extended(toks, sentence, content, sorted([f for f, _, _ in source + cue] + subjects))
    content = [(toks.opening_mark(f, l), toks.closing_mark(f, l), c) for f, l, c in content]
    pieces: dict[int, list[tuple[int, int, float]]] = {k: [] for k in range(len(cue))}
    for c in content:
        costs = [(_cost(toks, sentence, c, q, quoted), k) for k, q in enumerate(cue)]
        if costs and min(costs)[0] <= _MAX_COST:
            pieces[min(costs)[1]].append(c)
    found = []
    for k, (cf, cl, cconf) in enumerate(cue):
        pieces[k] = _own_sentence(sentence, (cf, cl), pieces[k])
        if sum(_words(toks, f, l) for f, l, _ in pieces[k]) < _MIN_WORDS:
            continue
        if all(toks.pos[j] == "AUX" for j in range(cf, cl + 1)):
            continue  # 'Khan was found guilty of …': a bare auxiliary reports nothing
        src = _nearest_source(sentence, (cf, cl), source, pieces[k])
        src = _completed(toks, src, (cf, cl), pieces[k]) if src else None
        if src is None:
            src = _relative_source(toks, sentence, (cf, cl)) or _parse_source(toks, sentence, (cf, cl), pieces[k])
        elif _subject_elsewhere(toks, src, (cf, cl)):
            src = _parse_source(toks, sentence, (cf, cl), pieces[k]) or src
        if src and _judged(toks, src, (cf, cl)):
            src = None
        if (src is None or toks.dep[_head(toks, src)] == "nsubjpass") and (by := _agent(toks, (cf, cl), pieces[k])):
            src = by
        content_conf = sum(p[2] for p in pieces[k]) / len(pieces[k])
        inside = any(quoted[j] for f, l, _ in pieces[k] for j in range(f, l + 1))
        found.append(Attribution(
            [toks.chars(f, l) for f, l, _ in sorted(pieces[k])],
            "mixed" if inside else "indirect",  # the rules find direct quotes better
            cue=toks.chars(cf, cl),
            source=toks.chars(src[0], src[1]) if src else None,
            source_head=_head(toks, src) if src else None,
            confidence=round(min(cconf, content_conf) * (1.0 if src else 0.9), 3), learned=True,
        ))
    return found


def _own_sentence(sentence: list[int], cue: tuple[int, int], pieces):
    """A cue that has content after it in its own sentence reports that, not a span left over from the
    sentence before ('… a Romney caricature. She started off by emphasizing economic fairness')."""
    cf, cl = cue
    if not any(f > cl and sentence[f] == sentence[cf] for f, _, _ in pieces):
        return pieces
    return [p for p in pieces if not (p[1] < cf and sentence[p[1]] != sentence[cf])]


def _words(toks: Tokens, first: int, last: int) -> int:
    return sum(toks.pos[k] not in ("PUNCT", "SPACE") for k in range(first, last + 1))


_CLOSING = frozenset({"”", '"', "’", "'", "''", "»"})


def _extended(toks: Tokens, sentence: list[int], content, role_starts: list[int]):
    """Content spans extended to the end of their clause, up to the next cue or source; a span
    an extension reaches joins the one extended ('his statement defending' + 'convicted ...')."""
    out: list[tuple[int, int, float]] = []
    for f, l, c in content:
        if out and f <= out[-1][1]:
            pf, pl, pc = out[-1]
            out[-1] = (pf, max(pl, l), min(pc, c))
            continue
        out.append((f, _clause_end(toks, sentence, f, l, _next(role_starts, l)), c))
    return out


def _next(starts: list[int], last: int) -> int:
    """The token before the first span that starts after ``last``: an extension stops there."""
    return next((f - 1 for f in starts if f > last), 1 << 30)


# What starts a clause before its verb: a span that stops on one has cut the clause short.
_OPENING = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark", "neg"})


def _clause_end(toks: Tokens, sentence: list[int], first: int, last: int, limit: int) -> int:
    """Where a content span that stops inside its clause should end: the last token of the
    sentence that the parse hangs below the span's last word (``... to participate in`` gets
    ``media interviews``). A tagger that sees a few words either side cuts long clauses short."""
    r = last
    # up to the phrase the last word belongs to ('her' of 'her friend Tom Okafor') and up through
    # the span, as often as they alternate ('gay' -> 'lesbian' -> 'rights' of 'lesbian and gay rights')
    for _ in range(len(toks)):
        h = toks.head[r]
        opens = toks.dep[r] in _OPENING and toks.pos[h] in VERBAL  # 'he' of 'he would prevent more from leaving'
        if h > r and sentence[h] == sentence[last] and (toks.pos[h] not in VERBAL or opens) or first <= h <= last and h != r:
            r = h
        else:
            break
    end = max(k for k in toks.subtree(r) if sentence[k] == sentence[last] and toks.para[k] == toks.para[last])
    end = min(end, limit)
    while end > last and (toks.space[end] or (toks.pos[end] == "PUNCT" and toks.lower[end] not in _CLOSING)):
        end -= 1
    return max(last, end)


def _cost(toks: Tokens, sentence: list[int], content, cue, quoted: list[bool]) -> float:
    (f, l, _), (cf, cl, _) = content, cue
    if f <= cl and cf <= l:  # a content holding its own cue is not this cue's
        return math.inf
    gap = cf - l if cf > l else f - cl if f > cl else 0
    sentences = abs(sentence[cf] - sentence[f if f > cl else l])
    # a quote may run on into the next paragraph, but not out of the headline (PolNeAR train: 3 of
    # some 20,000 content pieces lie across the headline's end from their cue)
    if sentences > 1 or (toks.para[cf] != toks.para[f] and (not quoted[f] or 0 in (toks.para[cf], toks.para[f]))):
        return math.inf
    return gap + _SENTENCE_COST * sentences


def _nearest_source(sentence: list[int], cue: tuple[int, int], sources, pieces) -> tuple[int, int] | None:
    cf, cl = cue
    near = [
        (cf - l if l < cf else f - cl, (f, l)) for f, l, _ in sources
        if sentence[f] == sentence[cf] and (l < cf or f > cl) and not _overlaps((f, l), pieces)
    ]
    return min(near)[1] if near else None


_CUE_WORDS = VERBAL | NOMINAL | {"ADJ"}


def _anchored(toks: Tokens, cue: tuple[int, int, float]) -> tuple[int, int, float] | None:
    """A cue of function words alone ('on' of 'Lowe on Thursday welcomed the deal') moves to the
    verb it hangs from, a few words on; with none there it is no cue."""
    f, l, conf = cue
    if any(toks.pos[k] in _CUE_WORDS for k in range(f, l + 1)):
        return cue
    h = toks.head[toks.span_head(f, l)]
    return (h, h, conf) if l < h <= l + 4 and toks.pos[h] in VERBAL else None


# Words that need the word they modify, which comes after them: 'Mr.' of 'Mr. Obama', 'the'.
_LEADS_IN = frozenset({"compound", "det", "poss", "amod", "nummod", "case", "prep", "pobj", "punct", "nmod", "quantmod"})


def _completed(toks: Tokens, src: tuple[int, int], cue: tuple[int, int], content) -> tuple[int, int]:
    """A tagger source cut short inside its noun phrase ('Mr.', 'A reporter for USA', 'His ex')
    runs on to the phrase's head, never into the cue or the content."""
    f, l = src
    for _ in range(6):
        h = toks.head[l]
        nxt = max([h, *(c for c in toks.children[l] if toks.dep[c] == "pobj")]) if toks.pos[l] == "ADP" else h
        if not (l < nxt <= l + 6 and toks.dep[l] in _LEADS_IN and toks.pos[nxt] in NOMINAL | {"NUM", "ADJ"}):
            break
        crosses = any(toks.newline[j] or toks.quote[j] != -1 and title_run(toks, j) is None for j in range(l, nxt + 1))
        if crosses or _overlaps((f, nxt), [(*cue, 0.0)]) or _overlaps((f, nxt), content):
            break
        if (title := title_run(toks, nxt)) is not None:  # 'the "Jane The Virgin" actress' runs to its closing mark
            if not (_overlaps((f, title[-1]), [(*cue, 0.0)]) or _overlaps((f, title[-1]), content)):
                l = title[-1]
            break
        l = nxt
    return f, l


def _subject_elsewhere(toks: Tokens, src: tuple[int, int], cue: tuple[int, int]) -> bool:
    """A tagger source that is the subject of another verb than the cue's ('fishermen who say …'
    after 'Grant has defended …'): the cue's own subject speaks."""
    h = _head(toks, src)
    return toks.dep[h] in ("nsubj", "nsubjpass") and toks.head[h] != _head(toks, cue)


def _parse_source(toks: Tokens, sentence: list[int], cue: tuple[int, int], content) -> tuple[int, int] | None:
    """When the tagger marks no source: the cue verb's subject, or the owner of a cue noun
    (``Trump's claim``), as the rules read them from the parse; never a word of the content."""
    mention = _cue_subject(toks, sentence, cue)
    if mention is None or _overlaps(mention, content) or _overlaps(mention, [(*cue, 0.0)]):
        return None
    return mention


def _agent(toks: Tokens, cue: tuple[int, int], content) -> tuple[int, int] | None:
    """Who a passive cue names with 'by' ('was rebuked by opponents for …', 'an option seen by
    organizers as …'): the speaker, as PolNeAR marks it, not the one spoken of."""
    if (k := agent_of(toks, _head(toks, cue))) is None:
        return None
    words = toks.subtree(k)
    span = (words[0], words[-1])
    return None if _overlaps(span, content) or _overlaps(span, [(*cue, 0.0)]) else span


def _relative_source(toks: Tokens, sentence: list[int], cue: tuple[int, int]) -> tuple[int, int] | None:
    """'cities that support …' with no source tagged: the relative pronoun, as PolNeAR marks it (the
    parse would give its noun phrase, which holds the statement)."""
    h = _head(toks, cue)
    rel = relative_subject(toks, h) if toks.pos[h] not in NOMINAL else None
    return (rel, rel) if rel is not None and sentence[rel] == sentence[h] else None


def _cue_subject(toks: Tokens, sentence: list[int], cue: tuple[int, int]) -> tuple[int, int] | None:
    """The mention of the cue's subject or owner in the parse, in the cue's sentence (the parse
    may run a headline into the lede)."""
    h = _head(toks, cue)
    k = noun_owner(toks, h) if toks.pos[h] in NOMINAL else subject_of(toks, h)
    if k is None or sentence[k] != sentence[h]:
        return None
    first, last = _mention(toks, k, None)
    # 'what residents called "…"': the parse may make 'what' the subject's determiner
    return (first + 1, last) if toks.lower[first] == "what" and toks.dep[first] == "det" and first < last else (first, last)


# Verbs of judging and accusing: their passive subject is the one judged, not a speaker.
_VERDICTS = frozenset({
    "accused", "acquitted", "arrested", "charged", "cleared", "convicted", "fined", "found",
    "impeached", "indicted", "jailed", "sentenced", "sued",
})


def _judged(toks: Tokens, src: tuple[int, int], cue: tuple[int, int]) -> bool:
    """'Khan was found guilty of …', 'Simon Drake convicted of taking bribes' (a headline), 'Pence was
    dubbed the debate winner': PolNeAR gives such reports no source, and the one judged or spoken
    of said nothing; nor the one asked a question (train, passives of speech: 34 wrong sources
    dropped, 6 right ones)."""
    v = _head(toks, cue)
    if asked_of(toks, v):
        return True
    if src[1] >= cue[0]:
        return False
    kids = toks.children[v]
    passive = any(toks.dep[c] == "auxpass" for c in kids)
    if toks.lower[v] in _VERDICTS:
        # a reduced passive ('Drake convicted of …'): a participle with no 'has' and no object
        return passive or toks.tag[v] == "VBN" and not any(toks.dep[c] in ("aux", "dobj") for c in kids)
    if reduced_passive(toks, v):
        return True
    h = _head(toks, src)
    return toks.lower[v] in SAID_OF and passive and toks.dep[h] == "nsubjpass" and toks.head[h] == v


def reduced_passive(toks: Tokens, v: int) -> bool:
    """'Council slammed over bin collections', 'Lowe urged to quit': blamed or told, with no object and
    no 'has' (cues.BLAMED_FORMS, cues.ADDRESSED_FORMS): the subject is the one blamed or told."""
    if v + 1 >= len(toks) or toks.tag[v] not in ("VBD", "VBN"):
        return False
    blamed = toks.lower[v] in BLAMED_FORMS and toks.lower[v + 1] in BLAMED_FOR and toks.head[v + 1] == v
    told = toks.lower[v] in ADDRESSED_FORMS and toks.lower[v + 1] == "to"
    return (blamed or told) and not any(toks.dep[c] in ("aux", "auxpass", "dobj", "ccomp", "dative") for c in toks.children[v])


def _overlaps(span: tuple[int, int], others) -> bool:
    f, l = span
    return any(f <= ol and of <= l for of, ol, *_ in others)


def _head(toks: Tokens, span: tuple[int, int]) -> int:
    return toks.span_head(*span)
