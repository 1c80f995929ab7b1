"""Reads for the web app (factions.web): a page of events, a whole document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factions.records import Document, Event, Mention, ProcessedDocument, Sentence
from factions.store._base import EventFilter, StoreBase, _event_filter_sql
from factions.store._network import _ACTOR_COLUMNS, _actor
from factions.store._rows import EVENT_COLUMNS, event_from_row


class PageReads(StoreBase):
    """What ``factions.web`` reads."""

    def event_page(
        self,
        where: EventFilter | None = None,
        *,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> EventPage:
        """One page of ``events`` (same filters, same order) with the total number of matches.

        ``text`` keeps events whose sentence, trigger or actor names contain it, in any case.
        The count, the page and the mentions of its sentences come from one connection, which
        no writer can enter while it is open: the page and its total agree, whatever an ingest
        is doing to the file.
        """
        clauses, params = _event_filter_sql(where or EventFilter())
        if text and text.strip():
            params["text"] = text.strip().lower()
            found = " OR ".join(
                f"contains(lower(coalesce({c}, '')), $text)"
                for c in ("s.text", "e.trigger", "e.source_name", "e.target_name")
            )
            clauses = f"{clauses} AND ({found})" if clauses else f"WHERE ({found})"
        joined = (
            " FROM events e JOIN documents d USING (doc_id)"
            f" LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx {clauses}"
        )
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        with self._reader() as con:
            row = con.execute(f"SELECT count(*){joined}", params).fetchone()
            cursor = con.execute(
                f"SELECT {cols}, s.text AS sentence_text, coalesce(d.ext_id, d.url) AS doc_ref,"
                f" d.title AS doc_title{joined}"
                " ORDER BY d.published NULLS LAST, e.doc_id, e.span_start, e.event_id"
                " LIMIT $limit OFFSET $offset",
                params | {"limit": max(0, limit), "offset": max(0, offset)},
            )
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
            docs = sorted({r["doc_id"] for r in rows})
            mentions = con.execute(
                f"SELECT {_MENTION_COLUMNS} FROM mentions"
                " WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, start_char",
                [docs],
            ).fetchall()
        wanted = {(r["doc_id"], r["sent_idx"]) for r in rows}
        return EventPage(
            total=int(row[0]) if row else 0,
            events=tuple(event_from_row(r, r["sentence_text"] or "", r["doc_ref"]) for r in rows),
            mentions=tuple(_mention(m) for m in mentions if (m[0], m[1]) in wanted),
            titles={r["doc_id"]: r["doc_title"] for r in rows if r["doc_title"]},
        )

    def document(self, doc_id: str) -> ProcessedDocument | None:
        """A stored document with its sentences, mentions, actors and events (None: unknown id).

        Read on one connection, so the parts belong together (they are written together too).
        """
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        with self._reader() as con:
            doc = con.execute(
                "SELECT doc_id, text, source, title, published, url, outlet, ext_id"
                " FROM documents WHERE doc_id = ?",
                [doc_id],
            ).fetchone()
            if doc is None:
                return None
            sentences = con.execute(
                "SELECT idx, start_char, end_char, text, coalesce(paragraph, 0) FROM sentences"
                " WHERE doc_id = ? ORDER BY idx",
                [doc_id],
            ).fetchall()
            mentions = con.execute(
                f"SELECT {_MENTION_COLUMNS} FROM mentions WHERE doc_id = ? ORDER BY start_char",
                [doc_id],
            ).fetchall()
            actors = con.execute(
                f"SELECT {_ACTOR_COLUMNS} FROM actors a WHERE a.actor_id IN"
                " (SELECT actor_id FROM mentions WHERE doc_id = ?) ORDER BY a.actor_id",
                [doc_id],
            ).fetchall()
            cursor = con.execute(
                f"SELECT {cols}, s.text AS sentence_text FROM events e"
                " LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx"
                " WHERE e.doc_id = ? ORDER BY e.span_start, e.trigger_start, e.event_id",
                [doc_id],
            )
            names = [d[0] for d in cursor.description]
            events = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        document = Document(
            text=doc[1],
            source=doc[2] or "",
            title=doc[3],
            published=doc[4],
            url=doc[5],
            outlet=doc[6],
            ext_id=doc[7],
            doc_id=doc[0],
        )
        return ProcessedDocument(
            document=document,
            sentences=tuple(Sentence(doc_id, r[0], r[1], r[2], r[3], r[4]) for r in sentences),
            mentions=tuple(_mention(m) for m in mentions),
            actors=tuple(_actor(r) for r in actors),
            events=tuple(event_from_row(r, r["sentence_text"] or "", document.ref) for r in events),
        )


@dataclass(frozen=True, slots=True)
class EventPage:
    """A page of events, how many match in all, and what the page needs to show them."""

    total: int
    events: tuple[Event, ...]
    mentions: tuple[Mention, ...]
    """The mentions of the page's sentences (to mark the actors in them)."""
    titles: dict[str, str]
    """doc_id → title, for the page's documents that have one."""


_MENTION_COLUMNS = "doc_id, sent_idx, start_char, end_char, text, label, actor_id"


def _mention(r: Sequence[Any]) -> Mention:
    return Mention(r[0], r[1] if r[1] is not None else -1, r[2], r[3], r[4], r[5] or "", r[6])
