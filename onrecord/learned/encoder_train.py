"""Fine-tuning the encoders (``onrecord train``, ``--method encoder``); needs torch (the train extra).

The torch model below computes what ``encoder.forward`` computes, with dropout, so the
weights it learns run unchanged in numpy. ``fit`` needs neither spaCy nor PolNeAR (it
takes windows and labels), which is what lets the same code run on a GPU machine.
"""
from __future__ import annotations

import math
import random
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import numpy as np

from ..errors import ModelNotFoundError
from . import pointer as pointers
from .encoder import FROZEN, HEADS, PAD, EncoderSettings, EncoderTagger, doc_windows, pretrained_weights

IGNORE = -100  # the label of a wordpiece that is no token's first


def _torch():
    try:
        import torch
    except ImportError:
        raise ModelNotFoundError(
            "Training the encoder needs torch: `pip install -e .[train]` (torch==2.13.0, CPU is enough)."
        ) from None
    return torch


def torch_encoder(weights: dict[str, np.ndarray], n_labels: int, dropout: float, seed: int = 0, pointer: bool = False):
    """A torch module with ``weights`` (the base model's), a fresh label layer and, with
    ``pointer``, a fresh pointer (onrecord.learned.pointer)."""
    torch = _torch()
    F = torch.nn.functional
    start = {**weights, **fresh_layers(weights, n_labels, seed, pointer)}

    class Encoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            for name, v in start.items():
                if name.startswith(FROZEN):
                    self.register_buffer(_key(name), torch.tensor(v))
                else:
                    self.register_parameter(_key(name), torch.nn.Parameter(torch.tensor(v)))
            self.layers = len({k.split(".")[2] for k in weights if k.startswith("encoder.layer.")})

        def w(self, name):
            return getattr(self, _key(name))

        def forward(self, ids):
            drop = lambda x: F.dropout(x, dropout, self.training)  # noqa: E731
            e = "embeddings."
            x = self.w(e + "word_embeddings.weight")[ids] + self.w(e + "position_embeddings.weight")[: ids.shape[1]]
            x = self._norm(x + self.w(e + "token_type_embeddings.weight")[0], e + "LayerNorm")
            x, masked = drop(x), (ids == PAD).float()[:, None, None, :] * -1e4
            n, length, width = x.shape
            for k in range(self.layers):
                p = f"encoder.layer.{k}."
                q, kk, v = (self._lin(x, p + f"attention.self.{m}").view(n, length, HEADS, -1).transpose(1, 2)
                            for m in ("query", "key", "value"))
                att = drop(torch.softmax(q @ kk.transpose(-1, -2) / math.sqrt(width // HEADS) + masked, -1))
                context = (att @ v).transpose(1, 2).reshape(n, length, width)
                x = self._norm(x + drop(self._lin(context, p + "attention.output.dense")), p + "attention.output.LayerNorm")
                h = F.gelu(self._lin(x, p + "intermediate.dense"), approximate="tanh")
                x = self._norm(x + drop(self._lin(h, p + "output.dense")), p + "output.LayerNorm")
            x = drop(x)
            return self._lin(x, "head"), x

        def _lin(self, x, name):
            return F.linear(x, self.w(name + ".weight"), self.w(name + ".bias"))

        def _norm(self, x, name):
            return F.layer_norm(x, x.shape[-1:], self.w(name + ".weight"), self.w(name + ".bias"), eps=1e-12)

        def numpy_weights(self) -> dict[str, np.ndarray]:
            return {name: getattr(self, _key(name)).detach().float().cpu().numpy() for name in start}

    return Encoder()


def fresh_layers(weights: dict[str, np.ndarray], n_labels: int, seed: int, pointer: bool) -> dict[str, np.ndarray]:
    """The label layer and, with ``pointer``, the pointer, as training starts them (seeded)."""
    rng = np.random.default_rng(seed)
    width = weights["embeddings.word_embeddings.weight"].shape[1]
    head = rng.normal(0, 0.02, (n_labels, width)).astype("float32")
    return {"head.weight": head, "head.bias": np.zeros(n_labels, "float32"), **(pointers.initial(width, rng) if pointer else {})}


def _buckets(torch, d):
    """``pointers.distance_buckets`` in torch."""
    a = d.abs().clamp(min=1).float()
    b = torch.where(d == 0, torch.zeros_like(a), (torch.log2(a) * 2).floor() + 1).clamp(max=pointers.BUCKETS).long()
    return torch.where(d < 0, pointers.BUCKETS - b, pointers.BUCKETS + b)


def _key(name: str) -> str:
    return name.replace(".", "__")


def bottom_layers(weights: dict[str, np.ndarray], layers: int) -> dict[str, np.ndarray]:
    """The weights less the transformer layers above the first ``layers``."""
    return {k: v for k, v in weights.items() if not k.startswith("encoder.layer.") or int(k.split(".")[2]) < layers}


def fit(ids: np.ndarray, labels: np.ndarray, n_labels: int, settings: EncoderSettings,
        weights: dict[str, np.ndarray], device: str = "cpu",
        cues: np.ndarray | None = None) -> Iterator[tuple[int, float, dict[str, np.ndarray]]]:
    """Fine-tune the bottom ``settings.layers`` layers of ``weights`` on windows ``ids`` (n, WINDOW)
    with ``labels`` (n, WINDOW; IGNORE where no token starts) and, where ``settings.pointer`` >
    0, the pointer on ``cues`` (``pointer_targets``); after each epoch yield (epoch, mean
    loss, the weights as numpy arrays)."""
    torch = _torch()
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    pointing = settings.pointer > 0 and cues is not None and len(cues) > 0
    model = torch_encoder(bottom_layers(weights, settings.layers), n_labels, settings.dropout, settings.seed,
                          pointing).to(device)
    trained = [(n, p) for n, p in model.named_parameters()]
    fresh = ("head", "pointer")  # learn 10x faster
    groups = [{"params": [p for n, p in trained if not n.startswith(fresh)], "lr": settings.learn_rate},
              {"params": [p for n, p in trained if n.startswith(fresh)], "lr": settings.learn_rate * 10}]
    optimizer = torch.optim.AdamW(groups, weight_decay=settings.weight_decay)
    per_epoch = math.ceil(len(ids) / settings.batch)
    steps, warmup = settings.epochs * per_epoch, max(1, int(0.06 * settings.epochs * per_epoch))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1 - s / steps))
    X, Y = torch.tensor(ids, dtype=torch.long), torch.tensor(labels, dtype=torch.long)
    by_window: dict[int, list] = {}
    for row in cues if pointing else ():
        by_window.setdefault(int(row[0]), []).append([int(v) for v in row[1:]])
    autocast = device.startswith("cuda")
    for epoch in range(1, settings.epochs + 1):
        order, total = list(range(len(ids))), 0.0
        rng.shuffle(order)
        model.train()
        for b in range(0, len(order), settings.batch):
            batch = order[b : b + settings.batch]
            x, y = X[batch].to(device), Y[batch].to(device)
            with torch.autocast(device.split(":")[0], dtype=torch.bfloat16, enabled=autocast):
                logits, hidden = model(x)
            loss = torch.nn.functional.cross_entropy(logits.float().reshape(-1, n_labels), y.reshape(-1), ignore_index=IGNORE)
            total += loss.item()
            rows = [[j, *r] for j, w in enumerate(batch) for r in by_window.get(w, ())]
            if rows:
                loss = loss + settings.pointer * _pointer_loss(torch, model, hidden.float(), rows, y)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
        model.eval()
        yield epoch, total / per_epoch, model.numpy_weights()


def pointer_scores(torch, model, x, rows, valid):
    """(m, 4, length) scores of each position as each pointer output (pointers.OUTPUTS) for the
    cues of ``rows`` (window in the batch, the cue's first and last position, ...) over the last
    layer ``x``; ``valid``: (batch, length), the positions that may be pointed at."""
    length, outputs = x.shape[1], len(pointers.OUTPUTS)
    h, at = x[rows[:, 0]], torch.arange(length, device=x.device)
    in_cue = ((at[None] >= rows[:, 1:2]) & (at[None] <= rows[:, 2:3])).float()
    cue = (h * in_cue[..., None]).sum(1) / in_cue.sum(1, keepdim=True)
    tok = model._lin(h, "pointer.tok").view(h.shape[0], length, outputs, pointers.RANK)
    cq = model._lin(cue, "pointer.cue").view(-1, outputs, pointers.RANK)
    s = torch.einsum("mlkr,mkr->mkl", tok, cq) / math.sqrt(pointers.RANK) + model._lin(h, "pointer.unary").transpose(1, 2)
    s = s + model.w("pointer.distance")[:, _buckets(torch, at[None] - rows[:, 1:2])].permute(1, 0, 2)
    return s.masked_fill(~valid[rows[:, 0]][:, None, :], -1e4)


def _pointer_loss(torch, model, hidden, rows: list[list[int]], y):
    """Mean cross-entropy of the pointer's outputs over the cues of one batch: each may point at
    any token's first wordpiece, or, for a source, at [CLS] (none); -1 targets (a source
    outside the window) are left out."""
    rows = torch.tensor(rows, device=hidden.device)
    valid = y != IGNORE
    valid[:, 0] = True
    scores = pointer_scores(torch, model, hidden, rows, valid)
    targets = rows[:, 3:7]
    ce = torch.nn.functional.cross_entropy(scores.reshape(-1, scores.shape[-1]), targets.reshape(-1), ignore_index=-1,
                                           reduction="none").view(-1, len(pointers.OUTPUTS))
    return (ce * (targets >= 0)).sum() / (targets >= 0).sum().clamp(min=1)


def labelled_windows(examples, labels: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Windows of every training document, each token's composite label at its first wordpiece."""
    index = {t: k for k, t in enumerate(labels)}
    all_ids, all_labels = [], []
    for ex in examples:
        if not len(ex.doc):
            continue
        ids, positions = doc_windows(ex.doc)
        tags = np.array([index.get(t, index["OOO"]) for t in ex.tags] + [IGNORE])
        all_ids.append(ids)
        all_labels.append(tags[positions])  # position -1 reads the IGNORE at the end
    return np.concatenate(all_ids), np.concatenate(all_labels)


def pointer_targets(examples) -> np.ndarray:
    """The pointer's training rows, one per annotated statement and window that holds its cue
    and content (the windows ``labelled_windows`` makes, in its order): the window, the cue's
    first and last position, the content's first and last (its pieces' cover), the source's
    first and last ([CLS], 0, where the statement has none; -1 where it lies outside)."""
    from .data import token_span

    rows, base = [], 0
    for ex in examples:
        if not len(ex.doc):
            continue
        _, positions = doc_windows(ex.doc)
        spans = [(token_span(ex.doc, a.cue), token_span(ex.doc, a.content), token_span(ex.doc, a.source), bool(a.source))
                 for a in ex.gold.attributions if a.cue and a.content]
        for k, pos in enumerate(positions):
            at = {int(t): p for p, t in enumerate(pos) if t >= 0}
            for cue, content, source, sourced in spans:
                if not (cue and content and all(t in at for t in (*cue, *content))):
                    continue
                inside = source and source[0] in at and source[1] in at
                where = (at[source[0]], at[source[1]]) if inside else (-1, -1) if sourced else (0, 0)
                rows.append((base + k, at[cue[0]], at[cue[1]], at[content[0]], at[content[1]], *where))
        base += len(positions)
    return np.array(rows, dtype="int64").reshape(-1, 7)


def train_encoder(data: str | Path, out: str | Path, settings: EncoderSettings = EncoderSettings(), *,
                  limit: int | None = None, cache: str | Path | None = None, on_epoch=None,
                  device: str = "cpu", method: str = "encoder") -> EncoderTagger:
    """Fine-tune on ``DATA/train`` each member the settings name (one, or an ensemble's), keep
    each member's epoch with the best dev score (rules and that member together, as extraction
    runs them), save them and their card to ``out``."""
    from .card import render
    from .train import _load, _machine, settle_on_dev

    started, data = time.perf_counter(), Path(data)
    columns = ("norm",)  # the encoder reads words, not the CNN's feature columns
    train_ex = _load(data / "train", limit, cache and Path(cache) / "train.spacy", columns)
    dev_ex = _load(data / "dev", limit, cache and Path(cache) / "dev.spacy", columns)
    labels = sorted({t for ex in train_ex for t in ex.tags} | {"OOO"})
    ids, targets = labelled_windows(train_ex, labels)
    cues = pointer_targets(train_ex) if settings.pointer > 0 else None
    base = pretrained_weights()
    trained = [_member(m, labels, (ids, targets, cues), base, dev_ex, device, on_epoch) for m in settings.members()]
    tagger = EncoderTagger(settings, labels, trained[0][1], others=[weights for _, weights in trained[1:]])
    more = [{"learn_rate": m.learn_rate, **_logged(log)} for m, (log, _) in zip(settings.members()[1:], trained[1:])]
    tagger.card = {
        "model": "encoder", "method": method, "data": str(data), "train_docs": len(train_ex), "dev_docs": len(dev_ex),
        "settings": asdict(settings), **_logged(trained[0][0]), **({"members": more} if more else {}),
        "seconds": round(time.perf_counter() - started), "machine": _machine() if device == "cpu" else device,
        "windows": len(ids),
    }
    tagger.save(out)
    saved = EncoderTagger.load(out)  # decode weights, calibration and the card's curve are the stored (int8) model's
    tagger.card.update(settle_on_dev(saved, dev_ex))
    tagger.decode, tagger.calibration = saved.decode, saved.calibration
    tagger.save(out)
    (Path(out) / "README.md").write_text(render(tagger.card), encoding="utf-8")
    return tagger


def _member(settings: EncoderSettings, labels, windows, base, dev_ex, device, on_epoch):
    """Fine-tune one member; its epoch log and the weights of its best epoch on dev."""
    from .card import mean_exact
    from .train import EpochLog, score_dev

    log, best, began = [], (-1.0, None), time.perf_counter()
    ids, targets, cues = windows
    for epoch, loss, weights in fit(ids, targets, len(labels), settings, base, device, cues):
        dev = score_dev(EncoderTagger(settings, labels, weights), dev_ex)
        log.append(EpochLog(epoch, loss, round(time.perf_counter() - began, 1), dev))
        began = time.perf_counter()
        if on_epoch:
            on_epoch(log[-1])
        if mean_exact(dev) > best[0]:
            best = (mean_exact(dev), weights)
    return log, best[1]


def _logged(log) -> dict:
    from .card import mean_exact

    return {"epochs": [asdict(e) for e in log], "best_epoch": max(log, key=lambda e: mean_exact(e.dev)).epoch}
