"""When an event happened: the time expression that governs its trigger, else an inherited one.

``_time`` finds and resolves time expressions in a sentence's text; this module decides which
of them dates which event, from the dependency parse:

1. an expression attached to the trigger's own clause ("Russia bombed Idlib *on Thursday*"),
   climbing shared-subject chains ("agreed *on Thursday* to stop fighting") and, for a noun
   trigger, the clause it sits in;
2. else the expression of the reporting clause ("M23 said *on Monday* it had taken Goma");
3. else the only expression in the sentence;
4. else the latest expression of an earlier sentence of the same paragraph (a paragraph usually
   keeps to one time);
5. else the publication date, with precision ``publication``.

A future or intended event resolves its weekday and month names forward ("will meet on
Friday").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factions.events._time import TimeExpression, find_times, resolve
from factions.nlp import clause_verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Links along which an event shares the time of the verb above it.
SHARED_TIME = {"xcomp", "conj", "advcl", "pcomp", "prep", "pobj"}
#: Conjunctions that put a clause at another time than the one it hangs from.
OTHER_TIME = {"after", "before", "since", "until", "following"}
REPORTING = {"say", "tell", "announce", "report", "claim", "state", "add", "confirm", "write"}


@dataclass(frozen=True, slots=True)
class When:
    """The date range of an event and how precise it is (DESIGN.md ``date_precision``)."""

    date: dt.date | None
    date_end: dt.date | None
    precision: str | None

    @classmethod
    def of(cls, expression: TimeExpression) -> When:
        end = expression.date_end if expression.date_end != expression.date else None
        return cls(expression.date, end, expression.precision)


def block_times(
    sentences: list[Span], published: dt.date | None, carried: When | None
) -> tuple[dict[int, tuple[SentenceTimes, When | None]], When | None]:
    """Times of a block's sentences, each with what it inherits from earlier in the paragraph;
    also what the next block of the paragraph inherits."""
    out: dict[int, tuple[SentenceTimes, When | None]] = {}
    for sentence in sentences:
        times = SentenceTimes(sentence, published)
        out[sentence.start] = (times, carried)
        carried = times.latest() or carried
    return out, carried


class SentenceTimes:
    """The time expressions of one parsed sentence, each tied to the verb that governs it."""

    def __init__(self, sentence: Span, published: dt.date | None) -> None:
        self.published = published
        self.expressions = find_times(sentence.text, published)
        self._governors: list[tuple[TimeExpression, int]] = []
        for expression in self.expressions:
            span = sentence.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is not None:
                self._governors.append((expression, clause_verb(span.root).i))

    def expression_for(self, trigger: Token) -> tuple[TimeExpression | None, bool, bool]:
        """The expression dating ``trigger`` by rules 1–3 of the module docstring; whether it
        belongs to the trigger's own clause (only then does a future event read it forward:
        in "agreed on Tuesday to impose sanctions", Tuesday is the agreeing's); and whether
        the trigger sits in a clause set at another time than the sentence's."""
        chain, shifted = clause_chain(trigger)
        own = 2 if trigger.pos_ not in ("VERB", "AUX") else 1
        for position, link in enumerate(chain):
            for expression, head in self._governors:
                if head == link.i:
                    return expression, position < own, shifted
        if shifted:
            return None, False, True  # "summoned the envoy on Monday after ships fired…"
        reporter = _reporting_verb(chain[-1])
        if reporter is not None:
            for expression, head in self._governors:
                if head == reporter.i:
                    return expression, False, False
        if len(self.expressions) == 1:
            return self.expressions[0], False, False
        return None, False, False

    def when(self, trigger: Token, *, future: bool, inherited: When | None) -> When:
        expression, own, shifted = self.expression_for(trigger)
        if shifted:
            inherited = None  # its own time, which the text does not give
        if expression is not None:
            if future and own and expression.relative:
                forward = resolve(expression.text, self.published, future=True)
                expression = forward or expression
            return When.of(expression)
        if inherited is not None:
            return inherited
        if self.published is not None:
            return When(self.published, None, "publication")
        return When(None, None, None)

    def latest(self) -> When | None:
        """What a later sentence of the paragraph inherits."""
        return When.of(self.expressions[-1]) if self.expressions else None


def clause_chain(trigger: Token) -> tuple[list[Token], bool]:
    """The trigger and the verbs it shares its time with, nearest first; and whether the
    climb stopped at a clause set at another time ("after", "before", "since")."""
    chain = [trigger]
    token = trigger
    if token.pos_ not in ("VERB", "AUX"):
        token = clause_verb(token)
        chain.append(token)
    seen = 0
    while token.dep_ in SHARED_TIME and token.head.i != token.i and seen < 10:
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in OTHER_TIME for c in token.children
        ):
            return chain, True
        if token.dep_ == "pcomp" and token.head.lower_ in OTHER_TIME:
            return chain, True
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            chain.append(token)
            if token.lemma_.lower() in REPORTING:
                break
        seen += 1
    return chain, False


def _reporting_verb(verb: Token) -> Token | None:
    """The reporting verb whose complement ``verb`` is ("said on Monday it had taken…")."""
    head = verb.head
    if verb.dep_ in ("ccomp", "xcomp", "conj") and head.lemma_.lower() in REPORTING:
        return head
    return None
