"""Questions about one actor, answered with evidence: allies, enemies, and a timeline.

Each answer is computed inside DuckDB from the events of that actor alone, so it stays fast on a
store of millions of events, and every tie comes with the sentences that made it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from factions.errors import FactionsError
from factions.graph._build import NO_OPTIONS, GraphOptions, Node, rollup_map
from factions.graph._weights import WeightsFile, weighting
from factions.records import Actor
from factions.store import Store, TieEvidence, TieWeighting


class UnknownActorError(FactionsError):
    """A name that matches no actor of the store (with the closest names, if any)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """An event behind a tie, as a reader checks it: what, when, and the sentence."""

    plover: str
    weight: float
    date: dt.date | None
    source: str
    target: str
    trigger: str
    modality: str
    sentence: str
    doc_id: str
    doc_ref: str | None


@dataclass(frozen=True, slots=True)
class Tie:
    """Another actor's tie to the one asked about: net signed weight, counts, evidence."""

    actor: Node
    weight: float
    positive: int
    negative: int
    events: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """Events of an actor per month and PLOVER type (months in order, undated events apart)."""

    actor: Node
    months: tuple[dt.date, ...]
    counts: dict[str, tuple[int, ...]]
    """PLOVER type → events per month, aligned with ``months``."""
    undated: int


def resolve_actor(store: Store, name: str, rollup: bool = False) -> Node:
    """The actor a user means by ``name``: an id, a canonical name or a mention (any case).

    With ``rollup``, a member resolves to the parent it is counted as.
    """
    return _resolve(store, name, rollup)[0]


def _resolve(store: Store, name: str, rollup: bool) -> tuple[Node, dict[str, str]]:
    """The actor, and the rollup map when asked for (it needs the whole actor table)."""
    found = store.find_actors(name)
    if not found:
        raise UnknownActorError(_unknown_message(store, name))
    actor = found[0]
    if not rollup:
        return Node(actor.actor_id, actor.name, actor.kind, actor.code), {}
    table = store.actor_table()
    roots = rollup_map(table)
    return _node(roots.get(actor.actor_id, actor.actor_id), table), roots


def allies(
    store: Store,
    name: str,
    options: GraphOptions = NO_OPTIONS,
    *,
    limit: int = 20,
    evidence: int = 3,
    weights: WeightsFile | None = None,
) -> list[Tie]:
    """The actors with a positive net tie to ``name``, strongest first."""
    return _ties(store, name, options, 1, limit, evidence, weights)


def enemies(
    store: Store,
    name: str,
    options: GraphOptions = NO_OPTIONS,
    *,
    limit: int = 20,
    evidence: int = 3,
    weights: WeightsFile | None = None,
) -> list[Tie]:
    """The actors with a negative net tie to ``name``, most hostile first."""
    return _ties(store, name, options, -1, limit, evidence, weights)


def timeline(
    store: Store,
    name: str,
    options: GraphOptions = NO_OPTIONS,
) -> Timeline:
    """Events of ``name`` (as source or target) per month and type; with rollup, its members'."""
    actor, roots = _resolve(store, name, options.rollup)
    ids = [actor.id, *(m for m, root in roots.items() if root == actor.id)]
    rows = store.timeline(ids, since=options.since, until=options.until)
    months = tuple(sorted({r.month for r in rows if r.month is not None}))
    position = {m: i for i, m in enumerate(months)}
    counts: dict[str, list[int]] = {}
    undated = 0
    for r in rows:
        if r.month is None:
            undated += r.events
            continue
        counts.setdefault(r.plover, [0] * len(months))[position[r.month]] += r.events
    return Timeline(actor, months, {k: tuple(v) for k, v in counts.items()}, undated)


def _ties(
    store: Store,
    name: str,
    options: GraphOptions,
    sign: int,
    limit: int,
    per_tie: int,
    weights: WeightsFile | None,
) -> list[Tie]:
    # only rollup needs the whole actor table; without it the store answers on one connection
    roots = rollup_map(store.actor_table()) if options.rollup else {}
    how: TieWeighting = weighting(
        weights,
        half_life_days=options.half_life_days,
        reference_date=options.reference_date,
        rollup=roots,
    )
    answer = store.ties(
        how,
        name,
        sign=sign,
        limit=limit,
        per_partner=per_tie,
        min_events=options.min_events,
        since=options.since,
        until=options.until,
    )
    if answer is None:
        raise UnknownActorError(_unknown_message(store, name))
    return [
        Tie(
            actor=Node(t.partner.actor_id, t.partner.name, t.partner.kind, t.partner.code),
            weight=t.stat.weight,
            positive=t.stat.positive,
            negative=t.stat.negative,
            events=t.stat.events,
            evidence=tuple(_evidence(e) for e in t.evidence),
        )
        for t in answer[1]
    ]


def _evidence(row: TieEvidence) -> Evidence:
    return Evidence(
        plover=row.plover,
        weight=row.weight,
        date=row.day,
        source=row.source_name,
        target=row.target_name,
        trigger=row.trigger,
        modality=row.modality,
        sentence=row.sentence,
        doc_id=row.doc_id,
        doc_ref=row.doc_ref,
    )


def _node(actor_id: str, table: dict[str, Actor]) -> Node:
    actor = table.get(actor_id)
    if actor is None:
        return Node(actor_id, actor_id, "", None)
    return Node(actor_id, actor.name, actor.kind, actor.code)


def _unknown_message(store: Store, name: str) -> str:
    names = {a.name.lower(): a.name for a in store.actor_table().values() if a.known}
    close = difflib.get_close_matches(name.lower(), sorted(names), n=3, cutoff=0.75)
    hint = f"; did you mean {', '.join(repr(names[c]) for c in close)}?" if close else ""
    return f"no actor named {name!r} in {store.path}{hint}"
