"""Scale-out cost: articles/s and peak memory on 1, 2, 4 Dask workers as the corpus grows.

    python benchmarks/scale.py [SIZE ...] [--workers 1 2 4] [--chart scale.png] [--serial]

SIZE defaults to 1000 3000 10000 articles. Each corpus is one JSONL file generated from our
example articles, every copy made distinct with its own dateline city, outlet, byline and
publication date. Each case runs in a child process of its own, so that its peak memory is its
alone:

- ``bare spaCy``: ``nlp.pipe`` over the texts in one process, the reference for the ratio
  (timed on at most ``--bare-sample`` articles, since its rate does not depend on size);
- ``serial`` (with ``--serial``): ``factions ingest`` without Dask;
- ``N workers``: a LocalCluster of N processes with one thread each, the driver writing to a
  fresh DuckDB file. Starting the cluster and loading the pipeline on every worker is timed
  apart ("startup"); the rate is over the ingest itself.

Memory is sampled every 0.1 s: the driver's RSS (what must stay flat as the corpus grows) and
the sum over the driver and all its worker processes. The chart (PNG) plots seconds and peak
memory against corpus size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CITIES = ["Nairobi", "Beirut", "Kyiv", "Bogota", "Manila", "Khartoum", "Bamako", "Tbilisi"]
OUTLETS = ["Wire Service", "Daily Ledger", "Evening Post", "World Desk", "Courier"]
FIRST = ["Amina", "Pavel", "Lucia", "Omar", "Mei", "Tomas", "Nadia", "Kofi", "Ines", "Ravi"]
LAST = ["Haddad", "Kowalski", "Moreno", "Okafor", "Tanaka", "Novak", "Silva", "Mensah"]


def build_corpus(path: Path, n: int) -> int:
    """Write ``n`` distinct articles as JSONL; returns their word count."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    start = dt.date(2015, 1, 1)
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            city = CITIES[i % len(CITIES)].upper()
            outlet = OUTLETS[(i // len(CITIES)) % len(OUTLETS)]
            byline = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
            text = f"By {byline}, report {i}\n\n{city} ({outlet}) - {texts[i % len(texts)]}"
            words += len(text.split())
            record = {
                "id": f"article-{i}",
                "text": text,
                "published": (start + dt.timedelta(days=i % 3650)).isoformat(),
                "outlet": outlet,
            }
            out.write(json.dumps(record) + "\n")
    return words


@contextmanager
def memory_peaks() -> Iterator[dict[str, float]]:
    """Peak RSS (MB) of this process and of it with all its descendants, sampled."""
    import psutil

    me = psutil.Process()
    peaks = {"driver_mb": 0.0, "total_mb": 0.0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            driver = me.memory_info().rss
            total = driver
            for child in me.children(recursive=True):
                with suppress(psutil.Error):  # a worker that just exited
                    total += child.memory_info().rss
            peaks["driver_mb"] = max(peaks["driver_mb"], driver / 2**20)
            peaks["total_mb"] = max(peaks["total_mb"], total / 2**20)
            stop.wait(0.1)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peaks
    finally:
        stop.set()
        thread.join()


# -- the cases, each run in a child process ------------------------------------------------


def case_bare(corpus: Path, sample: int) -> dict[str, Any]:
    from factions.nlp import load_nlp

    nlp = load_nlp()
    texts = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) >= sample:
                break
    with memory_peaks() as peaks:
        cpu, started = time.process_time(), time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    return {"articles": len(texts), "seconds": seconds, "startup": 0.0, "driver_cpu": cpu, **peaks}


def case_ingest(corpus: Path, db: Path, workers: int, batch: int) -> dict[str, Any]:
    from factions import Pipeline, Store, run_ingest
    from factions.scale import PipelineSpec, open_client, warm_up
    from factions.scale import run_ingest as run_scaled

    store = Store(db)
    cpu = time.process_time()
    with memory_peaks() as peaks:
        started = time.perf_counter()
        if workers == 0:  # serial, no Dask
            pipeline = Pipeline()
            pipeline.process_one(next(iter(_documents(corpus))))
            startup = time.perf_counter() - started
            started = time.perf_counter()
            result = run_ingest([str(corpus)], store, pipeline=pipeline, batch_size=batch)
            seconds = time.perf_counter() - started
        else:
            with open_client(workers=workers) as client:
                client.run(warm_up, PipelineSpec())
                startup = time.perf_counter() - started
                started = time.perf_counter()
                result = run_scaled([str(corpus)], store, client=client, batch_size=batch)
                seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    return {
        "articles": result.added,
        "seconds": seconds,
        "startup": startup,
        "driver_cpu": cpu,
        **peaks,
    }


def _documents(corpus: Path) -> Iterator[Any]:
    from factions import read_documents

    return read_documents([str(corpus)])


def child(args: list[str]) -> None:
    """Run one case (``_case KIND JSON``) and print its figures as JSON."""
    kind, params = args[0], json.loads(args[1])
    cases: dict[str, Callable[..., dict[str, Any]]] = {"bare": case_bare, "ingest": case_ingest}
    params = {k: Path(v) if k in ("corpus", "db") else v for k, v in params.items()}
    print(json.dumps(cases[kind](**params)))


def run_child(kind: str, **params: Any) -> dict[str, Any]:
    payload = json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in params.items()})
    done = subprocess.run(
        [sys.executable, __file__, "_case", kind, payload],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"case {kind} {params} failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


# -- the driver of the benchmark --------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 3000, 10000])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2, 4])
    parser.add_argument("--serial", action="store_true", help="also time a run without Dask")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--bare-sample", type=int, default=1000)
    parser.add_argument("--chart", type=Path, default=Path("scale.png"))
    args = parser.parse_args()

    configs = ([0] if args.serial else []) + list(args.workers)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="factions-scale-") as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            words = build_corpus(corpus, size)
            bare = run_child("bare", corpus=corpus, sample=min(size, args.bare_sample))
            rows.append({"size": size, "words": words, "label": "bare spaCy", **bare})
            for workers in configs:
                db = Path(tmp) / f"{size}-{workers}.duckdb"
                figures = run_child(
                    "ingest", corpus=corpus, db=db, workers=workers, batch=args.batch_size
                )
                label = "serial" if workers == 0 else f"{workers} workers"
                rows.append({"size": size, "words": words, "label": label, **figures})
                rate = figures["articles"] / figures["seconds"]
                print(f"{size:>6} {label:<10} {rate:7.1f} articles/s", file=sys.stderr)
            for file in Path(tmp).iterdir():  # free the disk before the next size
                file.unlink()
    print_table(rows)
    draw_chart(rows, args.chart)
    print(f"chart: {args.chart.resolve()}")


