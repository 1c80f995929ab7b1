"""Readings of a clause that the coder's rules ask about: what a construction means, from the
parse alone (a protest's purpose, a gerund misread as a verb, a fight with no party named,
repression rather than assault, the medium of a talk, a thing refused rather than a state).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factions.events._arguments import prepositional
from factions.events._parties import CONFLICT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from factions.events._lexicon import Coding
    from factions.records import Actor, Mention

#: Means of talking at a distance, on which the parser hangs the one talked to ("spoke by
#: telephone with X").
MEDIA = {"telephone", "phone", "video", "videoconference", "videolink", "link", "radio", "call"}


#: Things whose non-acceptance is a rejection of them (and of whoever made them).
REFUSABLE = {
    "ruling",
    "decision",
    "verdict",
    "judgment",
    "judgement",
    "resolution",
    "result",
    "outcome",
    "election",
    "vote",
    "referendum",
    "plan",
    "proposal",
    "deal",
    "agreement",
    "accord",
    "treaty",
    "demand",
    "condition",
    "term",
    "offer",
    "ultimatum",
    "jurisdiction",
    "claim",
    "accusation",
    "charge",
    "annexation",
    "border",
    "boundary",
    "authority",
    "mandate",
    "sanction",
    "finding",
}


#: What a protest is held for, said by a verb: the protest is the event.
PROTEST_PURPOSES = {"ACCUSE", "REJECT", "REQUEST", "PROTEST"}


def protest_purpose(trigger: Token, coding: Coding, codings: dict[int, Coding]) -> bool:
    """ "marched to denounce the war", "gathered to demand a seat at the talks": the purpose of
    a protest is what the protest says, not a second event."""
    head = codings.get(trigger.head.i)
    return (
        coding.plover in PROTEST_PURPOSES
        and trigger.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
        and head is not None
        and head.plover == "PROTEST"
    )


#: Verbs that take an object and an "of" (accuse X of Y): a gerund right after them is the
#: object's adjective, whatever the parser says.
OF_VERBS = {"accuse", "blame", "suspect", "charge", "convict", "praise", "thank", "credit"}


def participle_misread(verb: Token) -> bool:
    """ "accused retreating Russian units of blowing up…": the small parser makes the
    adjective a verb with the units as its object."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("xcomp", "ccomp")
        and verb.i == verb.head.i + 1
        and verb.head.lemma_.lower() in OF_VERBS
        and not any(c.dep_ in ("dobj", "obj") for c in verb.head.children)
    )


def responsible_for_fighting(token: Token) -> bool:
    """ "those responsible for the violence", "whoever is behind the attacks": the parties to
    the fight, unnamed."""
    if token.lower_ not in ("those", "anyone", "whoever", "everyone", "all"):
        return False
    return any(
        c.lemma_.lower() == "responsible"
        and any(
            g.lemma_.lower() in CONFLICT_NOUNS | {"violence", "fighting", "attack", "killing"}
            for p in c.children
            if p.dep_ == "prep" and p.lower_ == "for"
            for g in p.children
            if g.dep_ == "pobj"
        )
        for c in token.children
    )


def talk_media(verb: Token) -> list[Token]:
    """The means of a talk at a distance, on which the parser hangs the one talked to
    ("spoke *by telephone* with X")."""
    return [g for g in prepositional(verb, {"by", "over", "via"}) if g.lemma_.lower() in MEDIA]


def things_accepted(verb: Token) -> bool:
    """What is (not) accepted is a ruling, a result or a demand: not recognising a state or a
    government is withheld recognition, not a rejection."""
    accepted = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")] or (
        [verb.head] if verb.dep_ == "relcl" else []
    )
    return bool(accepted) and all(t.lemma_.lower() in REFUSABLE for t in accepted)


#: CAMEO 175, "use tactics of violent repression".
REPRESSION = "175"


def represses(
    source: Mention, target: Mention | None, actors: dict[str, Actor], trigger: Token
) -> bool:
    """Police turning force on civilians, or soldiers on a crowd of protesters, is repression
    (CAMEO 175); soldiers killing villagers, or border guards killing migrants, is an assault:
    killing is repression only of a crowd."""
    a = actors.get(source.actor_id or "")
    b = actors.get(target.actor_id or "") if target is not None else None
    if a is None or b is None or target is None or b.kind not in UNARMED:
        return False
    words = {w.strip(".,").lower().rstrip("s") for w in target.text.split()}
    crowd = bool(words & CROWDS)
    if a.kind == "police":
        return crowd or trigger.lemma_.lower() not in KILLING
    return a.kind == "military" and (crowd or trigger.lemma_.lower() in BEATING)


#: Kinds of people, unarmed, whom security forces' force against is repression.
UNARMED = {"civilians", "media", "education"}


#: Force short of killing: soldiers beating students are repressing them, not fighting them.
BEATING = {"beat", "whip", "flog", "torture", "tear-gas", "gas", "club", "kick", "assault"}


#: Verbs of killing: done by police to people who are no crowd, an assault, not repression.
KILLING = {"kill", "massacre", "execute", "slaughter", "murder", "slay"}


#: Nouns of people gathered in protest, whom soldiers' force against is repression.
CROWDS = {"protester", "demonstrator", "crowd", "marcher", "rioter", "protestor", "mob"}


#: Nouns of combat that, with no party named, are the fight between the document's sides.
COMBAT_NOUNS = {
    "fighting",
    "clash",
    "clashes",
    "battle",
    "hostilities",
    "combat",
    "shelling",
    "war",
}


#: Verbs by which witnesses tell of a fight they cannot name the parties of ("residents
#: reported heavy shelling and air strikes").
WITNESSED = {"report", "hear", "witness", "describe", "see"}


#: What fire is fire of weapons by.
WEAPONS_FIRED = {"artillery", "mortar", "rocket", "gun", "machine-gun", "tank", "sniper", "heavy"}


#: What they tell of: any combat noun, or fire and strikes.
WITNESSED_COMBAT = COMBAT_NOUNS | {"strike", "airstrike", "gunfire", "fire", "bombardment"}


#: Verbs a fight "does" when it names no party: it rages, erupts, resumes, goes on. Stems,
#: because the small model's lemmas fail on some ("raged" is lemmatised "rag").
FIGHT_VERBS = (
    "rag",
    "erupt",
    "continu",
    "resum",
    "flare",
    "intensif",
    "broke",
    "break",
    "spread",
    "escalat",
    "persist",
    "went",
    "go",
    "rock",
    "subsid",
    "eas",
)


def fight_without_parties(noun: Token) -> bool:
    """ "Fighting raged on in the capital", "clashes erupted near the airport": a fight whose
    own clause names no one."""
    told = noun.head.head if noun.dep_ == "conj" else noun
    if (
        told.dep_ in ("dobj", "obj")
        and told.head.lemma_.lower() in WITNESSED
        and noun.lemma_.lower() in WITNESSED_COMBAT
        and (  # "artillery fire", not "a fire at the port"
            noun.lemma_.lower() != "fire"
            or any(c.lemma_.lower() in WEAPONS_FIRED for c in noun.children)
        )
    ):  # "residents reported heavy artillery fire and air strikes"
        return True
    if noun.lemma_.lower() not in COMBAT_NOUNS and noun.lower_ not in COMBAT_NOUNS:
        return False
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    return verb.lower_.startswith(FIGHT_VERBS) and not any(
        c.dep_ in ("dobj", "obj", "agent") for c in verb.children
    )
