"""The alliance network over a million events: time and memory to build it, find its blocs, and
answer `allies`.

    python benchmarks/graph.py [--events 1000000] [--actors 3000] [--camps 12]

Generates the events straight into a fresh store file (bulk Arrow inserts in the store's own
schema, no NLP): actors with heavy-tailed activity, each in one of a few hidden camps, acting
cooperatively inside their camp and mostly with hostility across. Then, in a child process so
that its peak RSS is the analysis's alone, it builds the graph, finds the coalitions, and asks
for allies and enemies of the busiest actor and of a rare one. It also reports how well the
coalitions recover the hidden camps (purity: the share of actors in a bloc whose most common
camp is their own). Goals: graph + coalitions < 10 s, `allies` < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

COOPERATIVE = ("SUPPORT", "AID", "COOPERATE", "AGREE", "CONSULT", "REQUEST")
HOSTILE = ("ASSAULT", "COERCE", "THREATEN", "SANCTION", "ACCUSE", "REJECT", "PROTEST")
GOLDSTEIN = {
    "SUPPORT": 3.4,
    "AID": 7.4,
    "COOPERATE": 6.0,
    "AGREE": 4.0,
    "CONSULT": 1.9,
    "REQUEST": 3.0,
    "ASSAULT": -10.0,
    "COERCE": -7.0,
    "THREATEN": -4.4,
    "SANCTION": -8.0,
    "ACCUSE": -2.0,
    "REJECT": -4.0,
    "PROTEST": -6.5,
}
MODALITIES = ("asserted", "asserted", "asserted", "claimed", "hedged", "future", "hypothetical")
PER_DOC = 5


def generate(path: Path, n_events: int, n_actors: int, n_camps: int, seed: int = 7) -> float:
    """Write the store; returns the seconds it took."""
    import duckdb
    import numpy as np
    import pyarrow as pa

    from factions.store import Store

    started = time.perf_counter()
    Store(path).initialise()
    rng = np.random.default_rng(seed)
    ids = [f"A{i:05d}" for i in range(n_actors)]
    names = [f"Actor {i}" for i in range(n_actors)]
    camp = rng.integers(0, n_camps, n_actors)
    # every tenth actor is the military of the actor before it: a member for --rollup
    parents = [[ids[i - 1]] if i % 10 == 1 else [] for i in range(n_actors)]
    activity = 1.0 / np.arange(1, n_actors + 1) ** 0.9
    activity /= activity.sum()
    con = duckdb.connect(str(path))
    con.register(
        "a",
        pa.table(
            {
                "actor_id": ids,
                "name": names,
                "kind": ["state"] * n_actors,
                "code": ids,
                "country": [None] * n_actors,
                "parents": parents,
                "known": [True] * n_actors,
            }
        ),
    )
    con.execute("INSERT INTO actors BY NAME SELECT * FROM a")
    first = date(2015, 1, 1)
    n_docs = n_events // PER_DOC
    for start in range(0, n_docs, 50_000):
        docs = np.arange(start, min(start + 50_000, n_docs))
        days = [first + timedelta(days=int(d)) for d in rng.integers(0, 3650, len(docs))]
        m = len(docs) * PER_DOC
        src = rng.choice(n_actors, m, p=activity)
        tgt = rng.choice(n_actors, m, p=activity)
        tgt = np.where(tgt == src, (tgt + 1) % n_actors, tgt)
        same = camp[src] == camp[tgt]
        friendly = np.where(same, rng.random(m) < 0.85, rng.random(m) < 0.2)
        coop = rng.integers(0, len(COOPERATIVE), m)
        host = rng.integers(0, len(HOSTILE), m)
        plover = [
            COOPERATIVE[c] if f else HOSTILE[h]
            for f, c, h in zip(friendly, coop, host, strict=True)
        ]
        text = [
            f"{names[s]} moved to {p.lower()} {names[t]} (report {start * PER_DOC + i})."
            for i, (s, p, t) in enumerate(zip(src, plover, tgt, strict=True))
        ]
        # a document is its sentences one after the other; spans point into its text
        starts, ends, bodies = [], [], []
        for d in range(len(docs)):
            offset, parts = 0, text[d * PER_DOC : (d + 1) * PER_DOC]
            for part in parts:
                starts.append(offset)
                ends.append(offset + len(part))
                offset += len(part) + 1
            bodies.append(" ".join(parts))
        doc_of = [f"d{d:07d}" for d in np.repeat(docs, PER_DOC)]
        idx = np.tile(np.arange(PER_DOC), len(docs))
        con.register(
            "d",
            pa.table(
                {
                    "doc_id": [f"d{d:07d}" for d in docs],
                    "text": bodies,
                    "published": days,
                    "source": ["benchmark"] * len(docs),
                }
            ),
        )
        con.execute("INSERT INTO documents BY NAME SELECT * FROM d")
        con.register(
            "s",
            pa.table(
                {"doc_id": doc_of, "idx": idx, "start_char": starts, "end_char": ends, "text": text}
            ),
        )
        con.execute("INSERT INTO sentences BY NAME SELECT * FROM s")
        con.register(
            "e",
            pa.table(
                {
                    "event_id": [f"e{start * PER_DOC + i:08d}" for i in range(m)],
                    "doc_id": doc_of,
                    "sent_idx": idx,
                    "span_start": starts,
                    "span_end": ends,
                    "trigger": [p.lower() for p in plover],
                    "trigger_start": starts,
                    "source_id": [ids[s] for s in src],
                    "source_name": [names[s] for s in src],
                    "source_mention": [names[s] for s in src],
                    "source_kind": ["state"] * m,
                    "target_id": [ids[t] for t in tgt],
                    "target_name": [names[t] for t in tgt],
                    "target_mention": [names[t] for t in tgt],
                    "target_kind": ["state"] * m,
                    "plover": plover,
                    "goldstein": [GOLDSTEIN[p] for p in plover],
                    "negated": rng.random(m) < 0.03,
                    "modality": [MODALITIES[i] for i in rng.integers(0, len(MODALITIES), m)],
                    "caption": np.zeros(m, dtype=bool),
                    "confidence": rng.uniform(0.3, 0.8, m).round(2),
                }
            ),
        )
        con.execute("INSERT INTO events BY NAME SELECT * FROM e")
    con.close()
    camps = {ids[i]: int(camp[i]) for i in range(n_actors)}
    (path.parent / "camps.json").write_text(json.dumps(camps), encoding="utf-8")
    return time.perf_counter() - started


def analyse(path: Path, n_actors: int) -> dict[str, float]:
    """In the child: the timed analysis. Wall and CPU seconds both, since on a shared machine
    the wall clock also measures the neighbours."""
    from factions.graph import allies, build_graph, enemies, find_coalitions, timeline
    from factions.store import Store

    def cpu() -> float:
        used = resource.getrusage(resource.RUSAGE_SELF)
        return used.ru_utime + used.ru_stime

    def timed(label: str, call: Any) -> Any:
        wall, used = time.perf_counter(), cpu()
        result = call()
        figures[f"{label}_s"] = time.perf_counter() - wall
        figures[f"{label}_cpu_s"] = cpu() - used
        figures[f"{label}_peak_mb"] = peak_mb()
        return result

    store = Store(path)
    figures: dict[str, float] = {"start_mb": peak_mb()}
    graph = timed("build", lambda: build_graph(store))
    figures["nodes"] = len(graph)
    figures["edges"] = graph.nx.number_of_edges()
    blocs = timed("coalitions", lambda: find_coalitions(graph))
    figures["blocs"] = len(blocs)
    figures["blocs_of_5_or_more"] = sum(len(b.members) >= 5 for b in blocs)
    camps = json.loads((path.parent / "camps.json").read_text(encoding="utf-8"))
    agree = sum(
        Counter(camps[m] for m in b.members).most_common(1)[0][1] for b in blocs if b.members
    )
    figures["camp_purity"] = agree / max(1, sum(len(b.members) for b in blocs))
    # by id the busiest actor; by name (in another case) one of the least active
    for label, name in (("busiest", "A00000"), ("rare", f"actor {n_actors - 3}")):
        walls, cpus = [], []
        for _ in range(7):
            wall, used = time.perf_counter(), cpu()
            ties = allies(store, name)
            walls.append(time.perf_counter() - wall)
            cpus.append(cpu() - used)
        figures[f"allies_{label}_ms"] = 1000 * statistics.median(walls)
        figures[f"allies_{label}_cpu_ms"] = 1000 * statistics.median(cpus)
        figures[f"allies_{label}_ties"] = len(ties)
    timed("enemies", lambda: enemies(store, "A00000"))
    timed("timeline", lambda: timeline(store, "A00000"))
    return figures


def peak_mb() -> float:
    """The peak resident memory of this process (VmHWM; ru_maxrss survives exec from the
    parent, which generated the data, so it would count the parent's peak too)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=3000)
    parser.add_argument("--camps", type=int, default=12)
    parser.add_argument("--child", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(analyse(Path(args.child), args.actors)))
        return
    with tempfile.TemporaryDirectory(prefix="factions-graph-bench-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        seconds = generate(db, args.events, args.actors, args.camps)
        size = db.stat().st_size / 1e6
        print(
            f"{args.events:,} events, {args.actors:,} actors in {args.camps} hidden camps:"
            f" generated in {seconds:.1f} s ({size:.0f} MB store)"
        )
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(db), "--actors", str(args.actors)],
            capture_output=True,
            text=True,
        )
        if child.returncode:
            sys.exit(f"analysis failed:\n{child.stderr}")
        f = json.loads(child.stdout.strip().splitlines()[-1])
    total = f["build_s"] + f["coalitions_s"]
    cpu_total = f["build_cpu_s"] + f["coalitions_cpu_s"]
    print(f"{'':<15}{'wall':>8}{'cpu':>8}")
    print(
        f"{'graph':<15}{f['build_s']:7.2f}s{f['build_cpu_s']:7.2f}s"
        f"  {f['nodes']:.0f} nodes, {f['edges']:.0f} ties"
    )
    print(
        f"{'coalitions':<15}{f['coalitions_s']:7.2f}s{f['coalitions_cpu_s']:7.2f}s"
        f"  {f['blocs']:.0f} blocs ({f['blocs_of_5_or_more']:.0f} of 5 or more),"
        f" camp purity {f['camp_purity']:.2f}"
    )
    print(
        f"{'graph + blocs':<15}{total:7.2f}s{cpu_total:7.2f}s"
        f"  goal < 10 s: {'met' if total < 10 else 'MISSED'}"
    )
    for label in ("busiest", "rare"):
        ms = f[f"allies_{label}_ms"]
        print(
            f"{'allies ' + label:<15}{ms:6.0f}ms{f[f'allies_{label}_cpu_ms']:6.0f}ms"
            f"  median of 7, {f[f'allies_{label}_ties']:.0f} allies;"
            f" goal < 200 ms: {'met' if ms < 200 else 'MISSED'}"
        )
    print(f"{'enemies':<15}{1000 * f['enemies_s']:6.0f}ms{1000 * f['enemies_cpu_s']:6.0f}ms")
    print(f"{'timeline':<15}{1000 * f['timeline_s']:6.0f}ms{1000 * f['timeline_cpu_s']:6.0f}ms")
    print(
        f"peak RSS {f['timeline_peak_mb']:.0f} MB (imports {f['start_mb']:.0f} MB,"
        f" after the graph {f['build_peak_mb']:.0f}, after the blocs {f['coalitions_peak_mb']:.0f})"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
