"""Where an event's target comes from when its act names none directly: the party a warning
or protest is aimed at, the owner of a thing attacked, the state across a border, the party an
act is made conditional on, and the acts that are only asked of someone else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factions.events._arguments import (
    COPULAS,
    direct_objects,
    expand,
    objects,
    prepositional,
    subjects,
)
from factions.events._lexicon import Coding
from factions.events._modality import Stance, infinitive
from factions.events._parties import (
    ANAPHORA,
    NON_PARTIES,
    OWN,
    PLACE,
    UNKNOWN,
    is_place,
    mention_of,
    same_side,
)
from factions.nlp import clause_verb
from factions.records import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token


def warned_party(
    trigger: Token, source: Mention, mentions: dict[int, Mention], actors: dict[str, Actor]
) -> list[Mention]:
    """The first party other than the warner's own named in what a warning says."""
    for child in trigger.children:
        if child.dep_ != "ccomp" or child.lemma_.lower() in COPULAS:
            continue  # "warned that Kabul would become a graveyard" names a place
        for token in child.subtree:
            found = mentions.get(token.i)
            if (
                found is not None
                and found.label not in ANAPHORA
                and found.label != "ROLE"  # "could use force": force is a means, no party
                and not same_side(source, found, actors)
                and not in_locative(token)
            ):
                return [found]
    return []


def in_locative(token: Token) -> bool:
    """ "in Europe", "near the border": a place here, not a party."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in ("in", "near", "at", "across", "inside")


def purpose_targets(trigger: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """Whom a protest is against, from its purpose: "rallied in Seoul *to denounce the
    North's test*", "marched to demand the release of…"."""
    for child in trigger.children:
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB":
            heads = objects(child) or prepositional(child, {"against", "at", "on"})
            found = [m for t in heads if (m := mention_of(t, mentions) or doer(t, mentions))]
            if found:
                return found
    return []


#: Verbs that ask someone else to act; the act asked for has not happened, and is coded only
#: as the request (the convention of our sentence set and gold files).
ASKING = {
    "urge",
    "ask",
    "call",
    "demand",
    "press",
    "appeal",
    "implore",
    "tell",
    "request",
    "encourage",
    "invite",
    "pressure",
    "push",
    "propose",
    "suggest",
    "recommend",
}


#: Those of them whose "that" clause is asked for, not reported ("proposed that North Korea
#: freeze its programmes": no freeze has happened).
ASKING_THAT = {"demand", "ask", "urge", "request", "propose", "suggest", "recommend"}


#: Verbs whose infinitive is the act threatened, which has not happened.
THREATENING = {"threaten"}

#: Units of the time an ultimatum allows ("gave the junta seven days to…").
ALLOWANCES = {"minute", "hour", "day", "week", "month", "deadline"}


def _to_clause(token: Token) -> bool:
    """An infinitive hanging as a clause: "seven days *to free* Bazoum"."""
    return token.dep_ in ("advcl", "xcomp", "acl", "relcl") and infinitive(token)


def ultimatum(verb: Token) -> Token | None:
    """The party given time to act: "gave the junta seven days to free Bazoum", "a resolution
    giving Iraq until March 17 to disarm" (CAMEO 139, give ultimatum). The parser hangs the
    time and the act on the giving verb, on the time noun, or on the verb whose object holds
    a participle ("put forward a resolution *giving Iraq until*…")."""
    if verb.lemma_.lower() != "give" or verb.pos_ != "VERB":
        return None
    hosts = [verb, verb.head.head] if verb.dep_ == "acl" else [verb]
    around = [c for h in hosts for c in h.children]
    around += [g for c in around if c.lemma_.lower() in ALLOWANCES for g in c.children]
    timed = any(
        (c.lemma_.lower() in ALLOWANCES and c.dep_ in ("npadvmod", "dobj", "obj"))
        or (c.dep_ == "prep" and c.lower_ == "until")
        for c in around
    )
    if not timed or not any(_to_clause(c) and c.pos_ == "VERB" for c in around):
        return None
    given = [c for c in verb.children if c.dep_ == "dative"] or [
        c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in ALLOWANCES
    ]
    return given[0] if given else None


def _given_time_to(verb: Token) -> bool:
    """ "to free Bazoum" in "gave the junta seven days to free Bazoum": asked, not done."""
    if not _to_clause(verb):
        return False
    near = [verb.head, *verb.head.children, *(g for c in verb.head.children for g in c.children)]
    return any(t.dep_ != "conj" and ultimatum(t) is not None for t in near if t is not verb)


