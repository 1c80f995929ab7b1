"""The embedded database: a versioned DuckDB schema, idempotent batches, streamed reads."""

from factions.store._connect import connect
from factions.store._network import ActorTie, EdgeStat, TieEvidence, TieWeighting, TimelineCount
from factions.store._pages import EventPage
from factions.store._schema import SCHEMA_VERSION
from factions.store._store import DEFAULT_DB, EventFilter, Store, Summary, summarise

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "ActorTie",
    "EdgeStat",
    "EventFilter",
    "EventPage",
    "Store",
    "Summary",
    "TieEvidence",
    "TieWeighting",
    "TimelineCount",
    "connect",
    "summarise",
]
