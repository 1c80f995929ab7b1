"""kill -9 at any moment loses nothing and doubles nothing; readers see consistent snapshots.

These run the real CLI in subprocesses with the real spaCy model, so they are marked slow.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from factions.store import Store
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

TABLES = {
    "documents": "SELECT doc_id, ext_id, url, title, outlet, published, text FROM documents",
    "sentences": "SELECT * FROM sentences",
    "mentions": "SELECT * FROM mentions",
    "actors": "SELECT * FROM actors",
    "events": "SELECT * FROM events",
}


def make_corpus(directory: Path, copies: int) -> int:
    """Distinct articles made from the examples (each copy differs by a dateline)."""
    directory.mkdir()
    texts = sorted(EXAMPLES.glob("*.txt"))
    n = 0
    for i in range(copies):
        for path in texts:
            text = path.read_text(encoding="utf-8")
            (directory / f"{i:03d}-{path.name}").write_text(f"Dispatch {i}.\n\n{text}", "utf-8")
            n += 1
    return n


def ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "factions",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        "3",
    ]


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()}


def stored_documents(db: Path) -> int:
    """Documents committed so far, read between the writer's batches."""
    try:
        return Store(db, wait=0.05).summary().documents
    except Exception:
        return -1


def kill_when(proc: subprocess.Popen[bytes], db: Path, at_least: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    seen = -1
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            seen = max(seen, stored_documents(db))
        if seen >= at_least:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return seen


def test_sigkill_part_way_then_rerun_equals_a_clean_run(tmp_path: Path):
    corpus = tmp_path / "corpus"
    total = make_corpus(corpus, copies=5)
    clean_db, crashed_db = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    subprocess.run(ingest_cmd(corpus, clean_db), check=True, capture_output=True)
    clean = snapshot(clean_db)
    assert len(clean["documents"]) == total

    # First kill: as soon as something is committed. Second: part way through the rest.
    for at_least in (1, total // 2):
        proc = subprocess.Popen(
            ingest_cmd(corpus, crashed_db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        kill_when(proc, crashed_db, at_least, timeout=240)
        partial = snapshot(crashed_db)  # the file opens after kill -9
        assert 0 < len(partial["documents"]) < total
        done = {d[0] for d in partial["documents"]}
        # Whatever is stored is whole: every sentence belongs to a stored document.
        assert {s[0] for s in partial["sentences"]} == done

    rerun = subprocess.run(ingest_cmd(corpus, crashed_db), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(crashed_db) == clean


def test_readers_during_an_ingest_see_consistent_snapshots(tmp_path: Path):
    corpus = tmp_path / "corpus"
    total = make_corpus(corpus, copies=3)
    db = tmp_path / "live.duckdb"
    log = tmp_path / "ingest.log"
    with log.open("wb") as stderr:
        proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=stderr)
    counts: list[int] = []
    try:
        while proc.poll() is None:
            if db.exists():
                with Store(db, wait=60)._reader() as con:
                    docs, orphans = con.execute(
                        "SELECT (SELECT count(*) FROM documents),"
                        " (SELECT count(*) FROM sentences s WHERE NOT EXISTS"
                        "  (SELECT 1 FROM documents d WHERE d.doc_id = s.doc_id))"
                    ).fetchone()
                assert orphans == 0
                counts.append(docs)
            time.sleep(0.1)
    finally:
        proc.wait(300)
    assert proc.returncode == 0, log.read_text()
    assert counts == sorted(counts), "documents never disappear"
    assert len(set(counts)) > 2, f"reads should happen between batches, saw {counts}"
    assert Store(db).summary().documents == total
