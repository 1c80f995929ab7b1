"""The web app's door to the store and to the pipeline, shared by concurrent requests.

DuckDB lets many read-only connections to a file live in one process, but refuses a writable
one while any read-only one is open there (and the reverse). Requests run on a thread pool,
so reads share the door and the rare write (a pasted article the user asked to store) waits
for it alone. Another process (an ingest) is kept out by DuckDB's file lock instead: readers
wait for its batch to commit, up to the store's ``wait``, then get StoreBusyError.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from factions.ingest._text import guess_title
from factions.pipeline import Pipeline
from factions.records import Document, ProcessedDocument
from factions.store import Store


class StoreAccess:
    """Many readers at once, or one writer; a waiting writer goes before new readers."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._state = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[Store]:
        with self._state:
            self._state.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield self.store
        finally:
            with self._state:
                self._readers -= 1
                self._state.notify_all()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        with self._state:
            self._writers_waiting += 1
            self._state.wait_for(lambda: not self._writing and not self._readers)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield self.store
        finally:
            with self._state:
                self._writing = False
                self._state.notify_all()


class Extractor:
    """Codes pasted text with this process's one Pipeline, built (and spaCy loaded) on the
    first paste, not when the server starts; one text at a time, as spaCy is not re-entrant."""

    def __init__(self, make_pipeline: Callable[[], Pipeline] = Pipeline) -> None:
        self._make_pipeline = make_pipeline
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def code(
        self, text: str, title: str | None = None, published: dt.date | None = None
    ) -> ProcessedDocument:
        """The text read as the plain-text reader reads a file (a lone first line is the title)."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        document = Document(
            text=text,
            source="pasted",
            title=" ".join((title or "").split()) or guess_title(text),
            published=published,
        )
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._make_pipeline()
            return self._pipeline.process_one(document)
