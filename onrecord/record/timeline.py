"""A person's statements in time order with what became of each: ``timeline(store, name)``.

The same ``Timeline`` the web page shows (``views.timeline``), looked up by a name,
alias or ``#id`` the way ``who`` looks people up. Typed data; printing is the CLI's.
"""
from __future__ import annotations

from .query import people_called
from .store import Store
from .views import Timeline, timeline as timeline_of


def timeline(store: Store, name: str | int) -> Timeline:
    """The statements of the person ``name`` means (most statements first when several), oldest first,
    each with the reactions it drew and the retractions and apologies that undid it."""
    with store.transaction(write=False) as tx:
        ids = people_called(tx, name)
    return timeline_of(store, ids[0])


__all__ = ["timeline"]
