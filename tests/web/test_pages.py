"""Pages: server-rendered HTML with a JSON twin built by the same function as the API."""
from __future__ import annotations

import pytest

from onrecord.web.render import segments


def lowe_id(client) -> int:
    return client.get("/api/people", params={"q": "Harriet Lowe"}).json()["results"][0]["id"]


def article_id(client, doc_id: str) -> int:
    hits = client.get("/api/quotes", params={"per_page": 100}).json()["results"]
    return next(h["article_id"] for h in hits if h["doc_id"] == doc_id)


@pytest.mark.parametrize("page, api", [
    ("/?q=jury&speaker=Lowe", "/api/quotes?q=jury&speaker=Lowe"),
    ("/?type=criticism&page=1&per_page=3", "/api/quotes?type=criticism&per_page=3"),
    ("/people?q=Okonjo", "/api/people?q=Okonjo&limit=200"),
])
def test_json_twins_equal_the_api(client, page, api):
    sep = "&" if "?" in page else "?"
    assert client.get(page + sep + "format=json").json() == client.get(api).json()


def test_article_and_person_twins(client):
    aid, pid = article_id(client, "kb-03-lowe-defends-drake"), lowe_id(client)
    assert client.get(f"/articles/{aid}?format=json").json() == client.get(f"/api/articles/{aid}").json()
    twin = client.get(f"/people/{pid}?format=json").json()
    assert twin["person"] == client.get(f"/api/people/{pid}").json()
    assert twin["timeline"]["page"]["page"] == 1  # the page shows its part of the timeline (all of it here)
    assert twin["timeline"] == client.get(f"/api/people/{pid}/timeline").json()


def test_every_page_renders_with_a_csp(client):
    aid, pid = article_id(client, "kb-04-okonjo-condemns"), lowe_id(client)
    for url, words in [("/", "Search the record"), ("/?q=apology", "<mark>"), ("/people", "Harriet Lowe"),
                       (f"/people/{pid}", "Statements per month"), (f"/articles/{aid}", "hl-content"),
                       ("/extract", "Article text or HTML")]:
        page = client.get(url)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), url
        assert words in page.text, url
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"


def test_person_page_marks_the_retraction_and_draws_the_chart(client):
    page = client.get(f"/people/{lowe_id(client)}").text
    assert "Later retracted" in page and 'class="badge badge-retraction"' in page
    assert page.count("<rect ") == 3  # January, February, March 2024
    assert "respect the verdict" in page  # the reaction under the statement it answers


def test_page_errors_are_html_with_the_message(client):
    page = client.get("/people/99999")
    assert page.status_code == 404 and "no person #99999" in page.text and "<html" in page.text
    assert client.get("/people/99999?format=json").json()["error"]["status"] == 404
    bad = client.get("/?since=someday")
    assert bad.status_code == 422 and "since" in bad.text


def test_paste_form_without_javascript(client):
    text = 'Storm hits pier\n\n"We lost the whole east pier," harbour master Ines Corr said.\n'
    page = client.post("/extract", data={"text": text})
    assert page.status_code == 200
    assert 'class="hl hl-content"' in page.text and "Ines Corr" in page.text


def test_an_unresolved_speaker_shows_the_words_the_article_used(client):
    text = "The toll rose on Monday. They said the toll would ruin them.\n"
    page = client.post("/extract", data={"text": text})
    assert page.status_code == 200 and '<span class="speaker unknown">unknown speaker (“They”)</span>' in page.text


class _St:
    def __init__(self, qid, spans, cue=None, source=None):
        self.qid, self.spans, self.cue, self.source = qid, spans, cue, source


@pytest.mark.parametrize("text, statements, expected", [
    ("abc", [], [("abc", None)]),
    ('"Hi," Ann said.', [_St("q1", [(0, 5)], (10, 14, "said"), (6, 9, "Ann"))],
     [('"Hi,"', "content"), (" ", None), ("Ann", "source"), (" ", None), ("said", "cue"), (".", None)]),
    ("ab cd", [_St("q1", [(0, 2)]), _St("q2", [(3, 5)], source=(0, 2, "ab"))],  # content wins over source
     [("ab", "content"), (" ", None), ("cd", "content")]),
])
def test_segments(text, statements, expected):
    assert [(s.text, s.role) for s in segments(text, statements)] == expected


# -- corrections from the person page ------------------------------------------------------
TOKEN = "page-token-0123456789"


@pytest.fixture
def editor(db_copy):
    """The app over a writable copy of the demo record, corrections open with TOKEN."""
    from fastapi.testclient import TestClient

    from onrecord.settings import Settings
    from onrecord.web import create_app

    with TestClient(create_app(Settings(db=db_copy, api_token=TOKEN))) as c:
        yield c


