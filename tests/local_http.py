"""A stdlib HTTP server on loopback in a thread, for the URL-fetching tests (imported by name)."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that keeps the test output clean."""

    def log_message(self, *args) -> None:
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    release = threading.Event()  # lets a deliberately slow handler go at teardown

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hung up on a slow page, as it should


@contextmanager
def serve_handler(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free loopback port; yields the base URL."""
    httpd = QuietServer(("127.0.0.1", 0), handler)
    httpd.release = threading.Event()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.release.set()
        httpd.shutdown()
        httpd.server_close()
