"""The pages in headless Chromium (Debian's, driven by Playwright), served by uvicorn on loopback.

Screenshots go to a temporary folder; ``ONRECORD_SCREENSHOTS=docs/img make test`` refreshes the ones
README shows (a plain test run leaves tracked files alone). ``make test`` / ``.ci/run`` install
Debian's chromium when missing; if it still cannot be found these tests skip, saying why.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: run `make install`")

from onrecord.settings import Settings  # noqa: E402
from onrecord.web import create_app  # noqa: E402

from live_server import serve  # noqa: E402 - tests/web/live_server.py

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
IMG = Path(os.environ.get("ONRECORD_SCREENSHOTS") or Path(tempfile.gettempdir()) / "onrecord-screenshots")


@pytest.fixture(scope="module")
def base_url(demo_db):
    with serve(create_app(Settings(db=demo_db))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's `chromium` and `chromium-driver` "
                    "(make test does: apt-get install -y chromium chromium-driver)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)  # CSP violations land here
    yield p
    context.close()
    assert not errors, errors


def shot(page, name: str) -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMG / name), full_page=True)


def test_search_then_open_an_article(page, base_url):
    page.goto(base_url + "/")
    page.get_by_label("Words in the quote").fill("jury")
    page.get_by_label("Outlet").select_option("The Coastal Post")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/?q=jury**")
    cards = page.locator(".card")
    assert cards.count() >= 1
    assert "jury" in cards.first.locator("mark").first.inner_text().lower()
    assert set(cards.locator(".outlet").all_inner_texts()) == {"The Coastal Post"}
    page.get_by_label("Outlet").select_option("")
    page.get_by_label("Words in the quote").fill("Drake")
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    shot(page, "search.png")
    card = page.locator(".card", has_text="decent man").first
    assert "Harriet Lowe" in card.locator(".speaker").inner_text()
    card.get_by_role("link", name="in context").click()
    page.wait_for_url("**/articles/*#st-q*")
    assert "Lowe defends" in page.locator("h1").inner_text()
    assert page.locator("#article-text .hl-content").count() >= page.locator("li.statement").count()
    assert page.locator("#article-text .hl-source").count() >= 1
    assert page.locator("#article-text .hl-cue").count() >= 1
    assert page.locator("li.statement:target").inner_text().count("decent man") == 1


def test_hover_shows_the_speaker_and_a_reaction_leads_to_the_statement(page, base_url):
    page.goto(base_url + "/?q=%22respect+the+verdict%22")
    page.locator(".card", has_text="An MP should").get_by_role("link", name="in context").click()
    page.wait_for_url("**/articles/*")
    quote = page.locator("#article-text a.hl-content", has_text="An MP should respect").first
    quote.hover()
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    assert "Nadia Okonjo" in popover.inner_text() and "reacts to" in popover.inner_text()
    shot(page, "article.png")
    page.keyboard.press("Escape")
    quote.focus()  # keyboard users get the same
    assert popover.is_visible() and quote.get_attribute("aria-describedby") == "popover"
    page.locator("li.statement a[data-link-type=reacts_to]").first.click()
    page.wait_for_url("**/articles/*#st-q*")
    answered = page.locator("li.statement:target")
    assert "decent man" in answered.inner_text() and "Harriet Lowe" in answered.inner_text()
    assert "Nadia Okonjo" in answered.locator(".linked-from").inner_text()  # and the reaction shows there


def test_person_page(page, base_url):
    page.goto(base_url + "/people")
    page.get_by_role("link", name="Harriet Lowe").click()
    page.wait_for_url("**/people/*")
    assert page.locator("h1").inner_text() == "Harriet Lowe"
    assert "Lowe" in page.locator(".facts").inner_text()
    assert page.locator("svg.chart rect").count() == 3
    entries = page.locator("ol.timeline > li")
    dates = [d for d in entries.locator("time").all_inner_texts()]
    assert dates == sorted(dates)
    # her own words ("I withdraw my statement ..."), the headline reporting them ("Lowe retracts ...")
    # and the lede ("has withdrawn her defence of ...")
    assert page.locator("ol.timeline li.undo .flag", has_text="Retraction").count() == 3
    defence = page.locator("ol.timeline li.undone", has_text="decent man")
    assert "Nadia Okonjo" in defence.locator(".reactions").inner_text()
    shot(page, "person.png")


def test_paste_an_article(page, base_url):
    page.goto(base_url + "/extract")
    page.get_by_label("Article text or HTML").fill(
        'Pier closes after storm\n\n"We will rebuild the east pier by summer," harbour master Ines Corr said on '
        'Friday.\n\nCouncillor Tam Reyes called the plan "wishful thinking".\n\nThe pier stayed shut on Saturday. They said '
        'the pier should have been rebuilt years ago.\n')
    with page.expect_response("**/api/extract") as response:
        page.get_by_role("button", name="Extract").click()
    assert response.value.status == 200
    page.locator("#extract-list li").first.wait_for()
    assert "Ines Corr" in page.locator("#extract-list").inner_text()
    assert "unknown speaker (“They”)" in page.locator("#extract-list").inner_text()  # the words the article used
    assert page.locator("#extract-text .hl-content").count() >= 2
    assert "found" in page.locator("#extract-status").inner_text()
    shot(page, "extract.png")


def test_pasted_text_with_emoji_is_highlighted_where_the_words_are(page, base_url):
    # the server counts code points, a browser's string UTF-16 units: an emoji before a quote must not shift it
    page.goto(base_url + "/extract")
    page.get_by_label("Article text or HTML").fill(
        'Pier row \U0001F600\U0001F600\U0001F600 \U0001F389\n\n\U0001F600 "We will rebuild the pier before summer," '
        'harbour master Ines Corr said on Monday.\n')
    with page.expect_response("**/api/extract"):
        page.get_by_role("button", name="Extract").click()
    page.locator("#extract-list li").first.wait_for()
    assert page.locator("#extract-text .hl-cue").first.inner_text() == "said"
    assert page.locator("#extract-text .hl-source").first.inner_text() == "harbour master Ines Corr"


def test_phone_width(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    for url in ("/?q=apology", "/people", "/extract"):
        page.goto(base_url + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (url, overflow)
    page.goto(base_url + "/?q=apology")
    shot(page, "phone.png")
    page.goto(base_url + "/extract")  # a word longer than the screen, in a statement's card, wraps
    page.get_by_label("Article text or HTML").fill('Pier row\n\n"We will rebuild ' + "pier" * 80 + '," Ines Corr said.\n')
    with page.expect_response("**/api/extract"):
        page.get_by_role("button", name="Extract").click()
    page.locator("#extract-list li").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    context.close()


@pytest.fixture
def editable_url(db_copy):
    """A server over a writable copy of the demo record, corrections open with the token."""
    with serve(create_app(Settings(db=db_copy, api_token="browser-token-0123456789"))) as url:
        yield url


def test_correct_a_person_from_their_page(page, editable_url):
    page.goto(editable_url + "/people")
    page.get_by_role("link", name="Harriet Lowe").click()
    page.wait_for_url("**/people/*")
    lowe = page.url
    page.get_by_text("Correct this record").click()
    split = page.locator("form[action$='/split']")
    split.locator("input[name=names][value=Lowe]").check()
    split.get_by_label("Token").fill("browser-token-0123456789")
    split.get_by_role("button", name="Split off").click()
    page.wait_for_url("**/people/*?corrected=split")
    assert page.locator("h1").inner_text() == "Lowe"
    assert "Split off as a person of their own" in page.locator(".notice").inner_text()
    new_id = page.url.split("/people/")[1].split("?")[0]
    page.goto(lowe)
    page.get_by_text("Correct this record").click()
    merge = page.locator("form[action$='/merge']")
    merge.get_by_label("Person").fill(f"#{new_id}")
    merge.get_by_label("Token").fill("browser-token-0123456789")
    merge.get_by_role("button", name="Merge").click()
    page.wait_for_url("**/people/*?corrected=merge")
    assert page.locator("h1").inner_text() == "Harriet Lowe"
    assert page.locator("ol.timeline li.undo .flag", has_text="Retraction").count() == 3
    shot(page, "person-corrected.png")
