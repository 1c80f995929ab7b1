"""Scores for one gold file and their micro-average over many."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from factions.evaluation._gold import GoldEvent, GoldFile
from factions.evaluation._match import AliasIndex, Judgement, judge, normalise_name, same_pair
from factions.records import Event, ProcessedDocument


@dataclass
class Counts:
    """Raw counts; every score is derived from them, so averaging is just adding."""

    system: int = 0
    matched: int = 0
    duplicates: int = 0
    negation_errors: int = 0
    required: int = 0
    required_matched: int = 0
    actors: int = 0
    actors_matched: int = 0
    dated: int = 0
    dated_right: int = 0
    placed: int = 0
    placed_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            if name != "confusion":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.confusion.update(other.confusion)

    def scores(self) -> dict[str, Any]:
        precision = _ratio(self.matched, self.system)
        recall = _ratio(self.required_matched, self.required)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "negation_errors": self.negation_errors,
            "duplicates": self.duplicates,
            "system_events": self.system,
            "matched_events": self.matched,
            "required_events": self.required,
            "required_matched": self.required_matched,
            "actor_recall": round(_ratio(self.actors_matched, self.actors), 4),
            "actors": self.actors,
            "actors_matched": self.actors_matched,
            "date_accuracy": _maybe(self.dated_right, self.dated),
            "dated_matched": self.dated,
            "place_accuracy": _maybe(self.placed_right, self.placed),
            "placed_matched": self.placed,
            "alignment_sign_accuracy": None,
            "coalition_jaccard": None,
        }


@dataclass
class FileResult:
    gold: GoldFile
    processed: ProcessedDocument
    counts: Counts
    judgements: list[Judgement]
    missed: list[GoldEvent]
    missed_actors: list[str]


def score_file(gold: GoldFile, processed: ProcessedDocument) -> FileResult:
    index = AliasIndex(gold.actors)
    system = [e for e in processed.events if not e.negated and e.plover and not e.caption]
    judgements = judge(system, gold.events, gold.negated, index)
    counts = Counts(system=len(system))
    for j in judgements:
        if j.verdict == "match":
            counts.matched += 1
        elif j.verdict == "duplicate":
            counts.duplicates += 1
        elif j.verdict == "negation_error":
            counts.negation_errors += 1
    matched = {id(j.gold): j.event for j in judgements if j.verdict == "match"}
    missed = []
    for g in gold.events:
        event = matched.get(id(g))
        if g.required:
            counts.required += 1
            counts.required_matched += event is not None
            if event is None:
                missed.append(g)
        if event is not None and g.date is not None:
            counts.dated += 1
            counts.dated_right += event.date is not None and g.date[0] <= event.date <= g.date[1]
        if event is not None and g.place:
            counts.placed += 1
            counts.placed_right += _same_place(event, g.place)
        counts.confusion[(g.plover[0], _system_type(g, system, index))] += 1
    names_seen = {name for m in processed.mentions for name in (m.text, m.actor_id)}
    names_seen |= {name for a in processed.actors for name in (a.name, a.actor_id)}
    found = index.keys_of_names(names_seen)
    counts.actors = len(gold.actors)
    counts.actors_matched = len(found & set(gold.actors))
    missed_actors = sorted(set(gold.actors) - found)
    return FileResult(gold, processed, counts, judgements, missed, missed_actors)


def _system_type(gold: GoldEvent, system: list[Event], index: AliasIndex) -> str:
    """The type the system gave the gold event's pair there (the gold's own type if allowed)."""
    types = [e.plover for e in system if same_pair(e, gold, index) and e.plover]
    for t in types:
        if t in gold.plover:
            return gold.plover[0]
    return types[0] if types else "(none)"


def _same_place(event: Event, gold_place: str) -> bool:
    if event.place is None:
        return False
    a, b = normalise_name(event.place.name), normalise_name(gold_place)
    return bool(a) and bool(b) and (a in b or b in a)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _maybe(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None
