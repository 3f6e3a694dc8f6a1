"""Fixtures for the web tests: a real SQLite record ingested from the demo corpus.

The record is built once per session from ``demo/corpus.jsonl`` (our fictional
Kestrel Bay story) through the real extraction and ingest. Cross-article statement
links are the record's job (issue 5); until ingest stores them, the fixture adds the
two links the story is written to produce (Okonjo's condemnation reacts to Lowe's
defence of Drake; Lowe's retraction retracts it), so that the pages' display of
links is tested either way. Links ingest finds itself are kept and nothing is added.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onrecord.ingest import iter_articles
from onrecord.record import open_store
from onrecord.settings import Settings
from onrecord.web import create_app

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


def ensure_story_links(db: str) -> None:
    with open_store(db) as store, store.transaction() as tx:
        if tx.scalar("SELECT count(*) FROM links WHERE type IN ('reacts_to', 'retracts')"):
            return
        for (src, src_words), (dst, dst_words), kind in STORY_LINKS:
            tx.run("INSERT INTO links (from_quote, to_quote, type, confidence, evidence) VALUES (?, ?, ?, ?, ?)",
                   (quote_id(tx, src, src_words), quote_id(tx, dst, dst_words), kind, 0.8,
                    "added by the web tests: the story's link"))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """Path of a SQLite record of the demo corpus (treat as read-only; copy it to write)."""
    path = str(tmp_path_factory.mktemp("record") / "demo.db")
    with open_store(path) as store:
        summary = store.ingest(iter_articles([str(CORPUS)]))
    assert summary.stored == 12 and summary.failed == 0, summary
    ensure_story_links(path)
    return path


@pytest.fixture
def db_copy(demo_db, tmp_path) -> str:
    """A writable copy of the demo record."""
    target = tmp_path / "copy.db"
    shutil.copy(demo_db, target)
    return str(target)


@pytest.fixture(scope="session")
def client(demo_db):
    """The app over the demo record, writes closed (no token)."""
    with TestClient(create_app(Settings(db=demo_db))) as c:
        yield c
