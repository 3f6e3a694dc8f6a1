"""onrecord's exceptions: one base class, a few precise subclasses.

Messages name the input and say what to do; shells (CLI, web) translate them.
"""
from __future__ import annotations


class OnRecordError(Exception):
    """Base class of every error onrecord raises on purpose."""


class InputError(OnRecordError, ValueError):
    """The input could not be read as an article (empty, binary, wrong encoding, malformed)."""


class ModelNotFoundError(OnRecordError):
    """No usable spaCy English model is installed."""


class DataError(OnRecordError):
    """A gold or prediction file for evaluation is missing or malformed."""
