"""The alliance network: a signed, weighted graph of actors built from their events.

Cooperative events warm a tie, hostile ones cool it (data/graph/weights.yaml says how much);
coalitions are the blocs that keep friends together and enemies apart; balance says how
cleanly the network splits; the queries answer for one actor, with the sentences behind it::

    from factions.graph import build_graph, find_coalitions, allies
    graph = build_graph(Store("news.duckdb"))
    blocs = find_coalitions(graph)
"""

from __future__ import annotations

from factions.graph._balance import Balance, FrustratedTie, balance
from factions.graph._build import (
    NO_OPTIONS,
    Edge,
    GraphOptions,
    Node,
    SignedGraph,
    build_graph,
    graph_from_events,
    rollup_map,
)
from factions.graph._coalitions import Coalition, bloc_index, find_coalitions, relation
from factions.graph._formats import GRAPH_FORMATS, coalitions_json, write_all, write_graph
from factions.graph._queries import (
    Evidence,
    Tie,
    Timeline,
    UnknownActorError,
    allies,
    enemies,
    resolve_actor,
    timeline,
)
from factions.graph._weights import WeightsError, default_weights, load_weights_file

__all__ = [
    "GRAPH_FORMATS",
    "NO_OPTIONS",
    "Balance",
    "Coalition",
    "Edge",
    "Evidence",
    "FrustratedTie",
    "GraphOptions",
    "Node",
    "SignedGraph",
    "Tie",
    "Timeline",
    "UnknownActorError",
    "WeightsError",
    "allies",
    "balance",
    "bloc_index",
    "build_graph",
    "coalitions_json",
    "default_weights",
    "enemies",
    "find_coalitions",
    "graph_from_events",
    "load_weights_file",
    "relation",
    "resolve_actor",
    "rollup_map",
    "timeline",
    "write_all",
    "write_graph",
]
