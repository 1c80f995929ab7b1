"""Who and whom: the source and target of a trigger, read off the dependency parse.

Each function returns head tokens; coordination is expanded ("Turkey, Qatar and Saudi Arabia"
gives three heads), and the heads are mapped to actor mentions by the coder.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
#: Nouns that only count or group the actor after "of" ("hundreds of Iranian troops").
QUANTITY = {
    "hundred",
    "thousand",
    "dozen",
    "million",
    "number",
    "group",
    "member",
    "part",
    "some",
    "many",
    "most",
    "all",
    "one",
    "two",
    "three",
    "several",
    "contingent",
    "unit",
    "team",
    "band",
    "handful",
    "score",
    "majority",
    "rest",
    "convoy",  # loads: "convoys of food", "shipments of arms" are the food and the arms
    "shipment",
    "consignment",
    "cargo",
    "truckload",
    "planeload",
    "batch",
    "tonne",
    "ton",
}
#: Relative pronouns stand for the noun their clause modifies ("ISIS, which has been fighting").
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}


def expand(token: Token) -> list[Token]:
    """A head and its conjuncts, through quantity nouns ("dozens of rebels" → rebels)."""
    heads = [token, *token.conjuncts]
    out: list[Token] = []
    for head in heads:
        out.append(through_quantity(head))
        out += [  # "Trump and South Korean President Moon" parsed as a modifier of Moon
            c
            for c in head.subtree
            if c.i < head.i
            and c.dep_ in ("amod", "compound", "nmod")
            and c.text[:1].isupper()
            and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)
        ]
    return out


def through_quantity(token: Token) -> Token:
    """The counted noun of a quantity ("thousands of refugees" → refugees)."""
    if token.lemma_.lower() in QUANTITY or token.like_num:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return through_quantity(objects[0])
    return token


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl" and not _main_verb_as_modifier(verb)
    )


def _main_verb_as_modifier(verb: Token) -> bool:
    """ "Hundreds of students protested outside…" parsed as a noun with a participle: the
    sentence (or the clause a conjunction opens: "while a smaller group protested…") has
    no verb but this one, which then is its main verb, not a passive."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    if head.dep_ in ("advcl", "conj") and any(
        c.dep_ == "mark" and c.lower_ in CLAUSE_OPENERS for c in head.children
    ):
        return True
    return head.dep_ == "ROOT" and not any(
        t.pos_ in ("VERB", "AUX") for t in head.sent if t.i < verb.i
    )


#: Conjunctions that open a clause of their own, whose verb the parser may take for a modifier.
CLAUSE_OPENERS = {"while", "whereas", "as", "when", "after", "before", "because", "although"}


