"""Evaluation as a table for people, with ``--explain`` showing the cause of every error."""

from __future__ import annotations

from factions.evaluation._run import Evaluation
from factions.evaluation._score import FileResult
from factions.records import ActorRef, Event


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def render_table(evaluation: Evaluation) -> str:
    head = (
        f"{'file':<44} {'P':>4} {'R':>4} {'F1':>4} {'sys':>4} {'req':>4} {'neg':>3} {'dup':>3}"
        f" {'actR':>4} {'date':>4} {'place':>5} {'sign':>4} {'coal':>4}"
    )
    lines = [head, "-" * len(head)]
    rows = [(r.gold.path.name, r.counts.scores()) for r in evaluation.files]
    rows.append(("overall (micro)", evaluation.overall.scores()))
    for name, s in rows:
        if name.startswith("overall"):
            lines.append("-" * len(head))
        lines.append(
            f"{name[:44]:<44} {_pct(s['precision'])} {_pct(s['recall'])} {_pct(s['f1'])}"
            f" {s['system_events']:>4} {s['required_events']:>4} {s['negation_errors']:>3}"
            f" {s['duplicates']:>3} {_pct(s['actor_recall'])} {_pct(s['date_accuracy'])}"
            f" {_pct(s['place_accuracy']):>5} {_pct(s['alignment_sign_accuracy'])}"
            f" {_pct(s['coalition_jaccard'])}"
        )
    lines += ["", "PLOVER confusion (gold type → system type, '(none)' = not found):"]
    confusion = evaluation.to_json()["plover_confusion"]
    for gold, row in confusion.items():
        cells = ", ".join(f"{system} {n}" for system, n in sorted(row.items(), key=lambda x: -x[1]))
        lines.append(f"  {gold:<10} {cells}")
    return "\n".join(lines) + "\n"


def render_explain(evaluation: Evaluation) -> str:
    lines: list[str] = []
    for result in evaluation.files:
        lines += [f"== {result.gold.path.name}"]
        if result.missed_actors:
            lines.append(f"  ACTORS NOT FOUND: {', '.join(result.missed_actors)}")
        lines += _missed(result)
        lines += _alignment(result)
        for j in result.judgements:
            if j.verdict == "match":
                continue
            lines.append(f"  {j.verdict.upper().replace('_', ' ')}: {_event(j.event)}")
            lines.append(f"      sentence: {j.event.sentence_text}")
            if j.gold is not None:
                lines.append(f"      gold {j.gold.id!r}: {j.gold.anchor}")
    return "\n".join(lines) + "\n"


def _missed(result: FileResult) -> list[str]:
    lines = []
    sentences = result.processed.sentences
    for g in result.missed:
        start, end = g.spans[0]
        there = [s for s in sentences if s.start < end and start < s.end]
        produced = [e for e in result.processed.events if any(e.sentence == s.index for s in there)]
        lines.append(
            f"  MISSED {g.id!r}: {'/'.join(g.source)} -{'/'.join(g.plover)}-> {'/'.join(g.target)}"
        )
        for s in there:
            lines.append(f"      sentence: {s.text}")
        if produced:
            for e in produced:
                lines.append(f"      factions produced: {_event(e)}")
        else:
            lines.append("      factions produced: nothing in this sentence")
    return lines


def _alignment(result: FileResult) -> list[str]:
    """Each alignment pair the network signs wrong, and each coalition's best bloc."""
    if result.alignment is None:
        return []
    sign = {1: "+", -1: "-", 0: "no sign"}
    lines = [
        f"  ALIGNMENT WRONG: {p.a} ~ {p.b}: gold {sign[p.gold]}, network {sign[p.system]}"
        for p in result.alignment.pairs
        if p.gold != p.system
    ]
    for c in result.alignment.coalitions:
        if c.jaccard < 1.0:
            found = ", ".join(c.system) or "nothing"
            lines.append(
                f"  COALITION {', '.join(c.gold)}: best bloc {found} (Jaccard {c.jaccard:.2f})"
            )
    return lines


def _side(ref: ActorRef | None) -> str:
    return "∅" if ref is None else f"{ref.name} [{ref.mention}]"


def _event(e: Event) -> str:
    neg = "NOT " if e.negated else ""
    return f"{_side(e.source)} {neg}-{e.plover}({e.trigger!r})-> {_side(e.target)}"
