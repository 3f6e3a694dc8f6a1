"""Flat rows for archives: one per article (metadata, status, error) and one per statement.

Both engines (local and Spark) turn every input item into rows with
``rows_of_chunk``, so their Parquet output is the same row for row. The schemas
are written once here (``ARTICLE_COLUMNS``, ``STATEMENT_COLUMNS``) and turned
into Arrow or Spark types by each engine. Rows are partitioned by the month the
article was published (``YYYY-MM``, or ``unknown``).

``to_extraction`` rebuilds the ``Article`` and ``Extraction`` a row came from, so
``onrecord load`` stores exactly what ``onrecord ingest`` would have.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from ..article import Article, Failure
from ..batch_extract import extract_chunk
from ..models import Entity, Extraction, Link, Quote, Span, Speaker, Target
from ..record.ingest import content_hash, source_of

CHUNK_SIZE = 16  # articles parsed together by nlp.pipe
UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"^\s*(\d{4})[-/](\d{2})(?:\D|$)")

# A tiny type language both engines translate: ("string",), ("int64",), ("float64",),
# ("list", T), ("struct", ((name, T), ...)).
STRING, INT64, FLOAT64 = ("string",), ("int64",), ("float64",)
SPAN = ("struct", (("start", INT64), ("end", INT64), ("text", STRING)))
ENTITY = ("struct", (("id", STRING), ("name", STRING), ("kind", STRING), ("aliases", ("list", STRING)),
                     ("roles", ("list", STRING)), ("affiliations", ("list", STRING))))
SPEAKER = ("struct", (("id", STRING), ("name", STRING), ("kind", STRING), ("role", STRING)))
TARGET = ("struct", (("name", STRING), ("kind", STRING)))
LINK = ("struct", (("type", STRING), ("to", STRING), ("confidence", FLOAT64), ("evidence", STRING)))

# (input, position) identifies an item: the file it was read from and its place in that file;
# input_order is the file's place in the run's inputs (the order `onrecord load` stores them in).
ARTICLE_COLUMNS: tuple[tuple[str, tuple], ...] = (
    ("input", STRING), ("input_order", INT64), ("position", INT64), ("doc_id", STRING), ("source", STRING),
    ("url", STRING), ("title", STRING), ("published", STRING), ("outlet", STRING),
    ("status", STRING), ("stage", STRING), ("error", STRING),
    ("text", STRING), ("content_hash", STRING), ("quotes", INT64), ("speakers", ("list", ENTITY)),
    ("month", STRING),
)
STATEMENT_COLUMNS: tuple[tuple[str, tuple], ...] = (
    ("input", STRING), ("position", INT64), ("doc_id", STRING), ("index", INT64), ("id", STRING),
    ("kind", STRING), ("confidence", FLOAT64), ("text", STRING), ("start", INT64), ("end", INT64),
    ("content", ("list", SPAN)), ("cue", SPAN), ("source", SPAN), ("speaker", SPEAKER),
    ("type", STRING), ("type_confidence", FLOAT64), ("target", TARGET), ("links", ("list", LINK)),
    ("month", STRING),
)
TABLES = {"articles": ARTICLE_COLUMNS, "statements": STATEMENT_COLUMNS}
PARTITION = "month"

Item = tuple[str, int, int, Article | Failure]  # (input, input_order, position, what the reader made of it)
Row = tuple[str, dict[str, Any]]  # (table name, row)


def month_of(published: str | None) -> str:
    """``2024-01-18T09:00Z`` → ``2024-01``; anything without a leading ISO year-month → ``unknown``."""
    found = _MONTH.match(published or "")
    if not found or not 1 <= int(found.group(2)) <= 12:
        return UNKNOWN_MONTH
    return f"{found.group(1)}-{found.group(2)}"


def extract_rows(items: Iterable[Item], chunk_size: int = CHUNK_SIZE) -> Iterator[Row]:
    """Rows for every item, extracting articles a chunk at a time (the Spark partition function)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, chunk_size)):
        yield from rows_of_chunk(chunk)


