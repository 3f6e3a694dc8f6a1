"""The local engine: ``rows_of_chunk`` mapped over a process pool, rows written with pyarrow.

The same function Spark runs in ``mapPartitions``, so both engines write the same
rows. Files are read one at a time and only a few chunks are in flight, so
memory stays flat however large the archive.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..pool import chunked, ordered_map
from .inputs import iter_inputs, list_inputs
from .output import BatchError, BatchSummary, ParquetSink, prepare_output
from .rows import CHUNK_SIZE, rows_of_chunk


def run_local(inputs: Iterable[str | Path], output: str | Path, *, processes: int = 1, overwrite: bool = False,
              chunk_size: int = CHUNK_SIZE, progress: Callable[[int], None] | None = None) -> BatchSummary:
    """Extract every article of ``inputs`` into Parquet under ``output``; ``progress(n)`` after each chunk."""
    if processes < 1:
        raise BatchError(f"processes must be 1 or more, not {processes}.")
    files = list_inputs(inputs)
    prepare_output(output, overwrite, files)
    started = time.monotonic()
    sink = ParquetSink(output)
    counts = {"articles": 0, "errors": 0, "statements": 0}
    try:
        broken = BatchError("a worker process died (out of memory?): try fewer --processes, or the Spark "
                            "engine, which retries a lost task.")
        for rows in ordered_map(rows_of_chunk, chunked(iter_inputs(files), chunk_size), processes, broken=broken):
            for table, row in rows:
                sink.add(table, row)
                if table == "statements":
                    counts["statements"] += 1
                else:
                    counts["articles"] += 1
                    counts["errors"] += row["status"] == "error"
            if progress:
                progress(counts["articles"])
    finally:
        sink.close()
    return BatchSummary("local", str(output), len(files), seconds=time.monotonic() - started, **counts)
