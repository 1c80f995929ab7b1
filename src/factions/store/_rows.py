"""Between records and table rows: Arrow tables for fast bulk inserts, records from rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from factions.records import (
    Actor,
    ActorRef,
    Attribution,
    Event,
    Place,
    ProcessedDocument,
)

EVENT_COLUMNS = (
    "event_id",
    "doc_id",
    "sent_idx",
    "span_start",
    "span_end",
    "trigger",
    "trigger_start",
    "source_id",
    "source_name",
    "source_mention",
    "source_kind",
    "source_code",
    "target_id",
    "target_name",
    "target_mention",
    "target_kind",
    "target_code",
    "plover",
    "plover_mode",
    "cameo",
    "quad_class",
    "goldstein",
    "negated",
    "modality",
    "attribution_name",
    "attribution_kind",
    "attribution_mention",
    "date",
    "date_end",
    "date_precision",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "place_precision",
    "caption",
    "confidence",
)


def document_rows(batch: Sequence[ProcessedDocument], run_id: int) -> dict[str, list[Any]]:
    now = datetime.now()
    docs = [p.document for p in batch]
    return {
        "doc_id": [d.doc_id for d in docs],
        "ext_id": [d.ext_id for d in docs],
        "url": [d.url for d in docs],
        "title": [d.title for d in docs],
        "outlet": [d.outlet for d in docs],
        "published": [d.published for d in docs],
        "source": [d.source for d in docs],
        "text": [d.text for d in docs],
        "n_chars": [len(d.text) for d in docs],
        "run_id": [run_id] * len(docs),
        "ingested_at": [now] * len(docs),
    }


def sentence_rows(batch: Sequence[ProcessedDocument]) -> dict[str, list[Any]]:
    sents = [s for p in batch for s in p.sentences]
    return {
        "doc_id": [s.doc_id for s in sents],
        "idx": [s.index for s in sents],
        "start_char": [s.start for s in sents],
        "end_char": [s.end for s in sents],
        "paragraph": [s.paragraph for s in sents],
        "text": [s.text for s in sents],
    }


def mention_rows(batch: Sequence[ProcessedDocument]) -> dict[str, list[Any]]:
    ms = [m for p in batch for m in p.mentions]
    return {
        "doc_id": [m.doc_id for m in ms],
        "sent_idx": [m.sentence for m in ms],
        "start_char": [m.start for m in ms],
        "end_char": [m.end for m in ms],
        "text": [m.text for m in ms],
        "label": [m.label for m in ms],
        "actor_id": [m.actor_id for m in ms],
    }


def actor_rows(actors: Sequence[Actor]) -> dict[str, list[Any]]:
    return {
        "actor_id": [a.actor_id for a in actors],
        "name": [a.name for a in actors],
        "kind": [a.kind for a in actors],
        "code": [a.code for a in actors],
        "country": [a.country for a in actors],
        "parents": [list(a.parents) for a in actors],
        "known": [a.known for a in actors],
    }


def event_rows(batch: Sequence[ProcessedDocument]) -> dict[str, list[Any]]:
    rows = [event_to_row(e) for p in batch for e in p.events]
    return {col: [r[i] for r in rows] for i, col in enumerate(EVENT_COLUMNS)}


def event_to_row(e: Event) -> tuple[Any, ...]:
    a, p = e.attribution, e.place
    return (
        e.event_id,
        e.doc_id,
        e.sentence,
        e.span[0],
        e.span[1],
        e.trigger,
        e.trigger_start,
        *_side(e.source),
        *_side(e.target),
        e.plover,
        e.plover_mode,
        e.cameo,
        e.quad_class,
        e.goldstein,
        e.negated,
        e.modality,
        *((a.name, a.kind, a.mention) if a else (None,) * 3),
        e.date,
        e.date_end,
        e.date_precision,
        *((p.name, p.country, p.lat, p.lon, p.precision) if p else (None,) * 5),
        e.caption,
        e.confidence,
    )


def _side(ref: ActorRef | None) -> tuple[Any, ...]:
    """The five ``source_*``/``target_*`` columns of an event participant."""
    if ref is None:
        return (None,) * 5
    return (ref.id, ref.name, ref.mention, ref.kind, ref.code)


def event_from_row(row: dict[str, Any], sentence_text: str, doc_ref: str | None) -> Event:
    """An Event back from a joined events row (columns named as EVENT_COLUMNS)."""

    def ref(side: str) -> ActorRef | None:
        if row[f"{side}_id"] is None:
            return None
        return ActorRef(
            id=row[f"{side}_id"],
            name=row[f"{side}_name"],
            mention=row[f"{side}_mention"],
            kind=row[f"{side}_kind"],
            code=row[f"{side}_code"],
        )

    attribution = (
        Attribution(row["attribution_name"], row["attribution_kind"], row["attribution_mention"])
        if row["attribution_name"] is not None
        else None
    )
    place = (
        Place(
            row["place_name"],
            row["place_country"],
            row["place_lat"],
            row["place_lon"],
            row["place_precision"],
        )
        if row["place_name"] is not None
        else None
    )
    return Event(
        doc_id=row["doc_id"],
        sentence=row["sent_idx"],
        span=(row["span_start"], row["span_end"]),
        sentence_text=sentence_text,
        trigger=row["trigger"],
        trigger_start=row["trigger_start"],
        source=ref("source"),
        target=ref("target"),
        plover=row["plover"],
        plover_mode=row["plover_mode"],
        cameo=row["cameo"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        negated=bool(row["negated"]),
        modality=row["modality"],
        attribution=attribution,
        date=row["date"],
        date_end=row["date_end"],
        date_precision=row["date_precision"],
        place=place,
        caption=bool(row["caption"]),
        confidence=row["confidence"],
        doc_ref=doc_ref,
    )
