"""Attributing quoted spans: the cue and source around each quote, and grouping pieces.

For each quoted span the rules look at its *frames*: the words after it up to
the end of the sentence (``"…," he said``) and before it back to the sentence
start (``Blunt penned: "…"``), and failing those, up the parse from inside the
quote (``called it "disgraceful"``). Quotes with no cue of their own join the
statement they continue (``"…," he said. "…"``, multi-paragraph quotes) or take
their speaker from the context.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .clauses import mixed_content
from .cues import SPEECH_FORMS
from .frames import CUE_NOUNS, VERBAL, Cue, cue_after, cue_before, cue_in_parse, noun_owner, subject_of
from .marks import Marked, find_marked
from .tokens import Tokens


@dataclass(slots=True)
class Attribution:
    """A statement before its speaker is resolved (character offsets)."""

    content: list[tuple[int, int]]
    kind: str
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    source_head: int | None = None  # token index of the source's head word
    confidence: float = 1.0
    inherits: "Attribution | None" = None  # an earlier statement whose speaker this one shares
    context_head: int | None = None  # token of a context mention that names the speaker
    learned: bool = False  # found by the tagger (its confidence is a tag probability, not a rule's)
    pointed: tuple[int, int] | None = None  # the pointer's content for the tagger's cue (onrecord.learned.pointer)
    as_named: bool = False  # the source is a name as a label gives it: resolved without widening it


@dataclass(slots=True)
class _Piece:
    marked: Marked
    first: int  # first and last token of the quote
    last: int
    standalone: bool  # nothing but the quote in its sentence (apart from a cue)
    expects_cue: bool  # ends in a comma: the cue follows in a later piece
    cue: Cue | None = None
    pieces: list["_Piece"] = field(default_factory=list)


def find_quoted(toks: Tokens) -> list[Attribution]:
    """Every statement in quote marks, in text order."""
    marked = find_marked(toks.text)
    bounds = [toks.span_tokens(m.start, m.end) for m in marked]
    for k, (first, last) in enumerate(bounds):  # every quote is marked before any frame is read
        for i in range(first, last + 1):
            toks.quote[i] = k
    nicknames = {k for k, b in enumerate(bounds) if _nickname(toks, *b)}
    for k in nicknames:  # words of a name, outside any quote
        for i in range(bounds[k][0], bounds[k][1] + 1):
            toks.quote[i] = -1
    pieces = [_piece(toks, m, *b) for k, (m, b) in enumerate(zip(marked, bounds)) if k not in nicknames and not _title(toks, *b)]
    return _group(toks, pieces)


# 'told CNN's "State of the Union."', 'said on "Fox and Friends"', 'the documentary "13th"': the
# name of a show or a work, which nobody says (PolNeAR train: 19 of 121 such are in a content)
_TITLE_AFTER = {"on", "'s", "’s", "show", "program", "programme", "documentary", "film", "movie", "book", "newspaper",
                "magazine", "column", "series", "podcast"}
_SMALL = {"a", "an", "and", "at", "for", "in", "is", "of", "on", "the", "to", "with"}


def _nickname(toks: Tokens, first: int, last: int) -> bool:
    """One to three capitalised words in quote marks between a first name and a surname: 'Marcia "Cia"
    Price' is a name, not a quote (a quote there had taken her words and left her none)."""
    words = [i for i in range(first, last + 1) if toks.pos[i] != "PUNCT"]
    if not (0 < len(words) <= 3 and 0 < first and last + 1 < len(toks) and toks.pos[first - 1] == "PROPN"):
        return False
    # (a name's words, or a person's name before them: not a title-case headline's 'Felt “Invisible” As')
    named = toks.ent[first - 1] == "PERSON" or all(toks.pos[i] == "PROPN" for i in words)
    return named and all(_capitalised(toks, i) for i in (first - 1, *words, last + 1))


def _capitalised(toks: Tokens, i: int) -> bool:
    word = toks.text[toks.starts[i] : toks.ends[i]]
    return word[:1].isupper() and word.replace(".", "").isalpha()


