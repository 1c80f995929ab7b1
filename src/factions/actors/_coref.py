"""Coreference within a document, by rule: pronouns, definite descriptions, bare roles, short names.

Each rule looks back for the nearest compatible antecedent, as a careful reader does:

* a pronoun (it/its, they/them/their, he/him/his, she/her) takes the nearest earlier actor of a
  compatible kind and number in its sentence or the two before, preferring subjects;
* a definite description ("the group", "the country", "the alliance") takes the nearest earlier
  actor of a kind the noun can name;
* a bare role ("the rebels", "insurgent groups", "the army") takes the nearest earlier actor of
  the same role; an organ of state without one ("the army") that of the nearest state;
* a person's later short name ("al-Muhaysini") takes the full name given earlier.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

PRONOUNS = {
    "it": "it",
    "its": "it",
    "itself": "it",
    "they": "they",
    "them": "they",
    "their": "they",
    "themselves": "they",
    "he": "person",
    "him": "person",
    "his": "person",
    "she": "person",
    "her": "person",
}

#: Kinds a pronoun can stand for.
PRONOUN_KINDS = {
    "it": {
        "state",
        "government",
        "igo",
        "armed_group",
        "rebels",  # a named rebel group ("the ELN … It"); bare "rebels" are plural
        "opposition",
        "party",
        "ngo",
        "media",
        "business",
        "military",
        "police",
    },
    "they": {
        "rebels",
        "armed_group",
        "civilians",
        "group_of_states",
        "opposition",
        "party",
        "military",
        "police",
        "igo",
        "government",
        "media",
        "business",
        "religious",
    },
    "person": {"person"},
}

#: Nouns of definite descriptions and the kinds they can name.
DESCRIPTIONS = {
    "group": {"armed_group", "rebels", "party", "igo", "ngo", "opposition"},
    "organisation": {"armed_group", "igo", "ngo", "party"},
    "organization": {"armed_group", "igo", "ngo", "party"},
    "movement": {"armed_group", "rebels", "party", "opposition"},
    "faction": {"armed_group", "rebels", "party"},
    "alliance": {"igo", "group_of_states", "armed_group", "rebels"},
    "coalition": {"igo", "group_of_states", "armed_group", "rebels"},
    "bloc": {"igo", "group_of_states"},
    "country": {"state"},
    "nation": {"state"},
    "kingdom": {"state"},
    "republic": {"state"},
    "council": {"igo", "government"},
}

#: Descriptions that point back to the actor whose name they are part of, however far back
#: ("the Saudi-led coalition" … "the coalition"); "the group" is too common a word for that.
NAMING_DESCRIPTIONS = {"coalition", "alliance", "bloc", "council"}
#: Of those, the ones that point back only to a name holding them: "the council" is the
#: Security Council named before, not whatever organisation was named last.
NAMING_ONLY = {"council"}

#: Verbs whose subject "it" is usually not an actor ("it is clear", "it remains to be seen").
PLEONASTIC_HEADS = {"be", "seem", "appear", "remain", "take", "happen", "matter", "mean"}
#: What "it takes" when "it" is no actor ("it took weeks to…"); "it had taken control of the
#: town" is an actor's act.
TAKEN_SPANS = {"time", "year", "month", "week", "day", "hour", "minute", "while", "effort", "long"}

#: Roles that can stand in for each other when the same role has no antecedent.
KINDRED_ROLES = {"REB": {"REB", "UAF", "OPP"}, "UAF": {"UAF", "REB"}, "OPP": {"OPP", "REB"}}

#: Kinds that stay one actor when named in the plural ("Al-Shabaab fighters" → the group).
ORGANISATIONS = {"armed_group", "igo", "party", "ngo", "media", "business"}

WINDOW = 2  # sentences back for pronouns and descriptions


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A resolved mention as coreference sees it."""

    start: int
    sentence: int
    actor_id: str
    kind: str
    plural: bool
    subject: bool
    role: str | None
    country: str | None
    text: str
    clause: int = -1
    """Document offset of the verb whose clause holds the mention (-1: none)."""


def resolve_pronoun(
    pronoun: str, start: int, sentence: int, before: Sequence[Antecedent], clause: int = -1
) -> Antecedent | None:
    """The nearest fitting antecedent. An object pronoun (``clause`` given) never stands for
    the subject of its own clause: in "the cabinet endorsed it", "it" is not the cabinet."""
    group = PRONOUNS.get(pronoun.lower())
    if group is None:
        return None
    kinds = PRONOUN_KINDS[group]

    def fits(a: Antecedent) -> bool:
        if a.kind not in kinds:
            return False
        if clause >= 0 and a.subject and a.clause == clause:
            return False
        if a.kind == "media" and not a.subject:
            return False  # "told Reuters … it": an outlet is rarely what a pronoun means
        if group == "it":
            return not a.plural or a.kind in ORGANISATIONS
        if group == "they":
            return a.plural or a.kind in {"armed_group", "group_of_states", "party"}
            # not a single organisation such as the UN: "destroyed 34 of them" are things
        return True

    return _nearest(before, start, sentence, fits)


