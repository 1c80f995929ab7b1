"""Publication dates from the many shapes records carry them in. Never a guess, never today."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: Any) -> date | None:
    """A date from a record's field: ISO 8601, RFC 2822, epoch seconds, or written dates.

    Returns None when the value does not name a day unambiguously; the caller warns.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return _from_epoch(float(text) / (1000 if len(text) == 13 else 1))
    m = _ISO_PREFIX.match(text)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser_day(text)


def date_from_filename(name: str) -> date | None:
    """A YYYY-MM-DD in a file name, as news archives name their files."""
    for m in _FILENAME_DATE.finditer(name):
        found = _valid(int(m[1]), int(m[2]), int(m[3]))
        if found:
            return found
    return None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_epoch(seconds: float) -> date | None:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


@lru_cache(maxsize=4096)
def _dateparser_day(text: str) -> date | None:
    """Written dates ("October 5, 2015", "5 Oct 2015"); imported lazily, it is slow to load."""
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None
