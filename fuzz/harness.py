"""What every fuzz harness shares: the one kind of exception a reader may raise, the
checks a result must pass, and the libFuzzer entry point.

A harness turns the fuzzer's bytes into one call of an onrecord entry point. Refusing
the input with an ``OnRecordError`` (``InputError`` and its kin) is a pass; any other
exception, a failed check, a hang (libFuzzer's ``-timeout``) or a blown memory limit
(``-rss_limit_mb``) is a crash that libFuzzer saves under ``-artifact_prefix``.
"""
from __future__ import annotations

import sys
from collections.abc import Callable

from onrecord.article import MAX_CHARS, Article, Failure
from onrecord.errors import OnRecordError
from onrecord.models import Extraction


def check_article(item: object) -> None:
    """A reader yields articles with some text, within the size limit, or failures with a message;
    every string in them can be encoded (stored in the record, printed)."""
    if isinstance(item, Failure):
        assert item.error.strip(), item
        strings = (item.doc_id, item.error, item.source)
    else:
        assert isinstance(item, Article), f"a reader yielded {type(item).__name__}, not an Article or Failure"
        assert isinstance(item.text, str) and item.text.strip() and len(item.text) <= MAX_CHARS, item.text[:200]
        strings = (item.text, item.doc_id, item.title, item.url, item.published, item.outlet, item.source)
    for value in strings:
        assert value is None or isinstance(value, str), (type(value), item)
        if value is not None:
            value.encode("utf-8")  # a lone surrogate raises here: the record could not store it


def check_extraction(extraction: Extraction) -> None:
    """Every span lies inside the text and is its slice, with no whitespace at its ends; one statement's
    spans do not overlap and its content pieces come in text order."""
    text = extraction.text
    for quote in extraction.quotes:
        assert quote.content, quote
        assert list(quote.content) == sorted(quote.content, key=lambda s: s.start), f"content out of text order in {quote.id}"
        spans = list(quote.content) + [s for s in (quote.cue, quote.source) if s is not None]
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text), (span, len(text))
            assert span.text == text[span.start:span.end], (span, text[span.start:span.end])
            assert span.text == span.text.strip(), f"span with whitespace at an end in {quote.id}: {span}"
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        for left, right in zip(ordered, ordered[1:]):
            assert left.end <= right.start, f"overlapping spans in {quote.id}: {left} and {right}"


def run(test_one_input: Callable[[bytes], None]) -> None:
    """Start libFuzzer on ``test_one_input``, a refusal by ``OnRecordError`` counting as a pass."""
    import atheris

    def guarded(data: bytes) -> None:
        try:
            test_one_input(data)
        except OnRecordError:
            pass

    atheris.Setup(sys.argv, guarded)
    atheris.Fuzz()
