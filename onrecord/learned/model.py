"""The attribution tagger: a hash-embedding CNN over token features, one softmax per token.

Each token gets one composite label, its BIO tag in each of three layers (Source,
Cue, Content: ``"OBI"`` is outside any source, beginning a cue, inside a content),
so nested roles of different kinds (a source inside another statement's content)
coexist. Built from thinc layers spaCy itself uses; no torch at run time.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelNotFoundError
from .calibration import Calibration
from .decode import DecodeWeights
from .features import COLUMNS, ROWS, doc_features

ROLES = ("source", "cue", "content")
BIO = "BIO"
_CONFIG, _WEIGHTS = "config.json", "weights.bin"


@dataclass(frozen=True)
class TaggerSettings:
    width: int = 128
    depth: int = 6  # CNN layers: each widens what a token sees by `window` on either side
    window: int = 1
    rows: int = 20_000  # hash-embedding rows of the widest feature column (features.ROWS: the others have fewer)
    dropout: float = 0.25  # on the embeddings and before the softmax: the CNN overfits PolNeAR train by epoch 4 without it
    learn_rate: float = 0.001
    batch_docs: int = 8
    epochs: int = 8
    seed: int = 0
    columns: tuple[str, ...] = COLUMNS  # feature columns (onrecord.learned.features)


def build_model(settings: TaggerSettings, n_labels: int):
    from thinc.api import Dropout, HashEmbed, Maxout, Softmax_v2, chain, concatenate, with_array
    from spacy.ml.models import MaxoutWindowEncoder

    w = settings.width
    n = len(settings.columns)
    embed = concatenate(*(
        HashEmbed(w, min(settings.rows, ROWS[name]), column=i, seed=i + 7) for i, name in enumerate(settings.columns)
    ))
    return chain(
        with_array(chain(embed, Maxout(w, w * n, nP=3, normalize=True, dropout=settings.dropout))),
        MaxoutWindowEncoder(w, settings.window, 3, settings.depth),
        with_array(chain(Dropout(settings.dropout), Softmax_v2(n_labels, w))),
    )


def label_projection(labels: list[str]) -> np.ndarray:
    """labels x roles x BIO: summing a token's label probabilities through it gives its marginals."""
    project = np.zeros((len(labels), len(ROLES), 3), dtype="float32")
    for k, label in enumerate(labels):
        for r, tag in enumerate(label):
            project[k, r, BIO.index(tag)] = 1.0
    return project


def _fold_embeddings(model):
    """Each hash-embedding table times its slice of the first maxout's weights; its bias, pieces, norm."""
    nodes = list(model.layers[0].walk())
    embeds = [n for n in nodes if n.name == "hashembed"]
    maxout = next(n for n in nodes if n.name == "maxout")
    norm = next(n for n in nodes if n.name == "layernorm")
    n_out, pieces, n_in = (maxout.get_dim(d) for d in ("nO", "nP", "nI"))
    weights = maxout.get_param("W").reshape(n_out * pieces, n_in)
    width = n_in // len(embeds)
    tables = [
        (np.ascontiguousarray(e.get_param("E") @ weights[:, c * width : (c + 1) * width].T, dtype="float32"),
         e.attrs["seed"])
        for c, e in enumerate(embeds)
    ]
    return tables, maxout.get_param("b").reshape(n_out * pieces).astype("float32"), pieces, norm


