"""Records and the event record contract of DESIGN.md; publication date parsing."""

from __future__ import annotations

from datetime import date

import pytest

from factions.ingest._dates import date_from_filename, parse_published
from factions.records import ActorRef, Attribution, Event, Place

DESIGN_KEYS = {
    "event_id",
    "doc_id",
    "doc_ref",
    "sentence",
    "span",
    "trigger",
    "source",
    "target",
    "plover",
    "plover_mode",
    "cameo",
    "quad_class",
    "goldstein",
    "negated",
    "modality",
    "attribution",
    "date",
    "date_end",
    "date_precision",
    "place",
    "caption",
    "confidence",
}


def make_event(**changes: object) -> Event:
    fields: dict[str, object] = {
        "doc_id": "d1",
        "sentence": 3,
        "span": (10, 60),
        "sentence_text": "Russia bombed ISIS in Syria.",
        "trigger": "bombed",
        "trigger_start": 17,
        "source": ActorRef("RUS", "Russia", "Russia", "state", "RUS"),
        "target": ActorRef("ISIS", "Islamic State", "ISIS", "armed_group", "IMGMUSISI"),
        "plover": "ASSAULT",
        "cameo": "195",
        "quad_class": 4,
        "goldstein": -10.0,
        "modality": "hedged",
        "attribution": Attribution("Reuters", "outlet", "seen by Reuters"),
        "date": date(2015, 9, 28),
        "date_end": date(2015, 10, 4),
        "date_precision": "week",
        "place": Place("Syria", "SYR", 35.0, 38.0, "country"),
    }
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def test_event_record_has_the_design_fields():
    record = make_event().to_json()
    assert set(record) == DESIGN_KEYS
    assert record["span"] == [10, 60]
    assert record["source"] == {
        "id": "RUS",
        "name": "Russia",
        "mention": "Russia",
        "kind": "state",
        "code": "RUS",
    }
    assert record["date"] == "2015-09-28" and record["date_end"] == "2015-10-04"
    assert record["place"]["country"] == "SYR"


def test_event_id_is_deterministic_and_depends_on_what_the_event_is():
    assert make_event().event_id == make_event().event_id
    assert make_event().event_id != make_event(plover="AID").event_id
    assert make_event().event_id != make_event(trigger_start=99).event_id
    assert make_event().event_id == make_event(confidence=0.1).event_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-10-05", date(2015, 10, 5)),
        ("2015-10-05T23:30:00+02:00", date(2015, 10, 5)),
        ("Mon, 05 Oct 2015 10:00:00 GMT", date(2015, 10, 5)),
        ("October 5, 2015", date(2015, 10, 5)),
        ("5 Oct 2015", date(2015, 10, 5)),
        (1444039200, date(2015, 10, 5)),
        ("1444039200000", date(2015, 10, 5)),
        ("2015-13-45", None),
        ("sometime", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value: object, expected: date | None):
    assert parse_published(value) == expected


def test_date_from_file_name():
    assert date_from_filename("syria-rebels-appeal-2015-10-05.txt") == date(2015, 10, 5)
    assert date_from_filename("report-12015-10-05.txt") is None
    assert date_from_filename("notes.txt") is None
