"""Attacks on the record and its API: SQL and full-text injection through every search
parameter (SQLite and PostgreSQL, API, pages and CLI), the write token, body limits,
the extraction rate limit, security headers, and schemathesis over the OpenAPI schema.
Script injection in the browser is in test_xss.py; the URL fetcher in tests/test_url_guard.py.
"""
from __future__ import annotations

import json
import re
import select
import shutil
import socket
from urllib.parse import quote, urlsplit

import hypothesis
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                                status_code_conformance)
from typer.testing import CliRunner

from onrecord.cli import app as cli_app
from onrecord.record import open_store
from onrecord.record.store import QueryError
from onrecord.settings import Settings, SettingsError, load_settings
from onrecord.web import create_app
from onrecord.web.limits import RateLimiter, client_key

from demo_record import demo_postgres  # noqa: E402 - tests/web/demo_record.py
from live_server import serve  # noqa: E402 - tests/web/live_server.py

TOKEN = "s3cret-token-0123456789abcdef"
ARTICLE = ('Pier closed\n\nHarbour master Ines Corr said on Friday: "The pier stays shut until the '
           'engineers are done."\n')

# Classic SQL injection, FTS5 syntax, and awkward text. None of them is a person, an outlet,
# a kind, a type, a date or a page number on the demo record.
PAYLOADS = [
    "' OR 1=1 --", "' OR '1'='1", '"; DROP TABLE quotes; --', "1; DELETE FROM people", "x' UNION SELECT name FROM people --",
    "NEAR(", "NEAR(jury deal, 2)", '"unbalanced', "*", "jury*", "AND OR NOT", "content:jury", "^jury", "jury OR",
    "(", "{content}: deal", "a\x00b", "\x00", "x" * 10_000, "Ωμέγα 日本語 🎉", "\u202ejury\u200d", "%", "_", "\\",
    "#1 OR 1=1", "#" + "9" * 25, "#²",
]
FILTERS = ["speaker", "outlet", "kind", "type", "since", "until", "page", "per_page"]


