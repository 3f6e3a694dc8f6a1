"""Where a cue's content begins and ends: a pointer over the encoder's last layer.

The tagger labels every token on its own, so a long reported clause comes out in fragments
or stops short, and which cue a span belongs to is guessed afterwards. The pointer is asked
per cue: from the mean of the cue's wordpieces it scores every token of the window as the
first and as the last of that cue's content (a low-rank bilinear score, a score of the token
alone, and a bias for its signed distance from the cue), trained beside the tags
(``encoder_train.fit``, ``EncoderSettings.pointer``). Extraction lets it redraw the content
of the tagger's attributions where it is sure (``MIN_PROBABILITY``); the rules' it leaves as
they are, being better than it there. PolNeAR dev: docs/evaluation.md.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RANK, BUCKETS = 128, 16
OUTPUTS = ("content start", "content end", "source start", "source end")  # source: trained, not used
MAX_PIECES = 250  # wordpieces a content may span
MIN_PROBABILITY = 0.3  # of the pointer's best (first, last) pair, to redraw a content (chosen on dev)
MIN_SHARE = 0.4  # of the tagger's span that a shorter content drawn inside it keeps (chosen on dev)
KEYS = ("pointer.tok.weight", "pointer.tok.bias", "pointer.cue.weight", "pointer.cue.bias",
        "pointer.unary.weight", "pointer.unary.bias", "pointer.distance")


def initial(width: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Fresh pointer weights for an encoder ``width`` wide."""
    def normal(*shape):
        return rng.normal(0, 0.02, shape).astype("float32")

    n = len(OUTPUTS)
    return {"pointer.tok.weight": normal(n * RANK, width), "pointer.tok.bias": np.zeros(n * RANK, "float32"),
            "pointer.cue.weight": normal(n * RANK, width), "pointer.cue.bias": np.zeros(n * RANK, "float32"),
            "pointer.unary.weight": normal(n, width), "pointer.unary.bias": np.zeros(n, "float32"),
            "pointer.distance": np.zeros((n, 2 * BUCKETS + 1), "float32")}


def distance_buckets(d: np.ndarray) -> np.ndarray:
    """Signed distances in wordpieces as buckets 0..2*BUCKETS: the cue's first wordpiece in the
    middle, then two buckets per doubling of the distance on either side."""
    a = np.maximum(np.abs(d), 1).astype("float32")
    b = np.where(d == 0, 0, np.minimum(np.floor(np.log2(a) * 2) + 1, BUCKETS)).astype("int64")
    return np.where(d < 0, BUCKETS - b, BUCKETS + b)


@dataclass(frozen=True)
class Window:
    hidden: np.ndarray  # (length, width): the encoder's last layer over one window
    positions: np.ndarray  # (length,): the token whose first wordpiece each position is, -1 elsewhere


class Pointer:
    """A trained pointer (its ``pointer.*`` weights) over one document's windows."""

    def __init__(self, weights: dict[str, np.ndarray], windows: list[Window]):
        self.w, self.windows = weights, windows
        self._tokens: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # window -> its tokens' projection, made when first asked
        self._where: dict[int, tuple[int, int]] = {}  # token -> (window, position), its first window
        for k, window in enumerate(windows):
            for p in np.nonzero(window.positions >= 0)[0]:
                self._where.setdefault(int(window.positions[p]), (k, int(p)))

    def redraw(self, toks, a) -> tuple[int, int] | None:
        """The content (characters) to give the tagger's statement ``a`` in place of its pieces:
        the pointer's, where it is sure and keeps to them (it takes them in, or keeps at least
        MIN_SHARE of their span); else None. On dev, a pointer that moved a content elsewhere
        or cut it shorter lost more statements than it made exact."""
        cover = (a.content[0][0], a.content[-1][1])
        span = self.content(*toks.span_tokens(*a.cue))
        if span is None or span[2] < MIN_PROBABILITY:
            return None
        drawn = toks.chars(span[0], span[1])
        if drawn[0] <= cover[0] and cover[1] <= drawn[1]:
            return drawn
        inside = cover[0] <= drawn[0] and drawn[1] <= cover[1]
        return drawn if inside and drawn[1] - drawn[0] >= MIN_SHARE * (cover[1] - cover[0]) else None

    def content(self, first: int, last: int) -> tuple[int, int, float] | None:
        """The content of the cue of tokens ``first``..``last``: its first and last token and the
        pair's probability; None where the cue is not in one window."""
        if first not in self._where or last not in self._where or self._where[first][0] != self._where[last][0]:
            return None
        k, cs = self._where[first]
        ce = self._where[last][1]
        window = self.windows[k]
        logp = self._log_probs(window, cs, ce)
        n = len(logp[0])
        at = np.arange(n)
        valid = window.positions[:n] >= 0
        pairs = logp[0][:, None] + logp[1][None, :]
        ok = (at[None, :] >= at[:, None]) & (at[None, :] <= at[:, None] + MAX_PIECES) & valid[:, None] & valid[None, :]
        ok &= ~((at[:, None] <= ce) & (at[None, :] >= cs))  # not over the cue
        if not ok.any():
            return None
        i, j = np.unravel_index(np.argmax(np.where(ok, pairs, -np.inf)), pairs.shape)
        return int(window.positions[i]), int(window.positions[j]), float(np.exp(pairs[i, j]))

    def _log_probs(self, window: Window, cs: int, ce: int) -> np.ndarray:
        """(2, length): log-probabilities of each position as the content's first and last."""
        w, h = self.w, window.hidden
        length = len(h)
        tok, unary = self._projected(window)
        cue = h[cs : ce + 1].mean(0)
        cq = (cue @ w["pointer.cue.weight"][: 2 * RANK].T + w["pointer.cue.bias"][: 2 * RANK]).reshape(2, RANK)
        s = np.einsum("lkr,kr->kl", tok, cq) / np.sqrt(RANK) + unary
        s += w["pointer.distance"][:2, distance_buckets(np.arange(length) - cs)]
        s[:, window.positions[:length] < 0] = -1e4
        top = s.max(1, keepdims=True)
        return s - top - np.log(np.exp(s - top).sum(1, keepdims=True))

    def _projected(self, window: Window) -> tuple[np.ndarray, np.ndarray]:
        """The window's tokens projected for the content's first and last (the same for every cue)."""
        key = id(window)
        if key not in self._tokens:
            w, h = self.w, window.hidden
            tok = (h @ w["pointer.tok.weight"][: 2 * RANK].T + w["pointer.tok.bias"][: 2 * RANK]).reshape(len(h), 2, RANK)
            self._tokens[key] = (tok, (h @ w["pointer.unary.weight"][:2].T + w["pointer.unary.bias"][:2]).T)
        return self._tokens[key]
