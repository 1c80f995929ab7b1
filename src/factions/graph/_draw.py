"""Pictures for a report: the network with its blocs, and an actor's events over time.

matplotlib is imported inside the functions, with the Agg backend, so that importing factions
stays cheap and drawing works on servers without a display.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import IO, Any

from factions.graph._build import SignedGraph
from factions.graph._coalitions import Coalition, find_coalitions
from factions.graph._layout import Box, layout
from factions.graph._palette import ALLY, ENEMY, LONE, TYPE_COLOURS, bloc_colour
from factions.graph._queries import Timeline
from factions.graph._weights import default_weights


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def draw_graph(
    graph: SignedGraph,
    out: IO[bytes],
    fmt: str,
    coalitions: Sequence[Coalition] | None = None,
    max_nodes: int = 40,
    title: str | None = None,
) -> None:
    """The network: blocs coloured and grouped, green ties for allies, dashed red for enemies.

    Only the ``max_nodes`` most central actors are drawn (a picture of hundreds of labels
    reads as nothing); the exports keep every node. One unit of the layout is one inch of
    the figure, so labels keep their size and the figure grows with the network.
    """
    plt = _pyplot()
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    blocs = list(coalitions) if coalitions is not None else find_coalitions(graph)
    strength = {n: graph.strength(n) for n in graph.nx.nodes}
    shown = set(sorted(strength, key=lambda n: (-strength[n], n))[:max_nodes])
    colour, groups, legend_blocs = _bloc_colours(blocs, shown)
    top = max((strength[n] for n in shown), default=1.0) or 1.0
    area = {n: 120 + 1100 * strength[n] / top for n in shown}
    labels = {n: _short(graph.node(n).name) for n in shown}
    lift = {n: 4 + math.sqrt(area[n] / math.pi) for n in shown}
    boxes = {
        n: Box(
            half_width=max(len(labels[n]) * _CHAR, 2 * _radius(area[n])) / 2 + 0.05,
            below=_radius(area[n]),
            above=(lift[n] + 15) / 72,
        )
        for n in shown
    }
    pos = layout(graph, groups, boxes)
    xs = [
        x for n, (x, _) in pos.items() for x in (x - boxes[n].half_width, x + boxes[n].half_width)
    ]
    ys = [y for n, (_, y) in pos.items() for y in (y - boxes[n].below, y + boxes[n].above)]
    x0, x1 = (min(xs), max(xs)) if xs else (0.0, 1.0)
    y0, y1 = (min(ys), max(ys)) if ys else (0.0, 1.0)
    width, height = max(x1 - x0 + 0.4, 6.0), max(y1 - y0 + 0.4, 2.0)
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    ax.set_xlim(cx - width / 2, cx + width / 2)
    ax.set_ylim(cy - height / 2, cy + height / 2)
    edges = [e for e in graph.edges() if e.source in shown and e.target in shown]
    heaviest = max((abs(e.weight) for e in edges), default=1.0) or 1.0
    for e in sorted(edges, key=lambda e: (e.weight > 0, abs(e.weight))):
        (ex1, ey1), (ex2, ey2) = pos[e.source], pos[e.target]
        ax.plot(
            [ex1, ex2],
            [ey1, ey2],
            color=ALLY if e.weight > 0 else ENEMY,
            linestyle="-" if e.weight > 0 else (0, (4, 2)),
            linewidth=0.8 + 4.0 * abs(e.weight) / heaviest,
            alpha=0.7,
            zorder=1,
        )
    order = sorted(shown)
    ax.scatter(
        [pos[n][0] for n in order],
        [pos[n][1] for n in order],
        s=[area[n] for n in order],
        c=[colour[n] for n in order],
        edgecolors="white",
        linewidths=1.5,
        zorder=2,
    )
    for n in order:
        ax.annotate(
            labels[n],
            xy=pos[n],
            xytext=(0, lift[n]),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=10,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
            zorder=3,
        )
    handles: list[Any] = [
        Patch(color=c, label=f"bloc {i}: {_names(graph, members)} (cohesion {coh:.2f})")
        for i, (c, members, coh) in enumerate(legend_blocs, start=1)
    ]
    handles += [
        Line2D([], [], color=ALLY, linewidth=3, label="allies (cooperative events)"),
        Line2D([], [], color=ENEMY, linewidth=3, linestyle=(0, (4, 2)), label="enemies (hostile)"),
        Line2D([], [], color=LONE, marker="o", linestyle="", markersize=9, label="in no bloc"),
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=2 if width >= 9 else 1,
        fontsize=9,
        frameon=False,
    )
    hidden = len(graph) - len(shown)
    note = f"; the {len(shown)} most central shown" if hidden > 0 else ""
    ax.set_title(
        title or f"Alliance network: {len(graph)} actors, {graph.nx.number_of_edges()} ties{note}",
        fontsize=13,
        pad=12,
    )
    ax.set_axis_off()
    _save(plt, fig, out, fmt, pad_inches=0.3)


_CHAR = 0.085
"""Inches per character of a 10-point label, roughly."""


def _radius(area: float) -> float:
    """The radius in inches of a scatter marker of ``area`` square points."""
    return math.sqrt(area / math.pi) / 72


def draw_timeline(timeline: Timeline, out: IO[bytes], fmt: str) -> None:
    """Events per month: cooperative types stacked upwards, hostile ones downwards.

    Months without events are shown as gaps when the period spans at most five years;
    beyond that only months with events get a bar, so that the bars stay readable.
    """
    plt = _pyplot()
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    signs = {p: t.sign for p, t in default_weights().types.items()}
    months, counts = _filled(timeline)
    labels = [m.strftime("%Y-%m") for m in months]
    x = list(range(len(months)))
    fig, ax = plt.subplots(figsize=(max(7.0, 0.3 * len(months) + 4), 5))
    up = [0] * len(months)
    down = [0] * len(months)
    for plover, colour in TYPE_COLOURS.items():
        row = counts.get(plover)
        if not row:
            continue
        hostile = signs.get(plover, 0) < 0
        base = down if hostile else up
        values = [-c for c in row] if hostile else list(row)
        ax.bar(
            x,
            values,
            bottom=list(base),
            color=colour,
            label=plover.lower(),
            edgecolor="white",
            linewidth=0.5,
            width=0.8,
        )
        for i, v in enumerate(values):
            base[i] += v
    ax.axhline(0, color="#333333", linewidth=0.8)
    crowded = len(months) > 8
    ax.set_xticks(x, labels, rotation=45 if crowded else 0, ha="right" if crowded else "center")
    if len(months) > 24:
        step = math.ceil(len(months) / 24)
        for i, tick in enumerate(ax.get_xticklabels()):
            tick.set_visible(i % step == 0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}"))
    reach = max([*up, *(-d for d in down), 1])
    ax.set_ylim(min(down) - 0.1 * reach, max(up) + 0.1 * reach)
    ax.set_ylabel("events: cooperative ↑, hostile ↓ (grey: neither)")
    undated = f" ({timeline.undated} undated not shown)" if timeline.undated else ""
    ax.set_title(f"Events involving {timeline.actor.name} per month{undated}", fontsize=12)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    _save(plt, fig, out, fmt)


def _bloc_colours(
    blocs: Sequence[Coalition], shown: set[str]
) -> tuple[dict[str, str], list[list[str]], list[tuple[str, list[str], float]]]:
    """Colours per node, groups to lay out, and the legend's (colour, members, cohesion)."""
    colour: dict[str, str] = {}
    groups: list[list[str]] = []
    legend: list[tuple[str, list[str], float]] = []
    for i, bloc in enumerate(blocs):
        members = [m for m in bloc.members if m in shown]
        if not members:
            continue
        groups.append(members)
        c = bloc_colour(blocs, i)
        if c != LONE:
            legend.append((c, members, bloc.cohesion))
        for m in members:
            colour[m] = c
    return colour, groups, legend