def _title(toks: Tokens, first: int, last: int) -> bool:
    """A short quote in title case right after ``on``, a possessive or a word for a show or work."""
    k = first - 1
    while k >= 0 and toks.space[k]:
        k -= 1
    if k < 0 or toks.lower[k] not in _TITLE_AFTER:
        return False
    words = [toks.text[toks.starts[i] : toks.ends[i]] for i in range(first, last + 1)
             if toks.pos[i] != "PUNCT" and not toks.space[i]]
    return 0 < len(words) <= 7 and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)


def _piece(toks: Tokens, m: Marked, first: int, last: int) -> _Piece:
    inner = toks.text[m.start : m.end].rstrip("\"”'’»` \n")
    before = _before_frame(toks, first)
    lead = toks.lower[before[-1]] if before else ""
    standalone = not before or lead == ":" or lead == "," and _has_cue_word(toks, before)
    # 'called it "a disgrace." The mayor said …': quoted words that close their sentence end its frame
    after = _after_frame(toks, last) if standalone or inner[-1:] not in ".?!" else []
    piece = _Piece(m, first, last, standalone, inner.endswith(","))
    ends_clause = inner[-1:] in ",.?!…" or not after or toks.pos[after[0]] == "PUNCT"
    if standalone:
        piece.cue = cue_after(toks, after, before, inner) or cue_before(toks, before, first, ends_clause)
    else:
        # Inside a sentence the parse knows best: 'called it "unfair", while others agreed'.
        piece.cue = cue_before(toks, before, first, ends_clause) or cue_in_parse(toks, first, last)
    piece.cue = piece.cue or cue_in_parse(toks, first, last) or cue_after(toks, after, before, inner)
    return piece


def _has_cue_word(toks: Tokens, frame: list[int]) -> bool:
    return any(toks.lower[i] in SPEECH_FORMS or toks.lower[i] == "according" for i in frame)


def _before_frame(toks: Tokens, first: int, limit: int = 40) -> list[int]:
    """Tokens before the quote back to the sentence start; across a paragraph ending in a colon."""
    out, k = [], first - 1
    while k >= 0 and len(out) < limit and toks.quote[k] == -1 and not toks.is_boundary(k):
        if not toks.space[k]:
            out.append(k)
        k -= 1
    if not out and k >= 0 and toks.newline[k]:
        j = k - 1
        while j >= 0 and toks.newline[j]:
            j -= 1
        if j >= 0 and toks.lower[j] == ":":
            return _before_frame(toks, j + 1, limit)
    return out[::-1]


def _after_frame(toks: Tokens, last: int, limit: int = 60) -> list[int]:
    out, k = [], last + 1
    while k < len(toks) and len(out) < limit and toks.quote[k] == -1 and not toks.is_boundary(k):
        if not toks.space[k]:
            out.append(k)
        k += 1
    return out


def _group(toks: Tokens, pieces: list[_Piece]) -> list[Attribution]:
    """Join pieces into statements: continuations, cue-in-the-middle, cue-less paragraphs."""
    groups: list[_Piece] = []  # the first piece of each group carries the group's cue
    pending: list[_Piece] = []  # cue-less pieces waiting for a cue in a following piece
    for p in pieces:
        prev = groups[-1] if groups else None
        if prev and _continues(toks, prev, p):
            prev.pieces.append(p)
            continue
        if p.cue:
            p.pieces = [*pending, p]
            pending = []
            groups.append(p)
        elif p.standalone:
            if pending and p.marked.paragraph - pending[-1].marked.paragraph > 1:
                groups.extend(_contextual(pending))
                pending = []
            pending.append(p)
            if not (p.expects_cue or p.marked.continues):
                groups.extend(_contextual(pending))
                pending = []
    groups.extend(_contextual(pending))
    out: list[Attribution] = []
    kept: dict[int, Attribution] = {}
    for k, g in enumerate(groups):
        a = _to_attribution(toks, g)
        if a.cue is None:
            a.inherits = _previous(kept, groups, k)
            # 'Dan Moss said the staff had been brilliant. / "They were heroes."': a speaker reported
            # after the last quoted statement (outside its cue) is the nearer one
            context = _context_speaker(toks, g.first, after=_group_end(groups[k - 1]) if a.inherits else -1)
            a.inherits = None if context is not None and a.inherits else a.inherits
            a.context_head = None if a.inherits else context
            if a.inherits is None and a.context_head is None:
                continue  # no speaker anywhere near: a title, a slogan, a pull quote
        kept[k] = a
        out.append(a)
    return out


