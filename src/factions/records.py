"""The typed records that cross module borders: one definition each, used from reading to export.

Records are frozen dataclasses with slots: cheap to create by the million, hashable, and safe to
send to Dask workers. Conversion to the JSON shapes of DESIGN.md lives here too, so that every
exporter and the web API speak the same contract.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any


def normalise_text(text: str) -> str:
    """Canonical form used for identity: NFC, whitespace collapsed, stripped.

    Two copies of an article that differ only in line endings, trailing spaces or Unicode
    composition are the same article and must get the same id.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def document_id(text: str, url: str | None = None) -> str:
    """A stable id from the normalised text (and URL when given): re-ingesting adds nothing."""
    h = hashlib.sha256(normalise_text(text).encode("utf-8"))
    if url:
        h.update(b"\x00")
        h.update(url.strip().encode("utf-8"))
    return h.hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its source, before any language processing."""

    text: str
    source: str
    """Where it came from, for messages: ``path`` or ``path:line``."""
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    ext_id: str | None = None
    """The record's own id (a JSONL ``id`` field, a feed entry id), shown in every export."""
    doc_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.doc_id:
            object.__setattr__(self, "doc_id", document_id(self.text, self.url))

    @property
    def ref(self) -> str | None:
        """What a user knows the document by: its own id, else its URL."""
        return self.ext_id or self.url


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document; ``start``/``end`` are character offsets into the document text."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a state, a government, an armed group, a person, …"""

    actor_id: str
    name: str
    kind: str
    code: str | None = None
    country: str | None = None
    parents: tuple[str, ...] = ()
    known: bool = True
    """False for actors made up from an unresolved name (kept, never dropped)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names an actor, with the actor it resolved to (if any)."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    label: str
    """How it was found: KB (a known name), NOMINAL ("Iranian troops"), ROLE ("the rebels"),
    PRONOUN, DESCRIPTION ("the group"), or an NER label (PERSON, ORG, NORP) for unknown actors."""
    actor_id: str | None = None
    code: str | None = None
    """The actor's CAMEO-style code here; a person is coded by the office held at the time."""


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An event participant as the event record shows it."""

    id: str
    name: str
    mention: str
    kind: str
    code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "mention": self.mention,
            "kind": self.kind,
            "code": self.code,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says an event happened, when the text does not assert it itself."""

    name: str
    kind: str
    mention: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "mention": self.mention}


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded location."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }


MODALITIES = ("asserted", "claimed", "hedged", "future", "hypothetical")


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, with the evidence: the event record of DESIGN.md."""

    doc_id: str
    sentence: int
    span: tuple[int, int]
    sentence_text: str
    trigger: str
    source: ActorRef | None
    target: ActorRef | None
    plover: str | None
    cameo: str | None
    quad_class: int | None = None
    goldstein: float | None = None
    plover_mode: str | None = None
    negated: bool = False
    modality: str = "asserted"
    attribution: Attribution | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    place: Place | None = None
    caption: bool = False
    confidence: float = 0.5
    trigger_start: int = -1
    """Character offset of the trigger in the document; part of the event's identity."""
    doc_ref: str | None = None

    @property
    def event_id(self) -> str:
        """Deterministic: the same input gives the same id serially and on any Dask worker."""
        key = "|".join(
            [
                self.doc_id,
                str(self.sentence),
                str(self.trigger_start),
                self.trigger,
                self.source.id if self.source else "",
                self.target.id if self.target else "",
                self.plover or "",
                self.cameo or "",
            ]
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    def to_json(self) -> dict[str, Any]:
        """The JSON object of DESIGN.md's event record."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "doc_ref": self.doc_ref,
            "sentence": self.sentence_text,
            "span": [self.span[0], self.span[1]],
            "trigger": self.trigger,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "negated": self.negated,
            "modality": self.modality,
            "attribution": self.attribution.to_json() if self.attribution else None,
            "date": self.date.isoformat() if self.date else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_precision": self.date_precision,
            "place": self.place.to_json() if self.place else None,
            "caption": self.caption,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class ProcessedDocument:
    """Everything the pipeline learned about one document; the unit the store writes atomically."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """Input skipped (or read with a warning), reported as one line naming where and why."""

    where: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        word = "skipped" if self.skipped else "warning"
        return f"{word}: {self.where}: {self.reason}"
