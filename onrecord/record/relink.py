"""Derive every link across articles again, for the whole record (``onrecord relink``).

Ingest links each article's statements to other articles as it arrives, and a merge or
split relinks the people it touches. A whole-record relink is for what neither reaches:
a record written by an older onrecord (statements stored before migration 4 have no
target key, so reactions to them were never looked up), or linking rules that have
changed since. Each article is relinked in a transaction of its own: an interrupted run
keeps what it finished, and running it again gives the same links.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from ..models import Target
from .linking import article_rows, relink_rows, target_key
from .store import Store, Tx

LINK_TYPES = ("reacts_to", "retracts", "apologises_for", "same_quote")


@dataclass(frozen=True)
class RelinkSummary:
    """What a whole-record relink did: links across articles by type, before and after."""

    articles: int
    statements: int
    target_keys: int  # statements whose target key was missing or out of date
    before: dict[str, int]
    after: dict[str, int]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _counts(store: Store) -> dict[str, int]:
    with store.transaction(write=False) as tx:
        found = dict(tx.all("SELECT type, count(*) FROM links WHERE scope = 'record' GROUP BY type"))
    return {kind: int(found.get(kind, 0)) for kind in LINK_TYPES}


def _rekey_targets(tx: Tx) -> int:
    """Fill in (or correct) the target key of every statement that names a target."""
    changed = []
    for qid, name, kind, key in tx.all("SELECT id, target_name, target_kind, target_key FROM quotes "
                                       "WHERE target_name IS NOT NULL AND target_kind IS NOT NULL"):
        want = target_key(Target(name, kind))
        if want != key:
            changed.append((want, qid))
    tx.many("UPDATE quotes SET target_key = ? WHERE id = ?", changed)
    return len(changed)


def relink(store: Store, progress: Callable[[int, int], None] | None = None) -> RelinkSummary:
    """Relink every current article's statements to other articles; ``progress(done, total)``."""
    started = time.perf_counter()
    before = _counts(store)
    with store.transaction() as tx:
        rekeyed = _rekey_targets(tx)
        article_ids = [a for (a,) in tx.all("SELECT id FROM articles WHERE is_current = 1 ORDER BY id")]
    statements = 0
    for done, article_id in enumerate(article_ids, 1):
        with store.transaction() as tx:
            rows = article_rows(tx, article_id)
            relink_rows(tx, rows)
        statements += len(rows)
        if progress is not None:
            progress(done, len(article_ids))
    return RelinkSummary(len(article_ids), statements, rekeyed, before, _counts(store),
                         round(time.perf_counter() - started, 3))
