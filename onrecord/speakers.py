from __future__ import annotations

from .models import Quote, Span


def resolve_speakers(doc, attributions):
    text = doc.text
    quotes = [
        Quote(
            content=tuple(Span.of(text, s, e) for s, e in a.content),
            kind=a.kind,
            cue=Span.of(text, *a.cue) if a.cue else None,
            source=Span.of(text, *a.source) if a.source else None,
            confidence=a.confidence,
        )
        for a in attributions
    ]
    return quotes, []
