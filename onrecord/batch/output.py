"""The batch output folder: ``articles/`` and ``statements/``, Parquet partitioned by month.

The layout is Spark's (``articles/month=2024-01/part-….parquet``, the month in
the folder name, not in the file), so either engine's output reads the same way
with Spark, pyarrow or DuckDB.
"""
from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OnRecordError
from .rows import PARTITION, TABLES

FLUSH_ROWS = 2000  # rows buffered per table before they go to the files


class BatchError(OnRecordError):
    """A batch run or load could not start: a bad output folder, engine or master."""


@dataclass(frozen=True)
class BatchSummary:
    """What one batch run wrote."""

    engine: str
    output: str
    files: int = 0
    articles: int = 0
    errors: int = 0
    statements: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"engine": self.engine, "output": self.output, "files": self.files, "articles": self.articles,
                "errors": self.errors, "statements": self.statements, "seconds": round(self.seconds, 2),
                "articles_per_second": round(self.rate, 2)}


def arrow_type(spec: tuple):
    import pyarrow as pa

    kind = spec[0]
    if kind == "list":
        return pa.list_(arrow_type(spec[1]))
    if kind == "struct":
        return pa.struct([pa.field(name, arrow_type(t)) for name, t in spec[1]])
    return {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}[kind]


def arrow_schema(table: str, with_partition: bool = False):
    """The Arrow schema of ``articles`` or ``statements`` (the files themselves lack the month)."""
    import pyarrow as pa

    return pa.schema([pa.field(name, arrow_type(t)) for name, t in TABLES[table]
                      if with_partition or name != PARTITION])


def prepare_output(output: str | Path, overwrite: bool, inputs: Iterable[str | Path] = ()) -> None:
    """Refuse to mix runs: the output must be new or empty, unless ``overwrite`` clears it; and it
    must not hold any of the ``inputs`` (clearing it would delete what is to be read)."""
    out = Path(output)
    here = out.resolve()
    inside = next((i for i in inputs if here == Path(i).resolve() or here in Path(i).resolve().parents), None)
    if inside is not None:
        raise BatchError(f"input {inside} is inside the output folder {output}: give an output folder apart "
                         "from the inputs.")
    if out.exists() and not out.is_dir():
        raise BatchError(f"output {output} is a file: give a folder (it will hold articles/ and statements/).")
    if out.is_dir() and any(out.iterdir()):
        if not overwrite:
            raise BatchError(f"output {output} is not empty: give a new folder, or --overwrite to replace "
                             "its articles/ and statements/.")
        for table in TABLES:
            shutil.rmtree(out / table, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)


class ParquetSink:
    """Writes rows as they come, one open Parquet file per table and month."""

    def __init__(self, output: str | Path, name: str = "part-00000-local") -> None:
        self.output, self.name = Path(output), name
        self.buffers: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
        self.writers: dict[tuple[str, str], Any] = {}

    def add(self, table: str, row: dict[str, Any]) -> None:
        buffer = self.buffers[table]
        buffer.append(row)
        if len(buffer) >= FLUSH_ROWS:
            self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in self.buffers[table]:
            by_month[row[PARTITION]].append(row)
        self.buffers[table] = []
        schema = arrow_schema(table)
        for month, rows in by_month.items():
            writer = self.writers.get((table, month))
            if writer is None:
                folder = self.output / table / f"{PARTITION}={month}"
                folder.mkdir(parents=True, exist_ok=True)
                writer = self.writers[(table, month)] = pq.ParquetWriter(folder / f"{self.name}.parquet", schema)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))

    def close(self) -> None:
        for table in TABLES:
            self._flush(table)
            (self.output / table).mkdir(parents=True, exist_ok=True)  # an empty table still has its folder
        for writer in self.writers.values():
            writer.close()
        self.writers.clear()
