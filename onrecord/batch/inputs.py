"""Batch inputs: JSONL, WARC, Parquet and single-article files, read from their bytes.

Spark hands each executor a whole file as bytes (``binaryFiles``), so both engines
read every file through ``read_input(name, data)``, which feeds the existing
readers (``onrecord.ingest``): the items, ids and error messages are those
``onrecord ingest`` makes of the same file. Each item comes with its place in
the file, so (input, position) names it in the output.
"""
from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from ..article import MAX_BYTES, Article, Failure, InputError
from ..ingest.files import READABLE_SUFFIXES, article_from_bytes, suffix_of
from ..ingest.jsonl import iter_jsonl, line_to_article
from ..ingest.warc import iter_warc
from .rows import Item

BATCH_SUFFIXES = READABLE_SUFFIXES + (".parquet",)


def list_inputs(paths: Iterable[str | Path]) -> list[str]:
    """Absolute paths of every readable file in ``paths`` (folders walked recursively, sorted)."""
    found: list[str] = []
    for path in map(str, paths):
        if os.path.isdir(path):
            inside = list(_walk(path))
            if not inside:
                raise InputError(f"{path}: the folder has no files to read ({', '.join(BATCH_SUFFIXES)}).")
            found += inside
        elif os.path.isfile(path):
            found.append(os.path.abspath(path))
        else:
            raise InputError(f"{path}: no such file or folder. Give JSONL, WARC, Parquet, text or HTML files, "
                             "or folders of them.")
    return found


def _walk(folder: str) -> Iterator[str]:
    # The order of onrecord.ingest.iter_folder: sorted names, hidden entries skipped, symlinked folders not followed.
    with os.scandir(folder) as scan:
        entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif suffix_of(entry.name) in BATCH_SUFFIXES and entry.is_file():
            yield os.path.abspath(entry.path)


def iter_inputs(files: Iterable[str]) -> Iterator[Item]:
    """Every item of every file, read one file at a time (the local engine's reader)."""
    for order, name in enumerate(files):
        try:
            data = Path(name).read_bytes()
        except OSError as e:
            yield name, order, 0, Failure(Path(name).stem, f"{name} could not be read: {e.strerror or e}.", name)
            continue
        yield from read_input(name, data, order)


def read_input(name: str, data: bytes, order: int = 0) -> Iterator[Item]:
    """(name, order, position, Article or Failure) for each item of one file; never raises for bad input.

    ``order``: the file's place among the run's inputs.
    """
    stem, items = Path(name).stem, []
    try:
        for item in _read(name, data, stem):
            items.append(item)
    except InputError as e:  # the rest of the file is unreadable; the items before it stay
        items.append(Failure(stem, str(e), name))
    except Exception as e:  # noqa: BLE001 - a reader bug must not fail a whole Spark job
        items.append(Failure(stem, f"{name} could not be read ({type(e).__name__}: {e}); "
                                   "this is a bug in onrecord.", name))
    for position, item in enumerate(items):
        yield name, order, position, item


def _read(name: str, data: bytes, stem: str) -> Iterator[Article | Failure]:
    suffix = suffix_of(name)
    if suffix == ".jsonl":
        yield from iter_jsonl(io.BufferedReader(io.BytesIO(data)), name)  # buffered: it peeks for binary bytes
    elif suffix in (".warc", ".warc.gz"):
        yield from _read_warc(name, data)
    elif suffix == ".parquet":
        yield from _read_parquet(name, data, stem)
    else:
        yield _read_single(name, data, stem, suffix)


def _read_warc(name: str, data: bytes) -> Iterator[Article | Failure]:
    # warcio wants a seekable file; the bytes go to a temporary one, messages still name the input.
    with tempfile.NamedTemporaryFile(suffix=suffix_of(name)) as tmp:
        tmp.write(data)
        tmp.flush()
        yield from iter_warc(tmp.name, name)


def _read_parquet(name: str, data: bytes, stem: str) -> Iterator[Article | Failure]:
    """Each row is read as a JSONL line would be: columns id, text or html, url, title, published, outlet."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - pyarrow raises several types on bad files
        raise InputError(f"{name} is not a readable Parquet file ({type(e).__name__}: {e}).") from None
    if not table.num_rows:
        raise InputError(f"{name} has no rows: give a Parquet file with one article per row (id, text or html).")
    for number, row in enumerate(table.to_pylist(), 1):
        line = json.dumps(row, default=_jsonable).encode("utf-8")
        yield line_to_article(line, number, name, stem)  # "line N" is row N


def _jsonable(value: object) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def _read_single(name: str, data: bytes, stem: str, suffix: str) -> Article | Failure:
    """One article per file, as ``onrecord.ingest.read_file`` reads it."""
    try:
        if len(data) > MAX_BYTES:
            raise InputError(f"{name} is {len(data):,} bytes, more than the {MAX_BYTES:,} one article may have: "
                             "split it into articles (e.g. one JSONL line each).")
        return article_from_bytes(data, name, stem, suffix)
    except InputError as e:
        return Failure(stem, str(e), name)
