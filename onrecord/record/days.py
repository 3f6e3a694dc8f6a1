"""Publication days: how the record dates a statement and orders search results.

Articles keep ``published`` as their source gave it; each statement stores the day
alone (``YYYY-MM-DD``), so that date filters and "newest first" mean the same on
both backends, and so that SQLite's search index can keep statements in that order
(``day_key``): FTS5 returns rows in rowid order, so a rowid made of the day and the
statement id lets a query stop at the first page instead of sorting every match.
"""
from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_SLASH_DAY = re.compile(r"\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
# SQLite's julianday() of a day's midnight, truncated, is its proleptic ordinal plus this.
JULIAN_OFFSET = 1_721_424
ID_BITS = 32
ID_MASK = (1 << ID_BITS) - 1


def publication_day(published: str | None) -> str | None:
    """The day (``YYYY-MM-DD``) a ``published`` value names, or None when it names none.

    Reads ISO 8601 (``2024-01-05``, ``2024-01-05T10:00:00Z``), ``2024/1/5`` and the RFC 2822
    dates of HTTP and WARC headers (``Fri, 05 Jan 2024 10:00:00 GMT``).
    """
    if not published:
        return None
    for pattern in (_ISO_DAY, _SLASH_DAY):
        found = pattern.match(published)
        if found:
            try:
                return date(*(int(g) for g in found.groups())).isoformat()
            except ValueError:
                return None
    try:
        return parsedate_to_datetime(published).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def day_number(day: date | str | None) -> int:
    """SQLite's ``CAST(julianday(day) AS INTEGER)``; 0 for an undated statement (sorts last)."""
    if day is None:
        return 0
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return day.toordinal() + JULIAN_OFFSET


def day_key(day: date | str | None, quote_id: int) -> int:
    """The search index's rowid for a statement: newest first is descending key order."""
    return (day_number(day) << ID_BITS) | quote_id
