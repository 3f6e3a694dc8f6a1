"""What became of a statement: its type, its target, and its links to other statements.

``classify_statements(doc, quotes, entities)`` runs after speaker resolution: it
numbers the statements in text order (``q1``, ``q2``, ...), types each one (claim,
support, criticism, denial, apology, retraction, commitment, no_comment) with a
confidence and a target, and links them inside the article (reacts_to, retracts,
apologises_for, same_quote). See docs/statements.md.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from ..models import Entity, Quote
from ..nlp import doc_text
from .context import build_frame
from .links import Typed, find_links
from .names import Names
from .targets import find_target
from .names import same_party
from .types import Typing, classify, responding

TARGETED = frozenset({"support", "criticism", "denial", "apology", "retraction"})


def classify_statements(doc, quotes: list[Quote], entities: list[Entity]) -> list[Quote]:
    """Return the quotes in text order with ``id``, ``type``, ``type_confidence``, ``target`` and ``links``."""
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    names = Names(doc, list(entities))
    typed: list[Typed] = []
    earlier: list[Quote] = []  # the statements before, typed: 'the retraction' is whose?
    headline = _headline_end(doc_text(doc))
    sentences = [sent.start_char for sent in doc.sents]
    for n, quote in enumerate(ordered, start=1):
        quote = replace(quote, id=f"q{n}")
        frame = build_frame(doc, quote)
        typing = _going_on(responding(classify(doc, quote, frame), frame, quote, earlier), quote, earlier, doc_text(doc))
        target = find_target(doc, quote, frame, typing.type, names, earlier) if typing.type in TARGETED else None
        earlier.append(replace(quote, type=typing.type))
        typed.append(Typed(quote, typing.type, target, typing.evidence, typing.apologises, frame.clause, typing.confidence,
                           quote.start < headline, bisect_right(sentences, quote.start) - 1))
    links = find_links(typed)
    return [
        replace(t.quote, type=t.type, type_confidence=t.confidence, target=t.target, links=l)
        for t, l in zip(typed, links)
    ]


def _going_on(typing: Typing, quote: Quote, earlier: list[Quote], text: str) -> Typing:
    """A quote that goes on from its speaker's criticism or denial just before is more of it: 'Trump
    blasted Sanders. "He wants to give away our country," he said.' (labelled set: 5 such quotes
    criticise or deny, 1 only claims; after support, 2 of 4 only claim, so support is not carried)."""
    before = earlier[-1] if earlier else None
    if typing.type != "claim" or quote.kind != "direct" or before is None or before.type not in ("criticism", "denial"):
        return typing
    gap = text[before.end:quote.start]
    if not (quote.speaker and before.speaker and same_party(quote.speaker.name, before.speaker.name)) \
            or gap.count("\n\n") > 1 or len(gap) > 300:
        return typing
    return Typing(before.type, 0.5, f"goes on from {before.id}")


def _headline_end(text: str) -> int:
    """Where a headline ends: the first line, if short and followed by more; else 0 (none)."""
    end = text.find("\n")
    return end if 0 < end and len(text[:end].split()) <= _HEADLINE_WORDS and text[end:].strip() else 0


_HEADLINE_WORDS = 25


__all__ = ["classify_statements"]
