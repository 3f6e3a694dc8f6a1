"""The record's commands through the real entry point, on a fictional corpus.

``onrecord ingest`` runs as a subprocess (as users run it), including one that
is killed with SIGKILL halfway and resumed; the read commands run through
Typer's runner on ``onrecord.cli:app``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from record_helpers import write_corpus
from onrecord.cli import app

_SCRIPT = Path(sys.executable).with_name("onrecord")  # the installed console script
ONRECORD = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "onrecord.cli"]
ARTICLES = 26  # 24 JSONL lines and two text files; broken.txt fails
runner = CliRunner()


def ingest(db: Path, corpus: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*ONRECORD, "ingest", str(corpus), "--db", str(db), *extra],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """The record of one uninterrupted ingest (two worker processes)."""
    db = tmp_path_factory.mktemp("reference") / "record.db"
    done = ingest(db, corpus, "--processes", "2")
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def record(reference, tmp_path) -> Path:
    """A copy of the reference record that a test may change."""
    return Path(shutil.copy(reference, tmp_path / "record.db"))


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def dump(db: Path) -> dict[str, list]:
    """Everything on record, without the row ids and times that may differ between runs."""
    conn = sqlite3.connect(db)
    strip = lambda s: re.sub(r"#\d+", "#", s)  # noqa: E731 - reasons name candidate ids
    out = {
        "articles": conn.execute("SELECT doc_id, source, content_hash, version, is_current FROM articles "
                                 "ORDER BY doc_id, version").fetchall(),
        "quotes": conn.execute(
            "SELECT a.doc_id, q.qid, q.content, q.kind, q.speaker_name, p.name FROM quotes q "
            "JOIN articles a ON a.id = q.article_id LEFT JOIN mentions m ON m.id = q.mention_id "
            "LEFT JOIN people p ON p.id = m.person_id ORDER BY a.doc_id, q.position").fetchall(),
        "mentions": [(d, l, n, p, strip(r)) for d, l, n, p, r in conn.execute(
            "SELECT a.doc_id, m.local_id, m.name, p.name, m.reason FROM mentions m "
            "JOIN articles a ON a.id = m.article_id LEFT JOIN people p ON p.id = m.person_id "
            "ORDER BY a.doc_id, m.local_id")],
        "people": conn.execute("SELECT name, kind, named FROM people ORDER BY name, kind").fetchall(),
        "failures": conn.execute("SELECT source, stage, reason FROM failures ORDER BY source").fetchall(),
    }
    conn.close()
    return out


def test_ingest_stores_the_corpus_and_a_second_run_stores_nothing(reference, corpus):
    first = dump(reference)
    assert len(first["articles"]) == ARTICLES
    assert len(first["quotes"]) >= ARTICLES  # every fictional article has quoted speech
    assert [f[:2] for f in first["failures"]] == [(str(corpus / "broken.txt"), "read")]
    again = ingest(reference, corpus)
    assert again.returncode == 0, again.stderr
    assert re.search(r"skipped \(already on record\)\s+│?\s*26", again.stderr)
    assert re.search(r"stored \(new\)\s+│?\s*0", again.stderr)
    assert dump(reference) == first


def test_killed_ingest_resumes_to_the_same_record(reference, corpus, tmp_path):
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([*ONRECORD, "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0  # the schema is still being created
            if stored >= ARTICLES // 3:
                break
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < ARTICLES, f"the kill came at {stored} of {ARTICLES} articles, not halfway"
    assert len(dump(db)["articles"]) < ARTICLES
    resumed = ingest(db, corpus)
    assert resumed.returncode == 0, resumed.stderr
    assert dump(db) == dump(reference)


def test_search_by_statement_type(reference):
    code, text = cli("search", "", "--type", "criticism", "--db", str(reference), "--format", "json")
    hits = json.loads(text)
    assert code == 0 and hits and {h["type"] for h in hits} == {"criticism"}


def test_search_formats(reference):
    code, table = cli("search", "reckless", "--db", str(reference))
    assert code == 0 and "reckless" in table
    code, text = cli("search", "reckless", "--db", str(reference), "--format", "json", "--limit", "3")
    hits = json.loads(text)
    assert code == 0 and len(hits) == 3
    assert all("⟦reckless⟧" in h["snippet"] and h["published"] and h["title"] for h in hits)
    code, text = cli("search", "reckless", "--db", str(reference), "--format", "csv", "--outlet", "Harbour Herald")
    rows = text.strip().splitlines()
    assert code == 0 and rows[0].startswith("id,article_id,qid,content,snippet") and len(rows) > 1


def test_search_shows_the_words_of_a_speaker_left_unresolved(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "traders.txt").write_text("The toll rose on Monday. They said the toll would ruin them.\n")
    done = ingest(tmp_path / "record.db", tmp_path / "news")
    assert done.returncode == 0, done.stderr
    code, table = cli("search", "toll", "--db", str(tmp_path / "record.db"))
    assert code == 0 and "? (They)" in table


def test_who_and_timeline_show_what_a_person_said_together_with_others(tmp_path):
    lines = [{"id": "pair-0", "published": "2024-03-01",
              "text": "Marcus Fell met Helen Marsh on Monday.\n\nFell and Marsh both said the harbour plan was sound."},
             {"id": "pair-1", "published": "2024-03-02",
              "text": "Helen Marsh spoke on Friday. Marsh said the ferry would run."}]
    (tmp_path / "pair.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    done = ingest(tmp_path / "record.db", tmp_path / "pair.jsonl")
    assert done.returncode == 0, done.stderr
    code, who = cli("who", "Helen Marsh", "--db", str(tmp_path / "record.db"))
    assert code == 0 and "2 statements" in who and "the harbour plan" in who
    assert "also said together with others, as: #1 Marcus Fell and Helen Marsh (1 statement)" in who
    code, tree = cli("timeline", "Helen Marsh", "--db", str(tmp_path / "record.db"))
    assert code == 0 and "claim (as Marcus Fell and Helen Marsh)  the harbour plan" in tree


@pytest.mark.parametrize("args, message", [
    (["search", "x", "--since", "May"], "--since 'May' is not a date"),
    (["search", "x", "--kind", "rumour"], "choose direct, mixed, indirect"),
    (["search", "x", "--type", "rumour"], "--type 'rumour' is not a statement type: choose claim, support,"),
    (["search", "x", "--format", "xml"], "unknown format 'xml'"),
    (["who", "Nobody Known"], "no one called 'Nobody Known' is on record"),
    (["search", "toll", "--speaker", "Nobody Known"], "no one called 'Nobody Known' is on record"),
    (["people", "merge", "Marsh", "Tom Okafor"], "could mean several people"),
])
def test_bad_requests_get_one_line_messages(reference, args, message):
    code, output = cli(*args, "--db", str(reference))
    assert code == 1 and message in " ".join(output.split())
    assert "Traceback" not in output


@pytest.mark.parametrize("command", [["search", "toll"], ["who", "Tom Okafor"], ["timeline", "Tom Okafor"],
                                     ["failures"], ["people", "list"], ["relink"], ["export", "out.jsonl"]])
def test_reading_a_record_that_is_not_there_says_so_and_makes_none(tmp_path, command):
    missing = tmp_path / "recrod.db"  # a typo
    code, output = cli(*command, "--db", str(missing))
    assert code == 1 and f"no record at {missing}" in " ".join(output.split())
    assert not missing.exists()


def test_another_programs_database_is_left_alone(tmp_path):
    import sqlite3

    foreign = tmp_path / "app.db"
    with sqlite3.connect(foreign) as c:
        c.execute("CREATE TABLE articles (x TEXT)")
    code, output = cli("search", "toll", "--db", str(foreign))
    assert code == 1 and "is a database that is not an onrecord record" in " ".join(output.split())
    with sqlite3.connect(foreign) as c:
        assert [r[0] for r in c.execute("SELECT name FROM sqlite_master")] == ["articles"]


def test_unknown_database_url():
    code, output = cli("search", "x", "--db", "ftp://example.com/record")
    assert code == 1 and "unknown database URL" in output


def test_who_and_people_commands(record):
    code, text = cli("who", "Tom Okafor", "--db", str(record), "--format", "json")
    person = json.loads(text)
    assert code == 0 and person["person"]["name"] == "Tom Okafor"
    dates = [s["published"] for s in person["statements"]]
    assert dates == sorted(dates) and len(dates) >= 6
    code, text = cli("who", "Tom Okafor", "-n", "2", "--db", str(record))
    assert code == 0 and f"2 of {len(dates)} statements" in text and f"{len(dates)} statements in " in text
    code, text = cli("people", "list", "--db", str(record), "--format", "json")
    names = [p["name"] for p in json.loads(text)]
    assert code == 0 and {"Delia Marsh", "Ruth Marsh", "Tom Okafor", "Idris Vane"} <= set(names)
    code, text = cli("people", "merge", "Delia Marsh", "Ruth Marsh", "--db", str(record))
    assert code == 0 and "merged into" in text
    code, text = cli("people", "split", "Delia Marsh", "Ruth Marsh", "--db", str(record))
    assert code == 0 and "split off" in text and "Ruth Marsh" in text


def test_failures_command(reference):
    code, text = cli("failures", "--db", str(reference), "--format", "json")
    [failure] = json.loads(text)
    assert code == 0 and failure["source"].endswith("broken.txt") and "binary" in failure["reason"]


def test_export_writes_the_record_and_ingest_reads_it_back_into_another(reference, tmp_path):
    out = tmp_path / "record.jsonl"
    code, text = cli("export", str(out), "--db", str(reference))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and f"wrote {len(lines)} article(s)" in text and not (tmp_path / "record.jsonl.partial").exists()
    assert len(lines) == ARTICLES and all(a["text"] and a["statements"] is not None for a in lines)
    stored = sqlite3.connect(reference).execute("SELECT count(*) FROM quotes").fetchone()[0]
    assert sum(len(a["statements"]) for a in lines) == stored
    # read back into a fresh record (a move to PostgreSQL is the same command with its URL)
    moved = tmp_path / "moved.db"
    done = subprocess.run([*ONRECORD, "ingest", str(out), "--db", str(moved)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sqlite3.connect(moved).execute("SELECT count(*) FROM quotes").fetchone()[0] == stored


@pytest.mark.parametrize(("where", "message"), [("folder", "is a folder"), ("missing/record.jsonl", "could not write")])
def test_an_export_that_cannot_be_written_says_so_and_leaves_no_partial_file(reference, tmp_path, where, message):
    (tmp_path / "folder").mkdir()
    code, text = cli("export", str(tmp_path / where), "--db", str(reference))
    assert code == 1 and message in text and "Traceback" not in text
    assert not list(tmp_path.rglob("*.partial"))
