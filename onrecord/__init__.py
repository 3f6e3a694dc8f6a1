"""onrecord: who said what, about whom, and what became of it."""
from __future__ import annotations

from .article import Article
from .errors import DataError, InputError, ModelNotFoundError, OnRecordError
from .extract import extract, extract_articles
from .models import Entity, Extraction, Quote, Speaker, Span
from .record import open_store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DataError",
    "Entity",
    "Extraction",
    "InputError",
    "ModelNotFoundError",
    "OnRecordError",
    "Quote",
    "Span",
    "Speaker",
    "extract",
    "extract_articles",
    "open_store",
]
