"""Training data for the attribution tagger: PolNeAR gold spans as per-token composite labels."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..polnear import GoldDoc
from .features import doc_features
from .model import ROLES


@dataclass(frozen=True)
class Example:
    gold: GoldDoc
    doc: object  # the parsed spaCy Doc
    features: np.ndarray
    tags: list[str]  # composite label per token ("OBI": source O, cue B, content I)


def parse_gold(docs: Sequence[GoldDoc], cache: Path | None = None, batch_size: int = 8) -> list:
    """Parse the gold texts as extraction does; with ``cache``, keep the parses in a DocBin there."""
    from spacy.tokens import DocBin

    from ..extract import parse_text
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    if cache is not None and cache.is_file():
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in parsed] == [parse_text(g.text) for g in docs]:
            return parsed
    parsed = list(nlp.pipe((parse_text(g.text) for g in docs), batch_size=batch_size))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=parsed).to_disk(cache)
    return parsed


def examples(docs: Sequence[GoldDoc], parsed: Sequence, columns: tuple[str, ...]) -> list[Example]:
    return [Example(g, d, doc_features(d, g.text, columns), gold_tags(d, g)) for g, d in zip(docs, parsed)]


def gold_tags(doc, gold: GoldDoc) -> list[str]:
    """Each token's BIO tag in the Source, Cue and Content layers; within a layer the first span wins."""
    layers = [["O"] * len(doc) for _ in ROLES]
    starts = [t.idx for t in doc]
    space = [t.is_space for t in doc]
    for a in gold.attributions:
        for r, role in enumerate(ROLES):
            for piece in getattr(a, role):
                toks = [k for k in _covered(starts, doc, piece.start, piece.end) if not space[k]]
                if not toks or any(layers[r][k] != "O" for k in toks):
                    continue
                layers[r][toks[0]] = "B"
                for k in range(toks[0] + 1, toks[-1] + 1):
                    layers[r][k] = "I"
    return ["".join(tags) for tags in zip(*layers)]


def token_span(doc, pieces) -> tuple[int, int] | None:
    """First and last token (whitespace left out) of the cover of a gold role's pieces."""
    starts = [t.idx for t in doc]
    toks = [k for piece in pieces for k in _covered(starts, doc, piece.start, piece.end) if not doc[k].is_space]
    return (min(toks), max(toks)) if toks else None


def _covered(starts: list[int], doc, start: int, end: int) -> range:
    lo = int(np.searchsorted(starts, start, side="right")) - 1
    lo = max(lo, 0)
    if doc[lo].idx + len(doc[lo]) <= start:
        lo += 1
    hi = int(np.searchsorted(starts, end, side="left"))
    return range(lo, hi)
