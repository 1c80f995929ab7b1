"""From a parsed document to resolved mentions and actors: recognition, then coreference."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factions._boilerplate import FURNITURE
from factions.actors._coref import (
    DESCRIPTIONS,
    PLEONASTIC_HEADS,
    PRONOUNS,
    TAKEN_SPANS,
    Antecedent,
    nearest_state,
    resolve_description,
    resolve_pronoun,
    resolve_role,
    resolve_short_name,
)
from factions.actors._kb import KnowledgeBase, load_actors
from factions.actors._recognise import BACKING, Found, Recogniser
from factions.actors._unknown import ACTOR_LABELS as UNKNOWN_LABELS
from factions.actors._unknown import unknown_actor
from factions.nlp import Block, clause_verb
from factions.records import Actor, Document, Mention, Sentence

INDEFINITE = {"a", "an", "another", "some", "several", "other", "many", "any"}
#: Words that tie a role to whom it serves: "linked to", "loyal to", "allied with".
AFFILIATION = {
    "link",
    "linked",
    "affiliate",
    "affiliated",
    "ally",
    "allied",
    "tie",
    "tied",
    "associate",
    "associated",
    "align",
    "aligned",
    "loyal",
    "close",
    "belong",
}
#: Owners whose members act in their name ("a Taliban commander", "fighters loyal to Haftar").
MEMBER_GROUPS = {"armed_group", "rebels", "opposition", "party", "person", "igo", "group_of_states"}
#: Kinds of roles that are members of such an owner (not its captives or its victims).
MEMBER_ROLES = {
    "government",
    "military",
    "armed_group",
    "rebels",
    "opposition",
    "religious",
    "police",
}

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class _Item:
    """Something in a block that may name an actor: a found mention or a pronoun/description."""

    start: int
    end: int
    found: Found | None = None
    pronoun: str | None = None
    description: str | None = None
    surname: bool = False
    """A proper noun that may be a person's short name ("Odhiambo" after "Abdi Wario Odhiambo")."""
    half: str | None = None
    """ "the North", "the South": the half of a divided country the document has named."""


class KnowledgeBaseResolver:
    """Resolves mentions against a knowledge base; unknown names become unknown actors."""

    def __init__(self, kb: KnowledgeBase | None = None, nlp: Language | None = None) -> None:
        self.kb = kb or load_actors()
        self._nlp = nlp
        self._recogniser: Recogniser | None = None

    @property
    def recogniser(self) -> Recogniser:
        if self._recogniser is None:
            from factions.nlp import load_nlp

            self._recogniser = Recogniser(self._nlp or load_nlp(), self.kb)
        return self._recogniser

    def resolve(
        self, document: Document, blocks: Sequence[Block], sentences: Sequence[Sentence]
    ) -> tuple[list[Mention], list[Actor]]:
        year = document.published.year if document.published else None
        starts = [s.start for s in sentences]
        state = _DocumentState(self.kb, document.doc_id, year)
        for block in blocks:
            if block.kind in FURNITURE:
                continue  # "Reporting by …", "By Jane Doe": names there are not actors
            items = self._items(block.doc, year)
            state.start_block(block.offset, items)
            for item in items:
                span = block.doc[item.start : item.end]
                start = block.offset + span.start_char
                sentence = max(0, bisect.bisect_right(starts, start) - 1)
                name_start = item.found.name_start if item.found else None
                name = (
                    block.doc[name_start : item.end].text if name_start is not None else span.text
                )
                state.add(item, span, start, sentence, name)
        return state.mentions, list(state.actors.values())

    def _items(self, doc: Doc, year: int | None) -> list[_Item]:
        found = self.recogniser.find(doc, year)
        items = [
            _Item(f.start - 1, f.end, half=doc[f.start].text)
            if f.source == "ner" and f.end - f.start == 1 and _half_of_country(doc[f.start])
            else _Item(f.start, f.end, found=f)
            for f in found
        ]  # "the North" is no place the NER knows of, but the half of a divided country
        taken = {i for f in found for i in range(f.start, f.end)}
        for token in doc:
            if token.i in taken:
                continue
            lower = token.lower_
            if lower in PRONOUNS and token.pos_ == "PRON" and not _pleonastic(token):
                items.append(_Item(token.i, token.i + 1, pronoun=lower))
            elif token.pos_ == "NOUN" and token.lemma_.lower() in DESCRIPTIONS and _definite(token):
                det = next(c for c in token.children if c.dep_ == "det")
                items.append(_Item(det.i, token.i + 1, description=token.lemma_.lower()))
            elif _half_of_country(token):
                items.append(_Item(token.i - 1, token.i + 1, half=token.text))
            elif token.pos_ == "PROPN" and token.is_title:
                items.append(_Item(token.i, token.i + 1, surname=True))
        return sorted(items, key=lambda i: i.start)


