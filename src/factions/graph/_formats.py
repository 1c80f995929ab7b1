"""Writing the network: node-link JSON (DESIGN.md), GraphML, GEXF for Gephi, PNG and SVG.

Every format carries the same nodes and ties. GraphML and GEXF cannot hold a missing value, so
an actor without a code gets an empty string; they also get each actor's bloc (``bloc``, -1
for none) and GEXF a colour per bloc, so Gephi opens the network already coloured.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import networkx as nx

from factions.errors import FactionsError
from factions.graph._balance import balance
from factions.graph._build import GraphOptions, SignedGraph, build_graph
from factions.graph._coalitions import Coalition, bloc_index, find_coalitions
from factions.graph._palette import bloc_colour
from factions.store import Store

GRAPH_FORMATS = ("json", "graphml", "gexf", "png", "svg")


def write_graph(
    graph: SignedGraph,
    fmt: str,
    out: Path | IO[bytes],
    coalitions: Sequence[Coalition] | None = None,
) -> None:
    """Write ``graph`` as ``fmt`` (one of GRAPH_FORMATS) to a path or a binary stream."""
    if fmt not in GRAPH_FORMATS:
        raise FactionsError(f"unknown graph format {fmt!r} (one of {', '.join(GRAPH_FORMATS)})")
    with _binary(out) as fh:
        if fmt in ("png", "svg"):
            from factions.graph._draw import draw_graph

            draw_graph(graph, fh, fmt, coalitions)
            return
        if fmt == "json":
            blocs = bloc_index(coalitions) if coalitions is not None else None
            text = json.dumps(graph.to_json(blocs), ensure_ascii=False, indent=1)
            fh.write((text + "\n").encode("utf-8"))
        elif fmt == "graphml":
            nx.write_graphml(_flat(graph, coalitions, colours=False), fh, encoding="utf-8")
        else:
            nx.write_gexf(_flat(graph, coalitions, colours=True), fh, encoding="utf-8")


def coalitions_json(coalitions: Sequence[Coalition]) -> str:
    """``factions coalitions --format json``: ``[{"members": [ids…], "cohesion": float}]``."""
    return json.dumps([c.to_json() for c in coalitions], ensure_ascii=False, indent=1) + "\n"


def write_all(store: Store, directory: Path) -> list[tuple[str, str]]:
    """The network files of ``factions export --all``: (file name, one-line description)."""
    directory.mkdir(parents=True, exist_ok=True)
    graph = build_graph(store, GraphOptions())
    blocs = find_coalitions(graph)
    ratio = balance(graph).ratio
    balanced = "no triangles" if ratio is None else f"{ratio:.0%} of triangles balanced"
    size = f"{len(graph)} actors, {graph.nx.number_of_edges()} ties, {balanced}"
    described = {
        "graph.json": f"signed actor network ({size}), networkx node-link JSON:"
        " weight > 0 allies, < 0 enemies",
        "graph.graphml": "the same network as GraphML (yEd, Cytoscape), with each actor's bloc",
        "graph.gexf": "the same network as GEXF for Gephi, actors coloured by bloc",
        "graph.png": "the network drawn: blocs coloured, ties green (allies), dashed red (enemies)",
        "graph.svg": "the same picture as SVG",
    }
    for name in described:
        write_graph(graph, name.rpartition(".")[2], directory / name, blocs)
    (directory / "coalitions.json").write_text(coalitions_json(blocs), encoding="utf-8")
    return [*described.items(), ("coalitions.json", "blocs of actors, each with a cohesion score")]


def _flat(graph: SignedGraph, coalitions: Sequence[Coalition] | None, *, colours: bool) -> nx.Graph:
    """A copy whose attribute values GraphML/GEXF can hold (no None), with blocs and labels."""
    blocs = bloc_index(coalitions or ())
    flat = nx.Graph()
    for node in graph.nodes():
        bloc = blocs.get(node.id, -1)
        attrs: dict[str, object] = {
            "label": node.name,
            "name": node.name,
            "kind": node.kind or "",
            "code": node.code or "",
            "bloc": bloc,
        }
        if colours:
            attrs["viz"] = {"color": _rgb(bloc_colour(coalitions or (), bloc))}
        flat.add_node(node.id, **attrs)
    for e in graph.edges():
        flat.add_edge(
            e.source,
            e.target,
            weight=float(e.weight),
            sign=1 if e.weight > 0 else -1 if e.weight < 0 else 0,
            positive=e.positive,
            negative=e.negative,
            events=e.events,
        )
    return flat


def _rgb(hex_colour: str) -> dict[str, float | int]:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return {"r": r, "g": g, "b": b, "a": 1.0}


@contextmanager
def _binary(out: Path | IO[bytes]) -> Iterator[IO[bytes]]:
    if isinstance(out, Path):
        with out.open("wb") as fh:
            yield fh
    else:
        buffer = io.BytesIO()
        yield buffer
        out.write(buffer.getvalue())
