"""A person's statements in time order with what became of each: ``timeline(store, name)``.

The same ``Timeline`` the web page shows (``views.timeline``), looked up by a name,
alias or ``#id`` the way ``who`` looks people up. Typed data; printing is the CLI's.
"""
from __future__ import annotations

from .query import find_people
from .store import QueryError, Store
from .views import Timeline, timeline as timeline_of


def timeline(store: Store, name: str | int) -> Timeline:
    """The statements of the person ``name`` means (most statements first when several), oldest first,
    each with the reactions it drew and the retractions and apologies that undid it."""
    with store.transaction(write=False) as tx:
        ids = find_people(tx, name)
    if not ids:
        hint = str(name).split()[-1] if str(name).split() else name
        raise QueryError(f"no one called {name!r} is on record: list people with `onrecord people list --query {hint}`.")
    return timeline_of(store, ids[0])


__all__ = ["timeline"]
