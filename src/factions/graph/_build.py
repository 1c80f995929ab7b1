"""The signed, weighted actor network, from events in memory or summed inside the store.

Alignment is symmetric: an attack by A on B and one by B on A both say that A and B are enemies,
so the network is an undirected networkx Graph. Each edge sums the signed weights of the events
between the pair (data/graph/weights.yaml) and counts them: ``positive`` and ``negative`` events,
and ``events`` in all. Nodes carry the actor's ``name``, ``kind`` and ``code``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from factions.graph._weights import WeightsFile, event_weight, weighting
from factions.records import Actor, ActorRef, Event
from factions.store import EdgeStat, Store


@dataclass(frozen=True, slots=True)
class GraphOptions:
    """What goes into a graph: a period, a time decay, rollup, and a floor on evidence."""

    since: date | None = None
    until: date | None = None
    half_life_days: float | None = None
    """An event this many days older than ``reference_date`` counts half; None: no decay."""
    rollup: bool = False
    """Count members (a government, an army) as their parent (the state), through ``parents``."""
    min_events: int = 1
    """Ties resting on fewer events are left out."""
    reference_date: date | None = None
    """The day ages are counted from; None: the latest event's date."""


NO_OPTIONS = GraphOptions()
"""Every event, no decay, no rollup."""


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    kind: str
    code: str | None


@dataclass(frozen=True, slots=True)
class Edge:
    """A tie; ``weight`` is signed (allies > 0, enemies < 0), the others are event counts."""

    source: str
    target: str
    weight: float
    positive: int
    negative: int
    events: int


class SignedGraph:
    """A signed actor network over a networkx Graph (``.nx``), with typed accessors."""

    def __init__(self, graph: nx.Graph | None = None) -> None:
        self.nx: nx.Graph = graph if graph is not None else nx.Graph()

    def __len__(self) -> int:
        return int(self.nx.number_of_nodes())

    def __contains__(self, node_id: object) -> bool:
        return bool(self.nx.has_node(node_id))

    def add_node(self, node: Node) -> None:
        self.nx.add_node(node.id, name=node.name, kind=node.kind, code=node.code)

    def add_edge(self, edge: Edge) -> None:
        """Add a tie, or add its weight and counts to the tie already there."""
        if self.nx.has_edge(edge.source, edge.target):
            data = self.nx.edges[edge.source, edge.target]
            for key in ("weight", "positive", "negative", "events"):
                data[key] += getattr(edge, key)
        else:
            self.nx.add_edge(
                edge.source,
                edge.target,
                weight=edge.weight,
                positive=edge.positive,
                negative=edge.negative,
                events=edge.events,
            )

    def node(self, node_id: str) -> Node:
        data = self.nx.nodes[node_id]
        return Node(node_id, data["name"], data["kind"], data["code"])

    def nodes(self) -> Iterator[Node]:
        for node_id in sorted(self.nx.nodes):
            yield self.node(node_id)

    def edges(self) -> Iterator[Edge]:
        """Every tie once, source < target, in a stable order."""
        for u, v in sorted(tuple(sorted((a, b))) for a, b in self.nx.edges):
            yield self.edge(u, v)

    def edge(self, a: str, b: str) -> Edge:
        data = self.nx.edges[a, b]
        return Edge(a, b, data["weight"], data["positive"], data["negative"], data["events"])

    def weight(self, a: str, b: str) -> float:
        """The signed tie between two actors; 0.0 when they have none."""
        if not self.nx.has_edge(a, b):
            return 0.0
        return float(self.nx.edges[a, b]["weight"])

    def strength(self, node_id: str) -> float:
        """The total weight, whatever its sign, of an actor's ties: how central it is."""
        return float(sum(abs(d["weight"]) for _, _, d in self.nx.edges(node_id, data=True)))

    def contract(
        self, groups: Mapping[str, str], names: Mapping[str, str] | None = None
    ) -> SignedGraph:
        """A coarser graph where every node of ``groups`` becomes its group's node.

        Ties are summed; ties inside a group vanish. Nodes without a group stay as they are.
        The evaluation uses this to see the network at the gold file's level of actors.
        """
        out = SignedGraph()
        for node in self.nodes():
            group = groups.get(node.id)
            if group is None:
                out.add_node(node)
            elif group not in out:
                name = (names or {}).get(group, group)
                out.add_node(Node(group, name, node.kind, node.code))
        for e in self.edges():
            a, b = groups.get(e.source, e.source), groups.get(e.target, e.target)
            if a != b:
                out.add_edge(Edge(a, b, e.weight, e.positive, e.negative, e.events))
        out.nx.remove_nodes_from([n for n in list(out.nx.nodes) if out.nx.degree(n) == 0])
        return out

    def to_json(self, blocs: Mapping[str, int] | None = None) -> dict[str, Any]:
        """networkx node-link form, as DESIGN.md fixes it ("bloc" added when blocs are given)."""
        nodes = []
        for n in self.nodes():
            record: dict[str, Any] = {"id": n.id, "name": n.name, "kind": n.kind, "code": n.code}
            if blocs is not None and n.id in blocs:
                record["bloc"] = blocs[n.id]
            nodes.append(record)
        links = [
            {
                "source": e.source,
                "target": e.target,
                "weight": round(e.weight, 6),
                "positive": e.positive,
                "negative": e.negative,
                "events": e.events,
            }
            for e in self.edges()
        ]
        return {"directed": False, "multigraph": False, "graph": {}, "nodes": nodes, "links": links}


