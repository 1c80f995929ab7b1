"""The DuckDB store: idempotent, transactional writes of processed documents, and reads.

The reads that serve one consumer live beside it in a mixin of their own: ``_network``
(the graph), ``_pages`` (the web app), ``_exports`` (exports).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from factions.records import Actor, Event, ProcessedDocument
from factions.store._base import DEFAULT_DB, EventFilter, _event_filter_sql
from factions.store._exports import ExportReads
from factions.store._network import NetworkReads
from factions.store._pages import PageReads
from factions.store._rows import (
    EVENT_COLUMNS,
    actor_rows,
    document_rows,
    event_from_row,
    event_rows,
    mention_rows,
    sentence_rows,
)

__all__ = ["DEFAULT_DB", "EventFilter", "Store", "Summary", "summarise"]


@dataclass(frozen=True, slots=True)
class Summary:
    """What a database holds, in the figures the ingest summary prints."""

    documents: int
    undated_documents: int
    sentences: int
    mentions: int
    actors: int
    events: int
    events_by_type: dict[str, int]


class Store(NetworkReads, PageReads, ExportReads):
    """A factions database in one DuckDB file.

    Every write is one transaction holding whole documents: a document is in the store with all
    its sentences, mentions and events, or not at all, whatever happens to the process. A
    document whose id is already stored is left alone, so ingesting twice adds nothing and a
    re-run after a crash completes the work.
    """

    # -- writing ------------------------------------------------------------------------------

    def initialise(self) -> None:
        """Create the file and schema (or migrate an older one)."""
        with self._writer():
            pass

    def start_run(self, command: str, version: str) -> int:
        with self._writer() as con:
            row = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            run_id = int(row[0])
            con.execute(
                "INSERT INTO runs (run_id, started_at, status, command, factions_version)"
                " VALUES (?, now(), 'running', ?, ?)",
                [run_id, command, version],
            )
        return run_id

    def finish_run(self, run_id: int, status: str, read: int, added: int, skipped: int) -> None:
        with self._writer() as con:
            con.execute(
                "UPDATE runs SET finished_at = now(), status = ?, documents_read = ?,"
                " documents_added = ?, skipped = ? WHERE run_id = ?",
                [status, read, added, skipped, run_id],
            )

    def known_ids(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of ``doc_ids`` are stored already (so they need no parsing)."""
        if not doc_ids or not self.path.exists():
            return set()
        with self._writer() as con:
            return _existing(con, doc_ids)

    def write(self, batch: Sequence[ProcessedDocument], run_id: int = 0) -> int:
        """Store the new documents of ``batch`` atomically; returns how many were new."""
        if not batch:
            return 0
        with self._writer() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                stored = _existing(con, [p.document.doc_id for p in batch])
                fresh: dict[str, ProcessedDocument] = {}
                for processed in batch:
                    doc_id = processed.document.doc_id
                    if doc_id not in stored and doc_id not in fresh:
                        fresh[doc_id] = processed
                new = list(fresh.values())
                if new:
                    _insert(con, "documents", document_rows(new, run_id))
                    _insert(con, "sentences", sentence_rows(new))
                    _insert(con, "mentions", mention_rows(new))
                    _insert(con, "events", event_rows(new))
                    actors = {a.actor_id: a for p in new for a in p.actors}
                    _insert(con, "actors", actor_rows(list(actors.values())), ignore=True)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return len(new)

    # -- reading ------------------------------------------------------------------------------

    def summary(self) -> Summary:
        with self._reader() as con:
            return summarise(con)

    def document_ids(self) -> list[str]:
        with self._reader() as con:
            return [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall()]

    def events(self, where: EventFilter | None = None, batch: int = 2048) -> Iterator[Event]:
        """Stored events in document order, streamed."""
        clauses, params = _event_filter_sql(where or EventFilter())
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        sql = (
            f"SELECT {cols}, s.text AS sentence_text, coalesce(d.ext_id, d.url) AS doc_ref"
            " FROM events e JOIN documents d USING (doc_id)"
            " LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx"
            f" {clauses} ORDER BY d.published NULLS LAST, e.doc_id, e.span_start, e.event_id"
        )
        with self._reader() as con:
            cursor = con.execute(sql, params)
            names = [d[0] for d in cursor.description]
            while rows := cursor.fetchmany(batch):
                for values in rows:
                    row = dict(zip(names, values, strict=True))
                    yield event_from_row(row, row["sentence_text"] or "", row["doc_ref"])

    def actors(self) -> list[tuple[Actor, int]]:
        """Actors that were mentioned, with their mention counts, most mentioned first."""
        with self._reader() as con:
            rows = con.execute(
                "SELECT a.actor_id, a.name, a.kind, a.code, a.country, a.parents, a.known,"
                " count(m.actor_id) AS n FROM actors a JOIN mentions m USING (actor_id)"
                " GROUP BY ALL ORDER BY n DESC, a.name"
            ).fetchall()
        return [
            (Actor(r[0], r[1], r[2], r[3], r[4], tuple(r[5] or ()), bool(r[6])), int(r[7]))
            for r in rows
        ]


def summarise(con: Any) -> Summary:
    """The figures of a database, from a connection that sees its tables (a store file, or
    views over Parquet parts). Events of photo captions are left out of the counts."""

    def count(sql: str) -> int:
        row = con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    by_type = dict(
        con.execute(
            "SELECT coalesce(plover, '(none)'), count(*) FROM events"
            " WHERE NOT negated AND NOT coalesce(caption, false)"
            " GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
    )
    return Summary(
        documents=count("SELECT count(*) FROM documents"),
        undated_documents=count("SELECT count(*) FROM documents WHERE published IS NULL"),
        sentences=count("SELECT count(*) FROM sentences"),
        mentions=count("SELECT count(*) FROM mentions"),
        actors=count("SELECT count(DISTINCT actor_id) FROM mentions"),
        events=count("SELECT count(*) FROM events WHERE NOT coalesce(caption, false)"),
        events_by_type=by_type,
    )


def _existing(con: Any, doc_ids: Sequence[str]) -> set[str]:
    rows = con.execute(
        "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(doc_ids)],
    ).fetchall()
    return {r[0] for r in rows}


def _insert(con: Any, table: str, columns: dict[str, list[Any]], *, ignore: bool = False) -> None:
    import pyarrow as pa

    first = next(iter(columns.values()))
    if not first:
        return
    arrow = pa.table(columns)
    con.register("_factions_batch", arrow)
    try:
        verb = "INSERT OR IGNORE INTO" if ignore else "INSERT INTO"
        con.execute(f"{verb} {table} BY NAME SELECT * FROM _factions_batch")
    finally:
        con.unregister("_factions_batch")
