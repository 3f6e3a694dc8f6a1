"""Predictions to score: onrecord's own extractions, or the JSONL it wrote."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import DataError
from ..models import Extraction
from ..polnear import EvalAttribution, GoldDoc, json_lines, quote_to_attribution


def from_extraction(extraction: Extraction) -> tuple[EvalAttribution, ...]:
    """onrecord's own output as attributions to score."""
    return tuple(
        quote_to_attribution(q.to_dict(), extraction.text, f"{extraction.doc_id}, quote {i}")
        for i, q in enumerate(extraction.quotes)
    )


def read_predictions(path: str | Path, gold_docs: Sequence[GoldDoc]) -> dict[str, tuple[EvalAttribution, ...]]:
    """Read onrecord extraction JSONL (``{"doc_id", "quotes"}`` lines), offsets checked against the gold texts.

    Lines for documents not in the gold are ignored; error records (lines with
    an ``"error"`` key, as ``onrecord extract --jsonl`` writes them) are skipped.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such predictions file. Give the JSONL that `onrecord extract --jsonl` wrote.")
    texts = {d.doc_id: d.text for d in gold_docs}
    out: dict[str, tuple[EvalAttribution, ...]] = {}
    for n, record in json_lines(path):
        where = f"{path}, line {n}"
        if "error" in record and "quotes" not in record:
            continue
        doc_id, quotes = record.get("doc_id", record.get("id")), record.get("quotes")
        if not isinstance(doc_id, str) or not isinstance(quotes, list):
            raise DataError(f'{where}: a prediction line needs "doc_id" (string) and "quotes" (list).')
        if doc_id not in texts:
            continue
        if doc_id in out:
            raise DataError(f"{where}: a second prediction line for {doc_id!r}.")
        out[doc_id] = tuple(
            quote_to_attribution(q, texts[doc_id], f"{where}, quote {i}") for i, q in enumerate(quotes)
        )
    return out


def predict(
    docs: Sequence[GoldDoc], method: str = "model", min_confidence: float = 0.0
) -> Iterator[tuple[str, tuple[EvalAttribution, ...]]]:
    """Run onrecord's extraction over the gold texts (one ``nlp.pipe`` stream), lazily, in order,
    keeping quotes with confidence >= ``min_confidence``."""
    from ..article import Article
    from ..extract import extract_articles

    for extraction in extract_articles((Article(text=d.text, doc_id=d.doc_id) for d in docs), method=method):
        yield extraction.doc_id, from_extraction(extraction.confident(min_confidence))
