"""Opening a DuckDB file with patience: one writer at a time, readers between its batches.

DuckDB lets one process write a file, and lets several read it only while nobody writes. An
ingest therefore holds the file only while it commits a batch; readers and writers that find it
locked wait and try again, and after ``wait`` seconds give up with a message saying who holds it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from factions.errors import StoreBusyError, StoreError
from factions.store._schema import SCHEMA_VERSION, current_version, migrate

DEFAULT_WAIT = 30.0
_PID = re.compile(r"PID (\d+)")


@contextmanager
def connect(path: Path, *, read_only: bool, wait: float = DEFAULT_WAIT) -> Iterator[Any]:
    """A connection to ``path``, migrated when writable; closed (and so released) on exit."""
    import duckdb

    if read_only and not path.exists():
        raise StoreError(
            f"no database at {path} (create one with: factions ingest PATH --db {path})"
        )
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise StoreError(f"cannot open {path}: {_first_line(message)}") from exc
            if time.monotonic() >= deadline:
                holder = _PID.search(message)
                who = f"process {holder[1]}" if holder else "another process"
                raise StoreBusyError(
                    f"{path} is locked by {who} (an ingest?) for more than {wait:g} s;"
                    " try again when it finishes, or raise --wait"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {path}: {_first_line(str(exc))}") from exc
    try:
        _check_schema(con, path, read_only)
        yield con
    finally:
        con.close()


def _check_schema(con: Any, path: Path, read_only: bool) -> None:
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {version}, newer than this factions ({SCHEMA_VERSION});"
            " upgrade factions"
        )
    if version < SCHEMA_VERSION:
        if read_only:
            if version == 0:
                raise StoreError(f"{path} is not a factions database (or is empty)")
            raise StoreError(
                f"{path} has schema version {version}; run any ingest on it once to migrate"
            )
        migrate(con)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else "unknown error"
