"""Exports alone: seconds and peak RSS per format for a store of generated events.

    python benchmarks/export.py [--events 1000000] [--formats jsonl,csv,parquet,...]

Generates the events straight into a fresh store file in bulk (DuckDB SQL over range(), in
the schema of store/_schema.py: ten events per document, two per sentence, a dozen actors,
every PLOVER type), then writes each format in a child process of its own, so that each peak
RSS is that format's alone. Flat memory means the peak does not grow with --events.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WIDTHS = (10, 9, 10, 7, 13)

ACTORS = (
    # actor_id, name, kind, code, country
    ("RUS", "Russia", "state", "RUS", "RUS"),
    ("RUSMIL", "Russian military", "military", "RUSMIL", "RUS"),
    ("SYR", "Syria", "state", "SYR", "SYR"),
    ("SYRREB", "Syrian rebels", "rebels", "SYRREB", "SYR"),
    ("HTS", "Hayat Tahrir al-Sham", "armed_group", "SYRREBHTS", "SYR"),
    ("ISIS", "Islamic State", "armed_group", "IMGMUSISI", None),
    ("UN", "United Nations", "igo", "IGOUNO", None),
    ("EU", "European Union", "igo", "IGOEUREEC", None),
    ("USA", "United States", "state", "USA", "USA"),
    ("USAGOV", "US government", "government", "USAGOV", "USA"),
    ("IRN", "Iran", "state", "IRN", "IRN"),
    ("unk:john doe", "John Doe", "person", None, None),
)

TYPES = (
    # plover, cameo, quad_class, goldstein, mode
    ("AGREE", "030", 1, 4.0, None),
    ("CONSULT", "042", 1, 1.9, "visit"),
    ("SUPPORT", "051", 1, 3.4, None),
    ("CONCEDE", "081", 2, 5.0, None),
    ("COOPERATE", "061", 2, 6.4, "economic"),
    ("AID", "072", 2, 8.3, "military"),
    ("RETREAT", "0874", 2, 10.0, "withdraw"),
    ("REQUEST", "020", 1, 3.0, None),
    ("ACCUSE", "112", 3, -2.0, None),
    ("REJECT", "120", 3, -4.0, None),
    ("THREATEN", "130", 3, -4.4, None),
    ("PROTEST", "140", 3, -6.5, "demonstrate"),
    ("SANCTION", "163", 4, -8.0, None),
    ("MOBILIZE", "154", 4, -7.2, "military"),
    ("COERCE", "170", 4, -7.0, None),
    ("ASSAULT", "190", 4, -10.0, None),
)


def build_store(db: Path, n_events: int) -> None:
    """A store of ``n_events`` generated events, written in bulk by DuckDB."""
    import duckdb

    from factions.store import Store

    Store(db).initialise()
    n_docs = max(1, n_events // 10)
    actors = _table(("actor_id", "name", "kind", "code", "country"), ACTORS)
    types = _table(("plover", "cameo", "quad_class", "goldstein", "mode"), TYPES)
    with duckdb.connect(str(db)) as con:
        con.register("actor_src", actors)
        con.register("type_src", types)
        con.execute(
            "INSERT INTO actors SELECT actor_id, name, kind, code, country, [], code IS NOT NULL"
            " FROM actor_src"
        )
        con.execute(
            "INSERT INTO documents SELECT printf('%020d', i), 'ext-' || i,"
            " 'https://news.example/' || i, 'Generated article ' || i, 'Bench Wire',"
            " DATE '2000-01-01' + (i % 9000)::INTEGER, 'bench', 'text ' || i, 6, 0, now()"
            " FROM range(?) t(i)",
            [n_docs],
        )
        con.execute(
            "INSERT INTO sentences SELECT printf('%020d', i // 5), i % 5, (i % 5) * 200,"
            " (i % 5) * 200 + 180, 1 + (i % 5) // 2,"
            " 'Sentence ' || i || ': forces of one side shelled the positions of the other"
            " near the river crossing on Tuesday, officials of both sides said in statements.'"
            " FROM range(?) t(i)",
            [n_docs * 5],
        )
        con.execute(
            "WITH a AS (SELECT row_number() OVER () - 1 AS k, * FROM actor_src),"
            " ty AS (SELECT row_number() OVER () - 1 AS k, * FROM type_src)"
            " INSERT INTO events SELECT left(md5(i::VARCHAR), 20), printf('%020d', i // 10),"
            " (i % 10) // 2, ((i % 10) // 2) * 200, ((i % 10) // 2) * 200 + 180, 'shelled',"
            " ((i % 10) // 2) * 200 + 30,"
            " s.actor_id, s.name, s.name, s.kind, s.code,"
            " t.actor_id, t.name, t.name, t.kind, t.code,"
            " ty.plover, ty.mode, ty.cameo, ty.quad_class, ty.goldstein, i % 50 = 0,"
            " 'asserted', NULL, NULL, NULL,"
            " DATE '2000-01-01' + ((i // 10) % 9000)::INTEGER, NULL, 'publication',"
            " CASE WHEN i % 3 = 0 THEN 'Syria' END, CASE WHEN i % 3 = 0 THEN 'SYR' END,"
            " CASE WHEN i % 3 = 0 THEN 35.0 END, CASE WHEN i % 3 = 0 THEN 38.0 END,"
            " CASE WHEN i % 3 = 0 THEN 'country' END, false, 0.8"
            " FROM range(?) r(i)"
            " JOIN a s ON s.k = i % 12 JOIN a t ON t.k = (i * 7 + 5) % 12"
            " JOIN ty ON ty.k = i % 16",
            [n_events],
        )


def _table(names: tuple[str, ...], rows: tuple[tuple[object, ...], ...]) -> object:
    import pyarrow as pa

    return pa.table({name: [row[i] for row in rows] for i, name in enumerate(names)})


def peak_rss_kb() -> int:
    """This process's peak RSS. VmHWM, not ru_maxrss: on Linux a child's ru_maxrss keeps the
    peak of the parent it was forked from (which built the store), hiding its own."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_case(db: Path, fmt: str, target: Path) -> dict[str, float]:
    """In the child: one format, timed."""
    from factions.export import write_events
    from factions.store import Store

    started = time.perf_counter()
    with target.open("wb") as sink:
        written = write_events(Store(db), fmt, sink)
    seconds = time.perf_counter() - started
    return {
        "events": written,
        "seconds": seconds,
        "peak_rss_mb": peak_rss_kb() / 1024,
        "mb": target.stat().st_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--formats", default="jsonl,csv,parquet,cameo-tsv,plover-json")
    parser.add_argument("--child", nargs=3, metavar=("DB", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, fmt, out = args.child
        print(json.dumps(run_case(Path(db), fmt, Path(out))))
        return
    with tempfile.TemporaryDirectory(prefix="factions-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        build_store(db, args.events)
        built = time.perf_counter() - started
        print(f"{args.events} events generated in {built:.1f} s ({db.stat().st_size / 1e6:.0f} MB)")
        heads = ("events", "seconds", "events/s", "MB", "peak RSS MB")
        print(f"{'format':<13}" + "".join(f"{h:>{w}}" for h, w in zip(heads, WIDTHS, strict=True)))
        for fmt in args.formats.split(","):
            child = subprocess.run(
                [sys.executable, __file__, "--child", str(db), fmt, str(Path(tmp) / f"out.{fmt}")],
                check=False,
                capture_output=True,
                text=True,
            )
            if child.returncode:
                sys.exit(f"{fmt} failed:\n{child.stderr}")
            r = json.loads(child.stdout)
            rate = r["events"] / r["seconds"] if r["seconds"] else 0.0
            print(
                f"{fmt:<13}{r['events']:>10}{r['seconds']:>9.1f}{rate:>10.0f}{r['mb']:>7.0f}"
                f"{r['peak_rss_mb']:>13.0f}"
            )
            (Path(tmp) / f"out.{fmt}").unlink()


if __name__ == "__main__":
    main()
