"""Extracting a stream of articles, in order, in one process or over a process pool.

``extract_stream`` reads its input lazily and keeps only a few chunks in flight, so
memory stays constant however long the stream is. Each worker loads the spaCy
pipeline once (the pool initializer) and parses whole chunks with
``extract_articles``. It yields results and prints nothing; progress goes to a callback.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

from .article import Article, Failure
from .errors import ModelNotFoundError, OnRecordError
from .extract import Method, extract_articles
from .models import Extraction
from .pool import chunked, ordered_map

Item = Article | Failure
Result = Extraction | Failure
CHUNK_SIZE = 16  # articles per task: enough to amortise pickling and feed nlp.pipe's batches


def extract_stream(
    items: Iterable[Item],
    *,
    processes: int = 1,
    chunk_size: int = CHUNK_SIZE,
    progress: Callable[[int], None] | None = None,
    method: Method = "model",
) -> Iterator[Result]:
    """Yield an ``Extraction`` for each ``Article`` and pass each ``Failure`` through, in input order.

    ``progress(n)`` is called with the number of results yielded so far after each chunk.
    An article whose extraction fails becomes a ``Failure``; the stream goes on.
    """
    if processes < 1:
        raise OnRecordError(f"processes must be 1 or more, not {processes}.")
    broken = OnRecordError("a worker process died (out of memory?): try fewer --processes; "
                           "the results written so far are complete up to the last one.")
    results = ordered_map(partial(extract_chunk, method=method), chunked(items, chunk_size), processes, broken=broken)
    done = 0
    for chunk_results in results:
        yield from chunk_results
        done += len(chunk_results)
        if progress:
            progress(done)


def extract_chunk(chunk: list[Item], method: Method = "model") -> list[Result]:
    """Extract the articles of one chunk together; failures stay in their place."""
    articles = [item for item in chunk if isinstance(item, Article)]
    try:
        extracted: Iterator[Result] = iter(list(extract_articles(articles, method=method)))
    except ModelNotFoundError:
        raise
    except Exception:  # one article broke the batch: redo them one by one to isolate it
        extracted = iter([_extract_one(article, method) for article in articles])
    return [item if isinstance(item, Failure) else next(extracted) for item in chunk]


def _extract_one(article: Article, method: Method) -> Result:
    where = article.source or article.doc_id
    try:
        return next(extract_articles([article], method=method))
    except ModelNotFoundError:
        raise
    except OnRecordError as e:
        return Failure(article.doc_id, f"{where}: {e}", article.source)
    except Exception as e:  # a bug in the rules must not stop a corpus run; say so plainly
        message = f"{where}: extraction failed ({type(e).__name__}: {e}); this is a bug in onrecord, please report it."
        return Failure(article.doc_id, message, article.source)


