"""CSV and Parquet: the flattened event columns, written batch by batch.

Both go through Arrow, so the csv and parquet files of one store have the same columns in the
same order, and a parquet file keeps the store's types (DATE, INTEGER, DOUBLE, BOOLEAN).
"""

from __future__ import annotations

from typing import BinaryIO

from factions.export._flat import FLAT_SCHEMA, flat_batches
from factions.store import EventFilter, Store


def write_csv(store: Store, sink: BinaryIO, where: EventFilter | None = None) -> int:
    """RFC 4180 CSV with a header row: strings quoted, empty for null, dates ISO, true/false."""
    import pyarrow.csv as pa_csv

    count = 0
    with pa_csv.CSVWriter(sink, FLAT_SCHEMA) as writer:
        for batch in flat_batches(store, where):
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def write_parquet(store: Store, sink: BinaryIO, where: EventFilter | None = None) -> int:
    """Parquet with one row group per batch (zstd), readable by DuckDB, pandas, R arrow, Spark."""
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(sink, FLAT_SCHEMA, compression="zstd") as writer:
        for batch in flat_batches(store, where):
            writer.write_batch(batch)
            count += batch.num_rows
    return count
