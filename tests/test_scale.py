"""Scale-out on Dask: the same events as a serial run, nothing lost or doubled when a worker dies,
Parquet parts equal to the store's tables, and a driver whose memory is bounded by its window.

The cluster tests start real LocalClusters (worker processes with one thread each, loading the
real spaCy pipeline), so they are marked slow.
"""

from __future__ import annotations

import os
import pickle
import re
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from factions.ingest import read_documents
from factions.pipeline import Pipeline
from factions.records import ProcessedDocument
from factions.runner import run_ingest as run_serial
from factions.scale import (
    ClusterError,
    ParquetSink,
    PipelineSpec,
    open_client,
    part_name,
    process_batch,
    run_ingest,
    worker_pipeline,
)
from factions.store import Store
from tests.conftest import EXAMPLES, RunCli

TABLES = {
    "documents": "SELECT doc_id, ext_id, url, title, outlet, published, text FROM {}",
    "sentences": "SELECT * FROM {}",
    "mentions": "SELECT * FROM {}",
    "actors": "SELECT DISTINCT * FROM {}",
    "events": "SELECT * FROM {}",
}


def make_corpus(directory: Path, copies: int) -> int:
    """Distinct articles from the examples: each copy differs by its first line."""
    directory.mkdir()
    n = 0
    for i in range(copies):
        for path in sorted(EXAMPLES.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            (directory / f"{i:02d}-{path.name}").write_text(f"Dispatch {i}.\n\n{text}", "utf-8")
            n += 1
    return n


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of a store, rows sorted, without the per-run columns."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            name: sorted(con.execute(sql.format(name)).fetchall(), key=repr)
            for name, sql in TABLES.items()
        }


def parquet_snapshot(directory: Path) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect() as con:
        return {
            name: sorted(
                con.execute(sql.format(f"read_parquet('{directory}/{name}/*.parquet')")).fetchall(),
                key=repr,
            )
            for name, sql in TABLES.items()
        }


def serial_store(corpus: Path, db: Path) -> Store:
    store = Store(db)
    run_serial([str(corpus)], store, pipeline=Pipeline())
    return store


@pytest.fixture(scope="module")
def serial_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples ingested serially: the reference every scaled run must equal."""
    db = tmp_path_factory.mktemp("serial") / "serial.duckdb"
    serial_store(EXAMPLES, db)
    return db


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of two worker processes, one thread each, shared by this module."""
    with open_client(workers=2) as client:
        yield client


# -- the worker side ---------------------------------------------------------------------------


def test_worker_results_survive_pickling_and_equal_the_serial_pipeline():
    """What a worker sends back is what the serial pipeline makes, after a round trip."""
    documents = list(read_documents([str(EXAMPLES)]))[:2]
    result = process_batch(documents, PipelineSpec())
    assert [p.document.doc_id for p in result] == [d.doc_id for d in documents]
    assert sum(len(p.events) for p in result) > 0
    assert pickle.loads(pickle.dumps(result)) == result == list(Pipeline().process(documents))


def test_a_worker_builds_its_pipeline_once_per_spec(tmp_path: Path):
    spec = PipelineSpec()
    assert worker_pipeline(spec) is worker_pipeline(PipelineSpec())
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors: []\n", encoding="utf-8")
    other = PipelineSpec.for_actor_files([extra])
    assert other.actor_files == (str(extra.resolve()),)
    assert worker_pipeline(other)[0] is not worker_pipeline(spec)[0]
    assert pickle.loads(pickle.dumps(other)) == other


# -- Parquet -----------------------------------------------------------------------------------


def test_parquet_parts_hold_the_store_tables_and_a_rerun_adds_nothing(
    tmp_path: Path, serial_examples: Path
):
    directory = tmp_path / "parquet"
    first = run_ingest([str(EXAMPLES)], ParquetSink(directory, part_size=3), batch_size=3)
    assert (first.read, first.added) == (8, 8)
    parts = sorted(p.relative_to(directory) for p in directory.rglob("*"))
    assert len(list((directory / "documents").glob("part-*.parquet"))) == 3  # 3 + 3 + 2

    assert parquet_snapshot(directory) == snapshot(serial_examples)
    with duckdb.connect(str(serial_examples), read_only=True) as store, duckdb.connect() as con:
        for table in TABLES:
            stored = store.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            written = con.sql(
                f"SELECT * FROM read_parquet('{directory}/{table}/*.parquet') LIMIT 0"
            ).to_arrow_table()
            assert written.schema == stored, table

    again = run_ingest([str(EXAMPLES)], ParquetSink(directory, part_size=3), batch_size=5)
    assert (again.read, again.added, again.already_stored) == (8, 0, 8)
    assert sorted(p.relative_to(directory) for p in directory.rglob("*")) == parts
    assert ParquetSink(directory).summary() == Store(serial_examples).summary()


