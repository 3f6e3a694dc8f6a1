"""The demo record the web tests use: the corpus file and the story's statement links.

Cross-article statement links are the record's job (issue 5); until ingest stores
them, ``ensure_story_links`` adds the two links the story is written to produce
(Okonjo's condemnation reacts to Lowe's defence of Drake; Lowe's retraction
retracts it), so that the pages' display of links is tested either way. Links
ingest finds itself are kept and nothing is added.
"""
from __future__ import annotations

from pathlib import Path

from onrecord.record import open_store

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
