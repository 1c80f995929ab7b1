"""RSS and Atom feed files: one document per entry, with its link, date and the feed's title."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from factions.errors import InputError
from factions.ingest._build import ReadOptions, make_document
from factions.ingest._html import fragment_text
from factions.ingest._records import MAX_JSON_BYTES
from factions.ingest._report import Report
from factions.ingest._sources import Source, read_limited
from factions.records import Document


def read_feed(source: Source, options: ReadOptions, report: Report) -> Iterator[Document]:
    import feedparser

    data = read_limited(source, MAX_JSON_BYTES)
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "unreadable XML")
            raise InputError(f"not a valid RSS/Atom feed: {reason[:120]}")
        raise InputError("feed has no entries")
    outlet = (parsed.get("feed") or {}).get("title")
    for index, entry in enumerate(entries):
        where = f"{source.name}#entry{index + 1}"
        body = _entry_body(entry)
        title = entry.get("title")
        text = f"{title}\n\n{body}" if title and body else body
        published = _entry_date(entry)
        doc = make_document(
            text,
            where,
            options,
            report,
            title=title,
            fallback_published=published,
            url=entry.get("link"),
            outlet=outlet,
            ext_id=entry.get("id"),
        )
        if doc is not None:
            yield doc


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    return fragment_text(html or "")


def _entry_date(entry: Any) -> Any:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
    return None
