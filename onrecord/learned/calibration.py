"""Calibrated confidence: the chance that an attribution is one an annotator marked.

The raw confidences are a tagger's mean tag probability or a fixed value per rule, and
they do not say the same thing: on PolNeAR dev, reported speech the parse finds at a fixed
0.75 is right 93% of the time, tagger attributions at 0.75 about 80%. A logistic
regression over a few facts of each attribution (its raw confidence, who found it, its
kind, whether it has a source and what kind, its length) maps them onto one scale, fitted
on dev by ``onrecord train`` and kept in the model's config.json, so that
``--min-confidence 0.9`` keeps attributions that are right about 9 times in 10.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import ModelNotFoundError
from ..quotes.attribution import Attribution
from ..quotes.tokens import Tokens

FEATURES = ("bias", "raw_logit", "tagger", "direct", "mixed", "source", "pronoun_source", "log_words", "say_cue",
            "no_cue", "pieces")
L2 = 1.0  # on the weights, not the bias: ~2,000 dev attributions, 11 features
_SAY = frozenset("say says said saying tell tells told telling according add adds added adding write writes wrote".split())
_PRONOUNS = frozenset("he she they it i we you who which that his her their its".split())


def features(toks: Tokens, a: Attribution) -> list[float]:
    """What the calibration reads of one attribution (``FEATURES``, in order)."""
    raw = min(max(a.confidence, 0.01), 0.99)
    words = sum(len(toks.text[s:e].split()) for s, e in a.content)
    cue = toks.text[a.cue[0]:a.cue[1]].lower().split() if a.cue else []
    source = toks.text[a.source[0]:a.source[1]].lower().split() if a.source else []
    return [1.0, math.log(raw / (1 - raw)), float(a.learned), float(a.kind == "direct"), float(a.kind == "mixed"),
            float(bool(source)), float(len(source) == 1 and source[0] in _PRONOUNS), math.log1p(words),
            float(bool(set(cue) & _SAY)), float(not cue), float(len(a.content) > 1)]


@dataclass(frozen=True)
class Calibration:
    """Logistic-regression weights over ``FEATURES``; ``None`` weights leave confidences as they are."""

    weights: tuple[float, ...] | None = None

    def apply(self, toks: Tokens, found: Sequence[Attribution]) -> None:
        """Set each attribution's confidence to its calibrated probability (in place)."""
        if self.weights is None:
            return
        for a in found:
            a.confidence = round(float(_sigmoid(np.dot(self.weights, features(toks, a)))), 3)

    def to_dict(self) -> dict | None:
        return None if self.weights is None else dict(zip(FEATURES, self.weights))

    @classmethod
    def stored(cls, config: dict, folder) -> "Calibration":
        """The calibration a model's config.json keeps (none, where it keeps none)."""
        given = config.get("calibration")
        if given is None:
            return cls()
        try:
            weights = tuple(float(given[f]) for f in FEATURES)
        except (KeyError, TypeError, ValueError):
            raise ModelNotFoundError(
                f'{folder}/config.json: "calibration" must give a weight for each of {", ".join(FEATURES)}; '
                f"fit it again with `onrecord train --decode-only --out {folder}`.") from None
        return cls(weights)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> Calibration:
    """Logistic regression by Newton's method (a few thousand rows: exact and quick). The bias has
    a tiny penalty too, so that a few rows all right or all wrong (a test's subset) still fit."""
    w = np.zeros(x.shape[1])
    penalty = np.diag([1e-6] + [l2 + 1e-6] * (x.shape[1] - 1))
    for _ in range(100):
        p = _sigmoid(x @ w)
        step = np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x + penalty, x.T @ (p - y) + penalty @ w)
        w = w - step
        if np.abs(step).max() < 1e-8:
            break
    return Calibration(tuple(round(float(v), 4) for v in w))


def summary(x: np.ndarray, y: np.ndarray, raw: np.ndarray, folds: np.ndarray) -> dict:
    """How well the raw and the calibrated confidences say how often attributions are right:
    expected calibration error (ten bins), log loss and AUC, the calibrated ones cross-validated
    over ``folds`` (documents), so that the figures are not those of the data fitted."""
    held = np.full(len(y), 0.5)
    for f in np.unique(folds):
        test = folds == f
        if (~test).any():  # (a single document: nothing to fit the other half on)
            held[test] = _sigmoid(x[test] @ np.array(fit(x[~test], y[~test]).weights))
    return {"attributions": int(len(y)), "right": int(y.sum()), "raw": _quality(raw, y),
            "calibrated_cross_validated": _quality(held, y), "folds": int(len(np.unique(folds)))}


def _quality(p: np.ndarray, y: np.ndarray) -> dict:
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(abs(p[bins == b].mean() - y[bins == b].mean()) * (bins == b).mean() for b in range(10) if (bins == b).any())
    q = np.clip(p, 1e-6, 1 - 1e-6)
    _, index, counts = np.unique(p, return_inverse=True, return_counts=True)
    ranks = (np.cumsum(counts) - (counts - 1) / 2)[index]  # tied values share their mean rank
    pos, neg = y.sum(), len(y) - y.sum()
    auc = (ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg) if pos and neg else 0.0
    return {"ece": round(float(ece), 3), "log_loss": round(float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))), 3),
            "auc": round(float(auc), 3)}


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))
