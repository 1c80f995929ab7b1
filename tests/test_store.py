"""The DuckDB store: idempotent, versioned, and clear about locks, on real files."""

from __future__ import annotations

import multiprocessing
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from factions.errors import StoreBusyError, StoreError
from factions.pipeline import Pipeline
from factions.records import Document, ProcessedDocument, Sentence
from factions.store import SCHEMA_VERSION, EventFilter, Store
from tests.conftest import RunCli


def table_counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("documents", "sentences", "mentions", "actors", "events")
        }


def test_ingesting_twice_doubles_nothing(run_cli: RunCli, examples_copy: Path, db: Path):
    first = run_cli("ingest", examples_copy, "--db", db)
    assert first.code == 0, first.err
    before = table_counts(db)
    assert before["documents"] == len(list(examples_copy.glob("*.txt")))
    assert before["sentences"] > before["documents"]
    second = run_cli("ingest", examples_copy, "--db", db)
    assert second.code == 0
    assert "0 added" in second.out
    assert table_counts(db) == before


def test_same_text_with_other_whitespace_is_the_same_document(tmp_path: Path):
    a = Document(text="Russia  bombed\r\nAleppo. ", source="a")
    b = Document(text="Russia bombed\nAleppo.", source="b")
    c = Document(text="Russia bombed\nAleppo.", source="c", url="https://x.example/1")
    assert a.doc_id == b.doc_id
    assert c.doc_id != b.doc_id, "the URL is part of the identity when given"


def test_a_batch_is_written_whole_and_duplicates_inside_it_once(tmp_path: Path):
    store = Store(tmp_path / "s.duckdb")
    docs = [Document(text=f"Chad closed border post {i}.", source=f"d{i}") for i in range(3)]
    processed = list(Pipeline().process([*docs, docs[0]]))
    assert store.write(processed) == 3
    assert store.write(processed) == 0
    assert len(store.document_ids()) == 3


def test_schema_is_versioned(tmp_path: Path):
    store = Store(tmp_path / "s.duckdb")
    store.initialise()
    with duckdb.connect(str(store.path)) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (
            SCHEMA_VERSION,
        )
        con.execute("INSERT INTO schema_version VALUES (?, now())", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="newer than this factions"):
        store.summary()


def test_reading_a_missing_or_foreign_database_is_a_clear_error(run_cli: RunCli, tmp_path: Path):
    result = run_cli("events", "--db", tmp_path / "none.duckdb")
    assert result.code == 1
    assert "no database at" in result.err and "Traceback" not in result.err
    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).close()
    result = run_cli("actors", "--db", foreign)
    assert result.code == 1 and "not a factions database" in result.err
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a database" * 100)
    result = run_cli("events", "--db", garbage)
    assert result.code == 1 and "cannot open" in result.err


def _hold_lock(path: str, seconds: float, ready: multiprocessing.synchronize.Event) -> None:
    con = duckdb.connect(path)
    ready.set()
    time.sleep(seconds)
    con.close()


def test_a_locked_database_waits_then_says_who_holds_it(tmp_path: Path):
    """Another process really holds the write lock (DuckDB locks files per process)."""
    store = Store(tmp_path / "s.duckdb", wait=0.3)
    store.initialise()
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(store.path), 3.0, ready))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(StoreBusyError, match=rf"locked by process {holder.pid}"):
            store.summary()
        patient = Store(store.path, wait=30)
        started = time.monotonic()
        assert patient.summary().documents == 0, "a patient reader gets in once the lock goes"
        assert time.monotonic() - started > 0.5
    finally:
        holder.join(10)


def test_events_round_trip_through_the_store_with_filters(tmp_path: Path):
    from tests.test_records import make_event

    text = "Russia bombed ISIS in Syria."
    doc = Document(text=text, source="t", ext_id="wire-9", published=None)
    sentence = Sentence(doc.doc_id, 0, 0, len(text), text)
    first = make_event(doc_id=doc.doc_id, sentence=0, span=(0, len(text)), sentence_text=text)
    second = make_event(
        doc_id=doc.doc_id,
        sentence=0,
        span=(0, len(text)),
        sentence_text=text,
        plover="AID",
        attribution=None,
        place=None,
        source=None,
        date=None,
        date_end=None,
    )
    store = Store(tmp_path / "s.duckdb")
    store.write([ProcessedDocument(doc, (sentence,), (), (), (first, second))])
    back = {e.plover: e for e in store.events()}
    for original in (first, second):
        expected = original.to_json() | {"doc_ref": "wire-9"}
        assert back[original.plover].to_json() == expected
    assert [e.plover for e in store.events(EventFilter(plover="AID"))] == ["AID"]
    assert [e.plover for e in store.events(EventFilter(actor="isis"))] == ["ASSAULT", "AID"]
    since = store.events(EventFilter(since=date(2015, 9, 1)))
    assert [e.plover for e in since] == ["ASSAULT"], "an undated event in an undated document"
