"""Plain-text articles: the first line may be a title; a date in the file name is the record's."""

from __future__ import annotations

from collections.abc import Iterator

from factions.ingest._build import ReadOptions, make_document
from factions.ingest._dates import date_from_filename
from factions.ingest._decode import decode
from factions.ingest._report import Report
from factions.ingest._sources import Source, read_limited
from factions.records import Document

_TITLE_MAX = 200


def read_text(source: Source, options: ReadOptions, report: Report) -> Iterator[Document]:
    decoded = decode(read_limited(source, options.max_bytes))
    if decoded.replaced:
        report.warn(source.name, f"{decoded.replaced} undecodable bytes replaced by U+FFFD")
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    doc = make_document(
        text,
        source.name,
        options,
        report,
        title=guess_title(text),
        fallback_published=date_from_filename(source.path.name),
    )
    if doc is not None:
        yield doc


def guess_title(text: str) -> str | None:
    """The first line, when it stands alone above a blank line and reads like a headline."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not sep or not first or len(first) > _TITLE_MAX:
        return None
    if not rest.startswith("\n") and rest.strip():
        return None
    if first.endswith((".", ",", ";", ":")) and not first.endswith("..."):
        return None
    return first
