"""Measuring extraction against gold annotations: ``factions evaluate``."""

from __future__ import annotations

from factions.evaluation._gold import GoldError, GoldFile, find_gold_files, load_gold
from factions.evaluation._match import AliasIndex, judge, matches, normalise_name
from factions.evaluation._run import Evaluation, evaluate_paths
from factions.evaluation._score import Counts, FileResult, score_file

__all__ = [
    "AliasIndex",
    "Counts",
    "Evaluation",
    "FileResult",
    "GoldError",
    "GoldFile",
    "evaluate_paths",
    "find_gold_files",
    "judge",
    "load_gold",
    "matches",
    "normalise_name",
    "score_file",
]
