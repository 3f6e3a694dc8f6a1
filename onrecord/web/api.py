"""The REST API under ``/api``: one route per resource, each a thin shell over a record
query (``onrecord.record.query`` / ``views``) or extraction. Pages reuse these functions."""
from __future__ import annotations

import re

from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator

from ..article import Article, guess_title, html_to_article, to_article
from ..errors import InputError
from ..record import PersonSummary, Store, content_hash, views
from ..record.export import MAX_PAGE as MAX_EXPORT_PAGE
from ..record.export import PAGE as EXPORT_PAGE
from ..record.export import export_page
from ..record.query import QUOTE_KINDS
from ..record.store import MAX_ID
from .deps import SettingsDep, StoreDep, WriteAccess
from .errors import documented
from .limits import ExtractRate

router = APIRouter(prefix="/api", tags=["api"], responses=documented(422, 503))

Kind = Literal["direct", "mixed", "indirect"]
StatementType = Literal["claim", "support", "criticism", "denial", "apology", "retraction", "commitment",
                        "no_comment"]
MAX_PAGE = 10_000  # deeper pages: narrow the query instead (OFFSET grows with the page)
assert set(QUOTE_KINDS) == set(Kind.__args__)  # noqa: S101 - keep the two lists in step


class QuoteFilters(BaseModel):
    """The search box and filters, shared by ``GET /api/quotes`` and the search page."""

    q: str | None = Field(None, max_length=500, description='Words (all must match), "a phrase", OR, -word.')
    speaker: str | None = Field(None, max_length=200, description="A person's name, alias or #id.")
    since: date | None = Field(None, description="Published on or after (YYYY-MM-DD).")
    until: date | None = Field(None, description="Published on or before (YYYY-MM-DD).")
    outlet: str | None = Field(None, max_length=200, description="Outlet name, case-insensitive.")
    kind: Kind | None = Field(None, description="direct, mixed or indirect.")
    type: StatementType | None = Field(None, description="Statement type.")
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page of results, from 1.")
    per_page: int | None = Field(None, ge=1, le=100, description="Results per page (default: the server's page_size).")

    @model_validator(mode="before")
    @classmethod
    def _blank_is_none(cls, data: Any) -> Any:  # an empty form field means "no filter"
        return {k: (None if v == "" else v) for k, v in data.items()} if isinstance(data, dict) else data

    def active(self) -> dict[str, Any]:
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in self.model_dump().items()
                if v is not None and k not in ("page", "per_page")}


def quote_page(store: Store, filters: QuoteFilters, page_size: int) -> dict[str, Any]:
    """One page of matching quotes, newest first (ties by id), with the next and previous page numbers."""
    per_page = filters.per_page or page_size
    hits = store.search(filters.q, speaker=filters.speaker, since=filters.since, until=filters.until,
                        outlet=filters.outlet, kind=filters.kind, type=filters.type,
                        limit=per_page + 1, offset=(filters.page - 1) * per_page)
    return {"query": filters.active(), "page": filters.page, "per_page": per_page,
            "prev_page": filters.page - 1 if filters.page > 1 else None,
            "next_page": filters.page + 1 if len(hits) > per_page and filters.page < MAX_PAGE else None,
            "results": [h.to_dict() for h in hits[:per_page]]}


@router.get("/quotes", summary="Search quotes", response_model=dict[str, Any])
def get_quotes(store: StoreDep, settings: SettingsDep, filters: Annotated[QuoteFilters, Query()]) -> JSONResponse:
    """Full-text search over statements with filters; newest first, paginated (``next_page`` is null on the last page)."""
    # Already plain JSON types: skip FastAPI's re-validation and re-encoding of every hit.
    return JSONResponse(quote_page(store, filters, settings.page_size))


