"""Running an ingest: read lazily, skip what is stored, parse the rest, commit batch by batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from factions.ingest import ReadOptions, Report, read_documents
from factions.pipeline import Pipeline
from factions.records import Document
from factions.store import Store

DEFAULT_BATCH = 32


@dataclass(frozen=True, slots=True)
class IngestResult:
    run_id: int
    read: int
    added: int
    already_stored: int
    skipped: int
    warnings: int


def run_ingest(
    paths: list[str],
    store: Store,
    *,
    options: ReadOptions | None = None,
    pipeline: Pipeline | None = None,
    report: Report | None = None,
    batch_size: int = DEFAULT_BATCH,
    command: str = "ingest",
    on_batch: Callable[[int], None] | None = None,
) -> IngestResult:
    """Ingest every document under ``paths`` into ``store``.

    Each batch is committed on its own, so a run killed at any moment loses at most the batch
    in flight, and running it again parses only what is missing.
    """
    from factions import __version__

    report = report if report is not None else Report()
    pipeline = pipeline or Pipeline()
    run_id = store.start_run(command, __version__)
    read = added = already = 0
    status = "interrupted"
    try:
        own_files = frozenset({store.path, store.path.with_name(store.path.name + ".wal")})
        documents = read_documents(paths, options, report, exclude=own_files)
        for chunk in batched(documents, batch_size):
            read += len(chunk)
            known = store.known_ids([d.doc_id for d in chunk])
            todo = [d for d in chunk if d.doc_id not in known]
            added += store.write(list(pipeline.process(todo)), run_id)
            already += len(chunk) - len(todo)
            if on_batch is not None:
                on_batch(read)
        status = "complete"
    finally:
        store.finish_run(run_id, status, read, added, report.skipped)
    return IngestResult(run_id, read, added, already, report.skipped, report.warnings)


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
