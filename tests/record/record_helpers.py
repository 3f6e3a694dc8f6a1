"""Fictional articles and extractions for the record tests (imported by name: conftest modules collide)."""
from __future__ import annotations

from pathlib import Path

from onrecord.article import Article
from onrecord.models import Entity, Extraction, Quote, Span, Speaker


def make_article(doc_id: str, text: str, quotes: list[tuple[str, str | None, str]], speakers: list[Entity],
                 published: str | None = None, outlet: str | None = None, url: str | None = None,
                 title: str | None = None) -> tuple[Article, Extraction]:
    """A fictional article and its extraction as the extractor reports it.

    ``quotes``: (words quoted, speaker id or None, kind); spans are found in ``text``.
    """
    by_id = {e.id: e for e in speakers}
    out = []
    for i, (words, sid, kind) in enumerate(quotes):
        start = text.index(words)
        e = by_id.get(sid) if sid else None
        speaker = Speaker(e.id, e.name, e.kind, e.roles[0] if e.roles else None) if e else None
        out.append(Quote(content=(Span.of(text, start, start + len(words)),), kind=kind, speaker=speaker,
                         confidence=0.9, id=f"q{i + 1}"))
    article = Article(text=text, doc_id=doc_id, title=title or doc_id.replace("-", " ").title(), url=url,
                      published=published, outlet=outlet)
    return article, Extraction(doc_id=doc_id, text=text, quotes=tuple(out), speakers=tuple(speakers))


CAST = [  # fictional people of a fictional town; surnames shared on purpose
    ("Delia Marsh", "Marsh", "the mayor of Port Avery", "she"),
    ("Tom Okafor", "Okafor", "the opposition leader on Port Avery council", "he"),
    ("Ruth Marsh", "Marsh", "a ferry captain", "she"),
    ("Idris Vane", "Vane", "the Port Avery harbour master", "he"),
]
TOPICS = ["bridge toll", "harbour wall", "ferry timetable", "clinic closure", "stadium vote", "river path"]
OUTLETS = ["Port Avery Post", "Harbour Herald", "Coastline Weekly"]


def write_corpus(folder: Path, n: int = 24) -> Path:
    """A small fictional corpus: a JSONL file of n articles, two text files and one unreadable file."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        name, surname, role, pronoun = CAST[i % len(CAST)]
        other, other_surname, other_role, _ = CAST[(i + 1) % len(CAST)]
        topic = TOPICS[i % len(TOPICS)]
        text = (f"{name}, {role}, said on Monday that the {topic} plan would go ahead in spring.\n\n"
                f"\"We have listened to everyone and we will not delay the {topic} any longer,\" {surname} said. "
                f"\"The town deserves better than another year of talk.\"\n\n"
                f"{other}, {other_role}, called the decision \"reckless and rushed\" in article {i}.\n\n"
                f"\"Nobody asked the people who live here about the {topic},\" {other_surname} told reporters.")
        lines.append(json.dumps({"id": f"story-{i:02d}", "text": text, "title": f"The {topic}, day {i}",
                                 "published": f"2024-05-{1 + i % 28:02d}", "outlet": OUTLETS[i % 3]}))
    (folder / "stories.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "letter.txt").write_text(
        "Idris Vane, the Port Avery harbour master, said the wall \"will hold this winter\".\n", encoding="utf-8")
    (folder / "notice.txt").write_text(
        "\"The ferry will run every hour from June,\" Ruth Marsh, a ferry captain, said.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    return folder
