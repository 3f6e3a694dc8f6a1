"""The records evaluation returns: counts that add up over documents, and their rates."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any



@dataclass(frozen=True, slots=True)
class PRF:
    """Counts behind precision, recall and F1 (micro-averaged when summed)."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class RoleScore:
    role: str
    exact: PRF
    overlap: PRF

    def __add__(self, other: "RoleScore") -> "RoleScore":
        return RoleScore(self.role, self.exact + other.exact, self.overlap + other.overlap)

    def to_dict(self) -> dict[str, Any]:
        return {"exact": self.exact.to_dict(), "overlap": self.overlap.to_dict()}


@dataclass(frozen=True, slots=True)
class QuoteScore:
    """Quote matching at one coverage threshold, with speaker-mention accuracy over matched pairs."""

    threshold: float
    prf: PRF
    speaker_exact: int = 0  # matched pairs whose source spans are equal (or both absent)
    speaker_lenient: int = 0  # ... or overlap

    def __add__(self, other: "QuoteScore") -> "QuoteScore":
        return QuoteScore(
            self.threshold,
            self.prf + other.prf,
            self.speaker_exact + other.speaker_exact,
            self.speaker_lenient + other.speaker_lenient,
        )

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_exact / self.prf.matched if self.prf.matched else 0.0

    @property
    def speaker_accuracy_lenient(self) -> float:
        return self.speaker_lenient / self.prf.matched if self.prf.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            **self.prf.to_dict(),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_accuracy_lenient": round(self.speaker_accuracy_lenient, 4),
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """Role and quote scores for one set of attributions (all, or direct only)."""

    roles: tuple[RoleScore, ...]
    quotes: tuple[QuoteScore, ...]

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(
            tuple(a + b for a, b in zip(self.roles, other.roles)),
            tuple(a + b for a, b in zip(self.quotes, other.quotes)),
        )

    def quote(self, threshold: float) -> QuoteScore:
        return next(q for q in self.quotes if q.threshold == threshold)

    def role(self, name: str) -> RoleScore:
        return next(r for r in self.roles if r.role == name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "roles": {r.role: r.to_dict() for r in self.roles},
            "quotes": [q.to_dict() for q in self.quotes],
        }


@dataclass(frozen=True, slots=True)
class EvalReport:
    documents: int
    all: Scores
    direct: Scores
    missing_predictions: tuple[str, ...] = ()  # gold documents no prediction line was given for

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "all": self.all.to_dict(),
            "direct": self.direct.to_dict(),
            "missing_predictions": list(self.missing_predictions),
        }