def subjects(verb: Token) -> list[Token]:
    """The doer: the verb's own subject, else the subject it shares in a chain of verbs."""
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not own and _reported_gap(verb):  # "airstrikes they say have targeted civilians"
        return expand(verb.head.head)
    if own:
        if own[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return expand(verb.head)
        return expand(own[0])
    if verb.dep_ == "amod" and verb.tag_ == "VBN":  # "Rwanda-backed rebels": Rwanda
        return [c for c in verb.children if c.dep_ in ("npadvmod", "compound")][:1]
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and not is_passive(verb):
        return expand(verb.head)  # "while a smaller group protested outside…" as a modifier
    if is_passive(verb):
        agent = agents(verb)
        if agent:
            return agent
        return []
    if verb.dep_ == "relcl":  # "the militia which shelled…" parsed without the pronoun
        return expand(verb.head)
    if verb.dep_ == "acl":  # "the coalition fighting the government"
        head = verb.head
        if head.lemma_.lower() in DOCUMENTS and head.dep_ in ("dobj", "obj"):
            return subjects(head.head)  # "issued a declaration reaffirming…": its issuers
        return expand(head)
    if verb.dep_ == "advcl" and verb.i > 0:  # "with Turkey easing their passage"
        before = verb.doc[verb.i - 1]
        if before.dep_ == "pobj" and before.head.lower_ == "with" and verb.tag_ == "VBG":
            return expand(before)
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "conj" and is_passive(head):  # "he is held and called on X to…"
            raised = [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]
            if raised:
                return expand(raised[0])
        if verb.dep_ == "xcomp" and is_passive(head):  # "Iran is believed to have armed…"
            raised = [c for c in head.children if c.dep_ in PASSIVE_SUBJECTS]
            if raised:
                return expand(raised[0])
        if verb.dep_ == "xcomp":
            obj = [c for c in head.children if c.dep_ == "dobj"]
            if not obj and head.lemma_ in OBJECT_CONTROL:  # "called on Russia to withdraw"
                obj = [
                    g
                    for c in head.children
                    if c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            if obj and head.lemma_ in OBJECT_CONTROL:
                return expand(obj[0])
        return subjects(head)
    return []


#: Verbs that report a clause; inside a relative clause their complement's subject is the
#: noun the clause modifies ("airstrikes [that] they say __ have targeted civilians").
REPORTING = {"say", "claim", "allege", "believe", "report", "think", "fear", "suspect"}


def _reported_gap(verb: Token) -> bool:
    head = verb.head
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and head.i != verb.i
        and head.lemma_.lower() in REPORTING
        and head.dep_ == "relcl"
        and not any(c.dep_ in ("dobj", "obj") for c in head.children)
    )


#: Verbs whose object, not subject, does the act of their infinitive ("urged Iran to stop").
OBJECT_CONTROL = {
    "urge",
    "ask",
    "call",
    "order",
    "force",
    "press",
    "encourage",
    "invite",
    "persuade",
    "tell",
    "allow",
    "help",
    "push",
    "compel",
    "pressure",
    "prompt",  # causatives: the object does the act ("prompting Beijing to lodge a complaint")
    "lead",
    "cause",
    "spur",
    "drive",
    "provoke",
    "oblige",
}


def agents(verb: Token) -> list[Token]:
    """The doer of a passive: the object of "by", with the rest of a list the parser hung
    off the verb ("condemned by the AU, *ECOWAS and the UN*"), or of a "by" the parser hung
    on the verb's last phrase ("designated as terrorists *by the US Treasury*")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return expand(objects[0]) + [
                    t for stray in _stray_items(verb, objects[0]) for t in expand(stray)
                ]
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ == "by":
            continue
        for pobj in prep.children:
            for by in pobj.children:
                if by.dep_ == "prep" and by.lower_ == "by":
                    doers = [c for c in by.children if c.dep_ == "pobj"]
                    if doers:
                        return expand(doers[0])
    return []


#: Documents that speak for whoever issued them ("issued a declaration reaffirming…").
DOCUMENTS = {"declaration", "statement", "communique", "communiqué", "letter", "resolution"}


def _stray_items(verb: Token, first: Token) -> list[Token]:
    """Names of a list that the parser left as loose dependents of the verb, right after
    the list's first item and a comma."""
    out: list[Token] = []
    for child in verb.rights:
        if child.dep_ == "dep" and child.pos_ == "PROPN" and child.i > first.i:
            before = child.doc[child.left_edge.i - 1]
            if before.text == ",":
                out.append(child)
    return out


def objects(verb: Token) -> list[Token]:
    """The done-to: direct object, or the subject of a passive, or the noun a passive
    participle modifies ("the FSA, backed by the US")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return expand(verb.head)  # "the mayor, whom the junta detained"
            return expand(child)
    if is_passive(verb):
        passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
        if passive:
            if passive[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return expand(verb.head)
            return expand(passive[0])
        first = verb
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first is not verb and first.dep_ in ("acomp", "attr"):  # "were armed and trained by"
            subject = [c for c in first.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                return expand(subject[0])
        if verb.dep_ in ("acl", "relcl"):
            return expand(verb.head)
    described = _free_relative(verb)
    if described is not None:  # "struck what New Delhi said was a militant camp": the camp
        return expand(described)
    if verb.dep_ == "amod" and verb.tag_ == "VBN":  # "Rwanda-backed rebels": the rebels
        return [verb.head]  # only its own noun: "the Houthis and the Saudi-backed government"
    if verb.dep_ == "relcl" and _object_gap(verb):
        return expand(verb.head)  # "conditions the rebels rejected": the conditions
    return []


def _free_relative(verb: Token) -> Token | None:
    """The object of a verb given as "what X said was Y" (or "what was Y"): Y. The parser
    hangs the clause on the verb as a complement whose copula has "what" as its subject."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clauses += [g for c in clauses for g in c.children if g.dep_ == "ccomp"]
    for clause in clauses:
        if clause.lemma_.lower() == "be" and any(
            c.dep_ == "nsubj" and c.lower_ == "what" for c in clause.children
        ):
            described = [c for c in clause.children if c.dep_ == "attr"]
            if described:
                return described[0]
    return None


def _object_gap(verb: Token) -> bool:
    """A relative clause with its own subject and nothing in object place ("the town the
    army shelled"), its preposition not left stranded ("the town the army fought in")."""
    children = list(verb.children)
    return (
        any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in children)
        and not any(c.dep_ in ("ccomp", "xcomp", "attr", "oprd") for c in children)
        and not any(
            c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in children
        )
    )


