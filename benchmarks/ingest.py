"""Readers + store alone (no NLP): documents/s and peak RSS on generated documents.

    python benchmarks/ingest.py [--docs 10000]

Builds a corpus from the bundled examples (each copy made distinct by a dateline), once as
one text file per document and once as a single JSONL file, then reads and stores it in a
fresh DuckDB file in a child process per case, so that each peak RSS is that case's alone.
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

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(where: Path, n: int) -> tuple[Path, Path, int]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    txt_dir = where / "txt"
    txt_dir.mkdir()
    jsonl = where / "corpus.jsonl"
    total_bytes = 0
    with jsonl.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = f"Dispatch {i}.\n\n{texts[i % len(texts)]}"
            total_bytes += len(text.encode("utf-8"))
            (txt_dir / f"{i:06d}-2020-01-{1 + i % 28:02d}.txt").write_text(text, encoding="utf-8")
            out.write(json.dumps({"id": f"doc-{i}", "text": text, "date": "2020-01-01"}) + "\n")
    return txt_dir, jsonl, total_bytes


def run_case(source: Path, db: Path, batch: int) -> dict[str, float]:
    """In the child: read + store without NLP, timed."""
    from factions.ingest import Report, read_documents
    from factions.records import ProcessedDocument
    from factions.runner import batched
    from factions.store import Store

    store = Store(db)
    report = Report()
    started = time.perf_counter()
    n = 0
    for chunk in batched(read_documents([str(source)], report=report), batch):
        known = store.known_ids([d.doc_id for d in chunk])
        todo = [ProcessedDocument(d, (), (), (), ()) for d in chunk if d.doc_id not in known]
        store.write(todo)
        n += len(chunk)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "documents": n,
        "seconds": seconds,
        "peak_rss_mb": peak_kb / 1024,
        "skipped": report.skipped,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--child", nargs=2, metavar=("SOURCE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(Path(args.child[0]), Path(args.child[1]), args.batch)))
        return
    with tempfile.TemporaryDirectory(prefix="factions-bench-") as tmp:
        where = Path(tmp)
        txt_dir, jsonl, total_bytes = build_corpus(where, args.docs)
        print(f"{args.docs} documents, {total_bytes / 1e6:.1f} MB of text, batch {args.batch}")
        print(f"{'case':<22}{'docs/s':>10}{'MB/s':>8}{'seconds':>9}{'peak RSS MB':>13}")
        for name, source in (
            ("text files", txt_dir),
            ("one JSONL file", jsonl),
            ("re-run (all stored)", jsonl),
        ):
            db = where / ("jsonl.duckdb" if source == jsonl else "txt.duckdb")
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    str(source),
                    str(db),
                    "--batch",
                    str(args.batch),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            r = json.loads(child.stdout)
            rate = r["documents"] / r["seconds"]
            mbps = total_bytes / 1e6 / r["seconds"]
            print(
                f"{name:<22}{rate:>10.0f}{mbps:>8.1f}{r['seconds']:>9.2f}{r['peak_rss_mb']:>13.0f}"
            )


if __name__ == "__main__":
    main()
