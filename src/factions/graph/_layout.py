"""Where each actor goes in the picture, in inches, so that no two labels overlap.

Friends and bloc-mates attract in a force layout (hostile ties barely pull, so a spoiler stays
near the blocs it fights instead of drifting off); each connected part of the network is laid
out alone and the parts are packed in rows, largest first, so that small unrelated conflicts do
not leave the page empty around them. Finally boxes that still overlap (a node and its label)
are pushed apart, along the axis where they overlap least.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from factions.graph._build import SignedGraph


@dataclass(frozen=True, slots=True)
class Box:
    """The room a node and its label take around the node's centre, in inches."""

    half_width: float
    below: float
    above: float


def layout(
    graph: SignedGraph, groups: Sequence[Sequence[str]], boxes: Mapping[str, Box]
) -> dict[str, tuple[float, float]]:
    """Positions in inches for the nodes of ``groups`` (the blocs, as drawn)."""
    shown = [m for g in groups for m in g]
    pull = nx.Graph()
    pull.add_nodes_from(sorted(shown))
    heaviest = max((abs(d["weight"]) for _, _, d in graph.nx.edges(data=True)), default=1.0)
    for group in groups:
        for i, u in enumerate(group):
            for v in group[i + 1 :]:
                pull.add_edge(u, v, weight=0.6)
    for u, v, d in graph.nx.subgraph(shown).edges(data=True):
        w = d["weight"] / (heaviest or 1.0)
        strength = 1.0 + 4.0 * w if w > 0 else 0.05
        if pull.has_edge(u, v):
            strength = max(strength, pull.edges[u, v]["weight"])
        pull.add_edge(u, v, weight=strength)
    parts = []
    for component in sorted(nx.connected_components(pull), key=lambda c: (-len(c), min(c))):
        if len(component) == 1:
            placed = {next(iter(component)): [0.0, 0.0]}
        else:
            raw = nx.spring_layout(
                pull.subgraph(component),
                seed=7,
                k=1.0,
                iterations=300,
                weight="weight",
                scale=0.9 * math.sqrt(len(component)),
            )
            placed = {n: [float(p[0]), float(p[1])] for n, p in raw.items()}
            _separate(placed, boxes)
        parts.append(placed)
    return _pack(parts, boxes)


def _separate(pos: dict[str, list[float]], boxes: Mapping[str, Box], rounds: int = 300) -> None:
    """Push overlapping boxes apart, a little each round, until none overlap."""
    nodes = sorted(pos)
    margin = 0.06
    for _ in range(rounds):
        moved = False
        for i, u in enumerate(nodes):
            bu, pu = boxes[u], pos[u]
            for v in nodes[i + 1 :]:
                bv, pv = boxes[v], pos[v]
                ox = bu.half_width + bv.half_width + margin - abs(pu[0] - pv[0])
                if ox <= 0:
                    continue
                if pv[1] >= pu[1]:
                    oy = pu[1] + bu.above + bv.below + margin - pv[1]
                    up = 1.0
                else:
                    oy = pv[1] + bv.above + bu.below + margin - pu[1]
                    up = -1.0
                if oy <= 0:
                    continue
                moved = True
                if oy <= ox:
                    pu[1] -= up * oy / 2
                    pv[1] += up * oy / 2
                else:
                    right = 1.0 if pv[0] >= pu[0] else -1.0
                    pu[0] -= right * ox / 2
                    pv[0] += right * ox / 2
        if not moved:
            return


def _pack(
    parts: list[dict[str, list[float]]], boxes: Mapping[str, Box]
) -> dict[str, tuple[float, float]]:
    """Place the parts in rows, largest first, like words in a paragraph."""
    gap = 0.4
    spans = []
    for placed in parts:
        spans.append(
            (
                min(p[0] - boxes[n].half_width for n, p in placed.items()),
                max(p[0] + boxes[n].half_width for n, p in placed.items()),
                min(p[1] - boxes[n].below for n, p in placed.items()),
                max(p[1] + boxes[n].above for n, p in placed.items()),
            )
        )
    area = sum((x1 - x0 + gap) * (y1 - y0 + gap) for x0, x1, y0, y1 in spans)
    width = max([math.sqrt(area * 16 / 9), *(x1 - x0 for x0, x1, _, _ in spans)])
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for placed, (x0, x1, y0, y1) in zip(parts, spans, strict=True):
        w, h = x1 - x0 + gap, y1 - y0 + gap
        if x > 0 and x + w > width + gap:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, p in placed.items():
            pos[node] = (x + p[0] - x0, y - (y1 - p[1]))
        x += w
        row_height = max(row_height, h)
    return pos