def resolve_description(
    noun: str, start: int, sentence: int, before: Sequence[Antecedent]
) -> Antecedent | None:
    kinds = DESCRIPTIONS.get(noun.lower())
    if kinds is None:
        return None
    named = [  # "the coalition" is the "Saudi-led coalition" named before, however far back
        a
        for a in before
        if noun.lower() in NAMING_DESCRIPTIONS
        and a.start < start
        and noun.lower() in a.text.lower().split()
    ]
    if named:
        return max(named, key=lambda a: a.start)
    if noun.lower() in NAMING_ONLY:
        return None
    near = _nearest(
        before,
        start,
        sentence,
        lambda a: a.kind in kinds and (not a.plural or a.kind in ORGANISATIONS),
    )
    if near is not None or noun.lower() not in NAMING_DESCRIPTIONS:
        return near
    # "the bloc" far from "ECOWAS": the only bloc the document has named, however far back
    fitting = [a for a in before if a.start < start and a.kind in kinds]
    for group in (fitting, [a for a in fitting if a.kind == "igo"]):  # a bloc is an IGO first
        if len({a.actor_id for a in group}) == 1:
            return max(group, key=lambda a: a.start)
    return None


def resolve_role(
    role: str, start: int, before: Sequence[Antecedent], noun: str | None = None, clause: int = -1
) -> Antecedent | None:
    """The nearest earlier mention of the same role in the document, else of a kindred one;
    one named with the same noun first ("the junta" is the junta named before, not the latest
    government mentioned). A role in an object slot (``clause`` given) is not its own clause's
    subject: in "officials accused the authorities", the authorities are someone else."""
    earlier = [
        a
        for a in before
        if a.start < start and a.role and not (clause >= 0 and a.subject and a.clause == clause)
    ]
    if noun:
        same = [a for a in earlier if a.role == role and noun in a.text.lower().split()]
        if same:  # the one the story keeps naming so, the latest on a tie
            named = Counter(a.actor_id for a in same)
            return max(same, key=lambda a: (named[a.actor_id], a.start))
    for allowed in ({role}, KINDRED_ROLES.get(role, {role})):
        matches = [a for a in earlier if a.role in allowed]
        if matches:
            return max(matches, key=lambda a: a.start)
    return None


def nearest_state(
    start: int,
    sentence: int,
    before: Sequence[Antecedent],
    clause: int = -1,
    same_role: tuple[int, str] | None = None,
) -> str | None:
    """The country of the nearest earlier state-like mention (for "the army" with no owner).

    The subject of the role's own clause is passed over: "Turkey gave drones to the
    government" is not about Turkey's own government. So is a subject holding the same role
    in the clause of an object (``same_role``: clause, role): "officials in Moscow accused the
    authorities" are not accusing their own government, while "Turkey sent troops" sent its own.
    """
    doer = {
        a.country
        for a in before
        if a.subject
        and (
            (clause >= 0 and a.clause == clause)
            or (same_role is not None and (a.clause, a.role) == same_role)
        )
    }
    found = _nearest(
        before,
        start,
        sentence,
        lambda a: (
            a.country is not None
            and a.kind in {"state", "government", "military", "police"}
            and a.country not in doer
        ),
    )
    return found.country if found else None


def resolve_short_name(text: str, start: int, before: Sequence[Antecedent]) -> Antecedent | None:
    """A person named again by the end of their full name ("al-Muhaysini", "Assad")."""
    words = text.split()
    if not words:
        return None
    for a in sorted(before, key=lambda x: -x.start):
        if a.start >= start or a.kind != "person":
            continue
        full = a.text.split()
        if len(full) > len(words) and [w.lower() for w in full[-len(words) :]] == [
            w.lower() for w in words
        ]:
            return a
    return None


def _nearest(
    before: Sequence[Antecedent], start: int, sentence: int, fits: Callable[[Antecedent], bool]
) -> Antecedent | None:
    candidates = [
        a
        for a in before
        if a.start < start and sentence - WINDOW <= a.sentence <= sentence and fits(a)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda a: (sentence - a.sentence, not a.subject, -a.start))
