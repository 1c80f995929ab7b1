"""When an event happened: the time expression that governs its trigger, else an inherited one.

``_time`` finds and resolves time expressions in a sentence's text; this module decides which
of them dates which event, from the dependency parse:

1. an expression attached to the trigger's own clause ("Russia bombed Idlib *on Thursday*"),
   climbing shared-subject chains ("agreed *on Thursday* to stop fighting") and, for a noun
   trigger, the clause it sits in;
2. else the expression of the reporting clause ("M23 said *on Monday* it had taken Goma");
3. else the only expression in the sentence;
4. else the latest expression of an earlier sentence of the same paragraph (a paragraph usually
   keeps to one time), else the lead's news days (:func:`news_span`);
5. else the publication date, with precision ``publication``.

A future or intended event resolves its weekday and month names forward ("will meet on
Friday"). Without a time of its own (rule 1), the grammar of the clause still places the event
against the time rules 2-5 give, its reference:

- a length ("shuttled between the delegations *for eight days*") ends by the reference, so the
  event runs from that long before it (:class:`~factions.events._time.Duration`);
- the past perfect ("the exchange both parties *had accepted*") is over before the reference: a
  time borrowed from another clause or sentence (rules 3-4) would put it too late, so it gets
  the week up to the reference (a month or a year already holds "shortly before"). Reported
  speech keeps the report's time, given or inherited: "said on Monday it had taken Goma" is
  the report of something just done, the pluperfect only the tense moved back by "said";
- a clause set at another time ("summoned the envoy on Monday *after ships fired on boats*")
  takes nothing from the clause it hangs from, but "after" and "following" put it before that
  clause's time: the week up to it, or the day a distance gives ("*a day after* the vote").
  "before", "since" and "until" give no bound worth having: precision ``publication``;
- a doing that goes on ("said both sides would *keep negotiating*", "*continued to shell*") was
  already under way by the reference, future or not: the week up to it is the part a date can
  be given to.

The week is a choice: the text says "before" or "already", not how long, and news rarely
reaches back further than that without saying when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factions.events._time import (
    PRECISIONS,
    Duration,
    Offset,
    TimeExpression,
    find_durations,
    find_offsets,
    find_times,
    resolve,
)
from factions.nlp import clause_verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Links along which an event shares the time of the verb above it.
SHARED_TIME = {"xcomp", "conj", "advcl", "pcomp", "prep", "pobj"}
#: Conjunctions that put a clause at another time than the one it hangs from.
OTHER_TIME = {"after", "before", "since", "until", "following"}
#: Of those, the ones that put it earlier: its event is over by the time of the clause above.
EARLIER = {"after", "following"}
#: Verbs that say their complement goes on ("keep negotiating", "continue to shell").
CONTINUING = {"keep", "continue"}
REPORTING = {"say", "tell", "announce", "report", "claim", "state", "add", "confirm", "write"}
#: How far before its reference an event the text only places "before" it may lie.
BEFORE_WINDOW = dt.timedelta(days=7)
#: The lead's news days span at most this much: "on Sunday … signed a day earlier".
NEWS_SPAN = dt.timedelta(days=3)
#: Verbs whose "for eight days" is how long the doing lasted, up to the reference. Other verbs
#: give the length of what they bring about ("jailed for five years", "extended the truce for
#: a month"), which runs on after the event; those keep the reference as it is.
ACTIVITIES = frozenset(
    [
        "battle",
        "besiege",
        "block",
        "blockade",
        "bomb",
        "bombard",
        "clash",
        "debate",
        "discuss",
        "fight",
        "hold",
        "last",
        "meet",
        "mediate",
        "negotiate",
        "occupy",
        "protest",
        "march",
        "rage",
        "resist",
        "shell",
        "shuttle",
        "siege",
        "strike",
        "talk",
        "wait",
    ]
)


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

    @property
    def last(self) -> dt.date | None:
        return self.date_end or self.date

    def reaching_back(self, first: dt.date, precision: str) -> When:
        """From ``first`` to the end of this range, as precise as the coarser of the two."""
        last = self.last
        if self.date is None or last is None:
            return self
        first = min(first, self.date)
        ours = self.precision if self.precision in PRECISIONS else "day"
        coarser = max(precision, ours, key=PRECISIONS.index)
        return When(first, last if last != first else None, coarser)


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


def news_span(times: Iterable[SentenceTimes], known: When | None) -> When | None:
    """The days the lead reports, which later paragraphs without a time keep (rule 4).

    A lead often reports two days: "Ghani said *on Sunday* … the deal signed *a day earlier*";
    "fired missiles *on Monday*, *a day after* Pyongyang's test". A later paragraph that names
    no time may tell of either, so it gets both, from the first to the last; a day further
    than :data:`NEWS_SPAN` from the others is a back story ("in March"), not the news. The
    days are the single days the lead names against the publication date, with the distances
    it measures from them; ``known`` is what earlier lead blocks gave."""
    first, last = (known.date, known.last) if known is not None else (None, None)
    for sentence in times:
        for day in sentence.news_days():
            if first is None or last is None:
                first = last = day
            elif max(last, day) - min(first, day) <= NEWS_SPAN:
                first, last = min(first, day), max(last, day)
    if first is None or last is None:
        return None
    if first == last:
        return When(first, None, "day")
    return When(first, last, "week")


@dataclass(frozen=True, slots=True)
class _Found:
    """What rules 1-3 find for a trigger."""

    expression: TimeExpression | None
    own: bool
    """The expression belongs to the trigger's own clause (only then does a future event read
    it forward: in "agreed on Tuesday to impose sanctions", Tuesday is the agreeing's)."""
    rule: int
    """1, 2 or 3 (module docstring); 0 when none applies."""
    shift: tuple[Token, Token] | None = None
    """When the trigger sits in a clause set at another time: its conjunction ("after") and
    the verb of the clause it hangs from."""
    reported: bool = False
    """The trigger's clause is what a reporting verb reports ("said it had taken Goma")."""


