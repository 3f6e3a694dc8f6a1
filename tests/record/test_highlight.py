"""Hits marked in Python mark the same words as SQLite's FTS5 ``highlight()``."""
from __future__ import annotations

import sqlite3

import pytest

from onrecord.record.highlight import highlight, phrases
from onrecord.record.sqlite import fts5_query, query_terms

TEXTS = [
    "The voters said the harbour plan is a disgrace to the town.",
    "Harbour plans, harbours and the harbourmaster's plan: all planned by the council.",
    "Councillor Zoë Brontë said the café's opening was delayed; she is angry as a result.",
    "It is, as ever, about the jobs: 300 jobs at the marina, 40 at the yard.",
    "We will appeal. We are appealing. The appeal was lodged by Ms Drake's lawyers.",
    "Running, runs and ran: the runner ran the running track in record time.",
]
QUERIES = ["harbour", "plan", '"harbour plan"', "jobs OR marina", "appeal -yard", "as", "cafe bronte",
           "running", "Council", '"the appeal"', "is angry"]


@pytest.fixture(scope="module")
def fts():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", enumerate(TEXTS))
    return db


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_words_are_marked_as_fts5_marks(fts, query):
    fts_marked = dict(fts.execute("SELECT rowid, highlight(t, 0, '⟦', '⟧') FROM t WHERE t MATCH ?",
                                  (fts5_query(query),)).fetchall())
    assert fts_marked, f"{query!r} matches some text"
    wanted = phrases(query_terms(query))
    for i, marked in fts_marked.items():  # only quotes the query matches are ever highlighted
        assert highlight(TEXTS[i], wanted, max_chars=10_000) == marked


def test_a_long_quote_is_cut_to_a_window_around_the_first_hit():
    text = "Opening words of a long statement. " * 12 + "The marina deal will bring jobs. " + "Closing. " * 30
    snippet = highlight(text, phrases(["marina"]))
    assert snippet.startswith("…") and snippet.endswith("…") and "⟦marina⟧" in snippet and len(snippet) < 240
