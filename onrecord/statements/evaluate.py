"""Scoring statement types, targets and links against our labelled development set.

The labels (``onrecord/statements/labels/*.jsonl``) hold offsets and ids only; the
text comes from the repository (our fictional articles) or from ``../shared/data``
(PolNeAR). By default the statements are the labelled ones (gold spans and
speakers), so the score measures typing and linking alone; ``pipeline=True`` runs
the whole extraction and scores the statements it finds that match labelled ones.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..models import Entity, Quote, Span, Speaker
from . import classify_statements
from .names import same_party

LABELS_DIR = Path(__file__).parent / "labels"
REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_ROOT = REPO_ROOT.parent / "shared" / "data"
TYPES = ("claim", "support", "criticism", "denial", "apology", "retraction", "commitment", "no_comment")
LINK_TYPES = ("reacts_to", "retracts", "apologises_for", "same_quote")


@dataclass(frozen=True, slots=True)
class LabelledDoc:
    doc: str
    corpus: str
    path: str
    split: str
    sha1: str
    statements: tuple[dict[str, Any], ...]


def load_labels(paths: list[Path] | None = None) -> list[LabelledDoc]:
    """Read label files (default: every ``*.jsonl`` in the package's labels folder)."""
    files = paths or sorted(LABELS_DIR.glob("*.jsonl"))
    docs = []
    for path in files:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as e:
            raise DataError(f"{path}: cannot read labels ({e.strerror}).") from None
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
                docs.append(LabelledDoc(r["doc"], r["corpus"], r["path"], r["split"], r["sha1"], tuple(r["statements"])))
            except (ValueError, KeyError, TypeError) as e:
                raise DataError(f"{path}, line {n}: not a label record ({e}).") from None
    return docs


def _text(d: LabelledDoc, repo_root: Path, data_root: Path) -> str | None:
    path = (data_root if d.corpus == "polnear" else repo_root) / d.path
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != d.sha1:
        raise DataError(f"{path}: the text has changed since it was labelled (sha1 differs); relabel {d.doc}.")
    return text


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def gold_quotes(text: str, d: LabelledDoc) -> tuple[list[Quote], list[Entity]]:
    """The labelled statements as Quote records (text order), and their speakers as entities."""
    quotes, entities = [], {}
    for s in sorted(d.statements, key=lambda s: (min(a for a, _ in s["content"]), max(b for _, b in s["content"]))):
        spk = s.get("speaker")
        speaker = Speaker(_slug(spk["name"]), spk["name"], spk["kind"]) if spk else None
        if speaker:
            entities.setdefault(speaker.id, Entity(speaker.id, speaker.name, speaker.kind, (speaker.name.split()[-1],)))
        content = tuple(Span.of(text, a, b) for a, b in sorted(s["content"]))
        direct = content[0].text.lstrip()[:1] in "\"\u201c'\u2018"
        quotes.append(Quote(
            content=content, kind="direct" if direct else "indirect",
            cue=Span.of(text, *s["cue"]) if s.get("cue") else None,
            source=Span.of(text, *s["source"]) if s.get("source") else None,
            speaker=speaker, id=s["id"],
        ))
    return quotes, list(entities.values())


def _align(gold: list[Quote], pred: list[Quote], threshold: float = 0.3) -> dict[str, str]:
    """Gold id -> predicted id, one to one, where the prediction covers enough of the gold content."""
    pairs = []
    for g in gold:
        gchars = {i for s in g.content for i in range(s.start, s.end)}
        for p in pred:
            shared = len(gchars & {i for s in p.content for i in range(s.start, s.end)})
            if gchars and shared / len(gchars) >= threshold:
                pairs.append((shared / len(gchars), g.id, p.id))
    out, used = {}, set()
    for _, g, p in sorted(pairs, reverse=True):
        if g not in out and p not in used:
            out[g] = p
            used.add(p)
    return out


def _target_ok(gold: dict | None, pred) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold["kind"] == "other" or pred.kind == "other":
        return gold["kind"] == pred.kind
    return same_party(gold["name"], pred.name)


def _speaker_ok(gold: dict | None, pred) -> bool:
    """The resolved speaker is the labelled one (or both are absent)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return same_party(gold["name"], pred.name)


class _Tally:
    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []
        self.targets = Counter()
        self.speakers = Counter()
        self.links = Counter()
        self.splits: dict[str, Counter] = {}
        self.errors: list[dict[str, Any]] = []

    def add_doc(self, d: LabelledDoc, by_gold: dict[str, Quote], pred_to_gold: dict[str, str]) -> None:
        split = self.splits.setdefault(d.split, Counter())
        for s in d.statements:
            q = by_gold.get(s["id"])
            ptype = q.type if q is not None else "(missed)"
            self.pairs.append((s["type"], ptype))
            split["statements"] += 1
            split["correct"] += s["type"] == ptype
            if s["type"] != ptype:
                self.errors.append({"doc": d.doc, "id": s["id"], "error": "type", "gold": s["type"], "pred": ptype,
                                    "gold_target": s.get("target"),
                                    "pred_target": q.target.to_dict() if q is not None and q.target else None})
            if q is not None:  # who said it, as resolved inside the article (given, in gold mode)
                right = _speaker_ok(s.get("speaker"), q.speaker)
                self.speakers["scored"] += 1
                self.speakers["correct"] += right
                split["speakers"] += 1
                split["speaker_correct"] += right
            if s["type"] == ptype and s["type"] in ("support", "criticism", "denial", "apology", "retraction"):
                self.targets["scored"] += 1
                self.targets["correct"] += _target_ok(s.get("target"), q.target if q else None)
        self._links(d, by_gold, pred_to_gold, split)

    def _links(self, d: LabelledDoc, by_gold: dict[str, Quote], pred_to_gold: dict[str, str], split: Counter) -> None:
        gold = [(s["id"], link["type"], set(link["to"])) for s in d.statements for link in s["links"]]
        pred = [(gid, link.type, pred_to_gold.get(link.to)) for gid, q in by_gold.items() for link in q.links]
        matched = set()
        for gid, t, to in pred:
            hit = next((k for k, (g, gt, gto) in enumerate(gold) if k not in matched and g == gid and gt == t and to in gto), None)
            self.links[(t, "pred")] += 1
            split["link_pred"] += 1
            if hit is not None:
                matched.add(hit)
                self.links[(t, "tp")] += 1
                split["link_tp"] += 1
            else:
                self.errors.append({"doc": d.doc, "id": gid, "error": "spurious link", "link": t, "pred_to": to})
        for k, (gid, t, to) in enumerate(gold):
            self.links[(t, "gold")] += 1
            split["link_gold"] += 1
            if k not in matched:
                self.errors.append({"doc": d.doc, "id": gid, "error": "missed link", "link": t, "gold_to": sorted(to)})


def _prf(tp: int, pred: int, gold: int) -> dict[str, float | int]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": gold, "predicted": pred, "correct": tp}


def _report(t: _Tally, skipped: list[str], pipeline: bool) -> dict[str, Any]:
    n = len(t.pairs)
    per_type = {
        ty: _prf(sum(g == p == ty for g, p in t.pairs), sum(p == ty for _, p in t.pairs), sum(g == ty for g, _ in t.pairs))
        for ty in TYPES
    }
    links = {lt: _prf(t.links[(lt, "tp")], t.links[(lt, "pred")], t.links[(lt, "gold")]) for lt in LINK_TYPES}
    total = _prf(*(sum(t.links[(lt, k)] for lt in LINK_TYPES) for k in ("tp", "pred", "gold")))
    by_split = {
        name: {"statements": c["statements"], "type_accuracy": c["correct"] / c["statements"] if c["statements"] else 0.0,
               "links": _prf(c["link_tp"], c["link_pred"], c["link_gold"]),
               "speaker_accuracy": c["speaker_correct"] / c["speakers"] if pipeline and c["speakers"] else None}
        for name, c in sorted(t.splits.items())
    }
    return {
        "mode": "pipeline" if pipeline else "gold statements",
        "statements": n,
        "type_accuracy": sum(g == p for g, p in t.pairs) / n if n else 0.0,
        "matched": sum(p != "(missed)" for _, p in t.pairs),
        "type_accuracy_matched": (sum(g == p for g, p in t.pairs) / m) if (m := sum(p != "(missed)" for _, p in t.pairs)) else 0.0,
        "per_type": per_type,
        "confusion": {f"{g} -> {p}": c for (g, p), c in sorted(Counter(t.pairs).items()) if g != p},
        # Only through extraction: in gold mode the labelled speakers are given.
        "speaker_accuracy": t.speakers["correct"] / t.speakers["scored"] if pipeline and t.speakers["scored"] else None,
        "target_accuracy": t.targets["correct"] / t.targets["scored"] if t.targets["scored"] else 0.0,
        "targets_scored": t.targets["scored"],
        "links": {"all": total, **links},
        "by_split": by_split,
        "skipped": skipped,
        "errors": t.errors,
    }


def evaluate_statements(label_paths: list[Path] | None = None, *, repo_root: Path | None = None,
                        data_root: Path | None = None, pipeline: bool = False, split: str | None = None,
                        method: str = "model") -> dict[str, Any]:
    """Score typing and linking on the labelled set; returns a dict and prints nothing.

    With ``pipeline``, the statements are the ones extraction (``method``: model or rules) finds.

    Documents whose text is absent (PolNeAR not downloaded) are listed under ``skipped``.
    """
    from ..extract import tagger_for
    from ..nlp import load_pipeline

    repo_root = repo_root or REPO_ROOT
    data_root = data_root or DATA_ROOT
    nlp = load_pipeline()
    tagger = tagger_for(method) if pipeline else None
    tally, skipped = _Tally(), []
    for d in load_labels(label_paths):
        if split and d.split != split:
            continue
        text = _text(d, repo_root, data_root)
        if text is None:
            skipped.append(d.doc)
            continue
        doc = nlp(text)
        gold, entities = gold_quotes(text, d)
        if pipeline:
            from ..article import Article
            from ..extract import extract_doc

            pred = list(extract_doc(doc, Article(text=text, doc_id=d.doc), tagger).quotes)
            align = _align(gold, pred)
            by_id = {q.id: q for q in pred}
            by_gold = {g: by_id[p] for g, p in align.items()}
            pred_to_gold = {p: g for g, p in align.items()}
        else:
            result = classify_statements(doc, gold, entities)
            by_gold = {g.id: r for g, r in zip(gold, result)}
            pred_to_gold = {r.id: g.id for g, r in zip(gold, result)}
        tally.add_doc(d, by_gold, pred_to_gold)
    return _report(tally, skipped, pipeline)
