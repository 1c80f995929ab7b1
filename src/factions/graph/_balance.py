"""Structural balance: how far the network is from splitting cleanly into two camps.

A triangle of ties is balanced when the product of its signs is positive: three friends, or two
friends with a common enemy. Heider's theory says unbalanced triangles (a friend of a friend who
is an enemy) are where alliances are under strain; the ties that sit in most of them are the
ones that frustrate balance most, and usually the ones a reader should check first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from factions.graph._build import Edge, SignedGraph


@dataclass(frozen=True, slots=True)
class FrustratedTie:
    """A tie and the number of unbalanced triangles it closes."""

    edge: Edge
    unbalanced: int


@dataclass(frozen=True, slots=True)
class Balance:
    triangles: int
    balanced: int
    frustrating: tuple[FrustratedTie, ...]
    """Ties in unbalanced triangles, those in most of them first (then the weakest)."""

    @property
    def ratio(self) -> float | None:
        """The share of balanced triangles; None when the network has no triangle."""
        return self.balanced / self.triangles if self.triangles else None


def balance(graph: SignedGraph, top: int = 10) -> Balance:
    """Count balanced triangles among signed ties (ties of weight 0 have no sign)."""
    sign: dict[tuple[str, str], int] = {}
    neighbours: dict[str, set[str]] = {}
    for u, v, data in graph.nx.edges(data=True):
        w = data["weight"]
        if w == 0 or u == v:
            continue
        sign[_key(u, v)] = 1 if w > 0 else -1
        neighbours.setdefault(u, set()).add(v)
        neighbours.setdefault(v, set()).add(u)
    # visit each triangle once: from its lowest-ranked corner, ranked by (degree, id)
    rank = {n: (len(ns), n) for n, ns in neighbours.items()}
    triangles = balanced = 0
    unbalanced: Counter[tuple[str, str]] = Counter()
    for u, ns in neighbours.items():
        higher = sorted(v for v in ns if rank[v] > rank[u])
        for i, v in enumerate(higher):
            for w in higher[i + 1 :]:
                if w not in neighbours[v]:
                    continue
                triangles += 1
                edges = (_key(u, v), _key(v, w), _key(u, w))
                if sign[edges[0]] * sign[edges[1]] * sign[edges[2]] > 0:
                    balanced += 1
                else:
                    unbalanced.update(edges)
    ties = [FrustratedTie(graph.edge(a, b), n) for (a, b), n in unbalanced.items()]
    ties.sort(key=lambda t: (-t.unbalanced, abs(t.edge.weight), t.edge.source, t.edge.target))
    return Balance(triangles, balanced, tuple(ties[:top]))


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
