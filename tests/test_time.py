"""Time expressions found in sentences and resolved against fixed publication dates."""

from __future__ import annotations

import datetime as dt

import pytest

from factions.events._time import (
    TimeExpression,
    find_durations,
    find_offsets,
    find_times,
    resolve,
)

THU = dt.date(2015, 10, 8)  # a Thursday
MON = dt.date(2015, 10, 5)
PUBLISHED = {
    "THU": THU,
    "MON": MON,
    "SAT": dt.date(2015, 10, 10),
    "SUN": dt.date(2015, 10, 11),
    "JAN": dt.date(2015, 1, 10),  # a Saturday in January
    "DEC": dt.date(2014, 12, 15),  # a Monday in December
    "MAR": dt.date(2015, 3, 10),
    "LEAP": dt.date(2024, 3, 10),  # after February 29, 2024
}


def d(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


#: (publication day, sentence with [the expression] marked, first/last day, precision).
#: The day is a key of PUBLISHED or ISO; " future" follows when the governing verb is future.
CASES: list[tuple[str, str, str, str]] = [
    # weekdays around the publication day
    ("THU", "The talks ended on [Thursday].", "2015-10-08", "day"),
    ("THU", "They met [last Thursday].", "2015-10-01", "day"),
    ("MON", "Troops moved in on [Sunday].", "2015-10-04", "day"),
    ("MON", "He resigned on [Monday].", "2015-10-05", "day"),
    ("THU", "They attacked on [Friday].", "2015-10-02", "day"),
    ("THU future", "They will vote on [Friday].", "2015-10-09", "day"),
    ("THU future", "They will vote on [Thursday].", "2015-10-08", "day"),
    ("MON future", "They will sign on [Saturday].", "2015-10-10", "day"),
    ("THU", "The vote is [next Thursday].", "2015-10-15", "day"),
    ("THU", "The vote is [next Friday].", "2015-10-09", "day"),
    ("THU", "Talks resume [this coming Monday].", "2015-10-12", "day"),
    ("THU", "Shelling began [Wednesday night].", "2015-10-07", "day"),
    ("THU", "A deal was struck [late Tuesday].", "2015-10-06", "day"),
    ("MON", "It fell [late on Sunday].", "2015-10-04", "day"),
    ("THU", "He spoke [Tuesday morning].", "2015-10-06", "day"),
    ("THU", "It began on [Thursday of last week].", "2015-10-01", "day"),
    ("THU", "The summit opens [Monday next week].", "2015-10-12", "day"),
    ("SUN", "[Thursday]'s strike killed six.", "2015-10-08", "day"),
    # days named by their distance from P
    ("THU", "The envoy arrived [today].", "2015-10-08", "day"),
    ("THU future", "He will speak [tonight].", "2015-10-08", "day"),
    ("THU", "Rockets hit the city [this morning].", "2015-10-08", "day"),
    ("THU", "Rebels attacked [yesterday].", "2015-10-07", "day"),
    ("THU", "Gunfire was heard [last night].", "2015-10-07", "day"),
    ("THU future", "Talks open [tomorrow].", "2015-10-09", "day"),
    ("THU", "It fell [yesterday afternoon].", "2015-10-07", "day"),
    ("THU", "He left [the day before yesterday].", "2015-10-06", "day"),
    # weeks
    ("MON", "They met [last week].", "2015-09-28/2015-10-04", "week"),
    ("SUN", "They met [last week].", "2015-09-28/2015-10-04", "week"),
    ("THU", "They met [last week].", "2015-09-28/2015-10-04", "week"),
    ("THU", "Clashes grew [this week].", "2015-10-05/2015-10-08", "week"),
    ("THU future", "Talks will resume [this week].", "2015-10-08/2015-10-11", "week"),
    ("MON", "It was agreed [earlier this week].", "2015-10-05", "week"),
    ("THU future", "Talks resume [next week].", "2015-10-12/2015-10-18", "week"),
    ("THU", "The town fell [two weeks ago].", "2015-09-21/2015-09-27", "week"),
    ("THU", "It was signed [late last week].", "2015-10-01/2015-10-04", "day"),
    # months from P
    ("THU", "Prices rose [last month].", "2015-09-01/2015-09-30", "month"),
    ("JAN", "Prices rose [last month].", "2014-12-01/2014-12-31", "month"),
    ("THU", "Violence rose [this month].", "2015-10-01/2015-10-08", "month"),
    ("THU", "It was signed [earlier this month].", "2015-10-01/2015-10-08", "month"),
    ("DEC future", "Elections are due [next month].", "2015-01-01/2015-01-31", "month"),
    ("THU", "The siege began [three months ago].", "2015-07-01/2015-07-31", "month"),
    ("THU", "It was agreed [early last month].", "2015-09-01/2015-09-10", "week"),
    # years from P
    ("THU", "The war ended [last year].", "2014-01-01/2014-12-31", "year"),
    ("THU", "Sanctions were eased [this year].", "2015-01-01/2015-10-08", "year"),
    ("THU", "They clashed [earlier this year].", "2015-01-01/2015-10-08", "year"),
    ("THU future", "A vote is due [later this year].", "2015-10-08/2015-12-31", "year"),
    ("THU future", "Elections are due [next year].", "2016-01-01/2016-12-31", "year"),
    ("THU", "They split [two years ago].", "2013-01-01/2013-12-31", "year"),
    ("THU", "[A year ago] the city fell.", "2014-01-01/2014-12-31", "year"),
    ("THU", "It collapsed [late last year].", "2014-09-01/2014-12-31", "season"),
    ("THU future", "Troops leave [early next year].", "2016-01-01/2016-04-30", "season"),
    # ranges that end (or start) at P
    ("THU", "Fighting grew in [recent days].", "2015-10-05/2015-10-08", "day"),
    ("THU", "Fighting grew in [recent weeks].", "2015-09-17/2015-10-08", "week"),
    ("THU", "It has raged for [the past three weeks].", "2015-09-17/2015-10-08", "week"),
    ("THU", "It rained over [the past two days].", "2015-10-06/2015-10-08", "day"),
    ("THU", "Ten died in [the past 24 hours].", "2015-10-07/2015-10-08", "day"),
    ("THU future", "Aid will arrive in [the coming days].", "2015-10-08/2015-10-11", "day"),
    ("THU future", "They will talk over [the next two weeks].", "2015-10-08/2015-10-22", "week"),
    ("THU", "Prices doubled in [the past year].", "2014-10-08/2015-10-08", "year"),
    ("THU", "The insurgency, [now in its sixth year], goes on.", "2009-10-09/2010-10-08", "year"),
    ("THU", "The strike [entered its third week].", "2015-09-18/2015-09-24", "week"),
    ("THU", "The siege has lasted [since March].", "2015-03-01/2015-10-08", "month"),
    ("MON", "Nobody has seen him [since Thursday].", "2015-10-01/2015-10-05", "day"),
    ("THU", "Talks have stalled [since last week].", "2015-09-28/2015-10-08", "week"),
    ("THU", "Nothing changed [since the spring].", "2015-03-01/2015-10-08", "season"),
    # weekends
    ("MON", "Talks failed over [the weekend].", "2015-10-03/2015-10-04", "week"),
    ("THU", "Talks failed over [the weekend].", "2015-10-03/2015-10-04", "week"),
    ("SUN", "Talks failed at [the weekend].", "2015-10-10/2015-10-11", "week"),
    ("SAT", "Crowds gathered at [the weekend].", "2015-10-10/2015-10-11", "week"),
    ("SUN", "Talks failed [last weekend].", "2015-10-03/2015-10-04", "week"),
    ("THU future", "Talks resume [this weekend].", "2015-10-10/2015-10-11", "week"),
    ("MON future", "Talks resume [next weekend].", "2015-10-10/2015-10-11", "week"),
    # month names without a year, across the year boundary
    ("JAN", "It fell in [December].", "2014-12-01/2014-12-31", "month"),
    ("DEC", "It fell in [December].", "2014-12-01/2014-12-31", "month"),
    ("DEC future", "Talks resume in [January].", "2015-01-01/2015-01-31", "month"),
    ("DEC", "Talks collapsed in [January].", "2014-01-01/2014-01-31", "month"),
    ("JAN future", "Talks resume in [December].", "2015-12-01/2015-12-31", "month"),
    ("THU", "The deal was signed in [May].", "2015-05-01/2015-05-31", "month"),
    ("THU", "Fighting flared on [May 5].", "2015-05-05", "day"),
    ("THU", "Fighting flared on [5 May].", "2015-05-05", "day"),
    ("THU", "Fighting flared on [May 5th].", "2015-05-05", "day"),
    ("THU", "It ended on [the 5th of May].", "2015-05-05", "day"),
    ("JAN", "It ended on [December 20].", "2014-12-20", "day"),
    ("DEC future", "It will end on [January 20].", "2015-01-20", "day"),
    ("2003-03-08", "It was given until [March 17].", "2003-03-17", "day"),
    ("THU", "It was signed on [October 30].", "2014-10-30", "day"),
    ("THU", "They met in [early May].", "2015-05-01/2015-05-10", "week"),
    ("THU", "They met in [mid-May].", "2015-05-11/2015-05-20", "week"),
    ("THU", "They met in [late February].", "2015-02-21/2015-02-28", "week"),
    ("THU", "They met at [the end of March].", "2015-03-21/2015-03-31", "week"),
    ("THU", "They met [last May].", "2015-05-01/2015-05-31", "month"),
    ("2015-05-20", "They met [last May].", "2014-05-01/2014-05-31", "month"),
    ("THU future", "They meet [next May].", "2016-05-01/2016-05-31", "month"),
    ("THU", "It happened in [May last year].", "2014-05-01/2014-05-31", "month"),
    ("THU", "It happened in [May of last year].", "2014-05-01/2014-05-31", "month"),
    ("THU", "It happened on [May 5 last year].", "2014-05-05", "day"),
    ("THU", "The accord lapsed in [Sept.] and was renewed.", "2015-09-01/2015-09-30", "month"),
    ("THU", "The accord lapsed on [Jan. 5].", "2015-01-05", "day"),
    ("THU", "They retreated by [May], the report said.", "2015-05-01/2015-05-31", "month"),
    # explicit dates
    ("THU", "Iraq was invaded on [March 20, 2003].", "2003-03-20", "day"),
    ("THU", "Iraq was invaded on [20 March 2003].", "2003-03-20", "day"),
    ("THU", "The report is dated [2003-03-07].", "2003-03-07", "day"),
    ("THU", "The form is dated [03/07/2003].", "2003-03-07", "day"),
    ("THU", "The form is dated [13/07/2003].", "2003-07-13", "day"),
    ("THU", "On [Thursday, March 6, 2003], he spoke.", "2003-03-06", "day"),
    ("THU", "Attacks on [Sept. 11, 2001] changed that.", "2001-09-11", "day"),
    ("THU", "The council met in [March 2003].", "2003-03-01/2003-03-31", "month"),
    ("THU", "The council met in [May of 2003].", "2003-05-01/2003-05-31", "month"),
    ("THU", "It happened in [late March 2003].", "2003-03-21/2003-03-31", "week"),
    ("THU", "Troops invaded in [2003].", "2003-01-01/2003-12-31", "year"),
    ("THU", "The war has raged [since 2011].", "2011-01-01/2015-10-08", "year"),
    ("THU", "The talks ran in [2014-15].", "2014-01-01/2015-12-31", "year"),
    ("THU", "It recovered in [mid-2015].", "2015-05-01/2015-08-31", "season"),
    ("THU", "It was over by [the end of 2003].", "2003-09-01/2003-12-31", "season"),
    ("THU", "It was born in [the 1980s].", "1980-01-01/1989-12-31", "decade"),
    ("THU", "It grew in [the '90s].", "1990-01-01/1999-12-31", "decade"),
    ("THU", "It grew in [the ’90s].", "1990-01-01/1999-12-31", "decade"),
    ("THU", "It boomed in [the 2000s].", "2000-01-01/2009-12-31", "decade"),
    ("THU", "It split in [the late 1990s].", "1997-01-01/1999-12-31", "year"),
    ("THU", "It was founded in [the nineties].", "1990-01-01/1999-12-31", "decade"),
    ("THU", "The deal was signed on [February 29, 2024].", "2024-02-29", "day"),
    ("LEAP", "It ended on [February 29].", "2024-02-29", "day"),
    ("MAR", "It ended on [February 29].", "2012-02-29", "day"),
    # seasons
    ("THU", "Talks resume [this summer].", "2015-06-01/2015-08-31", "season"),
    ("MAR future", "Talks resume [this summer].", "2015-06-01/2015-08-31", "season"),
    ("MAR", "Fighting eased [this winter].", "2014-12-01/2015-02-28", "season"),
    ("MAR", "Fighting eased [last winter].", "2014-12-01/2015-02-28", "season"),
    ("THU", "Fighting eased [last winter].", "2014-12-01/2015-02-28", "season"),
    ("THU", "The town fell in [the spring].", "2015-03-01/2015-05-31", "season"),
    ("THU future", "Talks will resume in [the spring].", "2016-03-01/2016-05-31", "season"),
    ("THU future", "Talks resume [next summer].", "2016-06-01/2016-08-31", "season"),
    ("THU", "They met in [spring 2014].", "2014-03-01/2014-05-31", "season"),
    ("THU", "They met in [the autumn of 2014].", "2014-09-01/2014-11-30", "season"),
    ("THU", "It froze in [winter 2014-15].", "2014-12-01/2015-02-28", "season"),
    ("THU", "It froze in [winter 2014].", "2013-12-01/2014-02-28", "season"),
    ("THU", "They advanced in [early spring].", "2015-03-01/2015-03-31", "month"),
    ("THU", "Kabul fell in [the fall].", "2015-09-01/2015-11-30", "season"),
    # counts in words and digits
    ("THU", "[Two days ago] the city fell.", "2015-10-06", "day"),
    ("THU", "It fell [12 days ago].", "2015-09-26", "day"),
    ("THU", "It fell [a few days ago].", "2015-10-05", "day"),
    ("THU", "It fell [a couple of weeks ago].", "2015-09-21/2015-09-27", "week"),
    ("THU", "It fell [eleven months ago].", "2014-11-01/2014-11-30", "month"),
    ("THU", "Violence fell over [the past decade].", "2005-10-08/2015-10-08", "decade"),
    ("THU", "The pact had 40 members as of [2003].", "2003-01-01/2003-12-31", "year"),
]


@pytest.mark.parametrize(
    ("when", "marked", "days", "precision"), CASES, ids=[f"{c[1]} [{c[0]}]" for c in CASES]
)
def test_resolves(when: str, marked: str, days: str, precision: str) -> None:
    key, _, future = when.partition(" ")
    published = PUBLISHED.get(key) or d(key)
    sentence = marked.replace("[", "").replace("]", "")
    first, _, last = days.partition("/")
    found = find_times(sentence, published, future=bool(future))
    assert [t.text for t in found] == [marked[marked.index("[") + 1 : marked.index("]")]]
    (time,) = found
    assert (time.date, time.date_end) == (d(first), d(last or first))
    assert time.precision == precision
    assert time.start == marked.index("[") and time.end == marked.index("]") - 1
    assert sentence[time.start : time.end] == time.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia may strike again if the talks fail.",
        "Protesters march on the capital every week.",
        "A march on the capital drew thousands.",
        "March on the capital, the opposition leader urged.",
        "A 42-year-old man was arrested at the border.",
        "Some 5,000 troops were deployed to the border.",
        "The army sent in 2000 troops.",
        "Russia withdrew from the 1987 treaty.",
        "The council adopted Resolution 1441 unanimously.",
        "Resolution 2254 calls for a political transition.",
        "The meeting began at 10 a.m. local time.",
        "The Sunday Times reported the deal.",
        "The Mail on Sunday published the letter.",
        "Theresa May met Angela Merkel in Berlin.",
        "The Good Friday Agreement ended the conflict.",
        "USA Today reported the figures.",
        "Crowds cheered the fall of Kabul.",
        "The Arab Spring toppled several governments.",
        "Rebels prepared a spring offensive.",
        "Jan Egeland of the Norwegian Refugee Council said aid was blocked.",
        "The report was praised by August Hanning.",
        "An august body of jurists met to review it.",
        "Oil prices may fall sharply.",
        "The rebels fought for five years.",
        "It announced a five-year plan.",
    ],
)
def test_not_a_time(sentence: str) -> None:
    assert find_times(sentence, THU) == []


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("Iraq was invaded on March 20, 2003, the council said on Thursday.", ["March 20, 2003"]),
        ("Troops invaded in 2003 and left in 2011.", ["2003", "2011"]),
        ("The group grew in the 1980s.", ["the 1980s"]),
        ("The council met in March 2003 and again last week.", ["March 2003"]),
        ("They spoke yesterday, on Thursday, in May and last year.", []),
        ("The insurgency has raged since 2011.", ["since 2011"]),
        ("It was signed on 7 March 2003 in Paris.", ["7 March 2003"]),
        ("Spring 2014 was quiet; this summer was not.", ["Spring 2014"]),
    ],
)
def test_without_publication_date_only_absolute(sentence: str, texts: list[str]) -> None:
    found = find_times(sentence, None)
    assert [t.text for t in found] == texts
    assert not any(t.relative for t in found)


