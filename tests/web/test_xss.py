"""Script injection, checked in headless Chromium: markup in article text, titles, outlets, URLs,
speaker names, roles, targets, link evidence and statement ids must show as text and run nothing.

Every payload sets ``window.__pwned`` (and would open a dialog); a page passes when it is still
undefined, no dialog opened, nothing was logged as an error (a CSP violation is one) and no
link leads to ``javascript:``. Each page is loaded twice: as served, and with its
Content-Security-Policy header removed, so escaping alone is shown to be enough.
"""
from __future__ import annotations

import pytest

from onrecord.article import Article
from onrecord.extract import extract_articles
from onrecord.models import Entity, Extraction, Link, Quote, Span, Speaker, Target
from onrecord.record import open_store
from onrecord.settings import Settings
from onrecord.web import create_app

from live_server import serve  # noqa: E402 - tests/web/live_server.py
from test_browser import browser  # noqa: E402,F401 - the Chromium fixture (skips when Chromium is missing)


def markup(where: str) -> str:
    """Markup that, if a page rendered it as HTML, would set window.__pwned to ``where`` and alert."""
    return (f"<script>window.__pwned='{where}';alert('{where}')</script>"
            f"<img src=x onerror=window.__pwned='{where}';alert('{where}')>"
            f"<svg onload=window.__pwned='{where}'></svg>")


def real_article() -> tuple[Article, Extraction]:
    """Markup through the real extractor: in the headline, the text and the quotation itself."""
    text = (f"{markup('headline')} Pier row\n\nThe clerk, Ada Moss, said on Monday: \"{markup('quote')} "
            "We will not reopen the pier until it is safe,\" Moss said.\n")
    article = Article(text=text, doc_id="xss-real", title=markup("title"), outlet=markup("outlet"),
                      url="javascript:window.__pwned='url'", published="2024-05-01")
    return article, next(extract_articles([article]))


