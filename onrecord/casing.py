"""Title-case headlines, parsed as if written in sentence case.

The English model reads capitals as names: in ``Senator Warns Of Budget Cuts As Talks Stall`` it
tags ``Warns Of Budget Cuts As Talks Stall`` a person and finds no verb. US outlets write headlines
so, and a headline is often the story's first attribution. Before the tagger runs, the headline's
words that are not names are lowercased; after the parse, the original words are put back under the
same annotations. Lowercasing keeps every word's length, so offsets into the article do not move.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .name_words import POSSESSIVE

if TYPE_CHECKING:
    from spacy.tokens import Doc

ORIGINAL_WORDS = "onrecord_original_words"

# A title-case headline: its verbs and nouns start with a capital, not only its names.
_MIN_WORDS = 3
_MAX_LINES = 3
_MIN_TITLE_SHARE = 0.85
# Words a title may leave in lower case ('Obama on Climate Change', 'Plan for Taxes Is Expansive but Complex').
_MINOR_WORDS = frozenset("and the for but nor yet off out via per with from into over onto upon amid than".split())
# Where a capital says nothing about a name: the start of a sentence, a quotation or a clause.
_OPENERS = frozenset(".!?:;\"“‘'([—–-")


def headline_lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the lines of the first paragraph (a headline, perhaps a standfirst), when
    a blank line or a line break shows where the article's body starts."""
    lines, start = [], 0
    for token in doc:
        breaks = token.text.count("\n") if token.is_space else token.whitespace_.count("\n")
        if not breaks:
            continue
        end = token.i if token.is_space else token.i + 1
        if end > start:
            lines.append((start, end))
        if breaks >= 2 or len(lines) == _MAX_LINES:
            return lines
        start = token.i + 1
    return []  # one line, no break: nothing tells a headline from the body


def _is_title_case(words: list[str]) -> bool:
    """Whether a line capitalises its words as a title does: every verb and noun, not only names
    ('The Harbour Users Association met.' lowercases 'met': a sentence, not a title)."""
    significant = [w for w in words if len(w) >= 3 and w.isalpha() and w.lower() not in _MINOR_WORDS]
    if len(significant) < _MIN_WORDS:
        return False
    lower = sum(not w[0].isupper() for w in significant)
    return lower <= 1 and 1 - lower / len(significant) >= _MIN_TITLE_SHARE


def names_in(body: str) -> set[str]:
    """Words the body capitalises where a capital is not owed to position: names."""
    names = set()
    for m in re.finditer(r"\b[A-Z][\w'’\-]*", body):
        i = m.start() - 1
        while i >= 0 and body[i] in " \t":
            i -= 1
        if i >= 0 and body[i] not in _OPENERS and body[i] != "\n":
            names.add(m.group(0))
    return names


def _lowered(word: str, first: bool, names: set[str]) -> str:
    if first or not word[:1].isupper() or word in names or word.isupper():
        return word  # a first word, a name the body capitalises, an acronym, "I"
    low = word.lower()
    return low if len(low) == len(word) else word


def sentence_case(doc: Doc) -> Doc:
    """Pipeline component: a Doc whose title-case headline words, other than names, are lowercased,
    and whose title-case lines are sentences of their own (a headline runs into its standfirst)."""
    words = [t.text for t in doc]
    titled = [(a, b) for a, b in headline_lines(doc) if _is_title_case(words[a:b])]
    if not titled:
        return doc
    names = names_in(doc.text[doc[titled[-1][1]].idx :] if titled[-1][1] < len(doc) else "")
    new = list(words)
    for start, end in titled:
        first = True
        for token in doc[start:end]:
            if token.is_alpha:
                new[token.i] = _lowered(token.text, first, names)
            first = token.text == ":"  # a capital after a colon may be a sentence's; one after a quote mark is the title's
    if new != words:
        from spacy.tokens import Doc as _Doc

        cased = _Doc(doc.vocab, words=new, spaces=[bool(t.whitespace_) for t in doc])
        cased.user_data[ORIGINAL_WORDS] = words
        cased._context = doc._context  # what nlp.pipe(..., as_tuples=True) hands back with the Doc
        doc = cased
    for start, end in titled:  # a headline line is one sentence, however short its clauses
        for token in doc[start + 1 : end]:
            token.is_sent_start = False
        for i in (start, end + 1):
            if 0 < i < len(doc) and not doc[i].is_space:
                doc[i].is_sent_start = True
    return doc


def restore_case(doc: Doc) -> Doc:
    """Pipeline component, last: the original words back under the parse made of the cased ones
    (and, in every document, no person's name over a possessive)."""
    words = doc.user_data.pop(ORIGINAL_WORDS, None)
    if words is None:
        return _possessives_split(doc)
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc as _Doc

    annotated = {TAG: "TAG", POS: "POS", MORPH: "MORPH", LEMMA: "LEMMA", HEAD: "DEP", DEP: "DEP", ENT_IOB: "ENT_IOB", ENT_TYPE: "ENT_IOB"}
    attrs = [attr for attr, name in annotated.items() if doc.has_annotation(name)]
    original = _Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc], user_data=doc.user_data)
    original.from_array(attrs, doc.to_array(attrs))
    if not doc.has_annotation("DEP") and doc.has_annotation("SENT_START"):
        for token in doc:
            original[token.i].is_sent_start = token.is_sent_start
    original.tensor = doc.tensor
    original._context = doc._context
    return _possessives_split(original)


def _possessive(token) -> bool:
    return token.tag_ == "POS" or token.lower_ in POSSESSIVE


def _possessives_split(doc: Doc) -> Doc:
    """No person's name runs over a possessive: the tagger's ``Trump’s Putin`` is two people."""
    if not any(e.label_ == "PERSON" and any(_possessive(t) for t in e[1:-1]) for e in doc.ents):
        return doc
    from spacy.tokens import Span

    ents = []
    for e in doc.ents:
        cut = next((t.i for t in e[1:-1] if _possessive(t)), None) if e.label_ == "PERSON" else None
        ents += [e] if cut is None else [Span(doc, e.start, cut, e.label_), Span(doc, cut + 1, e.end, e.label_)]
    doc.ents = ents
    return doc