class AttributionTagger:
    """A trained tagger: ``marginals`` gives, per token, P(B), P(I), P(O) in each role layer."""

    def __init__(self, settings: TaggerSettings, labels: list[str], model=None, card: dict | None = None):
        self.settings = settings
        self.labels = labels
        self.model = model if model is not None else build_model(settings, len(labels))
        self.card = card or {}
        self.decode = DecodeWeights()  # chosen on dev by train(); stored in config.json
        self.calibration = Calibration()  # fitted on dev by train(), after the decode weights
        self._tables = None  # the folded first layer (_predict), built on first use
        self._project = label_projection(labels)

    def weights_changed(self) -> None:
        """Forget the folded first layer: training or loading changed the weights it was made from."""
        self._tables = None

    def marginals(self, features: list[np.ndarray]) -> list[np.ndarray]:
        """One (n_tokens, 3 roles, 3 tags B/I/O) array per document."""
        present = [f for f in features if len(f)]
        probs = self._predict(present) if present else []
        out, it = [], iter(probs)
        for f in features:
            p = next(it) if len(f) else np.zeros((0, len(self.labels)), dtype="float32")
            out.append(np.einsum("nk,krt->nrt", np.asarray(p), self._project))
        return out

    def doc_marginals(self, doc, text: str | None = None) -> np.ndarray:
        """``marginals`` of one parsed document (of ``text``)."""
        return self.marginals([doc_features(doc, text, self.settings.columns)])[0]

    def _predict(self, features: list[np.ndarray]) -> list[np.ndarray]:
        """``model.predict``, with the first layer done as table lookups (same result, ~40% less time).

        The embeddings feed a linear map before the maxout, so each column's table can be
        multiplied into its slice of that map once: a token then costs 13 x 4 row lookups
        instead of a 1664 x 384 matrix product."""
        if self._tables is None:
            self._tables = _fold_embeddings(self.model)
        tables, bias, pieces, norm = self._tables
        hidden = []
        for f in features:
            y = np.repeat(bias[None, :], len(f), axis=0)
            for c, (table, seed) in enumerate(tables):
                keys = self.model.ops.hash(np.ascontiguousarray(f[:, c]), seed) % table.shape[0]
                y += table[keys].sum(axis=1)
            hidden.append(norm.predict(y.reshape(len(f), -1, pieces).max(axis=2)))
        return self.model.layers[2].predict(self.model.layers[1].predict(hidden))

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        config = {"settings": asdict(self.settings), "labels": self.labels, "decode": asdict(self.decode),
                  "calibration": self.calibration.to_dict(), "card": self.card}
        (folder / _CONFIG).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
        (folder / _WEIGHTS).write_bytes(_half(self.model).to_bytes())
        _half(self.model, "float32")  # in memory as stored: float16 values in float32
        self.weights_changed()

    @classmethod
    def load(cls, folder: str | Path) -> "AttributionTagger":
        folder = Path(folder)
        try:
            config = json.loads((folder / _CONFIG).read_text(encoding="utf-8"))
            weights = (folder / _WEIGHTS).read_bytes()
        except (OSError, ValueError) as e:
            raise ModelNotFoundError(
                f"No attribution model in {folder} ({e}). Train one with "
                f"`onrecord train --data ../shared/data/polnear --out {folder}`, or extract with --method rules."
            ) from None
        settings = dict(config["settings"])
        settings["columns"] = tuple(settings.get("columns") or config.get("columns") or ())
        unknown = set(settings["columns"]) - set(COLUMNS)
        if unknown or not settings["columns"]:
            raise ModelNotFoundError(
                f"The attribution model in {folder} reads features this version does not have "
                f"({', '.join(sorted(unknown)) or 'none listed'}); retrain it with `onrecord train`."
            )
        tagger = cls(TaggerSettings(**settings), config["labels"], card=config.get("card"))
        tagger.decode = DecodeWeights.stored(config, folder)
        tagger.calibration = Calibration.stored(config, folder)
        tagger.model.initialize(X=[np.zeros((1, len(settings["columns"])), dtype="uint64")])
        _half(tagger.model.from_bytes(weights), "float32")
        return tagger


def _half(model, dtype: str = "float16"):
    """Every parameter cast to ``dtype``: stored as float16 (half the size, the same scores), run as float32."""
    for node in model.walk():
        for name in node.param_names:
            if node.has_param(name):
                node.set_param(name, node.get_param(name).astype(dtype))
    return model
