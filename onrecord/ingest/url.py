"""Fetching one article page over http(s) with httpx, politely and safely.

Only http and https; a size cap; per-operation and total time limits; a User-Agent
that says who we are; redirects followed by hand so every hop is checked. Hosts
that resolve to private, loopback or link-local addresses are refused unless the
caller allows them (a local test server, an intranet), so a URL taken from user
input cannot reach internal services. (A host that changes its DNS answer between
our check and httpx's connection is not caught; run behind a proxy if that matters.)
"""
from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .. import __version__
from ..article import Article, InputError, check_text, check_unicode, decode_html, html_to_article

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"onrecord/{__version__} (quotation extraction from news; python-httpx)"
TIMEOUT = 15.0  # seconds for each network operation (connect, each read)
TOTAL_TIMEOUT = 60.0  # seconds for the whole fetch, so a slow trickle cannot hold us forever
MAX_URL_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def is_url(source: str) -> bool:
    """True for anything with a scheme (``http://``, ``ftp://`` ...): it is a URL, not a file name."""
    return bool(_URL.match(source))


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = TIMEOUT,
    total_timeout: float = TOTAL_TIMEOUT,
    max_bytes: int = MAX_URL_BYTES,
    transport: httpx.BaseTransport | None = None,
) -> Article:
    """Fetch an HTML or plain-text page and return it as an ``Article`` (doc id: the URL).

    ``transport``: httpx's seam (e.g. ``httpx.MockTransport``) for tests; every hop is checked all the same."""
    # httpx bounds each read, not the whole exchange: headers trickled a byte at a time would
    # hold it for ever. The fetch runs in a daemon thread that is left behind at the deadline.
    outcome: list[Any] = []
    worker = threading.Thread(target=lambda: outcome.append(_outcome(
        _fetch, url, allow_private, timeout, total_timeout, max_bytes, transport)), name="fetch-url", daemon=True)
    worker.start()
    worker.join(total_timeout + 1.0)
    if not outcome:
        raise InputError(f"{url} took too long to download: try again later, or save the page and give the file.")
    kind, value = outcome[0]
    if kind == "error":
        raise value
    return value


def _outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "ok", fn(*args)
    except Exception as e:  # noqa: BLE001 - raised again in the caller's thread
        return "error", e


def _fetch(url: str, allow_private: bool, timeout: float, total_timeout: float, max_bytes: int,
           transport: Any) -> Article:
    import httpx

    deadline = time.monotonic() + total_timeout
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    current = url
    with httpx.Client(timeout=httpx.Timeout(timeout), headers=headers, follow_redirects=False,
                      transport=transport) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:
                        current = str(response.url.join(response.headers["location"]))
                        continue
                    return _to_article(url, response, _read(url, response, max_bytes, deadline))
            except httpx.TimeoutException:
                raise InputError(f"{url}: no answer within {timeout:g} s: try again later, "
                                 "or save the page and give the file.") from None
            except httpx.HTTPError as e:
                raise InputError(f"{url} could not be fetched ({type(e).__name__}: {e}).") from None
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects: give the final URL of the article.")


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse schemes other than http(s), and private addresses unless ``allow_private``."""
    check_unicode(url, url)  # bytes of an argument that are not UTF-8: httpx cannot send them
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs can be fetched, not {parts.scheme or 'no scheme'}.")
    if not parts.hostname:
        raise InputError(f"{url} has no host name: give a full URL like https://example.com/article.")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as e:
        raise InputError(f"{url}: the host {parts.hostname!r} could not be resolved ({e}).") from None
    for info in infos:
        for address in _addresses(info[4][0]):
            if not address.is_global or address.is_multicast:
                raise InputError(
                    f"{url}: {parts.hostname} is a private, loopback or link-local address ({address}); "
                    "onrecord refuses those unless allowed (--allow-private)."
                )


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _addresses(text: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The address, and the IPv4 addresses an IPv6 one carries (6to4, Teredo, NAT64) and may be routed to."""
    address = ipaddress.ip_address(text.split("%")[0])
    if not isinstance(address, ipaddress.IPv6Address):
        return [address]
    if address.ipv4_mapped:
        return [address.ipv4_mapped]
    carried = [address.sixtofour, *(address.teredo or ())]
    if address in _NAT64:
        carried.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return [address, *(a for a in carried if a is not None)]


def _read(url: str, response, max_bytes: int, deadline: float) -> bytes:
    if response.status_code != 200:
        raise InputError(f"{url}: the server answered HTTP {response.status_code} {response.reason_phrase}: "
                         "check the URL, or save the page and give the file.")
    mime = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if mime and mime not in HTML_TYPES + TEXT_TYPES:
        raise InputError(f"{url} is {mime}, not an HTML or plain-text page.")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise InputError(f"{url} is {int(length):,} bytes, more than the {max_bytes:,} a page may have.")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url} is more than the {max_bytes:,} bytes a page may have.")
        if time.monotonic() > deadline:
            raise InputError(f"{url} took too long to download: try again later, or save the page and give the file.")
        chunks.append(chunk)
    return b"".join(chunks)


def _to_article(url: str, response, data: bytes) -> Article:
    final = str(response.url)
    text = decode_html(data, url, response.charset_encoding)
    mime = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if mime in TEXT_TYPES:
        return Article(text=check_text(text, url), doc_id=url, url=final, source=url)
    return replace(html_to_article(text, url, final, name=url), url=final, source=url)