# -- the records under attack: SQLite and PostgreSQL ---------------------------------------
@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def record(request, demo_db, tmp_path_factory) -> str:
    """The demo record in a store of its own (the attacks must not reach the shared one)."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("attacked") / "record.db"
        shutil.copy(demo_db, path)
        yield str(path)
        return
    with demo_postgres("attacked") as url:
        yield url


@pytest.fixture(scope="module")
def attacked(record):
    with TestClient(create_app(Settings(db=record, connections=2)), raise_server_exceptions=False) as c:
        yield c


def snapshot(url: str) -> tuple:
    """Row counts and table names: what an injected DROP or DELETE would change."""
    with open_store(url) as store:
        with store.transaction(write=False) as tx:
            if store.dialect == "sqlite":
                tables = tx.all("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                assert tx.scalar("PRAGMA integrity_check") == "ok"
            else:
                tables = tx.all("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        return store.counts(), tuple(tables)


def legit_ids(client, text: str) -> set[int]:
    """Quotes that match one of the words of ``text`` searched alone: all a query of them may find."""
    found: set[int] = set()
    for word in set(re.findall(r"\w+", text)):
        body = client.get("/api/quotes", params={"q": word, "per_page": 100}).json()
        found |= {h["id"] for h in body.get("results", [])}
    return found


def check_answer(response, allowed: tuple[int, ...] = (200, 422)) -> dict:
    assert response.status_code in allowed, (response.status_code, response.text[:300])
    body = response.json()
    if response.status_code != 200:
        assert set(body) == {"error"} and body["error"]["message"], body
    return body


# -- SQL and full-text injection -----------------------------------------------------------------
def test_text_query_finds_no_more_than_its_words(attacked, record):
    before = snapshot(record)
    for payload in PAYLOADS + ["jury' OR 1=1 --", "deal\" OR \"1\"=\"1"]:
        body = check_answer(attacked.get("/api/quotes", params={"q": payload, "per_page": 100}))
        if "results" in body:
            found = {h["id"] for h in body["results"]}
            assert found <= legit_ids(attacked, payload), payload
        elif not re.search(r"\w", payload):
            assert re.search("no words|NUL character", body["error"]["message"]), body
    assert attacked.get("/api/quotes", params={"q": "jury' OR 1=1 --"}).json()["results"]  # the words still work
    assert snapshot(record) == before


@pytest.fixture(scope="module")
def attacked_store(record):
    with open_store(record) as store:
        yield store


QUERY_TEXT = st.text(max_size=40) | st.text(alphabet='"-*()^:+{} ORANDNOTEARjury_0\u00a0\u0301\u200d\x00', max_size=20)


@hypothesis.settings(max_examples=200, deadline=None, database=None,
                     suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture])
@hypothesis.given(text=QUERY_TEXT)
def test_any_text_query_gives_results_or_a_query_error(attacked_store, text):
    try:
        hits = attacked_store.search(text, limit=100)
    except QueryError as e:
        assert re.search("no words|NUL character", str(e)), e
    else:
        assert len(hits) <= attacked_store.counts().quotes  # never more than the record holds


@pytest.mark.parametrize("name", FILTERS)
def test_filters_match_nothing_they_should_not(attacked, record, name):
    before = snapshot(record)
    for payload in PAYLOADS:
        body = check_answer(attacked.get("/api/quotes", params={"per_page": 100, name: payload}))
        assert body.get("results", []) == [], (name, payload)
        if name in ("kind", "type", "since", "until", "page", "per_page"):
            assert body["error"]["detail"][0]["parameter"] == name, body
    assert snapshot(record) == before


@pytest.mark.parametrize("name, value, injected", [
    ("speaker", "Harriet Lowe", "Harriet Lowe' OR '1'='1"),
    ("speaker", "#1", "#1 OR 1=1"),
    ("outlet", "The Coastal Post", "The Coastal Post' OR '1'='1"),
    ("outlet", "The Coastal Post", "The Coastal Post'; DELETE FROM quotes; --"),
])
def test_a_real_filter_with_sql_appended_matches_nothing(attacked, name, value, injected):
    assert attacked.get("/api/quotes", params={name: value}).json()["results"]
    assert check_answer(attacked.get("/api/quotes", params={name: injected})).get("results", []) == []


def test_people_endpoints(attacked, record):
    before = snapshot(record)
    assert attacked.get("/api/people", params={"q": "Lowe"}).json()["results"]
    for payload in PAYLOADS + ["Lowe' OR '1'='1", "Lo%e", "Lo_e"]:  # LIKE wildcards match themselves only
        assert check_answer(attacked.get("/api/people", params={"q": payload})).get("results", []) == [], payload
        for path in ("/api/people/{}", "/api/people/{}/timeline", "/api/articles/{}", "/people/{}", "/articles/{}"):
            url = path.format(quote(payload, safe=""))
            assert attacked.get(url).status_code in (404, 422), url
    for huge in ("9223372036854775807", "9223372036854775808", "9" * 30):  # past SQLite's and PostgreSQL's integers
        for path in ("/api/people/{}", "/api/people/{}/timeline", "/api/articles/{}", "/people/{}", "/articles/{}"):
            assert attacked.get(path.format(huge)).status_code == 404, path.format(huge)
    assert snapshot(record) == before


def test_search_and_people_pages(attacked, record):
    before = snapshot(record)
    for payload in PAYLOADS:
        for url, params in (("/", {"q": payload}), ("/", {"speaker": payload}), ("/", {"outlet": payload}),
                            ("/", {"since": payload}), ("/people", {"q": payload})):
            response = attacked.get(url, params=params)
            assert response.status_code in (200, 422), (url, params, response.status_code)
            assert response.headers["content-type"].startswith("text/html")
            if params.keys() & {"speaker", "outlet"} and response.status_code == 200:
                assert 'class="card"' not in response.text, params
    assert snapshot(record) == before


def test_nul_is_refused_alike_on_both_backends(attacked):
    for params in ({"q": "jury\x00"}, {"speaker": "Lowe\x00"}, {"outlet": "\x00"}):
        error = check_answer(attacked.get("/api/quotes", params=params), (422,))["error"]
        assert "NUL character" in error["message"], error
    assert "NUL character" in attacked.get("/api/people", params={"q": "a\x00"}).json()["error"]["message"]


@pytest.mark.parametrize("command", [
    ["search", "{p}", "-f", "json"], ["search", "jury", "--speaker", "{p}", "-f", "json"],
    ["search", "", "--outlet", "{p}", "-f", "json"], ["search", "jury", "--since", "{p}"],
    ["search", "jury", "--kind", "{p}"], ["who", "{p}"], ["people", "list", "-q", "{p}", "-f", "json"],
])
def test_cli_search_and_who(record, command):
    before = snapshot(record)
    runner = CliRunner()
    for payload in PAYLOADS:
        args = [payload if a == "{p}" else a for a in command] + ["--db", record]
        result = runner.invoke(cli_app, args)
        assert result.exit_code in (0, 1), (args[:3], result.output[-500:])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            assert "error:" in result.output
        elif command[0] == "people" or "--speaker" in command or "--outlet" in command:
            assert json.loads(result.stdout) == [], (args[:4], result.stdout[:300])
    assert snapshot(record) == before


# -- the write token -------------------------------------------------------------------------
def write_routes(app) -> list[tuple[str, str]]:
    """Every API operation that can change the record: any method but GET, except extraction (it stores nothing)."""
    return sorted((method.upper(), path) for path, ops in app.openapi()["paths"].items() for method in ops
                  if method != "get" and path != "/api/extract")


@pytest.mark.parametrize("token", [None, "", "   "])
def test_every_write_route_is_closed_without_a_token(db_copy, token):
    app = create_app(load_settings({"ONRECORD_API_TOKEN": token} if token is not None else {}, db=db_copy))
    routes = write_routes(app)
    assert ("POST", "/api/articles") in routes
    before = snapshot(db_copy)
    with TestClient(app) as c:
        for method, path in routes:
            response = c.request(method, path, json={"text": ARTICLE}, headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 403 and "ONRECORD_API_TOKEN" in response.json()["error"]["message"]
    assert snapshot(db_copy) == before


@pytest.mark.parametrize("header, status", [
    (f"Bearer {TOKEN[:-1]}", 401),  # a prefix
    (f"Bearer {TOKEN}x", 401),  # one character more
    (f"Bearer {TOKEN[:-1]}X", 401),  # same length, last character wrong
    (f"Bearer X{TOKEN[1:]}", 401),  # same length, first character wrong
    (f"Bearer {TOKEN.upper()}", 401),
    (f"Bearer {TOKEN} {TOKEN}", 401),
    ("Bearer " + "x" * 8_000, 401),
    ("Bearer t\u00f6k\u00e9n", 401),  # Latin-1 bytes in the header
    (f"bearer {TOKEN}", 201),  # the scheme is case-insensitive
    (f"Bearer   {TOKEN}  ", 201),
    (f"Bearer {TOKEN}", 201),
])
def test_only_the_exact_token_writes(db_copy, header, status):
    before = snapshot(db_copy)
    with TestClient(create_app(Settings(db=db_copy, api_token=TOKEN))) as c:
        response = c.post("/api/articles", json={"text": ARTICLE}, headers={"Authorization": header.encode("latin-1")})
    assert response.status_code == status, response.text
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"
        assert snapshot(db_copy) == before
    else:
        assert snapshot(db_copy)[0].articles == before[0].articles + 1


def test_a_wrong_token_says_nothing_about_how_much_matched(db_copy):
    """Compared with hmac.compare_digest; a near miss and a far miss get the very same answer."""
    with TestClient(create_app(Settings(db=db_copy, api_token=TOKEN))) as c:
        answers = {c.post("/api/articles", json={"text": ARTICLE}, headers={"Authorization": f"Bearer {t}"}).text
                   for t in (TOKEN[:-1] + "X", "X" + TOKEN[1:], "nothing-like-it", TOKEN[:1])}
    assert len(answers) == 1, answers


# -- body limits ---------------------------------------------------------------------------------
LIMIT = 5_000
POSTS = [("/api/extract", "json"), ("/api/articles", "json"), ("/extract", "form")]


def big_body(kind: str) -> tuple[bytes, str]:
    if kind == "json":
        return json.dumps({"text": "word " * LIMIT}).encode(), "application/json"
    return b"text=" + b"word+" * LIMIT, "application/x-www-form-urlencoded"


@pytest.mark.parametrize("path, kind", POSTS)
def test_every_post_body_has_a_limit(demo_db, path, kind):
    body, ctype = big_body(kind)
    with TestClient(create_app(Settings(db=demo_db, max_body_bytes=LIMIT, api_token=TOKEN))) as c:
        headers = {"content-type": ctype, "Authorization": f"Bearer {TOKEN}"}
        sized = c.post(path, content=body, headers=headers)
        chunked = c.post(path, content=(body[i:i + 1000] for i in range(0, len(body), 1000)), headers=headers)
        lying = c.post(path, content=b"{}", headers={**headers, "content-length": str(10 ** 12)})
    for response in (sized, chunked, lying):
        assert response.status_code == 413, (path, response.status_code)
        if path.startswith("/api/"):
            assert response.json()["error"]["detail"] == {"limit_bytes": LIMIT}
        else:  # a page's form: the error as a page
            assert "larger than the limit of 5,000 bytes" in response.text and "<html" in response.text


def test_a_chunked_body_is_refused_while_it_streams(demo_db):
    """Over real HTTP: 413 arrives while the client is still sending (the body never ends)."""
    with serve(create_app(Settings(db=demo_db, max_body_bytes=LIMIT))) as base:
        parts = urlsplit(base)
        with socket.create_connection((parts.hostname, parts.port), timeout=10) as s:
            s.sendall(b"POST /api/extract HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      b"Transfer-Encoding: chunked\r\n\r\n")
            chunk, sent = b"x" * 1_000, 0
            try:
                while sent < 100 * LIMIT and not select.select([s], [], [], 0.01)[0]:
                    s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            reply = s.recv(65536)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert sent < 100 * LIMIT  # answered long before the client gave up; the last chunk was never sent


def test_a_page_form_over_the_body_limit_gets_an_html_error(demo_db):
    with TestClient(create_app(Settings(db=demo_db, max_body_bytes=1_000))) as c:
        page = c.post("/extract", data={"text": "x" * 2_000})
        api = c.post("/api/extract", json={"text": "x" * 2_000})
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "larger than the limit of 1,000 bytes" in page.text
    assert api.status_code == 413 and api.json()["error"]["detail"] == {"limit_bytes": 1000}


def test_pages_do_not_write_the_requests_host_into_links(demo_db):
    # a shared cache would hand a page naming another host to everyone: links are relative
    with TestClient(create_app(Settings(db=demo_db, page_size=2))) as c:
        for url in ("/", "/?q=the", "/people", "/extract"):
            page = c.get(url, headers={"host": "evil.example"})
            assert page.status_code == 200 and "evil.example" not in page.text, url
        assert 'rel="next" href="?' in c.get("/?q=the").text


@pytest.mark.parametrize("url", ["/", "/people", "/api/quotes?q=jury", "/static/style.css"])
def test_head_is_answered_like_get_without_a_body(demo_db, url):
    with TestClient(create_app(Settings(db=demo_db))) as c:
        head, get = c.head(url), c.get(url)
    assert head.status_code == get.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert "content-security-policy" in head.headers


# -- rate limit on extraction -----------------------------------------------------------------
def test_extraction_is_rate_limited_per_client(demo_db):
    with TestClient(create_app(Settings(db=demo_db, extract_rate=3))) as c:
        for _ in range(2):
            assert c.post("/api/extract", json={"text": ARTICLE}).status_code == 200
        assert c.post("/extract", data={"text": ARTICLE}).status_code == 200  # the paste page spends the same budget
        limited = [c.post("/api/extract", json={"text": ARTICLE}), c.post("/extract", data={"text": ARTICLE})]
        assert c.get("/api/quotes", params={"q": "jury"}).status_code == 200  # reading is not limited
    for response in limited:
        assert response.status_code == 429
        assert 1 <= int(response.headers["retry-after"]) <= 20  # 3 a minute: one every 20 s
        assert "extract_rate" in response.text and "content-security-policy" in response.headers
    assert limited[0].json()["error"]["status"] == 429


def test_a_long_text_spends_more_of_the_extraction_budget(demo_db):
    """Each started 10,000 bytes count as one extraction: with 10 a minute, a 95,000-character text
    needs the whole bucket, so after one short text it must wait, while short ones still pass."""
    long_text = (ARTICLE + "\n\n") * (95_000 // (len(ARTICLE) + 2))
    with TestClient(create_app(Settings(db=demo_db, extract_rate=10))) as c:
        assert c.post("/api/extract", json={"text": "Hi."}).status_code == 200
        limited = c.post("/api/extract", json={"text": long_text})
        assert c.post("/api/extract", json={"text": "Hi."}).status_code == 200
    assert limited.status_code == 429 and "10,000 bytes" in limited.json()["error"]["message"]


@pytest.mark.parametrize("per_minute, cost, waits", [(10, 4, [0, 0, 12]), (10, 30, [0, 60])])
def test_rate_limiter_costs(per_minute, cost, waits):
    limiter = RateLimiter(per_minute)  # a cost over the bucket's size is capped at it
    assert [round(limiter.take("a", 0, cost), 3) for _ in waits] == waits


def test_no_rate_limit_when_set_to_zero(demo_db):
    with TestClient(create_app(Settings(db=demo_db, extract_rate=0))) as c:
        assert {c.post("/api/extract", json={"text": "Hi."}).status_code for _ in range(5)} == {200}


@pytest.mark.parametrize("per_minute, requests, waits", [
    (3, [("a", 0), ("a", 0), ("a", 0), ("a", 0)], [0, 0, 0, 20]),
    (3, [("a", 0), ("a", 0), ("a", 0), ("b", 0), ("a", 20)], [0, 0, 0, 0, 0]),  # b has its own; a refilled one
    (60, [("a", 0)] * 60 + [("a", 0.5), ("a", 1.0)], [0] * 60 + [0.5, 0]),
    (1, [("a", 0), ("a", 59), ("a", 60), ("a", 61)], [0, 1, 0, 59]),
])
def test_rate_limiter(per_minute, requests, waits):
    limiter = RateLimiter(per_minute)
    assert [round(limiter.take(c, now), 3) for c, now in requests] == waits


def test_rate_limiter_remembers_a_bounded_number_of_clients():
    limiter = RateLimiter(2, max_clients=100)
    for i in range(1_000):
        limiter.take(f"10.0.{i // 256}.{i % 256}", now=i * 0.001)
    assert len(limiter._buckets) <= 100
    assert limiter.take("10.0.3.231", now=1.0) == 0 and limiter.take("10.0.3.231", now=1.0) > 0  # the newest kept


@pytest.mark.parametrize("host, key", [
    ("203.0.113.9", "203.0.113.9"), ("::ffff:203.0.113.9", "203.0.113.9"),
    ("2001:db8:1:2::1", "2001:db8:1:2::/64"), ("2001:db8:1:2:ffff::9", "2001:db8:1:2::/64"),
    ("testclient", "testclient"),
])
def test_clients_are_counted_by_address_and_ipv6_by_64(host, key):
    class Request:
        client = type("Client", (), {"host": host})()

    assert client_key(Request()) == key


@pytest.mark.parametrize("env, expected", [
    ({"ONRECORD_EXTRACT_RATE": "12"}, 12), ({"ONRECORD_EXTRACT_RATE": "0"}, 0), ({}, 30),
    ({"ONRECORD_EXTRACT_RATE": "-1"}, "extract_rate must be from 0"),
    ({"ONRECORD_EXTRACT_RATE": "often"}, "extract_rate must be a whole number"),
])
def test_extract_rate_setting(tmp_path, env, expected):
    empty = tmp_path / "onrecord.toml"
    empty.write_text("")
    if isinstance(expected, int):
        assert load_settings(env, file=empty).extract_rate == expected
    else:
        with pytest.raises(SettingsError, match=expected):
            load_settings(env, file=empty)


# -- headers on every response ------------------------------------------------------------------
def test_every_response_has_the_security_headers(client):
    responses = [client.get(u) for u in ("/", "/?q=jury", "/people", "/extract", "/?q=*", "/articles/999999",
                                         "/nothing/<script>", "/api/quotes", "/api/nothing", "/static/app.js",
                                         "/docs", "/openapi.json", "/?since=yesterday")]
    responses += [client.post("/api/articles", json={"text": ARTICLE}), client.delete("/api/quotes")]
    for r in responses:
        assert "default-src 'self'" in r.headers["content-security-policy"], r.url
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], r.url
        assert (r.headers["x-content-type-options"], r.headers["x-frame-options"]) == ("nosniff", "DENY"), r.url
        if r.headers["content-type"].startswith("text/html") and r.url.path != "/docs":
            assert "'unsafe-inline'" not in r.headers["content-security-policy"], r.url
    assert {r.status_code for r in responses} >= {200, 403, 404, 405, 422}


# -- schemathesis over the OpenAPI schema -------------------------------------------------------
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_schemathesis_finds_no_server_errors(db_copy, mode):
    """Every operation of the app's /openapi.json, 25 valid (then invalid) inputs each, with the write
    token: no 5xx, and every documented answer has the documented content type and matches its schema."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(db=db_copy, api_token=TOKEN,
                                                                                 extract_rate=0)))
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:
        if mode == GenerationMode.NEGATIVE and not (operation.path_parameters or operation.query or operation.body):
            continue  # POST /api/relink takes no input that could be invalid
        @hypothesis.settings(max_examples=25, deadline=None, database=None,
                             suppress_health_check=list(hypothesis.HealthCheck))
        @hypothesis.given(case=operation.as_strategy(mode))
        def call(case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=checks)

        call()