def test_since_a_year_without_publication_date_is_the_year() -> None:
    (time,) = find_times("The war has raged since 2011.", None)
    assert (time.date, time.date_end) == (d("2011-01-01"), d("2011-12-31"))


def test_relative_flag() -> None:
    flags = {
        t.text: t.relative for t in find_times("On Thursday, March 20, 2003, and on Friday.", THU)
    }
    assert flags == {"Thursday, March 20, 2003": False, "Friday": True}
    assert resolve("yesterday", THU) == TimeExpression(
        "yesterday", 0, 9, d("2015-10-07"), d("2015-10-07"), "day", True
    )


@pytest.mark.parametrize(
    ("sentence", "published", "future", "expected"),
    [
        (
            "Turkish jets struck PKK positions near Qandil on Sunday, days after Ankara began its "
            "air campaign on Wednesday, the ministry said in a statement late on Monday.",
            d("2019-10-14"),
            False,
            [
                ("Sunday", "2019-10-13", "2019-10-13"),
                ("Wednesday", "2019-10-09", "2019-10-09"),
                ("late on Monday", "2019-10-14", "2019-10-14"),
            ],
        ),
        (
            "The PKK, which has waged an insurgency since 1984, claimed Thursday's car bombing in "
            "Diyarbakir, and officials said on Friday that talks suspended last year were over.",
            d("2016-05-14"),
            False,
            [
                ("since 1984", "1984-01-01", "2016-05-14"),
                ("Thursday", "2016-05-12", "2016-05-12"),
                ("Friday", "2016-05-13", "2016-05-13"),
                ("last year", "2015-01-01", "2015-12-31"),
            ],
        ),
        (
            "Government troops entered the town on Sunday, two days after the rebels announced a "
            "pullout from the district they had seized in March, their biggest retreat since the "
            "spring.",
            d("2021-10-17"),
            False,
            [
                ("Sunday", "2021-10-17", "2021-10-17"),
                ("March", "2021-03-01", "2021-03-31"),
                ("since the spring", "2021-03-01", "2021-10-17"),
            ],
        ),
        (
            "The Security Council votes next week on a draft giving Damascus until May 19 to hand "
            "over its chemical arsenal, diplomats said on Friday, after inspectors reported in "
            "April that Syria had not accounted for agents it produced in the 1980s.",
            d("2014-05-10"),
            False,
            [
                ("next week", "2014-05-12", "2014-05-18"),
                ("May 19", "2014-05-19", "2014-05-19"),
                ("Friday", "2014-05-09", "2014-05-09"),
                ("April", "2014-04-01", "2014-04-30"),
                ("the 1980s", "1980-01-01", "1989-12-31"),
            ],
        ),
        (
            "The rebels fired a long-range rocket on Sunday, their first since November 2021, and "
            "the council met on Monday, a day after the launch.",
            d("2023-05-15"),
            False,
            [
                ("Sunday", "2023-05-14", "2023-05-14"),
                ("since November 2021", "2021-11-01", "2023-05-15"),
                ("Monday", "2023-05-15", "2023-05-15"),
            ],
        ),
        (
            "SADC leaders will meet on Thursday in Maputo and could decide next week whether to "
            "send troops, with a summit expected later this month or in the autumn.",
            d("2021-06-14"),
            True,
            [
                ("Thursday", "2021-06-17", "2021-06-17"),
                ("next week", "2021-06-21", "2021-06-27"),
                ("later this month", "2021-06-14", "2021-06-30"),
                ("the autumn", "2021-09-01", "2021-11-30"),
            ],
        ),
    ],
)
def test_news_sentences(
    sentence: str, published: dt.date, future: bool, expected: list[tuple[str, str, str]]
) -> None:
    found = find_times(sentence, published, future=future)
    assert [(t.text, t.date.isoformat(), t.date_end.isoformat()) for t in found] == expected
    assert all(sentence[t.start : t.end] == t.text for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_offsets_point_into_the_sentence_given() -> None:
    sentence = "  Since March,  rebels have held the town; on Thursday they lost it."
    found = find_times(sentence, THU)
    assert [(t.start, t.end) for t in found] == [(2, 13), (46, 54)]
    assert [sentence[t.start : t.end] for t in found] == ["Since March", "Thursday"]


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        ("Offensives came in March and May, and again from June to August.", [3, 5, 6, 8]),
        ("Rains fell in April, May and June.", [4, 5, 6]),
        ("The March–May offensive failed.", [3, 5]),
        ("Fighting eased from March-May.", [3, 5]),
    ],
)
def test_months_in_lists_and_ranges(sentence: str, months: list[int]) -> None:
    found = find_times(sentence, THU)
    assert [t.date.month for t in found] == months
    assert all(t.date.year == 2015 and t.precision == "month" for t in found)


