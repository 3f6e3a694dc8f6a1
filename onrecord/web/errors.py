"""One error body for every failure: ``{"error": {"status", "message", "detail"}}``.

Library errors (``OnRecordError``) are translated here, at the edge: a bad query
parameter is 422, an unknown id 404, an unreadable article 422, an unusable
store 503; anything unexpected is 500 without a traceback in the body. Pages
(not ``/api/``, not ``?format=json``) get the same information as an HTML page.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, OnRecordError
from ..record.store import QueryError, StoreError
from ..record.views import NotFoundError

log = logging.getLogger("onrecord.web")

_STATUS_OF: tuple[tuple[type[Exception], int], ...] = (
    (NotFoundError, 404), (QueryError, 422), (InputError, 422), (StoreError, 503), (OnRecordError, 422),
)
_REASONS = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
            405: "Method not allowed", 413: "Request body too large", 415: "Unsupported media type",
            422: "Invalid parameters", 429: "Too many requests", 500: "Internal server error", 503: "Record unavailable"}


class ErrorInfo(BaseModel):
    status: int
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    """The body of every error answer."""

    error: ErrorInfo


def documented(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, each with the one error body."""
    return {code: {"model": ErrorBody, "description": _REASONS[code]} for code in codes}


def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"status": status, "message": message, "detail": detail}}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.query_params.get("format") == "json" \
        or request.url.path in ("/openapi.json",)


def error_response(request: Request, status: int, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(status, message, detail), status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                                              "detail": detail, "title": _REASONS.get(status, "Error")},
                                      status_code=status, headers=headers)


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Which parameter was wrong and why, without echoing whole request bodies."""
    out = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ())]
        where = loc[0] if loc else "request"
        out.append({"parameter": ".".join(loc[1:]) or where, "in": where, "problem": e.get("msg", "invalid")})
    return out


BODY_EXAMPLE = '{"text": "…"} or {"html": "…"}'
# The body each write route reads, by the last part of its path (the rest take an article).
_BODY_EXAMPLES = {"merge": '{"other": "#12"}', "split": '{"names": ["Name"]}'}


def _example(request: Request) -> str:
    return _BODY_EXAMPLES.get(request.url.path.rstrip("/").rsplit("/", 1)[-1], BODY_EXAMPLE)


def _body_problem(request: Request, exc: RequestValidationError) -> str | None:
    """One plain sentence for a body that is not a JSON object at all, rather than a parameter list."""
    for e in exc.errors():
        loc = tuple(e.get("loc", ()))
        if e.get("type") == "json_invalid":
            problem = e.get("ctx", {}).get("error", "invalid").removesuffix(" at")
            return (f"the request body is not valid JSON ({problem} at offset {loc[-1]}): "
                    f"send one JSON object like {_example(request)}.")
        if loc == ("body",) and e.get("type") in ("missing", "model_attributes_type", "dict_type"):
            return f"the request body must be one JSON object like {_example(request)} (Content-Type: application/json)."
    return None


def _unreadable_body(request: Request) -> str:
    """FastAPI could not decode the body: not UTF-8 (Latin-1 text, binary), or compressed."""
    encoding = request.headers.get("content-encoding")
    if encoding:
        return (f"the request body is compressed (Content-Encoding: {encoding}): the API reads uncompressed "
                "JSON only; send it uncompressed.")
    return f"the request body is not valid UTF-8: send one JSON object like {_example(request)}, encoded as UTF-8."


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one error body."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) and exc.detail != _REASONS.get(exc.status_code) else None
        if exc.status_code == 404 and message in (None, "Not Found"):
            message = f"nothing at {request.url.path}: see /docs for the API, / for the search page."
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}."
        elif exc.status_code == 400 and message == "There was an error parsing the body":  # FastAPI's words
            message = _unreadable_body(request)
        return error_response(request, exc.status_code, message or _REASONS.get(exc.status_code, "Error"),
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = _validation_detail(exc)
        names = ", ".join(sorted({d["parameter"] for d in detail}))
        return error_response(request, 422, _body_problem(request, exc) or f"invalid parameter: {names}.", detail)

    @app.exception_handler(OnRecordError)
    async def library_error(request: Request, exc: OnRecordError) -> Response:
        status = next(code for kind, code in _STATUS_OF if isinstance(exc, kind))
        return error_response(request, status, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "something went wrong on our side; the error was logged.",
                              {"type": type(exc).__name__})
