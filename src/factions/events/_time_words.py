"""The words of English time expressions, the context that makes them times, and the calendar.

Kept apart from the grammar in :mod:`factions.events._time` so that the grammar reads as a list of
phrase shapes with what each means, and a reader checking "which words count as a number?" or
"what is late 2015?" finds one table or one function. Words that are also ordinary English
("may", "march", "august", "Jan" in "Jan Egeland") match only capitalised, and the grammar asks
for a cue before it believes them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        _words(
            "january february march april may june july august september october november december"
        ),
        start=1,
    )
}
#: Abbreviations count only capitalised: "Jan." is a month, "Jan Egeland" a man.
ABBREVIATIONS: dict[str, int] = {
    name[:3].capitalize(): number for name, number in MONTHS.items() if len(name) > 3
} | {"Sept": 9}
#: Month names that are also a modal verb, a verb, a noun or a name. They match only
#: capitalised, and standing alone (no day, no year) they need a cue such as "in" or "since".
AMBIGUOUS_MONTHS = frozenset({"May", "March", "August"})
WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        _words("monday tuesday wednesday thursday friday saturday sunday")
    )
}
#: Counts written as words. Vague plurals ("a few", "several") count as three.
NUMBERS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        _words(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
            "fifteen sixteen seventeen eighteen nineteen twenty"
        ),
        start=1,
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a": 1, "an": 1, "couple of": 2}
NUMBERS |= {"a couple of": 2, "a few": 3, "few": 3, "several": 3}
#: How many units a plural without a number means: "in recent days", "the coming weeks".
VAGUE_COUNT = 3
ORDINALS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        _words(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
        ),
        start=1,
    )
}
#: First month of each northern-hemisphere meteorological season (three months each).
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
#: "the nineties" and its kin: the decade digit in the 1900s.
DECADE_WORDS: dict[str, int] = {
    name: digit
    for digit, name in enumerate(
        _words("twenties thirties forties fifties sixties seventies eighties nineties"), start=2
    )
}
#: Nouns that make a four-digit number a count, not a year: "in 2000 troops".
COUNT_NOUNS = _words(
    "troops soldiers people civilians fighters militants rebels men women children refugees "
    "migrants votes voters dollars euros pounds km kilometres kilometers miles metres meters "
    "feet tonnes tons barrels deaths dead casualties rockets missiles shells years members "
    "police officers protesters prisoners detainees households families homes houses "
    "residents cases points seats units vehicles tanks aircraft jets drones"
)


def number(text: str) -> int:
    """The count a number word or digits name ("two", "a few", "14")."""
    key = " ".join(text.lower().split())
    return int(key) if key.isdigit() else NUMBERS[key]


def ordinal(text: str) -> int:
    """The position an ordinal names ("fifth", "5th")."""
    key = text.lower()
    return int(key[:-2]) if key[:1].isdigit() else ORDINALS[key]


def month_number(word: str) -> int:
    key = word.rstrip(".")
    return ABBREVIATIONS.get(key) or MONTHS[key.lower()]


# --- regular-expression pieces ---------------------------------------------------------------


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of literal words, longest first so that "Sept" wins over "Sep"."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


_Trie = dict[str, "_Trie"]


def trie(words: Iterable[str]) -> str:
    """A regex for any of the words as a tree of letters: the engine reads each letter once
    instead of trying every word in turn, which matters at every word of every sentence."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root)


def _emit(node: _Trie) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(body) > 1 else body + "?"


_UNAMBIGUOUS = (name for name in MONTHS if name.capitalize() not in AMBIGUOUS_MONTHS)
#: A month name: full names in any case but the ambiguous ones, abbreviations capitalised.
MONTH = (
    f"(?-i:{alternation(AMBIGUOUS_MONTHS)})|{alternation(_UNAMBIGUOUS)}"
    f"|(?-i:{alternation(ABBREVIATIONS)})\\.?"
)
WEEKDAY = alternation(WEEKDAYS)
SEASON = alternation(SEASONS)
NUMBER = alternation(NUMBERS) + r"|\d{1,3}"
ORDINAL = alternation(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th)"
DECADE_WORD = alternation(DECADE_WORDS)
#: A year from 1800 to 2099; other four-digit numbers in news are counts or resolution numbers.
YEAR = r"(?:1[89]|20)\d\d"
#: The early, mid and late thirds of a period, and their longer forms ("the end of").
THIRD = r"(?P<eml>early|mid|late)(?:-|\s+)|(?:the\s+)?(?P<part>beginning|start|middle|end)\s+of\s+"
#: A direction from the publication date.
RELATION = r"this\s+past|this\s+coming|last|this|next"

