"""Interfaces between the pipeline's stages, as Protocols: any object with these methods fits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from factions.nlp import Block
from factions.records import Actor, Document, Event, Mention, Sentence


class ActorResolver(Protocol):
    """Finds actor mentions in a parsed document and resolves them to actors."""

    def resolve(
        self, document: Document, blocks: Sequence[Block], sentences: Sequence[Sentence]
    ) -> tuple[list[Mention], list[Actor]]: ...


class EventCoder(Protocol):
    """Codes events from a parsed document and its resolved mentions."""

    def code(
        self,
        document: Document,
        blocks: Sequence[Block],
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
        actors: Sequence[Actor],
    ) -> list[Event]: ...
