"""The readers: every input becomes an Article, every bad input an InputError or Failure naming it."""
from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path

import pytest
from local_http import QuietHandler, serve_handler
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import onrecord
from onrecord.article import MAX_CHARS
from onrecord.errors import InputError
from onrecord.ingest import (
    Article,
    Failure,
    fetch_url,
    iter_articles,
    iter_jsonl,
    iter_warc,
    read_article,
    read_file,
)

STORY = (
    '"We will keep the ferry running through the winter," harbour master Ines Carvalho said on Monday.\n\n'
    "She added that the timetable would be published next week."
)


def page(title: str, body: str = STORY, head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head>"
            f"<body><nav><a href='/'>Home</a></nav><article>{paragraphs}</article></body></html>")


# --- single files -------------------------------------------------------------------------

BAD_FILES = [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n\t ", "is empty"),
    ("nul.txt", b"Some text\x00\x01\x02 and more", "looks binary"),
    ("controls.txt", bytes(range(1, 9)) * 200, "looks binary"),
    ("latin1.txt", "Le maire a dit: « café ».".encode("latin-1"), "iconv -f latin1"),
    ("huge.txt", b"word " * (MAX_CHARS // 5 + 1), "more than the 1,000,000"),
    ("nobody.html", b"<html><head><title>Only a title</title></head></html>", "no article text"),
    ("empty-body.html", b"<html><head><title>T</title></head><body>  </body></html>", "no article text"),
    ("bad-charset.html", b'<html><head><meta charset="klingon"></head><body><p>x</p></body></html>', "unknown charset"),
    ("latin1.html", page("Caf\xe9").encode("latin-1"), "iconv"),
    ("many.jsonl", b'{"id": "a", "text": "x"}\n', "holds many articles"),
]


@pytest.mark.parametrize(("name", "data", "expected"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_an_input_error_naming_it(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(("name", "data", "expected"), BAD_FILES[:-1], ids=[b[0] for b in BAD_FILES[:-1]])
def test_bad_file_in_a_corpus_is_a_failure_and_the_run_goes_on(tmp_path: Path, name, data, expected) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz-good.txt").write_text(STORY, encoding="utf-8")
    items = list(iter_articles([tmp_path / name, tmp_path / "zz-good.txt"]))
    assert isinstance(items[0], Failure) and expected in items[0].error
    assert isinstance(items[1], Article) and items[1].text == STORY


@pytest.mark.parametrize(
    ("source", "expected"),
    [("missing.txt", "no such file"), (".", "is a folder"), ("ftp://example.com/a", "only http and https")],
)
def test_read_article_names_what_is_wrong(tmp_path: Path, monkeypatch, source: str, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=expected):
        read_article(source)


def test_text_file_keeps_its_exact_text_without_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "ferry-news.txt"
    path.write_bytes(b"\xef\xbb\xbf" + f"Ferry to run all winter\n\n{STORY}".encode("utf-8"))
    article = read_file(path)
    assert article.text == f"Ferry to run all winter\n\n{STORY}"
    assert (article.doc_id, article.source, article.title) == ("ferry-news", str(path), "Ferry to run all winter")


@pytest.mark.parametrize(
    ("text", "title"),
    [("Headline\n\nBody.", "Headline"), ("One paragraph only.", None), ("Two\nlines\n\nBody.", None),
     ("  \n\nLead line\n\nBody.", "Lead line"), ("x" * 251 + "\n\nBody.", None),
     ("Headline\r\n\r\nBody.", "Headline"), ("Headline\r\rBody.", "Headline"), ("Two\r\nlines\r\n\r\nBody.", None)],
)
def test_plain_text_title_is_a_first_line_standing_alone(tmp_path: Path, text: str, title: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert read_file(path).title == title


@pytest.mark.parametrize("lead", ["<!-- saved from url=(0040)https://herald.example/ferry -->\n",
                                  '<?xml version="1.0" encoding="utf-8"?>\n', "\n<!-- a comment -->\n<!-- another -->"])
def test_a_saved_page_is_read_as_html_whatever_comes_before_its_markup(tmp_path: Path, lead: str) -> None:
    path = tmp_path / "story-123"  # as wget saves it: no suffix
    path.write_text(lead + page("Ferry stays"), encoding="utf-8")
    article = read_file(path)
    assert article.text.startswith('"We will keep the ferry running') and "<" not in article.text


def test_a_page_given_as_jsonl_text_is_read_as_html(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl", [{"id": "p1", "text": page("Ferry stays")}])
    [article] = iter_jsonl(path)
    assert article.text.startswith('"We will keep the ferry running') and "<" not in article.text


def test_html_file_gives_text_and_metadata_from_the_page(tmp_path: Path) -> None:
    head = ('<meta property="og:site_name" content="Harbour Herald">'
            '<meta name="date" content="2024-02-03"><meta property="og:title" content="Ferry stays">')
    path = tmp_path / "ferry.html"
    path.write_text(page("Ferry stays | Harbour Herald", head=head), encoding="utf-8")
    article = read_file(path)
    assert "We will keep the ferry running" in article.text and "Home" not in article.text
    assert (article.title, article.outlet, article.published) == ("Ferry stays", "Harbour Herald", "2024-02-03")


def test_a_page_drawn_by_script_keeps_the_paragraphs_of_its_json_ld_body(tmp_path: Path) -> None:
    body = ('The island ferry will keep running, council leader Ann Lee said on Monday.\n\n'
            '"We listened to the islanders," Lee said.\n\nOpposition leader Tom Okafor called it "long overdue".')
    ld = json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
                     {"@type": "NewsArticle", "headline": "Ferry stays", "articleBody": body}]})
    path = tmp_path / "app.html"
    path.write_text(f'<html><head><title>Ferry stays</title><script type="application/ld+json">{ld}</script>'
                    '<script type="application/ld+json">{broken</script></head>'
                    '<body><div id="app"></div><script src="/bundle.js"></script></body></html>', encoding="utf-8")
    assert read_file(path).text == body


def test_html_file_in_a_declared_charset_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.html"
    html = page("Caf\xe9", body='"Le caf\xe9 reste ouvert," Ren\xe9e Dubois said on Friday at the harbour caf\xe9.')
    path.write_bytes(html.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252"))
    assert "Renée Dubois" in read_file(path).text


@pytest.mark.parametrize("markup", ['<blockquote class="pull-quote"><p>{q}</p></blockquote>',
                                    '<div class="c-PullQuote"><p>{q}</p><span>Ines Carvalho</span></div>'])
def test_a_pull_quote_and_links_to_other_stories_are_no_part_of_the_text(tmp_path: Path, markup: str) -> None:
    """A pull quote repeated a body quote (a second statement, or one joined to the next speaker's);
    'READ MORE: …' headlines became statements of their own."""
    quote = '"We will keep the ferry running through the winter,"'
    body = ("<p>" + STORY.split("\n\n")[0] + "</p>" + markup.format(q=quote) +
            "<p>READ MORE: 'We were lied to', says bypass campaigner Ken Adams</p>"
            "<p>Read more | Council chief quits over culture</p><p>" + STORY.split("\n\n")[1] + "</p>")
    path = tmp_path / "pull.html"
    path.write_text(f"<html><head><title>Ferry</title></head><body><article>{body}</article></body></html>")
    text = read_file(path).text
    assert text.count("We will keep the ferry running") == 1 and "READ MORE" not in text and "Read more" not in text
    assert text.endswith("She added that the timetable would be published next week.")


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO_8859-1", "us-ascii"])
def test_a_page_labelled_latin1_is_read_as_windows_1252_like_a_browser(tmp_path: Path, label: str) -> None:
    path = tmp_path / "latin1.html"
    html = page("Fenbury", body="\u201cResidents are already struggling,\u201d Ren\xe9e Dubois said at the caf\xe9 on Friday.")
    path.write_bytes(html.replace("<head>", f'<head><meta charset="{label}">').encode("cp1252"))
    [quote] = onrecord.extract(read_file(path).text).quotes
    assert (quote.kind, quote.content[0].text) == ("direct", "\u201cResidents are already struggling,\u201d")


def test_a_byte_order_mark_wins_over_the_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "bom.html"
    html = page("Caf\xe9", body="\u201cLe caf\xe9 reste ouvert,\u201d Ren\xe9e Dubois said on Friday.")
    path.write_bytes(b"\xef\xbb\xbf" + html.replace("<head>", '<head><meta charset="windows-1252">').encode())
    assert "\u201cLe caf\xe9 reste ouvert,\u201d Ren\xe9e Dubois" in read_file(path).text


# --- JSONL ----------------------------------------------------------------------------------

def write_jsonl(path: Path, lines: list[bytes | str | dict]) -> Path:
    raw = [line if isinstance(line, bytes) else (json.dumps(line) if isinstance(line, dict) else line).encode()
           for line in lines]
    path.write_bytes(b"\n".join(raw) + b"\n")
    return path


JSONL_LINES = [
    ({"id": "a1", "text": STORY, "outlet": "Harbour Herald"}, None),
    ("this is not json", "line 2 is not valid JSON"),
    ("", None),  # blank lines are skipped, not records
    ('["a", "list"]', "line 4 is a JSON list, not an object"),
    ({"id": "c3", "title": "no text"}, "line 5 (id 'c3') has no \"text\" or \"html\" field"),
    ({"id": "d4", "text": ""}, "line 6 (id 'd4') is empty"),
    ({"id": "e5", "text": 42}, "line 7: field 'text' must be a string, not int"),
    ("caf\xe9 au lait".encode("latin-1"), "line 8 is not valid UTF-8 (byte 0xe9 at column 4)"),
    ({"id": "f6", "text": "x" * (MAX_CHARS + 1)}, "line 9 (id 'f6') has 1,000,001 characters"),
    ({"id": "g7", "html": "<html><head><title>t</title></head></html>"}, "line 10 (id 'g7'): the HTML has no article text"),
    ({"id": 8, "html": page("Ferry stays"), "url": "https://herald.example/ferry", "title": "Given title"}, None),
]


def test_jsonl_bad_lines_become_failures_naming_file_and_line_and_the_stream_goes_on(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "corpus.jsonl", [line for line, _ in JSONL_LINES])
    items = list(iter_jsonl(path))
    expected = [e for line, e in JSONL_LINES if line != ""]
    assert len(items) == len(expected)
    for item, error in zip(items, expected):
        if error is None:
            assert isinstance(item, Article), item
        else:
            assert isinstance(item, Failure) and str(path) in item.error and error in item.error, item
    first, last = items[0], items[-1]
    assert (first.doc_id, first.text, first.outlet, first.source) == ("a1", STORY, "Harbour Herald", f"{path}:1")
    # metadata on the line wins over the page's; the id may be a number
    assert (last.doc_id, last.title, last.url) == ("8", "Given title", "https://herald.example/ferry")
    assert items[1].doc_id == "corpus-2"  # a line without a readable id is named by its line


@pytest.mark.parametrize(("data", "expected"), [(b"", "is empty"), (b"\n\n  \n", "is empty"),
                                                 (b'{"id": "a"\x00}\n', "looks binary")])
def test_unreadable_jsonl_file_raises(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(data)
    with pytest.raises(InputError, match=expected):
        list(iter_jsonl(path))


def test_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", [{"id": str(i), "text": STORY} for i in range(5000)])
    with path.open("rb") as fh:
        first = next(iter_jsonl(fh, str(path)))
        assert first.doc_id == "0" and fh.tell() < path.stat().st_size / 10


# --- WARC -----------------------------------------------------------------------------------

def write_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> Path:
    """Write (uri, content type, body) responses, plus a request record, as warcio does for a crawl."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.suffix == ".gz")
        for uri, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "herald.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return path


PAGES = [
    ("https://herald.example/ferry", "text/html; charset=utf-8", page("Ferry stays").encode()),
    ("https://herald.example/logo.png", "image/png", b"\x89PNG\r\n" + bytes(200)),
    ("https://herald.example/bridge", "text/html",
     page("Bridge", '"The bridge opens in May," engineer Tomas Reyes said on Thursday.').encode()),
]


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_warc_html_responses_are_read_back_as_articles(tmp_path: Path, suffix: str) -> None:
    path = write_warc(tmp_path / f"crawl{suffix}", PAGES)
    items = list(iter_warc(path))
    assert [type(a) for a in items] == [Article, Article]
    assert [a.url for a in items] == ["https://herald.example/ferry", "https://herald.example/bridge"]
    assert items[0].title == "Ferry stays" and "ferry running" in items[0].text
    assert "Tomas Reyes" in items[1].text


def test_warc_resource_records_and_untyped_html_responses_are_articles_too(tmp_path: Path) -> None:
    path = tmp_path / "saved.warc.gz"
    bridge = page("Bridge", '"The bridge opens in May," engineer Tomas Reyes said on Thursday.').encode()
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        # a page saved without its HTTP exchange (archiving tools write these), and a text file beside it
        writer.write_record(writer.create_warc_record("file:///pages/ferry.html", "resource", payload=io.BytesIO(
            page("Ferry stays").encode()), warc_content_type="text/html"))
        writer.write_record(writer.create_warc_record("file:///pages/notes.txt", "resource", payload=io.BytesIO(
            b"not a page"), warc_content_type="text/plain"))
        # a server that sent no Content-Type: read when the body starts like HTML, else skipped
        for uri, body in (("https://herald.example/bridge", bridge), ("https://herald.example/blob", bytes(300))):
            headers = StatusAndHeaders("200 OK", [("Server", "old")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    items = list(iter_warc(path))
    assert [(type(a), a.url) for a in items] == [(Article, "file:///pages/ferry.html"), (Article, "https://herald.example/bridge")]
    assert "ferry running" in items[0].text and "Tomas Reyes" in items[1].text


def test_a_warc_page_without_a_date_takes_the_day_it_was_archived(tmp_path: Path) -> None:
    path = tmp_path / "dated.warc.gz"
    dated = page("Ferry stays", head='<meta property="article:published_time" content="2026-03-02T09:00:00Z">')
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for uri, body in (("https://herald.example/ferry", dated), ("https://herald.example/bridge", page("Bridge"))):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()),
                                                          http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": "2026-03-09T17:45:00Z"}))
    # the page's own date wins; a page that gives none was published by the day it was archived
    assert [a.published for a in iter_warc(path)] == ["2026-03-02", "2026-03-09"]


@pytest.mark.parametrize(("suffix", "fraction"), [(".warc.gz", 0.95), (".warc.gz", 0.6), (".warc.gz", 0.3),
                                                  (".warc", 0.95), (".warc", 0.7), (".warc", 0.05)])
def test_truncated_warc_is_a_failure_naming_file_and_record(tmp_path: Path, suffix: str, fraction: float) -> None:
    data = write_warc(tmp_path / f"full{suffix}", PAGES).read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: int(len(data) * fraction)])
    items = list(iter_articles([cut]))
    assert all(isinstance(a, Article) for a in items[:-1])
    assert isinstance(items[-1], Failure)
    assert str(cut) in items[-1].error and "record" in items[-1].error and "truncated" in items[-1].error


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"", "holds no WARC records"), (b"<html><body>not an archive</body></html>", "is not a WARC file"),
     (b"WARC/1.0\r\nWARC-Type: response\r\n\r\n", "malformed or truncated"),
     (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n", "incomplete header")],
)
def test_malformed_warc_is_reported(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    items = list(iter_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Failure) and expected in items[0].error


def test_warc_page_without_body_is_a_failure_and_the_next_page_is_read(tmp_path: Path) -> None:
    pages = [("https://herald.example/empty", "text/html", b"<html><head><title>x</title></head></html>"), PAGES[0]]
    items = list(iter_warc(write_warc(tmp_path / "crawl.warc.gz", pages)))
    assert isinstance(items[0], Failure) and "https://herald.example/empty" in items[0].error
    assert "no article text" in items[0].error and isinstance(items[1], Article)


def test_warc_without_html_responses_raises(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "images.warc", [PAGES[1]])
    with pytest.raises(InputError, match="no successful HTML responses"):
        list(iter_warc(path))


# --- folders --------------------------------------------------------------------------------

def test_folder_is_read_recursively_by_extension_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b-sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b-sub" / "c.html").write_text(page("Ferry stays"), encoding="utf-8")
    write_jsonl(tmp_path / "b-sub" / "d.jsonl", [{"id": "d1", "text": STORY}, "{oops"])
    write_warc(tmp_path / "e.warc.gz", PAGES)
    (tmp_path / "f.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_text(STORY, encoding="utf-8")
    (tmp_path / ".hidden" / "g.txt").write_text(STORY, encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert [(type(i).__name__, i.doc_id) for i in items] == [
        ("Article", "a"), ("Article", "c"), ("Article", "d1"), ("Failure", "d-2"),
        ("Article", "https://herald.example/ferry"), ("Article", "https://herald.example/bridge"),
        ("Failure", "f"),
    ]


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    [item] = iter_articles([tmp_path])
    assert isinstance(item, Failure) and "no files to read" in item.error


# --- URLs -----------------------------------------------------------------------------------

class Handler(QuietHandler):
    routes = {
        "/article": (200, "text/html; charset=utf-8", page("Ferry stays").encode()),
        "/plain": (200, "text/plain; charset=utf-8", STORY.encode()),
        "/error": (500, "text/html", b"<html><body>boom</body></html>"),
        "/image": (200, "image/png", b"\x89PNG" + bytes(100)),
        "/big": (200, "text/html", page("Big", STORY * 300).encode()),
    }

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        status, ctype, body = self.routes.get(self.path, (404, "text/html", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    with serve_handler(Handler) as url:
        yield url


def test_url_page_is_fetched_as_an_article(server: str) -> None:
    article = fetch_url(f"{server}/article", allow_private=True)
    assert article.title == "Ferry stays" and "ferry running" in article.text
    assert (article.doc_id, article.url) == (f"{server}/article", f"{server}/article")


def test_url_plain_text_and_redirect(server: str) -> None:
    assert fetch_url(f"{server}/plain", allow_private=True).text == STORY
    assert fetch_url(f"{server}/redirect", allow_private=True).url == f"{server}/article"


@pytest.mark.parametrize(
    ("path", "options", "expected"),
    [
        ("/error", {}, "HTTP 500"),
        ("/missing", {}, "HTTP 404"),
        ("/slow", {"timeout": 0.5}, "no answer within 0.5 s"),
        ("/image", {}, "is image/png, not an HTML or plain-text page"),
        ("/big", {"max_bytes": 10_000}, "more than the 10,000"),
    ],
)
def test_url_errors_name_the_url(server: str, path: str, options: dict, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        fetch_url(f"{server}{path}", allow_private=True, **options)
    assert expected in str(caught.value) and f"{server}{path}" in str(caught.value)


def test_private_address_is_refused_unless_allowed(server: str) -> None:
    with pytest.raises(InputError, match="--allow-private"):
        fetch_url(f"{server}/article")
    [failure] = iter_articles([f"{server}/article"])
    assert isinstance(failure, Failure) and "private" in failure.error
    [article] = iter_articles([f"{server}/article"], allow_private=True)
    assert isinstance(article, Article)
