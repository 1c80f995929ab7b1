"""Extraction speed against a bare spaCy pass of the same model over the same texts, in one run.

    python benchmarks/extract.py [--docs 200]

Prints words/s and articles/s for: a bare ``nlp.pipe`` over whole texts (the reference), our
block-wise parse alone, and the whole pipeline (parse + actors + events); the ratio of each to
the bare pass; and the share of time actor resolution adds. One-off costs (loading the model,
the knowledge base and its matchers) are timed apart and left out of the rates.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[str]:
    sources = sorted((ROOT / "examples").glob("*.txt")) + sorted(
        (ROOT / "tests/gold").glob("*.txt")
    )
    texts = [p.read_text(encoding="utf-8") for p in sources]
    return [f"Dispatch {i}.\n\n{texts[i % len(texts)]}" for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2, help="best of this many rounds")
    args = parser.parse_args()

    from factions.actors import KnowledgeBaseResolver, load_actors
    from factions.nlp import load_nlp, parse_documents
    from factions.pipeline import Pipeline
    from factions.records import Document

    started = time.perf_counter()
    nlp = load_nlp()
    model_s = time.perf_counter() - started
    started = time.perf_counter()
    resolver = KnowledgeBaseResolver(load_actors(), nlp)
    aliases = len(resolver.recogniser.aliases)
    kb_s = time.perf_counter() - started
    pipeline = Pipeline(nlp=nlp, resolver=resolver)

    texts = corpus(args.docs)
    words = sum(len(t.split()) for t in texts)
    documents = [Document(text=t, source=str(i)) for i, t in enumerate(texts)]

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=64):
            pass

    def parse_only() -> None:
        for _ in parse_documents(nlp, documents):
            pass

    def full() -> None:
        for _ in pipeline.process(documents):
            pass

    full()  # warm up caches once
    timings = {}
    for name, fn in (
        ("bare spaCy nlp.pipe", bare),
        ("block-wise parse", parse_only),
        ("factions pipeline", full),
    ):
        best = float("inf")
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        timings[name] = best

    print(
        f"{args.docs} articles, {words} words; model load {model_s:.1f} s, "
        f"knowledge base + matchers {kb_s:.1f} s ({aliases} surface forms)"
    )
    print(f"{'pass':<24}{'words/s':>10}{'articles/s':>12}{'ratio to bare':>15}")
    base = timings["bare spaCy nlp.pipe"]
    for name, seconds in timings.items():
        print(
            f"{name:<24}{words / seconds:>10.0f}{args.docs / seconds:>12.1f}{base / seconds:>15.2f}"
        )
    added = timings["factions pipeline"] - timings["block-wise parse"]
    print(f"actors (+ events) add {added:.2f} s = {100 * added / base:.1f}% of the bare pass")


if __name__ == "__main__":
    main()
