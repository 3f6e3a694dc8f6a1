"""Property tests: extraction and the readers survive any input (see docs/reliability.md).

Extraction, for any Unicode text (control characters, bidi marks, zero-width joiners,
combining marks, emoji, only quote marks, unbalanced quotes, 1 MB single lines), either
refuses it with ``InputError`` (only text that is blank, looks binary or holds lone
surrogates) or returns statements whose spans are slices of the text that do not overlap
within a statement. The HTML, JSONL and WARC readers turn any bytes into articles or
failures whose strings can be stored, or an ``InputError``.
Inputs the fuzzers (fuzz/, ``make fuzz``) found to crash are replayed from tests/fixtures/fuzz/.
"""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import onrecord
from onrecord.article import Article, check_text, looks_like_html
from onrecord.errors import InputError, OnRecordError
from onrecord.extract import extract_articles
from onrecord.ingest import iter_jsonl, iter_warc
from onrecord.ingest.files import article_from_bytes

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fuzz"))
from harness import check_article, check_extraction  # noqa: E402 - fuzz/harness.py: the fuzzers' checks

FUZZ_FIXTURES = ROOT / "tests" / "fixtures" / "fuzz"
# Bounded so the whole file runs in well under a minute; `make fuzz` searches for longer, and so
# does ONRECORD_EXAMPLES=2000 (examples per test). No example database: nothing written to the tree.
BOUNDED = settings(max_examples=int(os.environ.get("ONRECORD_EXAMPLES", 100)), deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a`\u00b4\u300c\u300d"
TRICKY = [
    *QUOTE_MARKS,
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\r", "\t", "\n", "\n\n", "\u2028", "\u2029", "\x0c",
    "\u200e", "\u200f", "\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069",  # bidi
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",  # zero-width, soft hyphen
    "\u0301", "\u0308", "\u20dd", "\u0489", "e\u0301\u0302\u0303", "\u1100\u1161",  # combining, jamo
    "\U0001F600", "\U0001F469\u200d\U0001F4BB", "\U0001F44D\U0001F3FD", "\U0001F1EC\U0001F1E7", "\u2764\ufe0f",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u4f60\u597d", "\ufffd", "\U0010ffff",
    "\ud800", "\udce9", "\udfff",  # lone surrogates: JSON's "\ud800" escapes, file names that are not UTF-8
    " said ", " told reporters", " according to ", " Ana Lopez", " the minister", " He ", " she ",
    ". ", ", ", ": ", "<p>", "</p>", "&amp;", "...", " ",
]
tricky_text = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=6)), max_size=60).map("".join)
any_text = st.text(max_size=400)  # every code point but surrogates, control characters included
only_marks = st.text(alphabet=QUOTE_MARKS + " \n", min_size=1, max_size=300)

SENTENCES = [
    '"We will keep the ferry running," said Ana Lopez.',
    "\u201cIt costs too much,\u201d the councillor told reporters.",
    "Tom Reyes said the budget \u2018was never meant for boats\u2019.",
    "According to the mayor, \u00abnothing has been decided\u00bb.",
    '"I never said that" Lopez added, "and I will not."',
    "The harbour reopened on Monday.",
]


@st.composite
def unbalanced(draw) -> str:
    """Quoted prose with some of its quote marks dropped or doubled: pairing must recover."""
    text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8)))
    marks = [i for i, c in enumerate(text) if c in QUOTE_MARKS]
    for i in sorted(draw(st.sets(st.sampled_from(marks))) if marks else [], reverse=True):
        text = text[:i] + draw(st.sampled_from(["", text[i] * 2, "\n\n"])) + text[i + 1:]
    return text


def extract_or_refuse(text: str) -> None:
    """``onrecord.extract`` returns well-formed statements, or refuses what ``check_text`` refuses."""
    try:
        check_text(text)
        refusable = looks_like_html(text)  # HTML-looking text may hold no article text
    except InputError:
        refusable = True
    try:
        extraction = onrecord.extract(text)
    except InputError:
        assert refusable, f"extract refused text check_text accepts: {text[:200]!r}"
        return
    check_extraction(extraction)
    if not looks_like_html(text):
        assert extraction.text == text


@BOUNDED
@given(any_text)
def test_any_unicode_text(text: str) -> None:
    extract_or_refuse(text)


@BOUNDED
@given(tricky_text)
@example("\u00b4 according to \u201a according to \u00bb")  # found here: a source inside its own content
@example(" said  according to \u00bb")  # found here: a content that began and ended with a run of spaces
def test_control_bidi_zero_width_combining_and_emoji(text: str) -> None:
    extract_or_refuse(text)


@BOUNDED
@given(only_marks)
def test_only_quote_marks(text: str) -> None:
    extract_or_refuse(text)


@BOUNDED
@given(unbalanced())
def test_unbalanced_quotes(text: str) -> None:
    extract_or_refuse(text)


# Found by test_unbalanced_quotes: a doubled mark pairs into an empty quote that overlapped the next one.
DOUBLED_MARKS = [
    'It costs too much,\n\n the councillor told reporters. ""We will keep the ferry running,\n\n said Ana Lopez.',
    'We will keep the ferry running,"" said Ana Lopez. ""We will keep the ferry running,\n\n said Ana Lopez. '
    '""We will keep the ferry running,\n\n said Ana Lopez.',
]


@pytest.mark.parametrize("text", DOUBLED_MARKS)
def test_doubled_marks_give_content_pieces_that_do_not_overlap(text: str) -> None:
    extract_or_refuse(text)


MB = 1_000_000
OPENING = '"We will keep the ferry running," said Ana Lopez. '
CLOSING = ' "It costs too much," Tom Reyes told reporters.'
# One line of a million characters each (no newline): hypothesis does not make inputs this long.
LONG_LINES = [
    ("quote-marks", '"' * MB),  # a million tokens took five minutes to parse; see extract.parse_text
    ("emoji-zwj-sequences", "\U0001F469\u200d\U0001F4BB\U0001F3FD" * (MB // 4)),
    ("combining-marks", "e\u0301\u0308" * (MB // 3)),
    ("bidi-and-zero-width", "\u202eabc\u200d\u200b\u2066" * (MB // 7)),
    ("quotes-around-a-wall", OPENING + "x" * (MB - len(OPENING) - len(CLOSING)) + CLOSING),
]


@pytest.mark.parametrize(("name", "text"), LONG_LINES, ids=[name for name, _ in LONG_LINES])
def test_one_megabyte_single_line(name: str, text: str) -> None:
    assert len(text) >= 0.99 * MB and "\n" not in text
    extraction = next(extract_articles([Article(text=check_text(text), doc_id=name)]))
    check_extraction(extraction)
    if name == "quotes-around-a-wall":  # the wall neither hides nor joins the statements around it
        found = {(q.content[0].text, q.speaker.name if q.speaker else None) for q in extraction.quotes}
        assert found == {('"We will keep the ferry running,"', "Ana Lopez"), ('"It costs too much,"', "Tom Reyes")}


# --- the readers: any bytes in, an Article / Failure out or a clean OnRecordError --------

def read_html(data: bytes, tmp: Path) -> None:
    check_article(article_from_bytes(data, "fuzz.html", "fuzz", ".html"))


def read_jsonl(data: bytes, tmp: Path) -> None:
    for item in iter_jsonl(io.BufferedReader(io.BytesIO(data)), "fuzz.jsonl"):
        check_article(item)


def read_warc(data: bytes, tmp: Path) -> None:
    path = tmp / "fuzz.warc.gz"  # warcio finds gzip (or not) by itself, whatever the name
    path.write_bytes(data)
    for item in iter_warc(path):
        check_article(item)


def extract_fuzzed(data: bytes, tmp: Path) -> None:
    """The extraction fuzzer's reading of its bytes (fuzz/fuzz_extract.py)."""
    import atheris

    extract_or_refuse(atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data)))


READERS = {"html": read_html, "jsonl": read_jsonl, "warc": read_warc, "extract": extract_fuzzed}


def survives(target: str, data: bytes, tmp: Path) -> None:
    try:
        READERS[target](data, tmp)
    except OnRecordError:
        pass  # a clean refusal: the message is checked in test_ingest.py and test_bad_inputs.py


html_bytes = st.one_of(
    st.binary(max_size=2000),
    tricky_text.map(lambda t: f"<html><head><title>{t[:20]}</title></head><body><article><p>{t}</p>"
                              f"<p>{t[::-1]}</p></article></body></html>".encode("utf-8", "surrogatepass")),
)


@BOUNDED
@given(html_bytes)
def test_html_reader_on_any_bytes(tmp_path_factory, data: bytes) -> None:
    survives("html", data, tmp_path_factory.getbasetemp())


json_line = st.one_of(
    st.binary(max_size=300),
    st.dictionaries(st.sampled_from(["id", "text", "html", "url", "title", "published", "outlet", "x"]),
                    st.one_of(st.none(), st.integers(), tricky_text, st.lists(st.integers(), max_size=2)))
    .map(lambda d: json.dumps(d).encode()),
)


@BOUNDED
@given(st.lists(json_line, max_size=8))
def test_jsonl_reader_on_any_lines(tmp_path_factory, lines: list[bytes]) -> None:
    survives("jsonl", b"\n".join(lines), tmp_path_factory.getbasetemp())


WARC_SEEDS = sorted((ROOT / "fuzz" / "seeds" / "warc").iterdir())


@BOUNDED
@given(st.sampled_from(WARC_SEEDS), st.integers(0, 1500), st.binary(max_size=40), st.integers(0, 40))
def test_warc_reader_on_cut_and_corrupted_archives(tmp_path_factory, seed: Path, at: int, junk: bytes,
                                                   drop: int) -> None:
    """A real archive (plain and gzipped) with bytes replaced, cut short or added at any point."""
    data = seed.read_bytes()
    at = min(at, len(data))
    survives("warc", data[:at] + junk + data[at + drop:], tmp_path_factory.getbasetemp())


# --- crashes and hangs the fuzzers found, replayed (file names: TARGET-what-it-was) --------

FOUND = sorted(FUZZ_FIXTURES.glob("*-*")) if FUZZ_FIXTURES.is_dir() else []


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_fuzzer_findings_stay_fixed(tmp_path: Path, path: Path) -> None:
    survives(path.name.partition("-")[0], path.read_bytes(), tmp_path)