#: Nouns that say the name set beside them is a place.
PLACE_NOUNS = {
    "capital",
    "city",
    "town",
    "village",
    "port",
    "province",
    "region",
    "district",
    "state",
    "county",
    "hub",
    "stronghold",
    "enclave",
    "outpost",
    "crossing",
    "border town",
    "island",
}

#: A state's missions abroad: the capital they are in is their host's, not their owner.
MISSIONS = {"embassy", "consulate", "legation", "chancery"}

#: Modifiers that put a role above any one state ("an international tribunal").
STATELESS = {"international", "multinational", "regional", "global", "foreign", "joint"}


class _DocumentState:
    """Mentions, actors and antecedents of one document as resolution goes along."""

    def __init__(self, kb: KnowledgeBase, doc_id: str, year: int | None) -> None:
        self.kb = kb
        self.doc_id = doc_id
        self.year = year
        self.mentions: list[Mention] = []
        self.actors: dict[str, Actor] = {}
        self.before: list[Antecedent] = []
        self._indefinite = False
        self._offset = 0
        self._root_dep = ""
        self._in_place_phrase = False
        self._role_noun = ""
        self._object_clause = -1
        self._backed_from = -1
        self._stateless = False
        self._possessed = False
        self._named: dict[int, str] = {}
        self._at: dict[int, str] = {}

    def start_block(self, offset: int, items: Sequence[_Item]) -> None:
        """Remember which tokens of the block name a known actor, so that a role can look
        ahead to its owner ("the government of Venezuela")."""
        self._offset = offset
        self._named = {
            i: item.found.actor_id
            for item in items
            if item.found and item.found.source in ("kb", "nominal") and item.found.actor_id
            for i in range(item.start, item.end)
        }

    def _owner(self, root: Token) -> Actor | None:
        """The actor owning a role noun: "its ambassador", "Iran's army", "the army of Mali",
        "a cleric linked to the Nusra Front", "fighters loyal to Haftar"."""
        following = root.nbor() if root.i + 1 < len(root.doc) else None
        children = list(root.children)
        if following is not None and following.lower_ == "in" and following.head == root.head:
            children.append(following)  # "accused the authorities in Kyiv": the parser's verb
        possessed = any(c.dep_ == "poss" for c in children)
        for child in children:
            owner = None
            if child.dep_ == "poss" and child.lower_ == "whose" and root.head.dep_ == "relcl":
                noun = root.head.head  # "Niger, whose government has agreed…"
                owner = self._at.get(self._offset + noun.idx) or self._named.get(noun.i)
            elif child.dep_ == "poss":
                owner = self._at.get(self._offset + child.idx) or self._named.get(child.i)
            elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
                if child.lower_ == "from" and possessed:
                    continue  # "its forces from Iraq" leave Iraq; they are not Iraq's
                owner = self._named_object(child)  # "fighters from the JNIM alliance"
            elif child.dep_ == "prep" and child.lower_ == "in":
                if root.lemma_.lower() in MISSIONS:
                    continue  # "embassies in Khartoum" are other states' missions
                seat = self.kb.get(self._named_object(child) or "")
                owner = seat.actor_id if seat and seat.kind == "government" else None
                # "officials in Moscow": a capital that stands for its government
            elif child.dep_ in ("acl", "amod") and child.lemma_.lower() in AFFILIATION:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                        owner = self._named_object(prep) or owner
            actor = self.actors.get(owner or "") or (self.kb.get(owner) if owner else None)
            if actor is not None and (actor.kind != "person" or child.dep_ in ("acl", "amod")):
                return actor  # "Putin's spokesman" speaks for the state, "his loyalists" for him
        return None

    def _named_object(self, preposition: Token) -> str | None:
        """The known actor a preposition's object names: itself, or the name nearest it
        among its compounds ("from the al Qaeda-linked JNIM alliance")."""
        pobj = next((g for g in preposition.children if g.dep_ == "pobj"), None)
        if pobj is None:
            return None
        if pobj.i in self._named:
            return self._named[pobj.i]
        names = [c for c in pobj.lefts if c.dep_ == "compound" and c.i in self._named]
        return self._named[names[-1].i] if names else None

    def add(self, item: _Item, span: Span, start: int, sentence: int, name: str) -> None:
        """Resolve one item; ``name`` is its text without a title in front."""
        self._indefinite = any(
            (c.dep_ == "det" and c.lower_ in INDEFINITE)
            or (
                c.dep_ in ("amod", "compound")
                and self._at.get(self._offset + c.idx, "")[:4] == "unk:"
            )
            for c in span.root.children
        )  # "a militia", "Tigrayan leaders" (someone unknown's): someone new, not an anaphor
        # Only a recipient ("gave drones to the government") is kept apart from its clause's
        # subject; "Turkey sent troops" are Turkey's own.
        root = span.root
        # "shelled Misrata and Zawiya": a conjunct stands where its first conjunct does
        self._root_dep = root.head.dep_ if root.dep_ == "conj" else root.dep_
        self._in_place_phrase = (
            _locative(span.root)
            or (span.root.dep_ == "conj" and _locative(span.root.head))
            or any(  # "Laukkai, the capital of the Kokang region"
                c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in span.root.children
            )
        )
        self._role_noun = span.root.lower_
        backers = [  # "the Saudi-backed government": Saudi Arabia backs it, does not own it
            c.left_edge.idx
            for c in span.root.children
            if c.dep_ == "amod" and (c.lower_ in BACKING or c.lemma_.lower() in BACKING)
        ]
        self._backed_from = self._offset + min(backers) if backers else -1
        self._stateless = any(  # "an international tribunal" is no state's court
            c.dep_ == "amod" and c.lower_ in STATELESS for c in span.root.children
        )
        self._possessed = any(  # "the bloc's leaders": someone's, if not a state we know
            c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in span.root.children
        )
        clause = _clause(span.root, start - span.start_char)
        recipient = clause if span.root.dep_ == "pobj" else -1
        self._object_clause = clause if span.root.dep_ in OBJECT_DEPS else -1
        owner = self._owner(span.root) if item.found and item.found.source == "role" else None
        resolved = self._resolve(item, name, start, sentence, recipient, owner)
        if resolved is None:
            return
        actor, label, code = resolved
        self.actors.setdefault(actor.actor_id, actor)
        self._at[start] = actor.actor_id
        self.mentions.append(
            Mention(
                doc_id=self.doc_id,
                sentence=sentence,
                start=start,
                end=start + len(span.text),
                text=span.text,
                label=label,
                actor_id=actor.actor_id,
                code=code,
            )
        )
        root = span.root
        if _locative(root):
            return  # "near Mogadishu", "in Syria": a place here, never an antecedent
        role = item.found.role if item.found else None
        self.before.append(
            Antecedent(
                start=start,
                sentence=sentence,
                actor_id=actor.actor_id,
                kind=actor.kind,
                plural=root.tag_ in ("NNS", "NNPS") or actor.kind == "group_of_states",
                subject=root.dep_ in ("nsubj", "nsubjpass"),
                role=role or self._role_of(actor),
                country=actor.country,
                text=name,
                clause=clause,
            )
        )

    def _resolve(
        self, item: _Item, name: str, start: int, sentence: int, clause: int, owner: Actor | None
    ) -> tuple[Actor, str, str | None] | None:
        if item.pronoun is not None:
            found = resolve_pronoun(item.pronoun, start, sentence, self.before, self._object_clause)
            return self._again(found, "PRONOUN")
        if item.description is not None:
            found = resolve_description(item.description, start, sentence, self.before)
            return self._again(found, "DESCRIPTION")
        if item.surname:
            return self._again(resolve_short_name(name, start, self.before), "PERSON")
        if item.half is not None:
            return self._half(item.half, start)
        f = item.found
        assert f is not None
        if f.source in ("kb", "nominal") and f.actor_id:
            actor = self.kb.get(f.actor_id)
            if actor is None:
                return None
            label = "KB" if f.source == "kb" else "NOMINAL"
            return actor, label, self.kb.code_of(actor.actor_id, self.year)
        if f.source == "role" and f.role:
            return self._role(f.role, start, sentence, clause, owner)
        if f.source == "ner" and f.label in PLACE_LABELS:  # "shelled Kharkiv": Ukraine's
            state = self._place_state(f.label, name) if name[:1].isupper() else None
            return (state, "PLACE", state.code) if state is not None else None
        if f.source == "ner" and f.label in UNKNOWN_LABELS:
            state = self._place_state(f.label, name)
            if state is not None:  # "M23 seized Goma": a town stands for the state it is in
                return state, "PLACE", state.code
            if f.label == "PERSON":
                earlier = resolve_short_name(name, start, self.before)
                if earlier is not None:
                    return self._again(earlier, "PERSON")
            actor = unknown_actor(name, f.label)
            code = f.title_code
            if code and actor.code is None:
                actor = Actor(actor.actor_id, actor.name, actor.kind, code, code[:3], (), False)
            return actor, f.label, code
        return None

    def _role(
        self, role: str, start: int, sentence: int, clause: int, owner: Actor | None
    ) -> tuple[Actor, str, str | None] | None:
        """A bare role: "the rebels" point back; "a militia" introduces someone new."""
        entry = self.kb.roles[role]
        if owner is not None and owner.kind in MEMBER_GROUPS and entry.kind in MEMBER_ROLES:
            return owner, "ROLE", owner.code  # "a commander of the Islamic State" acts for it
        if owner is not None and owner.country and entry.organ:
            owned = self.kb.get(self.kb.sector_id(owner.country, role))
            if owned is not None:
                return owned, "ROLE", owned.code
        noun = self._role_noun
        earlier = (
            None
            if self._indefinite or self._possessed
            else resolve_role(role, start, self.before, noun, self._object_clause)
        )
        if earlier is not None:
            return self._again(earlier, "ROLE")
        organ = self.kb.roles[role].organ
        same_role = (self._object_clause, role) if self._object_clause >= 0 else None
        before = [  # the backer in "the Saudi-backed government" is no owner
            a for a in self.before if not (0 <= self._backed_from <= a.start < start)
        ]
        country = (
            nearest_state(start, sentence, before, clause, same_role)
            if organ and not (self._stateless or self._possessed)
            else None
        )
        actor = self.kb.get(self.kb.sector_id(country, role)) if country else None
        if actor is None:
            entry = self.kb.roles[role]
            actor = Actor(role, entry.label, entry.kind, role, None, (), True)
        return actor, "ROLE", actor.code

    def _place_state(self, label: str | None, name: str) -> Actor | None:
        """The state a town or province named ``name`` lies in, when the gazetteer knows it.

        Names the parser tags as places count; a one-word "person" counts only as the object
        of a verb or preposition, where the small model often mistakes a town for a person,
        and a one-word "organisation" only after a place preposition ("refineries in Ryazan
        and Volgograd").
        """
        one_word = " " not in name
        if (
            label not in PLACE_LABELS
            and not (label == "PERSON" and one_word and self._root_dep in ("dobj", "pobj"))
            and not (label in MISREAD_TOWNS and one_word and self._in_place_phrase)
        ):
            return None
        from factions.events._gazetteer import known_place

        context = {a.country for a in self.actors.values() if a.country}
        place = known_place(name, ("city", "province"), context)
        if place is None or place.country is None:
            return None
        return self.kb.get(place.country)

    def _role_of(self, actor: Actor) -> str | None:
        """The sector role of IRNMIL-like actors (and of a bare role actor such as REB)."""
        if actor.actor_id in self.kb.roles:
            return actor.actor_id
        state, role = actor.actor_id[:3], actor.actor_id[3:]
        return role if state in self.kb.states and role in self.kb.roles else None

    def _half(self, word: str, start: int) -> tuple[Actor, str, str | None] | None:
        """ "the North" after "North Korea" or "Pyongyang": the latest-named state whose name
        begins with the word, as the state itself."""
        for antecedent in sorted(self.before, key=lambda a: -a.start):
            if antecedent.start >= start or not antecedent.country:
                continue
            state = self.kb.get(antecedent.country)
            if state is not None and state.kind == "state" and state.name.startswith(word + " "):
                return self._again(replace(antecedent, actor_id=state.actor_id), "DESCRIPTION")
        return None

    def _again(self, found: Antecedent | None, label: str) -> tuple[Actor, str, str | None] | None:
        if found is None:
            return None
        actor = self.actors.get(found.actor_id) or self.kb.get(found.actor_id)
        if actor is None:
            return None
        previous = next(
            (m.code for m in reversed(self.mentions) if m.actor_id == actor.actor_id), actor.code
        )
        return actor, label, previous


