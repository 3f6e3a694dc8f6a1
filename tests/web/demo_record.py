"""The demo record the web tests use: the corpus file and the story's statement links.

Ingest links statements across articles (onrecord.record.linking); the demo story
is written so that two links come out of it (Okonjo's condemnation reacts to Lowe's
defence of Drake; Lowe's retraction retracts it). ``check_story_links`` asserts
they did, so the pages' display of links is tested on links ingest found itself.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from onrecord.ingest import iter_articles
from onrecord.record import StoreError, open_store
from onrecord.record.pgtemp import create_database, postgres_bindir, temporary_postgres

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "demo" / "corpus.jsonl"

# (from: doc id, words in the statement) -> (to: doc id, words), link type
STORY_LINKS = [
    (("kb-04-okonjo-condemns", "respect the verdict"), ("kb-03-lowe-defends-drake", "decent man"), "reacts_to"),
    (("kb-10-lowe-retracts", "withdraw my statement"), ("kb-03-lowe-defends-drake", "decent man"), "retracts"),
]


def quote_id(tx, doc_id: str, words: str) -> int:
    row = tx.one("SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id "
                 "WHERE a.doc_id = ? AND a.is_current = 1 AND q.content LIKE ? ORDER BY q.position",
                 (doc_id, f"%{words}%"))
    assert row, f"the demo record has no statement in {doc_id} containing {words!r}"
    return row[0]


def check_story_links(db: str) -> None:
    """Fail unless ingest stored the story's links (nothing is added by hand)."""
    with open_store(db) as store, store.transaction(write=False) as tx:
        for (src, src_words), (dst, dst_words), kind in STORY_LINKS:
            ends = (quote_id(tx, src, src_words), quote_id(tx, dst, dst_words), kind)
            assert tx.scalar("SELECT 1 FROM links WHERE from_quote = ? AND to_quote = ? AND type = ?", ends), \
                f"ingest did not link {src} ({src_words!r}) {kind} {dst} ({dst_words!r})"


@contextmanager
def demo_postgres(name: str) -> Iterator[str]:
    """The demo corpus ingested into database ``name`` of a throwaway PostgreSQL server; yields its URL.
    Skips when PostgreSQL is not installed."""
    if postgres_bindir() is None:
        pytest.skip("PostgreSQL binaries not found: install the Debian package `postgresql` (.ci/run does)")
    try:
        with temporary_postgres() as base:
            url = create_database(base, name)
            with open_store(url) as store:
                store.ingest(iter_articles([str(CORPUS)]))
            yield url
    except StoreError as e:
        pytest.fail(str(e))