def crafted_article() -> tuple[Article, Extraction]:
    """What the extractor would not make of plain news: markup in a speaker's name, alias, role,
    affiliation, a target, a link's evidence and the statement ids (through the store's own ingest)."""
    name = f"Mallory {markup('speaker')} Jones"
    first, second = "The pier is closed for good.", "That is final and the council agrees."
    text = f'{name} said: "{first}" {markup("cue")} added: "{second}"\n'
    span = lambda words: Span.of(text, text.index(words), text.index(words) + len(words))  # noqa: E731
    entity = Entity("e1", name, "person", aliases=(markup("alias"),), roles=(markup("role"),),
                    affiliations=(markup("affiliation"),))
    speaker = Speaker("e1", name, "person", markup("role"))
    one = Quote((span(first),), "direct", cue=span("said"), source=span(name), speaker=speaker, id=markup("qid1"),
                type="criticism", target=Target(markup("target"), "person"))
    two = Quote((span(second),), "direct", cue=span(markup("cue")), speaker=speaker, id="q2", type="support",
                links=(Link("reacts_to", one.id, 0.9, markup("evidence")),))
    article = Article(text=text, doc_id="xss-crafted", title="Crafted", outlet="Crafted News", published="2024-05-02",
                      url="https://crafted.example/a?<script>=1")
    return article, Extraction("xss-crafted", text, (one, two), (entity,))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A record holding both articles, served over loopback; yields (base URL, {name: path})."""
    db = str(tmp_path_factory.mktemp("xss") / "record.db")
    with open_store(db) as store:
        for article, extraction in (real_article(), crafted_article()):
            assert store.add(article, extraction) == "stored"
        people = {p.name: p.id for p in store.people()}
        with store.transaction(write=False) as tx:
            articles = {doc: aid for aid, doc in tx.all("SELECT id, doc_id FROM articles")}
    mallory = next(pid for name, pid in people.items() if name.startswith("Mallory"))
    paths = {"article (real)": f"/articles/{articles['xss-real']}",
             "article (crafted)": f"/articles/{articles['xss-crafted']}",
             "person": f"/people/{mallory}", "person (Ada Moss)": f"/people/{people['Ada Moss']}",
             "people": "/people?q=Mallory", "search": "/?q=pier", "search by speaker": f"/?speaker=%23{mallory}",
             "search, error page": "/?q=" + "%3Cscript%3Ewindow.__pwned%3D1%3C/script%3E",
             "404 page": "/nothing/%3Cscript%3Ewindow.__pwned=1%3C%2Fscript%3E"}
    with serve(create_app(Settings(db=db, extract_rate=0))) as base:
        yield base, paths


def strip_csp(route) -> None:
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
    route.fulfill(response=response, headers=headers)


@pytest.fixture(params=["with CSP", "without CSP"])
def watched(request, browser):  # noqa: F811 - the imported fixture
    """A page that records errors and dialogs; without CSP, escaping is all that stands in the way."""
    context = browser.new_context()
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("console", lambda m: page.problems.append(f"console: {m.text} ({m.location.get('url')})")
            if m.type == "error" else None)
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    if request.param == "without CSP":
        page.route("**/*", strip_csp)
    yield page
    context.close()


def assert_nothing_ran(page, where: str, status: int | None = None) -> None:
    pwned = page.evaluate("window.__pwned")
    assert pwned is None, f"{where}: the {pwned!r} payload ran"
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))], (where, hrefs)
    own_status = f"Failed to load resource: the server responded with a status of {status}"
    problems = [p for p in page.problems if not (status and p.startswith(f"console: {own_status}")
                                                  and p.endswith(f"({page.url})"))]  # the error page itself
    assert not problems, (where, problems)


def test_pages_show_markup_as_text(watched, site):
    base, paths = site
    for name, path in paths.items():
        response = watched.goto(base + path)
        assert response.status in (200, 404, 422), (name, response.status)
        for quote in watched.locator("#article-text .hl-content").all()[:3]:
            quote.hover()  # the popover copies the statement card into place
        assert_nothing_ran(watched, name, response.status if response.status != 200 else None)
        if name.startswith(("article", "person", "search by")):
            assert "<script>window.__pwned=" in watched.inner_text("body"), f"{name}: the markup should show as text"


def test_paste_page_shows_markup_as_text(watched, site):
    base, _ = site
    article, _ = real_article()
    watched.goto(base + "/extract")
    watched.get_by_label("Article text or HTML").fill(article.text)
    with watched.expect_response("**/api/extract"):
        watched.get_by_role("button", name="Extract").click()
    watched.locator("#extract-list li").first.wait_for()
    assert "<script>window.__pwned=" in watched.inner_text("#extract-text")
    assert_nothing_ran(watched, "paste page (JavaScript)")


def test_paste_page_without_javascript_shows_markup_as_text(watched, site):
    """The form posts to /extract and the server renders the result (app.js not loaded)."""
    base, _ = site
    watched.route("**/static/app.js", lambda route: route.fulfill(status=200, body="", content_type="text/javascript"))
    article, _ = real_article()
    watched.goto(base + "/extract")
    watched.get_by_label("Article text or HTML").fill(article.text)
    with watched.expect_navigation():
        watched.get_by_role("button", name="Extract").click()
    assert watched.locator("#extract-list li").count() >= 1
    assert "<script>window.__pwned=" in watched.inner_text("#extract-text")
    assert_nothing_ran(watched, "paste page (form)")


def test_the_watch_would_see_a_script_run(browser, site):  # noqa: F811
    """The control: a script slipped into a page is seen by the checks above, and CSP alone blocks it."""
    base, _ = site
    for keep_csp, expected in ((False, "control"), (True, None)):
        dropped = {"content-length"} if keep_csp else {"content-length", "content-security-policy"}

        def inject(route) -> None:
            response = route.fetch()
            body = response.text().replace("</main>", "<script>window.__pwned='control'</script></main>")
            route.fulfill(response=response, body=body,
                          headers={k: v for k, v in response.headers.items() if k.lower() not in dropped})

        context = browser.new_context()
        page = context.new_page()
        page.route("**/people", inject)
        page.goto(base + "/people")
        assert page.evaluate("window.__pwned") == expected, f"keep CSP: {keep_csp}"
        context.close()
