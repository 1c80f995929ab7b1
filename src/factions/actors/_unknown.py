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
    """An actor whose id is ``unk:`` plus the normalised name ("the Free Men" → unk:free-men).

    People named by who they are and what they do ("Arab militias", "Rohingya refugees") are
    of the kind their role noun says, when that role is no organ of a state.
    """
    clean = _LEADING_THE.sub("", " ".join(name.split()))
    folded = unicodedata.normalize("NFKD", clean).encode("ascii", "ignore").decode().lower()
    slug = _NON_WORD.sub("-", folded).strip("-") or "unnamed"
    kind = (_kind_of_role_noun(folded) if label == "NORP" else None) or ACTOR_LABELS.get(
        label, "unknown"
    )
    return Actor(actor_id=f"unk:{slug}", name=clean, kind=kind, known=False)


def _kind_of_role_noun(name: str) -> str | None:
    """The kind of the role whose noun ends ``name`` ("militias" → armed_group), if any."""
    from factions.actors._kb import load_actors

    words = name.split()
    if len(words) < 2:
        return None
    kb = load_actors()
    last = words[-1]
    for form in (last, last[:-1], last[:-2], last[:-3] + "y", last[:-2] + "an"):
        if not form:
            continue
        code = kb.role_of_noun.get(form)
        if code is not None:
            role = kb.roles[code]
            return None if role.organ else role.kind
    return None
