"""Scoring extracted quotations against gold attributions (PolNeAR brat or JSONL).

Pure functions that return frozen records; nothing here prints. The
definitions, with the current numbers on PolNeAR dev, are in docs/evaluation.md:

- role scores (PolNeAR style): precision, recall and F1 of Source, Cue and
  Content spans, matched one-to-one exactly (same trimmed pieces) or by overlap
  (token Jaccard >= 0.5);
- quote scores: a prediction matches a gold attribution when its content covers
  at least 0.3 (and, separately, 0.8) of the gold content's characters,
  one-to-one, greedy by coverage; speaker-mention accuracy over matched pairs;
- the same again for direct quotes only.
"""
from __future__ import annotations

from ..polnear import EvalAttribution, GoldDoc, load_gold
from .diagnostics import error_records
from .matching import (
    JACCARD,
    THRESHOLDS,
    coverage,
    evaluate,
    jaccard,
    match_quotes,
    same_source,
    score_document,
    score_quotes,
    score_roles,
)
from .predictions import from_extraction, predict, read_predictions
from .scores import PRF, EvalReport, QuoteScore, RoleScore, Scores

__all__ = [
    "JACCARD",
    "PRF",
    "THRESHOLDS",
    "EvalAttribution",
    "EvalReport",
    "GoldDoc",
    "QuoteScore",
    "RoleScore",
    "Scores",
    "coverage",
    "error_records",
    "evaluate",
    "from_extraction",
    "jaccard",
    "load_gold",
    "match_quotes",
    "predict",
    "read_predictions",
    "same_source",
    "score_document",
    "score_quotes",
    "score_roles",
]