def print_table(rows: list[dict[str, Any]]) -> None:
    header = (
        f"{'articles':>8} {'run':<11}{'startup s':>10}{'seconds':>9}{'articles/s':>11}"
        f"{'vs 1 worker':>12}{'vs bare':>8}{'driver CPU s':>13}{'driver MB':>10}{'total MB':>9}"
    )
    print(header)
    for size in sorted({r["size"] for r in rows}):
        group = [r for r in rows if r["size"] == size]
        rate = {r["label"]: r["articles"] / r["seconds"] for r in group}
        one = rate.get("1 workers")
        for r in group:
            own = rate[r["label"]]
            speedup = f"{own / one:.2f}x" if one and "workers" in r["label"] else ""
            print(
                f"{size:>8} {r['label']:<11}{r['startup']:>10.1f}{r['seconds']:>9.1f}"
                f"{own:>11.1f}{speedup:>12}{own / rate['bare spaCy']:>8.2f}{r['driver_cpu']:>13.1f}"
                f"{r['driver_mb']:>10.0f}{r['total_mb']:>9.0f}"
            )


def draw_chart(rows: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = list(dict.fromkeys(r["label"] for r in rows))
    fig, (cost, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    for number, label in enumerate(labels):
        color = f"C{number}"
        group = sorted((r for r in rows if r["label"] == label), key=lambda r: r["size"])
        sizes = [r["size"] for r in group]
        # Seconds for the whole corpus (the bare pass is timed on a sample: scale its rate).
        seconds = [r["size"] * r["seconds"] / r["articles"] for r in group]
        style = "--" if label == "bare spaCy" else "-"
        cost.plot(sizes, seconds, style, color=color, marker="o", label=label)
        if label != "bare spaCy":
            total = [r["total_mb"] for r in group]
            driver = [r["driver_mb"] for r in group]
            memory.plot(sizes, total, color=color, marker="o", label=f"{label}, all processes")
            memory.plot(sizes, driver, ":", color=color, marker=".", label=f"{label}, driver")
    cost.set(xlabel="articles", ylabel="seconds", title="Cost against corpus size")
    memory.set(xlabel="articles", ylabel="peak RSS (MB)", title="Peak memory")
    cost.legend()
    memory.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_case":
        child(sys.argv[2:])
    else:
        main()
