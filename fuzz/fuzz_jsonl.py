"""Fuzz the JSONL reader: bytes of a .jsonl file → an Article or a Failure per line, or a
clean InputError for a file that cannot be read at all.

Run by `make fuzz`; seeds in fuzz/seeds/jsonl/.
"""
import io

import atheris

with atheris.instrument_imports(include=["onrecord", "trafilatura"]):
    import trafilatura  # imported lazily by the reader: instrument it here
    from onrecord.ingest.jsonl import iter_jsonl

from harness import check_article, run


def test_one_input(data: bytes) -> None:
    for item in iter_jsonl(io.BufferedReader(io.BytesIO(data)), "fuzz.jsonl"):
        check_article(item)


if __name__ == "__main__":
    run(test_one_input)
