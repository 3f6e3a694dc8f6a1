"""Server-side request forgery and slow servers: the URL fetcher's guard beyond the basic table
in test_ingest.py (other spellings of loopback, addresses hidden inside IPv6, redirects into
the private network, servers that never answer or trickle)."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from local_http import QuietHandler, serve_handler

from onrecord.article import InputError
from onrecord.ingest.url import check_url, fetch_url

PUBLIC = "93.184.215.14"  # a global address; nothing is ever sent to it (the transport below answers for it)
PAGE = b"<html><head><title>Secret</title></head><body><p>Internal page, not for the outside.</p></body></html>"


@pytest.mark.parametrize("url, expected", [
    ("ftp://example.com/article", "only http and https"),
    ("file:///etc/passwd", "only http and https"),
    ("http:///article", "has no host name"),
    ("http://127.0.0.1/article", "private, loopback or link-local address (127.0.0.1)"),
    ("http://10.1.2.3/article", "(10.1.2.3)"),
    ("http://169.254.169.254/latest/meta-data", "(169.254.169.254)"),
    ("http://[::1]:8080/", "(::1)"),
    ("http://[::ffff:192.168.0.1]/", "(192.168.0.1)"),
    ("http://localhost/", "loopback"),
    ("gopher://127.0.0.1:70/_stats", "not gopher"),
    ("dict://127.0.0.1:11211/stat", "not dict"),
    ("javascript:alert(1)", "not javascript"),
    ("data:text/html,<p>x</p>", "not data"),
    ("//127.0.0.1/article", "not no scheme"),
    ("HTTP://127.0.0.1/", "(127.0.0.1)"),
    ("http://192.168.1.10/", "(192.168.1.10)"),
    ("http://172.16.0.1/", "(172.16.0.1)"),
    ("http://100.64.0.1/", "(100.64.0.1)"),  # carrier-grade NAT
    ("http://0.0.0.0:8000/", "(0.0.0.0)"),
    ("http://0/", "(0.0.0.0)"),
    ("http://127.1/", "(127.0.0.1)"),  # short, decimal, hex and octal spellings of 127.0.0.1
    ("http://2130706433/", "(127.0.0.1)"),
    ("http://0x7f000001/", "(127.0.0.1)"),
    ("http://017700000001/", "(127.0.0.1)"),
    ("http://LOCALHOST:8000/", "(127.0.0.1)"),
    ("http://user:password@127.0.0.1/", "(127.0.0.1)"),
    ("http://[::]/", "(::)"),
    ("http://[fe80::1]/", "(fe80::1)"),
    ("http://[fc00::1]/", "(fc00::1)"),
    ("http://[::ffff:169.254.169.254]/latest/meta-data", "(169.254.169.254)"),
    ("http://[2002:7f00:1::]/", "(127.0.0.1)"),  # 6to4 carrying 127.0.0.1
    ("http://[64:ff9b::a00:1]/", "(10.0.0.1)"),  # NAT64 carrying 10.0.0.1
    ("http://224.0.0.1/", "(224.0.0.1)"),
    ("http://255.255.255.255/", "(255.255.255.255)"),
])
def test_url_refused(url: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        check_url(url)
    assert expected in str(caught.value)


@pytest.mark.parametrize("url", [f"http://{PUBLIC}/news", "https://[2606:4700:4700::1111]/", "http://[2002:5db8:d70e::]/"])
def test_public_addresses_pass(url: str) -> None:
    check_url(url)


class Secret(QuietHandler):
    """An internal service on loopback; counts the requests that reach it."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        Secret.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture(scope="module")
def secret() -> Iterator[str]:
    with serve_handler(Secret) as url:
        yield url


class PublicFront(httpx.BaseTransport):
    """Plays a public news site at PUBLIC that redirects to ``target``; every other host is
    reached over the real network, so a redirect the guard let through would hit the real server."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.real = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == PUBLIC:
            return httpx.Response(302, headers={"Location": self.target})
        return self.real.handle_request(request)

    def close(self) -> None:
        self.real.close()


@pytest.mark.parametrize("target, expected", [
    ("{secret}/admin", "(127.0.0.1)"),
    ("http://localhost:{port}/admin", "(127.0.0.1)"),
    ("http://2130706433:{port}/admin", "(127.0.0.1)"),
    ("http://169.254.169.254/latest/meta-data/", "(169.254.169.254)"),
    ("file:///etc/passwd", "not file"),
    ("gopher://127.0.0.1:{port}/_x", "not gopher"),
    (f"http://{PUBLIC}/again", "more than 5 redirects"),
])
def test_redirects_are_checked_at_every_hop(secret: str, target: str, expected: str) -> None:
    Secret.hits.clear()
    target = target.format(secret=secret, port=secret.rsplit(":", 1)[1])
    with pytest.raises(InputError) as caught:
        fetch_url(f"http://{PUBLIC}/story", transport=PublicFront(target))
    assert expected in str(caught.value)
    assert Secret.hits == []  # the internal service was never asked


def test_the_redirect_reaches_the_secret_when_private_addresses_are_allowed(secret: str) -> None:
    """The control for the test above: the same redirect, allowed, does fetch the internal page."""
    Secret.hits.clear()
    article = fetch_url(f"http://{PUBLIC}/story", transport=PublicFront(f"{secret}/admin"), allow_private=True)
    assert article.title == "Secret" and Secret.hits == ["/admin"]


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) and never says a word."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(8)
        yield s.getsockname()[1]


def test_a_server_that_never_answers_times_out(silent_port: int) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"no answer within 0.3 s"):
        fetch_url(f"http://127.0.0.1:{silent_port}/story", allow_private=True, timeout=0.3)
    assert time.monotonic() - started < 5


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n"


@pytest.mark.parametrize("at_once, trickled", [
    (HEAD, b"x" * 100_000),  # a body a byte at a time
    (b"", b"HTTP/1.1 200 OK\r\nX-Slow: " + b"x" * 10_000),  # headers a byte at a time
], ids=["body", "headers"])
def test_a_trickling_answer_hits_the_total_time_limit(at_once: bytes, trickled: bytes) -> None:
    """One byte every 50 ms never trips the per-read timeout; the total limit stops it."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        stop = threading.Event()

        def trickle() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                try:
                    conn.sendall(at_once)
                    for byte in trickled:
                        if stop.is_set():
                            return
                        conn.sendall(bytes([byte]))
                        time.sleep(0.05)
                except OSError:
                    return

        thread = threading.Thread(target=trickle, daemon=True)
        thread.start()
        started = time.monotonic()
        try:
            with pytest.raises(InputError, match="took too long"):
                fetch_url(f"http://127.0.0.1:{listener.getsockname()[1]}/story", allow_private=True,
                          timeout=2, total_timeout=0.5)
        finally:
            stop.set()
            thread.join(5)
    assert time.monotonic() - started < 5