def test_offsets_survive_letters_that_lower_case_longer() -> None:
    sentence = "Talks in İstanbul collapsed on Friday, diplomats said in May."
    found = find_times(sentence, THU)
    assert [sentence[t.start : t.end] for t in found] == ["Friday", "May"]
    assert found[0].date == d("2015-10-02")


def test_dates_outside_the_calendar_give_nothing() -> None:
    assert find_times("It has been so for the past 999 decades.", THU) == []


def test_resolve_returns_the_first_expression_or_none() -> None:
    time = resolve("on Thursday", MON)
    assert time is not None and time.date == d("2015-10-01") and time.text == "Thursday"
    assert resolve("the talks", MON) is None
    assert resolve("in May", None) is None


@pytest.mark.parametrize(
    ("sentence", "forward"),
    [
        ("Talks resume in May.", "2016-05-01"),
        ("Talks resume in the spring.", "2016-03-01"),
        ("Talks resume on Friday.", "2015-10-09"),
        ("Talks resume in December.", "2015-12-01"),
        ("Talks resume in 2016.", "2016-01-01"),
    ],
)
def test_found_text_resolves_again_forward(sentence: str, forward: str) -> None:
    """The event coder finds times once, then re-resolves a future event's time by its text,
    which has lost the cue ("in") that made "May" a month."""
    (found,) = find_times(sentence, THU)
    again = resolve(found.text, THU, future=True)
    assert again is not None and again.text == found.text and again.date == d(forward)


