"""Token features the attribution tagger reads: words, the parse around each word, quote marks.

One row of ids per token, one column per feature named in the model's settings. Word
forms and tags are spaCy's own 64-bit hashes; the parse columns tell a CNN with a
narrow window what lies further away: the word a token depends on (``said`` for the
verb of a reported clause) and the one above it; the cue-word columns give the rules'
lexicon of speech verbs as a prior the tagger may overrule.
"""
from __future__ import annotations

import numpy as np

from ..quotes.cues import INDIRECT_FORMS, SPEECH_FORMS
from ..quotes.frames import CUE_NOUNS
from ..quotes.marks import find_marked

BASE = ("norm", "prefix", "suffix", "shape", "tag", "dep_direction", "entity",
        "head_norm", "head_dep", "grandhead_norm", "in_quote_marks")
COLUMNS = BASE + ("cue_word", "head_cue_word")  # every feature there is
# Hash-embedding rows a column needs at most: a word column many, a tag column few. This keeps
# the weights under 40 MB (a table is rows x width floats).
ROWS = {"norm": 20_000, "head_norm": 20_000, "prefix": 5_000, "suffix": 5_000, "grandhead_norm": 5_000,
        "shape": 2_000, "tag": 500, "dep_direction": 500, "entity": 500, "head_dep": 500,
        "in_quote_marks": 16, "cue_word": 16, "head_cue_word": 16}
_SPACY = {"norm": "NORM", "prefix": "PREFIX", "suffix": "SUFFIX", "shape": "SHAPE", "tag": "TAG"}
_LEFT, _RIGHT = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F  # mixed into dep ids by head side


def doc_features(doc, text: str | None = None, columns: tuple[str, ...] = BASE) -> np.ndarray:
    """An (n_tokens, len(columns)) uint64 array for one parsed document."""
    n = len(doc)
    out = np.zeros((n, len(columns)), dtype="uint64")
    if n == 0:
        return out
    heads = np.fromiter((t.head.i for t in doc), dtype="int64", count=n)
    arrays = doc.to_array(["NORM", "DEP", "ENT_TYPE", "ENT_IOB"]).astype("uint64")
    norm, dep = arrays[:, 0], arrays[:, 1]
    idx = np.arange(n)
    for c, name in enumerate(columns):
        if name in _SPACY:
            out[:, c] = doc.to_array(_SPACY[name]).astype("uint64")
        elif name == "dep_direction":
            side = np.where(heads < idx, _LEFT, np.where(heads > idx, _RIGHT, 0)).astype("uint64")
            out[:, c] = dep ^ side
        elif name == "entity":
            out[:, c] = arrays[:, 2] ^ arrays[:, 3]
        elif name == "head_norm":
            out[:, c] = norm[heads]
        elif name == "head_dep":
            out[:, c] = dep[heads]
        elif name == "grandhead_norm":
            out[:, c] = norm[heads[heads]]
        elif name == "in_quote_marks":
            out[:, c] = _in_quote_marks(doc, text if text is not None else doc.text)
        elif name in ("cue_word", "head_cue_word"):
            lex = np.fromiter((_cue_class(t.lower_) for t in doc), dtype="uint64", count=n)
            out[:, c] = lex if name == "cue_word" else lex[heads] + 8
        else:
            raise ValueError(f"unknown feature column {name!r}; known: {', '.join(COLUMNS)}")
    return out


def _cue_class(word: str) -> int:
    return 1 if word in SPEECH_FORMS else 2 if word in INDIRECT_FORMS else 3 if word in CUE_NOUNS else 0


def _in_quote_marks(doc, text: str) -> np.ndarray:
    flags = np.zeros(len(doc), dtype="uint64")
    starts = np.fromiter((t.idx for t in doc), dtype="int64", count=len(doc))
    for m in find_marked(text):
        lo, hi = np.searchsorted(starts, [m.start, m.end])
        flags[lo:hi] = 1
    return flags
