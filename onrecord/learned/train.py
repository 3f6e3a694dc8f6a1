"""Training the attribution tagger on PolNeAR train, choosing the epoch on dev."""
from __future__ import annotations

import itertools
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..polnear import EvalAttribution, load_gold
from .calibration import Calibration, features, fit, summary
from .card import confidence_curve, mean_exact, render
from .data import Example, examples, parse_gold
from .decode import DecodeWeights
from .model import AttributionTagger, TaggerSettings

# The outside weights tried on dev (DecodeWeights): 16 + 3 decodings of the same marginals, ~1 min
CUE_OUTSIDE = (0.6, 0.7, 0.8, 0.9)
CONTENT_OUTSIDE = (1.0, 1.25, 1.5, 2.0)
SOURCE_OUTSIDE = (1.0, 1.25, 1.5, 2.0)


@dataclass(frozen=True)
class EpochLog:
    epoch: int
    loss: float
    seconds: float
    dev: dict[str, float]  # exact F1 of source, cue, content over all attributions (percent)


def train(
    data: str | Path,
    out: str | Path,
    settings: TaggerSettings = TaggerSettings(),
    *,
    limit: int | None = None,
    cache: str | Path | None = None,
    on_epoch: Callable[[EpochLog], None] | None = None,
    checkpoints: str | Path | None = None,
) -> tuple[AttributionTagger, list[EpochLog]]:
    """Train on ``DATA/train``, keep the epoch with the best dev score, save it to ``out``
    (and, with ``checkpoints``, every epoch's model to ``checkpoints/epoch-N``)."""
    from thinc.api import Adam, fix_random_seed

    started, data = time.perf_counter(), Path(data)
    train_ex = _load(data / "train", limit, cache and Path(cache) / "train.spacy", settings.columns)
    dev_ex = _load(data / "dev", limit, cache and Path(cache) / "dev.spacy", settings.columns)
    fix_random_seed(settings.seed)
    labels = sorted({t for ex in train_ex for t in ex.tags})
    tagger = AttributionTagger(settings, labels)
    index = {t: k for k, t in enumerate(labels)}
    targets = [np.array([index[t] for t in ex.tags], dtype="int64") for ex in train_ex]
    tagger.model.initialize(X=[ex.features for ex in train_ex[:4]])
    optimizer = Adam(settings.learn_rate)
    rng = random.Random(settings.seed)
    log: list[EpochLog] = []
    best, best_bytes = -1.0, tagger.model.to_bytes()
    for epoch in range(1, settings.epochs + 1):
        began = time.perf_counter()
        loss = _epoch(tagger, train_ex, targets, optimizer, rng)
        dev = score_dev(tagger, dev_ex)
        log.append(EpochLog(epoch, loss, round(time.perf_counter() - began, 1), dev))
        if on_epoch:
            on_epoch(log[-1])
        if checkpoints:
            tagger.save(Path(checkpoints) / f"epoch-{epoch}")
        if (mean := mean_exact(dev)) > best:
            best, best_bytes = mean, tagger.model.to_bytes()
    tagger.model.from_bytes(best_bytes)
    tagger.weights_changed()
    tagger.card = {
        "method": "cnn", "data": str(data), "train_docs": len(train_ex), "dev_docs": len(dev_ex), "settings": asdict(settings),
        "epochs": [asdict(e) for e in log], "best_epoch": max(log, key=lambda e: mean_exact(e.dev)).epoch,
        "seconds": round(time.perf_counter() - started), "machine": _machine(), **settle_on_dev(tagger, dev_ex),
    }
    tagger.save(out)
    (Path(out) / "README.md").write_text(render(tagger.card), encoding="utf-8")
    return tagger, log


def _load(folder: Path, limit: int | None, cache: Path | None, columns: tuple[str, ...]) -> list[Example]:
    gold = load_gold(folder)[:limit]
    return examples(gold, parse_gold(gold, None if limit else cache), columns)


def _epoch(tagger: AttributionTagger, train_ex: Sequence[Example], targets, optimizer, rng) -> float:
    model, size = tagger.model, tagger.settings.batch_docs
    order = [k for k in range(len(train_ex)) if len(train_ex[k].features)]
    rng.shuffle(order)
    total, tokens = 0.0, 0
    for b in range(0, len(order), size):
        batch = order[b : b + size]
        probs, backprop = model.begin_update([train_ex[k].features for k in batch])
        n = sum(len(p) for p in probs)
        grads = []
        for p, k in zip(probs, batch):
            gold = targets[k]
            total -= float(np.log(np.maximum(p[np.arange(len(gold)), gold], 1e-9)).sum())
            d = p.copy()
            d[np.arange(len(gold)), gold] -= 1.0
            grads.append(d / n)
        tokens += n
        backprop(grads)
        model.finish_update(optimizer)
    tagger.weights_changed()
    return total / max(tokens, 1)


def score_dev(tagger: AttributionTagger, dev_ex: Sequence[Example]) -> dict[str, float]:
    """Exact-match F1 (percent) of each role over all dev attributions, rules and tagger combined."""
    from ..evaluation import evaluate

    preds = {d: tuple(a for a, _ in pairs) for d, pairs in _dev_predictions(tagger, dev_ex).items()}
    scores = evaluate([ex.gold for ex in dev_ex], preds).all
    return {r: round(100 * scores.role(r).exact.f1, 1) for r in ("source", "cue", "content")}


def _dev_predictions(tagger: AttributionTagger, dev_ex: Sequence[Example]) -> dict[str, list]:
    """(EvalAttribution, confidence) pairs per dev document, as extraction would find them."""
    from ..quotes import Tokens
    from .pipeline import attributions_of

    out = {}
    for ex in dev_ex:
        found = attributions_of(Tokens.from_doc(ex.doc, text=ex.gold.text), ex.doc, tagger)
        out[ex.gold.doc_id] = [(e, a.confidence) for a in found if (e := _as_eval(a, ex.gold.text))]
    return out


