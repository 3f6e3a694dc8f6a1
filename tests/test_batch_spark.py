"""The Spark engine in local[2] mode writes the same Parquet as the local engine, row for row."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from onrecord.batch.local import run_local
from onrecord.batch.spark import input_order, local_name, run_spark, session
from test_batch import make_corpus, read_rows

pytest.importorskip("pyspark", reason="pyspark is not installed: `make install` (the test extra pulls it)")
if shutil.which("java") is None:
    pytest.skip("no Java runtime: Spark needs Java 17+ (.ci/run installs default-jre-headless)",
                allow_module_level=True)

TEST_CONF = {"spark.driver.memory": "1g", "spark.ui.showConsoleProgress": "false",
             "spark.sql.shuffle.partitions": "4", "spark.default.parallelism": "2"}


@pytest.fixture(scope="session")
def spark():
    spark = session("local[2]", TEST_CONF)
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def outputs(spark, tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("spark")
    corpus, extra = make_corpus(folder)
    run_local([corpus, extra], folder / "local")
    summary = run_spark([corpus, extra], folder / "spark", spark=spark, partitions=4)
    assert (summary.files, summary.articles, summary.errors) == (8, 17, 4)
    return folder / "local", folder / "spark"


def test_spark_reads_file_names_with_commas_and_glob_characters(spark, tmp_path: Path) -> None:
    """Hadoop split 'a,b/c,d.jsonl' at its commas and read 'report[1].jsonl' as a glob matching nothing."""
    folder = tmp_path / "odd"
    for name in ("a,b/c,d.jsonl", "report[1].jsonl", "notes{draft}*?.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        text = f'"We will reopen the pier in May," harbour master Ines Carvalho said of {name}.'
        (folder / name).write_text(text if name.endswith(".txt") else '{"text": %s}\n' % json.dumps(text))
    run_local([folder], tmp_path / "local")
    summary = run_spark([folder], tmp_path / "spark", spark=spark, partitions=2)
    assert (summary.files, summary.articles, summary.errors) == (3, 3, 0)
    for table in ("articles", "statements"):
        assert read_rows(tmp_path / "spark", table) == read_rows(tmp_path / "local", table)


@pytest.mark.parametrize("table", ["articles", "statements"])
def test_spark_writes_the_same_rows_as_the_local_engine(outputs, table: str) -> None:
    local, spark = (read_rows(output, table) for output in outputs)
    assert len(spark) == len(local) > 0
    assert spark == local


def test_spark_output_is_partitioned_by_month(outputs) -> None:
    months = {p.name for p in (outputs[1] / "articles").iterdir() if p.is_dir()}
    assert {"month=2024-01", "month=2024-02", "month=unknown"} <= months


def test_spark_turns_failing_articles_into_error_rows(outputs) -> None:
    errors = {r["doc_id"]: r["error"] for r in read_rows(outputs[1], "articles") if r["status"] == "error"}
    assert set(errors) == {"binary", "empty-text", "lines-6", "no-text"}
    assert "looks binary" in errors["binary"] and "is empty" in errors["empty-text"]


@pytest.mark.parametrize(("name", "order"), [
    ("/data/b.jsonl", 1), ("hdfs://nn/archive/2024/x.warc.gz", 2), ("hdfs://nn/other/y.jsonl", 3),
])
def test_spark_files_keep_the_order_of_the_inputs(name: str, order: int) -> None:
    inputs = {"/data/a.jsonl": 0, "/data/b.jsonl": 1, "hdfs://nn/archive/*": 2}
    assert input_order(name, inputs) == order


@pytest.mark.parametrize(("uri", "name"), [
    ("file:/data/a.jsonl", "/data/a.jsonl"), ("file:///data/a.jsonl", "/data/a.jsonl"),
    ("hdfs://nn:8020/data/a.jsonl", "hdfs://nn:8020/data/a.jsonl"),
])
def test_spark_file_names_match_the_local_engine(uri: str, name: str) -> None:
    assert local_name(uri) == name
