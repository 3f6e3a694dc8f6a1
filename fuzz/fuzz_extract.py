"""Fuzz extraction, the library's front door: any Unicode text (plain or HTML-looking) →
an Extraction whose spans are slices of its text and do not overlap within a statement,
or a clean InputError.

Run by `make fuzz`; seeds in fuzz/seeds/extract/. Each run loads spaCy once; an input
takes milliseconds, so expect hundreds, not millions, of executions a minute.
"""
import atheris

with atheris.instrument_imports(include=["onrecord"]):
    import onrecord

from harness import check_extraction, run


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(len(data))
    check_extraction(onrecord.extract(text))


if __name__ == "__main__":
    onrecord.extract("Warm up: load the pipeline before fuzzing starts.")
    run(test_one_input)