def _contextual(pending: list[_Piece]) -> list[_Piece]:
    """Cue-less quotes: one statement whose speaker comes from the context."""
    if not pending:
        return []
    head = pending[0]
    head.pieces = list(pending)
    return [head]


def _continues(toks: Tokens, group: _Piece, p: _Piece) -> bool:
    """Does quote ``p`` carry on the statement ``group`` (whose last piece is ``prev``)?"""
    prev = group.pieces[-1]
    if prev.marked.continues:
        # Unless the next quote names its own speaker: then the mark was missing, not continued.
        return not (p.cue is not None and p.cue.source is not None and p.cue.kind == "direct")
    if p.marked.paragraph == prev.marked.paragraph:
        # '"A," he said. "B"' or '"A," he said, "B"': the cue between the pieces is the group's.
        if p.cue is not None:
            # '"A," he said. "B"': B found the same cue; '"A," he said, adding, "B"' is two statements.
            return group.cue is not None and p.cue.span == group.cue.span
        between = [i for i in range(prev.last + 1, p.first) if not toks.newline[i]]
        # '… engage in "more listening" and "more learning."': a later quote of the same sentence
        same_sentence = not any(toks.is_boundary(i) for i in between)
        return (p.standalone or same_sentence) and len(between) <= 40
    if p.cue is not None and p.cue.source is not None or not p.standalone:
        return False
    # A quote-only paragraph right after a quoted paragraph goes on with its speaker.
    return (
        prev.standalone
        and not p.expects_cue
        and p.marked.paragraph == prev.marked.paragraph + 1
        and _quote_only_paragraph(toks, p)
    )


def _quote_only_paragraph(toks: Tokens, p: _Piece) -> bool:
    k = p.first - 1
    return k < 0 or toks.newline[k]


def _to_attribution(toks: Tokens, g: _Piece) -> Attribution:
    cue = next((p.cue for p in g.pieces if p.cue), None)
    content = [(p.marked.start, p.marked.end) for p in g.pieces]
    confidence = 0.95 if cue and cue.lexical else 0.8 if cue else 0.65
    if not all(p.marked.closed for p in g.pieces):
        confidence -= 0.15
    if cue is None:
        return Attribution(content, "direct", confidence=confidence)
    # The statement is direct when its first piece stands alone; 'Oz is "smart," he wrote' is mixed.
    kind = cue.kind if len(g.pieces) == 1 else "direct" if g.pieces[0].standalone else "mixed"
    if kind == "mixed":
        content = mixed_content(toks, cue, content, g.first, g.pieces[-1].last)
    return Attribution(
        content,
        kind,
        cue=toks.chars(*cue.span),
        source=toks.chars(*cue.source) if cue.source else None,
        source_head=cue.source_head,
        confidence=confidence,
    )


def _previous(kept: dict[int, Attribution], groups: list[_Piece], k: int) -> Attribution | None:
    """The statement just before a cue-less quote, if it is near enough to share its speaker."""
    if k == 0 or k - 1 not in kept:
        return None
    near = groups[k].marked.paragraph - groups[k - 1].pieces[-1].marked.paragraph <= 2
    return kept[k - 1] if near else None


def _group_end(g: _Piece) -> int:
    """The last token of a statement's quotes and cue."""
    ends = [g.pieces[-1].last] + [max(p.cue.span[1], p.cue.source[1] if p.cue.source else 0) for p in g.pieces if p.cue]
    return max(ends)


def _context_speaker(toks: Tokens, first: int, limit: int = 120, after: int = -1) -> int | None:
    """Who a cue-less quote belongs to: the subject of a speech word just before it
    ('In a statement on his website, Blunt … had called …'), this paragraph or the last
    (and after token ``after``)."""
    breaks, k = 0, first - 1
    while k > after and first - k <= limit:
        if toks.newline[k]:
            breaks += 1
            if breaks > 1:
                break
        elif toks.quote[k] == -1:
            if toks.pos[k] in VERBAL and toks.lower[k] in SPEECH_FORMS:
                subj = subject_of(toks, k)
                if subj is not None:
                    return subj
            elif toks.pos[k] == "NOUN" and toks.lower[k] in CUE_NOUNS:
                owner = noun_owner(toks, k)
                if owner is not None:
                    return owner
        k -= 1
    return None
