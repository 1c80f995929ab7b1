"""Finding actors in parsed text and resolving them to canonical entities.

The knowledge base (``data/actors/*.yaml``, extended by the user's files) names states, their
sectors, organisations, armed groups and people in office. Mentions are found by alias, by
nominal phrase ("Iranian troops") and by coreference ("It", "the group"); names nobody knows are
kept as unknown actors whose id comes from the name: nothing named is dropped.
"""

from __future__ import annotations

from factions.actors._kb import (
    ActorEntry,
    KnowledgeBase,
    KnowledgeBaseError,
    load_actors,
    read_actor_file,
)
from factions.actors._resolver import KnowledgeBaseResolver
from factions.actors._unknown import ACTOR_LABELS, unknown_actor

__all__ = [
    "ACTOR_LABELS",
    "ActorEntry",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "KnowledgeBaseResolver",
    "load_actors",
    "read_actor_file",
    "unknown_actor",
]
