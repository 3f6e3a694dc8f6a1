"""Token arrays read once from a parsed ``Doc``: the rules index these, not spaCy objects.

Attribute access on spaCy tokens is the hot path of extraction; reading each
attribute once per document keeps the rules well under a tenth of the parse time.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from ..nlp import doc_text

SENT_END = frozenset({".", "!", "?", ";"})
_COLUMNS = ["IDX", "LENGTH", "LOWER", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "IS_SPACE"]


def _strings(strings, column: list[int]) -> list[str]:
    known: dict[int, str] = {}
    return [known[v] if v in known else known.setdefault(v, strings[v]) for v in column]


@dataclass(slots=True)
class Tokens:
    text: str
    starts: list[int]
    ends: list[int]
    lower: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]
    ent: list[str]
    newline: list[bool]
    space: list[bool]
    para: list[int]  # paragraph number of each token (newline tokens close a paragraph)
    children: list[list[int]]
    quote: list[int]  # index of the quoted span a token lies in, -1 outside

    @classmethod
    def from_doc(cls, doc, text: str | None = None) -> "Tokens":
        """Arrays of ``doc``; ``text`` (same length as the doc's) is what spans are cut from."""
        array = doc.to_array(_COLUMNS)
        columns = array.T.tolist()
        starts, lengths, spaces, parsed = columns[0], columns[1], columns[8], doc_text(doc)
        ends = [s + n for s, n in zip(starts, lengths)]
        # one spaCy string lookup per distinct value, not one per token
        lower, pos, tag, dep, ent = (_strings(doc.vocab.strings, column) for column in columns[2:6] + columns[7:8])
        head = [i + h for i, h in enumerate(array[:, 6].astype(np.int64).tolist())]  # offsets, stored unsigned
        space = [bool(x) for x in spaces]
        newline = [x and "\n" in parsed[s:e] for x, s, e in zip(space, starts, ends)]
        children: list[list[int]] = [[] for _ in starts]
        for i, h in enumerate(head):
            if h != i:
                children[h].append(i)
        quote = [-1] * len(starts)
        para, n = [], 0
        for nl in newline:
            para.append(n)
            n += nl
        text = parsed if text is None else text
        return cls(text, starts, ends, lower, pos, tag, dep, head, ent, newline, space, para, children, quote)

    def __len__(self) -> int:
        return len(self.starts)

    def span_tokens(self, start: int, end: int) -> tuple[int, int]:
        """First and last token (inclusive) overlapping characters [start, end)."""
        first = max(0, bisect_left(self.ends, start + 1))
        last = bisect_left(self.starts, end) - 1
        return first, max(first, last)

    def chars(self, first: int, last: int) -> tuple[int, int]:
        return self.starts[first], self.ends[last]

    def subtree(self, i: int, skip: frozenset[str] = frozenset()) -> list[int]:
        """Token i and its descendants, leaving out children attached with a dep in ``skip``."""
        out, stack = [], [i]
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(c for c in self.children[k] if self.dep[c] not in skip)
        return sorted(out)

    def span_head(self, first: int, last: int) -> int:
        """The token of tokens first..last whose head lies outside them (the span's syntactic head)."""
        return next((k for k in range(first, last + 1) if not first <= self.head[k] <= last or self.head[k] == k), last)

    def opening_mark(self, first: int, last: int) -> int:
        """``first``, or the quote mark just before it when tokens first..last close that quote
        (a headline's ``admits 'mistakes were made' over …`` keeps its opening mark)."""
        closer = _PAIRS.get(self.lower[first - 1]) if first > 0 else None
        return first - 1 if closer and closer in self.lower[first + 1 : last + 1] else first

    def closing_mark(self, first: int, last: int) -> int:
        """``last``, or the quote mark just after it that closes a quote opened in first..last
        (a headline's ``strike 'will not be tolerated'`` keeps its closing mark, and ``was an 'intentional
        act.'`` the stop inside it)."""
        end = last + 1
        if end + 1 < len(self.lower) and self.lower[end] in (".", ",", "!", "?") and self.lower[end + 1] in _OPENERS:
            end += 1
        after = self.lower[end] if end < len(self.lower) else None
        opener = _OPENERS.get(after) if after else None
        if opener is None:
            return last
        inside = self.lower[first : last + 1]
        unclosed = inside.count(after) % 2 == 1 if opener == after else inside.count(opener) > inside.count(after)
        return end if unclosed else last

    def is_boundary(self, i: int) -> bool:
        return self.newline[i] or self.lower[i] in SENT_END

    def sentence_start(self, k: int) -> int:
        """The first token of the sentence token ``k`` is in."""
        while k > 0 and not self.is_boundary(k - 1):
            k -= 1
        return k

    def its_after(self, k: int, deps: tuple[str, ...] = ()) -> int | None:
        """The first 'it' or 'its' after token ``k`` in its sentence (with one of ``deps``, if given)."""
        for j in range(k + 1, len(self.lower)):
            if self.is_boundary(j):
                return None
            if self.lower[j] in ("it", "its") and (not deps or self.dep[j] in deps):
                return j
        return None

    def only_describes(self, first: int, last: int) -> bool:
        """Whether words ``first``..``last`` describe, naming nobody, with a capital only as they start a
        sentence ('Critics', 'Senior officials', 'Some economists'; not 'The Reigate MP', 'Labour politicians')."""
        opens = (first == 0 or self.is_boundary(first - 1)) and self.pos[first] in ("DET", "NUM") and self.lower[first] != "the"
        named = any(self.pos[k] == "PROPN" or self.ent[k] in ("PERSON", "ORG", "NORP", "GPE") for k in range(first, last + 1))
        return (opens or self.capital_only_at_start(first)) and not named

    def capital_only_at_start(self, i: int) -> bool:
        """Whether word ``i`` is a common noun or adjective capitalised only as it starts a sentence
        ('Health board officials', 'Senior officials'): not an adjective the article capitalises
        mid-sentence too ('Conservative officials said …' where 'the Conservative party' is written)."""
        if self.pos[i] not in ("NOUN", "ADJ") or not (i == 0 or self.is_boundary(i - 1)):
            return False
        if self.pos[i] == "ADJ" and self.ent[i] in ("NORP", "ORG"):  # 'Democratic officials'
            return False
        # (a noun too: 'Sanders apologized', the tagger's plural of 'sander', where 'Bernie Sanders' is written)
        word = self.text[self.starts[i] : self.ends[i]]
        return not any(self.text[self.starts[j] : self.ends[j]] == word and not self.is_boundary(j - 1)
                       for j in range(1, len(self.lower)) if self.lower[j] == self.lower[i])


_PAIRS = {"'": "'", "‘": "’", '"': '"', "“": "”"}
_OPENERS = {closer: opener for opener, closer in _PAIRS.items()}


def runs(indices: list[int]) -> list[list[int]]:
    """Consecutive token indices grouped: [3, 4, 7] -> [[3, 4], [7]]."""
    out: list[list[int]] = []
    for k in indices:
        if out and k == out[-1][-1] + 1:
            out[-1].append(k)
        else:
            out.append([k])
    return out
