"""Bad input through the real command line and the API: the exact message the user sees,
no traceback, and a record that is the same after as before (see docs/reliability.md).

Each command-line case runs `.venv/bin/onrecord` in a subprocess against a copy of a real
SQLite record holding one good article; every table is compared, row by row, before and
after. `ingest` lists a bad input in `failures` (by design: `onrecord failures`), so that
table gains exactly that row; everything else is unchanged. The API cases do the same
through `POST /api/extract` and `POST /api/articles`, which record nothing on failure.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import zlib
from collections.abc import Callable
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from local_http import QuietHandler, serve_handler
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.settings import Settings
from onrecord.web import create_app

ONRECORD = Path(sys.executable).with_name("onrecord")
TOKEN = "bad-inputs-token-0123456789"
MB = 1024 * 1024
# Our own fictional stories (no real news in the repository).
FERRY = ('"We will keep the ferry running through the winter," harbour master Ines Carvalho said on Monday.\n\n'
         "Councillor Tom Reyes disagreed. \u201cIt costs too much,\u201d he told reporters.")
LIBRARY = ('"The library stays open on Sundays," head librarian Oona Baptiste said.\n\n'
           "Trustee Femi Adeyemi said the board \u201cwill find the money\u201d.")
BAKERY = '"We bake before dawn," baker Lucia Ferreira said. Her apprentice agreed.'
JSONL_EXAMPLE = '{"id": "a1", "text": "…"}'
BODY_EXAMPLE = '{"text": "…"} or {"html": "…"}'


# --- running the real command line ---------------------------------------------------------

@dataclass
class Run:
    code: int
    out: str
    err: str
    peak_mb: float  # the process's peak resident memory


# Runs `onrecord` as a grandchild and writes its peak memory (KiB) to argv[1]. A child's own
# peak would include this test process's: Linux carries the high-water mark across fork and exec.
SPAWN = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def start(*args: str) -> subprocess.Popen:
    files = tempfile.TemporaryFile(), tempfile.TemporaryFile(), tempfile.NamedTemporaryFile("r")
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.Popen([sys.executable, "-c", SPAWN, files[2].name, str(ONRECORD), *args],
                            stdout=files[0], stderr=files[1], env=env, start_new_session=True)
    proc.files = files  # type: ignore[attr-defined]
    return proc


def finish(proc: subprocess.Popen, timeout: float = 300) -> Run:
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the command and the process that started it
        raise
    out, err, peak = proc.files  # type: ignore[attr-defined]
    with peak:
        peak_mb = int(peak.read() or 0) / 1024
    out, err = _read(out), _read(err)
    assert "Traceback" not in out + err, err
    return Run(proc.returncode, out, err, peak_mb)


def _read(f) -> str:
    f.seek(0)
    with f:
        return f.read().decode("utf-8", "replace")


def onrecord(*args: str) -> Run:
    return finish(start(*args))


def rows(db: Path) -> dict[str, set[str]]:
    """Every row of every table (FTS shadow tables included), as text."""
    with closing(sqlite3.connect(db)) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: {repr(row) for row in con.execute(f'SELECT * FROM "{table}"')} for table in tables}


def fts_storage(db: Path) -> set[str]:
    """The tables SQLite keeps a full-text index in (``quotes_fts_data``, ...)."""
    with closing(sqlite3.connect(db)) as con:
        indexes = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t for t in tables for index in indexes if t.startswith(index + "_")}


def snapshot(db: Path) -> dict[str, tuple[int, str]]:
    """Every table: its row count and a hash of its sorted rows."""
    return {table: (len(found), hashlib.sha256("\n".join(sorted(found)).encode()).hexdigest())
            for table, found in rows(db).items()}


def without_failures(tables: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    return {name: value for name, value in tables.items() if name != "failures"}


def failures(db: Path) -> list[tuple[str, str]]:
    run = onrecord("failures", "--db", str(db), "--format", "json")
    assert run.code == 0, run.err
    return sorted((f["source"], f["reason"]) for f in json.loads(run.out))


def search(db: Path, words: str) -> list[dict]:
    run = onrecord("search", words, "--db", str(db), "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


@pytest.fixture(scope="module")
def good_record(tmp_path_factory) -> Path:
    """A SQLite record holding one good article (with statements), ingested by the real CLI."""
    folder = tmp_path_factory.mktemp("good")
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    db = folder / "record.db"
    run = onrecord("ingest", str(folder / "ferry.txt"), "--db", str(db))
    assert run.code == 0, run.err
    tables = snapshot(db)
    assert tables["articles"][0] == 1 and tables["quotes"][0] >= 2 and tables["failures"][0] == 0
    return db


@pytest.fixture
def record(good_record: Path, tmp_path: Path) -> Path:
    """A writable copy of the good record."""
    return Path(shutil.copy(good_record, tmp_path / "record.db"))


# --- the bad files ----------------------------------------------------------------------

def warc_bytes(page: bytes, uri: str = "https://example.org/ferry") -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(page), http_headers=headers))
    return out.getvalue()


def warc_bomb(path: Path, expands_to: int = 512 * MB) -> None:
    """A .warc.gz of about 0.5 MB whose one HTML record decompresses to ``expands_to`` bytes."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>"
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n"
            "WARC-Target-URI: https://example.org/bomb\r\nWARC-Date: 2024-01-05T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http) + expands_to}\r\n\r\n")
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip member, as .warc.gz records are
    with path.open("wb") as f:
        f.write(deflate.compress(head.encode() + http))
        for _ in range(expands_to // MB):
            f.write(deflate.compress(b" " * MB))
        f.write(deflate.compress(b"\r\n\r\n") + deflate.flush())


def shorter_length(warc: bytes, by: int) -> bytes:
    """The archive with its first record's Content-Length ``by`` bytes short of the real length."""
    return re.sub(rb"Content-Length: (\d+)\r\n", lambda m: b"Content-Length: %d\r\n" % (int(m[1]) - by), warc, count=1)


def sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as f:
            f.truncate(size)  # no blocks written: creating it is instant
    return make


def data(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


PAGE = b"<html><head><title>Ferry</title></head><body><article><p>" + FERRY.encode() + b"</p></article></body></html>"
CUT_WARC = warc_bytes(PAGE)[:-100]  # the record's last 96 bytes, and the blank lines after it, are missing
EMPTY = "{path} is empty: give an article with some text in it."
NOT_UTF8 = ("{path} is not valid UTF-8 (byte 0x{byte} at offset {offset}): convert it first, "
            "e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`.")
MANY = ("{path} holds many articles (.warc{gz}): read it with iter_articles "
        "(on the command line: `onrecord ingest FILE`, or `onrecord batch FILE OUT` for Parquet).")
LARGE = ("{path} is 209,715,200 bytes, more than the 67,108,864 one article may have: "
         "split it into articles (e.g. one JSONL line each).")
DEVICE = "{path} is not a regular file (a device, pipe or socket): give an article file, or `-` to read standard input."
GZIP = ("{path} is gzip-compressed: onrecord reads compressed files only as .warc.gz archives; "
        "decompress it first (`gunzip -k FILE`) and give the file inside.")
NO_TEXT = ("{path}: the HTML has no article text that could be extracted (no <body>, or only navigation and "
           "boilerplate): give the page of one article, or its text as a .txt file.")

# (case, file name, how to make it, what `extract FILE` says, what `ingest FILE` records, its source)
BAD_FILES = [
    ("empty", "empty.txt", data(b""), EMPTY, EMPTY, "{path}"),
    ("binary", "photo.txt", data(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
     "{path} looks binary (it contains NUL bytes): give a text, HTML or JSONL file.", None, "{path}"),
    ("gzip-bomb", "bomb.txt.gz", data(gzip.compress(b"\0" * MB, mtime=0) * 1024), GZIP, GZIP, "{path}"),
    ("warc-gzip-bomb", "bomb.warc.gz", warc_bomb, MANY.replace("{gz}", ".gz"),
     "{path} record 1 (https://example.org/bomb) is more than 67,108,864 bytes: not one article page.",
     "{path} record 1 (https://example.org/bomb)"),
    ("200-MB", "huge.txt", sparse(200 * MB), LARGE, LARGE, "{path}"),
    ("device", "zero.txt", lambda path: path.symlink_to("/dev/zero"), DEVICE, DEVICE, "{path}"),
    ("invalid-utf8", "bad.txt", data(FERRY.encode()[:20] + b"\xff\xfe" + FERRY.encode()[20:]),
     NOT_UTF8.replace("{byte}", "ff").replace("{offset}", "20"), None, "{path}"),
    ("latin1", "latin1.txt", data("\u00ab Nous resterons \u00bb, a dit le maire de S\u00e8te.".encode("latin-1")),
     NOT_UTF8.replace("{byte}", "ab").replace("{offset}", "0"), None, "{path}"),
    ("truncated-warc", "cut.warc", data(CUT_WARC), MANY.replace("{gz}", ""),
     "{path}: record 1 (https://example.org/ferry) is truncated: 96 of its bytes are missing; "
     "records before it were read; re-download or re-create the file.", "{path}#1"),
    ("warc-wrong-length", "short.warc", data(shorter_length(warc_bytes(PAGE), 10)), MANY.replace("{gz}", ""),
     "{path}: record 1 (https://example.org/ferry) does not end where its Content-Length (%d) says: the length "
     "is wrong or the file is corrupt; records before it were read; re-download or re-create the file."
     % (int(re.search(rb"Content-Length: (\d+)", warc_bytes(PAGE))[1]) - 10), "{path}#1"),
    ("json", "articles.json", data(b'[{"id": "a1", "text": "The ferry runs."}]\n'),
     "{path} is JSON: onrecord reads JSON Lines (.jsonl), one article object per line like "
     '{{"id": "a1", "text": "…"}}; convert a list with `jq -c \'.[]\' FILE > FILE.jsonl`.', None, "{path}"),
    ("not-a-warc", "notes.warc", data(b"Just some notes, not a crawl.\n"), MANY.replace("{gz}", ""),
     "{path} is not a WARC file (it does not start with a WARC/1.0 header): give a .warc or .warc.gz crawl, "
     "or name a text file .txt.", "{path}"),
    ("html-without-body", "nobody.html", data(b"<html><head><title>Only a title</title></head></html>"),
     NO_TEXT, NO_TEXT, "{path}"),
    ("utf16-without-bom", "wide.txt", data(FERRY.encode("utf-16-le")),
     "{path} looks like UTF-16LE text without a byte-order mark: convert it first, "
     "e.g. `iconv -f UTF-16LE -t utf-8 FILE > FILE.utf8`.", None, "{path}"),
]
IDS = [case[0] for case in BAD_FILES]
LOW_MEMORY_MB = 300  # peak memory of a run given the 200 MB file or a bomb: it read none of it whole


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    paths = {}
    for case, name, make, *_ in BAD_FILES:
        make(folder / name)
        paths[case] = folder / name
    return paths


@pytest.mark.parametrize(("case", "name", "make", "said", "recorded", "source"), BAD_FILES, ids=IDS)
def test_extract_says_what_is_wrong_in_one_line(bad_files, case, name, make, said, recorded, source) -> None:
    path = bad_files[case]
    run = onrecord("extract", str(path))
    assert (run.code, run.out) == (1, "")
    assert run.err == "error: " + said.format(path=path) + "\n"
    if case in ("gzip-bomb", "200-MB"):
        assert run.peak_mb < LOW_MEMORY_MB


@pytest.mark.parametrize(("case", "name", "make", "said", "recorded", "source"), BAD_FILES, ids=IDS)
def test_ingest_lists_the_failure_and_keeps_the_record(record, bad_files, case, name, make, said, recorded,
                                                       source) -> None:
    path, before = bad_files[case], snapshot(record)
    run = onrecord("ingest", str(path), "--db", str(record))
    assert run.code == 1
    assert run.err.endswith("error: none of the 1 inputs could be ingested: see `onrecord failures`.\n")
    assert "WARNING" not in run.err  # the readers' libraries print nothing of their own
    assert without_failures(snapshot(record)) == without_failures(before)
    assert failures(record) == [(source.format(path=path), (recorded or said).format(path=path))]
    if case in ("gzip-bomb", "warc-gzip-bomb", "200-MB"):
        assert run.peak_mb < LOW_MEMORY_MB


# --- JSONL with a broken line: the other lines go in, the broken one is named ---------------

def write_batch(folder: Path) -> Path:
    path = folder / "batch.jsonl"
    lines = [json.dumps({"id": "library", "text": LIBRARY}), '{"id": "broken", "text": "unterminated',
             '{"id": "escape", "text": "We will \\ud800 win, said Ana Lopez."}',  # JSON's escape of no character
             json.dumps({"id": "bakery", "text": BAKERY})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def broken_lines(path: Path) -> list[tuple[str, str]]:
    """The failures of lines 2 and 3: (source, message)."""
    return [(f"{path}:2", f"{path} line 2 is not valid JSON (Unterminated string starting at column 26): each line "
                          f"must be one JSON object like {JSONL_EXAMPLE}."),
            (f"{path}:3", f"{path} line 3: field 'text' holds a lone surrogate (U+D800 at character 8), which is "
                          "not text: fix the \\u escape or encoding that made it.")]


def test_ingest_jsonl_with_a_broken_line(record: Path, tmp_path: Path) -> None:
    path, before, found = write_batch(tmp_path), rows(record), search(record, "ferry")
    run = onrecord("ingest", str(path), "--db", str(record))
    assert run.code == 0, run.err
    assert "2 input(s) failed: see them with `onrecord failures`." in run.err
    assert failures(record) == broken_lines(path)
    after = rows(record)
    assert len(after["articles"]) == len(before["articles"]) + 2  # the lines before and after the broken ones
    # Nothing stored before was lost or changed. (Full-text indexes reorganise their own storage
    # as rows arrive: those tables are checked by searching them instead.)
    kept = [table for table in before if table != "failures" and table not in fts_storage(record)]
    assert kept and all(before[table] <= after[table] for table in kept)
    assert found and search(record, "ferry") == found
    with closing(sqlite3.connect(record)) as con:
        names = sorted(r[0] for r in con.execute("SELECT doc_id FROM articles"))
    assert names == ["bakery", "ferry", "library"]


def test_extract_jsonl_with_a_broken_line(tmp_path: Path) -> None:
    path = write_batch(tmp_path)
    run = onrecord("extract", "--jsonl", str(path))
    assert run.code == 0, run.err
    results = [json.loads(line) for line in run.out.splitlines()]
    assert [r["doc_id"] for r in results] == ["library", "batch-2", "escape", "bakery"]
    assert [r["error"] for r in results[1:3]] == [message for _, message in broken_lines(path)]
    shown = "".join(f"  {message}\n" for _, message in broken_lines(path))
    assert "2 bad lines (an error record was written for each):\n" + shown in run.err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_read_as_utf8_does(tmp_path: Path, encoding: str) -> None:
    """What Windows Notepad saves as "Unicode": the same statements, at the same offsets."""
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "wide.txt").write_bytes(FERRY.encode(encoding))
    runs = [onrecord("extract", str(tmp_path / name), "--format", "json") for name in ("ferry.txt", "wide.txt")]
    assert [r.code for r in runs] == [0, 0], runs[1].err
    quotes = [json.loads(r.out)["quotes"] for r in runs]
    assert quotes[0] and quotes[0] == quotes[1]


def test_jsonl_in_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes((json.dumps({"id": "ferry", "text": FERRY}) + "\n").encode("utf-16"))
    run = onrecord("extract", "--jsonl", str(path))
    assert (run.code, run.err) == (1, f"error: {path} is UTF-16 text: JSONL is read as UTF-8; convert it first, "
                                      "e.g. `iconv -f UTF-16 -t utf-8 FILE > FILE.utf8`.\n")


def test_ingest_file_names_that_are_not_utf8(record: Path, tmp_path: Path) -> None:
    """Bytes of a file name that are not UTF-8 (Latin-1 "é" here) are shown escaped, stored, listed."""
    folder = tmp_path / "names"
    folder.mkdir()
    good, empty = os.fsdecode(b"caf\xe9.txt"), os.fsdecode(b"empty\xe9.txt")  # Python holds \xe9 as "\udce9"
    (folder / good).write_text(BAKERY, encoding="utf-8")
    (folder / empty).write_bytes(b"")
    run = onrecord("ingest", str(folder), "--db", str(record))
    assert run.code == 0, run.err
    assert failures(record) == [(f"{folder}/empty\\udce9.txt", EMPTY.format(path=f"{folder}/empty\\udce9.txt"))]
    with closing(sqlite3.connect(record)) as con:
        assert con.execute("SELECT doc_id, key, source FROM articles WHERE doc_id LIKE 'caf%'").fetchall() == [
            ("caf\\udce9", f"file:{folder}/caf\\udce9.txt", f"{folder}/caf\\udce9.txt")]


# --- URLs that fail: a local server, allowed with --allow-private -----------------------------

class Handler(QuietHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            self.server.release.wait(30)  # longer than onrecord's 15 s per-read timeout
        self.send_response(500 if self.path == "/fail" else 200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(PAGE)


@pytest.fixture(scope="module")
def server():
    with serve_handler(Handler) as url:
        yield url


URL_CASES = [
    ("/fail", ["--allow-private"], "{url}: the server answered HTTP 500 Internal Server Error: check the URL, "
                                   "or save the page and give the file."),
    ("/slow", ["--allow-private"], "{url}: no answer within 15 s: try again later, or save the page and give the file."),
    ("/fine", [], "{url}: 127.0.0.1 is a private, loopback or link-local address (127.0.0.1); onrecord refuses "
                  "those unless allowed (--allow-private)."),
    ("/caf\udce9", ["--allow-private"],  # a Latin-1 "é" in the argument: no character Python can send
     "{shown} holds a lone surrogate (U+DCE9 at character {at}), which is not text: fix the \\u escape or encoding "
     "that made it."),
]


@pytest.mark.parametrize(("path", "options", "said"), URL_CASES,
                         ids=["http-500", "timeout", "loopback-refused", "not-utf8"])
def test_url_that_fails(server, record: Path, path: str, options: list[str], said: str) -> None:
    url, before = server + path, snapshot(record)
    shown = url.encode("utf-8", "backslashreplace").decode()
    said, source = said.format(url=url, shown=shown, at=len(url) - 1), shown
    # Both commands at once: the timeout case waits 15 s once, not twice.
    extract, ingest = start("extract", url, *options), start("ingest", url, "--db", str(record), *options)
    extracted, ingested = finish(extract), finish(ingest)
    assert (extracted.code, extracted.out, extracted.err) == (1, "", f"error: {said}\n")
    assert ingested.code == 1 and ingested.err.endswith("error: none of the 1 inputs could be ingested: "
                                                        "see `onrecord failures`.\n")
    assert without_failures(snapshot(record)) == without_failures(before)
    assert failures(record) == [(source, said)]


# --- the API: POST /api/extract and POST /api/articles --------------------------------------

JSON = {"content-type": "application/json"}
NOT_UTF8_BODY = f"the request body is not valid UTF-8: send one JSON object like {BODY_EXAMPLE}, encoded as UTF-8."
# (case, body (None: 200 MB sent lazily; a function: made when needed), extra headers, status, message).
# Truncated WARC, JSONL and URLs: the API takes none of them (an article is a JSON object with its
# text or HTML; "url" is only its metadata).
BAD_BODIES = [
    ("empty-body", b"", {}, 422,
     f"the request body must be one JSON object like {BODY_EXAMPLE} (Content-Type: application/json)."),
    ("empty-text", b'{"text": ""}', {}, 422, "text is empty: give an article with some text in it."),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), {}, 400, NOT_UTF8_BODY),
    ("binary-text", json.dumps({"text": "\x01\x02\x03" * 100}).encode(), {}, 422,
     "text looks binary (many control characters): give a text, HTML or JSONL file."),
    ("not-json", b"We will keep the ferry running.", {"content-type": "text/plain"}, 422,
     f"the request body must be one JSON object like {BODY_EXAMPLE} (Content-Type: application/json)."),
    ("broken-json", b'{"text": "unterminated', {}, 422,
     f"the request body is not valid JSON (Unterminated string starting at offset 9): "
     f"send one JSON object like {BODY_EXAMPLE}."),
    ("gzip-bomb", lambda: gzip.compress(b'{"text": "' + b" " * (100 * MB) + b'"}'), {"content-encoding": "gzip"}, 400,
     "the request body is compressed (Content-Encoding: gzip): the API reads uncompressed JSON only; "
     "send it uncompressed."),
    ("200-MB", None, {"content-length": str(200 * MB)}, 413,
     "the request body is larger than the limit of 1,000,000 bytes: send a shorter article "
     "(the limit is the max_body_bytes setting, $ONRECORD_MAX_BODY_BYTES)."),
    ("invalid-utf8", b'{"text": "' + FERRY.encode()[:20] + b'\xff\xfe"}', {}, 400, NOT_UTF8_BODY),
    ("latin1", '{"text": "\u00ab Nous resterons \u00bb, a dit le maire."}'.encode("latin-1"), {}, 400, NOT_UTF8_BODY),
    ("html-without-body", json.dumps({"html": "<html><head><title>Only a title</title></head></html>"}).encode(),
     {}, 422, NO_TEXT.format(path="html")),
    ("nul", b'{"text": "We will \\u0000 win, said Ana Lopez."}', {}, 422,
     "text holds a NUL character (at character 8): give text without it."),
    ("script-url", json.dumps({"text": FERRY, "url": "javascript:alert(1)"}).encode(), {}, 422,
     "url 'javascript:alert(1)' is not an http(s) address: give the article's address, e.g. "
     "https://example.org/story, or leave it out."),
    ("lone-surrogate", b'{"text": "We will \\ud800 win, said Ana Lopez."}', {}, 422,
     "text holds a lone surrogate (U+D800 at character 8), which is not text: fix the \\u escape or encoding "
     "that made it."),
]


@contextmanager
def app_over(record: Path):
    with TestClient(create_app(Settings(db=str(record), api_token=TOKEN))) as client:
        yield client


@pytest.mark.parametrize("route", ["/api/extract", "/api/articles"])
@pytest.mark.parametrize(("case", "body", "headers", "status", "message"), BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_api_refuses_with_the_error_body_and_keeps_the_record(record, route, case, body, headers, status,
                                                               message) -> None:
    before = snapshot(record)
    pulled = []

    def lazy_body():  # the 200 MB body: counts what the server asked for, which is nothing
        for _ in range(200):
            pulled.append(MB)
            yield b" " * MB

    with app_over(record) as client:
        content = lazy_body() if body is None else body() if callable(body) else body
        response = client.post(route, content=content,
                               headers={**JSON, "authorization": f"Bearer {TOKEN}", **headers})
    assert response.status_code == status
    assert response.json() == {"error": {"status": status, "message": message,
                                         "detail": response.json()["error"]["detail"]}}
    assert "Traceback" not in response.text and not pulled
    assert snapshot(record) == before


# (route, body, status, message): the corrections name the body they read, not an article's.
BAD_CORRECTIONS = [
    ("/api/people/1/merge", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), 400,
     'the request body is not valid UTF-8: send one JSON object like {"other": "#12"}, encoded as UTF-8.'),
    ("/api/people/1/split", b"", 422,
     'the request body must be one JSON object like {"names": ["Name"]} (Content-Type: application/json).'),
    ("/api/people/1/split", b'{"names": ["Lowe"', 422,
     'the request body is not valid JSON (Expecting \',\' delimiter at offset 17): '
     'send one JSON object like {"names": ["Name"]}.'),
    ("/api/people/1/merge", b'{"other": ""}', 422, "invalid parameter: other."),
    ("/api/people/1/merge", b'{"other": "Nobody Anywhere"}', 422,
     "no one called 'Nobody Anywhere' is on record: see `onrecord people list`."),
]


@pytest.mark.parametrize(("route", "body", "status", "message"), BAD_CORRECTIONS,
                         ids=[f"{r.rsplit('/', 1)[-1]}-{i}" for i, (r, *_) in enumerate(BAD_CORRECTIONS)])
def test_corrections_refuse_bad_bodies_and_keep_the_record(record, route, body, status, message) -> None:
    before = snapshot(record)
    with app_over(record) as client:
        response = client.post(route, content=body, headers={**JSON, "authorization": f"Bearer {TOKEN}"})
    assert (response.status_code, response.json()["error"]["message"]) == (status, message)
    assert snapshot(record) == before
