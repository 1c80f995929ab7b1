"""The event record of DESIGN.md, one JSON object per line: exactly ``Event.to_json()``."""

from __future__ import annotations

import json
from typing import BinaryIO

from factions.store import EventFilter, Store

_LINES_PER_WRITE = 1024


def write_jsonl(store: Store, sink: BinaryIO, where: EventFilter | None = None) -> int:
    """Write the events as JSON lines; returns how many were written."""
    lines: list[str] = []
    count = 0
    for event in store.stream_events(where):
        lines.append(json.dumps(event.to_json(), ensure_ascii=False))
        if len(lines) == _LINES_PER_WRITE:
            count += _flush(sink, lines)
    return count + _flush(sink, lines)


def _flush(sink: BinaryIO, lines: list[str]) -> int:
    """Write and forget the buffered lines; they never add up to more than one buffer."""
    if not lines:
        return 0
    sink.write(("\n".join(lines) + "\n").encode("utf-8"))
    written = len(lines)
    lines.clear()
    return written
