"""An ordered, bounded process pool for extraction: each worker loads the spaCy pipeline once."""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

from .errors import ModelNotFoundError, OnRecordError
from .nlp import load_pipeline

T = TypeVar("T")
R = TypeVar("R")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def exit_with_parent(parent: int) -> None:
    """In a worker: leave once the process that started it is gone. Killed with SIGKILL, a
    parent cannot stop its workers, which would otherwise wait for work forever, each holding a model."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def init_worker(parent: int) -> None:
    exit_with_parent(parent)
    try:
        load_pipeline()  # once per worker process, before its first chunk
    except ModelNotFoundError:
        pass  # an initializer error would break the pool; the first chunk reports it instead


def ordered_map(fn: Callable[[T], R], chunks: Iterable[T], processes: int, *,
                broken: OnRecordError) -> Iterator[R]:
    """``map(fn, chunks)`` over ``processes`` workers, results in input order, reading ahead at
    most two chunks per worker; ``broken`` is raised if a worker dies (out of memory, a crash)."""
    if processes == 1:
        yield from map(fn, chunks)
        return
    # spawn, not fork: the caller may run threads (a progress bar) that fork would copy mid-lock.
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[R]] = deque()
    try:
        with ProcessPoolExecutor(processes, mp_context=context, initializer=init_worker,
                                 initargs=(os.getpid(),)) as pool:
            try:
                for chunk in chunks:
                    pending.append(pool.submit(fn, chunk))
                    if len(pending) >= 2 * processes:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:  # stopped early (an error, or the consumer closed us): drop queued work
                for future in pending:
                    future.cancel()
    except BrokenProcessPool:
        raise broken from None
