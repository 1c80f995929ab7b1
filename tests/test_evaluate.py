"""The matching rules of DESIGN.md on small hand-made system outputs, and the evaluate command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factions.evaluation import GoldError, load_gold, score_file
from factions.records import ActorRef, Document, Event, Mention, ProcessedDocument
from tests.conftest import RunCli

TEXT = (
    "Chad's army shelled rebel positions near Abeche on Monday. "
    "The Kremlin sent weapons to N'Djamena, officials said. "
    "France did not sanction Chad."
)
S1 = (0, TEXT.index(" The Kremlin"))
S2 = (S1[1] + 1, TEXT.index(" France"))
S3 = (S2[1] + 1, len(TEXT))

GOLD = {
    "id": "chad",
    "text_file": "chad.txt",
    "published": "2021-05-12",
    "actors": {
        "CHAD": {"kind": "state", "aliases": ["Chad", "Chad's army", "N'Djamena"]},
        "REBELS": {"kind": "armed_group", "aliases": ["rebels", "rebel positions"]},
        "RUSSIA": {"kind": "state", "aliases": ["Russia", "Kremlin", "Moscow"]},
        "FRANCE": {"kind": "state", "aliases": ["France", "Paris"]},
    },
    "events": [
        {
            "id": "shell",
            "required": True,
            "anchor": "Chad's army shelled rebel positions",
            "source": ["CHAD"],
            "target": ["REBELS"],
            "plover": ["ASSAULT"],
            "cameo_root": ["19"],
            "date": ["2021-05-10", "2021-05-10"],
            "place": "Abeche",
        },
        {
            "id": "arms",
            "required": True,
            "anchor": "The Kremlin sent weapons to N'Djamena",
            "source": ["RUSSIA"],
            "target": ["CHAD"],
            "plover": ["AID"],
            "cameo_root": ["07"],
        },
    ],
    "negated": [
        {
            "id": "no-sanction",
            "anchor": "France did not sanction Chad",
            "source": ["FRANCE"],
            "target": ["CHAD"],
            "plover": ["SANCTION"],
        },
    ],
    "alignment": [{"a": "RUSSIA", "b": "CHAD", "sign": 1}],
    "coalitions": [["RUSSIA", "CHAD"]],
}


def ref(key: str, mention: str | None = None) -> ActorRef:
    return ActorRef(id=f"sys:{key}", name=key, mention=mention or key, kind="state")


def event(
    span: tuple[int, int],
    source: ActorRef,
    target: ActorRef,
    plover: str,
    *,
    negated: bool = False,
    start: int = 0,
) -> Event:
    return Event(
        doc_id="d",
        sentence=0,
        span=span,
        sentence_text=TEXT[span[0] : span[1]],
        trigger="x",
        trigger_start=span[0] + start,
        source=source,
        target=target,
        plover=plover,
        cameo=None,
        negated=negated,
    )


@pytest.fixture
def gold(tmp_path: Path):
    (tmp_path / "chad.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "chad.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return load_gold(path)


def scores(gold, *events: Event, mentions: tuple[Mention, ...] = ()):
    processed = ProcessedDocument(Document(text=TEXT, source="t"), (), mentions, (), events)
    return score_file(gold, processed).counts.scores()


def test_exact_match(gold):
    s = scores(gold, event(S1, ref("Chad"), ref("rebels"), "ASSAULT"))
    assert (s["precision"], s["recall"], s["matched_events"]) == (1.0, 0.5, 1)


def test_wrong_type_is_a_false_positive_and_shows_in_the_confusion(gold):
    processed = ProcessedDocument(
        Document(text=TEXT, source="t"),
        (),
        (),
        (),
        (event(S1, ref("Chad"), ref("rebels"), "COERCE"),),
    )
    result = score_file(gold, processed)
    assert result.counts.scores()["precision"] == 0.0
    assert result.counts.confusion[("ASSAULT", "COERCE")] == 1
    assert [j.verdict for j in result.judgements] == ["false_positive"]


def test_wrong_target(gold):
    s = scores(gold, event(S1, ref("Chad"), ref("France"), "ASSAULT"))
    assert s["matched_events"] == 0 and s["precision"] == 0.0


def test_negated_gold_statement_coded_positive_is_a_negation_error(gold):
    s = scores(gold, event(S3, ref("France"), ref("Chad"), "SANCTION"))
    assert s["negation_errors"] == 1 and s["precision"] == 0.0


def test_events_the_system_marks_negated_are_not_counted(gold):
    s = scores(gold, event(S3, ref("France"), ref("Chad"), "SANCTION", negated=True))
    assert s["system_events"] == 0 and s["negation_errors"] == 0


def test_duplicates_count_against_precision_not_for_recall(gold):
    s = scores(
        gold,
        event(S1, ref("Chad"), ref("rebels"), "ASSAULT"),
        event(S1, ref("Chad's army"), ref("rebel positions"), "ASSAULT", start=5),
    )
    assert s["duplicates"] == 1
    assert s["precision"] == 0.5 and s["recall"] == 0.5


def test_sentence_boundary_differing_from_the_anchor_still_overlaps(gold):
    # The system split the first sentence after "shelled"; its span covers part of the anchor.
    cut = TEXT.index(" rebel positions")
    s = scores(gold, event((0, cut), ref("Chad"), ref("rebels"), "ASSAULT"))
    assert s["matched_events"] == 1
    # A span in another sentence does not match.
    s = scores(gold, event(S2, ref("Chad"), ref("rebels"), "ASSAULT"))
    assert s["matched_events"] == 0


def test_alias_match_through_the_gold_actor_table(gold):
    kremlin = ActorRef(id="unk:kremlin", name="the Kremlin", mention="The Kremlin", kind="x")
    capital = ActorRef(id="unk:ndjamena", name="N’Djamena", mention="N'Djamena", kind="x")
    s = scores(gold, event(S2, kremlin, capital, "AID"))
    assert s["matched_events"] == 1 and s["recall"] == 0.5


def test_actor_recall_date_and_place(gold):
    mentions = (
        Mention("d", 0, 0, 5, "Chad", "GPE", "unk:chad"),
        Mention("d", 1, 64, 71, "Kremlin", "ORG", "unk:kremlin"),
    )
    s = scores(gold, mentions=mentions)
    assert s["actor_recall"] == 0.5
    assert s["date_accuracy"] is None, "no matched dated event yet"


def test_malformed_gold_names_file_entry_and_reason(tmp_path: Path, run_cli: RunCli):
    (tmp_path / "chad.txt").write_text(TEXT, encoding="utf-8")
    broken = json.loads(json.dumps(GOLD))
    broken["events"][1]["target"] = ["CHAD", "MALI"]
    (tmp_path / "chad.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(GoldError, match=r"chad.json: events\[1\] \(id 'arms'\).*'MALI'"):
        load_gold(tmp_path / "chad.json")
    result = run_cli("evaluate", tmp_path)
    assert result.code == 1 and "'MALI' is not a key of 'actors'" in result.err
    broken = json.loads(json.dumps(GOLD))
    broken["events"][0]["anchor"] = "Chad's navy"
    (tmp_path / "chad.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(GoldError, match="does not occur in the text"):
        load_gold(tmp_path / "chad.json")


def test_evaluate_command_json_and_explain(tmp_path: Path, run_cli: RunCli):
    (tmp_path / "chad.txt").write_text(TEXT, encoding="utf-8")
    gold = json.loads(json.dumps(GOLD))
    # An event no coder could read from this text, so that --explain has a miss to show.
    gold["events"].append(
        {
            "id": "impossible",
            "required": True,
            "anchor": "officials said",
            "source": ["FRANCE"],
            "target": ["RUSSIA"],
            "plover": ["AID"],
        }
    )
    (tmp_path / "chad.json").write_text(json.dumps(gold), encoding="utf-8")
    result = run_cli("evaluate", tmp_path, "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["overall"]["required_events"] == 3
    assert report["files"][0]["file"] == "chad.json"
    assert set(report["plover_confusion"]) == {"ASSAULT", "AID"}
    explained = run_cli("evaluate", tmp_path, "--explain")
    assert "MISSED 'impossible'" in explained.out
    assert "sentence: The Kremlin sent weapons to N'Djamena, officials said." in explained.out


def test_names_match_whatever_their_count_article_or_punctuation():
    from factions.evaluation import normalise_name

    assert normalise_name("43 civilians") == normalise_name("civilians")
    assert normalise_name("Forty-one Syrian rebel groups") == "syrian rebel groups"
    assert normalise_name("hundreds of Iranian troops") == "iranian troops"
    assert normalise_name("the U.S.") == normalise_name("U.S")
    assert normalise_name("Iran's") == "iran"
    assert normalise_name("Democratic Republic of the Congo") == "democratic republic of congo"
    assert normalise_name("the Other Party") == "other party", "only whole words are articles"
    assert normalise_name("One") == "one", "a bare number stays itself"


def test_a_states_organ_stands_for_the_state_unless_the_gold_keeps_it_apart():
    from factions.evaluation._gold import GoldActor
    from factions.evaluation._match import AliasIndex

    army = ActorRef(
        id="TCDMIL", name="Chadian military", mention="it", kind="military", code="TCDMIL"
    )
    crowd = ActorRef(
        id="TCDCVL", name="Chadian civilians", mention="they", kind="civilians", code="TCDCVL"
    )
    states = {"CHAD": GoldActor("CHAD", "state", ("Chad",), "TCD")}
    assert AliasIndex(states).keys(army) == set(), "by names only unless asked (DESIGN.md)"
    assert AliasIndex(states, organs=True).keys(army) == {"CHAD"}
    assert AliasIndex(states, organs=True).keys(crowd) == set(), "civilians are not the state"
    apart = {**states, "JUNTA": GoldActor("JUNTA", "military", ("the junta",), "TCD")}
    assert AliasIndex(apart, organs=True).keys(army) == set(), "the gold names Chad's organ apart"
    named = ActorRef(
        id="TCDMIL", name="Chadian military", mention="the junta", kind="military", code="TCDMIL"
    )
    assert AliasIndex(apart, organs=True).keys(named) == {"JUNTA"}


def test_a_gold_country_must_be_an_iso3_code(tmp_path: Path):
    gold = json.loads(json.dumps(GOLD))
    gold["actors"]["CHAD"]["country"] = "Chad"
    (tmp_path / "chad.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "chad.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(GoldError, match="ISO-3"):
        load_gold(tmp_path / "chad.json")