#: Where an expression can begin. Every match of the grammar starts at a word this lets through,
#: so the engine leaves the other words after one look; "the", "a" and "in" are too common to
#: let through without the word after them.
_OPENERS = (
    set(MONTHS)
    | set(ABBREVIATIONS)
    | set(WEEKDAYS)
    | set(SEASONS)
    | {word.split()[0] for word in NUMBERS if word not in ("a", "an", "a few", "a couple of")}
    | {"early", "mid", "late", "earlier", "later", "beginning", "start", "middle", "end"}
    | {"this", "last", "next", "recent", "today", "tonight", "yesterday", "tomorrow"}
    | {"entered", "enters", "entering"}
)
_AFTER_THE = set(SEASONS) | set(DECADE_WORDS) | set(_words("past last next coming weekend day"))
_AFTER_THE |= set(_words("early mid late beginning start middle end"))
_UNIT_WORDS = set(_words("hour day week month year decade"))
_AFTER_A = {"few", "couple"} | _UNIT_WORDS | {unit + "s" for unit in _UNIT_WORDS}
GATE = (
    rf"(?=\d|['’‘]\d|(?:{trie(w.lower() for w in _OPENERS)})(?!\w)"
    rf"|the\s+(?:\d|['’‘]|(?:{trie(_AFTER_THE)})(?!\w))"
    rf"|an?\s+(?:{trie(_AFTER_A)})(?!\w)|(?:now\s+)?in(?:to)?\s+its\s)"
)

# --- the words before an expression that make it a time ("in May", not "Theresa May") -------

_set = frozenset
#: Before a lone "May", "March", "August" or "Sept.": a month after these, always.
MONTH_CUES = _set(_words("in since until till during throughout between"))
#: A month after these only when the clause goes on as a time would ("by May," not "by May for").
MONTH_WEAK_CUES = _set(_words("on by before after of from through"))
CLAUSE_GOES_ON = re.compile(
    r"\s*(?:[,.;:)!?'’\"]|$)|\s+(?:and|or|to|until|till|through|when|as|this|last|next)\b", re.I
)
#: A month range written with a dash: "March-May" (before the second, after the first).
MONTH_RANGE = re.compile(rf"(?:{MONTH})\.?\s*[-–]\s*$", re.I)
MONTH_RANGE_AFTER = re.compile(rf"\s*[-–]\s*(?:{MONTH})(?!\w)", re.I)
#: After a month or a year, these link another: "March and May", "from 2003 to 2005".
LINKS = _set(_words("and or to through until till"))
#: Before a lone season word ("in spring", not "a spring offensive" or "the Arab Spring").
SEASON_CUES = _set(_words("in during by over through throughout until till since before after"))
SEASON_CUES |= {"from", "for", "of"}
#: Before a bare year ("in 2003", "as of 2003"; not "the 1987 treaty" or "Resolution 2254").
YEAR_CUES = _set(_words("in since by until till during from through throughout before after"))
YEAR_CUES |= {"between", "circa", "year", "of"}
#: Names with a day in them: "Good Friday", "the Mail on Sunday", "USA Today".
NAMED_WEEKDAY_BEFORE = _set(_words("Good Black Bloody Holy Maundy Palm Easter Ash Cyber Super"))
NAMED_WEEKDAY_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Tribune|Star|People"
    r"|Sport|Agreement|Accords?|Massacre|Club|Group)\b"
)
NAMED_TODAY_BEFORE = _set(_words("USA Russia"))
_YEAR_WORD = re.compile(rf"{YEAR}(?:['’]?s)?,?")


def is_month(word: str) -> bool:
    key = word.rstrip(".,")
    return key.lower() in MONTHS or key in ABBREVIATIONS


def is_year(word: str) -> bool:
    return _YEAR_WORD.fullmatch(word) is not None


# --- the calendar ----------------------------------------------------------------------------

