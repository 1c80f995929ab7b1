"""A directory of Parquet parts with the store's tables, for corpora beyond one database file.

Layout: ``DIR/<table>/part-<hash>.parquet`` for the tables ``documents``, ``sentences``,
``mentions``, ``events`` and ``actors``, with the columns and types of the DuckDB store (taken
from its schema, so the two cannot drift). DuckDB, pandas, Polars and Spark read the
directories as they are.

The rules that make it safe to kill and re-run:

- A part holds whole documents: ``part-<hash>`` of every table holds the rows of the same
  documents, and ``<hash>`` comes from their sorted ids, so the same documents always make the
  same file name.
- Each file is written under a hidden temporary name and renamed into place; the
  ``documents`` file is renamed last and is what makes a part count. At start, temporary files
  and parts without their ``documents`` file (left by a killed run) are deleted.
- A document whose id is in any ``documents`` part is never written again: the ids already
  there are read at start, and the ids of this run are remembered. That memory is about 100
  bytes per document, the one thing here that grows with the corpus.
- One writer per directory at a time, as with a database file.

``actors`` repeats an actor in every part that mentions it: select distinct rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from factions.records import Actor, ProcessedDocument
from factions.store import Summary, connect, summarise
from factions.store._rows import (
    actor_rows,
    document_rows,
    event_rows,
    mention_rows,
    sentence_rows,
)

DEFAULT_PART_SIZE = 1000
#: The ``documents`` part goes last: its presence commits the others.
TABLES = ("sentences", "mentions", "events", "actors", "documents")
_Rows = Callable[[Sequence[ProcessedDocument], int], dict[str, list[Any]]]


def _actors(batch: Sequence[ProcessedDocument], run_id: int) -> dict[str, list[Any]]:
    unique: dict[str, Actor] = {a.actor_id: a for p in batch for a in p.actors}
    return actor_rows(list(unique.values()))


ROWS: dict[str, _Rows] = {
    "sentences": lambda batch, run_id: sentence_rows(batch),
    "mentions": lambda batch, run_id: mention_rows(batch),
    "events": lambda batch, run_id: event_rows(batch),
    "actors": _actors,
    "documents": document_rows,
}


class ParquetSink:
    """Processed documents as Parquet parts of about ``part_size`` documents each.

    Documents are buffered until a part is full (or the run ends), so a killed run loses at
    most the buffer, which a re-run parses again.
    """

    def __init__(self, directory: str | Path, *, part_size: int = DEFAULT_PART_SIZE) -> None:
        self.path = Path(directory)
        self.part_size = part_size
        self._ids: set[str] = set()
        self._buffer: list[ProcessedDocument] = []
        self._run_id = 0
        self._schemas: dict[str, Any] = {}

    # -- the Sink protocol --------------------------------------------------------------------

    def start_run(self, command: str, version: str) -> int:
        """Clean up after a killed run, learn the ids held, and number this run."""
        for table in TABLES:
            (self.path / table).mkdir(parents=True, exist_ok=True)
            for leftover in (self.path / table).glob(".part-*.tmp"):
                leftover.unlink()
        committed = {p.name for p in self._parts("documents")}
        for table in TABLES[:-1]:
            for part in self._parts(table):
                if part.name not in committed:
                    part.unlink()
        self._schemas = _store_schemas()
        self._ids, last_run = self._held()
        self._run_id = last_run + 1
        return self._run_id

    def known_ids(self, doc_ids: Sequence[str]) -> set[str]:
        return {d for d in doc_ids if d in self._ids}

    def write(self, batch: Sequence[ProcessedDocument], run_id: int = 0) -> int:
        """Buffer the new documents of ``batch``; a full buffer becomes a part on disk."""
        added = 0
        for processed in batch:
            doc_id = processed.document.doc_id
            if doc_id not in self._ids:
                self._ids.add(doc_id)
                self._buffer.append(processed)
                added += 1
        if len(self._buffer) >= self.part_size:
            self.flush(run_id)
        return added

    def finish_run(self, run_id: int, status: str, read: int, added: int, skipped: int) -> None:
        """Write what is buffered, whatever the status: those documents are complete."""
        self.flush(run_id)

    # -- parts --------------------------------------------------------------------------------

    def flush(self, run_id: int | None = None) -> None:
        """Write the buffered documents as one part of every table (an empty one too, so that
        every table always has a file for readers to find)."""
        if not self._buffer:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._schemas:
            self._schemas = _store_schemas()
        batch, self._buffer = self._buffer, []
        run = self._run_id if run_id is None else run_id
        name = part_name(p.document.doc_id for p in batch)
        for table in TABLES:
            rows = ROWS[table](batch, run)
            arrow = pa.Table.from_pydict(rows, schema=self._schemas[table])
            final = self.path / table / name
            temporary = final.with_name(f".{name}.tmp")
            pq.write_table(arrow, temporary)
            temporary.replace(final)

    def _parts(self, table: str) -> list[Path]:
        return sorted((self.path / table).glob("part-*.parquet"))

    def _held(self) -> tuple[set[str], int]:
        """The document ids in committed parts, and the highest run number among them."""
        if not self._parts("documents"):
            return set(), 0
        import duckdb

        with duckdb.connect() as con:
            source = f"read_parquet('{_glob(self.path, 'documents')}')"
            ids = {r[0] for r in con.execute(f"SELECT doc_id FROM {source}").fetchall()}
            row = con.execute(f"SELECT coalesce(max(run_id), 0) FROM {source}").fetchone()
        return ids, int(row[0]) if row else 0

    # -- reading ------------------------------------------------------------------------------

    def summary(self) -> Summary:
        """The same figures as :meth:`Store.summary`, read from the committed parts."""
        import duckdb

        if not self._parts("documents"):
            return Summary(0, 0, 0, 0, 0, 0, {})
        with duckdb.connect() as con:
            for table in TABLES:
                parts = _glob(self.path, table)
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{parts}')")
            return summarise(con)


def part_name(doc_ids: Any) -> str:
    """``part-<hash>.parquet``, the hash of the sorted document ids: same documents, same name."""
    digest = hashlib.sha256("\n".join(sorted(doc_ids)).encode("ascii")).hexdigest()
    return f"part-{digest[:20]}.parquet"


def _glob(directory: Path, table: str) -> str:
    return str(directory / table / "part-*.parquet").replace("'", "''")


def _store_schemas() -> dict[str, Any]:
    """The Arrow schema of each table, read off an empty in-memory store."""
    with connect(Path(":memory:"), read_only=False) as con:
        return {t: con.sql(f"SELECT * FROM {t} LIMIT 0").to_arrow_table().schema for t in TABLES}
