"""The FastAPI application: ``create_app(settings)`` wires settings, store pool,
security headers, the body-size limit, error handling, API routes and pages."""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..settings import Settings, load_settings
from . import errors, render
from .deps import StorePool
from .limits import extract_limiter

HERE = Path(__file__).parent
# Pages load nothing from elsewhere and run only our own script file; the API docs
# (Swagger UI) load their script and styles from jsDelivr and need one inline script.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class HeadAsGet:
    """ASGI middleware: HEAD is answered as GET is, without the body (link checkers and monitors use it)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: dict) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class Guard:
    """ASGI middleware: security headers on every response, and the request body limit.

    A body over ``max_body_bytes`` gets 413 with the error body before the route
    reads it; a body without Content-Length is read up to the limit, then replayed.
    """

    def __init__(self, app: Any, max_body_bytes: int) -> None:
        self.app = app
        self.limit = max_body_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope["path"] in ("/docs", "/redoc") else PAGE_CSP

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._too_large(scope, send_with_headers)
            return
        if (length is None or not length.isdigit()) and scope["method"] in ("POST", "PUT", "PATCH"):
            body, more = b"", True
            while more:
                message = await receive()
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.limit:
                    await self._too_large(scope, send_with_headers)
                    return
            replayed = False

            async def receive_again() -> dict:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            receive = receive_again
        await self.app(scope, receive, send_with_headers)

    async def _too_large(self, scope: dict, send: Any) -> None:
        from starlette.requests import Request

        message = (f"the request body is larger than the limit of {self.limit:,} bytes: send a shorter article "
                   "(the limit is the max_body_bytes setting, $ONRECORD_MAX_BODY_BYTES).")
        # a page's form gets the error as a page, the API as JSON
        response = errors.error_response(Request(scope), 413, message, {"limit_bytes": self.limit})
        await response(scope, _drain, send)


async def _drain() -> dict:
    return {"type": "http.disconnect"}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The onrecord web app over the record ``settings.db`` (settings from ``load_settings()`` by default)."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Requests beyond the store connections (and two for extraction) wait in line rather
        # than share the CPU thread by thread: under load, latency then tracks the queue
        # instead of a slow request being slowed further by every other one at once.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.connections + 2
        yield
        app.state.pool.close()

    app = FastAPI(title="onrecord", version=_version(), lifespan=lifespan,
                  description="Who said what, about whom, and what became of it: search the record of statements, "
                              "people and articles; extract quotations from an article. Errors always have the "
                              'body {"error": {"status", "message", "detail"}}. See docs/api.md.')
    app.state.settings = settings
    app.state.pool = StorePool(settings.db, settings.connections)
    app.state.extract_lock = threading.Lock()  # one extraction at a time: the spaCy pipeline is shared
    app.state.extract_limiter = extract_limiter(settings.extract_rate)
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes .html templates
    render.register(templates.env)
    app.state.templates = templates
    errors.install(app)
    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(Guard, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(HeadAsGet)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("onrecord")
    except PackageNotFoundError:
        return "0"
