"""The quality floor: extraction may get better, never worse, on the shared and our own gold.

The floor lives in tests/quality_floor.json. Raise it whenever quality improves; never lower it
to get green.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factions.evaluation import evaluate_paths
from tests.conftest import ROOT, SHARED_GOLD

FLOOR = json.loads((ROOT / "tests" / "quality_floor.json").read_text(encoding="utf-8"))


def gold_dir(name: str) -> Path | None:
    if name == "shared":
        for candidate in (os.environ.get("FACTIONS_SHARED_GOLD"), SHARED_GOLD, "/work/shared/gold"):
            if candidate and Path(candidate).is_dir():
                return Path(candidate)
        return None
    return ROOT / "tests" / "gold"


@pytest.mark.parametrize("name", ["dev", "shared"])
def test_quality_does_not_fall_below_the_floor(name: str):
    directory = gold_dir(name)
    if directory is None:
        pytest.skip("../shared/gold is not on this machine (set FACTIONS_SHARED_GOLD)")
    overall = evaluate_paths([directory]).overall.scores()
    for metric, floor in FLOOR[name].items():
        assert overall[metric] >= floor, f"{name}: {metric} {overall[metric]} < floor {floor}"
