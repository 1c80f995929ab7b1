"""The embedded database: a versioned DuckDB schema, idempotent batches, streamed reads."""

from factions.store._connect import connect
from factions.store._schema import SCHEMA_VERSION
from factions.store._store import DEFAULT_DB, EventFilter, Store, Summary, summarise

__all__ = [
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "EventFilter",
    "Store",
    "Summary",
    "connect",
    "summarise",
]
