"""Fuzz the WARC reader: bytes of a .warc or .warc.gz file → an Article or a Failure per
record, or a clean InputError. (warcio finds gzip by itself, so one harness serves both.)

Run by `make fuzz`; seeds in fuzz/seeds/warc/ (made by fuzz/make_seeds.py).
"""
import os
import tempfile

import atheris

with atheris.instrument_imports(include=["onrecord", "warcio"]):
    import warcio.archiveiterator  # imported lazily by the reader: instrument it here
    from onrecord.ingest.warc import iter_warc

from harness import check_article, run

PATH = os.path.join(tempfile.mkdtemp(prefix="fuzz-warc-"), "fuzz.warc")  # the reader takes a path


def test_one_input(data: bytes) -> None:
    with open(PATH, "wb") as f:
        f.write(data)
    for item in iter_warc(PATH):
        check_article(item)


if __name__ == "__main__":
    run(test_one_input)