def asked_of_another(trigger: Token) -> bool:
    """ "urged Israel *to freeze* settlements", "demanded that Kigali *withdraw*", "called on
    the army *to abandon* Maduro", "gave the junta seven days *to free* Bazoum": an act
    someone else is asked to do."""
    verb = clause_verb(trigger)
    while (
        verb.dep_ == "conj"
        and verb.head.i != verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        verb = verb.head  # "urged Iran to halt enrichment and allow inspectors in"
    if _given_time_to(verb):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in THREATENING:
        return True  # "threatened to strike Israeli ports": the threat is the event
    if verb.dep_ not in ("xcomp", "ccomp") or verb.head.lemma_.lower() not in ASKING:
        return False
    if verb.dep_ == "ccomp":  # "demanded that Kigali withdraw": a subject of its own
        return verb.head.lemma_.lower() in ASKING_THAT and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
        )  # but "told reporters that Riyadh was arming them" reports an act
    asker = verb.head
    return any(c.dep_ in ("dobj", "obj") for c in asker.children) or any(
        p.dep_ == "prep" and p.lower_ == "on" for p in asker.children
    )  # "urged Iran to…", "called on Iran to…"; not "asked to join"


#: CAMEO 130 "threaten, not specified" and 138 "threaten with military force".
THREAT, THREAT_OF_FORCE = "130", "138"


#: Conditions that are a failure or refusal of the other party ("if they failed to").
FAILING = {"fail", "refuse", "reject", "violate", "breach", "ignore", "defy", "cross"}


#: Verbs of restraint whose negation announces the act ("would not hesitate to void").
RESTRAINT = {"hesitate", "shy", "rule", "exclude"}


def conditioned_on(
    trigger: Token,
    source: Mention,
    act: Coding,
    how: Stance,
    mentions: dict[int, Mention],
    codings: dict[int, Coding],
) -> Mention | None:
    """The party an act is made conditional on, when that makes it a threat: "would void the
    agreement if they failed to", "would keep defending Afghan forces if the Taliban attacked
    them", "will respond unless Israel withdraws". The act must be hostile, or the condition
    an attack or a failure of the other party; a conditional offer ("would send missiles if
    Kyiv asked") threatens no one, and a weapon noun ("missiles") is no act by itself."""
    verb = clause_verb(trigger)
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "conj") and len(chain) < 4:
        chain.append(chain[-1].head)  # "would not hesitate to void…, if…"
    if how.negated and not any(v.lemma_.lower() in RESTRAINT for v in chain):
        return None
    for clause in chain:
        for cond in clause.children:
            if cond.dep_ != "advcl" or not any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cond.children
            ):
                continue
            if trigger.i in {t.i for t in cond.subtree}:
                return None  # the trigger is the condition, not the consequence
            condition = codings.get(cond.i)
            hostile = (
                (act.quad_class >= 3 and act.plover != "MOBILIZE" and trigger.pos_ == "VERB")
                or cond.lemma_.lower() in FAILING
                or (condition is not None and condition.quad_class >= 3)
            )
            if not hostile:
                return None
            for subject in subjects(cond):
                found = mention_of(subject, mentions)
                if found is not None and found.actor_id != source.actor_id:
                    return found
    return None


def _phrase_heads(trigger: Token) -> list[Token]:
    """Where a trigger's prepositional phrases may hang: on itself and, for a noun object, on
    the verb that carries it (the parser puts them on either)."""
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj"):
        return [trigger, trigger.head]
    return [trigger]


