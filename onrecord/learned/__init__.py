"""The learned attribution tagger (``onrecord train``) and how extraction uses it.

Rules keep what they do best, statements in quote marks and their speakers; the
tagger adds the attributions the rules cannot see (reported speech, ``according
to``, nominal cues) with exact spans. See models/attribution/README.md.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..quotes.attribution import Attribution
from ..quotes.tokens import Tokens
from .decode import attributions
from .model import AttributionTagger

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "attribution"

__all__ = ["DEFAULT_MODEL", "AttributionTagger", "learned_attributions", "load_encoder", "load_tagger", "model_path"]


def model_path() -> Path:
    """The model extraction uses: $ONRECORD_MODEL, else the one shipped in models/attribution."""
    return Path(os.environ.get("ONRECORD_MODEL") or DEFAULT_MODEL)


@lru_cache(maxsize=2)
def load_tagger(path: str | None = None) -> AttributionTagger:
    return AttributionTagger.load(path or model_path())


@lru_cache(maxsize=1)
def load_encoder(path: str | None = None):
    """The accurate mode's encoder (``--method encoder``): $ONRECORD_ENCODER, else models/encoder."""
    from .encoder import DEFAULT_ENCODER, EncoderTagger

    return EncoderTagger.load(path or os.environ.get("ONRECORD_ENCODER") or DEFAULT_ENCODER)


def learned_attributions(toks: Tokens, doc, tagger) -> list[Attribution]:
    """The tagger's (or the encoder's) attributions in one parsed document (of ``toks.text``)."""
    marginals = tagger.doc_marginals(doc, toks.text)
    sentence, n = [], -1
    for t in doc:
        n += t.is_sent_start or n < 0
        sentence.append(n)
    quoted = [q != -1 for q in toks.quote]
    return attributions(toks, sentence, marginals, quoted)
