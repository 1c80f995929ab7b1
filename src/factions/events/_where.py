"""Where an event happened: the place governed by its trigger's clause, else a likely one.

``_places`` finds and geocodes the places a sentence names; this module picks the event's:

1. a place in a locative phrase of the trigger's own clause ("struck a convoy *near Idlib*");
2. else the target itself when it is a place below a country ("M23 seized *Goma*");
3. else the sentence's only place that is not acting as an actor;
4. else the latest place of an earlier sentence of the same paragraph.

A country named as an actor ("Russia bombed ISIS") is not the event's place, nor is a source's
home: only the text's own locatives count. Places are looked up only in sentences that code an
event, so a long article costs little.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from factions.events._gazetteer import load_gazetteer
from factions.events._places import LOCATIVE_PREPS, PlaceMention, find_places
from factions.events._when import clause_chain
from factions.nlp import clause_verb
from factions.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class SentencePlaces:
    """The places of one sentence, each tied to the verb that governs it."""

    def __init__(self, sentence: Span, countries: Collection[str]) -> None:
        doc = self._doc = sentence.doc
        self.mentions: list[PlaceMention] = [
            m
            for m in find_places(sentence, load_gazetteer(), countries=countries)
            if not _origin(doc[m.head])
        ]
        self._governors = [(m, clause_verb(doc[m.head]).i) for m in self.mentions]

    def place_for(self, trigger: Token, target: int | None, physical: bool) -> Place | None:
        """The place of an event by rules 1–3 of the module docstring; ``target`` is the
        target's character offset in the sentence's doc, ``physical`` says the event happens
        to its target where the target is (an attack, a deployment), so a target place
        counts."""
        chain, _ = clause_chain(trigger)
        scope = set() if physical else _scope(trigger)
        for link in chain:
            governed = [
                m
                for m, head in self._governors
                if head == link.i
                and (_setting(m, physical) or _scene(m, self._doc))
                and m.head not in scope
            ]
            if governed:  # "in the Rwandan border town of Gisenyi": the town, not the border
                return min(governed, key=lambda m: SPECIFIC.get(m.place.precision, 9)).place
        if target is not None:
            for mention in self.mentions:
                inside = mention.start <= target < mention.end
                if inside and (physical or mention.place.precision != "country"):
                    return mention.place
        settings = [m for m in self.mentions if _scene(m, self._doc) and m.head not in scope]
        if len(settings) == 1:
            return settings[0].place
        return None

    def latest(self) -> Place | None:
        """What a later sentence of the paragraph inherits."""
        settings = [m for m in self.mentions if _scene(m, self._doc)]
        return settings[-1].place if settings else None


#: Precisions, most specific first.
SPECIFIC = {"city": 0, "province": 1, "region": 2, "country": 3}
#: Roles of a place phrase that say where things happen ("in Idlib", "north-western Syria").
SETTINGS = {"locative", "other"}


def _scene(mention: PlaceMention, doc: Doc) -> bool:
    """A locative, or a name modifying a noun in a locative phrase ("in the Poonch sector")."""
    if mention.role in SETTINGS:
        return True
    if mention.role != "modifier":
        return False
    noun = doc[mention.head].head
    return noun.dep_ == "pobj" and noun.head.lower_ in LOCATIVE_PREPS


#: Prepositions that introduce what an act is about, not where it happens.
ARGUMENT_PREPS = {"to", "on", "over", "for", "with", "about", "against"}


def _scope(trigger: Token) -> set[int]:
    """Tokens of what a non-physical act is about: "agreed to a ceasefire in Shan State"
    agrees on Shan State, not in it; "after talks in Kunming" says where. An object's
    place stays a scene: "summoned Congo's envoy in Brussels"."""
    out: set[int] = set()
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ARGUMENT_PREPS:
            out.update(t.i for t in child.subtree)
    return out


def _origin(token: Token) -> bool:
    """A place that says where an actor comes from, not where something happens: "forces
    from the northern region of Tigray", "financiers from Kuwait"."""
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return False
        if head.dep_ == "prep" and head.lower_ != "of" and token.dep_ == "pobj":
            return head.lower_ == "from" and head.head.pos_ in ("NOUN", "PROPN")
        token = head
    return False


def _setting(mention: PlaceMention, physical: bool) -> bool:
    """A place of the clause is the scene when it is a locative, or, for an attack and the
    like, a town or region it is done to ("struck Mekelle, killing…")."""
    if mention.role in SETTINGS:
        return True
    return physical and mention.role == "object" and mention.place.precision != "country"
