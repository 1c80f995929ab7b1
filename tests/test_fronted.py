"""The re-parse of clauses after an opening phrase, with the real model."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from factions._fronted import repair_fronted
from factions.nlp import load_nlp
from factions.pipeline import Pipeline
from factions.records import Document


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def subjects(doc) -> list[str]:
    return [t.text for t in doc if t.dep_ in ("nsubj", "nsubjpass")]


def test_a_subject_lost_to_the_opening_phrase_is_found_again(nlp: Language):
    doc = nlp("At a summit in Doha, Qatar and Turkey pledged aid to Sudan.")
    assert "Qatar" not in subjects(doc), "the model parses this one right now: find another"
    assert repair_fronted(nlp, doc) == 1
    assert "Qatar" in subjects(doc)
    pledged = next(t for t in doc if t.text == "pledged")
    assert pledged.dep_ == "ROOT" and doc[0].head == pledged
    assert len(list(doc.sents)) == 1


def test_a_right_parse_is_left_alone(nlp: Language):
    for text in (
        "In Nairobi, Kenyan police fired tear gas at protesters.",
        "On Monday, Abu Omar, a commander in the militia, offered a reward for a pilot.",
    ):
        doc = nlp(text)
        before = [(t.dep_, t.head.i) for t in doc]
        assert repair_fronted(nlp, doc) == 0
        assert [(t.dep_, t.head.i) for t in doc] == before


def test_the_pipeline_codes_the_event_of_a_repaired_sentence():
    text = "Headline\n\nAt a summit in Doha, Qatar and Turkey pledged aid to Sudan."
    events = Pipeline().process_one(Document(text=text, source="t", published=date(2024, 1, 5)))
    assert any(e.source and e.source.id == "QAT" for e in events.events)
