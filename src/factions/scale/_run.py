"""The driver of a scaled ingest: read lazily, skip what is held, keep a few batches on the
workers, and write each result as it comes back.

The driver is the only writer (DuckDB allows one, and Parquet parts need one namer), and the
workers only parse. At most ``window`` batches are out at a time, so the driver's memory stays
flat however large the corpus: it holds the ids of the documents in flight, not the corpus.
Results are written in the order they finish; that changes no event id, since ids come from
the document and the event alone.

A worker that dies takes its batch with it; Dask gives the batch to another worker, and since
a document is written only when its id is new, a batch that comes back twice adds nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from factions.ingest import ReadOptions, Report, read_documents
from factions.records import Document, ProcessedDocument
from factions.runner import DEFAULT_BATCH, IngestResult, batched
from factions.scale._cluster import ClusterError
from factions.scale._sink import Sink
from factions.scale._worker import PipelineSpec, process_batch

#: Times a batch is tried again after an exception on a worker. A worker that dies is a
#: separate budget, Dask's ``distributed.scheduler.allowed-failures`` (3 by default).
RETRIES = 2


def run_ingest(
    paths: list[str],
    sink: Sink,
    *,
    client: Any | None = None,
    spec: PipelineSpec | None = None,
    options: ReadOptions | None = None,
    report: Report | None = None,
    batch_size: int = DEFAULT_BATCH,
    window: int | None = None,
    command: str = "ingest",
    on_batch: Callable[[int], None] | None = None,
) -> IngestResult:
    """Ingest every document under ``paths`` into ``sink``, parsing on ``client``'s workers.

    With no client the batches are parsed here, one after the other (how ``--parquet`` runs
    without ``--workers``). ``window`` bounds the batches out at once (default: twice the
    cluster's threads). ``on_batch`` is told how many documents are finished, as they finish.
    """
    from factions import __version__

    report = report if report is not None else Report()
    spec = spec or PipelineSpec()
    run_id = sink.start_run(command, __version__)
    tally = _Tally(sink, run_id, on_batch)
    status = "interrupted"
    try:
        own_files = frozenset({sink.path, sink.path.with_name(sink.path.name + ".wal")})
        documents = read_documents(paths, options, report, exclude=own_files)
        batches = (tally.fresh(chunk) for chunk in batched(documents, batch_size))
        if client is None:
            for todo in batches:
                if todo:
                    tally.finished([d.doc_id for d in todo], process_batch(todo, spec))
        else:
            _on_cluster(client, batches, spec, tally, window)
        status = "complete"
    finally:
        sink.finish_run(run_id, status, tally.read, tally.added, report.skipped)
    return IngestResult(
        run_id, tally.read, tally.added, tally.already, report.skipped, report.warnings
    )


def _on_cluster(
    client: Any,
    batches: Iterable[list[Document]],
    spec: PipelineSpec,
    tally: _Tally,
    window: int | None,
) -> None:
    from distributed import KilledWorker, as_completed

    limit = window or max(2, 2 * sum(client.nthreads().values()))
    running = as_completed()  # type: ignore[no-untyped-call]  # (distributed is unannotated)
    out: dict[Any, list[str]] = {}

    def collect(until: int) -> None:
        while len(out) > until:
            future = next(running)
            ids = out.pop(future)
            try:
                result = future.result()
            except KilledWorker as exc:
                raise ClusterError(
                    f"a batch of {len(ids)} documents killed a worker each time it was tried"
                    f" (first document {ids[0]}): {exc}"
                ) from exc
            tally.finished(ids, result)

    for todo in batches:
        if not todo:
            continue
        collect(limit - 1)
        future = client.submit(
            process_batch,
            todo,
            spec,
            key=f"factions-batch-{uuid.uuid4().hex}",
            retries=RETRIES,
            pure=False,
        )
        out[future] = [d.doc_id for d in todo]
        running.add(future)  # type: ignore[no-untyped-call]
    collect(0)


class _Tally:
    """Counts, and the ids in flight, so that a document read twice is parsed once."""

    def __init__(self, sink: Sink, run_id: int, on_batch: Callable[[int], None] | None) -> None:
        self.sink = sink
        self.run_id = run_id
        self.on_batch = on_batch
        self.read = self.added = self.already = 0
        self.in_flight: set[str] = set()

    def fresh(self, chunk: Sequence[Document]) -> list[Document]:
        """The documents of ``chunk`` that are neither held nor in flight (each id once)."""
        self.read += len(chunk)
        waiting = [d.doc_id for d in chunk if d.doc_id not in self.in_flight]
        known = self.sink.known_ids(waiting)
        todo: dict[str, Document] = {}
        for document in chunk:
            doc_id = document.doc_id
            if doc_id not in known and doc_id not in self.in_flight:
                todo.setdefault(doc_id, document)
        self.in_flight.update(todo)
        self.already += len(chunk) - len(todo)
        self._progress()
        return list(todo.values())

    def finished(self, ids: Sequence[str], result: Sequence[ProcessedDocument]) -> None:
        self.added += self.sink.write(result, self.run_id)
        self.in_flight.difference_update(ids)
        self._progress()

    def _progress(self) -> None:
        if self.on_batch is not None:
            self.on_batch(self.read - len(self.in_flight))
