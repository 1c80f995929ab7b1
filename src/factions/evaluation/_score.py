"""Scores for one gold file and their micro-average over many."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from factions.evaluation._gold import GoldEvent, GoldFile
from factions.evaluation._match import AliasIndex, Judgement, judge, normalise_name, same_pair
from factions.events._gazetteer import distance_km, load_gazetteer
from factions.events._places import DIRECTIONS
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
    aligned: int = 0
    aligned_right: int = 0
    coalitions: int = 0
    coalition_jaccard: float = 0.0
    """The sum over gold coalitions of each one's best Jaccard; the score is its mean."""
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
            "alignment_sign_accuracy": _maybe(self.aligned_right, self.aligned),
            "alignment_pairs": self.aligned,
            "coalition_jaccard": (
                round(self.coalition_jaccard / self.coalitions, 4) if self.coalitions else None
            ),
            "coalitions": self.coalitions,
        }


@dataclass
class FileResult:
    gold: GoldFile
    processed: ProcessedDocument
    counts: Counts
    judgements: list[Judgement]
    missed: list[GoldEvent]
    missed_actors: list[str]
    alignment: Alignment | None = None


def score_file(gold: GoldFile, processed: ProcessedDocument, *, organs: bool = False) -> FileResult:
    index = AliasIndex(gold.actors, organs=organs)
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
            counts.dated_right += _same_time(event, g.date)
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
    alignment = _alignment(gold, processed, index)
    counts.aligned = len(alignment.pairs)
    counts.aligned_right = sum(a.gold == a.system for a in alignment.pairs)
    counts.coalitions = len(alignment.coalitions)
    counts.coalition_jaccard = sum(c.jaccard for c in alignment.coalitions)
    return FileResult(gold, processed, counts, judgements, missed, missed_actors, alignment)


@dataclass(frozen=True, slots=True)
class SignedPair:
    a: str
    b: str
    gold: int
    system: int
    """+1, -1, or 0 when the network cannot sign the pair (counted wrong)."""


@dataclass(frozen=True, slots=True)
class BlocMatch:
    gold: tuple[str, ...]
    system: tuple[str, ...]
    """The best system bloc, as gold keys among those the gold coalitions name."""
    jaccard: float


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[SignedPair, ...]
    coalitions: tuple[BlocMatch, ...]


def _alignment(gold: GoldFile, processed: ProcessedDocument, index: AliasIndex) -> Alignment:
    """The file's network (factions.graph) seen at the gold's actors, against its alignment.

    A system actor stands for the gold actor its id or canonical name names, else one its
    mentions name; ties are summed per gold actor (Iran's army and government count as Iran).
    A pair's sign is graph.relation's: their own tie, else balance through common neighbours,
    else their blocs; a pair the network cannot sign counts as wrong. A coalition's Jaccard is
    its best over system blocs, counting only the actors the gold coalitions name (the gold
    partitions those alone; an actor it leaves out may sit in any bloc).
    """
    from factions.graph import find_coalitions, graph_from_events, relation

    graph = graph_from_events(processed.events, actors={a.actor_id: a for a in processed.actors})
    mentions: dict[str, set[str]] = {}
    for e in processed.events:
        for ref in (e.source, e.target):
            if ref is not None:
                mentions.setdefault(ref.id, set()).add(ref.mention)
    groups = {}
    for node in graph.nodes():
        keys = index.keys_of_names([node.id, node.name])
        keys = keys or index.keys_of_names(sorted(mentions.get(node.id, ())))
        if keys:
            groups[node.id] = sorted(keys)[0]
    network = graph.contract(groups)
    blocs = find_coalitions(network)
    pairs = tuple(SignedPair(a, b, s, relation(network, a, b, blocs)) for a, b, s in gold.alignment)
    named = {key for coalition in gold.coalitions for key in coalition}
    matches = []
    for coalition in gold.coalitions:
        want = set(coalition)
        best: tuple[float, tuple[str, ...]] = (0.0, ())
        for bloc in blocs:
            got = set(bloc.members) & named
            score = len(want & got) / len(want | got) if want | got else 0.0
            if score > best[0]:
                best = (score, tuple(sorted(got)))
        matches.append(BlocMatch(tuple(coalition), best[1], best[0]))
    return Alignment(pairs, tuple(matches))


def _system_type(gold: GoldEvent, system: list[Event], index: AliasIndex) -> str:
    """The type the system gave the gold event's pair there (the gold's own type if allowed)."""
    types = [e.plover for e in system if same_pair(e, gold, index) and e.plover]
    for t in types:
        if t in gold.plover:
            return gold.plover[0]
    return types[0] if types else "(none)"


def _same_time(event: Event, gold: tuple[date, date]) -> bool:
    """Right when the event's range and the gold range share a day and the event's range is
    no wider than a year or the gold range: "in 2001" is right for an invasion the gold dates
    October-December 2001, "in the 2000s" is not. An undated event is wrong."""
    if event.date is None:
        return False
    end = event.date_end or event.date
    widest = max(366, (gold[1] - gold[0]).days + 1)
    return event.date <= gold[1] and end >= gold[0] and (end - event.date).days < widest


def _same_place(event: Event, gold_place: str) -> bool:
    """Right when the names agree ("Poonch" and the gazetteer's "Pūnch" do: both are looked up),
    with the same direction word if either has one ("eastern Congo")."""
    if event.place is None:
        return False
    a, b = normalise_name(event.place.name), normalise_name(gold_place)
    if a and b and (a in b or b in a):
        return True
    (dir_a, rest_a), (dir_b, rest_b) = _direction(event.place.name), _direction(gold_place)
    if dir_a != dir_b:
        return False
    gazetteer = load_gazetteer()
    context = [event.place.country] if event.place.country else []
    ours = gazetteer.lookup(rest_a, countries=context)
    theirs = gazetteer.lookup(rest_b, countries=context)
    if ours is None or theirs is None:
        return False
    if ours.name == theirs.name and ours.country == theirs.country:
        return True
    coordinates = (ours.lat, ours.lon, theirs.lat, theirs.lon)
    if any(c is None for c in coordinates):
        return False
    return distance_km(*coordinates) < NEAR_KM  # type: ignore[arg-type]


#: Two names for places this close are the same place.
NEAR_KM = 25.0


def _direction(name: str) -> tuple[str, str]:
    """("eastern", "Congo") for "eastern Congo", ("northwestern", "Syria") for "north-western
    Syria"; ("", name) without a direction. The words are the place finder's own."""
    words = name.strip().split(maxsplit=2)
    for width in (2, 1):  # "north western Syria" before "north Syria"
        if len(words) > width:
            word = "".join(words[:width]).lower().replace("-", "")
            if word in DIRECTIONS:
                return word, " ".join(words[width:])
    return "", name


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _maybe(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None
