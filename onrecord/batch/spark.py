"""The Spark engine: the same rows as the local engine, computed on a cluster.

Local files are read whole by the tasks, remote ones by ``binaryFiles`` (``hdfs://``, ``s3a://``: whatever
Spark's Hadoop layer reads) and parsed per file with the existing readers; the
items are spread evenly over partitions and extracted in ``mapPartitions`` with
``rows_of_chunk``. The spaCy pipeline is loaded once per Python worker process
(``load_pipeline`` caches it at module level and Spark reuses its workers).
Nothing but two counts comes back to the driver; a bad article becomes an error
row, never a failed task.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..ingest.files import suffix_of
from .inputs import BATCH_SUFFIXES, list_inputs, read_input
from .output import BatchError, BatchSummary, prepare_output
from .rows import PARTITION, TABLES, Item, extract_rows

PARTITIONS_PER_CORE = 4  # small partitions balance articles of uneven length across cores
# Quiet, loopback-only defaults for a session started here (a cluster's own settings win under spark-submit).
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.session.timeZone": "UTC",
}


def is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file:")


def local_name(uri: str) -> str:
    """Spark's ``file:/a/b`` (or ``file:///a/b``) is the local path ``/a/b``; other URIs stay as they are."""
    if uri.startswith("file:"):
        return "/" + uri[len("file:"):].lstrip("/")
    return uri


def spark_type(spec: tuple):
    from pyspark.sql import types as T

    kind = spec[0]
    if kind == "list":
        return T.ArrayType(spark_type(spec[1]))
    if kind == "struct":
        return T.StructType([T.StructField(name, spark_type(t)) for name, t in spec[1]])
    return {"string": T.StringType(), "int64": T.LongType(), "float64": T.DoubleType()}[kind]


def spark_schema(table: str):
    from pyspark.sql import types as T

    return T.StructType([T.StructField(name, spark_type(t)) for name, t in TABLES[table]])


def session(master: str | None = None, conf: dict[str, str] | None = None):
    """A SparkSession (the one spark-submit made, or a new one on ``master``); workers run this Python."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise BatchError("the Spark engine needs pyspark: `pip install 'onrecord[spark]'` (and Java 17+), "
                         "or use --engine local.") from None
    builder = SparkSession.builder.appName("onrecord batch")
    if master:
        builder = builder.master(master)
    # Without --master, spark-submit's settings (or pyspark's local[*]) stand untouched.
    for key, value in {**(LOCAL_CONF if master and master.startswith("local") else {}), **(conf or {})}.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as e:  # noqa: BLE001 - no Java, a bad master URL: say so in one line
        raise BatchError(f"Spark could not start on {master or 'the default master'} ({type(e).__name__}: "
                         f"{str(e).splitlines()[0] if str(e) else ''}); check Java 17+ and --master.") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run_spark(inputs: Iterable[str | Path], output: str | Path, *, master: str | None = None,
              partitions: int | None = None, overwrite: bool = False, spark: Any = None) -> BatchSummary:
    """Extract every article of ``inputs`` into Parquet under ``output`` with Spark.

    ``spark``: an existing SparkSession (else one is started on ``master`` and stopped at the end).
    """
    inputs, output = [str(i) for i in inputs], str(output)
    # Each file's place among the inputs, in the order given (a remote folder's files share its place).
    order: dict[str, int] = {}
    for i in inputs:
        for name in [i] if is_remote(i) else list_inputs([i]):
            order.setdefault(name, len(order))
    uris = [name if is_remote(name) else "file://" + name for name in order]
    if not uris:
        raise BatchError("no inputs: give JSONL, WARC, Parquet, text or HTML files, or folders of them.")
    mode = "overwrite" if overwrite else "errorifexists"
    if not is_remote(output):
        prepare_output(output, overwrite, [n for n in order if not is_remote(n)])  # the local engine's checks
        output, mode = "file://" + os.path.abspath(output), "overwrite"
    own = spark is None
    spark = spark or session(master)
    started = time.monotonic()
    try:
        counts = _run(spark, uris, order, output, partitions, mode)
    finally:
        if own:
            spark.stop()
    return BatchSummary("spark", local_name(output), seconds=time.monotonic() - started, **counts)


def _run(spark: Any, uris: list[str], order: dict[str, int], output: str, partitions: int | None,
         mode: str) -> dict[str, int]:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    sc = spark.sparkContext
    n = partitions or max(1, sc.defaultParallelism * PARTITIONS_PER_CORE)
    local, remote = [u for u in uris if u.startswith("file://")], [u for u in uris if not u.startswith("file://")]
    # Local files are read by the tasks themselves: Hadoop would split a name at its commas and
    # read '[]{}*?' in it as a glob ('report[1].jsonl' matched nothing).
    parts = [sc.parallelize(local, min(n, len(local))).map(_read_local)] if local else []
    if remote:
        parts.append(sc.binaryFiles(",".join(remote), minPartitions=min(n, len(remote))))
    files = parts[0] if len(parts) == 1 else sc.union(parts)
    items = files.flatMap(lambda pair: _read_file(pair, order))
    rows = items.repartition(n).mapPartitions(_extract_partition).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for table in TABLES:
            data = rows.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1])
            frame = spark.createDataFrame(data, spark_schema(table), verifySchema=False)
            frame.write.mode(mode).partitionBy(PARTITION).parquet(f"{output}/{table}")
    finally:
        rows.unpersist()
    articles = spark.read.parquet(f"{output}/articles")
    got = articles.agg(F.count("*").alias("n"), F.sum((F.col("status") == "error").cast("long")).alias("errors"),
                       F.countDistinct("input").alias("files")).first()
    statements = spark.read.parquet(f"{output}/statements").count()
    return {"files": got["files"], "articles": got["n"], "errors": got["errors"] or 0, "statements": statements}


def _read_local(uri: str) -> tuple[str, bytes]:
    with open(local_name(uri), "rb") as f:
        return uri, f.read()


def _read_file(pair: tuple[str, bytes], order: dict[str, int]) -> Iterator[Item]:
    uri, data = pair
    name = local_name(uri)
    base = name.rsplit("/", 1)[-1]
    if base.startswith((".", "_")) or suffix_of(base) not in BATCH_SUFFIXES:
        return iter(())  # a folder's _SUCCESS, .crc and other files that are not articles
    return read_input(name, bytes(data), input_order(name, order))


def input_order(name: str, order: dict[str, int]) -> int:
    """A file's place among the inputs: its own, else that of the remote folder or glob it came from."""
    if name in order:
        return order[name]
    return min((i for prefix, i in order.items() if name.startswith(prefix.rstrip("*/"))), default=len(order))


def _extract_partition(items: Iterator[Item]) -> Iterator[tuple[str, tuple]]:
    """Runs on the executors: rows as tuples in schema order, tagged with their table."""
    names = {table: [name for name, _ in columns] for table, columns in TABLES.items()}
    for table, row in extract_rows(items):
        yield table, tuple(row[name] for name in names[table])
