"""Time expressions in one sentence, resolved to ranges of days against the publication date P.

News rarely dates an event in full: "on Thursday", "last month", "in May" mean something only
against the day the article appeared. A small hand-written grammar (regular expressions compiled
once at import: no parser, no dateparser) finds the expressions and resolves each to a first and
last day with a precision. It runs on every sentence of every article, so it stays cheap.

Where English leaves room, these are the choices (each has a test):

- Weekdays: "Thursday" is the latest Thursday on or before P, and P itself counts (an article of a
  Monday saying "on Monday" means that day); ``future=True`` gives the first on or after P, as does
  "this coming Thursday"; "last Thursday" is strictly before P and "next Thursday" strictly after.
- "this week/month/year" runs from the start of the period to P (to its end from P with
  ``future=True``); "last week" is the Monday-Sunday week before P's week, whatever day P is.
- A month without a year is the latest one not after P ("in December" in January is last
  December), the next one with ``future=True``; "last May" is strictly before P's month, "next
  May" strictly after, "this May" is in P's year. A day without a year ("March 17") is the latest
  not after P, but one up to 14 days after P is this year's (deadlines, datelines a day ahead).
  A day that cannot exist (February 30, or February 29, 2023) gives nothing.
- Seasons are meteorological and northern: winter is December-February and belongs to the year of
  its January ("winter 2014" starts in December 2013; "winter 2014-15" in December 2014). "this
  summer" is the one holding P, else the nearest; "last" is the latest one over before P.
- The weekend is Saturday-Sunday: "the weekend" is the latest one begun by P; "this weekend" on a
  weekday is the coming one.
- Precision is the unit the text speaks in ("the past three weeks": week); early, mid and late take
  a third of the period and one step down (early May: days 1-10, week; late 2015: Sep-Dec, season).
- "since X" runs from the start of X to P (without P, X's own range). "N weeks ago" is the whole
  week that held P minus N weeks; "now in its fifth year" is the range in which the thing began
  (P-5y+1d .. P-4y). A plural without a number ("in recent days", "a few weeks ago") is three.
- Dates written with slashes are US order (03/07/2003 is 7 March) unless the first number is over
  12. Two-digit decades ("the '90s") take the latest century not after P (without P, the 1900s,
  except "the '00s").
- Not times: "may"/"march" in lower case; "May", "March", "August" and abbreviations ("Sept.")
  stand alone only after a cue ("in May", "April and May", not "Theresa May"); bare years only
  after a cue ("in 2003", "since 2011"), so a year naming a thing ("the 1987 treaty") and
  "Resolution 2254" give nothing; ages, counts ("2000 troops"), clock times ("at 10 a.m." gives
  nothing), names ("the Sunday Times", "Good Friday", "USA Today"); and times that point at
  another time rather than at P ("the day before", "that month", "for five years").
- The text of an expression leaves out locating prepositions ("on Thursday" gives "Thursday") but
  keeps words that change the range ("since March", "the weekend", "now in its fifth year").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from factions.events import _time_words as w

PRECISIONS = ("day", "week", "month", "season", "year", "decade")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression of a sentence and the range of days it names."""

    text: str
    start: int
    """Character offsets within the sentence given."""
    end: int
    date: dt.date
    """First day of the range."""
    date_end: dt.date
    """Last day of the range (equal to ``date`` for a single day)."""
    precision: str
    """One of :data:`PRECISIONS`."""
    relative: bool
    """True when resolved against the publication date ("yesterday"), False when absolute."""


@dataclass(frozen=True, slots=True)
class _Period:
    start: dt.date
    end: dt.date
    precision: str
    relative: bool


@dataclass(frozen=True, slots=True)
class _Context:
    sentence: str
    published: dt.date | None
    future: bool
    trusted: bool = False
    """The caller says the text is a time expression: no cue needed ("May", "the spring")."""


_Handler = Callable[[re.Match[str], _Context], _Period | None]
_THIRD_OF = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}


def _period(start: dt.date, end: dt.date, unit: str, m: re.Match[str], relative: bool) -> _Period:
    """The period of ``unit``, narrowed to a third when the match says early/mid/late."""
    groups = m.groupdict()
    which = (groups.get("eml") or _THIRD_OF.get((groups.get("part") or "").lower(), "")).lower()
    if which in ("early", "mid", "late"):
        return _Period(*w.third(start, end, unit, which), relative)
    return _Period(start, end, unit, relative)


