"""A claim reported together with its denial: '…, a claim the Department of Health disputed'.

News reports an accusation and, in the same sentence, that it is denied or disputed:
``insisted the trust had been "underfunded for a decade" — a claim the Department of Health
disputed``, ``…, an allegation he denies``. The tail is a statement of its own (PolNeAR
annotates it so: content ``a charge``, cue ``strongly denied``, source ``Colorado Republican
leaders``), and the statement before it ends where the tail begins.
"""
from __future__ import annotations

import re

from .attribution import Attribution
from .tokens import Tokens

_TAIL = re.compile(
    r"(?P<sep>,[ \t]*|[ \t]*[—–][ \t]*|[ \t]+-[ \t]+)"
    r"(?P<content>an? (?:claim|allegation|charge|accusation|assertion|characteri[sz]ation|account|contention|suggestion))"
    r"(?: that| which)?[ \t]+"
    r"(?P<source>[^,.;:—–\"“”\n]{1,60}?)[ \t]+"
    r"(?P<cue>(?:(?:strongly|strenuously|vehemently|flatly|firmly|categorically|has|have|had|also|always) )*"
    r"(?:den(?:y|ies|ied)|disput(?:e|es|ed)|reject(?:s|ed)?|contest(?:s|ed)?|dismiss(?:es|ed)?|call(?:s|ed)? false))\b"
)


def find_disputed(toks: Tokens) -> list[Attribution]:
    """Every '…, a claim X denies' tail of a sentence, as the statement it is."""
    found = []
    for m in _TAIL.finditer(toks.text):
        source = (m.start("source"), m.end("source"))
        found.append(Attribution(
            [(m.start("content"), m.end("content"))], "indirect", cue=(m.start("cue"), m.end("cue")), source=source,
            source_head=toks.span_tokens(*source)[1], confidence=0.8,
        ))
    return found


def cut_before_tails(found: list[Attribution], tails: list[Attribution], text: str) -> None:
    """End each statement's content where a tail that follows it in the sentence begins (in place)."""
    for tail in tails:
        begin = tail.content[0][0]
        for a in found:
            if a is tail:
                continue
            a.content = [(s, _before(text, begin) if s < begin < e else e) for s, e in a.content]
            a.content = [(s, e) for s, e in a.content if e > s]


def _before(text: str, i: int) -> int:
    """The end of the words before a tail's separator (no comma, dash or space)."""
    while i > 0 and text[i - 1] in " \t,—–-":
        i -= 1
    return i
