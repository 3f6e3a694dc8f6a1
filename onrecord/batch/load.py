"""``onrecord load``: the Parquet a batch run wrote, into the SQLite or PostgreSQL record.

Each article row is turned back into the ``Article`` and ``Extraction`` it was
made from and stored with the record's own ``store_extraction``: one transaction
per article, skipped when its content is already on record, so loading is
idempotent and an interrupted load resumes where it stopped. Speakers are linked
to people across articles as each article is stored (the same blocking-key
lookups as ``onrecord ingest``, no all-pairs comparison). Error rows go to the
failures table.

Articles are loaded month by month, oldest first (``unknown`` last), and in input
order within a month (the inputs as given to ``onrecord batch``, each file in
order): people linking weighs time, so chronological order helps it, and for
undated inputs the order is exactly ``onrecord ingest``'s with the same arguments. Only one
month of articles is held in memory at a time. The versions of an article that fall in
different months (a correction that moved its date) are stored together, in input order,
so the same version is current as after ``onrecord ingest``.
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..record.ingest import article_key, record_failure, store_extraction
from ..record.store import Store
from .output import BatchError
from .rows import PARTITION, TABLES, UNKNOWN_MONTH, to_article, to_extraction


@dataclass(frozen=True)
class LoadSummary:
    """What one load did."""

    articles: int = 0
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    quotes: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "seconds": round(self.seconds, 2), "articles_per_second": round(self.rate, 2)}


Progress = Callable[[int, int], None]  # (articles done, articles in all)


def check_output(output: str | Path) -> None:
    """Refuse a folder that is not a batch run's output (before any record is opened or created)."""
    for table in TABLES:
        _dataset(output, table)


def _dataset(output: str | Path, table: str):
    import pyarrow as pa
    import pyarrow.dataset as ds

    folder = Path(output) / table
    if not folder.is_dir():
        raise BatchError(f"{output} has no {table}/ folder: give the output folder of `onrecord batch`.")
    partitioning = ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
    dataset = ds.dataset(str(folder), format="parquet", partitioning=partitioning)
    missing = [name for name, _ in TABLES[table] if name not in dataset.schema.names]
    if missing:  # another program's Parquet, or an older onrecord's
        raise BatchError(f"{folder} is not the {table} table of `onrecord batch`: it lacks the column"
                         f"{'s' if len(missing) > 1 else ''} {', '.join(missing[:5])}; run `onrecord batch` to write it.")
    return dataset


def months(articles) -> list[str]:
    """The months present, oldest first, ``unknown`` last."""
    found = set(articles.to_table(columns=[PARTITION]).column(PARTITION).to_pylist())
    return sorted(found, key=lambda m: (m == UNKNOWN_MONTH, m))


def _order(row: dict[str, Any]) -> tuple:
    # The inputs in the order given, then Path parts, as onrecord ingest walks a folder ("a/x" before "a-b/x").
    return row["input_order"], Path(row["input"]).parts, row["position"]


def load(output: str | Path, store: Store, progress: Progress | None = None) -> LoadSummary:
    """Store every article row under ``output`` (a batch run's folder) in ``store``."""
    import pyarrow.dataset as ds

    articles, statements = _dataset(output, "articles"), _dataset(output, "statements")
    total, started = articles.count_rows(), time.monotonic()
    counts = dict.fromkeys(("articles", "stored", "replaced", "skipped", "failed", "quotes"), 0)
    apart = _versions_apart(articles)
    for month in months(articles):
        rows = _with_statements(articles, statements, ds.field(PARTITION) == month)
        for row, quotes in sorted(rows, key=lambda pair: _order(pair[0])):
            key = _key(row)
            if key not in apart:
                _store_row(store, row, quotes, counts, progress, total)
            elif (its_months := apart[key]) is not None:  # every version at once, in input order, as ingest stores them
                apart[key] = None  # its rows in later months are stored now
                versions = _with_statements(articles, statements, ds.field(PARTITION).isin(its_months))
                for version, its_quotes in sorted(versions, key=lambda pair: _order(pair[0])):
                    if _key(version) == key:
                        _store_row(store, version, its_quotes, counts, progress, total)
    return LoadSummary(**counts, seconds=time.monotonic() - started)


def _key(row: dict[str, Any]) -> str | None:
    return article_key(to_article(row)) if row["status"] == "ok" else None


def _versions_apart(articles) -> dict[str | None, list[str] | None]:
    """Articles whose versions fall in different months (a correction that moved the date): their
    key and those months. Month by month, the older copy could be stored last and made current."""
    seen: dict[str, set[str]] = defaultdict(set)
    for r in articles.to_table(columns=["url", "doc_id", "status", PARTITION]).to_pylist():
        if r["status"] == "ok":
            seen[r["url"] or r["doc_id"]].add(r[PARTITION])  # a superset of the keys: checked by _key
    return {key: sorted(found) for key, found in seen.items() if len(found) > 1}


def _with_statements(articles, statements, where) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    by_article: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for s in statements.to_table(filter=where).to_pylist():
        by_article[(s["input"], s["position"])].append(s)
    return [(row, sorted(by_article.get((row["input"], row["position"]), ()), key=lambda s: s["index"]))
            for row in articles.to_table(filter=where).to_pylist()]


def _store_row(store: Store, row: dict[str, Any], quotes: list[dict[str, Any]], counts: dict[str, int],
               progress: Progress | None, total: int) -> None:
    counts["articles"] += 1
    if row["status"] != "ok":
        record_failure(store, row["source"], row["stage"] or "read", row["error"] or "unknown error")
        counts["failed"] += 1
    else:
        outcome = store_extraction(store, to_article(row), to_extraction(row, quotes), row["source"])
        counts[outcome] += 1
        counts["quotes"] += len(quotes) if outcome != "skipped" else 0
    if progress:
        progress(counts["articles"], total)
