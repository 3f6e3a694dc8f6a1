"""The record written out whole: one article per line, with what the record made of it.

Each line is a JSONL input line (``id``, ``text``, ``url``, ``title``, ``published``,
``outlet``), so ``onrecord ingest`` reads an export back, into this record or another
(SQLite to PostgreSQL, say); the rest of the line is what the record holds for the
article: its statements with spans, speakers (and the person each is on record as),
types, targets and links, here and to other articles.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .store import Store
from .views import NotFoundError, article

_META = ("url", "title", "published", "outlet")


def export_ids(store: Store, all_versions: bool = False) -> list[int]:
    """The articles an export writes, in the order they were stored: the current version of
    each, or every version."""
    where = "" if all_versions else " WHERE is_current = 1"
    with store.transaction(write=False) as tx:
        return [int(r[0]) for r in tx.all(f"SELECT id FROM articles{where} ORDER BY id")]


def export_articles(store: Store, all_versions: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> Iterator[dict[str, Any]]:
    """Every article of the record (the current version of each, or every version), as the
    line ``onrecord export`` writes for it."""
    ids = export_ids(store, all_versions)
    for done, article_id in enumerate(ids, 1):
        try:
            view = article(store, article_id)
        except NotFoundError:  # removed while the export ran
            continue
        d = view.to_dict()
        yield {"id": view.doc_id, "text": view.text, **{k: d[k] for k in _META},
               "record_id": view.id, "version": view.version, "is_current": view.is_current,
               "statements": d["statements"]}
        if progress:
            progress(done, len(ids))