def test_corrections_are_closed_without_a_token(client):
    pid = lowe_id(client)
    page = client.get(f"/people/{pid}").text
    assert "Corrections are closed on this server" in page and 'action="/people/' not in page
    refused = client.post(f"/people/{pid}/merge", data={"other": "#2", "token": TOKEN})
    assert refused.status_code == 403 and "ONRECORD_API_TOKEN" in refused.text
    assert "text/html" in refused.headers["content-type"]


def test_split_and_merge_from_the_person_page(editor, db_copy):
    from demo_record import check_story_links

    pid = lowe_id(editor)
    page = editor.get(f"/people/{pid}").text
    assert f'action="/people/{pid}/merge"' in page and 'name="names" value="Lowe"' in page
    wrong = editor.post(f"/people/{pid}/split", data={"names": ["Lowe"], "token": "guess"})
    assert wrong.status_code == 401 and "ONRECORD_API_TOKEN" in wrong.text and "not the server" in wrong.text
    split = editor.post(f"/people/{pid}/split", data={"names": ["Lowe"], "token": TOKEN}, follow_redirects=False)
    assert split.status_code == 303 and split.headers["location"].endswith("?corrected=split")
    new = editor.get(split.headers["location"])
    assert "<h1>Lowe</h1>" in new.text and "Split off as a person of their own" in new.text
    new_id = split.headers["location"].split("/")[2].split("?")[0]
    nobody = editor.post(f"/people/{pid}/merge", data={"other": "Nobody Anywhere", "token": TOKEN})
    assert nobody.status_code == 422 and "no one called" in nobody.text
    merged = editor.post(f"/people/{pid}/merge", data={"other": f"#{new_id}", "token": TOKEN})
    assert merged.status_code == 200 and "Merged." in merged.text and "<h1>Harriet Lowe</h1>" in merged.text
    assert editor.get(f"/people/{new_id}").status_code == 404
    check_story_links(db_copy)


def test_a_prolific_speakers_timeline_comes_in_pages(monkeypatch, client):
    """The person page shows TIMELINE_PAGE statements at a time, with links to the others; the months
    chart still counts them all."""
    from onrecord.web import pages

    monkeypatch.setattr(pages, "TIMELINE_PAGE", 5)
    people = client.get("/api/people", params={"q": "Harriet Lowe"}).json()["results"]
    lowe = people[0]["id"]
    full = client.get(f"/api/people/{lowe}/timeline").json()
    first = client.get(f"/people/{lowe}", params={"format": "json"}).json()["timeline"]
    assert len(full["entries"]) > 5 and len(first["entries"]) == 5 and first["months"] == full["months"]
    assert first["page"] == {"page": 1, "of": -(-len(full["entries"]) // 5), "entries": len(full["entries"])}
    second = client.get(f"/people/{lowe}", params={"format": "json", "page": 2}).json()["timeline"]
    assert second["entries"] == full["entries"][5:10]
    html = client.get(f"/people/{lowe}").text
    assert 'rel="next" href="?page=2"' in html and "page 1 of" in html


def test_a_persons_page_shows_what_they_said_together_with_others(tmp_path):
    from fastapi.testclient import TestClient

    from onrecord import extract
    from onrecord.article import Article
    from onrecord.record import open_store
    from onrecord.settings import Settings
    from onrecord.web import create_app

    path = str(tmp_path / "pair.db")
    texts = ["Marcus Fell met Helen Marsh on Monday.\n\nFell and Marsh both said the harbour plan was sound.",
             "Helen Marsh spoke on Friday. Marsh said the ferry would run."]
    with open_store(path) as store:
        for i, text in enumerate(texts):
            store.add(Article(text=text, doc_id=f"pair-{i}", published=f"2024-03-0{i + 1}"), extract(text))
    with TestClient(create_app(Settings(db=path))) as client:
        marsh = client.get("/api/people", params={"q": "Helen Marsh"}).json()["results"]
        pair = next(p for p in marsh if p["name"] == "Marcus Fell and Helen Marsh")
        alone = next(p for p in marsh if p["name"] == "Helen Marsh")
        page = client.get(f"/people/{alone['id']}").text
        timeline = client.get(f"/api/people/{alone['id']}/timeline").json()
    assert f'as <a href="/people/{pair["id"]}">Marcus Fell and Helen Marsh</a>' in page
    assert "Also said together with others" in page and "the harbour plan was sound" in page
    assert [e["statement"]["content"] for e in timeline["entries"]] == ["the harbour plan was sound", "the ferry would run"]