@router.get("/people", summary="Find people")
def get_people(store: StoreDep, q: Annotated[str | None, Query(max_length=200, description="Name or alias")] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    """People and organisations with their statement, mention and article counts, most statements first."""
    return {"query": q, "results": [p.to_dict() for p in store.people(q or None, limit=limit)]}


PersonId = Annotated[int, Path(ge=1, description="The person's id (#id in the CLI)")]


def person_data(store: Store, person_id: int) -> dict[str, Any]:
    data = views.person(store, person_id).to_dict()
    data.pop("statements")  # in time order, with what became of them: see the timeline
    data["timeline"] = f"/api/people/{person_id}/timeline"
    return data


@router.get("/people/{person_id}", summary="One person", responses=documented(404))
def get_person(store: StoreDep, person_id: PersonId) -> dict[str, Any]:
    """Aliases, roles and affiliations as seen (count, first and last seen), counts, and why mentions were linked."""
    return person_data(store, person_id)


def timeline_page(store: Store, person_id: int, page: int, per_page: int) -> dict[str, Any]:
    """One page of a person's timeline (a prolific speaker's whole one is megabytes), with the page count."""
    timeline = views.timeline(store, person_id, (page - 1) * per_page, per_page)
    data = timeline.to_dict()
    data["page"] = {"page": page, "of": max(1, -(-timeline.statements // per_page)), "entries": timeline.statements}
    return data


@router.get("/people/{person_id}/timeline", summary="A person's timeline", responses=documented(404))
def get_timeline(store: StoreDep, person_id: PersonId, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
                 per_page: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
    """Statements in time order with their type, target, links, the reactions they drew and any
    retraction or apology, ``per_page`` at a time (``page.of`` pages in all); plus statements per month."""
    return timeline_page(store, person_id, page, per_page)


@router.get("/articles", summary="Every article, a page at a time")
def list_articles(store: StoreDep, after: Annotated[int, Query(ge=0, le=MAX_ID, description="Give the previous page's next_after (0: from the first).")] = 0,
                  limit: Annotated[int, Query(ge=1, le=MAX_EXPORT_PAGE, description="Articles per page.")] = EXPORT_PAGE,
                  all_versions: Annotated[bool, Query(description="Every stored version, not only the current one.")] = False,
                  ) -> dict[str, Any]:
    """The record's articles in the order they were stored, each as a line of `onrecord export`
    (the JSONL input fields, then its statements with speakers, types, targets and links); ask
    again with ``after=next_after`` until ``next_after`` is null."""
    articles, next_after = export_page(store, after, limit, all_versions)
    return {"articles": articles, "next_after": next_after}


@router.get("/articles/{article_id}", summary="One article", responses=documented(404))
def get_article(store: StoreDep, article_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """Text, metadata and every statement with its spans (offsets into ``text``), speaker, type, target and links."""
    return views.article(store, article_id).to_dict()


class ArticleIn(BaseModel):
    """One article: its text or its HTML page, and optional metadata (the fields of a JSONL line)."""

    id: str | None = Field(None, max_length=500, description="Your id for it (versions share it, or the url).")
    text: str | None = Field(None, description="Plain text; offsets in the result refer to it.")
    html: str | None = Field(None, description="An HTML page; its main text is extracted first.")
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    published: date | None = None
    outlet: str | None = Field(None, max_length=500)

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError('give exactly one of "text" or "html"')
        return self

    def article(self) -> Article:
        if self.url is not None and not re.match(r"https?://[^\s/]+", self.url):
            raise InputError(f"url {self.url[:100]!r} is not an http(s) address: give the article's address, "
                             "e.g. https://example.org/story, or leave it out.")
        doc_id = self.id or "request"
        if self.html is not None:
            article = html_to_article(self.html, doc_id, self.url, name="html")
        else:
            article = to_article(self.text, doc_id, self.url, name="text")
            article = replace(article, title=guess_title(article.text))
        meta = {"title": self.title, "url": self.url, "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None}
        return replace(article, source=article.source or f"api:{doc_id}",
                       **{k: v for k, v in meta.items() if v is not None})


def _extract(request: Request, article: Article, method: str = "model"):
    from ..extract import extract_articles

    with request.app.state.extract_lock:
        return next(extract_articles([article], method=method))


@router.post("/extract", summary="Extract quotations", dependencies=[ExtractRate],
             responses=documented(400, 413, 429))
async def post_extract(
    request: Request, body: ArticleIn,
    method: Annotated[Literal["model", "encoder", "cnn", "rules"], Query(description="model: the rules and a fine-tuned three-layer MiniLM; encoder: the same with two six-layer MiniLMs averaged (a little more accurate, slower); cnn: a CNN tagger in its place (less accurate); rules: the rules alone")] = "model",
    min_confidence: Annotated[float, Query(ge=0, le=1, description="Keep statements with confidence at least this")] = 0.0,
) -> dict[str, Any]:
    """Find every quotation in one article: content, cue, source, speaker, type, target, links.
    The body may be at most the server's ``max_body_bytes`` (413 otherwise); each client may make
    ``extract_rate`` requests a minute (429 with ``Retry-After`` otherwise)."""
    article = await run_in_threadpool(body.article)
    extraction = await run_in_threadpool(_extract, request, article, method)
    return {"title": article.title, **extraction.confident(min_confidence).to_dict(include_text=True)}


@router.post("/articles", summary="Ingest one article", status_code=201, dependencies=[WriteAccess],
             responses={200: {"description": "Already on record (skipped)"}, **documented(400, 401, 403, 413)})
async def post_article(request: Request, response: Response, store: StoreDep, body: ArticleIn) -> dict[str, Any]:
    """Extract one article and store it in the record: 201 ``stored`` or ``replaced`` (a new version when
    its url, else id, is known), 200 ``skipped`` when already on record. Needs ``Authorization: Bearer <token>``."""
    article = await run_in_threadpool(body.article)
    extraction = await run_in_threadpool(_extract, request, article)
    outcome = await run_in_threadpool(store.add, article, extraction)
    article_id = await run_in_threadpool(views.article_id_for, store, content_hash(article))
    if outcome == "skipped":
        response.status_code = 200
    return {"outcome": outcome, "article_id": article_id, "quotes": len(extraction.quotes),
            "url": f"/api/articles/{article_id}"}


# -- corrections: who is who (bearer token) ---------------------------------------------
class MergeIn(BaseModel):
    other: str = Field(..., min_length=1, max_length=200, description="The person to merge into this one: name, alias or #id.")


class SplitIn(BaseModel):
    names: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        ..., min_length=1, max_length=20, description="The names (aliases) whose mentions become a new person.")


def merge_into_person(store: Store, person_id: int, other: str) -> PersonSummary:
    """Merge ``other`` into person #``person_id`` (404 when there is no such person); routes and pages share it."""
    views.person_name(store, person_id)
    return store.merge(f"#{person_id}", other)


def split_person(store: Store, person_id: int, names: list[str]) -> PersonSummary:
    """Split the mentions called ``names`` off person #``person_id`` into a new person."""
    views.person_name(store, person_id)
    return store.split(f"#{person_id}", names)


@router.post("/people/{person_id}/merge", summary="Merge a person into this one", dependencies=[WriteAccess],
             responses=documented(400, 401, 403, 404, 413))
def post_merge(store: StoreDep, person_id: PersonId, body: MergeIn) -> dict[str, Any]:
    """``other``'s mentions move to this person, also when articles are ingested again; the links
    across articles of both are derived again. Answers the merged person. Needs the bearer token."""
    return merge_into_person(store, person_id, body.other).to_dict()


@router.post("/people/{person_id}/split", summary="Split mentions off into a new person", status_code=201,
             dependencies=[WriteAccess], responses=documented(400, 401, 403, 404, 413))
def post_split(store: StoreDep, person_id: PersonId, body: SplitIn) -> dict[str, Any]:
    """The mentions of this person called one of ``names`` become a new person, kept apart from this
    one from now on; links across articles follow. Answers the new person. Needs the bearer token."""
    return split_person(store, person_id, body.names).to_dict()


@router.post("/relink", summary="Derive every link across articles again", dependencies=[WriteAccess],
             responses=documented(401, 403))
def post_relink(store: StoreDep) -> dict[str, Any]:
    """What ``onrecord relink`` does: links across articles by type, before and after (for a record
    written by an older onrecord). Needs the bearer token."""
    return store.relink().to_dict()
