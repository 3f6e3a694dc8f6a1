"""The batch runner's local engine and `onrecord load`, on our own fictional articles.

The Spark engine is compared with this one in test_batch_spark.py.
"""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.batch.inputs import read_input
from onrecord.batch.load import load
from onrecord.batch.local import run_local
from onrecord.batch.output import BatchError
from onrecord.batch.rows import item_rows, month_of, to_article, to_extraction
from onrecord.extract import extract_articles
from onrecord.ingest import iter_articles
from onrecord.record import open_store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
ONRECORD = Path(sys.executable).with_name("onrecord")
BAD_LINES = [{"id": "empty-text", "text": ""}, "this line is not JSON", {"id": "no-text", "title": "Only a title"}]


def make_corpus(folder: Path) -> tuple[Path, Path]:
    """Our demo articles as every input kind, with bad ones among them.

    Returns (the folder `onrecord ingest` can read too, a folder holding a Parquet file).
    """
    corpus, extra = folder / "corpus", folder / "extra"
    shutil.copytree(DEMO / "articles", corpus / "articles")
    lines = (DEMO / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    good = [json.loads(line) for line in lines]
    jsonl = [json.dumps(g) for g in good[:4]] + [b if isinstance(b, str) else json.dumps(b) for b in BAD_LINES]
    (corpus / "lines.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    write_warc(corpus / "crawl.warc.gz", "https://kestrel.example/stadium-vote",
               (DEMO / "articles" / "stadium-vote.html").read_bytes())
    extra.mkdir()
    pq.write_table(pa.Table.from_pylist(good[4:8]), extra / "rows.parquet")
    return corpus, extra


def write_warc(path: Path, uri: str, body: bytes) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))


