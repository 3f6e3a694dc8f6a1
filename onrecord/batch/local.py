"""The local engine: ``rows_of_chunk`` mapped over a process pool, rows written with pyarrow.

The same function Spark runs in ``mapPartitions``, so both engines write the same
rows. Files are read one at a time and only a few chunks are in flight, so
memory stays flat however large the archive.
"""
from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

from ..errors import ModelNotFoundError
from ..nlp import load_pipeline
from .inputs import iter_inputs, list_inputs
from .output import BatchError, BatchSummary, ParquetSink, prepare_output
from .rows import CHUNK_SIZE, Item, Row, rows_of_chunk


def run_local(inputs: Iterable[str | Path], output: str | Path, *, processes: int = 1, overwrite: bool = False,
              chunk_size: int = CHUNK_SIZE, progress: Callable[[int], None] | None = None) -> BatchSummary:
    """Extract every article of ``inputs`` into Parquet under ``output``; ``progress(n)`` after each chunk."""
    if processes < 1:
        raise BatchError(f"processes must be 1 or more, not {processes}.")
    files = list_inputs(inputs)
    prepare_output(output, overwrite)
    started = time.monotonic()
    sink = ParquetSink(output)
    counts = {"articles": 0, "errors": 0, "statements": 0}
    try:
        for rows in _mapped(_chunks(iter_inputs(files), chunk_size), processes):
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


def _chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _mapped(chunks: Iterator[list[Item]], processes: int) -> Iterator[list[Row]]:
    if processes == 1:
        yield from map(rows_of_chunk, chunks)
        return
    # spawn, not fork: the caller may hold threads (a progress bar) that fork would copy mid-lock.
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[list[Row]]] = deque()
    try:
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_init_worker) as pool:
            try:
                for chunk in chunks:
                    pending.append(pool.submit(rows_of_chunk, chunk))
                    if len(pending) >= 2 * processes:  # bounded read-ahead
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()
    except BrokenProcessPool:
        raise BatchError("a worker process died (out of memory?): try fewer --processes, or the Spark engine, "
                         "which retries a lost task.") from None


def _init_worker() -> None:
    try:
        load_pipeline()  # once per worker process, before its first chunk
    except ModelNotFoundError:
        pass  # the first chunk raises it, with the message saying what to install
