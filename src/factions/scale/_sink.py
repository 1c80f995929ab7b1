"""Where a scaled ingest puts its results: the DuckDB store, or a directory of Parquet parts.

Only the driver writes; workers return results. :class:`~factions.store.Store` already has this
shape, so it is a sink as it stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from factions.records import ProcessedDocument


class Sink(Protocol):
    """A destination that knows which documents it holds and adds new ones idempotently."""

    @property
    def path(self) -> Path:
        """The file or directory written (left out when reading input directories)."""
        ...

    def start_run(self, command: str, version: str) -> int: ...

    def known_ids(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of ``doc_ids`` are held already, so that nobody parses them again."""
        ...

    def write(self, batch: Sequence[ProcessedDocument], run_id: int = 0) -> int:
        """Add the documents of ``batch`` not held yet; returns how many were new."""
        ...

    def finish_run(self, run_id: int, status: str, read: int, added: int, skipped: int) -> None: ...
