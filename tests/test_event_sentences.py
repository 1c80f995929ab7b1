"""Example sentences we wrote (tests/data/event_sentences.yaml), coded by the real pipeline.

Scored, not asserted one by one: the share of expected events found (source, target, type and
negation right) and the share of events produced that were expected may only go up (floors in
tests/quality_floor.json, key "sentences"), and every PLOVER type and every CAMEO root must be
coded right at least once.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import yaml

from factions.pipeline import Pipeline
from factions.records import ActorRef, Document, Event
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "event_sentences.yaml"
FLOOR = json.loads((ROOT / "tests" / "quality_floor.json").read_text(encoding="utf-8"))


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    produced: int = 0
    correct: int = 0
    plover_right: Counter[str] = field(default_factory=Counter)
    roots_right: Counter[str] = field(default_factory=Counter)


def _overlaps(needle: object, mention: str | None) -> bool:
    if needle is None or mention is None:
        return needle is None and mention is None
    a, b = str(needle).lower(), mention.lower()
    return a in b or b in a


def _side(expected: object, ref: ActorRef | None) -> bool:
    """The expected words name the side: its mention, or (for a pronoun or a metonym) the actor
    it was resolved to, as DESIGN.md's gold matching reads id, name or mention."""
    if ref is None:
        return expected is None
    return _overlaps(expected, ref.mention) or (
        expected is not None and _overlaps(expected, ref.name)
    )


def _matches(expected: dict[str, object], event: Event) -> bool:
    source, target = event.source, event.target
    sides = _side(expected.get("source"), source) and _side(expected.get("target"), target)
    if not sides and expected.get("either_way"):  # "X and Y met": one event, either way round
        sides = _side(expected.get("source"), target) and _side(expected.get("target"), source)
    return (
        event.plover == expected["plover"]
        and bool(expected.get("negated", False)) == event.negated
        and sides
    )


@pytest.fixture(scope="module")
def score() -> Score:
    sentences = yaml.safe_load(DATA.read_text(encoding="utf-8"))["sentences"]
    documents = [
        Document(text=s["text"], source=f"sentence {i}", published=date(2020, 6, 15))
        for i, s in enumerate(sentences)
    ]
    result = Score()
    for sentence, processed in zip(sentences, Pipeline().process(documents), strict=True):
        events = list(processed.events)
        result.produced += len(events)
        used: set[int] = set()
        for expected in sentence["events"]:
            result.expected += 1
            hit = next(
                (i for i, e in enumerate(events) if i not in used and _matches(expected, e)), None
            )
            if hit is not None:
                used.add(hit)
                result.found += 1
                result.plover_right[str(expected["plover"])] += 1
                if events[hit].cameo and events[hit].cameo[:2] == str(expected["cameo_root"]):
                    result.roots_right[str(expected["cameo_root"])] += 1
        result.correct += len(used)
    return result


def test_recall_and_precision_do_not_fall(score: Score):
    recall = score.found / score.expected
    precision = score.correct / score.produced if score.produced else 0.0
    print(
        f"sentences: recall {recall:.3f} precision {precision:.3f} "
        f"({score.found}/{score.expected} expected, {score.produced} produced)"
    )
    floor = FLOOR["sentences"]
    assert recall >= floor["recall"]
    assert precision >= floor["precision"]


def test_every_plover_type_is_coded_right_somewhere(score: Score):
    from factions.ontology import PLOVER_TYPES

    missing = [t for t in PLOVER_TYPES if score.plover_right[t] == 0]
    assert missing == []


def test_every_cameo_root_is_coded_right_somewhere(score: Score):
    from factions.ontology import CAMEO_ROOTS

    missing = [r for r in CAMEO_ROOTS if score.roots_right[r] == 0]
    assert missing == []


def test_the_sentence_file_is_well_formed():
    sentences = yaml.safe_load(Path(DATA).read_text(encoding="utf-8"))["sentences"]
    assert len(sentences) >= 300
    for s in sentences:
        for e in s["events"]:
            for side in ("source", "target"):
                assert e.get(side) is None or e[side] in s["text"]