def read_rows(output: Path, table: str) -> list[dict]:
    """Every row of one table, month included, in a stable order."""
    partitioning = ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive")
    rows = ds.dataset(str(output / table), format="parquet", partitioning=partitioning).to_table().to_pylist()
    return sorted(rows, key=lambda r: (r["input"], r["position"], r.get("index", -1)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    return make_corpus(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="module")
def local_output(corpus, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("local") / "out"
    run_local([corpus[0]], output)
    return output


@pytest.mark.parametrize(("published", "month"), [
    ("2024-01-18", "2024-01"), ("2024-01-18T09:30:00+00:00", "2024-01"), ("2024/03/02", "2024-03"),
    ("2024-13-01", "unknown"), ("18 January 2024", "unknown"), ("2024", "unknown"), ("", "unknown"), (None, "unknown"),
])
def test_articles_are_partitioned_by_publication_month(published: str | None, month: str) -> None:
    assert month_of(published) == month


def test_rows_give_back_the_article_and_extraction_they_were_made_from() -> None:
    article = next(item for item in iter_articles([DEMO / "corpus.jsonl"]) if item.doc_id == "kb-10-lowe-retracts")
    extraction = next(extract_articles([article]))
    assert extraction.quotes and extraction.speakers
    rows = item_rows("/in/corpus.jsonl", 9, article, extraction)
    (table, row), statements = rows[0], [r for t, r in rows[1:]]
    assert table == "articles" and row["status"] == "ok" and row["month"] == "2024-03"
    assert len(statements) == row["quotes"] == len(extraction.quotes)
    assert to_article(row) == article
    assert to_extraction(row, statements) == extraction


@pytest.mark.parametrize("name", ["lines.jsonl", "binary.txt", "crawl.warc.gz", "articles/stadium-vote.html",
                                  "articles/mill-lane-apology.txt"])
def test_a_file_read_from_its_bytes_gives_what_onrecord_ingest_reads(corpus, name: str) -> None:
    path = corpus[0] / name
    items = [item for *_, item in read_input(str(path), path.read_bytes())]
    assert items == list(iter_articles([path]))


def test_parquet_rows_are_read_like_jsonl_lines(corpus) -> None:
    path = corpus[1] / "rows.parquet"
    items = [item for *_, item in read_input(str(path), path.read_bytes())]
    expected = [json.loads(line) for line in (DEMO / "corpus.jsonl").read_text(encoding="utf-8").splitlines()[4:8]]
    assert [(a.doc_id, a.text, a.title, a.published, a.outlet, a.url) for a in items] == \
        [(e["id"], e["text"], e["title"], e["published"], e["outlet"], e["url"]) for e in expected]


def test_local_engine_writes_a_row_per_article_and_per_statement_with_error_rows(local_output) -> None:
    articles, statements = read_rows(local_output, "articles"), read_rows(local_output, "statements")
    errors = {r["doc_id"]: r for r in articles if r["status"] == "error"}
    assert set(errors) == {"binary", "empty-text", "lines-6", "no-text"}
    assert errors["binary"]["stage"] == "read" and "looks binary" in errors["binary"]["error"]
    assert "is empty" in errors["empty-text"]["error"] and "not valid JSON" in errors["lines-6"]["error"]
    ok = [r for r in articles if r["status"] == "ok"]
    assert len(ok) == 4 + 4 + 1  # demo article files, good JSONL lines, the WARC page
    assert sum(r["quotes"] for r in ok) == len(statements) > 0
    assert {r["month"] for r in ok} >= {"2024-01", "2024-02"}
    assert all(r["text"] is None and r["month"] == "unknown" for r in errors.values())
    assert {r["input_order"] for r in articles} == set(range(7))  # one per file, in the order read
    months = {(r["input"], r["position"]): r["month"] for r in articles}
    assert all(s["month"] == months[(s["input"], s["position"])] for s in statements)


def test_local_engine_gives_the_same_rows_with_two_processes(corpus, local_output, tmp_path: Path) -> None:
    run_local([corpus[0]], tmp_path / "two", processes=2)
    for table in ("articles", "statements"):
        assert read_rows(tmp_path / "two", table) == read_rows(local_output, table)


def test_output_that_is_not_empty_is_refused_unless_overwritten(corpus, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(BatchError, match="is not empty: give a new folder, or --overwrite"):
        run_local([corpus[0] / "articles" / "mill-lane-apology.txt"], tmp_path / "out")
    summary = run_local([corpus[0] / "articles" / "mill-lane-apology.txt"], tmp_path / "out", overwrite=True)
    assert (summary.files, summary.articles, summary.errors) == (1, 1, 0)
    assert (tmp_path / "out" / "notes.txt").exists()


def test_an_output_folder_that_holds_an_input_is_refused_and_kept(corpus, tmp_path: Path) -> None:
    run_local([corpus[0] / "articles" / "mill-lane-apology.txt"], tmp_path / "out")
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "out").rglob("*"))
    with pytest.raises(BatchError, match="is inside the output folder"):
        run_local([tmp_path / "out"], tmp_path / "out", overwrite=True)  # reading last run's Parquet into itself
    with pytest.raises(BatchError, match="is inside the output folder"):
        run_local([tmp_path], tmp_path / "out", overwrite=True)
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "out").rglob("*")) == before


def test_load_gives_the_counts_of_onrecord_ingest_and_loading_twice_adds_nothing(corpus, local_output,
                                                                                  tmp_path: Path) -> None:
    with open_store(str(tmp_path / "ingested.db")) as store:
        store.ingest(iter_articles([corpus[0]]))
        ingested = store.counts()
    with open_store(str(tmp_path / "loaded.db")) as store:
        first = load(local_output, store)
        loaded = store.counts()
        second = load(local_output, store)
        again = store.counts()
    assert loaded == ingested
    # The WARC page is the demo HTML file again: same content, stored once.
    assert (loaded.articles, loaded.failures) == (8, 4) and loaded.quotes > 0 and loaded.people > 0
    assert (first.stored, first.skipped, first.failed) == (8, 1, 4)
    assert (second.stored, second.skipped, second.failed) == (0, 9, 4)
    assert again == loaded