ONE_DAY = dt.timedelta(days=1)
OFFSETS = {"last": -1, "this past": -1, "this": 0, "next": 1, "this coming": 1}
#: The precision of a third of a period: early May is about a week, late 2015 about a season.
_NARROWER = {"day": "day", "week": "day", "month": "week", "season": "month", "year": "season"}
_NARROWER["decade"] = "year"


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later (or earlier), the day clamped: Mar 31 - 1 month is Feb 28/29."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``n`` units (hour, day, week, month, year, decade) later; earlier when negative."""
    if unit == "hour":
        days = -(-abs(n) // 24)
        return day + dt.timedelta(days=days if n > 0 else -days)
    if unit in ("day", "week"):
        return day + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return add_months(day, n * {"month": 1, "year": 12, "decade": 120}[unit])


def unit_span(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """The Monday-Sunday week, the month or the year that holds ``day`` (else the day)."""
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return day.replace(day=1), month_end(day.year, day.month)
    if unit == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def third(start: dt.date, end: dt.date, unit: str, which: str) -> tuple[dt.date, dt.date, str]:
    """The early, mid or late third of a period, and its precision.

    A month's thirds are days 1-10, 11-20 and 21 to the end; a year's, four months each; a
    decade's, years 0-3, 4-6, 7-9; a week's, Mon-Wed, Tue-Thu, Thu-Sun; a season's, its months.
    """
    index = ("early", "mid", "late").index(which)
    if unit == "month":
        first = start.replace(day=1 + 10 * index)
        start, end = first, end if index == 2 else first + dt.timedelta(days=9)
    elif unit == "year":
        start, end = dt.date(start.year, 1 + 4 * index, 1), month_end(start.year, 4 + 4 * index)
    elif unit == "decade":
        low, high = ((0, 3), (4, 6), (7, 9))[index]
        start, end = dt.date(start.year + low, 1, 1), dt.date(start.year + high, 12, 31)
    elif unit == "week":
        low, high = ((0, 2), (1, 3), (3, 6))[index]
        start, end = start + dt.timedelta(days=low), start + dt.timedelta(days=high)
    elif unit == "season":
        start = add_months(start, index)
        end = month_end(start.year, start.month)
    return start, end, _NARROWER[unit]


#: A date named without a year up to this long after P is this year's, even in the past tense:
#: news names coming deadlines by date ("until March 17"), and datelines run a day ahead of P.
DAY_GRACE = dt.timedelta(days=14)


def latest_day(month: int, day: int, p: dt.date, future: bool) -> dt.date | None:
    """The latest month-day not after P (+ grace), the first not before P when future; None
    for a day no year has (February 30)."""
    for k in range(9):  # enough to reach a February 29
        year = p.year + k if future else p.year - k
        if day <= calendar.monthrange(year, month)[1]:
            found = dt.date(year, month, day)
            if (found >= p) if future else (found <= p + DAY_GRACE):
                return found
    return None


def month_year(month: int, p: dt.date, relation: str | None, future: bool) -> int:
    """The year of a month named without one."""
    if relation in ("last", "this past"):
        return p.year if month < p.month else p.year - 1
    if relation in ("next", "this coming"):
        return p.year if month > p.month else p.year + 1
    if relation == "this":
        return p.year
    if future:
        return p.year if month >= p.month else p.year + 1
    return p.year if month <= p.month else p.year - 1


def season_span(season: str, label: int) -> tuple[dt.date, dt.date]:
    """A season by its year; winter belongs to the year of its January."""
    first = SEASONS[season]
    start = dt.date(label - 1 if first == 12 else label, first, 1)
    last = add_months(start, 2)
    return start, month_end(last.year, last.month)


def season_near(
    season: str, p: dt.date, relation: str | None, future: bool
) -> tuple[dt.date, dt.date]:
    """The season named without a year: "last" is the latest over before P, "this" the one
    holding P or else the nearest, a bare one the latest begun by P (the first not over, if future).
    """
    spans = [season_span(season, year) for year in range(p.year - 1, p.year + 3)]
    if relation in ("last", "this past"):
        return max(s for s in spans if s[1] < p)
    if relation in ("next", "this coming"):
        return min(s for s in spans if s[0] > p)
    if relation == "this":
        return min(spans, key=lambda s: max((s[0] - p).days, (p - s[1]).days, 0))
    if future:
        return min(s for s in spans if s[1] >= p)
    return max(s for s in spans if s[0] <= p)


def weekday_near(weekday: int, p: dt.date, relation: str | None, future: bool) -> dt.date:
    """The weekday named: on or before P (P counts), or on or after when future."""
    back, ahead = (p.weekday() - weekday) % 7, (weekday - p.weekday()) % 7
    if relation in ("last", "this past"):
        return p - dt.timedelta(days=back or 7)
    if relation == "next":
        return p + dt.timedelta(days=ahead or 7)
    if relation == "this coming" or future:
        return p + dt.timedelta(days=ahead)
    return p - dt.timedelta(days=back)


def weekend_near(p: dt.date, relation: str | None, future: bool) -> dt.date:
    """The Saturday of the weekend named: "the weekend" is the latest begun by P; "this
    weekend" on a weekday, and any weekend in the future, is the coming one."""
    saturday = p - dt.timedelta(days=(p.weekday() - 5) % 7)
    if relation in ("last", "this past"):
        return saturday - dt.timedelta(days=7 if saturday + ONE_DAY >= p else 0)
    coming = relation in ("next", "this coming")
    if coming or ((relation == "this" or future) and p.weekday() < 5):
        return saturday + dt.timedelta(days=7)
    return saturday
