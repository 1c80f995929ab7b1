"""The checks every reader shares before a record becomes a Document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from factions.ingest._dates import parse_published
from factions.ingest._report import Report
from factions.records import Document

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

#: Field names looked for in JSON/CSV records, in order. Users put their own first with --field.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "maintext", "story"),
    "html": ("html", "raw_html", "content_html"),
    "title": ("title", "headline"),
    "published": (
        "published",
        "date",
        "pubdate",
        "published_at",
        "publish_date",
        "date_publish",
        "datetime",
        "timestamp",
    ),
    "url": ("url", "link", "source_url", "uri"),
    "outlet": ("outlet", "source", "publisher", "site", "sitename", "domain"),
    "id": ("id", "_id", "doc_id", "guid", "uid", "article_id"),
}


@dataclass(frozen=True)
class ReadOptions:
    """How to read: the size limit, a fallback publication date, and record field names."""

    max_bytes: int = DEFAULT_MAX_BYTES
    published: date | None = None
    fields: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_FIELDS))

    def with_fields(self, overrides: dict[str, str]) -> ReadOptions:
        """Options where the user's field names are tried before the defaults."""
        merged = dict(self.fields)
        for role, name in overrides.items():
            merged[role] = (name, *[n for n in merged.get(role, ()) if n != name])
        return ReadOptions(self.max_bytes, self.published, merged)


def pick(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The first non-empty value among ``names`` (case-insensitive keys)."""
    lowered = None
    for name in names:
        if name in record and record[name] not in (None, ""):
            return record[name]
        if lowered is None:
            lowered = {str(k).lower(): v for k, v in record.items()}
        value = lowered.get(name.lower())
        if value not in (None, ""):
            return value
    return None


def make_document(
    text: str,
    where: str,
    options: ReadOptions,
    report: Report,
    *,
    title: str | None = None,
    published: Any = None,
    fallback_published: date | None = None,
    url: Any = None,
    outlet: Any = None,
    ext_id: Any = None,
) -> Document | None:
    """A Document, or None after reporting why the record was skipped."""
    if not text or not text.strip():
        report.skip(where, "empty text")
        return None
    size = len(text.encode("utf-8"))
    if size > options.max_bytes:
        report.skip(where, f"text of {size} bytes is over the size limit (--max-bytes)")
        return None
    day = parse_published(published)
    if day is None and published not in (None, ""):
        report.warn(where, f"unreadable publication date {str(published)[:40]!r}")
    day = day or fallback_published or options.published
    if day is None:
        report.warn(where, "no publication date: stored with published = null (see --published)")
    return Document(
        text=text,
        source=where,
        title=_clean(title),
        published=day,
        url=_clean(url),
        outlet=_clean(outlet),
        ext_id=_clean(ext_id),
    )


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
