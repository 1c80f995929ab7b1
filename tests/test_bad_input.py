"""Bad input: one clear line naming the file and the reason, the batch goes on, exit code 1."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import duckdb
import pytest

from tests.conftest import RunCli

GOOD = "Ethiopia and Tigray forces signed a truce in Pretoria."


def stored_texts(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [r[0] for r in con.execute("SELECT text FROM documents ORDER BY text").fetchall()]


def ingest_with_good(run_cli: RunCli, tmp_path: Path, bad: Path, *extra: object):
    inputs = tmp_path / "in"
    inputs.mkdir(exist_ok=True)
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    db = tmp_path / "db.duckdb"
    result = run_cli("ingest", inputs, bad, "--db", db, *extra)
    assert "Traceback" not in result.err
    return result, db


def skip_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "skipped:" in line]


def test_binary_file_is_skipped(run_cli: RunCli, tmp_path: Path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result, db = ingest_with_good(run_cli, tmp_path, bad)
    assert result.code == 1
    [line] = skip_lines(result.err)
    assert "photo.txt" in line and "binary" in line
    assert stored_texts(db) == [GOOD]


def test_a_few_bad_bytes_are_replaced_with_a_warning(run_cli: RunCli, tmp_path: Path):
    bad = tmp_path / "latin.txt"
    bad.write_bytes(("Caf\xe9 owners in Bamako protested. " * 40).encode("utf-8")[:-3] + b"\xe9.")
    result, db = ingest_with_good(run_cli, tmp_path, bad)
    assert result.code == 0, result.err
    assert "latin.txt" in result.err and "replaced" in result.err
    assert any("\ufffd" in t for t in stored_texts(db))


def test_mostly_undecodable_text_is_skipped(run_cli: RunCli, tmp_path: Path):
    bad = tmp_path / "cp1252.txt"
    bad.write_bytes("Ã©Ã¨Ã ".encode("cp1252") * 5 + "é è à ö ü ".encode("cp1252") * 50)
    result, db = ingest_with_good(run_cli, tmp_path, bad)
    assert result.code == 1
    [line] = skip_lines(result.err)
    assert "cp1252.txt" in line and "not UTF-8" in line
    assert stored_texts(db) == [GOOD]


def test_malformed_jsonl_line_is_skipped_with_its_line_number(run_cli: RunCli, tmp_path: Path):
    bad = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": "1", "text": "Chad closed its border with Sudan.", "date": "2023-04-20"}),
        '{"id": "2", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "4", "headline": "no text field"}),
        json.dumps({"id": "5", "text": "Egypt hosted talks on Sudan.", "date": "2023-07-13"}),
    ]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, db = ingest_with_good(run_cli, tmp_path, bad)
    assert result.code == 1
    skipped = skip_lines(result.err)
    assert len(skipped) == 3
    assert "export.jsonl:2: malformed JSON" in skipped[0]
    assert "export.jsonl:3: not a JSON object" in skipped[1]
    assert "export.jsonl:4: no text field" in skipped[2]
    assert len(stored_texts(db)) == 3


def test_empty_files_and_records(run_cli: RunCli, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ", encoding="utf-8")
    result, db = ingest_with_good(run_cli, tmp_path, empty)
    assert result.code == 1
    [line] = skip_lines(result.err)
    assert "empty.txt" in line and "empty text" in line
    assert stored_texts(db) == [GOOD]


def test_file_over_the_size_limit(run_cli: RunCli, tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("Armies moved. " * 2000, encoding="utf-8")
    result, db = ingest_with_good(run_cli, tmp_path, big, "--max-bytes", 10_000)
    assert result.code == 1
    [line] = skip_lines(result.err)
    assert "big.txt" in line and "size limit" in line
    assert stored_texts(db) == [GOOD]


def test_gzip_bomb_is_stopped_at_the_limit(run_cli: RunCli, tmp_path: Path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    result, _db = ingest_with_good(run_cli, tmp_path, bomb, "--max-bytes", 100_000)
    assert result.code == 1
    assert "bomb.txt.gz" in skip_lines(result.err)[0]


def test_broken_gzip(run_cli: RunCli, tmp_path: Path):
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(b'{"text": "x"}\n' * 100)[:40])
    result, _db = ingest_with_good(run_cli, tmp_path, broken)
    assert result.code == 1
    assert any("broken.jsonl.gz" in line for line in skip_lines(result.err))


def test_missing_path_and_directory_without_readable_files(run_cli: RunCli, tmp_path: Path):
    hollow = tmp_path / "hollow"
    (hollow / "sub").mkdir(parents=True)
    (hollow / ".only-hidden").write_text("x", encoding="utf-8")
    result, db = ingest_with_good(run_cli, tmp_path, tmp_path / "nope.txt")
    assert result.code == 1
    assert "nope.txt: no such file or directory" in result.err
    result = run_cli("ingest", hollow, "--db", db)
    assert result.code == 1
    assert "hollow: directory holds no readable files" in result.err
    assert stored_texts(db) == [GOOD]


def test_malformed_json_file_and_feed(run_cli: RunCli, tmp_path: Path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.json").write_text('[{"text": "ok"', encoding="utf-8")
    (tmp_path / "bad" / "b.rss").write_text("<rss><channel><item>", encoding="utf-8")
    result, _db = ingest_with_good(run_cli, tmp_path, tmp_path / "bad")
    assert result.code == 1
    lines = skip_lines(result.err)
    assert any("a.json: malformed JSON" in line for line in lines)
    assert any("b.rss" in line for line in lines)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(run_cli: RunCli, tmp_path: Path):
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    result, _db = ingest_with_good(run_cli, tmp_path, locked)
    assert result.code == 1
    assert "locked.txt: permission denied" in result.err


def test_bad_usage_exits_2(run_cli: RunCli, tmp_path: Path):
    assert run_cli("ingest").code == 2
    assert run_cli("ingest", tmp_path, "--published", "yesterday").code == 2
    assert run_cli("ingest", tmp_path, "--field", "nonsense").code == 2
    assert run_cli("events", "--since", "2015-13-40").code == 2


def test_file_that_fails_to_read(run_cli: RunCli, tmp_path: Path):
    """/proc/self/mem cannot be read at offset 0 (EIO), even by root: a real unreadable file."""
    result, db = ingest_with_good(run_cli, tmp_path, Path("/proc/self/mem"))
    assert result.code == 1
    [line] = skip_lines(result.err)
    assert "/proc/self/mem: input/output error" in line
    assert stored_texts(db) == [GOOD]
