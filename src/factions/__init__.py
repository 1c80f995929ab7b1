"""factions: news text to political event data and a map of who is allied with whom.

The public API is small and importing it is cheap; models load on first use::

    from factions import Pipeline, Store, read_documents, run_ingest
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factions")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

from factions.ingest import ReadOptions, Report, read_documents
from factions.pipeline import Pipeline
from factions.records import (
    Actor,
    ActorRef,
    Attribution,
    Document,
    Event,
    Mention,
    Place,
    ProcessedDocument,
    Sentence,
)
from factions.runner import IngestResult, run_ingest
from factions.store import EventFilter, Store

__all__ = [
    "Actor",
    "ActorRef",
    "Attribution",
    "Document",
    "Event",
    "EventFilter",
    "IngestResult",
    "Mention",
    "Pipeline",
    "Place",
    "ProcessedDocument",
    "ReadOptions",
    "Report",
    "Sentence",
    "Store",
    "__version__",
    "read_documents",
    "run_ingest",
]