def rollup_map(actors: Mapping[str, Actor]) -> dict[str, str]:
    """Each actor with parents → its top ancestor, following the first parent of each.

    Only the first parent is followed: a group with two parents is counted once, under the one
    its entry names first. Cycles in user files stop where they close.
    """
    roots: dict[str, str] = {}
    for actor_id in actors:
        seen = [actor_id]
        current = actor_id
        while (actor := actors.get(current)) is not None and actor.parents:
            parent = actor.parents[0]
            if parent in seen:
                break
            seen.append(parent)
            current = parent
        if current != actor_id:
            roots[actor_id] = current
    return roots


def graph_from_events(
    events: Iterable[Event],
    options: GraphOptions = GraphOptions(),
    actors: Mapping[str, Actor] | None = None,
    weights: WeightsFile | None = None,
) -> SignedGraph:
    """The network of a few events in memory (one article, a test, the evaluation).

    ``actors`` gives nodes their canonical attributes and, with ``options.rollup``, the
    parents; without it nodes take the attributes of the events' actor references.
    """
    actors = actors or {}
    period = [e for e in events if _in_period(e.date, options)]
    # ages count from the latest event of the period, as in the store
    reference = options.reference_date or max((e.date for e in period if e.date), default=None)
    kept = [e for e in period if e.source is not None and e.target is not None]
    how = weighting(
        weights,
        half_life_days=options.half_life_days,
        reference_date=reference,
        rollup=rollup_map(actors) if options.rollup else None,
    )
    refs: dict[str, ActorRef] = {}
    stats: dict[tuple[str, str], list[float]] = {}
    for event in kept:
        assert event.source is not None and event.target is not None
        if event.negated or event.plover not in how.types or (event.caption and not how.caption):
            continue
        a = how.rollup.get(event.source.id, event.source.id)
        b = how.rollup.get(event.target.id, event.target.id)
        if a == b:
            continue
        refs.setdefault(event.source.id, event.source)
        refs.setdefault(event.target.id, event.target)
        w = event_weight(event, how, event.date)
        row = stats.setdefault((min(a, b), max(a, b)), [0.0, 0, 0, 0])
        row[0] += w
        row[1] += w > 0
        row[2] += w < 0
        row[3] += 1
    edge_stats = [
        EdgeStat(a, b, r[0], int(r[1]), int(r[2]), int(r[3])) for (a, b), r in stats.items()
    ]
    return _assemble(edge_stats, options, lambda i: _node_of(i, actors, refs))


def build_graph(
    store: Store,
    options: GraphOptions = GraphOptions(),
    weights: WeightsFile | None = None,
) -> SignedGraph:
    """The network of everything stored, summed inside DuckDB: fast over millions of events."""
    table = store.actor_table()
    how = weighting(
        weights,
        half_life_days=options.half_life_days,
        reference_date=options.reference_date,
        rollup=rollup_map(table) if options.rollup else None,
    )
    stats = store.edge_stats(how, since=options.since, until=options.until)
    if options.rollup:
        table = {**_known_parents(set(how.rollup.values()) - set(table)), **table}
    return _assemble(stats, options, lambda i: _node_of(i, table, {}))


def _known_parents(missing: set[str]) -> dict[str, Actor]:
    """Parents nobody mentioned are not in the store: their names come from the knowledge base."""
    if not missing:
        return {}
    from factions.actors import load_actors

    kb = load_actors()
    found = {actor_id: kb.get(actor_id) for actor_id in missing}
    return {actor_id: actor for actor_id, actor in found.items() if actor is not None}


def _assemble(stats: Iterable[EdgeStat], options: GraphOptions, node_of: Any) -> SignedGraph:
    """The graph of summed ties (one per pair), added in bulk: 400k ties take a second."""
    kept = [s for s in stats if s.events >= options.min_events]
    graph = nx.Graph()
    ids = sorted({i for s in kept for i in (s.a, s.b)})
    nodes = (node_of(i) for i in ids)
    graph.add_nodes_from((n.id, {"name": n.name, "kind": n.kind, "code": n.code}) for n in nodes)
    graph.add_edges_from(
        (
            s.a,
            s.b,
            {
                "weight": s.weight,
                "positive": s.positive,
                "negative": s.negative,
                "events": s.events,
            },
        )
        for s in kept
    )
    return SignedGraph(graph)


def _node_of(node_id: str, actors: Mapping[str, Actor], refs: Mapping[str, ActorRef]) -> Node:
    actor = actors.get(node_id)
    if actor is not None:
        return Node(node_id, actor.name, actor.kind, actor.code)
    ref = refs.get(node_id)
    if ref is not None:
        return Node(node_id, ref.name, ref.kind, ref.code)
    return Node(node_id, node_id, "", None)


def _in_period(day: date | None, options: GraphOptions) -> bool:
    if options.since is None and options.until is None:
        return True
    if day is None:
        return False
    if options.since and day < options.since:
        return False
    return not (options.until and day > options.until)
