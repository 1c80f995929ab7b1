"""Actors made up from names the knowledge base does not know, so that none is lost."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from factions.nlp import Block
from factions.records import Actor, Mention, Sentence

#: spaCy NER labels that can name an actor, and the kind an unknown one gets.
ACTOR_LABELS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "political_entity",
    "NORP": "group",
}

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


class UnknownActorResolver:
    """Mentions from spaCy's named entities, each resolved to an unknown actor."""

    def resolve(
        self, doc_id: str, blocks: Sequence[Block], sentences: Sequence[Sentence]
    ) -> tuple[list[Mention], list[Actor]]:
        mentions: list[Mention] = []
        actors: dict[str, Actor] = {}
        starts = [s.start for s in sentences]
        for block in blocks:
            for ent in block.doc.ents:
                if ent.label_ not in ACTOR_LABELS:
                    continue
                actor = unknown_actor(ent.text, ent.label_)
                actors.setdefault(actor.actor_id, actor)
                start = block.offset + ent.start_char
                mentions.append(
                    Mention(
                        doc_id=doc_id,
                        sentence=_sentence_of(starts, start),
                        start=start,
                        end=block.offset + ent.end_char,
                        text=ent.text,
                        label=ent.label_,
                        actor_id=actor.actor_id,
                    )
                )
        return mentions, list(actors.values())


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, offset) - 1)
