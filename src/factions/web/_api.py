"""The JSON API under /api: thin handlers over the store, the graph and the pipeline.

Every handler reads through ``StoreAccess``; each store call is one connection, which no
writer can enter while it is open, so an answer never holds a half-written document. An
answer made of several calls (an actor's page) may see a batch that an ingest committed
between them; each part is still whole.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from factions import __version__
from factions.graph import (
    GraphOptions,
    allies,
    build_graph,
    enemies,
    find_coalitions,
    graph_from_events,
    resolve_actor,
    timeline,
)
from factions.graph._palette import TYPE_COLOURS
from factions.ontology import PLOVER_TYPES
from factions.store import EventFilter
from factions.web._access import Extractor, StoreAccess
from factions.web._convert import (
    actor_public,
    document_public,
    graph_public,
    page_public,
    tie_public,
    timeline_public,
)
from factions.web._models import (
    ActorPagePublic,
    ActorPublic,
    DocumentPublic,
    ErrorPublic,
    EventPagePublic,
    ExtractRequest,
    ExtractResult,
    GraphPublic,
    SummaryPublic,
)
from factions.web._security import same_origin

ERRORS: dict[int | str, dict[str, object]] = {
    503: {"model": ErrorPublic, "description": "The database is busy (an ingest is committing)"},
}
NOT_FOUND: dict[int | str, dict[str, object]] = {404: {"model": ErrorPublic}, **ERRORS}

Since = Annotated[dt.date | None, Query(description="Only events on or after this day.")]
Until = Annotated[dt.date | None, Query(description="Only events on or before this day.")]


def api_router(access: StoreAccess, extractor: Extractor) -> APIRouter:
    """The routes, bound to one store and one pipeline."""
    router = APIRouter(prefix="/api", responses=ERRORS)

    @router.get("/summary", tags=["database"])
    def summary() -> SummaryPublic:
        """What the database holds, and the event types with their colours."""
        with access.reading() as store:
            s = store.summary()
        return SummaryPublic(
            database=store.path.name,
            documents=s.documents,
            events=s.events,
            actors=s.actors,
            events_by_type=s.events_by_type,
            types=list(PLOVER_TYPES),
            type_colours=dict(TYPE_COLOURS),
        )

    @router.get("/graph", tags=["network"])
    def graph(
        since: Since = None,
        until: Until = None,
        rollup: bool = False,
        min_events: Annotated[int, Query(ge=1)] = 1,
        limit: Annotated[int, Query(ge=1, le=2000)] = 150,
    ) -> GraphPublic:
        """The signed network (allies > 0, enemies < 0) with its blocs; the most central
        ``limit`` actors."""
        options = GraphOptions(since=since, until=until, rollup=rollup, min_events=min_events)
        with access.reading() as store:
            network = build_graph(store, options)
        return graph_public(network, find_coalitions(network), limit)

    @router.get("/actors", tags=["actors"])
    def actors(
        q: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    ) -> list[ActorPublic]:
        """Actors the texts mention, most mentioned first (``q``: part of a name or id)."""
        with access.reading() as store:
            rows = store.actors()
        needle = (q or "").strip().lower()
        found = [
            actor_public(a, n)
            for a, n in rows
            if not needle or needle in a.name.lower() or needle in a.actor_id.lower()
        ]
        return found[:limit]

    @router.get("/actors/{actor_id:path}", tags=["actors"], responses=NOT_FOUND)
    def actor(actor_id: str) -> ActorPagePublic:
        """One actor: its allies and enemies with the sentences behind them, its events per
        month, and its first events."""
        with access.reading() as store:
            node = resolve_actor(store, actor_id)
            friends = allies(store, node.id, limit=12, evidence=3)
            foes = enemies(store, node.id, limit=12, evidence=3)
            months = timeline(store, node.id)
            page = store.event_page(EventFilter(actor=node.id), limit=25)
        return ActorPagePublic(
            actor=actor_public(node),
            allies=[tie_public(t) for t in friends],
            enemies=[tie_public(t) for t in foes],
            timeline=timeline_public(months),
            events=page_public(page, 0, 25),
        )

    @router.get("/events", tags=["events"])
    def events(
        actor: Annotated[str | None, Query(description="An actor id or name.")] = None,
        type: Annotated[str | None, Query(description="A PLOVER type.")] = None,
        since: Since = None,
        until: Until = None,
        q: Annotated[str | None, Query(max_length=200, description="Text to find.")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> EventPagePublic:
        """Events in date order, filtered; ``total`` counts every match."""
        plover = type.strip().upper() if type and type.strip() else None
        if plover is not None and plover not in PLOVER_TYPES:
            raise HTTPException(422, f"unknown event type {type!r}")
        where = EventFilter(
            actor=(actor or "").strip() or None, plover=plover, since=since, until=until
        )
        with access.reading() as store:
            page = store.event_page(where, text=q, limit=limit, offset=offset)
        return page_public(page, offset, limit)

    @router.get("/documents/{doc_id}", tags=["documents"], responses=NOT_FOUND)
    def document(doc_id: str) -> DocumentPublic:
        """A stored article, its triggers and actors marked, with its events."""
        with access.reading() as store:
            processed = store.document(doc_id)
        if processed is None:
            raise HTTPException(404, f"no document {doc_id!r} in this database")
        return document_public(processed)

    @router.post("/extract", tags=["documents"], dependencies=[Depends(same_origin)])
    def extract(request: ExtractRequest) -> ExtractResult:
        """Code a pasted article on the spot; it is stored only when ``store`` is true."""
        if not request.text.strip():
            raise HTTPException(422, "the text is empty")
        processed = extractor.code(request.text, request.title, request.published)
        added = False
        if request.store:
            with access.writing() as store:
                run_id = store.start_run("serve: pasted article", __version__)
                added = store.write([processed], run_id) > 0
                store.finish_run(run_id, "complete", 1, int(added), 0)
        actors = {a.actor_id: a for a in processed.actors}
        network = graph_from_events(processed.events, actors=actors)
        return ExtractResult(
            document=document_public(processed),
            graph=graph_public(network, find_coalitions(network), 500),
            stored=request.store,
            added=added,
        )

    return router