LOCATIVE_PREPS = {
    "in",
    "near",
    "at",
    "outside",
    "around",
    "inside",
    "across",
    "within",
    "throughout",
    "into",
    "from",
    "towards",
    "toward",
    "off",
    "along",
}


SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: Links from a verb to the verb whose subject it shares when it has none of its own.
SHARED_SUBJECT = ("conj", "xcomp", "advcl")
#: Entity labels of names that may be towns and provinces.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: Entity labels the small model gives to towns it does not know.
MISREAD_TOWNS = {"PERSON", "ORG"}
#: Slots whose filler is not the clause's own subject.
OBJECT_DEPS = ("pobj", "dobj", "obj")


def _clause(token: Token, offset: int) -> int:
    """Document offset of the verb heading the clause ``token`` belongs to, or -1.

    Verbs that share a subject count as one clause: joined by "and", or an infinitive or
    participle without a subject of its own ("refused to negotiate with it, dismissing it").
    """
    token = clause_verb(token)
    if token.pos_ not in ("VERB", "AUX"):
        return -1
    while token.dep_ in SHARED_SUBJECT and not any(c.dep_ in SUBJECT_DEPS for c in token.children):
        token = token.head
    return offset + token.idx


def _locative(token: Token) -> bool:
    """The object of a place preposition ("near Mogadishu", "north of Gao")."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def _half_of_country(token: Token) -> bool:
    """ "the North's test", "the South": a capitalised half on its own, not the start of a
    longer name ("the North Atlantic", "the South China Sea")."""
    if token.text not in ("North", "South") or token.i == 0:
        return False
    if token.doc[token.i - 1].lower_ != "the":
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is None or not (after.is_title or after.is_upper)


def _pleonastic(token: Token) -> bool:
    if token.lower_ != "it":
        return False
    head = token.head
    if head.lemma_ == "take" and token.dep_ == "nsubj":
        taken = [c for c in head.children if c.dep_ in ("dobj", "obj")]
        return not taken or any(c.lemma_.lower() in TAKEN_SPANS for c in taken)
    return token.dep_ == "expl" or (
        token.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in PLEONASTIC_HEADS
    )


def _definite(token: Token) -> bool:
    """'the group' standing alone: a definite article and nothing that makes it a new entity.

    "the militant group ISIS", "the coalition that captured Idlib", "the Russian-Iranian
    alliance" name or describe their referent themselves; only the bare noun points back.
    """
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children):
        return False
    return all(
        c.dep_ in ("det", "punct")
        or (  # "support for the coalition, a rare rebuke to…": a comment, not a name
            c.dep_ == "appos"
            and any(g.dep_ == "det" and g.lower_ in ("a", "an") for g in c.children)
        )
        for c in children
    )
