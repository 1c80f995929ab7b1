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
    for governor, below in _links(verb, chain):
        if _reports(governor, below):
            speaker = _speaker(governor)
            if modality == "asserted":
                modality = "claimed"
            if speaker is not None:  # "said X had been told that ...": the teller is higher up
                break
    outlet = _according_to(verb, chain)
    if outlet is not None and modality == "asserted":
        modality = "claimed"
    return Stance(negated, modality, speaker, outlet)


def _links(verb: Token, chain: list[Token]) -> list[tuple[Token, Token | None]]:
    """Each governor with the token below it on the way up from ``verb`` (None: hangs below)."""
    out: list[tuple[Token, Token | None]] = []
    below: Token | None = verb
    for governor in chain:
        out.append((governor, below if below is not None and below.head.i == governor.i else None))
        below = governor
    return out


def _reports(governor: Token, below: Token | None) -> bool:
    """``governor`` is a speech verb whose content ``below`` is.

    A conjunct or an adverbial clause is an act of its own ("warned Kyiv and attacked its
    ports", "when Russia attacked, Ukraine said"), and "continued to attack" reports nothing.
    """
    if governor.lemma_.lower() not in SPEECH_VERBS:
        return False
    if below is None:
        return True
    if below.dep_ in ("conj", "advcl"):
        return False
    return not (below.dep_ == "xcomp" and governor.lemma_.lower() == "continue")


def _speaker(governor: Token) -> Token | None:
    """The subject of an active speech verb, the agent of a passive one ("was reported by X")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in governor.children):
        for agent in (c for c in governor.children if c.dep_ == "agent"):
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        return None
    return next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)


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
            if c.dep_ in ("parataxis", "ccomp")
            and c.lemma_.lower() in SPEECH_VERBS
            and not any(g.dep_ in ("ccomp", "xcomp") for g in c.children)
        ]  # not "said it would continue": that speech verb says its own clause
    return out


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in verb.children):
        return True
    if any(_no_one(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        return True  # "No Arab state recognised…", "Not a single Western leader congratulated…"
    for governor in _xcomp_chain(verb):
        if governor.lemma_.lower() in NEGATING_VERBS or _phrasal(governor) in NEGATING_PHRASALS:
            return True
        if any(c.dep_ == "neg" for c in governor.children):
            return True
    if (
        verb.dep_ == "advcl"
        and infinitive(verb)
        and verb.head.lemma_.lower() not in NEGATING_VERBS
        and verb.head.i != verb.i
        and _negated(verb.head)
    ):  # "denied sending soldiers to help the rebels": the help is denied with the sending
        return True
    # "without sending troops", "without warning civilians or sending observers"
    first = _first_conjunct(verb)
    if first.dep_ == "ccomp" and first.head.lemma_.lower() in DENYING and first.i > first.head.i:
        return True  # "Beijing denied that its coast guard had rammed the boat"
    return first.dep_ == "pcomp" and first.head.lower_ == "without"


def _no_one(subject: Token) -> bool:
    """A subject that says no one did it: "no state", "not a single leader", "none of them"."""
    return subject.lower_ in ("none", "nobody", "neither") or any(
        (c.dep_ == "det" and c.lower_ in ("no", "neither")) or (c.dep_ == "neg" and c.i < subject.i)
        for c in subject.children
    )


#: Verbs whose "that" clause is an act denied, not asserted.
DENYING = {"deny"}


#: Phrasal verbs that negate what they govern ("ruled out negotiating with Putin").
NEGATING_PHRASALS = {"rule out", "hold off", "back away", "back off", "pull back"}


def _phrasal(verb: Token) -> str:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    return f"{verb.lemma_.lower()} {particle}" if particle else ""


#: Verbs of letting, through which a refusal reaches the act let ("refused to let X deploy").
PERMISSIONS = {"let", "allow", "permit"}


def infinitive(token: Token) -> bool:
    """A verb with its own "to" ("to withdraw")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def _complement(token: Token, *, purpose: bool = False) -> bool:
    """``token`` is what its head asks, promises, refuses or lets: an xcomp and its kin.

    With ``purpose``, an infinitive parsed as an adverbial clause counts too ("calls on both
    sides to cease fire"), which holds for intentions but not for negation ("stopped the
    convoy to search it" does not deny the search).
    """
    if token.head.i == token.i:
        return False
    if token.dep_ in ("xcomp", "pcomp"):
        return True
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in PERMISSIONS:
        return True  # "refused to let U.S. soldiers deploy": the deployment is refused too
    return purpose and token.dep_ == "advcl" and infinitive(token)


