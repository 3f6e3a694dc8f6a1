"""The record written out whole: one article per line, with what the record made of it.

Each line is a JSONL input line (``id``, ``text``, ``url``, ``title``, ``published``,
``outlet``), so ``onrecord ingest`` reads an export back, into this record or another
(SQLite to PostgreSQL, say); the rest of the line is what the record holds for the
article: its statements with spans, speakers (and the person each is on record as),
types, targets and links, here and to other articles. ``GET /api/articles`` gives the
same lines a page at a time.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .store import MAX_ID, Store
from .views import NotFoundError, article

_META = ("url", "title", "published", "outlet")
PAGE = 100  # articles read per step of an export
MAX_PAGE = 500  # the most one API page may ask for


def export_page(store: Store, after: int = 0, limit: int = PAGE,
                all_versions: bool = False) -> tuple[list[dict[str, Any]], int | None]:
    """Up to ``limit`` articles stored after record id ``after`` (the current version of each,
    or every version), as export lines; and the id to ask after for the next page (None: no more)."""
    if after >= MAX_ID:  # no record id is larger (and SQLite takes no larger integer)
        return [], None
    current = "" if all_versions else " AND is_current = 1"
    with store.transaction(write=False) as tx:
        ids = [int(r[0]) for r in tx.all(f"SELECT id FROM articles WHERE id > ?{current} ORDER BY id LIMIT ?",
                                         (after, limit + 1))]
    lines = [line for line in (_line(store, i) for i in ids[:limit]) if line is not None]
    return lines, (ids[limit - 1] if len(ids) > limit else None)


def export_articles(store: Store, all_versions: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> Iterator[dict[str, Any]]:
    """Every article of the record (the current version of each, or every version), as the
    line ``onrecord export`` writes for it, in the order they were stored."""
    current = "" if all_versions else " WHERE is_current = 1"
    with store.transaction(write=False) as tx:
        total = int(tx.scalar(f"SELECT count(*) FROM articles{current}"))
    after, done = 0, 0
    while after is not None:
        lines, after = export_page(store, after, PAGE, all_versions)
        for line in lines:
            done += 1
            yield line
            if progress:
                progress(done, max(total, done))


def _line(store: Store, article_id: int) -> dict[str, Any] | None:
    try:
        view = article(store, article_id)
    except NotFoundError:  # removed while the export ran
        return None
    d = view.to_dict()
    return {"id": view.doc_id, "text": view.text, **{k: d[k] for k in _META}, "record_id": view.id,
            "version": view.version, "is_current": view.is_current, "statements": d["statements"]}
