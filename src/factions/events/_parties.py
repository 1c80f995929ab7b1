"""Who is who among an event's parties: the mention a token names, whose side an actor is on,
and what counts as one party in a conflict (a state and its organs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from factions.events._arguments import agents, subjects
from factions.nlp import Block
from factions.records import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Prefix of the ids of actors the knowledge base does not know.
UNKNOWN = "unk:"
#: The label of a town or province that stands for the state it lies in ("seized Goma").
PLACE = "PLACE"
#: Mentions that only point back to an earlier name.
ANAPHORA = {"PRONOUN", "DESCRIPTION"}
#: Nouns whose compound name is the organisation itself ("the Congress party"), even one
#: we do not know.
ORGANISATION_HEADS = {
    "party",
    "group",
    "movement",
    "front",
    "alliance",
    "militia",
    "council",
    "committee",
    "union",
    "association",
    "coalition",
    "organisation",
    "organization",
    "brigade",
    "battalion",
    "faction",
    "network",
}


#: Nouns that name a conflict, not a party to it: "intervened in the Syrian civil war" is not
#: an act against Syria.
CONFLICT_NOUNS = {"war", "conflict", "crisis", "revolution", "uprising", "insurgency", "fighting"}


#: Nouns of time: "in its fifth year" names no party either.
TIME_NOUNS = {"year", "month", "week", "day", "decade", "anniversary", "hour", "time"}


NON_PARTIES = CONFLICT_NOUNS | TIME_NOUNS


def mention_of(token: Token, mentions: dict[int, Mention], _depth: int = 0) -> Mention | None:
    """The actor an argument head names: itself, or a name attached to it."""
    found = mentions.get(token.i)
    if found is not None:
        return found
    if token.lemma_.lower() in NON_PARTIES:
        return None
    for child in token.children:
        if child.dep_ == "appos" and child.i in mentions:
            return mentions[child.i]
    if token.lemma_.lower() in ORGANISATION_HEADS:  # "India's opposition Congress party"
        for child in reversed(list(token.lefts)):  # the name nearest the noun
            if child.dep_ == "compound" and child.i in mentions:
                return mentions[child.i]
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i in mentions:
            found = mentions[child.i]
            if child.dep_ == "poss" or not (found.actor_id or "").startswith(UNKNOWN):
                return found  # "the Hodeidah agreement" is no act on a place called Hodeidah
    if token.tag_ == "VBG":  # "Ukrainian shelling killed…": the shelling's doer
        for child in token.children:
            if child.dep_ == "nsubj" and child.i in mentions:
                return mentions[child.i]
    for child in token.children:  # "shells fired by Congolese forces landed…": the firer
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in agents(child):
                if agent.i in mentions:
                    return mentions[agent.i]
    for child in token.children:  # "the visit by Pelosi", "a proposal from France"
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.i in mentions:
                    return mentions[grand.i]
    for child in token.children:  # "the capture of a Russian soldier"
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.i in mentions:
                    return mentions[grand.i]
                if grand.dep_ == "pobj" and _depth < 1:  # "imports of Ukrainian products"
                    found = mention_of(grand, mentions, _depth + 1)
                    if found is not None:
                        return found
    return None


STATE_KINDS = {"state", "government", "military", "police"}


def as_state(mention: Mention, actors: dict[str, Actor]) -> Mention:
    """The state a state organ belongs to, when the document names that state: "both armies"
    after "Pakistani soldiers" and "Pakistan" are Pakistan's."""
    actor = actors.get(mention.actor_id or "")
    if actor is None or actor.kind == "state" or actor.kind not in STATE_KINDS:
        return mention
    state = next(
        (a for a in actors.values() if a.kind == "state" and a.country == actor.country), None
    )
    if state is None:
        return mention
    return replace(mention, actor_id=state.actor_id, code=state.code)


def is_state(mention: Mention, actors: dict[str, Actor]) -> bool:
    actor = actors.get(mention.actor_id or "")
    return actor is not None and actor.kind == "state"


OWN = {"its", "their", "his", "her", "our"}


def held_by(
    target: Mention,
    source: Mention,
    block: Block,
    mentions: dict[int, Mention],
    actors: dict[str, Actor],
) -> bool:
    """ "Washington will cut *its* forces": the target is the doer's own, by the possessive."""
    span = mention_span(block, target)
    if span is None:
        return False
    for child in span.root.children:
        if child.dep_ == "poss" and child.lower_ in OWN:
            if child.lower_ == "their" and _one_of_the_doers(span.root, source, block):
                return True  # "France and its partners would withdraw their forces"
            owner = mentions.get(child.i)
            return owner is not None and party_of(owner, actors) == party_of(source, actors)
    return False


def mention_span(block: Block, mention: Mention) -> Span | None:
    """The tokens of ``block`` a mention covers (its characters are the document's)."""
    span = block.doc.char_span(
        mention.start - block.offset, mention.end - block.offset, alignment_mode="expand"
    )
    return span if span is not None and len(span) else None


def _one_of_the_doers(thing: Token, source: Mention, block: Block) -> bool:
    """The source is one of several coordinated subjects of the verb whose object is
    ``thing``: "their" then means all of them."""
    if thing.dep_ not in ("dobj", "obj"):
        return False
    doers = subjects(thing.head)
    return len(doers) > 1 and any(source.start <= block.offset + t.idx < source.end for t in doers)


#: Kinds of actors that are not a side in a conflict.
BYSTANDERS = {"civilians", "media", "business", "ngo", "religious"}


def combatant(mention: Mention, actors: dict[str, Actor]) -> bool:
    """A named party that can be a side: not civilians, not a role with no owner."""
    actor = actors.get(mention.actor_id or "")
    if actor is None or actor.kind in BYSTANDERS:
        return False
    return bool(actor.country) or actor.kind not in STATE_KINDS


def party_of(mention: Mention, actors: dict[str, Actor]) -> str:
    """A state's organs are one party in a conflict; anyone else is their own."""
    actor = actors.get(mention.actor_id or "")
    if actor is not None and actor.kind in STATE_KINDS and actor.country:
        return actor.country
    return mention.actor_id or mention.text


def is_place(mention: Mention, actors: dict[str, Actor]) -> bool:
    """A town read as its state, or a country: somewhere, not an organisation there."""
    actor = actors.get(mention.actor_id or "")
    return mention.label == PLACE or (actor is not None and actor.kind == "state")


def siblings(mentions: Sequence[Mention], actors: dict[str, Actor]) -> bool:
    """Every mention is the same state or one of its organs."""
    states = set()
    for mention in mentions:
        actor = actors.get(mention.actor_id or "")
        if actor is None:
            return False
        states.add(actor.parents[0] if actor.parents else actor.actor_id)
    return len(states) == 1


def same_side(source: Mention, target: Mention, actors: dict[str, Actor]) -> bool:
    """An actor does nothing *to* itself or its own organs ("Iran trained Iranian troops")."""
    if source.actor_id == target.actor_id:
        return True
    if source.code and source.code == target.code:
        return True  # a leader and the movement they lead ("Nasrallah … its fighters")
    a, b = actors.get(source.actor_id or ""), actors.get(target.actor_id or "")
    if a is not None and b is not None and {a.kind, b.kind} == {"person", "state"}:
        return a.country is not None and a.country == b.country  # Mattis and the US
    return a is not None and b is not None and (a.actor_id in b.parents or b.actor_id in a.parents)
