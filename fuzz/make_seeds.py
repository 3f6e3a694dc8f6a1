"""Write the fuzzers' seed inputs into fuzz/seeds/ (our own fictional story, no real news).

    .venv/bin/python fuzz/make_seeds.py

The seeds are committed; rerun this only to change them.
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SEEDS = Path(__file__).parent / "seeds"
STORY = ('"We will keep the ferry running through the winter," harbour master Ines Carvalho said.\n\n'
         "Councillor Tom Reyes disagreed. \u201cIt costs too much,\u201d he told reporters, adding that the "
         "budget \u2018was never meant for boats\u2019.")
PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ferry to run all winter</title>"
        "<meta property='og:site_name' content='Kestrel Bay Courier'></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Ferry to run all winter</h1><time datetime='2024-01-05'>5 Jan 2024</time>"
        + "".join(f"<p>{p}</p>" for p in STORY.split("\n\n")) + "</article></body></html>")


def warc(page: bytes, *, compress: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/ferry", "response",
                                                  payload=io.BytesIO(page), http_headers=headers))
    writer.write_record(writer.create_warc_record("https://example.org/robots.txt", "request",
                                                  payload=io.BytesIO(b"GET /robots.txt HTTP/1.1\r\n\r\n")))
    return out.getvalue()


def main() -> None:
    seeds = {
        "html/page.html": PAGE.encode(),
        "html/latin1.html": PAGE.replace("utf-8", "latin-1").encode("latin-1", "replace"),
        "html/no-body.html": b"<html><head><title>Only a title</title></head></html>",
        "jsonl/mixed.jsonl": "\n".join([
            json.dumps({"id": "a1", "text": STORY, "title": "Ferry", "published": "2024-01-05"}),
            json.dumps({"id": "a2", "html": PAGE, "url": "https://example.org/ferry"}),
            '{"id": "broken", "text": "unterminated',
            json.dumps([1, 2]),
            json.dumps({"id": 3, "title": "no body"}),
        ]).encode() + b"\n",
        "warc/two-records.warc": warc(PAGE.encode(), compress=False),
        "warc/two-records.warc.gz": warc(PAGE.encode(), compress=True),
        "extract/story.txt": STORY.encode(),
        "extract/page.html": PAGE.encode(),
        "extract/marks.txt": "\u201c\u201d\u2018\u2019\"'\u00ab\u00bb \u201c said \u200f\u200d\u0301 \U0001F600".encode(),
    }
    for name, data in seeds.items():
        path = SEEDS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (SEEDS / "warc" / "text.txt.gz").write_bytes(gzip.compress(STORY.encode(), mtime=0))


if __name__ == "__main__":
    main()
