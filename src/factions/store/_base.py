"""What every part of the store shares: the file, its connections, and the event filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from factions.store._connect import DEFAULT_WAIT, connect

DEFAULT_DB = "factions.duckdb"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by every command that reads events."""

    actor: str | None = None
    plover: str | None = None
    since: date | None = None
    until: date | None = None


class StoreBase:
    """A DuckDB file and how to open it: a writer, or a reader that waits for a writer."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, wait: float = DEFAULT_WAIT) -> None:
        self.path = Path(path)
        self.wait = wait

    def _writer(self) -> Any:
        return connect(self.path, read_only=False, wait=self.wait)

    def _reader(self) -> Any:
        return connect(self.path, read_only=True, wait=self.wait)


def _event_filter_sql(f: EventFilter) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    if f.actor:
        clauses.append(
            "(lower(e.source_id) = lower($actor) OR lower(e.target_id) = lower($actor)"
            " OR lower(e.source_name) = lower($actor) OR lower(e.target_name) = lower($actor))"
        )
    if f.plover:
        clauses.append("e.plover = $plover")
    if f.since:
        clauses.append("coalesce(e.date, d.published) >= $since")
    if f.until:
        clauses.append("coalesce(e.date, d.published) <= $until")
    values = {"actor": f.actor, "plover": f.plover, "since": f.since, "until": f.until}
    params = {k: v for k, v in values.items() if v}
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params
