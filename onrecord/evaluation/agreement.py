"""How far PolNeAR's annotators agree with one another, scored exactly as onrecord is scored.

PolNeAR has a few articles that every annotator labelled (the rows of ``metadata.tsv`` that list
more than one). Scoring each annotator's labels against each other's, with the same matching as
``onrecord eval``, gives the ceiling a system can hope to reach on exact spans; scoring
onrecord against each annotator on the same articles puts it beside that ceiling.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

from ..errors import DataError
from ..polnear import EvalAttribution, GoldDoc, parse_brat, read_utf8
from .matching import evaluate

MEASURES = ("source", "cue", "content", "quotes")


@dataclass(frozen=True, slots=True)
class Agreement:
    """Mean F1 (percent) of each measure: annotators against one another, and onrecord against each."""

    articles: tuple[str, ...]
    annotators: tuple[str, ...]
    pairs: int  # ordered pairs of annotators scored (one as gold, the other as prediction)
    human: Mapping[str, float]
    system: Mapping[str, float] | None

    def to_dict(self) -> dict:
        return {"articles": list(self.articles), "annotators": list(self.annotators), "pairs": self.pairs,
                "human": dict(self.human), "system": dict(self.system) if self.system is not None else None}


def shared_annotations(root: Path) -> dict[str, dict[str, GoldDoc]]:
    """Annotator -> {article: their labels}, for the articles ``metadata.tsv`` gives several annotators."""
    meta = root / "metadata.tsv"
    if not meta.is_file():
        raise DataError(f"{root} is not the PolNeAR folder: it needs metadata.tsv beside train/ and dev/ "
                        "(e.g. ../shared/data/polnear).")
    out: dict[str, dict[str, GoldDoc]] = {}
    for row in csv.DictReader(read_utf8(meta).splitlines(), delimiter="\t"):
        names = [a.strip() for a in (row.get("annotators") or "").split("|") if a.strip()]
        if len(names) < 2:
            continue
        folder, article = root / (row.get("compartment") or ""), row.get("filename") or ""
        text = read_utf8(folder / "text" / f"{article}.txt")
        for name in names:
            path = folder / "attributions" / f"{article}_{name}.ann"
            if path.is_file():
                out.setdefault(name, {})[article] = parse_brat(text, read_utf8(path), article, str(path))
    if sum(len(docs) for docs in out.values()) < 2:
        raise DataError(f"{meta} lists no article with two or more annotators' files: nothing to compare.")
    return out


def _f1s(gold: Sequence[GoldDoc], pred: Mapping[str, Sequence[EvalAttribution]]) -> dict[str, float]:
    report = evaluate(gold, pred).to_dict()["all"]
    scores = {role: report["roles"][role]["exact"]["f1"] for role in MEASURES[:3]}
    scores["quotes"] = next(q["f1"] for q in report["quotes"] if q["threshold"] == 0.3)
    return scores


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {m: round(100 * sum(r[m] for r in rows) / len(rows), 1) for m in MEASURES}


def annotator_agreement(root: Path, predict: Callable[[list[GoldDoc]], Mapping[str, Sequence[EvalAttribution]]] | None = None) -> Agreement:
    """Exact-span F1 of Source, Cue and Content and quote F1 at 0.3 coverage, averaged over every
    ordered pair of annotators on the articles both labelled; with ``predict`` (gold documents ->
    predictions by doc id), also onrecord's against each annotator on that annotator's articles."""
    by = shared_annotations(root)
    names = tuple(sorted(by))
    shared = {(a, b): sorted(set(by[a]) & set(by[b])) for a, b in permutations(names, 2)}
    pairs = [pair for pair, articles in shared.items() if articles]
    human = _mean([_f1s([by[a][n] for n in shared[a, b]], {n: by[b][n].attributions for n in shared[a, b]})
                   for a, b in pairs])
    articles = sorted({n for docs in by.values() for n in docs})
    system = None
    if predict is not None:
        one_each = [next(by[a][n] for a in names if n in by[a]) for n in articles]  # the texts, once
        found = predict(one_each)
        system = _mean([_f1s([by[a][n] for n in sorted(by[a])], found) for a in names])
    return Agreement(tuple(articles), names, len(pairs), human, system)
