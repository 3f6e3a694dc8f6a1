"""The REST API through the real app (FastAPI's TestClient) over a real SQLite record."""
from __future__ import annotations

import asyncio
import sqlite3

import httpx
import pytest
from fastapi.testclient import TestClient
from live_server import serve

from onrecord.settings import Settings
from onrecord.web import create_app

TOKEN = "test-token-0123456789"

ARTICLE = ("Harbour master resigns over storm damage\n\n"
           "Kestrel Bay harbour master Ines Corr resigned on Friday after the storm wrecked the east pier.\n\n"
           '"I should have closed the pier two days earlier," Corr said. "That decision was mine alone."\n')


@pytest.fixture
def writer(db_copy):
    """The app over a writable copy of the demo record, writes open with TOKEN."""
    with TestClient(create_app(Settings(db=db_copy, api_token=TOKEN))) as c:
        yield c


def assert_error(response, status: int, *words: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message", "detail"}, body
    assert body["error"]["status"] == status
    for word in words:
        assert word in body["error"]["message"], body
    return body["error"]


def all_pages(client, **params) -> list[dict]:
    hits, page = [], 1
    while page:
        body = client.get("/api/quotes", params={**params, "page": page}).json()
        hits += body["results"]
        page = body["next_page"]
    return hits


def ids_of(client, doc_id: str) -> int:
    hits = all_pages(client, per_page=100)
    return next(h["article_id"] for h in hits if h["doc_id"] == doc_id)


# -- /api/quotes -------------------------------------------------------------------------
def test_search_finds_words_and_marks_them(client):
    body = client.get("/api/quotes", params={"q": "miscarriage"}).json()
    assert body["results"], body
    assert all("miscarriage" in h["content"].lower() for h in body["results"])
    assert any("⟦" in h["snippet"] for h in body["results"])


@pytest.mark.parametrize("params, check", [
    ({"speaker": "Harriet Lowe"}, lambda h: h["person"] == "Harriet Lowe"),
    ({"outlet": "the coastal post"}, lambda h: h["outlet"] == "The Coastal Post"),
    ({"since": "2024-03-01", "until": "2024-03-04"}, lambda h: "2024-03-01" <= h["published"] <= "2024-03-04"),
    ({"kind": "indirect"}, lambda h: h["kind"] == "indirect"),
    ({"type": "commitment"}, lambda h: h["type"] == "commitment"),
])
def test_filters(client, params, check):
    hits = all_pages(client, **params)
    assert hits, params
    assert all(check(h) for h in hits), params


def test_pagination_is_stable_and_complete(client):
    everything = all_pages(client, per_page=100)
    paged = all_pages(client, per_page=7)
    assert len(everything) > 14  # more than two pages of 7
    assert [h["id"] for h in paged] == [h["id"] for h in everything]
    assert len({h["id"] for h in paged}) == len(paged)
    keys = [(h["published"], h["id"]) for h in everything]
    assert keys == sorted(keys, reverse=True)  # newest first, ties by id
    last = len(everything) // 7 + 1
    body = client.get("/api/quotes", params={"per_page": 7, "page": last}).json()
    assert body["next_page"] is None and body["prev_page"] == last - 1
    beyond = client.get("/api/quotes", params={"per_page": 7, "page": last + 5}).json()
    assert beyond["results"] == [] and beyond["next_page"] is None


@pytest.mark.parametrize("url, parameter", [
    ("/api/quotes?since=2024-13-01", "since"),
    ("/api/quotes?until=yesterday", "until"),
    ("/api/quotes?kind=quoted", "kind"),
    ("/api/quotes?type=rant", "type"),
    ("/api/quotes?page=0", "page"),
    ("/api/quotes?per_page=1000", "per_page"),
    ("/api/people?limit=0", "limit"),
    ("/api/people/abc", "person_id"),
    ("/api/people/0/timeline", "person_id"),
    ("/api/articles/-3", "article_id"),
])
def test_invalid_parameters_are_named(client, url, parameter):
    error = assert_error(client.get(url), 422, parameter)
    assert any(d["parameter"] == parameter for d in error["detail"])


def test_query_without_words_is_422(client):
    assert_error(client.get("/api/quotes", params={"q": '"" -'}), 422, "no words")


# -- people and articles -------------------------------------------------------------------
def test_people_search_and_person(client):
    found = client.get("/api/people", params={"q": "Lowe"}).json()["results"]
    lowe = next(p for p in found if p["name"] == "Harriet Lowe")
    assert lowe["statements"] >= 3 and lowe["articles"] >= 3
    person = client.get(f"/api/people/{lowe['id']}").json()
    assert person["person"]["id"] == lowe["id"]
    assert "Lowe" in {a["value"] for a in person["aliases"]}
    assert any("MP" in r["value"] for r in person["roles"])
    assert person["timeline"] == f"/api/people/{lowe['id']}/timeline"
    assert_error(client.get("/api/people/99999"), 404, "#99999")


def test_timeline_in_time_order_with_reactions_and_retraction(client):
    lowe = client.get("/api/people", params={"q": "Harriet Lowe"}).json()["results"][0]
    timeline = client.get(f"/api/people/{lowe['id']}/timeline").json()
    dates = [e["statement"]["published"] for e in timeline["entries"]]
    assert dates == sorted(dates) and dates[0] == "2024-01-18"
    defence = next(e for e in timeline["entries"] if "decent man" in e["statement"]["content"])
    assert any("respect the verdict" in r["content"] for r in defence["reactions"])
    assert sorted(u["type"] for u in defence["undone_by"]) == ["apologises_for", "retracts"]  # "…and I apologise"
    months = {m["month"]: m["statements"] for m in timeline["months"]}
    assert list(months) == ["2024-01", "2024-02", "2024-03"] and sum(months.values()) == len(dates)


def test_a_timeline_comes_a_page_at_a_time(client):
    lowe = client.get("/api/people", params={"q": "Harriet Lowe"}).json()["results"][0]
    whole = client.get(f"/api/people/{lowe['id']}/timeline").json()
    count = len(whole["entries"])
    pages = [client.get(f"/api/people/{lowe['id']}/timeline", params={"page": n, "per_page": 2}).json()
             for n in range(1, (count + 1) // 2 + 1)]
    assert pages[0]["page"] == {"page": 1, "of": len(pages), "entries": count}
    assert [e for p in pages for e in p["entries"]] == whole["entries"] and len(pages) > 1
    assert all(p["months"] == whole["months"] for p in pages)  # every month counts every statement
    assert client.get(f"/api/people/{lowe['id']}/timeline", params={"per_page": 501}).status_code == 422


def test_article_with_spans_speakers_and_links(client):
    article = client.get(f"/api/articles/{ids_of(client, 'kb-04-okonjo-condemns')}").json()
    assert article["outlet"] == "Westmoor Evening News" and article["published"] == "2024-02-27"
    text = article["text"]
    for s in article["statements"]:
        assert " ".join(text[p["start"]:p["end"]] for p in s["spans"]) == s["content"]
        if s["cue"]:
            assert text[s["cue"]["start"]:s["cue"]["end"]] == s["cue"]["text"]
    reaction = next(s for s in article["statements"] if "respect the verdict" in s["content"])
    assert reaction["speaker"]["person"] == "Nadia Okonjo"
    link = next(x for x in reaction["links"] if x["type"] == "reacts_to")
    assert "decent man" in link["content"] and link["speaker"] == "Harriet Lowe"
    assert_error(client.get("/api/articles/4242"), 404, "#4242")


def test_every_article_a_page_at_a_time_as_export_lines(client):
    pages, after = [], 0
    while after is not None:
        body = client.get("/api/articles", params={"after": after, "limit": 3}).json()
        assert len(body["articles"]) <= 3
        pages.append(body["articles"])
        after = body["next_after"]
    articles = [a for page in pages for a in page]
    ids = [a["record_id"] for a in articles]
    assert len(pages) > 2 and ids == sorted(set(ids)) and all(a["is_current"] for a in articles)
    one = next(a for a in articles if a["id"] == "kb-04-okonjo-condemns")
    assert client.get("/api/articles", params={"after": one["record_id"] - 1, "limit": 1}).json()["articles"] == [one]
    whole = client.get(f"/api/articles/{one['record_id']}").json()
    assert one["text"] == whole["text"] and one["statements"] == whole["statements"]
    assert {k: one[k] for k in ("url", "title", "published", "outlet")} == {k: whole[k] for k in ("url", "title", "published", "outlet")}
    assert client.get("/api/articles", params={"limit": 501}).status_code == 422
    assert client.get("/api/articles", params={"after": 2**63}).status_code == 422  # past any record id


# -- extraction ------------------------------------------------------------------------
def test_extract_text_and_html(client):
    body = client.post("/api/extract", json={"text": ARTICLE}).json()
    assert body["text"] == ARTICLE and body["title"] == "Harbour master resigns over storm damage"
    quote = next(q for q in body["quotes"] if "closed the pier" in q["content"][0]["text"])
    assert quote["speaker"]["name"] == "Ines Corr" and quote["cue"]["text"] == "said"
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")) + "</article></body></html>"
    body = client.post("/api/extract", json={"html": html}).json()
    assert any("closed the pier" in q["content"][0]["text"] for q in body["quotes"])


def test_extract_method_and_min_confidence(client):
    reported = {"text": "Traders blasted the council for months of delays, and the port authority refused to "
                        "publish its safety review. Mayor Ana Ruiz said that the ferry would run again by spring."}
    by_model = client.post("/api/extract", json=reported).json()["quotes"]
    by_rules = client.post("/api/extract?method=rules", json=reported).json()["quotes"]
    assert len(by_model) > len(by_rules) >= 1
    by_encoder = client.post("/api/extract?method=encoder", json=reported).json()["quotes"]
    assert {q["cue"]["text"] for q in by_encoder if q["cue"]} >= {"blasted", "said"}
    confident = client.post("/api/extract?min_confidence=0.7", json=reported).json()["quotes"]
    assert [q["content"] for q in confident] == [q["content"] for q in by_model if q["confidence"] >= 0.7]
    assert_error(client.post("/api/extract?method=neural", json=reported), 422)
    assert_error(client.post("/api/extract?min_confidence=2", json=reported), 422)


@pytest.mark.parametrize("payload, words", [
    ({"text": "   "}, "empty"),
    ({}, "exactly one"),
    ({"text": "a", "html": "<p>a</p>"}, "exactly one"),
    ({"text": 5}, "text"),
])
def test_extract_rejects_bad_bodies(client, payload, words):
    response = client.post("/api/extract", json=payload)
    error = assert_error(response, 422)
    assert words in error["message"] or words in str(error["detail"])


def test_size_limit(demo_db):
    with TestClient(create_app(Settings(db=demo_db, max_body_bytes=5_000))) as small:
        big = {"text": "word " * 2_000}
        assert_error(small.post("/api/extract", json=big), 413, "5,000 bytes")
        chunks = (b'{"text": "' + b"x" * 1_000 + b'"}' if i == 0 else b" " * 1_000 for i in range(8))
        assert_error(small.post("/api/extract", content=chunks, headers={"content-type": "application/json"}),
                     413, "limit")
        assert small.post("/api/extract", json={"text": ARTICLE}).status_code == 200


# -- writes ----------------------------------------------------------------------------
def test_writes_closed_without_a_token(client):
    assert_error(client.post("/api/articles", json={"text": ARTICLE}), 403, "ONRECORD_API_TOKEN")


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer wrong-token", f"Basic {TOKEN}", TOKEN])
def test_writes_need_the_token(writer, header):
    headers = {"Authorization": header} if header else {}
    response = writer.post("/api/articles", json={"text": ARTICLE}, headers=headers)
    assert_error(response, 401, "ONRECORD_API_TOKEN")
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_statement_left_without_a_speaker_shows_the_words_the_article_used(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "The toll rose on Monday. They said the toll would ruin them.\n"
    assert writer.post("/api/articles", json={"id": "traders", "text": text}, headers=auth).status_code == 201
    [hit] = writer.get("/api/quotes", params={"q": "toll ruin"}).json()["results"]
    assert (hit["speaker"], hit["person"], hit["source"]) == (None, None, "They")
    page = writer.get("/", params={"q": "toll ruin"})
    assert page.status_code == 200 and '<span class="speaker unknown">unknown speaker (“They”)</span>' in page.text


def test_ingest_one_article(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    payload = {"id": "pier", "text": ARTICLE, "outlet": "Bayline Radio News", "published": "2024-03-06"}
    first = writer.post("/api/articles", json=payload, headers=auth)
    assert first.status_code == 201 and first.json()["outcome"] == "stored", first.text
    again = writer.post("/api/articles", json=payload, headers=auth)
    assert again.status_code == 200 and again.json()["outcome"] == "skipped"
    assert again.json()["article_id"] == first.json()["article_id"]
    hits = writer.get("/api/quotes", params={"q": "pier", "speaker": "Ines Corr"}).json()["results"]
    assert hits and hits[0]["outlet"] == "Bayline Radio News"
    article = writer.get(first.json()["url"]).json()
    assert article["title"] == "Harbour master resigns over storm damage"
    revised = writer.post("/api/articles", json={**payload, "outlet": "Bayline Radio"}, headers=auth)
    assert revised.status_code == 201 and revised.json()["outcome"] == "replaced"
    old = writer.post("/api/articles", json=payload, headers=auth)  # the superseded text, sent again
    assert old.status_code == 200 and old.json()["outcome"] == "skipped"
    assert old.json()["article_id"] == revised.json()["article_id"] != first.json()["article_id"]
    superseded = writer.get(first.json()["url"]).json()  # an older version points to the current one
    assert (superseded["is_current"], superseded["current_id"]) == (False, revised.json()["article_id"])
    page = writer.get(f"/articles/{first.json()['article_id']}")
    assert f'<a href="/articles/{revised.json()["article_id"]}">the current version</a>' in page.text


def test_articles_sent_without_an_id_or_url_are_each_their_own(writer):
    """With no id nor url nothing says two texts are versions of one article: the second is stored
    beside the first, not in its place; the same text again is skipped."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    pier = 'Pier closes\n\n"We will rebuild it," harbour master Ines Corr said.\n'
    library = 'Library shuts\n\n"It is a sad day," librarian Ann Vale said.\n'
    first = writer.post("/api/articles", json={"text": pier}, headers=auth)
    second = writer.post("/api/articles", json={"text": library}, headers=auth)
    assert (first.json()["outcome"], second.json()["outcome"]) == ("stored", "stored"), second.text
    again = writer.post("/api/articles", json={"text": pier}, headers=auth)
    assert again.json()["outcome"] == "skipped"
    assert writer.get("/api/quotes", params={"q": "rebuild"}).json()["results"]
    assert writer.get("/api/quotes", params={"q": "sad day"}).json()["results"]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-02"])
def test_dates_at_the_ends_of_the_calendar_are_stored(writer, day):
    """Linking looks for what a statement answers in the weeks around it: never past the calendar's end."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = ('Minister withdraws remark\n\n"I withdraw my remark about the ferry and I apologise," Alan Pryce said. '
            'Morag Finlay called the remark "insulting".\n')
    made = writer.post("/api/articles", json={"id": f"far-{day}", "published": day, "text": text}, headers=auth)
    assert made.status_code == 201, made.text


def test_pages_escape_what_articles_contain(writer):
    evil = ('<script>alert("x")</script> Council row\n\nThe clerk, Ada Moss, said: '
            '"<img src=x onerror=alert(1)> is not a word we use here."\n')
    made = writer.post("/api/articles", json={"id": "evil", "text": evil}, headers={"Authorization": f"Bearer {TOKEN}"})
    page = writer.get(f"/articles/{made.json()['article_id']}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_corrections_split_merge_and_relink(writer, db_copy):
    """Who is who, corrected over the API (bearer token): a split, a merge back and a relink,
    after which the demo story still has the links ingest gave it."""
    from demo_record import check_story_links

    auth = {"Authorization": f"Bearer {TOKEN}"}
    [lowe] = [p for p in writer.get("/api/people", params={"q": "Harriet Lowe"}).json()["results"]
              if p["name"] == "Harriet Lowe"]
    assert_error(writer.post(f"/api/people/{lowe['id']}/split", json={"names": ["Lowe"]}), 401, "ONRECORD_API_TOKEN")
    split = writer.post(f"/api/people/{lowe['id']}/split", json={"names": ["Lowe"]}, headers=auth)
    assert split.status_code == 201, split.text
    new = split.json()
    assert new["name"] == "Lowe" and new["mentions"] == 1 and new["id"] != lowe["id"]
    assert writer.get(f"/api/people/{lowe['id']}").json()["person"]["mentions"] == lowe["mentions"] - 1
    merged = writer.post(f"/api/people/{lowe['id']}/merge", json={"other": f"#{new['id']}"}, headers=auth)
    assert merged.status_code == 200, merged.text
    assert merged.json()["mentions"] == lowe["mentions"] and merged.json()["statements"] == lowe["statements"]
    assert_error(writer.get(f"/api/people/{new['id']}"), 404)
    relinked = writer.post("/api/relink", headers=auth)
    assert relinked.status_code == 200 and relinked.json()["before"] == relinked.json()["after"], relinked.text
    assert relinked.json()["after"]["retracts"] >= 1
    check_story_links(db_copy)
    assert_error(writer.post("/api/people/999999/merge", json={"other": "#1"}, headers=auth), 404, "#999999")
    assert_error(writer.post(f"/api/people/{lowe['id']}/split", json={"names": ["Nobody"]}, headers=auth),
                 422, "no mentions called 'Nobody'")
    assert_error(writer.post(f"/api/people/{lowe['id']}/merge", json={"other": f"#{lowe['id']}"}, headers=auth),
                 422, "already the same person")


# -- errors ------------------------------------------------------------------------------
def test_one_error_body_for_404_405_and_500(client, db_copy):
    assert_error(client.get("/api/nothing"), 404, "/api/nothing")
    assert_error(client.delete("/api/quotes"), 405, "DELETE")
    with sqlite3.connect(db_copy) as conn:  # a damaged record: a table is gone
        conn.execute("DROP TABLE links")
    with TestClient(create_app(Settings(db=db_copy)), raise_server_exceptions=False) as broken:
        error = assert_error(broken.get("/api/articles/1"), 500, "went wrong")
        assert "Traceback" not in str(error)


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/quotes", "/api/people", "/api/people/{person_id}", "/api/people/{person_id}/timeline",
            "/api/articles/{article_id}", "/api/extract", "/api/articles", "/api/people/{person_id}/merge",
            "/api/people/{person_id}/split", "/api/relink"} <= set(paths)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_more_concurrent_searches_than_connections_and_threads_all_answer(demo_db):
    """One store connection (so three worker threads) and 40 searches at once over real HTTP:
    requests queue for the store on the event loop, none holds a thread while waiting."""
    async def burst(base: str) -> list[int]:
        async with httpx.AsyncClient(base_url=base, timeout=20) as http:
            answers = await asyncio.gather(*(http.get("/api/quotes", params={"q": word, "page": 1 + i % 2})
                                             for i, word in enumerate(["jury", "marina", "apology", "verdict"] * 10)))
        return [r.status_code for r in answers]

    with serve(create_app(Settings(db=demo_db, connections=1))) as base:
        assert asyncio.run(burst(base)) == [200] * 40
