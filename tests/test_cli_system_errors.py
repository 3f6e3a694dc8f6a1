"""What the system refuses (a full disk, an argument in another encoding, a number too large for
the record, a damaged Parquet file) reaches the user of the real `onrecord` command as one line and
exit code 1, never a traceback (`finish` fails on any), and nothing stored is lost."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_bad_inputs import good_record, onrecord, record, snapshot  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("args, said", [
    (["people", "list", "-n", "99999999999999999999"], "a number is out of range"),
    (["search", "jury", "--page", "4611686018427387904"], "a number is out of range"),
    (["who", "Jos\udce9"], "an argument is not valid UTF-8"),  # the byte 0xe9 of Latin-1 'José'
    (["search", "jury", "--outlet", "Jos\udce9"], "an argument is not valid UTF-8"),
])
def test_record_commands_refuse_in_one_line(record: Path, args: list[str], said: str) -> None:
    before = snapshot(record)
    run = onrecord(*args, "--db", str(record))
    assert run.code == 1 and said in run.err and len(run.err.strip().splitlines()) == 1, run.err
    assert snapshot(record) == before


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux) to stand for a full disk")
def test_a_full_disk_is_named(tmp_path: Path) -> None:
    run = onrecord("extract", "--jsonl", str(ROOT / "demo" / "batch.jsonl"), "-o", "/dev/full")
    assert run.code == 1 and "no space left on the device" in run.err, run.err


def test_load_of_a_damaged_parquet_file_names_it(record: Path, tmp_path: Path) -> None:
    before = snapshot(record)
    for table in ("articles", "statements"):
        (tmp_path / "run" / table).mkdir(parents=True)
        (tmp_path / "run" / table / "part-0.parquet").write_bytes(b"not parquet at all\n")
    run = onrecord("load", str(tmp_path / "run"), "--db", str(record))
    assert run.code == 1 and "a Parquet file could not be read" in run.err and "part-0.parquet" in run.err
    assert snapshot(record) == before
