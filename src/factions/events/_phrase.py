"""The words that name an actor in an event record: the noun phrase, not just its head word.

The recogniser finds a role by its head noun ("president", "ambassador", "government") and the
resolver gives it an owner from the words around it. A reader of the event record wants the
phrase the text used, "the conservative president", "its ambassador", "the government of
neighbouring Venezuela", "an official at the French presidency": the determiners, possessors
and modifiers on the left, and on the right the one prepositional phrase that says whose or
where the role is, or the name set beside it ("the coup leader, General Tiani"). Described
appositions, relative clauses and participles are left out: they describe the actor, they do
not name it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Left dependents that belong to a noun phrase's name.
NAME_LEFT = {"det", "amod", "poss", "compound", "nmod", "nummod", "quantmod", "case", "predet"}
#: Prepositions whose phrase says whose or where a role is ("the government of Venezuela",
#: "an official at the French presidency", "the authorities in Kinshasa").
OWNER_PREPS = {"of", "at", "in", "from"}
#: Mention kinds that are found by a head word and so may stand for a longer phrase.
EXPANDABLE = {"ROLE", "DESCRIPTION"}
#: The longest phrase kept; a longer one is a parse gone astray, and the head word is safer.
MAX_WORDS = 9


def phrase_of(span: Span) -> str | None:
    """The noun phrase around a mention's tokens, or None if none fits."""
    doc = span.doc
    head = span.root
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    first = min(span.start, _left_edge(head))
    last = max(span.end - 1, head.i)
    prep = _owner_prep(head)
    if prep is not None:
        last = max(last, _right_edge(prep))
    name = _named_apposition(head)
    if name is not None:  # "The coup leader, General Abdourahamane Tiani"
        last = max(last, name.i)
    words = doc[first : last + 1]
    if len(words) > MAX_WORDS:
        return None
    return words.text


def _left_edge(head: Token) -> int:
    edge = head.i
    for child in head.lefts:
        if child.dep_ in NAME_LEFT:
            edge = min(edge, child.left_edge.i)
    return edge


def _owner_prep(head: Token) -> Token | None:
    """The first prepositional phrase right after the head, when it says whose the role is."""
    for child in head.rights:
        if child.i != head.i + 1:
            return None
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            return child
        return None
    return None


def _named_apposition(head: Token) -> Token | None:
    """The name set beside a role after a comma ("the coup leader, General Tiani,"), whose
    last word ends the phrase; a described apposition ("an opponent of the accord") does not
    name the actor and is left out."""
    for child in head.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        before = head.doc[child.left_edge.i - 1]
        if before.text != ",":
            return None
        words = [t for t in child.subtree if t.i <= child.i]
        if all(t.pos_ == "PROPN" or t.dep_ in ("compound", "punct") for t in words):
            return child
    return None


def _right_edge(prep: Token) -> int:
    """The end of the preposition's object, before any comma or clause hung on it."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return prep.i - 1
    obj = objects[0]
    edge = obj.i
    for token in obj.subtree:
        if token.i <= obj.i:
            continue
        if token.is_punct or token.dep_ in {"relcl", "acl", "appos", "prep", "cc", "conj"}:
            break
        edge = token.i
    return edge
