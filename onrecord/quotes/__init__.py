"""Finding statements in a parsed article: quote marks, cues, and rules on the parse."""
from __future__ import annotations

from .attribution import Attribution, find_quotes

__all__ = ["Attribution", "find_quotes"]
