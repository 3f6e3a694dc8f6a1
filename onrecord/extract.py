"""One article in, every attributed statement out: the pipeline's front door."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Literal

from .article import Article, to_article
from .models import Extraction, Quote, Span
from .nlp import doc_text, load_pipeline
from .errors import InputError
from .learned.pipeline import attributions_of
from .quotes import Tokens
from .speakers import resolve_speakers
from .statements import classify_statements

_LONG_RUN = re.compile(r"\S{200,}")
_SPACES = {0xA0: " ", 0x2007: " ", 0x2009: " ", 0x202F: " "}  # no-break, figure, thin, narrow no-break

# "model": quote marks by the rules, every other attribution by a fine-tuned three-layer MiniLM (the default);
# "encoder": the same with two six-layer MiniLMs averaged: a little more accurate, at about a third of the default's speed;
# "cnn": the same with a CNN tagger in the MiniLM's place: less accurate, one core;
# "rules": the rules alone, faster and more precise, but blind to most reported speech.
Method = Literal["model", "encoder", "cnn", "rules"]
METHODS: tuple[str, ...] = ("model", "encoder", "cnn", "rules")


def extract(text_or_html: str, doc_id: str | None = None, *, url: str | None = None, method: Method = "model") -> Extraction:
    """Find every quotation in one article (plain text or HTML) and resolve its speaker.

    Offsets refer to ``Extraction.text``: the input itself for plain text, the
    text trafilatura extracted for HTML.
    """
    return next(extract_articles([to_article(text_or_html, doc_id, url)], method=method))


def extract_articles(articles: Iterable[Article], batch_size: int = 8, method: Method = "model") -> Iterator[Extraction]:
    """Extract many articles, parsing them in batches with ``nlp.pipe``; yields in input order."""
    nlp = load_pipeline()
    tagger = tagger_for(method)
    pairs = ((parse_text((seen := visible(a.text))[0]), (a, seen)) for a in articles)
    for doc, (article, seen) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, article, tagger, seen)


def tagger_for(method: str):
    """The trained tagger for ``method`` "model", "encoder" or "cnn"; None for "rules" (the rules alone)."""
    if method not in METHODS:
        raise InputError(f"Unknown extraction method {method!r}: use one of {', '.join(METHODS)}.")
    if method == "rules":
        return None
    from .learned import load_cnn, load_encoder, load_tagger

    return {"model": load_tagger, "encoder": load_encoder, "cnn": load_cnn}[method]()


def parse_text(text: str) -> str:
    """The text the tokenizer sees: the article, with every whitespace-free run over 200
    characters (no English word is that long: markup, minified code, a wall of quote marks
    or emoji) read as letters with a space every 100. spaCy's tokenizer takes quadratic time
    on long runs of punctuation, and the parser time per token: 1 MB of quote marks, a
    million tokens, took minutes; as 10,000 long words it takes seconds. The length stays
    the same, so every offset still points into the article itself; marks inside such a
    run are not read as quotation marks. A no-break or thin space is read as a space: spaCy
    makes it a token of its own, which splits a name's compound ('A Kestrel Gazette report',
    typed with no-break spaces, was 'Gazette')."""
    text = text.translate(_SPACES)
    if not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: _filler(len(m.group())), text)


def _filler(length: int) -> str:
    return ("x" * 99 + " ") * (length // 100) + "x" * (length % 100)


def extract_doc(doc, article: Article, tagger=None, seen: tuple[str, list[int] | None] | None = None) -> Extraction:
    """Extract from an already parsed document (of ``parse_text(visible(article.text)[0])``, as
    ``extract_articles`` parses, or of ``parse_text(article.text)``): the rules, and the trained
    tagger's attributions when one is given (``onrecord.learned.load_tagger``). Offsets are into
    ``article.text`` either way. ``seen``: ``visible(article.text)``, where the caller has it."""
    text, kept = seen or visible(article.text)
    if len(doc_text(doc)) != len(text):  # parsed with its invisible characters
        text, kept = article.text, None
    toks = Tokens.from_doc(doc, text=text)
    quotes, entities = resolve_speakers(toks, doc, attributions_of(toks, doc, tagger))
    quotes = [replace(q, id=f"q{n}") for n, q in enumerate(quotes, 1)]
    quotes = classify_statements(doc, quotes, entities)  # types, targets, links (onrecord.statements)
    if kept is not None:
        quotes = [_restored(q, article.text, kept) for q in quotes]
    return Extraction(doc_id=article.doc_id, text=article.text, quotes=tuple(quotes), speakers=tuple(entities))


# Characters that show nothing inside a word: a soft hyphen, a zero-width space, a word joiner, a
# byte-order mark. Scraped text keeps them ('Oka\u00adfor'), and a name with one is another name.
_INVISIBLE_CHARS = "\u00ad\u200b\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")


def visible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters, and where each character left was in it (None where
    there were none)."""
    if not _INVISIBLE.search(text):
        return text, None
    kept = [i for i, c in enumerate(text) if c not in _INVISIBLE_CHARS]
    return "".join(text[i] for i in kept), kept


def _restored(q: Quote, text: str, kept: list[int]) -> Quote:
    """A statement found in the visible text, with its spans as offsets into ``text`` itself."""
    def back(span: Span | None) -> Span | None:
        if span is None:
            return None
        start = kept[span.start] if span.start < len(kept) else len(text)
        return Span.of(text, start, kept[span.end - 1] + 1 if span.end > span.start else start)

    return replace(q, content=tuple(back(s) for s in q.content), cue=back(q.cue), source=back(q.source))