def _shared_conjunct(token: Token, *, purpose: bool = False) -> bool:
    """A later conjunct of a complement, sharing its governors ("to cease fire and to pull out",
    "urged Iran to halt enrichment and allow inspectors in"); not a finite clause of its own
    ("refused to recognise Kosovo and withdrew its police")."""
    if token.dep_ != "conj" or token.head.i == token.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
        return False
    if token.tag_ in ("VBD", "VBZ", "VBP", "MD") and not infinitive(token):
        return False
    return _complement(_first_conjunct(token.head), purpose=purpose)


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _parallel(conjunct: Token) -> Token:
    """The complement a shared conjunct stands beside: its first conjunct, or, when the parser
    hung an infinitive on a gerund ("to stop arming the M23 and to pull its troops out"), the
    infinitive above that its own "to" matches."""
    first = _first_conjunct(conjunct)
    if not infinitive(conjunct) or infinitive(first):
        return first
    up = first
    while up.dep_ == "xcomp" and not infinitive(up):
        up = up.head
    return up if infinitive(up) else first


def _xcomp_chain(verb: Token, *, purpose: bool = False) -> list[Token]:
    """The verbs whose complement ``verb`` is, nearest first (a conjunct's through its first)."""
    out: list[Token] = []
    current = verb
    while len(out) < 8:
        if _shared_conjunct(current, purpose=purpose):
            current = _parallel(current)
        if not _complement(current, purpose=purpose):
            break
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
    """ "will attack", "will keep attacking", "said it would continue shelling", "vowed to
    retaliate and to expel", "is going to attack", "calls on both sides to cease fire"."""
    for token in (verb, *_xcomp_chain(verb, purpose=True)):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
            return True
        if _reported_would(token):
            return True
        if any(c.lower_ == "going" for c in token.children):
            return True
    return any(
        g.lemma_.lower() in INTENT_VERBS or (g.lemma_.lower() == "go" and g.tag_ == "VBG")
        for g in _xcomp_chain(verb, purpose=True)
    )


def _hypothetical(verb: Token) -> bool:
    """ "could attack", "could keep attacking", "if Russia continues to attack"; not the
    "would" of reported speech ("said it would withdraw" is a future)."""
    for token in (verb, *_xcomp_chain(verb, purpose=True)):
        clause = _first_conjunct(token)
        if any(
            c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX and not _reported_would(token)
            for c in token.children
        ):
            return True
        if _conditional(clause):
            return True
    return False


def open_question(trigger: Token) -> bool:
    """The trigger's clause asks whether the act happens ("did not say whether it would hand
    over the negotiators", "it was unclear whether Washington could muster the votes"): it is
    neither asserted nor denied, and no event."""
    clause = _first_conjunct(clause_verb(trigger))
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children)


def _reported_would(token: Token) -> bool:
    """ "would" in a clause a speech or intent verb reports, with no condition: the future as seen
    from the report ("said it would withdraw", "Russia would withdraw, the ministry said")."""
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children):
        return False
    clause = _first_conjunct(token)
    if _conditional(clause) or any(
        c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children
    ):
        return False  # "did not say whether it would resume": open, not announced
    if any(_conditional(c) for c in clause.subtree if c.dep_ == "advcl"):
        return False  # "said it would ask Interpol to act if Havana refused"
    reporting = SPEECH_VERBS | INTENT_VERBS
    if clause.dep_ in ("ccomp", "parataxis") and clause.head.lemma_.lower() in reporting:
        return True
    return clause.dep_ == "ROOT" and any(
        c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in SPEECH_VERBS
        for c in clause.children
    )


def _conditional(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)


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
