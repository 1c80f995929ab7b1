"""Record exports: JSONL (streamed line by line), JSON arrays or objects, CSV and TSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import Any

from factions.errors import InputError
from factions.ingest._build import ReadOptions, make_document, pick
from factions.ingest._decode import decode, looks_binary
from factions.ingest._report import Report
from factions.ingest._sources import Source, read_limited
from factions.records import Document

#: A JSON file is parsed whole; beyond this it should be JSONL, which streams.
MAX_JSON_BYTES = 1 << 30


def read_jsonl(source: Source, options: ReadOptions, report: Report) -> Iterator[Document]:
    """One JSON object per line; a bad line is skipped with its line number, the rest goes on."""
    line_cap = options.max_bytes * 2 + 4096
    with source.open() as stream:
        number = 0
        while True:
            raw = stream.readline(line_cap)
            if not raw:
                break
            number += 1
            where = f"{source.name}:{number}"
            if len(raw) >= line_cap and not raw.endswith(b"\n"):
                _discard_rest_of_line(stream)
                report.skip(where, "record is over the size limit (--max-bytes)")
                continue
            if not raw.strip():
                continue
            if number == 1 and looks_binary(raw):
                raise InputError("binary file, not JSON lines")
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                report.skip(where, f"malformed JSON: {_json_reason(exc)}")
                continue
            doc = record_to_document(record, where, options, report)
            if doc is not None:
                yield doc


def read_json(source: Source, options: ReadOptions, report: Report) -> Iterator[Document]:
    """A JSON array of records, a single record, or JSON lines under a .json name."""
    data = read_limited(source, MAX_JSON_BYTES)
    text = decode(data).text
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            # JSON lines saved as .json: read them as such, line by line.
            yield from _jsonl_from_text(text, source.name, options, report)
            return
        raise InputError(f"malformed JSON: {_json_reason(exc)}") from exc
    if isinstance(parsed, dict) and not _has_text(parsed, options):
        parsed = next((v for v in parsed.values() if isinstance(v, list)), [parsed])
    items = parsed if isinstance(parsed, list) else [parsed]
    for index, record in enumerate(items):
        doc = record_to_document(record, f"{source.name}[{index}]", options, report)
        if doc is not None:
            yield doc


def read_csv(source: Source, options: ReadOptions, report: Report) -> Iterator[Document]:
    """CSV (or TSV) with a header row; fields as in JSON records."""
    csv.field_size_limit(min(sys.maxsize, options.max_bytes * 2 + 4096))
    delimiter = "\t" if source.suffix == ".tsv" else ","
    with source.open() as stream:
        head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
        if looks_binary(head):
            raise InputError("binary file, not CSV")
        wrapper = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
        reader = csv.DictReader(wrapper, delimiter=delimiter)
        try:
            for record in reader:
                where = f"{source.name}:{reader.line_num}"
                if None in record:
                    report.skip(where, "more fields than the header names")
                    continue
                doc = record_to_document(dict(record), where, options, report)
                if doc is not None:
                    yield doc
        except csv.Error as exc:
            raise InputError(f"malformed CSV at line {reader.line_num}: {exc}") from exc


def record_to_document(
    record: Any, where: str, options: ReadOptions, report: Report
) -> Document | None:
    """A Document from one record, using the configured field names."""
    if not isinstance(record, dict):
        report.skip(where, f"not a JSON object but {type(record).__name__}")
        return None
    fields = options.fields
    text = pick(record, fields["text"])
    if text is None and (html := pick(record, fields["html"])) is not None:
        from factions.ingest._html import html_main_text

        text = html_main_text(str(html))[0]
    if text is None:
        looked = ", ".join(fields["text"][:4])
        report.skip(where, f"no text field (looked for {looked}, …; name yours with --field)")
        return None
    if not isinstance(text, str):
        report.skip(where, f"text field is {type(text).__name__}, not a string")
        return None
    return make_document(
        text,
        where,
        options,
        report,
        title=pick(record, fields["title"]),
        published=pick(record, fields["published"]),
        url=pick(record, fields["url"]),
        outlet=pick(record, fields["outlet"]),
        ext_id=pick(record, fields["id"]),
    )


def _jsonl_from_text(
    text: str, name: str, options: ReadOptions, report: Report
) -> Iterator[Document]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            report.skip(where, f"malformed JSON: {_json_reason(exc)}")
            continue
        doc = record_to_document(record, where, options, report)
        if doc is not None:
            yield doc


def _has_text(record: dict[str, Any], options: ReadOptions) -> bool:
    return pick(record, options.fields["text"]) is not None or (
        pick(record, options.fields["html"]) is not None
    )


def _discard_rest_of_line(stream: Any) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (column {exc.colno})"
    return "not UTF-8"
