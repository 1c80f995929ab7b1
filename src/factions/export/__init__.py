"""Exports that load unchanged where users take factions' output: DuckDB, pandas, R, Gephi,
and the pipelines they built for GDELT, ICEWS and POLECAT data.

Every writer streams: events go from the store to the file one batch at a time, so exporting
millions of events needs no more memory than exporting a thousand::

    from factions.export import write_events, write_event_exports
    with open("events.parquet", "wb") as sink:
        write_events(store, "parquet", sink, EventFilter(since=date(2015, 1, 1)))

The mapping of each format is in docs/exports.md.
"""

from __future__ import annotations

from typing import BinaryIO

from factions.export._bundle import export_all, output_sink, write_event_exports, write_readme
from factions.export._codes import ActorCode, ExportDataError, read_actor_code
from factions.export._flat import FLAT_SCHEMA, ExportRow, export_rows, flat_batches
from factions.export._gdelt import GDELT_COLUMNS, gdelt_row, global_event_id, write_cameo_tsv
from factions.export._jsonl import write_jsonl
from factions.export._plover import plover_record, write_plover
from factions.export._tabular import write_csv, write_parquet
from factions.store import EventFilter, Store

EVENT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "cameo-tsv", "plover-json")


def write_events(
    store: Store,
    fmt: str,
    sink: BinaryIO,
    where: EventFilter | None = None,
    *,
    header: bool = False,
) -> int:
    """Write the events ``where`` selects in format ``fmt``; returns how many were written.

    ``header`` adds a header row to cameo-tsv (GDELT ships none); csv always has one.
    """
    if fmt == "cameo-tsv":
        return write_cameo_tsv(store, sink, where, header=header)
    writers = {
        "jsonl": write_jsonl,
        "csv": write_csv,
        "parquet": write_parquet,
        "plover-json": write_plover,
    }
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {EVENT_FORMATS}")
    return writers[fmt](store, sink, where)


__all__ = [
    "EVENT_FORMATS",
    "FLAT_SCHEMA",
    "GDELT_COLUMNS",
    "ActorCode",
    "ExportDataError",
    "ExportRow",
    "export_all",
    "export_rows",
    "flat_batches",
    "gdelt_row",
    "global_event_id",
    "output_sink",
    "plover_record",
    "read_actor_code",
    "write_cameo_tsv",
    "write_csv",
    "write_event_exports",
    "write_events",
    "write_jsonl",
    "write_parquet",
    "write_plover",
    "write_readme",
]
