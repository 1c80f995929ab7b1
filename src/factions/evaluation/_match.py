"""The matching rules of DESIGN.md, on plain records so they can be tested on hand-made outputs.

A system event matches a gold event when its sentence overlaps the gold anchor, its source and
target (id, name or mention) each match an alias of one of the allowed actors, and its PLOVER
type is allowed. Each gold event absorbs at most one system event; a second system event that
could only match an already-matched gold event is a *duplicate* and counts against precision.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from factions.evaluation._gold import GoldActor, GoldEvent
from factions.records import ActorRef, Event

_PUNCT = re.compile(r"[^\w\s]")
_THE = re.compile(r"^(the|a|an)\s+")
#: "Democratic Republic of the Congo" and "…of Congo" are one name; an inner article names nothing.
_INNER_THE = re.compile(r"(?<=\s)the\s+")
#: Counts in front of a name do not change whom it names ("43 civilians", "hundreds of troops").
_QUANTITY = re.compile(
    r"^(?:(?:at least|more than|less than|about|around|nearly|some|several|many|a few|"
    r"hundreds|thousands|dozens|tens of thousands|scores|a number|\d[\d,.]*|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|twenty|forty one|forty-one)(?:\s+of)?\s+)+"
)
_POSSESSIVE = re.compile(r"['’]s\b")


def normalise_name(name: str) -> str:
    """Case, accents, punctuation, articles and possessives do not matter."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = _POSSESSIVE.sub("", folded)
    folded = " ".join(_PUNCT.sub(" ", folded).split())
    folded = _INNER_THE.sub("", _THE.sub("", folded))
    return _QUANTITY.sub("", folded) or folded


#: Kinds of a state's own organs: its government, its armed forces, its police.
STATE_ORGANS = {"government", "military", "police"}


class AliasIndex:
    """Which gold actor keys a system actor reference can stand for: by id, name or mention
    against the aliases, as DESIGN.md says.

    With ``organs``, a state's organs also stand for the state (gold files list "Moscow",
    "the Kremlin" and "Russian forces" as Russia): a system actor that is a government,
    military or police whose CAMEO code begins with a gold state's country code matches that
    state when none of its names does ("it", resolved to the Russian government, is Russia).
    A gold file that keeps a country's organ apart (a junta, a coast guard of its own) turns
    this off for that country: its aliases decide. It is off by default, because DESIGN.md
    matches names only.
    """

    def __init__(self, actors: dict[str, GoldActor], *, organs: bool = False) -> None:
        self._keys: dict[str, set[str]] = {}
        for key, actor in actors.items():
            for alias in (key, key.replace("_", " "), *actor.aliases):
                norm = normalise_name(alias)
                if norm:
                    self._keys.setdefault(norm, set()).add(key)
        apart = {a.country for a in actors.values() if a.kind in STATE_ORGANS and a.country}
        self._states: dict[str, set[str]] = {}
        for key, actor in actors.items() if organs else ():
            if actor.kind == "state" and actor.country and actor.country not in apart:
                self._states.setdefault(actor.country, set()).add(key)

    def keys_of_names(self, names: Iterable[str | None]) -> set[str]:
        found: set[str] = set()
        for name in names:
            if name:
                found |= self._keys.get(normalise_name(name), set())
        return found

    def keys(self, ref: ActorRef | None) -> set[str]:
        if ref is None:
            return set()
        named = self.keys_of_names((ref.id, ref.name, ref.mention))
        if named or ref.kind not in STATE_ORGANS or not ref.code:
            return named
        return set(self._states.get(ref.code[:3], ()))


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def same_pair(event: Event, gold: GoldEvent, index: AliasIndex) -> bool:
    """Overlapping sentence and matching actors, whatever the type."""
    return (
        overlaps(event.span, gold.spans)
        and bool(index.keys(event.source) & set(gold.source))
        and bool(index.keys(event.target) & set(gold.target))
    )


def matches(event: Event, gold: GoldEvent, index: AliasIndex) -> bool:
    return event.plover in gold.plover and same_pair(event, gold, index)


@dataclass(frozen=True, slots=True)
class Judgement:
    """What became of one system event."""

    event: Event
    gold: GoldEvent | None
    verdict: str
    """'match', 'duplicate', 'negation_error' or 'false_positive'."""


def judge(
    system: list[Event],
    events: Iterable[GoldEvent],
    negated: Iterable[GoldEvent],
    index: AliasIndex,
) -> list[Judgement]:
    """Assign system events to gold events greedily in text order, required ones first."""
    gold = sorted(events, key=lambda g: not g.required)
    negated = list(negated)
    taken: set[int] = set()
    out: list[Judgement] = []
    for event in sorted(system, key=lambda e: (e.span[0], e.trigger_start)):
        candidates = [i for i, g in enumerate(gold) if matches(event, g, index)]
        free = [i for i in candidates if i not in taken]
        if free:
            taken.add(free[0])
            out.append(Judgement(event, gold[free[0]], "match"))
        elif candidates:
            out.append(Judgement(event, gold[candidates[0]], "duplicate"))
        else:
            wrong = next((n for n in negated if _matches_negated(event, n, index)), None)
            verdict = "negation_error" if wrong else "false_positive"
            out.append(Judgement(event, wrong, verdict))
    return out


def _matches_negated(event: Event, gold: GoldEvent, index: AliasIndex) -> bool:
    type_ok = not gold.plover or event.plover in gold.plover
    return type_ok and same_pair(event, gold, index)
