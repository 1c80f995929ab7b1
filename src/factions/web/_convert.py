"""From the library's records to the API's models: the one place the two shapes meet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from factions.graph import Coalition, Evidence, Node, SignedGraph, Tie, Timeline, bloc_index
from factions.graph._palette import bloc_colour
from factions.records import Actor, Event, Mention, ProcessedDocument
from factions.store import EventPage
from factions.web._marks import cut, document_marks, sentence_marks
from factions.web._models import (
    ActorPublic,
    CoalitionPublic,
    DocumentPublic,
    EventPagePublic,
    EventPublic,
    EvidencePublic,
    GraphPublic,
    LinkPublic,
    NodePublic,
    TiePublic,
    TimelinePublic,
)


def actor_public(actor: Actor | Node, mentions: int | None = None) -> ActorPublic:
    if isinstance(actor, Actor):
        return ActorPublic(
            id=actor.actor_id, name=actor.name, kind=actor.kind, code=actor.code, mentions=mentions
        )
    return ActorPublic(id=actor.id, name=actor.name, kind=actor.kind, code=actor.code)


def event_public(
    event: Event, mentions: Sequence[Mention] = (), title: str | None = None
) -> EventPublic:
    """The DESIGN.md record of ``event`` plus its marked sentence (``mentions``: its sentence's)."""
    record = event.to_json()
    record["doc_title"] = title
    record["marked"] = cut(event.sentence_text, sentence_marks(event, mentions))
    return EventPublic.model_validate(record)


def events_public(
    events: Iterable[Event],
    mentions: Iterable[Mention],
    titles: Mapping[str, str] | None = None,
) -> list[EventPublic]:
    by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.doc_id, m.sentence].append(m)
    titles = titles or {}
    return [
        event_public(e, by_sentence.get((e.doc_id, e.sentence), ()), titles.get(e.doc_id))
        for e in events
    ]


def page_public(page: EventPage, offset: int, limit: int) -> EventPagePublic:
    return EventPagePublic(
        total=page.total,
        offset=offset,
        limit=limit,
        events=events_public(page.events, page.mentions, page.titles),
    )


def document_public(processed: ProcessedDocument) -> DocumentPublic:
    doc = processed.document
    counts: dict[str, int] = defaultdict(int)
    for m in processed.mentions:
        if m.actor_id is not None:
            counts[m.actor_id] += 1
    actors = sorted(processed.actors, key=lambda a: (-counts[a.actor_id], a.name))
    return DocumentPublic(
        doc_id=doc.doc_id,
        doc_ref=doc.ref,
        title=doc.title,
        url=doc.url,
        outlet=doc.outlet,
        published=doc.published,
        marked=cut(doc.text, document_marks(processed)),
        events=events_public(processed.events, processed.mentions, {doc.doc_id: doc.title or ""}),
        actors=[actor_public(a, counts[a.actor_id]) for a in actors if counts[a.actor_id]],
    )


def graph_public(graph: SignedGraph, coalitions: Sequence[Coalition], limit: int) -> GraphPublic:
    """The ``limit`` most central actors and the ties among them, coloured by bloc.

    A force layout in a page stays readable and quick up to a few hundred actors; the page
    says how many were left out.
    """
    strength = {n: graph.strength(n) for n in graph.nx.nodes}
    shown = set(sorted(strength, key=lambda n: (-strength[n], n))[:limit])
    blocs = bloc_index(coalitions)
    # blocs with an actor on show, renumbered in order (a lone actor is a bloc of its own)
    kept = [i for i, c in enumerate(coalitions) if any(m in shown for m in c.members)]
    renumber = {old: new for new, old in enumerate(kept)}
    nodes = []
    for node in graph.nodes():
        if node.id not in shown:
            continue
        bloc = blocs.get(node.id, -1)
        nodes.append(
            NodePublic(
                id=node.id,
                name=node.name,
                kind=node.kind,
                code=node.code,
                bloc=renumber.get(bloc, -1),
                colour=bloc_colour(coalitions, bloc),
                strength=round(strength[node.id], 4),
            )
        )
    links = [
        LinkPublic(
            source=e.source,
            target=e.target,
            weight=round(e.weight, 4),
            positive=e.positive,
            negative=e.negative,
            events=e.events,
        )
        for e in graph.edges()
        if e.source in shown and e.target in shown
    ]
    return GraphPublic(
        nodes=nodes,
        links=links,
        coalitions=[
            CoalitionPublic(
                members=[m for m in coalitions[i].members if m in shown],
                cohesion=round(coalitions[i].cohesion, 4),
                colour=bloc_colour(coalitions, i),
            )
            for i in kept
        ],
        total_nodes=len(strength),
    )


def tie_public(tie: Tie) -> TiePublic:
    return TiePublic(
        actor=actor_public(tie.actor),
        weight=round(tie.weight, 4),
        positive=tie.positive,
        negative=tie.negative,
        events=tie.events,
        evidence=[_evidence(e) for e in tie.evidence],
    )


def timeline_public(timeline: Timeline) -> TimelinePublic:
    return TimelinePublic(
        months=list(timeline.months),
        counts={k: list(v) for k, v in timeline.counts.items()},
        undated=timeline.undated,
    )


def _evidence(e: Evidence) -> EvidencePublic:
    return EvidencePublic(
        plover=e.plover,
        weight=round(e.weight, 4),
        date=e.date,
        source=e.source,
        target=e.target,
        trigger=e.trigger,
        modality=e.modality,
        sentence=e.sentence,
        doc_id=e.doc_id,
        doc_ref=e.doc_ref,
    )
