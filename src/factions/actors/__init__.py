"""Finding actors in parsed text and resolving them to canonical entities.

Until the knowledge base lands (issue 5) every named entity that can act (a person, an
organisation, a country or city, a nationality) is kept as an *unknown* actor whose id comes
from its normalised name: nothing named is dropped, and later resolution can only add.
"""

from __future__ import annotations

from factions.actors._unknown import ACTOR_LABELS, UnknownActorResolver, unknown_actor

__all__ = ["ACTOR_LABELS", "UnknownActorResolver", "unknown_actor"]
