"""Fuzz the HTML reader: bytes of an .html file → an Article, or a clean InputError.

Run by `make fuzz` (see there for the options); seeds in fuzz/seeds/html/.
"""
import atheris

with atheris.instrument_imports(include=["onrecord", "trafilatura", "htmldate", "courlan", "justext"]):
    import trafilatura  # imported lazily by the reader: instrument it here
    from onrecord.ingest.files import article_from_bytes

from harness import check_article, run


def test_one_input(data: bytes) -> None:
    check_article(article_from_bytes(data, "fuzz.html", "fuzz", ".html"))


if __name__ == "__main__":
    run(test_one_input)
