"""`onrecord extract` through the real entry point (.venv/bin/onrecord in a subprocess)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ONRECORD = Path(sys.executable).with_name("onrecord")
ARTICLE = ROOT / "demo" / "articles" / "harbour-bridge-statement.txt"
BATCH = ROOT / "demo" / "batch.jsonl"
SPEAKER_KEYS = {"id", "name", "kind", "role"}
QUOTE_KEYS = {"content", "cue", "source", "speaker", "kind", "confidence"}
ENTITY_KEYS = {"id", "name", "kind", "aliases", "roles", "affiliations"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(ONRECORD), *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300)
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    return result


def assert_schema(document: dict, text: str) -> None:
    """The issue's JSON schema, with every span equal to its slice of the input."""
    assert {"doc_id", "quotes", "speakers"} <= document.keys()
    for quote in document["quotes"]:
        assert QUOTE_KEYS <= quote.keys()
        assert quote["kind"] in ("direct", "mixed", "indirect") and 0 <= quote["confidence"] <= 1
        spans = list(quote["content"]) + [quote[k] for k in ("cue", "source") if quote[k] is not None]
        assert quote["content"]
        for span in spans:
            assert set(span) == {"start", "end", "text"} and text[span["start"]:span["end"]] == span["text"]
        if quote["speaker"] is not None:
            assert set(quote["speaker"]) == SPEAKER_KEYS
            assert quote["speaker"]["kind"] in ("person", "organization", "unknown")
    for entity in document["speakers"]:
        assert set(entity) == ENTITY_KEYS


def test_extract_file_as_json_follows_the_schema_with_exact_offsets() -> None:
    result = run("extract", str(ARTICLE), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.count(b"\n") == 1  # piped: one plain JSON document
    document = json.loads(result.stdout)
    assert document["doc_id"] == ARTICLE.stem and document["quotes"]
    assert_schema(document, ARTICLE.read_text(encoding="utf-8"))


def test_extract_from_stdin_gives_the_same_result_as_the_file() -> None:
    from_file = json.loads(run("extract", str(ARTICLE), "-f", "json").stdout)
    from_stdin = json.loads(run("extract", "-", "-f", "json", stdin=ARTICLE.read_bytes()).stdout)
    assert from_stdin["doc_id"] == "stdin"
    assert from_stdin["quotes"] == from_file["quotes"]


def test_extract_table_lists_the_statements() -> None:
    result = run("extract", str(ARTICLE))
    assert result.returncode == 0 and f"in {ARTICLE.stem}".encode() in result.stdout


def test_extract_with_text_includes_the_text_the_offsets_refer_to() -> None:
    html = ROOT / "demo" / "articles" / "stadium-vote.html"
    document = json.loads(run("extract", str(html), "-f", "json", "--with-text").stdout)
    assert document["text"].startswith("Fans cheer as Kelby council backs new stadium")
    assert_schema(document, document["text"])


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("empty.txt", b"", "is empty"),
        ("nul.txt", b"abc\x00def" * 10, "looks binary"),
        ("latin1.txt", "« Non », a dit le maire.".encode("latin-1"), "iconv"),
        ("nobody.html", b"<html><head><title>x</title></head></html>", "no article text"),
        ("many.jsonl", b'{"id": "a", "text": "x"}\n', "--jsonl"),
    ],
)
def test_extract_bad_file_is_one_clear_message_and_exit_1(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run("extract", str(path))
    assert result.returncode == 1 and not result.stdout
    message = result.stderr.decode()
    assert message.startswith("error:") and expected in message and name in message


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["missing.txt"], "no such file"),
        (["demo"], "is a folder"),
        (["ftp://example.com/a.html"], "only http and https"),
        (["http://127.0.0.1:9/a.html"], "--allow-private"),
        ([], "not both or neither"),
        (["demo/articles/harbour-bridge-statement.txt", "--format", "xml"], "choose table or json"),
        (["--jsonl", "demo/batch.jsonl", "--format", "table"], "leave out --format"),
        (["demo/articles/harbour-bridge-statement.txt", "-o", "x.jsonl"], "go with --jsonl"),
        (["--jsonl", "missing.jsonl"], "no such file"),
        (["--jsonl", "demo/batch.jsonl", "-o", "demo/batch.jsonl"], "is the input file"),
    ],
)
def test_extract_usage_errors(args: list[str], expected: str) -> None:
    result = run("extract", *args)
    assert result.returncode == 1 and expected in result.stderr.decode()


# --- JSONL batch ----------------------------------------------------------------------------

def batch_with_bad_lines(tmp_path: Path) -> Path:
    lines = BATCH.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([lines[0], "{not json", *lines[1:], '{"id": "empty", "text": ""}']) + "\n",
                    encoding="utf-8")
    return path


def test_jsonl_one_and_two_processes_write_the_same_lines_in_input_order(tmp_path: Path) -> None:
    source = batch_with_bad_lines(tmp_path)
    outputs = []
    for processes in ("1", "2"):
        out = tmp_path / f"out{processes}.jsonl"
        result = run("extract", "--jsonl", str(source), "-o", str(out), "--processes", processes)
        assert result.returncode == 0, result.stderr.decode()
        assert "2 bad lines" in result.stderr.decode() and f"{source} line 2" in result.stderr.decode()
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    records = [json.loads(line) for line in outputs[0].splitlines()]
    ids = [json.loads(line)["id"] for line in BATCH.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in records] == [ids[0], "in-2", *ids[1:], "empty"]
    assert set(records[1]) == {"doc_id", "error"} and "line 2 is not valid JSON" in records[1]["error"]
    assert "line 6 (id 'empty') is empty" in records[-1]["error"]
    texts = {json.loads(line)["id"]: json.loads(line).get("text") for line in BATCH.read_text().splitlines()}
    for record in records:
        if "error" not in record and texts[record["doc_id"]] is not None:
            assert_schema(record, texts[record["doc_id"]])


def test_jsonl_from_stdin_to_stdout() -> None:
    result = run("extract", "--jsonl", "-", stdin=BATCH.read_bytes())
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == [
        json.loads(line)["id"] for line in BATCH.read_text(encoding="utf-8").splitlines()
    ]
    assert "4 of 4 documents extracted" in result.stderr.decode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [(b"", "is empty"), (b"\x00\x01binary", "looks binary"), (b"caf\xe9\n", "none of the 1 lines")],
)
def test_jsonl_unreadable_input_exits_1(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    result = run("extract", "--jsonl", str(path), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 1 and expected in result.stderr.decode()