def _save(plt: Any, fig: Any, out: IO[bytes], fmt: str, pad_inches: float = 0.1) -> None:
    """Save and free the figure; SVG keeps its text as text (searchable, editable, smaller)."""
    try:
        with plt.rc_context({"svg.fonttype": "none"}):
            fig.savefig(out, format=fmt, dpi=150, bbox_inches="tight", pad_inches=pad_inches)
    finally:
        plt.close(fig)


def _filled(timeline: Timeline) -> tuple[list[dt.date], dict[str, list[int]]]:
    """The timeline with empty months put back, when the period is five years at most."""
    months = list(timeline.months)
    counts = {p: list(c) for p, c in timeline.counts.items()}
    if not months:
        return months, counts
    first, last = months[0], months[-1]
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    if span > 60 or span == len(months):
        return months, counts
    every = [
        dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(span)
    ]
    where = {m: i for i, m in enumerate(every)}
    filled = {p: [0] * span for p in counts}
    for i, m in enumerate(months):
        for p, row in counts.items():
            filled[p][where[m]] = row[i]
    return every, filled


def _short(name: str, width: int = 26) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _names(graph: SignedGraph, members: list[str], most: int = 3) -> str:
    names = [_short(graph.node(m).name, 20) for m in members[:most]]
    more = f" +{len(members) - most}" if len(members) > most else ""
    return ", ".join(names) + more
