"""Search hits marked in a quote's text, ⟦like this⟧, in Python.

SQLite's FTS5 tokenises with ``unicode61`` (runs of letters and digits, case and
diacritics folded) and stems with the Porter algorithm; snowballstemmer's "porter"
is the same algorithm, so a query word marks the words of a quote that share its
stem. FTS5's ``snippet()`` does the same work but costs a full-text lookup per
quote, a third of a search page; where no word gets marked here (a rare word the two
stemmers treat differently) the caller falls back to it.
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from ..name_words import folded

HIGHLIGHT = ("⟦", "⟧")
SNIPPET_CHARS = 240  # longer quotes are cut to a window around the first hit
WINDOW_WORDS = 24
_WORD = re.compile(r"[^\W_]+")
_STEMMER = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    word = folded(word)
    return word if len(word) <= 2 else _STEMMER.stemWord(word)  # FTS5 leaves 1-2 letter words alone


def phrases(terms: list[str]) -> list[tuple[str, ...]]:
    """Each query term (a word or a phrase) as the sequence of stems it must match."""
    return [stems for stems in (tuple(stem(w) for w in _WORD.findall(t)) for t in terms) if stems]


def highlight(text: str, wanted: list[tuple[str, ...]], max_chars: int = SNIPPET_CHARS) -> str | None:
    """``text`` with every occurrence of the wanted stem sequences marked (cut to a window
    around the first when longer than ``max_chars``), or None when nothing in it matches."""
    words = list(_WORD.finditer(text))
    stems = [stem(w.group()) for w in words]
    found = sorted({(start, start + len(seq) - 1) for seq in wanted for start in range(len(stems) - len(seq) + 1)
                    if tuple(stems[start:start + len(seq)]) == seq})
    if not found:
        return None
    marked = _merge(found)
    lo, hi, prefix, suffix = 0, len(text), "", ""
    if len(text) > max_chars:
        begin = max(0, marked[0][0] - 4)
        stop = min(len(words), begin + WINDOW_WORDS) - 1
        lo, hi = words[begin].start(), words[stop].end()
        prefix, suffix = ("…" if begin else ""), ("…" if stop < len(words) - 1 else "")
    out, at = [prefix], lo
    for first, last in marked:  # one mark per phrase found, as FTS5 marks them
        start, end = words[first].start(), words[last].end()
        if lo <= start and end <= hi:
            out += [text[at:start], HIGHLIGHT[0], text[start:end], HIGHLIGHT[1]]
            at = end
    out += [text[at:hi], suffix]
    return "".join(out)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted (first, last) word spans with the overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for first, last in spans:
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged
