"""Captions, credits, bylines and tag lines are told apart from news text and never coded."""

from __future__ import annotations

from datetime import date

import pytest

from factions._boilerplate import BYLINE, CAPTION, CREDIT, TAGLINE, TEXT, block_kind
from factions.pipeline import Pipeline
from factions.records import Document


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Reuters/Omar Sanadiki", CREDIT),
        ("(REUTERS/Amr Abdallah Dalsh)", CREDIT),
        ("Reporting by Suleiman Al-Khalidi; Editing by Peter Graff", CREDIT),
        ("(Additional reporting by Tom Perry in Beirut; writing by Jane Doe)", CREDIT),
        ("Our Standards: The Thomson Reuters Trust Principles.", CREDIT),
        ("© 2024 Example News Agency. All rights reserved.", CREDIT),
        ("Copyright 2019 The Example Press.", CREDIT),
        ("Read more: Five things to know about the ceasefire", CREDIT),
        ("By Jane Doe", BYLINE),
        ("By Jean-Pierre Dupont and Maria Gonzalez, Reuters", BYLINE),
        ("By Ahmed al-Rashid | Middle East correspondent", BYLINE),
        ("Topics: Syria, Russia, Iran", TAGLINE),
        ("Tags: conflict, diplomacy", TAGLINE),
        ("Advertisement", TAGLINE),
        (
            "FILE PHOTO: Rebel fighters ride a truck near the front line outside Aleppo, Syria, "
            "May 3, 2015. REUTERS/Khalil Ashawi",
            CAPTION,
        ),
        ("Photo: Demonstrators gather outside an embassy in the capital on Tuesday.", CAPTION),
        (
            "Smoke rises over the city after an air strike, August 1, 2024. (AP Photo/Someone "
            "Else)",
            CAPTION,
        ),
        ("Soldiers patrol a market in the north. AFP via Getty Images", CAPTION),
        ("Israel began a ground operation in Rafah on Monday.", TEXT),
        ("By the end of the week, the army had retaken the town.", TEXT),
        ("Share prices fell sharply after the attack on the refinery.", TEXT),
        ("Reuters reported that the talks had collapsed.", TEXT),
        ("", TEXT),
    ],
)
def test_block_kind(text: str, kind: str) -> None:
    assert block_kind(text) == kind


def test_long_paragraph_mentioning_an_agency_photo_is_text() -> None:
    body = "The government said the rebels attacked the town. " * 12
    assert block_kind(body + "REUTERS/Someone Else") == TEXT


def code(pipeline: Pipeline, text: str) -> list[tuple[str, bool]]:
    document = Document(text=text, source="test", published=date(2020, 1, 10))
    processed = pipeline.process_one(document)
    return [(e.trigger, e.caption) for e in processed.events]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_credit_lines_name_no_actor_and_code_no_event(pipeline: Pipeline) -> None:
    text = (
        "Rebels attack army base\n\n"
        "Rebel fighters attacked an army base near Aleppo on Thursday.\n\n"
        "Reporting by Syrian Army correspondent; Editing by Turkey Desk"
    )
    processed = pipeline.process_one(Document(text=text, source="t"))
    credit_start = text.index("Reporting by")
    assert all(m.start < credit_start for m in processed.mentions)
    assert all(e.span[0] < credit_start for e in processed.events)


def test_caption_events_are_kept_and_flagged(pipeline: Pipeline) -> None:
    text = (
        "Clashes in the north\n\n"
        "Turkish troops shelled Kurdish militia positions on Friday.\n\n"
        "Photo: Turkish troops shelled Kurdish militia positions near the border. "
        "REUTERS/Some Photographer"
    )
    events = code(pipeline, text)
    assert (("shelled", False) in events) and (("shelled", True) in events)
