"""Every export format into one folder, with a README.txt saying what each file is."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from factions.export._gdelt import GDELT_COLUMNS, write_cameo_tsv
from factions.export._jsonl import write_jsonl
from factions.export._plover import write_plover
from factions.export._tabular import write_csv, write_parquet
from factions.store import EventFilter, Store

Writer = Callable[[Store, BinaryIO, EventFilter | None], int]

EVENT_FILES: tuple[tuple[str, Writer, str], ...] = (
    (
        "events.jsonl",
        write_jsonl,
        "one event per line, as factions' event record (the same as `factions events`)",
    ),
    (
        "events.csv",
        write_csv,
        "the event record flattened into columns (source_code, place_lat, ...), with a header",
    ),
    (
        "events.parquet",
        write_parquet,
        "the same columns as events.csv, typed (DATE, INTEGER, DOUBLE, BOOLEAN)",
    ),
    (
        "events.cameo.tsv",
        write_cameo_tsv,
        "the GDELT 2.0 event table: 61 tab-separated columns, no header (column names below);"
        " negated and caption events left out",
    ),
    (
        "events.plover.jsonl",
        write_plover,
        "PLOVER records (field names of the PLOVER specification), one per line;"
        " negated and caption events, and events without a PLOVER type, left out",
    ),
)


def write_event_exports(
    store: Store, directory: str | Path, where: EventFilter | None = None
) -> list[tuple[str, str]]:
    """Write every event format into ``directory`` and a README.txt; returns (file, what) pairs."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, str]] = []
    for name, writer, description in EVENT_FILES:
        with output_sink(folder / name) as sink:
            count = writer(store, sink, where)
        written.append((name, f"{count} events: {description}"))
    write_readme(folder, written, where)
    return written


@contextmanager
def output_sink(path: Path | None) -> Iterator[BinaryIO]:
    """A binary sink for ``path``, or stdout when None.

    A file is written under a temporary name and renamed when complete, so a failed or
    interrupted export never leaves a truncated file that looks whole.
    """
    if path is None:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    partial = path.with_name(f"{path.name}.part")
    try:
        with partial.open("wb") as sink:
            yield sink
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def export_all(
    store: Store, directory: str | Path, where: EventFilter | None = None
) -> list[tuple[str, str]]:
    """The event formats, then the graph files of ``factions.graph``, and one README for all."""
    from factions.graph import write_all

    written = write_event_exports(store, directory, where)
    graph_files = write_all(store, Path(directory))
    if _describe(where) != _describe(None):
        graph_files = [(name, f"{what} (from every event stored)") for name, what in graph_files]
    written += graph_files
    write_readme(Path(directory), written, where)
    return written


def write_readme(folder: Path, files: list[tuple[str, str]], where: EventFilter | None) -> Path:
    """A README.txt naming each file with one line on what it is."""
    from factions import __version__

    width = max(len(name) for name, _ in files) + 2
    lines = [
        f"Exported by factions {__version__} from {_describe(where)}.",
        "",
        *(
            textwrap.fill(
                what, width=100, initial_indent=name.ljust(width), subsequent_indent=" " * width
            )
            for name, what in files
        ),
        "",
        "Columns of events.cameo.tsv, in order (GDELT 2.0 Event Codebook):",
        textwrap.fill(", ".join(GDELT_COLUMNS), width=100),
        "",
        "How each format maps factions' fields, and what it leaves empty: docs/exports.md in",
        "the factions sources.",
        "",
    ]
    path = folder / "README.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _describe(where: EventFilter | None) -> str:
    """The filter in words, so a folder says which events it holds."""
    f = where or EventFilter()
    parts = []
    if f.actor:
        parts.append(f"with actor {f.actor}")
    if f.plover:
        parts.append(f"of type {f.plover}")
    if f.since:
        parts.append(f"on or after {f.since.isoformat()}")
    if f.until:
        parts.append(f"on or before {f.until.isoformat()}")
    return "all events" if not parts else "events " + ", ".join(parts)