def _before(ctx: _Context, start: int) -> tuple[str, str]:
    """The two words before ``start`` when only spaces part them from it ("" when none)."""
    if start == 0 or not ctx.sentence[start - 1].isspace():
        return "", ""
    words = ctx.sentence[max(0, start - 40) : start].split()
    return (words[-2] if len(words) > 1 else ""), (words[-1] if words else "")


def _relation(m: re.Match[str]) -> str | None:
    return " ".join(m["rel"].lower().split()) if m["rel"] else None


# --- handlers: one per phrase shape ----------------------------------------------------------


def _day(day: dt.date, relative: bool) -> _Period:
    return _Period(day, day, "day", relative)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(m: re.Match[str], ctx: _Context) -> _Period | None:
    found = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(found, False) if found else None


def _slash(m: re.Match[str], ctx: _Context) -> _Period | None:
    first, second = int(m["a"]), int(m["b"])
    month, day = (second, first) if first > 12 else (first, second)
    found = _valid(int(m["y"]), month, day)
    return _day(found, False) if found else None


def _month_day(m: re.Match[str], ctx: _Context) -> _Period | None:
    month, day, p = w.month_number(m["mon"]), int(m["day"]), ctx.published
    if m["year"]:
        found = _valid(int(m["year"]), month, day)
        return _day(found, False) if found else None
    if p is None:
        return None
    if m["rely"]:
        found = _valid(p.year + w.OFFSETS[m["rely"].lower()], month, day)
    else:
        found = w.latest_day(month, day, p, ctx.future)
    return _day(found, True) if found else None


def _month_of_year(m: re.Match[str], ctx: _Context) -> _Period | None:
    month, p = w.month_number(m["mon"]), ctx.published
    if m["year"]:
        year, relative = int(m["year"]), False
    elif p is None:
        return None
    elif m["rely"]:
        year, relative = p.year + w.OFFSETS[m["rely"].lower()], True
    else:
        relation = _relation(m)
        lone = m["mon"] in w.AMBIGUOUS_MONTHS or m["mon"].rstrip(".") in w.ABBREVIATIONS
        cued = relation or m["eml"] or m["part"] or ctx.trusted or _month_cue(m, ctx)
        if lone and not cued:
            return None
        year, relative = w.month_year(month, p, relation, ctx.future), True
    return _period(dt.date(year, month, 1), w.month_end(year, month), "month", m, relative)


def _month_cue(m: re.Match[str], ctx: _Context) -> bool:
    """Whether the words before a lone "May" make it a month: "in May", "April and May", "April,
    May", "March-May", "by May," (a weaker cue: the clause must go on as a time would)."""
    before, word = _before(ctx, m.start())
    cue = word.lower()
    if cue in w.MONTH_CUES or (cue in w.LINKS and w.is_month(before)):
        return True
    if (cue.endswith(",") and w.is_month(cue)) or w.MONTH_RANGE_AFTER.match(ctx.sentence, m.end()):
        return True
    if w.MONTH_RANGE.search(ctx.sentence, max(0, m.start() - 16), m.start()):
        return True
    return cue in w.MONTH_WEAK_CUES and w.CLAUSE_GOES_ON.match(ctx.sentence, m.end()) is not None


