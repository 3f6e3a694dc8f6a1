"""The records onrecord produces: small frozen dataclasses with ``to_dict``.

Offsets are Python ``str`` indices into the article text, end-exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

QuoteKind = Literal["direct", "mixed", "indirect"]
SpeakerKind = Literal["person", "organization", "unknown"]
StatementType = Literal[
    "claim", "support", "criticism", "denial", "apology", "retraction", "commitment", "no_comment"
]
TargetKind = Literal["person", "organization", "statement", "other"]
LinkType = Literal["reacts_to", "retracts", "apologises_for", "same_quote"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    @classmethod
    def trimmed(cls, text: str, start: int, end: int) -> "Span | None":
        """The span without whitespace at its ends (any ``str.isspace``, U+0085 too); None if nothing is left."""
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls.of(text, start, end) if start < end else None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Speaker:
    """The speaker a statement is attributed to, resolved inside one article."""

    id: str
    name: str
    kind: SpeakerKind = "unknown"
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "role": self.role}


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation as the article knows it: every name and role seen."""

    id: str
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "affiliations": list(self.affiliations),
        }


@dataclass(frozen=True, slots=True)
class Target:
    """What a statement is directed at (statement types support, criticism, denial, ...)."""

    name: str
    kind: TargetKind

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Link:
    """A statement's relation to another statement (``to`` is a statement id)."""

    type: LinkType
    to: str
    confidence: float
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "to": self.to, "confidence": round(self.confidence, 3), "evidence": self.evidence}


@dataclass(frozen=True, slots=True)
class Quote:
    content: tuple[Span, ...]
    kind: QuoteKind
    cue: Span | None = None
    source: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 1.0
    id: str = ""
    # Filled by statement typing (onrecord.statements); None until it has run.
    type: StatementType | None = None
    type_confidence: float | None = None
    target: Target | None = None
    links: tuple[Link, ...] = ()

    @property
    def start(self) -> int:
        return min(s.start for s in self.content)

    @property
    def end(self) -> int:
        return max(s.end for s in self.content)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.content)

    def to_dict(self) -> dict[str, Any]:
        return {
            "content": [s.to_dict() for s in self.content],
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict() if self.source else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "kind": self.kind,
            "confidence": round(float(self.confidence), 3),
            "id": self.id,
            "type": self.type,
            "type_confidence": None if self.type_confidence is None else round(self.type_confidence, 3),
            "target": self.target.to_dict() if self.target else None,
            "links": [link.to_dict() for link in self.links],
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article."""

    doc_id: str
    text: str
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Entity, ...] = field(default_factory=tuple)

    def confident(self, min_confidence: float) -> "Extraction":
        """Only the quotes with confidence >= ``min_confidence``, and only links between those."""
        kept = [q for q in self.quotes if q.confidence >= min_confidence]
        ids = {q.id for q in kept}
        kept = [replace(q, links=tuple(k for k in q.links if k.to in ids)) for q in kept]
        return replace(self, quotes=tuple(kept))

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id}
        if include_text:
            out["text"] = self.text
        out["quotes"] = [q.to_dict() for q in self.quotes]
        out["speakers"] = [s.to_dict() for s in self.speakers]
        return out
