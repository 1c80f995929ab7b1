"""Coalitions: blocs of actors with positive ties inside and negative ties between them.

The blocs maximise signed modularity (Gómez, Jensen and Arenas 2009) at a reduced resolution:
a positive tie inside a bloc adds to the score and a negative one subtracts, each measured
against γ times what the actors' total friendliness and hostility would give by chance.

- γ = 0 is plain correlation clustering: the most weight inside blocs, whatever their size.
  Any chain of weak positive ties (a meeting here, a statement of support there) then merges
  blocs of unrelated conflicts into one.
- γ = 1 is signed modularity, which splits too eagerly: a state that arms one rebel faction
  much more than the others is cut off from the rest of its camp.
- γ = 0.5, the default, keeps camps whole and unrelated conflicts apart on our examples.

An actor hostile to everyone (a spoiler) stays a bloc of its own at any γ.

The search is Louvain's: move single actors to the neighbouring bloc that raises the score
most, until none does; then merge each bloc into one node and repeat on the smaller graph.
Every step raises the score, so it stops; actors are visited in a fixed order, so the same
graph always gives the same blocs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from factions.graph._build import SignedGraph

_EPS = 1e-12


@dataclass(frozen=True, slots=True)
class Coalition:
    """A bloc, its members most central first.

    ``cohesion`` is the share of the weight of the ties touching the bloc that agrees with it
    (positive ties inside, negative ties across): 1.0 for a bloc of friends at odds with
    everyone else, lower as friendly ties leave it or hostile ones run inside it.
    """

    members: tuple[str, ...]
    cohesion: float

    def to_json(self) -> dict[str, object]:
        return {"members": list(self.members), "cohesion": round(self.cohesion, 4)}


@dataclass
class _Level:
    """One level of the Louvain search: super-nodes with split positive and negative ties."""

    members: list[list[int]]
    pos: list[dict[int, float]]
    neg: list[dict[int, float]]
    deg_pos: list[float] = field(default_factory=list)
    deg_neg: list[float] = field(default_factory=list)


DEFAULT_RESOLUTION = 0.5


def find_coalitions(graph: SignedGraph, resolution: float = DEFAULT_RESOLUTION) -> list[Coalition]:
    """The blocs of ``graph``, largest first (then the most central).

    ``resolution`` (γ) scales the chance term: 0 gives the fewest, largest blocs, 1 signed
    modularity, higher values smaller blocs.
    """
    nodes = sorted(graph.nx.nodes)
    if not nodes:
        return []
    index = {n: i for i, n in enumerate(nodes)}
    n = len(nodes)
    level = _Level([[i] for i in range(n)], [{} for _ in range(n)], [{} for _ in range(n)])
    for u, v, weight in graph.nx.edges(data="weight"):
        if u == v or weight == 0:
            continue
        a, b, w = index[u], index[v], float(weight)
        side = level.pos if w > 0 else level.neg
        side[a][b] = side[a].get(b, 0.0) + abs(w)
        side[b][a] = side[b].get(a, 0.0) + abs(w)
    level.deg_pos = [sum(row.values()) for row in level.pos]
    level.deg_neg = [sum(row.values()) for row in level.neg]
    total_pos, total_neg = sum(level.deg_pos), sum(level.deg_neg)
    while True:
        assignment = _local_moves(level, resolution, total_pos, total_neg)
        if len(set(assignment)) == len(level.members):
            break
        level = _aggregate(level, assignment)
    blocs = [[nodes[i] for i in group] for group in level.members]
    return _ranked(graph, blocs)


def bloc_index(coalitions: Sequence[Coalition]) -> dict[str, int]:
    """Actor id → the position of its bloc in ``coalitions``."""
    return {m: i for i, c in enumerate(coalitions) for m in c.members}


def _local_moves(level: _Level, resolution: float, total_pos: float, total_neg: float) -> list[int]:
    """Move nodes between blocs while a move raises the signed modularity.

    Joining bloc C is worth (positive ties to C − expected) − (negative ties to C − expected),
    the expectation being γ·k_i·K_C / 2W for each sign; a bloc of its own is worth 0.
    """
    n = len(level.members)
    bloc = list(range(n))
    bloc_pos = list(level.deg_pos)
    bloc_neg = list(level.deg_neg)
    gamma_pos = resolution / total_pos if total_pos else 0.0
    gamma_neg = resolution / total_neg if total_neg else 0.0
    fresh = n
    improved = True
    while improved:
        improved = False
        for node in range(n):
            current = bloc[node]
            kp, kn = level.deg_pos[node], level.deg_neg[node]
            bloc_pos[current] -= kp
            bloc_neg[current] -= kn
            toward: dict[int, float] = defaultdict(float)
            toward[current] += 0.0
            for other, w in level.pos[node].items():
                if other != node:
                    toward[bloc[other]] += w
            for other, w in level.neg[node].items():
                if other != node:
                    toward[bloc[other]] -= w

            worth = {
                c: t - gamma_pos * kp * bloc_pos[c] + gamma_neg * kn * bloc_neg[c]
                for c, t in toward.items()
            }
            best, value = current, worth[current]
            for candidate in sorted(worth):
                if worth[candidate] > value + _EPS:
                    best, value = candidate, worth[candidate]
            if value < -_EPS:
                # a bloc of its own: leaves the hostility it sits in, joins nobody
                best, fresh = fresh, fresh + 1
                bloc_pos.append(0.0)
                bloc_neg.append(0.0)
            if best != current:
                improved = True
            bloc[node] = best
            bloc_pos[best] += kp
            bloc_neg[best] += kn
    return bloc


def _aggregate(level: _Level, assignment: list[int]) -> _Level:
    labels = {b: i for i, b in enumerate(sorted(set(assignment)))}
    k = len(labels)
    merged = _Level([[] for _ in range(k)], [{} for _ in range(k)], [{} for _ in range(k)])
    merged.deg_pos = [0.0] * k
    merged.deg_neg = [0.0] * k
    for node, b in enumerate(assignment):
        label = labels[b]
        merged.members[label].extend(level.members[node])
        merged.deg_pos[label] += level.deg_pos[node]
        merged.deg_neg[label] += level.deg_neg[node]
    for source, target in ((level.pos, merged.pos), (level.neg, merged.neg)):
        for u, row in enumerate(source):
            for v, w in row.items():
                a, b = labels[assignment[u]], labels[assignment[v]]
                if a != b:
                    target[a][b] = target[a].get(b, 0.0) + w
    return merged


def _ranked(graph: SignedGraph, blocs: list[list[str]]) -> list[Coalition]:
    """Coalitions with their cohesion, from one pass over the ties."""
    where = {m: i for i, bloc in enumerate(blocs) for m in bloc}
    strength = dict.fromkeys(where, 0.0)
    agree = [0.0] * len(blocs)
    total = [0.0] * len(blocs)
    for u, v, w in graph.nx.edges(data="weight"):
        size = abs(w)
        strength[u] += size
        strength[v] += size
        bu, bv = where[u], where[v]
        agrees = (w > 0) if bu == bv else (w < 0)
        total[bu] += size
        agree[bu] += size if agrees else 0.0
        if bv != bu:
            total[bv] += size
            agree[bv] += size if agrees else 0.0
    coalitions = []
    for i, bloc in enumerate(blocs):
        ordered = tuple(sorted(bloc, key=lambda m: (-strength[m], m)))
        cohesion = agree[i] / total[i] if total[i] > 0 else 0.0
        coalitions.append(Coalition(ordered, cohesion))
    coalitions.sort(
        key=lambda c: (-len(c.members), -sum(strength[m] for m in c.members), c.members[0])
    )
    return coalitions


def relation(graph: SignedGraph, a: str, b: str, coalitions: Sequence[Coalition]) -> int:
    """+1 allies, -1 enemies, 0 unknown: what the network says of two actors.

    1. Their own tie, when they have one.
    2. Else structural balance through common neighbours: a friend of a friend is a friend,
       an enemy of a friend an enemy, an enemy of an enemy a friend; each path weighs as its
       weaker tie, and the paths' sum decides.
    3. Else the blocs: the same bloc means allies; two blocs mean enemies when the ties
       between them sum to a negative weight, allies when positive.
    """
    if a not in graph or b not in graph:
        return 0
    direct = graph.weight(a, b)
    if abs(direct) > _EPS:
        return 1 if direct > 0 else -1
    through = 0.0
    for c in set(graph.nx.neighbors(a)) & set(graph.nx.neighbors(b)):
        wa, wb = graph.weight(a, c), graph.weight(c, b)
        through += (1 if wa * wb > 0 else -1) * min(abs(wa), abs(wb))
    if abs(through) > _EPS:
        return 1 if through > 0 else -1
    blocs = bloc_index(coalitions)
    if a not in blocs or b not in blocs:
        return 0
    if blocs[a] == blocs[b]:
        return 1
    left, right = set(coalitions[blocs[a]].members), set(coalitions[blocs[b]].members)
    between = sum(graph.weight(u, v) for u in left for v in right if graph.nx.has_edge(u, v))
    if abs(between) > _EPS:
        return 1 if between > 0 else -1
    return 0
