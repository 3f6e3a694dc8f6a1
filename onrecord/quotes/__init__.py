"""Finding statements in a parsed article: quote marks, cues, and rules on the parse."""
from __future__ import annotations

from .attribution import Attribution, find_quoted
from .indirect import find_asked, find_indirect
from .labels import find_labelled, without_labelled
from .tokens import Tokens

__all__ = ["Attribution", "Tokens", "find_marked_statements", "find_quotes"]


def find_marked_statements(toks: Tokens) -> list[Attribution]:
    """Statements in quote marks and after a speaker's label (transcript turns, a headline's source)."""
    labelled = find_labelled(toks)
    return labelled + without_labelled(find_quoted(toks), labelled)


def find_quotes(toks: Tokens) -> list[Attribution]:
    """Every statement in the document, quoted or reported, in text order."""
    quoted = find_marked_statements(toks)
    taken = [span for a in quoted for span in a.content]
    reported = find_indirect(toks, taken)
    reported += find_asked(toks, taken)  # after the rest: what a participle says was asked
    return sorted(quoted + reported, key=lambda a: a.content[0][0])
