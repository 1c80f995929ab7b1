"""Streaming reads for exports: events with their documents, in Arrow batches, flat memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from factions.records import Event
from factions.store._base import EventFilter, StoreBase, _event_filter_sql
from factions.store._rows import EVENT_COLUMNS, event_from_row


class ExportReads(StoreBase):
    """What ``factions.export`` reads."""

    def event_batches(
        self, where: EventFilter | None = None, rows: int = 50_000, chunk_events: int = 100_000
    ) -> Iterator[Any]:
        """Events joined with their sentence, document and actors, as Arrow record batches.

        For exports of any size: documents are taken in order a few at a time (about
        ``chunk_events`` events), and DuckDB joins and sorts only theirs, with one thread and
        a fixed memory budget, so a million events cost no more memory than a thousand. Same
        filters and order as ``events``. Besides the events columns (the sentence text is
        ``sentence``) each row carries ``doc_ref``, ``doc_ext_id``, ``doc_url``,
        ``doc_published``, ``doc_title``, ``doc_outlet``, ``doc_ingested_at``, the home
        ``source_country``/``target_country`` of each side, and ``lead``: whether the event
        comes from its document's lead, the first paragraph that yields an event outside
        captions.
        """
        import shutil
        import tempfile

        clauses, params = _event_filter_sql(where or EventFilter())
        order = " ORDER BY d.published NULLS LAST, e.doc_id"
        doc_sql = (
            "SELECT e.doc_id, count(*) FROM events e JOIN documents d USING (doc_id)"
            f" {clauses} GROUP BY e.doc_id, d.published{order}"
        )
        chunk = "doc_id IN (SELECT unnest($chunk::VARCHAR[]))"
        text = "NOT coalesce(e.caption, false)"
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        sql = (
            f"WITH d AS (SELECT * FROM documents WHERE {chunk}),"
            f" s AS (SELECT * FROM sentences WHERE {chunk}),"
            " leads AS (SELECT e.doc_id, min(s.paragraph) AS paragraph FROM events e"
            f" JOIN s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx WHERE e.{chunk} AND {text}"
            " GROUP BY e.doc_id)"
            f" SELECT {cols}, s.text AS sentence, coalesce(d.ext_id, d.url) AS doc_ref,"
            " d.ext_id AS doc_ext_id, d.url AS doc_url, d.published AS doc_published,"
            " d.title AS doc_title, d.outlet AS doc_outlet, d.ingested_at AS doc_ingested_at,"
            " sa.country AS source_country, ta.country AS target_country,"
            f" coalesce({text} AND s.paragraph = leads.paragraph, false) AS lead"
            " FROM events e JOIN d USING (doc_id)"
            " LEFT JOIN s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx"
            " LEFT JOIN actors sa ON sa.actor_id = e.source_id"
            " LEFT JOIN actors ta ON ta.actor_id = e.target_id"
            " LEFT JOIN leads ON leads.doc_id = e.doc_id"
            f" {clauses or 'WHERE true'} AND e.{chunk}{order}, e.span_start, e.event_id"
        )
        spill = tempfile.mkdtemp(prefix="factions-export-")
        try:
            with self._reader() as con:
                con.execute("SET threads = 1")
                con.execute("SET memory_limit = '256MB'")
                con.execute("SET temp_directory = ?", [spill])
                docs, ids, size = con.cursor(), list[str](), 0
                for batch in docs.sql(doc_sql, params=params).to_arrow_reader(rows):
                    for doc_id, n in zip(*batch.to_pydict().values(), strict=True):
                        if ids and size + n > chunk_events:
                            yield from con.sql(
                                sql, params={**params, "chunk": ids}
                            ).to_arrow_reader(rows)
                            ids, size = [], 0
                        ids.append(doc_id)
                        size += n
                if ids:
                    yield from con.sql(sql, params={**params, "chunk": ids}).to_arrow_reader(rows)
                docs.close()
        finally:
            shutil.rmtree(spill, ignore_errors=True)

    def stream_events(self, where: EventFilter | None = None) -> Iterator[Event]:
        """The events of ``events``, read through ``event_batches``: flat memory at any size."""
        for batch in self.event_batches(where, rows=4096):
            for row in batch.to_pylist():
                yield event_from_row(row, row["sentence"] or "", row["doc_ref"])
