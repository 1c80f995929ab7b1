"""Which time expression dates which event, through the real parse and the real coder."""

from __future__ import annotations

from datetime import date

import pytest

from factions.pipeline import Pipeline
from factions.records import Document, Event

PUBLISHED = date(2024, 3, 8)  # a Friday


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events(pipeline: Pipeline, body: str, published: date | None = PUBLISHED) -> list[Event]:
    text = "Headline\n\n" + body
    return list(pipeline.process_one(Document(text=text, source="t", published=published)).events)


def dated(found: list[Event], trigger: str) -> tuple[date | None, date | None, str | None]:
    event = next(e for e in found if e.trigger == trigger)
    return event.date, event.date_end, event.date_precision


def test_own_clause_time(pipeline: Pipeline) -> None:
    found = events(pipeline, "Israeli jets struck Hezbollah positions in Lebanon on Tuesday.")
    assert dated(found, "struck") == (date(2024, 3, 5), None, "day")


def test_reporting_clause_time_dates_the_reported_event(pipeline: Pipeline) -> None:
    found = events(
        pipeline, "The ministry said on Wednesday that rebels had attacked government troops."
    )
    assert dated(found, "attacked")[0] == date(2024, 3, 6)


def test_clause_after_another_event_ends_by_its_time(pipeline: Pipeline) -> None:
    """ "after" says the attack came first, not when: the week up to the summoning."""
    found = events(
        pipeline,
        "Manila summoned China's ambassador on Thursday after Chinese ships attacked "
        "Philippine boats.",
    )
    assert dated(found, "summoned") == (date(2024, 3, 7), None, "day")
    assert dated(found, "attacked") == (date(2024, 2, 29), date(2024, 3, 7), "week")


def test_a_distance_before_after_dates_the_earlier_event(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Manila summoned China's ambassador on Thursday, a day after Chinese ships attacked "
        "Philippine boats.",
    )
    assert dated(found, "attacked") == (date(2024, 3, 6), None, "day")


def test_clause_before_another_event_keeps_no_borrowed_time(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Manila summoned China's ambassador on Thursday before Chinese ships attacked "
        "Philippine boats.",
    )
    assert dated(found, "attacked") == (PUBLISHED, None, "publication")


def test_a_distance_from_the_sentence_time_dates_its_clause(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Mali expelled France's ambassador on Wednesday and Algeria condemned Mali a day later.",
    )
    assert dated(found, "expelled") == (date(2024, 3, 6), None, "day")
    assert dated(found, "condemned") == (date(2024, 3, 7), None, "day")


def test_a_length_reaches_back_from_the_reference(pipeline: Pipeline) -> None:
    """No time given: the shelling lasted three days and was over by publication."""
    found = events(
        pipeline, "Russian forces shelled Ukrainian positions near Bakhmut for three days."
    )
    assert dated(found, "shelled") == (date(2024, 3, 5), PUBLISHED, "day")


def test_a_length_of_what_an_act_brings_about_is_not_its_own(pipeline: Pipeline) -> None:
    found = events(pipeline, "The European Union imposed sanctions on Iran for six months.")
    assert dated(found, "sanctions") == (PUBLISHED, None, "publication")


def test_past_perfect_is_over_before_the_time_it_inherits(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Sudan's army attacked the RSF in Khartoum on Tuesday. "
        "The RSF had attacked army bases in Darfur.",
    )
    first, second = (e for e in found if e.trigger == "attacked")
    assert (first.date, first.date_end) == (date(2024, 3, 5), None)
    assert (second.date, second.date_end, second.date_precision) == (
        date(2024, 2, 27),
        date(2024, 3, 5),
        "week",
    )


def test_reported_past_perfect_keeps_the_time_of_the_report(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Rebels attacked a base on Tuesday. The army said the rebels had shelled its positions.",
    )
    assert dated(found, "shelled") == (date(2024, 3, 5), None, "day")


def test_later_paragraphs_keep_the_days_the_lead_names(pipeline: Pipeline) -> None:
    """The lead reports Thursday's recall and Wednesday's arrests: a later paragraph with no
    time of its own may tell of either day."""
    found = events(
        pipeline,
        "Serbia recalled its ambassador to Croatia on Thursday, a day after Croatian police "
        "arrested Serbian officials.\n\n"
        "The officials were freed later.\n\n"
        "Russia condemned Croatia over the arrests.",
    )
    assert dated(found, "arrested") == (date(2024, 3, 6), None, "day")
    assert dated(found, "condemned") == (date(2024, 3, 6), date(2024, 3, 7), "week")


def test_a_day_far_from_the_news_day_is_back_story(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Serbia recalled its ambassador to Croatia on Thursday. Croatian police had raided "
        "Serbian shops on February 20.\n\n"
        "Russia condemned Croatia over the raids.",
    )
    assert dated(found, "condemned") == (date(2024, 3, 7), None, "day")


def test_month_and_year_ranges(pipeline: Pipeline) -> None:
    found = events(pipeline, "Russia invaded Ukraine in 2022. Iran attacked Israel last month.")
    assert dated(found, "invaded") == (date(2022, 1, 1), date(2022, 12, 31), "year")
    assert dated(found, "attacked") == (date(2024, 2, 1), date(2024, 2, 29), "month")


def test_later_paragraphs_keep_the_lead_day(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Rebels attacked an army base near Aleppo on Monday.\n\n"
        "The United Nations condemned Syria for the siege of the city.",
    )
    assert dated(found, "condemned") == (date(2024, 3, 4), None, "day")


def test_future_weekday_resolves_forward(pipeline: Pipeline) -> None:
    found = events(pipeline, "France will impose sanctions on Mali on Monday, officials said.")
    assert dated(found, "sanctions")[0] == date(2024, 3, 11)


def test_undated_document_gets_only_absolute_dates(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Rebels attacked government troops on Monday. Russia invaded Ukraine in 2022.",
        None,
    )
    assert dated(found, "attacked") == (None, None, None)
    assert dated(found, "invaded")[0] == date(2022, 1, 1)


def test_a_doing_that_goes_on_was_under_way_before_the_reference(pipeline: Pipeline) -> None:
    """ "continued to shell": the shelling had begun by publication; the week up to it."""
    found = events(pipeline, "Russian forces continued to shell Ukrainian positions near Bakhmut.")
    assert dated(found, "shell") == (date(2024, 3, 1), PUBLISHED, "week")


def test_a_participle_on_an_object_takes_the_time_of_its_verb(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "France on Tuesday tabled a draft resolution giving Iran until April 30 to halt "
        "enrichment.",
    )
    assert dated(found, "giving")[0] == date(2024, 3, 5), "tabled on Tuesday, not the deadline"
