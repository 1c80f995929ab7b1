"""Actors made up from names the knowledge base does not know, so that none is lost."""

from __future__ import annotations

import re
import unicodedata

from factions.records import Actor

#: spaCy NER labels whose unexplained names are kept as actors, and the kind those get.
ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}

_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def unknown_actor(name: str, label: str) -> Actor:
    """An actor whose id is ``unk:`` plus the normalised name ("the Free Men" → unk:free-men)."""
    clean = _LEADING_THE.sub("", " ".join(name.split()))
    folded = unicodedata.normalize("NFKD", clean).encode("ascii", "ignore").decode().lower()
    slug = _NON_WORD.sub("-", folded).strip("-") or "unnamed"
    return Actor(
        actor_id=f"unk:{slug}",
        name=clean,
        kind=ACTOR_LABELS.get(label, "unknown"),
        known=False,
    )
