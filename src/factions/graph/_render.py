"""Plain-text and JSON views of the network's answers, for the command line and the web API."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from factions.graph._balance import Balance
from factions.graph._build import Node, SignedGraph
from factions.graph._coalitions import Coalition
from factions.graph._queries import Evidence, Tie, Timeline


def node_json(node: Node) -> dict[str, Any]:
    return {"id": node.id, "name": node.name, "kind": node.kind, "code": node.code}


def evidence_json(e: Evidence) -> dict[str, Any]:
    return {
        "plover": e.plover,
        "weight": round(e.weight, 4),
        "date": e.date.isoformat() if e.date else None,
        "source": e.source,
        "target": e.target,
        "trigger": e.trigger,
        "modality": e.modality,
        "sentence": e.sentence,
        "doc_id": e.doc_id,
        "doc_ref": e.doc_ref,
    }


def ties_json(ties: Sequence[Tie]) -> list[dict[str, Any]]:
    return [
        {
            "actor": node_json(t.actor),
            "weight": round(t.weight, 4),
            "positive": t.positive,
            "negative": t.negative,
            "events": t.events,
            "evidence": [evidence_json(e) for e in t.evidence],
        }
        for t in ties
    ]


def render_ties(actor: Node, ties: Sequence[Tie], side: str) -> str:
    """One block per tie: net weight, counts, then the sentences behind it."""
    lines = [f"{side.capitalize()} of {actor.name} ({actor.id}): {len(ties)}"]
    for t in ties:
        events = "1 event" if t.events == 1 else f"{t.events} events"
        counts = f"{events}: {t.positive} cooperative, {t.negative} hostile"
        lines.append(f"{t.weight:+8.3f}  {t.actor.name} ({t.actor.id})  {counts}")
        for e in t.evidence:
            when = e.date.isoformat() if e.date else "undated"
            hedge = "" if e.modality == "asserted" else f", {e.modality}"
            lines.append(f"          {when} {e.plover}{hedge}: {e.source} → {e.target}")
            quoted = textwrap.fill(
                f"“{e.sentence.strip()}”",
                width=96,
                initial_indent=" " * 12,
                subsequent_indent=" " * 13,
            )
            lines.append(quoted)
    return "\n".join(lines) + "\n"


def render_coalitions(graph: SignedGraph, blocs: Sequence[Coalition], report: Balance) -> str:
    """The blocs with their members' names, then how balanced the network is."""
    lines = [f"{'bloc':>4}  {'cohesion':>8}  members"]
    for i, bloc in enumerate(blocs, start=1):
        names = ", ".join(f"{graph.node(m).name} ({m})" for m in bloc.members)
        wrapped = textwrap.wrap(names, width=80) or [""]
        lines.append(f"{i:>4}  {bloc.cohesion:>8.2f}  {wrapped[0]}")
        lines += [f"{'':>16}{more}" for more in wrapped[1:]]
    lines.append("")
    if report.ratio is None:
        lines.append("structural balance: no triangle of ties to judge")
    else:
        lines.append(
            f"structural balance: {report.balanced} of {report.triangles} triangles balanced"
            f" ({report.ratio:.0%})"
        )
    if report.frustrating:
        lines.append("ties that frustrate balance most (in unbalanced triangles):")
        for tie in report.frustrating:
            e = tie.edge
            pair = f"{graph.node(e.source).name} – {graph.node(e.target).name}"
            lines.append(f"  {e.weight:+8.3f}  {pair}  ({tie.unbalanced} unbalanced)")
    return "\n".join(lines) + "\n"


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "actor": node_json(timeline.actor),
        "months": [m.strftime("%Y-%m") for m in timeline.months],
        "counts": {plover: list(counts) for plover, counts in sorted(timeline.counts.items())},
        "undated": timeline.undated,
    }


def render_timeline(timeline: Timeline) -> str:
    """A month-by-type table: months down, types across (only the types that occur)."""
    types = sorted(timeline.counts)
    head = f"{'month':<8} {'total':>5}  " + " ".join(f"{t[:9]:>9}" for t in types)
    lines = [f"Events of {timeline.actor.name} ({timeline.actor.id}) per month", head]
    for i, month in enumerate(timeline.months):
        row = [timeline.counts[t][i] for t in types]
        cells = " ".join(f"{n:>9}" if n else f"{'.':>9}" for n in row)
        lines.append(f"{month.strftime('%Y-%m'):<8} {sum(row):>5}  {cells}")
    if timeline.undated:
        lines.append(f"(and {timeline.undated} events without a date)")
    return "\n".join(lines) + "\n"