def rows_of_chunk(chunk: Sequence[Item]) -> list[Row]:
    """Extract one chunk and turn each item into an article row and its statement rows.

    A read failure, an extraction failure, or a bug making rows of one article
    becomes that article's error row; the chunk always completes.
    """
    results = extract_chunk([item for *_, item in chunk])
    rows: list[Row] = []
    for (input_, order, position, item), result in zip(chunk, results):
        try:
            rows += item_rows(input_, position, item, result, order)
        except Exception as e:  # noqa: BLE001 - one article must never fail the job
            error = f"{source_of(item)}: making its rows failed ({type(e).__name__}: {e}); this is a bug in onrecord."
            rows.append(("articles", _article_row(input_, order, position, item, "extract", error)))
    return rows


def item_rows(input_: str, position: int, item: Article | Failure, result: Extraction | Failure,
              input_order: int = 0) -> list[Row]:
    if isinstance(item, Failure):
        return [("articles", _article_row(input_, input_order, position, item, "read", item.error))]
    if isinstance(result, Failure):
        return [("articles", _article_row(input_, input_order, position, item, "extract", result.error))]
    row = _article_row(input_, input_order, position, item, None, None)
    row.update(text=item.text, content_hash=content_hash(item), quotes=len(result.quotes),
               speakers=[s.to_dict() for s in result.speakers])
    base = {"input": input_, "position": position, "doc_id": item.doc_id, "month": row["month"]}
    return [("articles", row)] + [("statements", {**base, **_statement(i, q)}) for i, q in enumerate(result.quotes)]


def _article_row(input_: str, input_order: int, position: int, item: Article | Failure, stage: str | None,
                 error: str | None) -> dict[str, Any]:
    meta = {k: getattr(item, k, None) for k in ("url", "title", "published", "outlet")}
    return {"input": input_, "input_order": input_order, "position": position, "doc_id": item.doc_id,
            "source": source_of(item), **meta,
            "status": "error" if error else "ok", "stage": stage, "error": error,
            "text": None, "content_hash": None, "quotes": 0, "speakers": [],
            "month": month_of(meta["published"])}


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _statement(index: int, q: Quote) -> dict[str, Any]:
    return {
        "index": index, "id": q.id, "kind": q.kind, "confidence": float(q.confidence), "text": q.text,
        "start": q.start, "end": q.end, "content": [_span(s) for s in q.content],
        "cue": _span(q.cue), "source": _span(q.source),
        "speaker": q.speaker.to_dict() if q.speaker else None, "type": q.type,
        "type_confidence": None if q.type_confidence is None else float(q.type_confidence),
        "target": q.target.to_dict() if q.target else None,
        "links": [{"type": link.type, "to": link.to, "confidence": float(link.confidence),
                   "evidence": link.evidence} for link in q.links],
    }


# -- back from rows (onrecord load) ------------------------------------------------------
def to_article(row: dict[str, Any]) -> Article:
    return Article(text=row["text"], doc_id=row["doc_id"], title=row["title"], url=row["url"],
                   published=row["published"], outlet=row["outlet"], source=row["source"])


def to_extraction(row: dict[str, Any], statements: Iterable[dict[str, Any]]) -> Extraction:
    """The ``Extraction`` an ok article row and its statement rows (in index order) were made from."""
    speakers = tuple(Entity(s["id"], s["name"], s["kind"], tuple(s["aliases"] or ()), tuple(s["roles"] or ()),
                            tuple(s["affiliations"] or ())) for s in row["speakers"] or ())
    return Extraction(doc_id=row["doc_id"], text=row["text"], quotes=tuple(map(_quote, statements)),
                      speakers=speakers)


def _to_span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def _quote(s: dict[str, Any]) -> Quote:
    speaker, target = s["speaker"], s["target"]
    return Quote(
        content=tuple(_to_span(c) for c in s["content"]), kind=s["kind"], cue=_to_span(s["cue"]),
        source=_to_span(s["source"]), confidence=s["confidence"], id=s["id"], type=s["type"],
        speaker=None if speaker is None else Speaker(speaker["id"], speaker["name"], speaker["kind"], speaker["role"]),
        type_confidence=s["type_confidence"],
        target=None if target is None else Target(target["name"], target["kind"]),
        links=tuple(Link(k["type"], k["to"], k["confidence"], k["evidence"]) for k in s["links"] or ()),
    )