class SentenceTimes:
    """The time expressions of one parsed sentence, each tied to the verb that governs it."""

    def __init__(self, sentence: Span, published: dt.date | None) -> None:
        self.published = published
        self._sentence = sentence
        text = sentence.text
        found = find_times(text, published)
        self._latest = found[-1] if found else None
        anchored: list[TimeExpression] = []
        #: Distances that date what follows them ("a day after the vote"), with the day they
        #: give when the sentence names the day they are measured from.
        self.bound: list[tuple[Offset, dt.date | None]] = []
        for offset in find_offsets(text):
            anchor = _anchor(found, offset.start)
            day = offset.day(anchor) if anchor is not None else None
            if offset.bound:
                self.bound.append((offset, day))
            elif day is not None:  # "signed a day earlier": a day of its own clause
                anchored.append(
                    TimeExpression(offset.text, offset.start, offset.end, day, day, "day", True)
                )
        self.expressions = sorted([*found, *anchored], key=lambda e: e.start)
        self._governors: list[tuple[TimeExpression, int]] = []
        for expression in self.expressions:
            head = self._governor(expression.start, expression.end)
            if head is not None:
                self._governors.append((expression, head))
        self._lengths: list[tuple[Duration, int]] = []
        for duration in find_durations(text):
            head = self._governor(duration.start, duration.end)
            if head is not None:
                self._lengths.append((duration, head))

    def _governor(self, start: int, end: int) -> int | None:
        span = self._sentence.char_span(start, end, alignment_mode="expand")
        return clause_verb(span.root).i if span is not None else None

    def expression_for(self, trigger: Token) -> tuple[TimeExpression | None, bool, bool]:
        """The expression dating ``trigger`` by rules 1–3 of the module docstring; whether it
        belongs to the trigger's own clause; and whether the trigger sits in a clause set at
        another time than the sentence's."""
        found = self._find(trigger)
        return found.expression, found.own, found.shift is not None

    def _find(self, trigger: Token) -> _Found:
        chain, shift = _climb(trigger)
        own = 2 if trigger.pos_ not in ("VERB", "AUX") else 1
        for position, link in enumerate(chain):
            for expression, head in self._governors:
                if head == link.i:
                    return _Found(expression, position < own, 1, shift)
        if shift is not None:
            return _Found(None, False, 0, shift)  # "summoned the envoy on Monday after…"
        reporter = _reporting_verb(chain[-1])
        reported = reporter is not None
        if reporter is not None:
            for expression, head in self._governors:
                if head == reporter.i:
                    return _Found(expression, False, 2, reported=True)
        if len(self.expressions) == 1:
            return _Found(self.expressions[0], False, 3, reported=reported)
        return _Found(None, False, 0, reported=reported)

    def when(self, trigger: Token, *, future: bool, inherited: When | None) -> When:
        found = self._find(trigger)
        expression = found.expression
        if expression is not None and found.rule == 1:
            if future and found.own and expression.relative:
                forward = resolve(expression.text, self.published, future=True)
                expression = forward or expression
            return When.of(expression)
        if found.shift is not None:
            return self._shifted(found.shift, inherited)
        reference = When.of(expression) if expression is not None else inherited
        borrowed = reference is not None and not found.reported
        if reference is None:
            reference = self._publication()
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else clause_verb(trigger)
        if _continued(verb):
            return _before(reference)
        if not future:
            length = self._length(verb)
            if length is not None and reference.date is not None:
                last = reference.last or reference.date
                return reference.reaching_back(length.start_before(last), length.unit)
            if borrowed and _past_perfect(verb):
                return _before(reference)
        return reference

    def _publication(self) -> When:
        if self.published is not None:
            return When(self.published, None, "publication")
        return When(None, None, None)

    def _length(self, verb: Token) -> Duration | None:
        """ "shuttled between them for eight days": a length of the verb's own clause, when
        the verb names a doing that lasts (:data:`ACTIVITIES`) or is perfect or progressive
        ("have been fighting for three weeks", "had held him for a month")."""
        lasting = verb.lemma_.lower() in ACTIVITIES or verb.tag_ == "VBG" or _perfect(verb)
        if not lasting:
            return None
        for duration, head in self._lengths:
            if head == verb.i:
                return duration
        return None

    def _shifted(self, shift: tuple[Token, Token], inherited: When | None) -> When:
        """A clause set at another time: before the time of the clause it hangs from when its
        conjunction is "after" or "following"; else (or with no such time) publication."""
        mark, main = shift
        if mark.lower_ not in EARLIER:
            return self._publication()
        above = self._find(main)
        if above.expression is not None and above.shift is None:
            reference = When.of(above.expression)
        elif above.shift is None and inherited is not None:
            reference = inherited
        else:
            return self._publication()
        sentence_start = self._sentence.start_char
        for offset, _ in self.bound:  # "a day after the vote": the vote, a day before
            at_mark = offset.start + sentence_start <= mark.idx < offset.end + sentence_start
            if at_mark and reference.date is not None and reference.date_end is None:
                day = offset.day(reference.date)
                return When(day, None, "day")
        if reference.date is None:
            return self._publication()
        return _before(reference)

    def latest(self) -> When | None:
        """What a later sentence of the paragraph inherits: its latest time of its own (a
        distance from it, "a day earlier", leaves the paragraph's time where it was)."""
        return When.of(self._latest) if self._latest is not None else None

    def news_days(self) -> list[dt.date]:
        """The single days this sentence names against the publication date, and those it
        measures from them ("a day earlier", "a day after the test"): see :func:`news_span`."""
        days = [e.date for e in self.expressions if e.precision == "day" and e.relative]
        days += [day for _, day in self.bound if day is not None]
        return days


