"""Repairing the parse of sentences that open with a place or time phrase and a comma.

The small English model often loses the subject of a sentence such as "At the same time in
Kabul, Esper and Stoltenberg met Ghani": it reads "Esper" as a conjunct of "Kabul", and the verb
is left without a subject, so the event has no doer. Parsed alone, the clause after the comma
comes out right. For the few sentences that open with a preposition, whose main verb has no
subject after the opening phrase, we parse the rest of the sentence again and graft that parse
in, with the opening phrase hung from the new root. Nothing else in the document changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import numpy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: How far into a sentence the comma closing an opening phrase may be.
MAX_OPENING = 18
SUBJECTS = ("nsubj", "nsubjpass")
#: Penn tags of finite verbs.
FINITE = {"VBD", "VBZ", "VBP"}


def repair_fronted(nlp: Language, doc: Doc) -> int:
    """Re-parse the clauses after opening phrases whose parse lost the subject; returns how
    many sentences were repaired."""
    repairs: list[tuple[Span, int, Doc]] = []
    for sentence in doc.sents:
        if sentence[0].pos_ != "ADP" or len(sentence) < 6:
            continue
        commas = [t.i for t in sentence[:MAX_OPENING] if t.text == ","]
        if not commas:
            continue
        verb = _first_finite(doc[commas[0] + 1 : sentence.end])
        if verb is None or _has_subject(verb, commas[0]):
            continue  # a subject after the opening phrase: the parse is likely right
        # the opening runs to the last comma before any finite verb ("In Mykolaiv, about
        # 60 km northwest of Kherson, a Russian missile slammed…")
        openings = [c for c in commas if _first_finite(doc[sentence.start : c]) is None]
        for comma in reversed(openings):
            rest = doc[comma + 1 : sentence.end]
            parsed = nlp(rest.text)
            if [t.text for t in parsed] != [t.text for t in rest]:
                break
            roots = [t for t in parsed if t.dep_ == "ROOT"]
            again = _first_finite(parsed[:])
            if len(roots) == 1 and again is not None and _has_subject(again, -1):
                repairs.append((sentence, comma, parsed))
                break
    for sentence, comma, parsed in repairs:
        _graft(doc, sentence, comma, parsed)
    return len(repairs)


def _first_finite(tokens: Span) -> Token | None:
    """The first finite verb: the one whose subject the opening phrase may have swallowed."""
    for token in tokens:
        if token.tag_ in FINITE or (
            token.pos_ == "VERB" and any(c.dep_ in ("aux", "auxpass") for c in token.children)
        ):
            return token
    return None


def _has_subject(verb: Token, after: int) -> bool:
    return any(c.dep_ in SUBJECTS and c.i > after for c in verb.children)


def _graft(doc: Doc, sentence: Span, comma: int, parsed: Doc) -> None:
    """Write ``parsed`` (the tokens after ``comma``) into ``doc`` and hang the opening phrase
    from its root."""
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

    attrs = [HEAD, DEP, POS, TAG, LEMMA]
    array = doc.to_array(attrs).astype("int64")
    heads = [int(t.head.i) for t in doc]  # absolute heads are easier to edit
    offset = comma + 1
    sub = parsed.to_array([DEP, POS, TAG, LEMMA]).astype("int64")
    root = offset + next(t.i for t in parsed if t.dep_ == "ROOT")
    for token in parsed:
        i = offset + token.i
        heads[i] = offset + token.head.i
        array[i, 1:] = sub[token.i]
    opening = range(sentence.start, offset)
    for i in opening:
        if heads[i] not in opening or i == comma:
            heads[i] = root
            if i != comma:
                array[i, 1] = doc.vocab.strings.add("prep" if doc[i].pos_ == "ADP" else "npadvmod")
            else:
                array[i, 1] = doc.vocab.strings.add("punct")
    array[root, 1] = doc.vocab.strings.add("ROOT")
    for i in range(len(doc)):
        array[i, 0] = heads[i] - i
    doc.from_array(attrs, cast(Any, array.astype(numpy.uint64)))  # spaCy's own dtype
