"""Finding statements in a parsed article: quote marks, cues, and rules on the parse."""
from __future__ import annotations

from .attribution import Attribution, find_quoted
from .indirect import find_indirect
from .tokens import Tokens

__all__ = ["Attribution", "Tokens", "find_quotes"]


def find_quotes(toks: Tokens) -> list[Attribution]:
    """Every statement in the document, quoted or reported, in text order."""
    quoted = find_quoted(toks)
    taken = [span for a in quoted for span in a.content]
    reported = find_indirect(toks, taken)
    return sorted(quoted + reported, key=lambda a: a.content[0][0])
