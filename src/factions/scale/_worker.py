"""What runs on a Dask worker: one pipeline per worker process, built on first use, then reused.

Dask ships a task as a pickled function and its arguments. Shipping a loaded spaCy pipeline
with every batch would cost hundreds of megabytes per task, so tasks carry a small
:class:`PipelineSpec` instead, and each worker process builds the pipeline it names once and
keeps it in a module-level cache. Everything here is a top-level function so that a worker
process (spawned, not forked) can import it by name.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factions.nlp import MODEL
from factions.pipeline import Pipeline
from factions.records import Document, ProcessedDocument

_lock = threading.Lock()
_pipelines: dict[PipelineSpec, tuple[Pipeline, threading.Lock]] = {}


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """What a worker needs to build the same pipeline as the driver: small, hashable, picklable.

    ``actor_files`` are the user's extra actor files as absolute paths; on a remote cluster
    they must be readable at the same paths on every worker (a shared file system). Each
    worker also adds the files of its own ``FACTIONS_ACTORS``, as the serial pipeline does.
    """

    actor_files: tuple[str, ...] = ()
    model: str = MODEL

    @classmethod
    def for_actor_files(cls, files: Sequence[Path | str] = ()) -> PipelineSpec:
        return cls(tuple(str(Path(f).resolve()) for f in files))

    def build(self) -> Pipeline:
        """A fresh pipeline for this spec (the knowledge base is validated as it loads)."""
        from factions.actors import load_actors
        from factions.nlp import load_nlp

        nlp = load_nlp(self.model)
        return Pipeline(nlp=nlp, kb=load_actors(self.actor_files))


def worker_pipeline(spec: PipelineSpec) -> tuple[Pipeline, threading.Lock]:
    """This process's pipeline for ``spec``, built once, with the lock its users take turns on.

    A worker with several threads shares one pipeline: the resolver keeps caches that are not
    safe to update from two threads at once, and one copy of the model per thread would
    multiply the memory. Parsing holds the GIL most of the time anyway, so the way to use more
    cores is more worker processes with one thread each.
    """
    with _lock:
        entry = _pipelines.get(spec)
        if entry is None:
            entry = (spec.build(), threading.Lock())
            _pipelines[spec] = entry
        return entry


def process_batch(documents: Sequence[Document], spec: PipelineSpec) -> list[ProcessedDocument]:
    """The Dask task: parse, resolve and code a batch of documents, in order."""
    pipeline, lock = worker_pipeline(spec)
    with lock:
        return list(pipeline.process(documents))


def warm_up(spec: PipelineSpec) -> int:
    """Build the pipeline now (run on every worker before timing); returns the worker's pid."""
    process_batch([Document(text="Warm-up.", source="warm-up")], spec)
    return os.getpid()
