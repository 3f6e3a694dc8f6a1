"""The record: articles, statements and people across articles, in SQLite or PostgreSQL.

``open_store(url)`` opens (and creates or migrates) a record; its methods ingest,
search and answer ``who``. See docs/record.md.
"""
from __future__ import annotations

from .ingest import IngestProgress, IngestSummary, content_hash, ingest, store_extraction
from .query import FailureRecord, PersonRecord, PersonSummary, QuoteHit, RecordCounts, Seen
from .relink import RelinkSummary
from .store import DEFAULT_DB, QueryError, Store, StoreError, open_store

__all__ = [
    "DEFAULT_DB",
    "FailureRecord",
    "IngestProgress",
    "IngestSummary",
    "PersonRecord",
    "PersonSummary",
    "QueryError",
    "QuoteHit",
    "RecordCounts",
    "RelinkSummary",
    "Seen",
    "Store",
    "StoreError",
    "content_hash",
    "ingest",
    "open_store",
    "store_extraction",
]
