"""Event records named as the PLOVER specification names its JSON fields, one per line.

PLOVER (openeventdata/PLOVER, chapter "Data Fields") standardises field names so that tools
can read any PLOVER data set: ``id``, ``date``, ``source``, ``recipient``, ``event``,
``mode``, ``context``, ``event_loc``, … It suggests JSON lines, which is what this writes.
Every record has the same keys; what factions does not know is null or an empty list. Fields
factions never fills are left out, and docs/exports.md lists them with the whole mapping.

Events without a PLOVER type (CAMEO codes PLOVER drops) and negated events are left out: a
PLOVER record says an event happened. So are events read from photo captions, which repeat
the story and would count twice.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from factions.export._codes import country, plover_quad_codes, read_actor_code
from factions.export._flat import ExportRow, export_rows
from factions.store import EventFilter, Store

_LINES_PER_WRITE = 1024


def write_plover(store: Store, sink: BinaryIO, where: EventFilter | None = None) -> int:
    """Write PLOVER records as JSON lines; returns how many were written."""
    from factions import __version__

    coder = f"factions {__version__}"
    lines: list[str] = []
    count = 0
    for row in export_rows(store, where):
        if row.negated or row.caption or not row.plover:
            continue
        lines.append(json.dumps(plover_record(row, coder), ensure_ascii=False))
        count += 1
        if len(lines) == _LINES_PER_WRITE:
            _flush(sink, lines)
    _flush(sink, lines)
    return count


def _flush(sink: BinaryIO, lines: list[str]) -> None:
    if lines:
        sink.write(("\n".join(lines) + "\n").encode("utf-8"))
        lines.clear()


def plover_record(row: ExportRow, coder: str) -> dict[str, Any]:
    """One event as a PLOVER record (field order as in the specification's table)."""
    when = row.when
    return {
        "id": row.event_id,
        "has_event": True,
        "date": when.isoformat() if when else None,
        "enddate": row.date_end.isoformat() if row.date_end else None,
        "source": _actors(
            row.source_id,
            row.source_name,
            row.source_mention,
            row.source_kind,
            row.source_code,
            row.source_country,
        ),
        "recipient": _actors(
            row.target_id,
            row.target_name,
            row.target_mention,
            row.target_kind,
            row.target_code,
            row.target_country,
        ),
        "event": [row.plover],
        "event_loc": _location(row),
        "event_text": [row.trigger],
        "quad_code": plover_quad_codes().get(row.plover or ""),
        "event_scale": row.goldstein,
        "mode": [row.plover_mode] if row.plover_mode else [],
        "text": row.sentence,
        "text_info": {"sequence": row.sent_idx, "start": row.span_start, "end": row.span_end},
        "cite_info": {
            "citation": row.doc_ext_id,
            "url": row.doc_url,
            "title": row.doc_title,
            "publication": row.doc_outlet,
            "language": "en",
            "coder": coder,
        },
        "coder": coder,
        "coded_date": row.doc_ingested_at.date().isoformat() if row.doc_ingested_at else None,
        # Beyond PLOVER (the specification invites named extra fields):
        "cameo": row.cameo,
        "modality": row.modality,
        "confidence": round(row.confidence, 3),
        "doc_id": row.doc_id,
    }


def _actors(
    actor_id: str | None,
    name: str | None,
    mention: str | None,
    kind: str | None,
    code: str | None,
    home: str | None,
) -> list[dict[str, Any]]:
    """A PLOVER actor list: one actor object, or none when the text names no one."""
    if actor_id is None:
        return []
    parts = read_actor_code(code)
    sectors = [t for t in parts.types if t != parts.top][:2]
    return [
        {
            "code": parts.top or home,
            "sector": "".join(sectors) or None,
            "actor_text": mention,
            "identifier_id": actor_id,
            "identifier_text": name,
            "religion": parts.religions[0] if parts.religions else None,
            "kind": kind,
            "cameo_code": code,
        }
    ]


def _location(row: ExportRow) -> dict[str, Any] | None:
    """PLOVER's location object, with GeoNames field names (and ``cc3``, as PLOVER adds)."""
    if row.place_name is None:
        return None
    place = country(row.place_country)
    location: dict[str, Any] = {
        "name": row.place_name,
        "latitude": row.place_lat,
        "longitude": row.place_lon,
        "country code": place.iso2 if place else None,
        "cc3": row.place_country,
    }
    if place and (row.place_precision or "").lower() == "country":
        location["geonameid"] = place.geonameid
        location["feature class"] = "A"
        location["feature code"] = "PCLI"
    return location
