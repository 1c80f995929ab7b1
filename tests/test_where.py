"""Which place is the scene of which event, through the real parse, gazetteer and coder."""

from __future__ import annotations

from datetime import date

import pytest

from factions.pipeline import Pipeline
from factions.records import Event, Place


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def place_of(pipeline: Pipeline, body: str, trigger: str) -> Place | None:
    from factions.records import Document

    text = "Headline\n\n" + body
    document = Document(text=text, source="t", published=date(2024, 3, 8))
    events: list[Event] = list(pipeline.process_one(document).events)
    return next(e for e in events if e.trigger == trigger).place


def test_locative_of_the_clause(pipeline: Pipeline) -> None:
    place = place_of(pipeline, "Russian jets bombed rebel positions in Idlib province.", "bombed")
    assert place is not None and place.country == "SYR" and place.precision == "province"


def test_an_attacked_town_is_the_scene(pipeline: Pipeline) -> None:
    place = place_of(pipeline, "M23 rebels attacked Goma on Sunday.", "attacked")
    assert place is not None and place.country == "COD" and place.precision == "city"


def test_an_actor_country_is_not_the_scene(pipeline: Pipeline) -> None:
    assert place_of(pipeline, "France condemned Russia over the arrests.", "condemned") is None


def test_a_direction_gives_a_region(pipeline: Pipeline) -> None:
    place = place_of(
        pipeline, "Turkish drones struck Kurdish militia positions in northern Syria.", "struck"
    )
    assert place is not None and place.country == "SYR" and place.precision == "region"


def test_a_later_sentence_of_the_paragraph_keeps_the_scene(pipeline: Pipeline) -> None:
    body = (
        "Rebels attacked an army checkpoint near Aleppo on Monday. "
        "The Syrian army later shelled the rebels."
    )
    place = place_of(pipeline, body, "shelled")
    assert place is not None and place.country == "SYR"


def test_where_an_actor_comes_from_is_not_the_scene(pipeline: Pipeline) -> None:
    place = place_of(pipeline, "Financiers from Kuwait funded Ahrar al-Sham.", "funded")
    assert place is None


def test_the_scope_of_an_agreement_is_not_where_it_was_agreed(pipeline: Pipeline) -> None:
    place = place_of(
        pipeline,
        "Sudan's army and the RSF agreed to a truce in Darfur after talks hosted by Saudi "
        "Arabia in Jeddah.",
        "agreed",
    )
    assert place is not None and place.name == "Jeddah"