def _season(m: re.Match[str], ctx: _Context) -> _Period | None:
    season, p = m["season"].lower(), ctx.published
    if m["year"]:
        label = int(m["year"])
        if m["year2"] and season == "winter":
            label = int(m["year2"]) + (label // 100 * 100 if len(m["year2"]) == 2 else 0)
        start, end = w.season_span(season, label)
        return _period(start, end, "season", m, False)
    relation = _relation(m)
    cue = ctx.trusted or _before(ctx, m.start())[1].lower() in w.SEASON_CUES
    if not (relation or m["eml"] or m["part"] or cue):
        return None
    if p is None:
        return None
    start, end = w.season_near(season, p, relation, ctx.future)
    return _period(start, end, "season", m, True)


def _decade(m: re.Match[str], ctx: _Context) -> _Period | None:
    if m["cent"]:
        first = int(m["cent"] + m["dec"] + "0")
    elif m["word"]:
        first = 1900 + 10 * w.DECADE_WORDS[m["word"].lower()]
    else:
        first = 2000 + 10 * int(m["dec2"] or m["dec3"])
        if first > (ctx.published.year if ctx.published else 2000):
            first -= 100
    return _period(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade", m, False)


def _year(m: re.Match[str], ctx: _Context) -> _Period | None:
    first = last = int(m["year"])
    before, word = _before(ctx, m.start())
    linked = word.lower() in w.LINKS and w.is_year(before)
    cue = word.lower() in w.YEAR_CUES and (word.lower() != "of" or before.lower() == "as")
    if not (m["eml"] or m["part"] or cue or linked or ctx.trusted):
        return None
    if m["year2"]:
        last = int(m["year2"]) + (first // 100 * 100 if len(m["year2"]) == 2 else 0)
        if last <= first:
            return None
    return _period(dt.date(first, 1, 1), dt.date(last, 12, 31), "year", m, False)


def _relative_unit(m: re.Match[str], ctx: _Context) -> _Period | None:
    p = ctx.published
    if p is None:
        return None
    unit, offset = m["unit"].lower(), w.OFFSETS[_relation(m) or "this"]
    start, end = w.unit_span(w.shift(p, unit, offset), unit)
    modifier = (m["eml"] or "").lower()
    if offset == 0 and not m["part"] and modifier in ("", "earlier", "later"):
        if modifier == "earlier" or (not modifier and not ctx.future):
            return _Period(start, p, unit, True)
        return _Period(p, end, unit, True)
    if modifier in ("earlier", "later"):  # "earlier last week" reads as its early part
        which = "early" if modifier == "earlier" else "late"
        return _Period(*w.third(start, end, unit, which), True)
    return _period(start, end, unit, m, True)


def _weekend(m: re.Match[str], ctx: _Context) -> _Period | None:
    if ctx.published is None:
        return None
    saturday = w.weekend_near(ctx.published, _relation(m), ctx.future)
    return _Period(saturday, saturday + w.ONE_DAY, "week", True)


def _unit(word: str) -> str:
    return word.lower().removesuffix("s")


def _rolling(m: re.Match[str], ctx: _Context) -> _Period | None:
    p = ctx.published
    if p is None:
        return None
    word = m["unit"]
    count = w.number(m["n"]) if m["n"] else w.VAGUE_COUNT if word.lower().endswith("s") else 1
    unit = _unit(word)
    precision = "day" if unit == "hour" else unit
    if (m["dir"] or "").lower() in ("next", "coming"):
        return _Period(p, w.shift(p, unit, count), precision, True)
    return _Period(w.shift(p, unit, -count), p, precision, True)


def _ago(m: re.Match[str], ctx: _Context) -> _Period | None:
    if ctx.published is None:
        return None
    unit = _unit(m["unit"])
    start, end = w.unit_span(w.shift(ctx.published, unit, -w.number(m["n"])), unit)
    return _Period(start, end, "day" if unit == "hour" else unit, True)


_DAY_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def _day_word(m: re.Match[str], ctx: _Context) -> _Period | None:
    if ctx.published is None or _before(ctx, m.start())[1] in w.NAMED_TODAY_BEFORE:
        return None
    words = m[0].lower().split()
    if words[0] == "the":  # the day before yesterday, the day after tomorrow
        offset = -2 if words[2] == "before" else 2
    else:
        offset = _DAY_OFFSETS[words[1] if words[0] in ("earlier", "later") else words[0]]
    return _day(ctx.published + dt.timedelta(days=offset), True)


def _weekday(m: re.Match[str], ctx: _Context) -> _Period | None:
    p = ctx.published
    before, word = _before(ctx, m.start("wd"))
    if p is None or word in w.NAMED_WEEKDAY_BEFORE or (before, word) == ("Mail", "on"):
        return None
    if w.NAMED_WEEKDAY_AFTER.match(ctx.sentence, m.end("wd")):
        return None
    weekday = w.WEEKDAYS[m["wd"].lower()]
    if m["wrel"]:
        monday = w.unit_span(p, "week")[0] + dt.timedelta(days=7 * w.OFFSETS[m["wrel"].lower()])
        return _day(monday + dt.timedelta(days=weekday), True)
    return _day(w.weekday_near(weekday, p, _relation(m), ctx.future), True)


def _nth(m: re.Match[str], ctx: _Context) -> _Period | None:
    """ "now in its fifth year": it began more than four and at most five years before P."""
    n, unit = w.ordinal(m["ord"]), m["unit"].lower()
    if ctx.published is None or n < 1:
        return None
    start = w.shift(ctx.published, unit, -n) + w.ONE_DAY
    return _Period(start, w.shift(ctx.published, unit, 1 - n), unit, True)


# --- the grammar -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: str
    handler: _Handler


_WD = rf"(?:(?P<wd>{w.WEEKDAY}),?\s+)?"
_REL_YEAR = r",?\s+(?:of\s+)?(?P<rely>last|this|next)\s+year"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_UNITS = r"hours?|days?|weeks?|months?|years?|decades?"
_AGO_UNITS = r"hours?|days?|weeks?|months?|years?"
_COUNTED = "|".join(w.COUNT_NOUNS)

#: Phrase shapes in priority order: where two start at the same place, the first listed wins.
_RULES = (
    _Rule(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", _iso),
    _Rule(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})", _slash),
    _Rule(
        rf"{_WD}(?P<mon>{w.MONTH})\s+{_DAY}(?!,\d)(?:,?\s+(?P<year>{w.YEAR})|{_REL_YEAR})?",
        _month_day,
    ),
    _Rule(
        rf"{_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<mon>{w.MONTH})"
        rf"(?:,?\s+(?P<year>{w.YEAR})|{_REL_YEAR})?",
        _month_day,
    ),
    _Rule(
        rf"(?:{w.THIRD})?(?:(?P<rel>{w.RELATION})\s+)?(?P<mon>{w.MONTH})"
        rf"(?:,?\s+(?:of\s+)?(?P<year>{w.YEAR})|{_REL_YEAR})?(?!\s*\d)",
        _month_of_year,
    ),
    _Rule(
        rf"(?:{w.THIRD})?(?:(?P<rel>{w.RELATION})\s+|the\s+)?(?P<season>{w.SEASON})"
        rf"(?:(?:\s+of)?\s+(?P<year>{w.YEAR})(?:\s*[-–/]\s*(?P<year2>\d{{4}}|\d\d))?"
        r"|(?!\s+of\b))",
        _season,
    ),
    _Rule(
        r"(?:(?:the\s+)?(?P<part>beginning|start|middle|end)\s+of\s+)?(?:the\s+)?"
        r"(?:(?P<eml>early|mid|late)(?:-|\s+))?(?:(?P<cent>1[89]|20)(?P<dec>\d)0['’]?s"
        rf"|['’‘](?P<dec2>\d)0s|(?<=the\s)(?P<dec3>\d)0s|(?<=the\s)(?P<word>{w.DECADE_WORD}))",
        _decade,
    ),
    _Rule(
        rf"(?:{w.THIRD})?(?P<year>{w.YEAR})(?:\s*[-–]\s*(?P<year2>\d{{4}}|\d\d))?"
        rf"(?![.,]\d)(?!\s+(?:{_COUNTED})\b)",
        _year,
    ),
    _Rule(
        r"(?:(?P<eml>earlier|later|early|mid|late)(?:-|\s+)|(?:the\s+)?(?P<part>beginning|start"
        rf"|middle|end)\s+of\s+)?(?P<rel>{w.RELATION})\s+(?P<unit>week|month|year)",
        _relative_unit,
    ),
    _Rule(rf"(?:(?P<rel>{w.RELATION})\s+|the\s+)weekend", _weekend),
    _Rule(
        rf"(?:the\s+(?P<dir>past|last|next|coming)|(?P<recent>recent))\s+"
        rf"(?:(?P<n>{w.NUMBER})\s+)?(?P<unit>{_UNITS})",
        _rolling,
    ),
    _Rule(rf"(?P<n>{w.NUMBER})\s+(?P<unit>{_AGO_UNITS})\s+ago", _ago),
    _Rule(
        r"(?:earlier\s+|later\s+)?(?:today|tonight)|(?:yesterday|tomorrow)(?:\s+(?:morning"
        r"|afternoon|evening|night))?|this\s+(?:morning|afternoon|evening)|last\s+night"
        r"|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)",
        _day_word,
    ),
    _Rule(
        rf"(?:now\s+)?(?:in|into|entered|enters|entering)\s+its\s+(?P<ord>{w.ORDINAL})\s+"
        r"(?P<unit>day|week|month|year)",
        _nth,
    ),
    _Rule(
        rf"(?:(?:early|late)\s+(?:on\s+)?)?(?:(?P<rel>{w.RELATION})\s+)?(?P<wd>{w.WEEKDAY})"
        r"(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+(?:of\s+)?(?P<wrel>last|this|next)"
        r"\s+week)?",
        _weekday,
    ),
)


def _compile(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", flags)


def _lower(pattern: str) -> str:
    """The pattern for lower-cased text: case-sensitive parts opened, letters (not escapes)
    lowered, so that it matches wherever the pattern matches the original."""
    pattern = pattern.replace("(?-i:", "(?:")
    return re.sub(r"\\.|[A-Z]", lambda m: m[0] if len(m[0]) == 2 else m[0].lower(), pattern)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_COMPILED = tuple(_compile(rule.pattern) for rule in _RULES)
#: All shapes in one pattern, their inner groups made anonymous: one search finds the next
#: expression, then the shape's own pattern re-matches there to name its parts.
_ANY_PATTERN = w.GATE + "(?:" + "|".join(f"({_NAMED_GROUP.sub('(?:', r.pattern)})" for r in _RULES)
_ANY = _compile(_ANY_PATTERN + ")")
#: The same, case-sensitive over the lower-cased sentence: it only finds where to look, but
#: about twice as fast, because the engine can skip words by their first letter.
_SCAN = _compile(_lower(_ANY_PATTERN + ")"), 0)


# --- API -------------------------------------------------------------------------------------


def find_times(
    sentence: str, published: dt.date | None, *, future: bool = False
) -> list[TimeExpression]:
    """Every time expression in the sentence, in text order.

    ``future`` says the governing verb is in the future tense or intended, which resolves
    weekdays, months and seasons forward. With ``published=None`` only absolute expressions
    (full dates, months and seasons with a year, years, decades) are returned.
    """
    return _find(_Context(sentence, _day_of(published), future))


def _day_of(published: dt.date | None) -> dt.date | None:
    return published.date() if isinstance(published, dt.datetime) else published


def _find(context: _Context) -> list[TimeExpression]:
    sentence, published = context.sentence, context.published
    found: list[TimeExpression] = []
    lowered = sentence.lower()
    text, scan = (lowered, _SCAN) if len(lowered) == len(sentence) else (sentence, _ANY)
    position = 0
    while candidate := scan.search(text, position):
        start = candidate.start()
        match = _ANY.match(sentence, start) if scan is _SCAN else candidate
        # No match: only the lower-cased text has an expression here ("russia may strike").
        index = (match.lastindex or 1) - 1 if match else 0
        parts = _COMPILED[index].match(sentence, start) if match else None
        since = _before(context, start)[1].lower() == "since"
        period = _resolve(_RULES[index].handler, parts, context, since) if parts else None
        if parts is None or period is None:
            position = start + 1
            continue
        end = period.end
        if since:
            start = len(sentence[:start].rstrip()) - len("since")
            end = published if published and published >= period.start else period.end
        found.append(
            TimeExpression(
                sentence[start : parts.end()],
                start,
                parts.end(),
                period.start,
                end,
                period.precision,
                period.relative,
            )
        )
        position = parts.end()
    return found


def _resolve(
    handler: _Handler, parts: re.Match[str], context: _Context, since: bool
) -> _Period | None:
    """The handler's period; "since" reads the expression as past whatever the verb's tense."""
    try:
        return handler(parts, replace(context, future=False) if since else context)
    except (ValueError, OverflowError):  # a date outside the calendar: "9999 years ago"
        return None


# --- lengths and distances: not times, but read against one ------------------------------------


@dataclass(frozen=True, slots=True)
class Duration:
    """How long something went on ("for eight days"): a length, not a place in time, so
    :func:`find_times` leaves it out ("fought for five years" names no year). A caller that
    knows when the stretch ended reads its start off :meth:`start_before`."""

    text: str
    start: int
    end: int
    count: int
    unit: str
    """day, week, month or year ("for 48 hours" counts in days, rounded up)."""

    def start_before(self, last: dt.date) -> dt.date:
        """The first day of a stretch of this length that ends on ``last``."""
        return w.shift(last, self.unit, -self.count)


@dataclass(frozen=True, slots=True)
class Offset:
    """A distance in days from another time of the same sentence: "a day earlier", "two days
    later", "the previous day", "a day after the vote". Like "the day before", it names no
    day alone (:func:`find_times` leaves it out); :meth:`day` places it once the caller has
    the time it is measured from."""

    text: str
    start: int
    end: int
    days: int
    bound: bool
    """ "a day after *the vote*": the distance dates what follows (the vote, a day before the
    anchor), not the clause the phrase sits in."""

    def day(self, anchor: dt.date) -> dt.date:
        """The day named: of the phrase's own clause ("signed a day earlier"), or when
        ``bound`` of what follows it ("a day after Pyongyang's test": the test)."""
        return anchor + dt.timedelta(days=self.days)


_FOR = (
    r"for\s+(?:(?:more\s+than|over|nearly|almost|about|around|some|at\s+least|the\s+better"
    rf"\s+part\s+of)\s+)?(?:(?P<n>{w.NUMBER})\s+(?P<unit>hours?|days?|weeks?|months?|years?)"
    r"|(?P<vague>hours|days|weeks|months|years))"
)
_DURATION = _compile(_FOR + r"(?![-\w])(?!\s+of\b)")  # not "for days of talks"
_OFFSET = _compile(
    rf"(?:(?P<n>{w.NUMBER})\s+days?|the\s+day)\s+(?P<word>earlier|later|before|after)"
    r"(?!\s+(?:yesterday|tomorrow)\b)"
    r"|the\s+(?P<side>previous|next|following)\s+day"
)


def find_durations(sentence: str) -> list[Duration]:
    """Every "for N days/weeks/months/years" in the sentence ("for days": three, as in
    :func:`find_times`), in text order. "for the past three weeks" is a time, not a length:
    :func:`find_times` has it."""
    found = []
    for m in _DURATION.finditer(sentence):
        word = m["unit"] or m["vague"]
        count = w.number(m["n"]) if m["n"] else w.VAGUE_COUNT
        unit = _unit(word)
        if unit == "hour":
            count, unit = -(-count // 24), "day"
        found.append(Duration(m[0], m.start(), m.end(), count, unit))
    return found


def find_offsets(sentence: str) -> list[Offset]:
    """Every distance in days from another time ("a day earlier", "two days after the
    vote", "the following day"), in text order. "the day before yesterday" is a time."""
    found: list[Offset] = []
    if "day" not in sentence.lower():  # cheap: most sentences have none
        return found
    for m in _OFFSET.finditer(sentence):
        if m["side"]:
            days, bound = (-1 if m["side"].lower() == "previous" else 1), False
        else:
            word = m["word"].lower()
            count = w.number(m["n"]) if m["n"] else 1
            rest = sentence[m.end() :].lstrip()
            bound = word in ("before", "after") and rest[:1].isalnum()
            # "a day earlier", "the day before,": this clause, before the anchor; "a day
            # after the vote": the vote, before the anchor. Later and bound "before": after.
            earlier = word == "earlier" or (word == "after" and bound)
            earlier = earlier or (word == "before" and not bound)
            days = -count if earlier else count
        found.append(Offset(m[0], m.start(), m.end(), days, bound))
    return found


def resolve(
    expression: str, published: dt.date | None, *, future: bool = False
) -> TimeExpression | None:
    """The first time expression in ``expression``, a string the caller knows to be one (such as
    the text of a :class:`TimeExpression`, to resolve it again with another tense): the cues
    that tell "in May" from "Theresa May" in running text are not asked for."""
    found = _find(_Context(expression, _day_of(published), future, trusted=True))
    return found[0] if found else None