def reasons(trigger: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """Whom a reaction is over: the party a complaint or protest "over", "about" or "at"
    names, or whose act it names ("complaints over China's construction of islands")."""
    for head in _phrase_heads(trigger):  # "lodged complaints over…": the verb's phrase too
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("over", "about", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and (
                    found := mention_of(obj, mentions) or doer(obj, mentions)
                ):
                    return [found]
    return []


def doer(noun: Token, mentions: dict[int, Mention]) -> Mention | None:
    """Whose act a noun names, by its possessor: "the North's test", "Russia's annexation"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return mention_of(child, mentions)
    return None


#: Nouns of a line between states: troops massed "near the Ukrainian border" face Ukraine.
BORDER_NOUNS = {"border", "frontier", "boundary"}


def border_target(
    trigger: Token, source: Mention, mentions: dict[int, Mention], actors: dict[str, Actor]
) -> Mention | None:
    """The other state on the border a deployment is on: "near the Ukrainian border", "along
    its border with Niger", "on Poland's frontier"."""
    for token in trigger.subtree:
        if token.lemma_.lower() not in BORDER_NOUNS or token.dep_ != "pobj":
            continue
        candidates = [c for c in token.children if c.dep_ in ("amod", "compound", "poss")]
        candidates += prepositional(token, {"with"})
        for candidate in candidates:
            found = mention_of(candidate, mentions)
            if found is not None and not same_side(source, found, actors):
                return found
    return None


def commented_object(trigger: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """The actor named by the object of the clause a participle comments on, if the trigger
    says nothing of its own addressee and that object names one."""
    if any(c.dep_ in ("dobj", "dative") for c in trigger.children):
        return []
    for child in trigger.head.children:
        if child.dep_ == "dobj":
            owner = next((g for g in child.children if g.dep_ == "poss"), None)
            found = mention_of(child, mentions) or (mentions.get(owner.i) if owner else None)
            return [found] if found is not None else []  # "recalled Russia's war, warning…"
    return []


def set_beside(noun: Token) -> bool:
    """A noun set off by a comma after a clause ("…, a move Kiev called pressure")."""
    before = noun.left_edge.i - 1
    return before > noun.sent.start and noun.doc[before].text in {",", "—", "–", ";"}


def left_from(
    trigger: Token, source: Mention, mentions: dict[int, Mention], actors: dict[str, Actor]
) -> Mention | None:
    """Whom a withdrawal leaves: the other party after "from" in the trigger's phrase."""
    for token in trigger.subtree:
        if token.dep_ == "prep" and token.lower_ == "from":
            for pobj in token.children:
                found = mention_of(pobj, mentions) if pobj.dep_ == "pobj" else None
                if found is not None and not same_side(source, found, actors):
                    return found
    return None


def own_objects_only(verb: Token) -> bool:
    """No object, or only the doer's own ("reinforced *its* positions", "kept *its*
    airspace closed"): the act is aimed at someone the sentence does not name. "cut *the*
    road" is about the road."""
    return all(
        any(c.dep_ == "poss" and c.lower_ in OWN for c in obj.children)
        for obj in direct_objects(verb)
    )


#: Facilities on a host's soil that belong to another state.
MISSIONS = {"embassy", "consulate", "legation", "chancery"}

#: Prepositions that place a facility ("a depot near Latakia", "the market in Nyala").
SITE_PREPS = {"in", "near", "at", "around", "outside"}


def site(token: Token, mentions: dict[int, Mention], actors: dict[str, Actor]) -> list[Mention]:
    """The towns or country a target that names no one lies in: "struck oil refineries *in
    Ryazan and Volgograd*" is a strike on Russia's soil; the thing hit is not an actor, its
    place is. The place may hang off the object or, as the parser often has it, the verb.
    Ground said to be held by someone ("Houthi-held areas") is theirs, wherever it lies."""
    if token.lemma_.lower() in NON_PARTIES | MISSIONS:
        return []  # "crushed the uprising in Hama": the uprising, not the town; "embassies in
        # Kinshasa" are other states' ground, not Congo's
    holder = _holder(token, mentions)
    if holder is not None:
        return [holder]
    heads = [token, token.head] if token.dep_ in ("dobj", "obj", "nsubjpass") else [token]
    for head in heads:
        found = [
            m
            for child in head.children
            if child.dep_ == "prep" and child.lower_ in SITE_PREPS
            for grand in child.children
            if grand.dep_ == "pobj"
            for place in expand(grand)
            if (m := mentions.get(place.i)) is not None and is_place(m, actors)
        ]
        if found:
            return found
    return []


#: Participles that say who holds ground: "Houthi-held areas", "rebel-controlled towns".
HOLDING = {"held", "controlled", "occupied", "run", "dominated", "besieged"}


def _holder(token: Token, mentions: dict[int, Mention]) -> Mention | None:
    """Who holds what ``token`` names, by its "X-held" modifier."""
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ in HOLDING:
            for named in child.children:
                if named.dep_ in ("npadvmod", "compound", "nmod", "amod"):
                    found = mention_of(named, mentions)
                    if found is not None:
                        return found
    return None


#: Prepositions that put an attack at or on something: "strikes near Indian military
#: installations", "shelling on Russian positions", "a raid on an army base in Mali".
FACILITY_PREPS = SITE_PREPS | {"on", "against"}


def facility_owners(
    trigger: Token,
    source: Mention,
    mentions: dict[int, Mention],
    actors: dict[str, Actor],
    *,
    places: bool = True,
) -> list[Mention]:
    """Whose a thing attacked is, when the act names no party: the party its modifiers name
    ("Indian military installations", "a Hamas tunnel"), else (with ``places``) the place it
    lies in. A protest "outside the U.S. embassy" is at the United States, but one "in Seoul"
    is not at South Korea: protests take owners only."""
    for head in _phrase_heads(trigger):  # "carried out strikes near…": the verb's too
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in FACILITY_PREPS:
                continue
            for thing in prep.children:
                if thing.dep_ != "pobj" or thing.lemma_.lower() in NON_PARTIES:
                    continue
                owners = [
                    m
                    for c in thing.children
                    if c.dep_ in ("amod", "compound", "poss", "nmod")
                    and (m := mention_of(c, mentions)) is not None
                    and not same_side(source, m, actors)
                    and (places or _known_owner(m, actors))  # not "at the Kati barracks"
                ]
                if owners:
                    return owners[:1]
                found = site(thing, mentions, actors) if places else []
                if found:
                    return found
    return []


def _known_owner(mention: Mention, actors: dict[str, Actor]) -> bool:
    """A known actor that is not a place: the state of "the U.S. embassy", not "Kati"."""
    return not (mention.actor_id or UNKNOWN).startswith(UNKNOWN) and not is_place(mention, actors)


def parties_over_places(targets: list[Mention | None]) -> list[Mention | None]:
    """A town named beside the party it is taken from or done to is the scene: "retook
    Raqqa from ISIS" is an act against ISIS, not against Syria."""
    if any(t is not None and t.label != PLACE for t in targets):
        return [t for t in targets if t is None or t.label != PLACE]
    return targets