def test_resolve_trusts_its_text_where_find_times_asks_for_a_cue() -> None:
    assert find_times("May", THU) == [] and find_times("the spring", THU) == []
    time = resolve("May", THU)
    assert time is not None and (time.date, time.date_end) == (d("2015-05-01"), d("2015-05-31"))


def test_publication_datetime_is_read_as_its_day() -> None:
    time = resolve("yesterday", dt.datetime(2015, 10, 8, 23, 30))
    assert time is not None and time.date == d("2015-10-07")


def test_impossible_days_give_nothing() -> None:
    assert find_times("It was signed on February 30, 2015.", THU) == []
    assert find_times("It was signed on February 29, 2023.", THU) == []
    assert find_times("It was dated 2015-13-40.", THU) == []


def test_future_flag_leaves_explicit_dates_alone() -> None:
    past = find_times("It ends on March 20, 2003 and began in 2001.", THU)
    future = find_times("It ends on March 20, 2003 and began in 2001.", THU, future=True)
    assert past == future and len(past) == 2


# --- lengths ("for eight days") and distances ("a day earlier"): not times on their own ---


@pytest.mark.parametrize(
    ("sentence", "text", "count", "unit"),
    [
        ("Mediators shuttled between the camps for six days.", "for six days", 6, "day"),
        ("The town was shelled for more than two weeks.", "for more than two weeks", 2, "week"),
        ("Guards held the convoy for 72 hours at the border.", "for 72 hours", 3, "day"),
        ("Crowds marched through the capital for weeks.", "for weeks", 3, "week"),
        ("The two envoys talked for a month without result.", "for a month", 1, "month"),
    ],
)
def test_durations(sentence: str, text: str, count: int, unit: str) -> None:
    (found,) = find_durations(sentence)
    assert (found.text, found.count, found.unit) == (text, count, unit)
    assert sentence[found.start : found.end] == text
    assert find_times(sentence, THU) == []  # a length names no time of its own