def test_a_killed_parquet_run_leaves_nothing_half_written(tmp_path: Path, serial_examples: Path):
    """What a kill can leave (a temporary file, a part without its documents) is cleared, and
    the re-run completes the work with nothing doubled."""
    directory = tmp_path / "parquet"
    run_ingest([str(EXAMPLES)], ParquetSink(directory, part_size=5), batch_size=5)
    committed = sorted((directory / "documents").glob("part-*.parquet"))
    assert len(committed) == 2
    lost_ids, kept_ids = (
        pq.read_table(part, columns=["doc_id"]).column("doc_id").to_pylist() for part in committed
    )
    # A run killed between an events part and its documents part, and one killed mid-write.
    committed[0].unlink()
    (directory / "events" / ".part-0123.parquet.tmp").write_bytes(b"PAR1 half a file")
    sink = ParquetSink(directory, part_size=5)
    sink.start_run("ingest", "test")
    assert not (directory / "events" / committed[0].name).exists()
    assert (directory / "events" / committed[1].name).exists()
    assert not list(directory.rglob("*.tmp"))
    assert sink.known_ids(lost_ids + kept_ids) == set(kept_ids)
    rerun = run_ingest([str(EXAMPLES)], ParquetSink(directory, part_size=5))
    assert (rerun.added, rerun.already_stored) == (len(lost_ids), len(kept_ids))
    assert parquet_snapshot(directory) == snapshot(serial_examples)


def test_part_names_depend_on_the_documents_only():
    assert part_name(["b", "a"]) == part_name(["a", "b"]) != part_name(["a", "c"])
    assert part_name(["a"]).startswith("part-") and part_name(["a"]).endswith(".parquet")


# -- on a cluster ------------------------------------------------------------------------------


@pytest.mark.slow
def test_two_workers_code_the_same_events_as_a_serial_run(
    run_cli: RunCli, db: Path, serial_examples: Path
):
    result = run_cli("ingest", EXAMPLES, "--db", db, "--workers", 2, "--batch-size", 2)
    assert result.code == 0, result.err
    assert "read 8 documents: 8 added" in result.out
    serial_events = list(Store(serial_examples).events())
    dask_events = list(Store(db).events())
    assert len(dask_events) == len(serial_events) > 50
    for serial, dask in zip(serial_events, dask_events, strict=True):
        assert dask == serial
        assert dask.event_id == serial.event_id
    assert snapshot(db) == snapshot(serial_examples)


@pytest.mark.slow
def test_scheduler_runs_on_an_existing_cluster_into_parquet(
    run_cli: RunCli, tmp_path: Path, client: Any, serial_examples: Path
):
    directory = tmp_path / "parquet"
    address = client.scheduler.address
    result = run_cli("ingest", EXAMPLES, "--scheduler", address, "--parquet", directory)
    assert result.code == 0, result.err
    assert f"parquet {directory.resolve()}" in result.out
    assert parquet_snapshot(directory) == snapshot(serial_examples)

    def pipeline_identity() -> int:
        return id(worker_pipeline(PipelineSpec())[0])

    # Each worker process keeps the pipeline it built for the ingest: asked twice, the same one.
    built = client.run(pipeline_identity)
    assert len(built) == 2
    assert client.run(pipeline_identity) == built


class RecordingStore(Store):
    """A store that notes how many documents the driver has read but not yet had back."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.asked: set[str] = set()
        self.back: set[str] = set()
        self.most_out = 0

    def known_ids(self, doc_ids: Sequence[str]) -> set[str]:
        self.asked.update(doc_ids)
        self.most_out = max(self.most_out, len(self.asked - self.back))
        return super().known_ids(doc_ids)

    def write(self, batch: Sequence[ProcessedDocument], run_id: int = 0) -> int:
        self.back.update(p.document.doc_id for p in batch)
        return super().write(batch, run_id)


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_nothing_and_doubles_nothing(tmp_path: Path, client: Any):
    corpus = tmp_path / "corpus"
    total = make_corpus(corpus, copies=3)
    reference = snapshot(serial_store(corpus, tmp_path / "serial.duckdb").path)
    store = RecordingStore(tmp_path / "dask.duckdb")
    killed: list[tuple[str, list[str]]] = []
    killed_pid: list[int] = []

    def kill_a_busy_worker(finished: int) -> None:
        if killed or finished == 0:
            return
        pids = client.run(os.getpid)
        busy = {w: keys for w, keys in client.processing().items() if keys}
        assert busy, "no batch was out when the first one came back"
        worker, keys = sorted(busy.items())[0]
        os.kill(pids[worker], signal.SIGKILL)
        killed.append((worker, list(keys)))
        killed_pid.append(pids[worker])

    window, batch = 4, 2
    result = run_ingest(
        [str(corpus)],
        store,
        client=client,
        batch_size=batch,
        window=window,
        on_batch=kill_a_busy_worker,
    )
    assert killed and killed[0][1], "the worker was killed holding a batch"
    assert killed_pid[0] not in client.run(os.getpid).values()
    assert (result.read, result.added, result.already_stored) == (total, total, 0)
    assert snapshot(store.path) == reference
    with duckdb.connect(str(store.path), read_only=True) as con:
        assert con.execute("SELECT count(*) = count(DISTINCT event_id) FROM events").fetchone()
        status = con.execute("SELECT status FROM runs").fetchall()
    assert status == [("complete",)]
    # The driver never held more than its window (plus the batch being read) of documents.
    assert total > (window + 1) * batch >= store.most_out > 0


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "http://127.0.0.1:8786"])
def test_an_unreachable_scheduler_is_one_clear_error(address: str):
    message = re.escape(f"cannot reach the Dask scheduler at {address}")
    with pytest.raises(ClusterError, match=message), open_client(scheduler=address, timeout=0.5):
        pass


def test_workers_and_scheduler_together_is_bad_usage(run_cli: RunCli, db: Path):
    result = run_cli("ingest", EXAMPLES, "--db", db, "--workers", 2, "--scheduler", "tcp://x:1")
    assert result.code == 2
    assert "--scheduler" in result.err
    assert not db.exists()