def _before(reference: When) -> When:
    """Some time before ``reference`` is over: the week up to it. A month, season or year
    already holds "shortly before" at the grain the text chose, so it stays as it is."""
    if reference.date is None or reference.precision not in ("day", "week", "publication"):
        return reference
    return reference.reaching_back(reference.date - BEFORE_WINDOW, "week")


def _anchor(found: list[TimeExpression], start: int) -> dt.date | None:
    """The day a distance at ``start`` is measured from: the latest single day before it in
    the sentence ("fired on Monday, a day after…")."""
    days = [e for e in found if e.end <= start and e.precision == "day"]
    return days[-1].date if days else None


def _continued(verb: Token) -> bool:
    """ "would keep negotiating", "continued to shell", "went on fighting": the doing was
    already under way, whatever comes next."""
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    lemma = head.lemma_.lower()
    if lemma == "go":
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
    return lemma in CONTINUING


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _past_perfect(verb: Token) -> bool:
    """ "had accepted", "had been freed": over before the time the text speaks of."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children
    )


def clause_chain(trigger: Token) -> tuple[list[Token], bool]:
    """The trigger and the verbs it shares its time with, nearest first; and whether the
    climb stopped at a clause set at another time ("after", "before", "since")."""
    chain, shift = _climb(trigger)
    return chain, shift is not None


def _climb(trigger: Token) -> tuple[list[Token], tuple[Token, Token] | None]:
    """:func:`clause_chain`, with the conjunction that stopped the climb and the verb of the
    clause above it."""
    chain = [trigger]
    token = trigger
    if token.pos_ not in ("VERB", "AUX"):
        token = clause_verb(token)
        chain.append(token)
    host = token.head.head
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and token.head.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "attr")
        and host.pos_ in ("VERB", "AUX")
    ):  # "on Friday put forward a resolution *giving* Iraq until…": the resolution's time
        token = host
        chain.append(token)
    seen = 0
    while token.dep_ in SHARED_TIME and token.head.i != token.i and seen < 10:
        if token.dep_ == "advcl":
            for mark in token.children:
                if mark.dep_ == "mark" and mark.lower_ in OTHER_TIME:
                    return chain, (mark, clause_verb(token.head))
        if token.dep_ == "pcomp" and token.head.lower_ in OTHER_TIME:
            return chain, (token.head, clause_verb(token.head.head))
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            chain.append(token)
            if token.lemma_.lower() in REPORTING:
                break
        seen += 1
    return chain, None


def _reporting_verb(verb: Token) -> Token | None:
    """The reporting verb whose complement ``verb`` is ("said on Monday it had taken…")."""
    head = verb.head
    if verb.dep_ in ("ccomp", "xcomp", "conj") and head.lemma_.lower() in REPORTING:
        return head
    return None
