"""Running the pipeline over gold texts and collecting per-file and overall scores."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factions.evaluation._gold import GoldError, find_gold_files, load_gold
from factions.evaluation._score import Counts, FileResult, score_file
from factions.ingest._text import guess_title
from factions.pipeline import Pipeline
from factions.records import Document


@dataclass
class Evaluation:
    files: list[FileResult]
    overall: Counts

    def to_json(self) -> dict[str, Any]:
        confusion: dict[str, dict[str, int]] = {}
        for (gold, system), n in sorted(self.overall.confusion.items()):
            confusion.setdefault(gold, {})[system] = n
        return {
            "files": [{"file": r.gold.path.name, **r.counts.scores()} for r in self.files],
            "overall": self.overall.scores(),
            "plover_confusion": confusion,
        }


def evaluate_paths(
    paths: list[Path], pipeline: Pipeline | None = None, *, organs: bool = False
) -> Evaluation:
    """Score every gold file under ``paths``; a malformed one raises GoldError naming it.
    ``organs``: a state's organ may stand for the gold state (see :class:`AliasIndex`)."""
    files = [f for p in paths for f in find_gold_files(p)]
    if not files:
        raise GoldError(f"no gold files (*.json) under {', '.join(map(str, paths))}")
    golds = [load_gold(f) for f in files]
    pipeline = pipeline or Pipeline()
    documents = [
        Document(
            text=g.text,
            source=str(g.path),
            title=guess_title(g.text),
            published=g.published,
            ext_id=g.id,
        )
        for g in golds
    ]
    results = [
        score_file(gold, processed, organs=organs)
        for gold, processed in zip(golds, pipeline.process(documents), strict=True)
    ]
    overall = Counts()
    for r in results:
        overall.add(r.counts)
    return Evaluation(results, overall)
