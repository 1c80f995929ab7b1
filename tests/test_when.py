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


def test_clause_after_another_event_keeps_no_borrowed_time(pipeline: Pipeline) -> None:
    found = events(
        pipeline,
        "Manila summoned China's ambassador on Thursday after Chinese ships attacked "
        "Philippine boats.",
    )
    assert dated(found, "attacked") == (PUBLISHED, None, "publication")


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
