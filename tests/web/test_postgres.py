"""The web layer's queries (onrecord.record.views) on PostgreSQL give what they give on SQLite."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onrecord.settings import Settings
from onrecord.web import create_app

from demo_record import check_story_links, demo_postgres


@pytest.fixture(scope="module")
def pg_client():
    with demo_postgres("web_views") as url:
        check_story_links(url)
        with TestClient(create_app(Settings(db=url, connections=2))) as c:
            yield c


def strip_ids(value):
    """Drop database ids, which differ between backends; keep everything else."""
    if isinstance(value, dict):
        return {k: strip_ids(v) for k, v in value.items() if k not in ("id", "article_id", "quote_id", "person_id")}
    if isinstance(value, list):
        return [strip_ids(v) for v in value]
    return value


def test_pages_agree_with_sqlite(pg_client, client):
    def doc(c, doc_id):
        hits = c.get("/api/quotes", params={"per_page": 100}).json()["results"]
        return next(h["article_id"] for h in hits if h["doc_id"] == doc_id)

    for doc_id in ("kb-03-lowe-defends-drake", "kb-04-okonjo-condemns"):
        assert strip_ids(pg_client.get(f"/api/articles/{doc(pg_client, doc_id)}").json()) == \
            strip_ids(client.get(f"/api/articles/{doc(client, doc_id)}").json())
    lowe = [c.get("/api/people", params={"q": "Harriet Lowe"}).json()["results"][0]["id"] for c in (pg_client, client)]
    pg, lite = (c.get(f"/api/people/{i}/timeline").json() for c, i in zip((pg_client, client), lowe))
    assert strip_ids(pg) == strip_ids(lite)
    assert any(e["reactions"] for e in pg["entries"]) and pg["months"]
    assert pg_client.get("/?q=jury&outlet=The+Coastal+Post").status_code == 200
