"""Finding inputs (files, directories, .gz, stdin) and opening them within a size limit."""

from __future__ import annotations

import atexit
import gzip
import shutil
import sys
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from factions.errors import InputError
from factions.ingest._report import Report

STDIN = "-"

#: Formats by file extension (after a trailing .gz is removed).
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a path on disk or standard input."""

    name: str
    path: Path
    gzipped: bool

    @property
    def suffix(self) -> str:
        if self.name == "<stdin>":
            return ""
        suffixes = [s.lower() for s in self.path.suffixes]
        if self.gzipped and suffixes:
            suffixes = suffixes[:-1]
        return suffixes[-1] if suffixes else ""

    def open(self) -> BinaryIO:
        """A binary stream of the (decompressed) content."""
        try:
            if self.gzipped:
                return gzip.open(self.path, "rb")  # type: ignore[return-value]
            return self.path.open("rb")
        except OSError as exc:
            raise InputError(describe_os_error(exc)) from exc


def find_sources(
    paths: list[str], report: Report, exclude: frozenset[Path] = frozenset()
) -> Iterator[Source]:
    """Expand the user's paths: directories recursively (sorted, hidden files left out).

    ``exclude`` names files never to read, such as the database being written into.
    """
    excluded = {p.resolve() for p in exclude}
    for given in paths:
        if given == STDIN:
            yield _spool_stdin()
            continue
        path = Path(given)
        if not path.exists():
            report.skip(given, "no such file or directory")
            continue
        if path.is_dir():
            found = False
            for child in _walk(path):
                found = True
                if child.resolve() not in excluded:
                    yield _source(child)
            if not found:
                report.skip(given, "directory holds no readable files")
            continue
        yield _source(path)


def _walk(root: Path) -> Iterator[Path]:
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _spool_stdin() -> Source:
    """Standard input copied to a temporary file, so it can be sniffed and streamed like a file."""
    spool = tempfile.NamedTemporaryFile(prefix="factions-stdin-", delete=False)  # noqa: SIM115
    with spool:
        shutil.copyfileobj(sys.stdin.buffer, spool, 1 << 20)
    path = Path(spool.name)
    atexit.register(path.unlink, missing_ok=True)
    with path.open("rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
    return Source("<stdin>", path, gzipped=gzipped)


def _source(path: Path) -> Source:
    return Source(str(path), path, gzipped=path.suffix.lower() in (".gz", ".gzip"))


def read_limited(source: Source, max_bytes: int) -> bytes:
    """The whole content, or InputError when it passes ``max_bytes`` (decompressed)."""
    try:
        with source.open() as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(describe_os_error(exc)) from exc
    if len(data) > max_bytes:
        raise InputError(
            f"larger than the size limit of {_human(max_bytes)} (raise it with --max-bytes)"
        )
    return data


def _human(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):g} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):g} KB"
    return f"{n} bytes"


def describe_os_error(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, gzip.BadGzipFile | zlib.error | EOFError):
        return f"broken gzip data ({exc})"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