def test_load_makes_the_same_version_current_as_ingest_when_a_correction_moves_the_month(tmp_path: Path) -> None:
    """The first version undated (or dated June), its correction dated July (or corrected back to May):
    month by month, the older copy was stored last and its statements replaced the correction's."""
    url = "https://islandtimes.example/pier"
    versions = [(None, "The pier would reopen in July, the council said."),
                ("2024-07-02", '"It is not safe," harbour master Ines Carvalho said of the pier.'),
                ("2024-06-28", "The pier would reopen in June, the council said."),
                ("2024-05-30", '"We will reopen in May," harbour master Ines Carvalho said of the pier.')]
    inputs = []
    for n, (published, text) in enumerate(versions):
        story = f"{url}{'' if n < 2 else '2'}"
        inputs.append(tmp_path / f"v{n}.jsonl")
        inputs[-1].write_text(json.dumps({"url": story, "published": published, "text": text}) + "\n")
    run_local(inputs, tmp_path / "out")
    current = "SELECT url, published FROM articles WHERE is_current = 1 ORDER BY url"
    with open_store(str(tmp_path / "ingested.db")) as store:
        store.ingest(iter_articles(inputs))
        with store.transaction(write=False) as tx:
            ingested = tx.all(current)
    with open_store(str(tmp_path / "loaded.db")) as store:
        load(tmp_path / "out", store)
        with store.transaction(write=False) as tx:
            assert tx.all(current) == ingested == [(url, "2024-07-02"), (url + "2", "2024-05-30")]


def test_load_refuses_a_folder_that_is_not_a_batch_output(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "r.db")) as store, pytest.raises(BatchError, match="has no articles/ folder"):
        load(tmp_path, store)


def test_cli_load_of_a_wrong_folder_creates_no_record(tmp_path: Path) -> None:
    done = subprocess.run([str(ONRECORD), "load", str(tmp_path), "--db", str(tmp_path / "new.db")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "has no articles/ folder" in done.stderr, done.stderr
    assert not (tmp_path / "new.db").exists()


def test_load_names_the_columns_a_foreign_parquet_lacks(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table in ("articles", "statements"):
        (tmp_path / "run" / table).mkdir(parents=True)
        pq.write_table(pa.table({"foo": [1]}), tmp_path / "run" / table / "part.parquet")
    with open_store(str(tmp_path / "r.db")) as store, pytest.raises(BatchError, match="lacks the columns input, "):
        load(tmp_path / "run", store)


def test_cli_batch_then_load(corpus, tmp_path: Path) -> None:
    source = str(corpus[0] / "lines.jsonl")
    done = subprocess.run([str(ONRECORD), "batch", source, str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "7 articles from 1 files, 3 errors" in " ".join(done.stderr.split())
    assert "3 failed: the reasons are in the error column" in " ".join(done.stderr.split())
    done = subprocess.run([str(ONRECORD), "load", str(tmp_path / "out"), "--db", str(tmp_path / "r.db")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "4 stored" in done.stderr and "3 failures" in done.stderr
    again = subprocess.run([str(ONRECORD), "batch", source, str(tmp_path / "out")],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 1 and "is not empty" in again.stderr and "Traceback" not in again.stderr


def test_cli_batch_where_nothing_could_be_extracted_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    done = subprocess.run([str(ONRECORD), "batch", str(tmp_path / "empty.txt"), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "none of the 1 articles could be extracted" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (["--engine", "flink"], "unknown engine 'flink': choose local or spark"),
    (["--master", "local[2]"], "--master and --partitions go with --engine spark"),
    (["--engine", "spark", "-p", "2"], "--processes goes with --engine local"),
])
def test_cli_batch_names_wrong_options(tmp_path: Path, args: list[str], expected: str) -> None:
    from typer.testing import CliRunner

    from onrecord.cli import app

    result = CliRunner().invoke(app, ["batch", str(DEMO / "corpus.jsonl"), str(tmp_path / "out"), *args])
    assert result.exit_code == 1 and expected in " ".join(result.output.split())