@pytest.mark.parametrize(
    "sentence",
    [
        "Casualties rose for the past three weeks.",  # a time: find_times has it
        "The agency asked for 12,000 tents.",
        "Parliament voted for a five-year plan.",
        "Donors pledged money for days of relief work.",
    ],
)
def test_not_a_duration(sentence: str) -> None:
    assert find_durations(sentence) == []


def test_duration_start_counts_back_from_its_last_day() -> None:
    (found,) = find_durations("The siege went on for ten days.")
    assert found.start_before(THU) == d("2015-09-28")
    (found,) = find_durations("Talks dragged on for two months.")
    assert found.start_before(THU) == d("2015-08-08")


@pytest.mark.parametrize(
    ("sentence", "text", "days", "bound"),
    [
        (
            "Kenya ratified the accord signed two days earlier in Nairobi.",
            "two days earlier",
            -2,
            False,
        ),
        ("Police met the envoy the previous day.", "the previous day", -1, False),
        ("The army withdrew the following day.", "the following day", 1, False),
        ("Rebels struck again three days later.", "three days later", 3, False),
        ("He had resigned the day before.", "the day before", -1, False),
        ("Troops left a day after the vote was held.", "a day after", -1, True),
        ("Strikes began two days before the summit opened.", "two days before", 2, True),
    ],
)
def test_offsets(sentence: str, text: str, days: int, bound: bool) -> None:
    """ "a day after the vote": the vote is a day before the time the sentence gives, so a
    bound "after" counts back; a bare "the day before" dates its own clause."""
    (found,) = find_offsets(sentence)
    assert (found.text, found.days, found.bound) == (text, days, bound)
    assert sentence[found.start : found.end] == text
    assert found.day(THU) == THU + dt.timedelta(days=days)


def test_the_day_before_yesterday_is_a_time_not_an_offset() -> None:
    sentence = "The convoy was attacked the day before yesterday."
    assert find_offsets(sentence) == []
    assert [t.text for t in find_times(sentence, THU)] == ["the day before yesterday"]
