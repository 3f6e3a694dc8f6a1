"""What the typing rules read for one statement: its reporting clause, its cue and its content.

The reporting clause ("frame") is the clause the cue heads, less the quoted content,
the source mention and side clauses (``Clinton, who did not say ...``,
``Asked whether ..., she said``), so that words there do not type the statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Quote
from ..nlp import doc_text

_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u2018\u2019'`]+(?=\\s|$|[,.;:!?])|(?<=\\s)[\"\u201c\u201d\u2018\u2019'`]+|^[\"\u201c\u201d\u2018\u2019'`]+")
_SIDE_DEPS = frozenset({"relcl", "appos", "advcl", "parataxis", "acl"})
# What the reporting verb acts on or how: its objects, particles, negation, complements.
_FRAME_DEPS = frozenset({"dobj", "dative", "prt", "neg", "acomp", "oprd", "attr", "xcomp", "aux", "auxpass", "advmod", "nsubjpass"})
_PARTICIPLES = frozenset("saying adding writing telling arguing noting insisting stating calling declaring".split())
_FRAME_PREPS = frozenset("at on against of for over to with about from by as".split())
_SPACE = re.compile(r"\s+")


_WORD = re.compile(r"[a-z][a-z'\-]{3,}")


def words_of(text: str) -> list[str]:
    """A normalised text's words of four letters or more, a possessive's without its ending
    ('ortega's' is 'ortega', as a statement that says 'Ortega' is about him)."""
    words = (w[:-2] if w.endswith("'s") else w.rstrip("'") for w in _WORD.findall(text))
    return [w for w in words if len(w) >= 4]


@lru_cache(maxsize=8192)  # link finding normalises each statement's words once per pair
def normalise(text: str) -> str:
    """Lowercase, curly apostrophes made straight, quote marks dropped, spaces collapsed."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _QUOTE_MARKS.sub(" ", " " + text.lower() + " ")
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class Frame:
    """The words that report a statement, with the tokens they came from."""

    cue: str          # the cue span, normalised ("" when the statement has no cue)
    clause: str       # the reporting clause, normalised, content and source removed
    content: str      # the quoted or reported content, normalised
    tokens: tuple     # spaCy tokens of the reporting clause, in order
    starts: tuple     # where each token starts in ``clause``
    cue_ids: frozenset  # token indices (in the doc) of the cue span

    def token_at(self, offset: int):
        """The clause token at a character offset of ``clause``."""
        found = None
        for tok, start in zip(self.tokens, self.starts):
            if start > offset:
                break
            found = tok
        return found


_OPENING = re.compile("[\"\u201c\u2018'`\u00ab]")


def quoted_part(quote: Quote) -> list[tuple[int, int]]:
    """The character spans of a statement's own words: for a mixed statement, from its first quote
    mark on (``called the verdict a "dreadful miscarriage"``: the verdict is what it is about)."""
    spans = [(s.start, s.end) for s in quote.content]
    if quote.kind == "mixed" and (m := _OPENING.search(quote.content[0].text)) and m.start() > 0:
        spans[0] = (spans[0][0] + m.start(), spans[0][1])
    return spans


def reported(quote: Quote) -> bool:
    """Whether the statement is the reporter's sentence (``she would meet them "as soon as they
    will have me"``), not words quoted from the start: indirect, or mixed as a clause."""
    return quote.kind == "indirect" or quote.kind == "mixed" and quoted_part(quote)[0][0] > quote.content[0].start


def in_quote_marks(doc, quote: Quote) -> bool:
    """Whether the words are the speaker's own, in quote marks (a mark may stand just outside a span)."""
    return quote.kind != "indirect" or any(
        set(doc_text(doc)[max(0, span.start - 1) : span.start + 1]) & set("\"\u201c\u2018'") for span in quote.content)


def quoted_text(quote: Quote) -> str:
    """The text of ``quoted_part``: what the speaker is quoted as saying."""
    return said_words(quote.text, quote.kind)


def said_words(content: str, kind: str) -> str:
    """A statement's text from its first quote mark on when it is mixed (its own words)."""
    m = _OPENING.search(content) if kind == "mixed" else None
    return content[m.start():] if m else content


def _covered(quote: Quote) -> list[tuple[int, int]]:
    spans = quoted_part(quote)
    if quote.source:
        spans.append((quote.source.start, quote.source.end))
    return spans


def _inside(tok, spans: list[tuple[int, int]]) -> bool:
    return any(s <= tok.idx < e for s, e in spans)


def cue_root(doc, quote: Quote):
    """The syntactic head of the cue span (None without a cue)."""
    if quote.cue is None:
        return None
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _path(tok, top):
    """Tokens from ``tok`` up to (not including) ``top``."""
    while tok.i != top.i:
        yield tok
        tok = tok.head


def _join(tokens) -> tuple[str, tuple, tuple]:
    """Normalised text of tokens, keeping the original spacing (``didn't`` stays whole)."""
    parts: list[str] = []
    kept, starts = [], []
    pos, last = 0, None
    for tok in tokens:
        word = normalise(tok.text)
        if not word:
            continue
        if parts and (last is None or tok.i != last.i + 1 or last.whitespace_):
            parts.append(" ")
            pos += 1
        kept.append(tok)
        starts.append(pos)
        parts.append(word)
        pos += len(word)
        last = tok
    return "".join(parts), tuple(kept), tuple(starts)


def governed_participle(head) -> bool:
    """``defended Reid, saying ...``: the participle reports the act of its governing verb.

    Not with a subordinator: in ``While saying he respects her, he expressed doubts`` the two differ.
    """
    return (head.dep_ in ("advcl", "conj", "xcomp") and head.text.lower() in _PARTICIPLES
            and not any(c.dep_ == "mark" for c in head.children))


def _governed_infinitive(head) -> bool:
    """'declined to say', 'refused to comment', 'promised to release': the cue is the infinitive
    of a verb that says what became of the speaking."""
    return head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


_NOBODY = frozenset({"neither", "no", "nobody", "none"})


def build_frame(doc, quote: Quote) -> Frame:
    root = cue_root(doc, quote)
    content = normalise(quote.text)
    if root is None:
        return Frame("", "", content, (), (), frozenset())
    cue_span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    head = root
    # A cue that is a noun or particle ("criticism for", "according to") reports through its verb.
    if head.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("VERB", "AUX") and head.dep_ != "ROOT":
        head = head.head
    covered = _covered(quote)
    cue_ids = frozenset(t.i for t in cue_span)
    keep = set(cue_ids) | {head.i}
    verbs = [head] + [c for c in head.children if c.dep_ in ("xcomp", "conj") and c.i in cue_ids]
    if governed_participle(head) or _governed_infinitive(head):
        # "defended Reid, saying ...", "declined to say whether ...": the act is the governing verb
        verbs.append(head.head)
        keep.add(head.head.i)
    for verb in verbs:
        keep.add(verb.i)
        for child in verb.children:
            if child.dep_ in _FRAME_DEPS or (child.dep_ == "prep" and child.text.lower() in _FRAME_PREPS):
                keep.update(t.i for t in child.subtree if not any(a.dep_ in _SIDE_DEPS for a in _path(t, child)))
    # "Neither campaign responded", "Nobody replied": the subject's negation is the act's
    nobody = {t.i for c in head.children if c.dep_ == "nsubj" for t in (c, *c.children) if t.text.lower() in _NOBODY}
    tokens = [doc[i] for i in sorted(keep | nobody) if i in cue_ids | nobody or not _inside(doc[i], covered)]
    clause, kept, starts = _join(tokens)
    return Frame(normalise(quote.cue.text), clause, content, kept, starts, cue_ids)
