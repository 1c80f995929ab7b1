"""What the JSON API answers, as pydantic models: the OpenAPI schema is generated from these.

They are kept apart from the storage records (``factions.records``), as the API is a contract
of its own: a record may gain a field without every page changing shape. Events keep the field
names of DESIGN.md's event record and add what a page needs to show them (``marked``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

MAX_PASTE_CHARS = 200_000
"""A pasted article longer than this is refused: the paste box is for one article."""


class ErrorPublic(BaseModel):
    """Every error answer: one sentence fit to show a user."""

    detail: str


class Segment(BaseModel):
    """A run of text, marked or not. Pages build the text from these, never from HTML."""

    text: str
    role: Literal["source", "target", "trigger", "actor"] | None = None
    actor_id: str | None = None
    plover: str | None = None
    event: int | None = None
    """For a trigger in a document: the index of its event in the document's ``events``."""


class ActorPublic(BaseModel):
    id: str
    name: str
    kind: str
    code: str | None = None
    mentions: int | None = None
    """How often the store mentions it (in lists of actors)."""


class ActorRefPublic(BaseModel):
    """An event's participant, as in DESIGN.md's event record."""

    id: str
    name: str
    mention: str
    kind: str
    code: str | None = None


class AttributionPublic(BaseModel):
    name: str
    kind: str
    mention: str


class PlacePublic(BaseModel):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str


class EventPublic(BaseModel):
    """DESIGN.md's event record, with the sentence cut into marked segments and the title."""

    event_id: str
    doc_id: str
    doc_ref: str | None = None
    doc_title: str | None = None
    sentence: str
    marked: list[Segment]
    span: tuple[int, int]
    trigger: str
    source: ActorRefPublic | None = None
    target: ActorRefPublic | None = None
    plover: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    negated: bool = False
    modality: str = "asserted"
    attribution: AttributionPublic | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    place: PlacePublic | None = None
    caption: bool = False
    confidence: float


class EventPagePublic(BaseModel):
    total: int
    """How many events match the filters, on every page."""
    offset: int
    limit: int
    events: list[EventPublic]


class NodePublic(BaseModel):
    id: str
    name: str
    kind: str
    code: str | None = None
    bloc: int
    """Index into ``coalitions``; -1 when the actor is in none."""
    colour: str
    strength: float
    """Total weight of its ties, whatever their sign: how central it is."""


class LinkPublic(BaseModel):
    """A tie: ``weight`` > 0 allies, < 0 enemies; the others are event counts."""

    source: str
    target: str
    weight: float
    positive: int
    negative: int
    events: int


class CoalitionPublic(BaseModel):
    members: list[str]
    cohesion: float
    colour: str


class GraphPublic(BaseModel):
    nodes: list[NodePublic]
    links: list[LinkPublic]
    coalitions: list[CoalitionPublic]
    total_nodes: int
    """Actors in the whole network; ``nodes`` holds the most central ``limit`` of them."""


class EvidencePublic(BaseModel):
    plover: str
    weight: float
    date: dt.date | None = None
    source: str
    target: str
    trigger: str
    modality: str
    sentence: str
    doc_id: str
    doc_ref: str | None = None


class TiePublic(BaseModel):
    actor: ActorPublic
    weight: float
    positive: int
    negative: int
    events: int
    evidence: list[EvidencePublic]


class TimelinePublic(BaseModel):
    months: list[dt.date]
    counts: dict[str, list[int]]
    """PLOVER type → events per month, aligned with ``months``."""
    undated: int


class ActorPagePublic(BaseModel):
    actor: ActorPublic
    allies: list[TiePublic]
    enemies: list[TiePublic]
    timeline: TimelinePublic
    events: EventPagePublic


class DocumentPublic(BaseModel):
    doc_id: str
    doc_ref: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    marked: list[Segment]
    """The whole text, triggers and actor mentions marked."""
    events: list[EventPublic]
    actors: list[ActorPublic]


class SummaryPublic(BaseModel):
    database: str
    documents: int
    events: int
    actors: int
    events_by_type: dict[str, int]
    types: list[str]
    """Every PLOVER type, in the codebook's order (for filters)."""
    type_colours: dict[str, str]


class ExtractRequest(BaseModel):
    """A pasted article to code; stored only when ``store`` is true."""

    text: str = Field(min_length=1, max_length=MAX_PASTE_CHARS)
    title: str | None = Field(default=None, max_length=500)
    published: dt.date | None = None
    store: bool = False


class ExtractResult(BaseModel):
    document: DocumentPublic
    graph: GraphPublic
    stored: bool
    """True when the request asked to store it (``added`` says whether it was new)."""
    added: bool
