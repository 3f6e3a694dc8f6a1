"""The learned attribution tagger (``onrecord train``) and how extraction uses it.

Rules keep what they do best, statements in quote marks and their speakers; the
tagger adds the attributions the rules cannot see (reported speech, ``according
to``, nominal cues) with exact spans. See models/attribution/README.md.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from ..quotes.attribution import Attribution
from ..quotes.tokens import Tokens
from .decode import attributions
from .model import AttributionTagger

MODELS = Path(__file__).resolve().parents[2] / "models"
FOLDERS = {"model": "attribution", "encoder": "encoder", "cnn": "cnn"}  # each --method's folder in models/
DEFAULT_MODEL = MODELS / FOLDERS["model"]

__all__ = ["DEFAULT_MODEL", "FOLDERS", "AttributionTagger", "learned_attributions", "load_cnn", "load_encoder", "load_model",
           "load_tagger", "model_path"]


def model_path() -> Path:
    """The model extraction uses: $ONRECORD_MODEL, else the one shipped in models/attribution."""
    return Path(os.environ.get("ONRECORD_MODEL") or DEFAULT_MODEL)


def load_model(path: str | Path):
    """A trained model folder: an encoder (``"kind": "encoder"`` in its config.json) or the CNN
    tagger (no kind); where config.json cannot be read, the encoder's loader says why."""
    from .encoder import EncoderTagger

    try:
        kind = json.loads((Path(path) / "config.json").read_text(encoding="utf-8")).get("kind", "cnn")
    except (OSError, ValueError, AttributeError):
        kind = "encoder"
    return EncoderTagger.load(path) if kind == "encoder" else AttributionTagger.load(path)


@lru_cache(maxsize=2)
def load_tagger(path: str | None = None):
    """The default (``--method model``): models/attribution, a three-layer encoder, or $ONRECORD_MODEL."""
    return load_model(path or model_path())


@lru_cache(maxsize=1)
def load_encoder(path: str | None = None):
    """The accurate mode's encoder (``--method encoder``): $ONRECORD_ENCODER, else models/encoder."""
    return load_model(path or os.environ.get("ONRECORD_ENCODER") or MODELS / FOLDERS["encoder"])


@lru_cache(maxsize=1)
def load_cnn(path: str | None = None) -> AttributionTagger:
    """The CNN tagger (``--method cnn``): $ONRECORD_CNN, else models/cnn."""
    return AttributionTagger.load(path or os.environ.get("ONRECORD_CNN") or MODELS / FOLDERS["cnn"])


def learned_attributions(toks: Tokens, doc, tagger) -> list[Attribution]:
    """The tagger's (or the encoder's) attributions in one parsed document (of ``toks.text``),
    each with the content its pointer would give (``pointed``) where the model has one."""
    read = getattr(tagger, "read", None)  # the CNN has no pointer
    marginals, pointer = read(doc, toks.text) if read else (tagger.doc_marginals(doc, toks.text), None)
    sentence, n, broken = [], -1, False
    for t in doc:  # a line break ends a sentence too: the parser may run a headline into the lede
        n += t.is_sent_start or n < 0 or broken
        broken = t.is_space and "\n" in t.text
        sentence.append(n)
    quoted = [q != -1 for q in toks.quote]
    found = attributions(toks, sentence, marginals, quoted, tagger.decode)
    for a in found if pointer else ():
        a.pointed = pointer.redraw(toks, a)
    return found
