from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Attribution:
    """A statement before its speaker is resolved (character offsets)."""

    content: list[tuple[int, int]]
    kind: str
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    confidence: float = 1.0
    inherits: int | None = None  # index of an earlier attribution whose speaker this one shares


def find_quotes(doc) -> list[Attribution]:
    return []
