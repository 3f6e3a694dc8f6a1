"""Fixtures for the web tests: a real SQLite record ingested from the demo corpus.

The record is built once per session from ``demo/corpus.jsonl`` (our fictional
Kestrel Bay story) through the real extraction and ingest, which links statements across articles;
the fixture checks that the two links the story is written to produce came out
(Okonjo's condemnation reacts to Lowe's defence of Drake; Lowe's retraction retracts it).
"""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from onrecord.ingest import iter_articles
from onrecord.record import open_store
from onrecord.settings import Settings
from onrecord.web import create_app

from demo_record import CORPUS, check_story_links  # noqa: E402 - tests/web/demo_record.py


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """Path of a SQLite record of the demo corpus (treat as read-only; copy it to write)."""
    path = str(tmp_path_factory.mktemp("record") / "demo.db")
    with open_store(path) as store:
        summary = store.ingest(iter_articles([str(CORPUS)]))
    assert summary.stored == 12 and summary.failed == 0, summary
    check_story_links(path)
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