def choose_decoding(tagger, dev_ex: Sequence[Example]) -> dict:
    """Decode dev with every pair of cue and content outside weights (CUE_OUTSIDE x
    CONTENT_OUTSIDE), then with the best pair and each SOURCE_OUTSIDE, and set
    ``tagger.decode`` to the best by mean exact F1, the score that picks the epoch.

    Hyper-parameters of the decoder, chosen on dev like the epoch: the tagger's marginals do
    not change with them, so they are computed once. Returns the card's record: the weights
    kept, and each setting's dev scores."""
    remembered = _Remembered(tagger)

    def scored(weights: DecodeWeights) -> dict:
        remembered.decode = weights
        return {**asdict(weights), "dev": score_dev(remembered, dev_ex)}

    tried = [scored(DecodeWeights(cue, content)) for cue, content in itertools.product(CUE_OUTSIDE, CONTENT_OUTSIDE)]
    pair = max(tried, key=lambda r: mean_exact(r["dev"]))  # the first of equals: the lower weights
    sources = [pair] + [scored(DecodeWeights(pair["cue_outside"], pair["content_outside"], w)) for w in SOURCE_OUTSIDE[1:]]
    best = max(sources, key=lambda r: mean_exact(r["dev"]))
    tagger.decode = DecodeWeights(best["cue_outside"], best["content_outside"], best["source_outside"])
    return {"kept": best, "tried": tried, "sources": sources}


class _Remembered:
    """A tagger's marginals, computed once per dev document, under decode weights being tried."""

    def __init__(self, tagger):
        self.tagger, self.decode, self._seen = tagger, tagger.decode, {}

    def doc_marginals(self, doc, text: str | None = None):
        return self.read(doc, text)[0]

    def read(self, doc, text: str | None = None):
        """The marginals and, for an encoder with one, the pointer (``EncoderTagger.read``)."""
        if id(doc) not in self._seen:
            read = getattr(self.tagger, "read", None)
            self._seen[id(doc)] = read(doc, text) if read else (self.tagger.doc_marginals(doc, text), None)
        return self._seen[id(doc)]


def settle_on_dev(tagger, dev_ex: Sequence[Example]) -> dict:
    """Choose the decode weights, then fit the confidence calibration, on dev (setting both on
    ``tagger``); the card's records of each, and the ``--min-confidence`` curve they give."""
    decoding = choose_decoding(tagger, dev_ex)
    calibration = choose_calibration(tagger, dev_ex)
    return {"decoding": decoding, "calibration": calibration,
            "curve": confidence_curve([ex.gold for ex in dev_ex], _dev_predictions(tagger, dev_ex))}


def choose_calibration(tagger, dev_ex: Sequence[Example]) -> dict:
    """Fit ``tagger.calibration`` on dev: which attributions (rules' and tagger's, as extraction
    finds them) match a gold one at 0.3 coverage, from their features (onrecord.learned.calibration).
    Returns the card's record: the weights and how well raw and calibrated confidences score,
    the calibrated cross-validated over two halves of the dev documents."""
    from ..evaluation.matching import match_quotes
    from ..quotes import Tokens
    from .pipeline import attributions_of

    tagger.calibration = Calibration()  # the raw confidences
    rows, right, raw, folds = [], [], [], []
    for k, ex in enumerate(dev_ex):
        toks = Tokens.from_doc(ex.doc, text=ex.gold.text)
        pairs = [(a, e) for a in attributions_of(toks, ex.doc, tagger) if (e := _as_eval(a, ex.gold.text))]
        hits = {j for _, j in match_quotes(ex.gold.attributions, [e for _, e in pairs], 0.3)}
        for j, (a, _) in enumerate(pairs):
            rows.append(features(toks, a))
            right.append(float(j in hits))
            raw.append(a.confidence)
            folds.append(k % 2)
    if not rows:  # nothing found on dev: nothing to calibrate with
        return {}
    x, y = np.array(rows), np.array(right)
    tagger.calibration = fit(x, y)
    return {"weights": tagger.calibration.to_dict(), **summary(x, y, np.array(raw), np.array(folds))}


def redecode(data: str | Path, folder: str | Path, *, limit: int | None = None, cache: str | Path | None = None):
    """Choose a trained model's decode weights on ``DATA/dev`` again, fit its confidence
    calibration, and rewrite its config.json and card (curve included), its weights untouched:
    for models trained before the weights were chosen, or after the rules around them changed."""
    from . import load_model

    folder, tagger = Path(folder), load_model(folder)
    columns = getattr(tagger.settings, "columns", ("norm",))  # the encoder reads words
    dev_ex = _load(Path(data) / "dev", limit, cache and Path(cache) / "dev.spacy", columns)
    tagger.card = card = {**tagger.card, **settle_on_dev(tagger, dev_ex)}
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config.update(decode=asdict(tagger.decode), calibration=tagger.calibration.to_dict(), card=card)
    (folder / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(render(card), encoding="utf-8")
    return tagger


def _as_eval(a, text: str) -> EvalAttribution | None:
    from ..polnear import trimmed

    def spans(pairs):
        return tuple(s for p in pairs if p and (s := trimmed(text, *p)))

    content = spans(a.content)
    if not content:
        return None
    return EvalAttribution(content=content, cue=spans([a.cue]), source=spans([a.source]), direct=a.kind == "direct")


def _machine() -> str:
    import os
    import platform

    return f"{os.cpu_count()} CPU cores ({platform.machine()}, {platform.system()}), one process"
