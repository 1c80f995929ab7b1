"""Reading articles from files, directories, .gz archives and stdin into typed Documents.

Every reader yields :class:`~factions.records.Document` and reports what it could not read to a
:class:`Report`; a bad file or record never stops the batch.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from factions.errors import InputError
from factions.ingest._build import DEFAULT_FIELDS, DEFAULT_MAX_BYTES, ReadOptions
from factions.ingest._feed import read_feed
from factions.ingest._html import read_html
from factions.ingest._records import read_csv, read_json, read_jsonl
from factions.ingest._report import Report
from factions.ingest._sources import EXTENSIONS, Source, describe_os_error, find_sources
from factions.ingest._text import read_text
from factions.records import Document

__all__ = [
    "DEFAULT_FIELDS",
    "DEFAULT_MAX_BYTES",
    "ReadOptions",
    "Report",
    "read_documents",
]

Reader = Callable[[Source, ReadOptions, Report], Iterator[Document]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "tsv": read_csv,
    "feed": read_feed,
}


def read_documents(
    paths: list[str],
    options: ReadOptions | None = None,
    report: Report | None = None,
    exclude: frozenset[Path] = frozenset(),
) -> Iterator[Document]:
    """Lazily read every document under ``paths`` (files, directories, ``-`` for stdin).

    Files in ``exclude`` (the database being written, its WAL) are passed over in directories.
    """
    options = options or ReadOptions()
    report = report if report is not None else Report()
    for source in find_sources(paths, report, exclude):
        try:
            fmt = detect_format(source)
            yield from READERS[fmt](source, options, report)
        except InputError as exc:
            report.skip(source.name, str(exc))
        except (OSError, EOFError, zlib.error) as exc:
            # A stream that breaks part way (truncated gzip, I/O error): what was read stays.
            report.skip(source.name, describe_os_error(exc))


def detect_format(source: Source) -> str:
    """The format from the file extension, else from the first bytes."""
    known = EXTENSIONS.get(source.suffix)
    if known:
        return known
    with source.open() as stream:
        head = stream.peek(2048)[:2048] if hasattr(stream, "peek") else b""
    return sniff_format(head)


def sniff_format(head: bytes) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    lowered = start.lower()
    if start.startswith(b"<"):
        if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
            return "feed"
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    return "text"
