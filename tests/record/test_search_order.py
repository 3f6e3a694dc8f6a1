"""Every way a search can run gives the same page as sorting every match by hand.

SQLite picks one of four plans by how many quotes match and which filters are set
(the newest-first index alone, a batched scan, collect-and-sort, a walk that tests
each quote); PostgreSQL two. Thresholds are lowered here so each plan runs on a
small record, and every page is checked against a plain Python sort.
"""
from __future__ import annotations

import os
import random

import pytest
from record_helpers import make_article

from onrecord.models import Entity
from onrecord.record import open_store
from onrecord.record.pgtemp import create_database

WORDS = ["ferry", "toll", "harbour", "clinic", "bridge", "stadium"]
OUTLETS = ["Port Avery Post", "Harbour Herald", "Coastline Weekly"]
PEOPLE = [Entity(f"e{i}", name, "person") for i, name in enumerate(["Delia Marsh", "Tom Okafor", "Idris Vane"])]


def _corpus(n_articles: int = 40, seed: int = 3):
    rng = random.Random(seed)
    for a in range(n_articles):
        day = None if a % 9 == 0 else f"2024-{1 + a % 4:02d}-{1 + rng.randrange(3):02d}"  # shared days, undated
        quotes, sentences = [], []
        for k in range(5):
            words = f"the {rng.choice(WORDS)} and the {rng.choice(WORDS)} plan number {a * 5 + k}"
            sentences.append(f'"{words}," said {PEOPLE[k % 3].name}.')
            quotes.append((words, f"e{k % 3}", ("direct", "indirect")[k % 2]))
        yield make_article(f"a{a}", " ".join(sentences), quotes, PEOPLE, published=day,
                           outlet=OUTLETS[a % 3], url=f"https://example.test/{a}")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def record(request, tmp_path_factory):
    """One record per backend for the whole module (the tests only read it)."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("order") / "record.db")
    else:
        url = create_database(request.getfixturevalue("postgres_server"), f"search_order_{os.getpid()}")
    with open_store(url) as store:
        for article, extraction in _corpus():
            store.add(article, extraction)
        with store.transaction(write=False) as tx:
            rows = tx.all("SELECT q.id, q.content, q.published, q.outlet, q.kind, p.name FROM quotes q "
                          "LEFT JOIN mentions m ON m.id = q.mention_id LEFT JOIN people p ON p.id = m.person_id")
        yield store, rows


def _expected(rows, words, since=None, until=None, outlet=None, kind=None, speaker=None):
    keep = [r for r in rows if all(w in r[1].split() for w in words)
            and (since is None or (r[2] or "") >= since) and (until is None or (r[2] is not None and r[2] <= until))
            and (outlet is None or r[3] == outlet) and (kind is None or r[4] == kind)
            and (speaker is None or r[5] == speaker)]
    return [r[0] for r in sorted(keep, key=lambda r: (r[2] or "", r[0]), reverse=True)]


CASES = [
    ("ferry", {}),
    ("ferry toll", {}),
    ('"the ferry"', {}),
    ("harbour", {"since": "2024-02-01", "until": "2024-03-02"}),
    ("clinic", {"outlet": "Harbour Herald"}),
    ("bridge", {"kind": "indirect", "until": "2024-02-28"}),
    ("stadium", {"speaker": "Tom Okafor"}),
    ("plan", {"outlet": "Coastline Weekly", "kind": "direct"}),
]
# (few_matches, many_matches): SQLite scans in batches above "few", sorts up to "many",
# and above "many" tests each quote (PostgreSQL: sorts up to "many", else tests each).
PLANS = {"as shipped": None, "scan in batches": (0, 10**9), "collect and sort": (10**9, 10**9),
         "test each": (10**9, 0)}


@pytest.mark.parametrize("query, filters", CASES)
@pytest.mark.parametrize("plan", PLANS)
def test_every_search_plan_gives_the_sorted_page(record, query, filters, plan):
    store, rows = record
    store.few_matches, store.many_matches = PLANS[plan] or (type(store).few_matches, type(store).many_matches)
    words = [w.strip('"') for w in query.split() if w.strip('"') != "the"]
    expected = _expected(rows, words, **filters)
    assert expected, "each case matches something"
    got = []
    for page in range(4):
        got += [h.id for h in store.search(query, **filters, limit=7, offset=page * 7)]
    assert got == expected[:28]
