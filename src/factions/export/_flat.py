"""The event record flattened into columns, shared by the csv and parquet exports.

Column names are stable (users' scripts select them by name): the keys of DESIGN.md's event
record, nested objects joined with ``_`` (``source.code`` → ``source_code``, ``span`` →
``span_start``/``span_end``), then the document's own id, URL and publication date. Types
are the store's: dates are DATE, counts INTEGER, scores DOUBLE, flags BOOLEAN.

``ExportRow`` is the same row with what GDELT and PLOVER need besides, as a typed record for
the exporters that work row by row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

import pyarrow as pa

from factions.store import EventFilter, Store

_TEXT = pa.string()

FLAT_SCHEMA = pa.schema(
    [
        ("event_id", _TEXT),
        ("doc_id", _TEXT),
        ("doc_ref", _TEXT),
        ("sentence", _TEXT),
        ("span_start", pa.int32()),
        ("span_end", pa.int32()),
        ("trigger", _TEXT),
        ("source_id", _TEXT),
        ("source_name", _TEXT),
        ("source_mention", _TEXT),
        ("source_kind", _TEXT),
        ("source_code", _TEXT),
        ("target_id", _TEXT),
        ("target_name", _TEXT),
        ("target_mention", _TEXT),
        ("target_kind", _TEXT),
        ("target_code", _TEXT),
        ("plover", _TEXT),
        ("plover_mode", _TEXT),
        ("cameo", _TEXT),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("negated", pa.bool_()),
        ("modality", _TEXT),
        ("attribution_name", _TEXT),
        ("attribution_kind", _TEXT),
        ("attribution_mention", _TEXT),
        ("date", pa.date32()),
        ("date_end", pa.date32()),
        ("date_precision", _TEXT),
        ("place_name", _TEXT),
        ("place_country", _TEXT),
        ("place_lat", pa.float64()),
        ("place_lon", pa.float64()),
        ("place_precision", _TEXT),
        ("caption", pa.bool_()),
        ("confidence", pa.float64()),
        ("doc_ext_id", _TEXT),
        ("doc_url", _TEXT),
        ("doc_published", pa.date32()),
    ]
)
"""The csv and parquet columns, in order."""


def flat_batches(store: Store, where: EventFilter | None = None) -> Iterator[pa.RecordBatch]:
    """The store's events as record batches of ``FLAT_SCHEMA``, streamed."""
    for batch in store.event_batches(where):
        columns = [batch.column(f.name).cast(f.type) for f in FLAT_SCHEMA]
        yield pa.RecordBatch.from_arrays(columns, schema=FLAT_SCHEMA)


class ExportRow(NamedTuple):
    """One stored event with its document and actors: what the GDELT and PLOVER rows are made of.

    Field names are the column names of ``Store.event_batches``. A named tuple, not a frozen
    dataclass: a million of them are built per million events, and tuples build fastest.
    """

    event_id: str
    doc_id: str
    sent_idx: int
    span_start: int
    span_end: int
    trigger: str
    source_id: str | None
    source_name: str | None
    source_mention: str | None
    source_kind: str | None
    source_code: str | None
    source_country: str | None
    target_id: str | None
    target_name: str | None
    target_mention: str | None
    target_kind: str | None
    target_code: str | None
    target_country: str | None
    plover: str | None
    plover_mode: str | None
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    negated: bool
    modality: str | None
    date: dt.date | None
    date_end: dt.date | None
    place_name: str | None
    place_country: str | None
    place_lat: float | None
    place_lon: float | None
    place_precision: str | None
    caption: bool
    confidence: float
    sentence: str | None
    lead: bool
    doc_ext_id: str | None
    doc_url: str | None
    doc_published: dt.date | None
    doc_title: str | None
    doc_outlet: str | None
    doc_ingested_at: dt.datetime | None

    @property
    def when(self) -> dt.date | None:
        """The event's date, else its document's publication date."""
        return self.date or self.doc_published


ROW_FIELDS = ExportRow._fields


def export_rows(store: Store, where: EventFilter | None = None) -> Iterator[ExportRow]:
    """The store's events as typed rows, streamed in small batches (Python objects are big)."""
    for batch in store.event_batches(where, rows=4096):
        columns: list[list[Any]] = [batch.column(name).to_pylist() for name in ROW_FIELDS]
        yield from map(ExportRow._make, zip(*columns, strict=True))
