"""Cutting a text into marked segments: an event's trigger and actors, a document's events.

Pages never receive HTML. They receive runs of plain text, each with the part it plays, and
build elements from them with ``textContent``, so nothing in an article can become markup.
Overlapping marks are settled here, once: the earliest wins, then the longest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from factions.records import ActorRef, Event, Mention, ProcessedDocument
from factions.web._models import Segment

Role = Literal["source", "target", "trigger", "actor"]


@dataclass(frozen=True, slots=True)
class Mark:
    """A stretch of a text (offsets into that text) and what it is."""

    start: int
    end: int
    role: Role
    actor_id: str | None = None
    plover: str | None = None
    event: int | None = None


def cut(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """``text`` as consecutive segments; a mark overlapping one already placed is dropped."""
    segments: list[Segment] = []
    at = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.start - m.end)):
        if mark.start < at or mark.end <= mark.start or mark.end > len(text):
            continue
        if mark.start > at:
            segments.append(Segment(text=text[at : mark.start]))
        segments.append(
            Segment(
                text=text[mark.start : mark.end],
                role=mark.role,
                actor_id=mark.actor_id,
                plover=mark.plover,
                event=mark.event,
            )
        )
        at = mark.end
    if at < len(text):
        segments.append(Segment(text=text[at:]))
    return segments


def sentence_marks(event: Event, mentions: Sequence[Mention]) -> list[Mark]:
    """The trigger, source and target of ``event`` in its sentence (offsets in the sentence).

    ``mentions`` are those of the event's sentence. A side is marked where the resolver found
    it (the mention with the side's text and id nearest the trigger); when no mention fits,
    the first occurrence of its text.
    """
    base = event.span[0]
    marks: list[Mark] = []
    if event.trigger_start >= 0:
        start = event.trigger_start - base
        marks.append(Mark(start, start + len(event.trigger), "trigger", plover=event.plover))
    sides: tuple[tuple[Role, ActorRef | None], ...] = (
        ("source", event.source),
        ("target", event.target),
    )
    for role, ref in sides:
        if ref is None:
            continue
        found = _mention_of(ref, mentions, event.trigger_start)
        if found is not None:
            marks.append(Mark(found.start - base, found.end - base, role, actor_id=ref.id))
        elif ref.mention and (at := event.sentence_text.find(ref.mention)) >= 0:
            marks.append(Mark(at, at + len(ref.mention), role, actor_id=ref.id))
    return marks


def document_marks(processed: ProcessedDocument) -> list[Mark]:
    """Every event's trigger and every resolved mention of a document (document offsets).

    A trigger shared by several events (one per pair of actors) points at the first of them.
    """
    marks = [
        Mark(e.trigger_start, e.trigger_start + len(e.trigger), "trigger", plover=e.plover, event=i)
        for i, e in enumerate(processed.events)
        if e.trigger_start >= 0
    ]
    marks += [
        Mark(m.start, m.end, "actor", actor_id=m.actor_id)
        for m in processed.mentions
        if m.actor_id is not None
    ]
    return marks


def _mention_of(ref: ActorRef, mentions: Sequence[Mention], near: int) -> Mention | None:
    same_text = [m for m in mentions if m.text == ref.mention]
    candidates = [m for m in same_text if m.actor_id == ref.id] or same_text
    candidates = candidates or [m for m in mentions if m.actor_id == ref.id]
    if not candidates:
        return None
    return min(candidates, key=lambda m: (abs(m.start - near), m.start))
