"""How sure the text is, and who says so: negation, modality and attribution of a trigger."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factions.nlp import clause_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs that negate what they govern: "refused to sign", "denied sending".
NEGATING_VERBS = {
    "refuse",
    "decline",
    "deny",
    "fail",
    "reject",
    "avoid",
    "stop",
    "cease",
    "halt",
    "abandon",
    "forgo",
}
HEDGES = {
    "supposedly",
    "allegedly",
    "reportedly",
    "apparently",
    "purportedly",
    "possibly",
    "probably",
    "likely",
    "perhaps",
    "seemingly",
    "ostensibly",
}
#: "is believed to", "is said to", "is thought to" (the verb passive, the act its xcomp).
HEDGING_PASSIVES = {
    "believe",
    "say",
    "think",
    "suspect",
    "report",
    "allege",
    "understand",
    "rumour",
    "rumor",
    "expect",
    "claim",
}
FUTURE_AUX = {"will", "shall", "'ll"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should"}
#: Verbs that make their xcomp an intention: "vowed to retake", "plans to withdraw".
INTENT_VERBS = {
    "vow",
    "plan",
    "pledge",
    "promise",
    "threaten",
    "intend",
    "aim",
    "seek",
    "want",
    "prepare",
    "decide",
    "agree",
    "offer",
    "hope",
    "expect",
    "propose",
    "mean",
    "call",
    "urge",
    "ask",
    "demand",
    "order",
    "warn",
    "try",
    "attempt",
}
#: Speech and report verbs: what their clause says is claimed by their subject.
SPEECH_VERBS = {
    "say",
    "tell",
    "claim",
    "report",
    "allege",
    "announce",
    "state",
    "add",
    "insist",
    "assert",
    "accuse",
    "charge",
    "write",
    "quote",
    "confirm",
    "suggest",
    "argue",
    "contend",
    "maintain",
    "note",
    "believe",
    "think",
    "estimate",
    "warn",
    "continue",
    "admit",
    "acknowledge",
    "reveal",
    "disclose",
}


@dataclass(frozen=True, slots=True)
class Stance:
    negated: bool
    modality: str
    speaker: Token | None
    """The subject of the speech verb that reports the event, when there is one."""
    outlet: Token | None
    """The object of "according to" (an outlet, a statement, a person)."""


def stance(trigger: Token) -> Stance:
    """Negation, modality and the reporting speaker for the clause of ``trigger``."""
    verb = clause_verb(trigger)
    negated = _negated(verb) or _stopped(trigger, verb)
    modality = "asserted"
    speaker = None
    chain = list(_governors(verb))
    if _hedged(verb, chain):
        modality = "hedged"
    elif _hypothetical(verb):
        modality = "hypothetical"
    elif _future(verb):
        modality = "future"
    for governor in chain:
        if governor.lemma_.lower() in SPEECH_VERBS:
            speaker = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if modality == "asserted":
                modality = "claimed"
            break
    outlet = _according_to(verb, chain)
    if outlet is not None and modality == "asserted":
        modality = "claimed"
    return Stance(negated, modality, speaker, outlet)


#: Verbs that say a process named by a noun is not going on: "talks were frozen", "called off
#: the talks". "Talks collapsed" is not among them: the talks took place.
STOPPING_VERBS = {
    "freeze",
    "suspend",
    "halt",
    "cancel",
    "postpone",
    "scrap",
    "stall",
    "abandon",
    "shelve",
    "derail",
}


def _stopped(trigger: Token, verb: Token) -> bool:
    """A noun event that is the subject or object of a stopping verb."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.head.i != verb.i:
        return False
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    stopping = lemma in STOPPING_VERBS or (lemma == "call" and particle == "off")
    return stopping and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")


def _governors(verb: Token) -> list[Token]:
    """The verbs above ``verb`` through clause links (ccomp, xcomp, advcl, conj), nearest first."""
    out = []
    current = verb
    while current.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "parataxis"):
        current = current.head
        out.append(current)
        if len(out) > 6:
            break
    if verb.dep_ == "ROOT":
        # "X attacked Y, the ministry said": the speech verb hangs off the event verb.
        out += [
            c
            for c in verb.children
            if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in SPEECH_VERBS
        ]
    return out


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in verb.children):
        return True
    for governor in _xcomp_chain(verb):
        if governor.lemma_.lower() in NEGATING_VERBS:
            return True
        if any(c.dep_ == "neg" for c in governor.children):
            return True
    # "without sending troops"
    return verb.dep_ == "pcomp" and verb.head.lower_ == "without"


#: Verbs of letting, through which a refusal reaches the act let ("refused to let X deploy").
PERMISSIONS = {"let", "allow", "permit"}


def _xcomp_chain(verb: Token) -> list[Token]:
    out = []
    current = verb
    while current.head.i != current.i and (
        current.dep_ in ("xcomp", "pcomp")
        or (current.dep_ == "ccomp" and current.head.lemma_.lower() in PERMISSIONS)
    ):  # "refused to let U.S. soldiers deploy": the deployment is refused too
        current = current.head
        if current.pos_ in ("ADP",):
            current = current.head
        out.append(current)
    return out


def _hedged(verb: Token, chain: list[Token]) -> bool:
    for token in (verb, *chain[:1]):
        if any(c.lower_ in HEDGES for c in token.children):
            return True
    for governor in _xcomp_chain(verb):
        if governor.lemma_.lower() in HEDGING_PASSIVES and any(
            c.dep_ == "auxpass" for c in governor.children
        ):
            return True
    return False


def _future(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    if any(c.lower_ == "going" for c in verb.children):
        return True
    return any(g.lemma_.lower() in INTENT_VERBS for g in _xcomp_chain(verb))


def _hypothetical(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in verb.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _according_to(verb: Token, chain: list[Token]) -> Token | None:
    for token in (verb, *chain):
        for child in token.subtree:
            if child.lower_ == "according":
                for grand in child.children:
                    if grand.lower_ == "to":
                        objects = [g for g in grand.children if g.dep_ == "pobj"]
                        if objects:
                            return objects[0]
        if token.dep_ == "ROOT":
            break
    return None