def direct_objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "obj")]


#: Prepositions that introduce whom an act is aimed at.
AIMED = {"with", "against", "on", "to", "into", "at", "from"}


def complement_targets(verb: Token, acts: Container[str] | None = None) -> list[Token]:
    """Whom the infinitive under a verb is aimed at: "refused to negotiate *with Kabul*",
    "threatened to strike *Iran*", "offered to talk *to the rebels*". Only an infinitive that
    is an act (its lemma in ``acts``, when given) has someone at its end: "declined to
    comment on X" does not reject X."""
    for child in verb.children:
        if child.dep_ != "xcomp" or child.pos_ != "VERB":
            continue
        lemma = child.lemma_.lower()
        if lemma in PERMISSIONS:  # "refused to let U.S. soldiers deploy": the soldiers
            return (
                objects(child)
                or clausal_targets(child)
                or [  # "refused to let the RSF be treated as an equal party"
                    t
                    for c in child.children
                    if c.dep_ == "ccomp"
                    for s in c.children
                    if s.dep_ == "nsubjpass"
                    for t in expand(s)
                ]
            )
        if acts is None or lemma in acts:  # "refused to extradite the leader *to Uganda*"
            return (
                objects(child)
                + prepositional(child, AIMED)
                + [  # "refused to lift its embargo *on Cuba*"
                    t for o in direct_objects(child) for t in prepositional(o, AIMED)
                ]
            )
    return []


#: Verbs of letting: refusing to let someone act is aimed at them.
PERMISSIONS = {"let", "allow", "permit"}


#: Verbs that say what something is, not what anyone does.
COPULAS = {"be", "become", "remain", "seem", "appear", "look", "stay", "prove"}


def clausal_targets(verb: Token) -> list[Token]:
    """The subject of a "that" clause under a verb: "demanded that French troops leave",
    "warned that Israel would pay"; not of a clause that only describes its subject ("warned
    that Syria will become a graveyard")."""
    for child in verb.children:
        if (
            child.dep_ == "ccomp"
            and child.pos_ in ("VERB", "AUX")
            and child.lemma_.lower() not in COPULAS
        ):
            subject = [c for c in child.children if c.dep_ in SUBJECTS]
            if subject:
                return expand(subject[0])
    return []


def prepositional(token: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions hanging off ``token`` ("appealed to X", "talks with X")."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "prt") and child.lower_ in preps:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    out += expand(grand)
    return out


def members(verb: Token) -> Iterator[Token]:
    """Actors an "including"/"such as" list names anywhere in the clause of ``verb``.

    "a number of states have supported the rebels during the war, including Turkey and Qatar":
    the list hangs off the last noun of the clause, but names members of the subject.
    """
    for token in verb.subtree:
        if _in_other_clause(token, verb):
            continue  # "warned that any threat to the US, including Guam, …": another clause's
        if token.dep_ == "prep" and token.lower_ in ("including", "like"):
            for grand in token.children:
                if grand.dep_ == "pobj":
                    yield from expand(grand)
        elif token.lower_ == "such" and token.nbor(1).lower_ == "as":
            for grand in token.nbor(1).children:
                if grand.dep_ == "pobj":
                    yield from expand(grand)
        elif token.dep_ == "prep" and token.lower_ == "among":  # "among them Uganda and Burundi"
            objects = [g for g in token.children if g.dep_ == "pobj"]
            if objects and objects[0].lower_ in ("them", "whom", "those"):
                for grand in objects[1:]:
                    yield from expand(grand)
                if token.head.dep_ == "appos":  # parsed "states, [among them] Kenya and Ghana"
                    yield from expand(token.head)


def _in_other_clause(token: Token, verb: Token) -> bool:
    """Whether ``token`` sits in a clause of its own below ``verb`` (a "that" clause or a
    relative clause), not in the verb's own phrases."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("ccomp", "relcl", "csubj"):
            return True
        token = token.head
    return False
