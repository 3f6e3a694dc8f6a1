"""Server-rendered pages. Each page's data comes from the same function as its API
route, and ``?format=json`` returns that data as JSON (the page's JSON twin)."""
from __future__ import annotations

import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from ..record import Store, views
from .api import (ArticleIn, PersonId, QuoteFilters, _extract, merge_into_person, person_data, quote_page,
                  split_person, timeline_page)
from .deps import SettingsDep, StoreDep, check_token
from .limits import ExtractRate

router = APIRouter(include_in_schema=False)
Format = Annotated[Literal["html", "json"], Query(description="json: the page's data as JSON")]
_OUTLETS_TTL = 60.0


def _page(request: Request, fmt: str, template: str, data: dict[str, Any], **extra: Any) -> Response:
    if fmt == "json":
        return JSONResponse(data)
    return request.app.state.templates.TemplateResponse(request, template, {**data, **extra})


def _outlets(request: Request, store: Store) -> list[str]:
    """Outlets for the search filter, cached for a minute (a GROUP BY over every article)."""
    cached = getattr(request.app.state, "outlets", None)
    if cached is None or time.monotonic() - cached[0] > _OUTLETS_TTL:
        cached = (time.monotonic(), views.outlets(store))
        request.app.state.outlets = cached
    return cached[1]


@router.get("/")
def search_page(request: Request, store: StoreDep, settings: SettingsDep,
                filters: Annotated[QuoteFilters, Query()], format: Format = "html") -> Response:
    data = quote_page(store, filters, settings.page_size)
    outlets = _outlets(request, store) if format == "html" else []
    return _page(request, format, "search.html", data, outlets=outlets, filters=filters, title="Search the record")


@router.get("/people")
def people_page(request: Request, store: StoreDep, q: Annotated[str | None, Query(max_length=200)] = None,
                format: Format = "html") -> Response:
    data = {"query": q, "results": [p.to_dict() for p in store.people(q or None, limit=200)]}
    return _page(request, format, "people.html", data, title="People")


TIMELINE_PAGE = 100  # entries a person page shows at once: a prolific speaker's page stays small


@router.get("/people/{person_id}")
def person_page(request: Request, store: StoreDep, settings: SettingsDep, person_id: PersonId,
                format: Format = "html", corrected: Literal["merge", "split"] | None = None,
                page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    data = {"person": person_data(store, person_id), "timeline": timeline_page(store, person_id, page, TIMELINE_PAGE)}
    names = views.mention_names(store, person_id) if format == "html" and settings.api_token else []
    return _page(request, format, "person.html", data, title=data["person"]["person"]["name"],
                 writes_open=bool(settings.api_token), corrected=corrected, mention_names=names)


# Corrections from the person page: the same functions as POST /api/people/{id}/merge|split, with the
# server's token typed into the form (it also keeps other sites from posting the form).
Token = Annotated[str, Form(max_length=500)]
Name = Annotated[str, Form(min_length=1, max_length=200)]


@router.post("/people/{person_id}/merge")
def merge_page(store: StoreDep, settings: SettingsDep, person_id: PersonId, other: Name, token: Token = "") -> Response:
    check_token(settings, token, "in the form's token field")
    merged = merge_into_person(store, person_id, other)
    return RedirectResponse(f"/people/{merged.id}?corrected=merge", status_code=303)


@router.post("/people/{person_id}/split")
def split_page(store: StoreDep, settings: SettingsDep, person_id: PersonId,
               token: Token = "", names: Annotated[list[str], Form(max_length=20)] = ()) -> Response:
    check_token(settings, token, "in the form's token field")
    new = split_person(store, person_id, list(names))
    return RedirectResponse(f"/people/{new.id}?corrected=split", status_code=303)


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: int, format: Format = "html") -> Response:
    view = views.article(store, article_id)
    return _page(request, format, "article.html", view.to_dict(), view=view,
                 title=view.title or view.doc_id)


@router.get("/extract")
def extract_form(request: Request, format: Format = "html") -> Response:
    return _page(request, format, "extract.html", {"result": None}, title="Extract quotations")


@router.post("/extract", dependencies=[ExtractRate])  # the same work, and limit, as /api/extract
async def extract_page(request: Request, text: Annotated[str, Form(min_length=1)],
                       format: Format = "html") -> Response:
    """The paste page without JavaScript: the form posts here; with JavaScript it calls /api/extract."""
    body = ArticleIn(text=text)
    article = await run_in_threadpool(body.article)
    extraction = await run_in_threadpool(_extract, request, article)
    data = {"result": {"title": article.title, **extraction.to_dict(include_text=True)}}
    return _page(request, format, "extract.html", data, title="Extract quotations", pasted=text,
                 statements=[_Pasted(q) for q in extraction.quotes])


class _Pasted:
    """An extracted quote in the shape ``render.segments`` and the templates read."""

    def __init__(self, quote: Any) -> None:
        self.qid = quote.id
        self.spans = [(s.start, s.end) for s in quote.content]
        self.cue = (quote.cue.start, quote.cue.end, quote.cue.text) if quote.cue else None
        self.source = (quote.source.start, quote.source.end, quote.source.text) if quote.source else None
        self.quote = quote
