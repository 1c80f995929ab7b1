"""The network commands end to end on a real database, and the alignment scores of evaluate."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from factions.evaluation import load_gold, score_file
from factions.records import Document, ProcessedDocument
from tests.conftest import RunCli
from tests.test_graph import ACTORS, CAMP, REBELS, spoiler, store_of, world


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    store_of(path, [*world(), *spoiler()])
    return path


def test_graph_prints_node_link_json_and_writes_every_format(run_cli: RunCli, db: Path):
    result = run_cli("graph", "--db", db, "--rollup")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    back = nx.node_link_graph(data, edges="links")
    assert back.edges["RUS", "SYRREB"]["weight"] < 0 and "IRNMIL" not in back
    for fmt in ("graphml", "gexf", "png", "svg"):
        out = db.parent / f"net.{fmt}"
        written = run_cli("graph", "--db", db, "--format", fmt, "-o", out)
        assert written.code == 0 and written.out == "" and out.stat().st_size > 1000, fmt


def test_graph_options_reach_the_network(run_cli: RunCli, db: Path):
    few = json.loads(run_cli("graph", "--db", db, "--min-events", "2").out)
    assert few["links"] == [], "every tie of this world rests on one event"
    assert run_cli("graph", "--db", db, "--half-life", "-3").code == 2
    later = run_cli("graph", "--db", db, "--since", "2016-01-01")
    assert later.code == 0 and "empty" in later.err and json.loads(later.out)["nodes"] == []


def test_coalitions_as_json_and_as_a_table_with_balance(run_cli: RunCli, db: Path):
    result = run_cli("coalitions", "--db", db, "--rollup", "--format", "json")
    assert result.code == 0, result.err
    blocs = json.loads(result.out)
    assert [set(b["members"]) for b in blocs] == [REBELS, CAMP, {"ISIS"}]
    assert all(0.0 <= b["cohesion"] <= 1.0 for b in blocs)
    table = run_cli("coalitions", "--db", db, "--rollup").out
    assert "Syrian rebels (SYRREB)" in table and "structural balance:" in table
    assert "Islamic State" in table.split("frustrate balance most")[1]


def test_allies_and_enemies_list_ties_with_their_sentences(run_cli: RunCli, db: Path):
    result = run_cli("allies", "russia", "--db", db)
    assert result.code == 0, result.err
    assert "Allies of Russia (RUS)" in result.out and "Syria (SYR)" in result.out
    assert "“Russia aid Syria on 2015-10-05.”" in result.out
    foes = json.loads(run_cli("enemies", "Russia", "--db", db, "--format", "json").out)
    assert {f["actor"]["id"] for f in foes} == {"ISIS", "SYRREB"}
    assert all(f["weight"] < 0 and f["evidence"][0]["sentence"] for f in foes)


def test_an_unknown_name_is_a_usage_error_with_a_suggestion(run_cli: RunCli, db: Path):
    result = run_cli("enemies", "Rusia", "--db", db)
    assert result.code == 2
    assert "no actor named 'Rusia'" in result.err and "'Russia'" in result.err
    assert result.out == ""


def test_an_actor_with_no_allies_says_so_on_stderr(run_cli: RunCli, db: Path):
    result = run_cli("allies", "ISIS", "--db", db)
    assert result.code == 0 and "no allies of Islamic State" in result.err


def test_timeline_as_table_json_and_chart(run_cli: RunCli, db: Path):
    table = run_cli("timeline", "Iran", "--db", db, "--rollup")
    assert table.code == 0, table.err
    assert "2015-10" in table.out and "ACCUSE" in table.out
    data = json.loads(run_cli("timeline", "IRN", "--db", db, "--format", "json").out)
    assert data["months"] == ["2015-10"] and data["counts"]["ACCUSE"] == [2]
    chart = db.parent / "iran.png"
    drawn = run_cli("timeline", "Iran", "--db", db, "--format", "png", "-o", chart)
    assert drawn.code == 0 and chart.read_bytes()[:4] == b"\x89PNG"


GOLD = {
    "id": "two-camps",
    "text_file": "two-camps.txt",
    "published": "2015-10-05",
    "actors": {
        "RUSSIA": {"aliases": ["Russia"]},
        "IRAN": {"aliases": ["Iran", "Tehran", "Iranian military", "Iranian government"]},
        "SYRIA": {"aliases": ["Syria"]},
        "REBELS": {"aliases": ["Syrian rebels", "rebels"]},
        "SAUDI": {"aliases": ["Saudi Arabia"]},
        "TURKEY": {"aliases": ["Turkey"]},
        "QATAR": {"aliases": ["Qatar"]},
        "ISIS": {"aliases": ["Islamic State"]},
        "CHINA": {"aliases": ["China"]},
    },
    "events": [],
    "alignment": [
        {"a": "IRAN", "b": "RUSSIA", "sign": 1},
        {"a": "REBELS", "b": "SYRIA", "sign": -1},
        {"a": "IRAN", "b": "REBELS", "sign": -1},
        {"a": "ISIS", "b": "RUSSIA", "sign": -1},
        {"a": "CHINA", "b": "RUSSIA", "sign": 1},
    ],
    "coalitions": [
        ["RUSSIA", "IRAN", "SYRIA"],
        ["REBELS", "SAUDI", "TURKEY", "QATAR", "CHINA"],
    ],
}


def test_evaluate_scores_alignment_signs_and_coalitions(tmp_path: Path):
    """Iran's army and government count as Iran; China never appears, so its pair is wrong
    and it is missing from its coalition."""
    events = [*world(), *spoiler()]
    text = " ".join(e.sentence_text for e in events)
    (tmp_path / "two-camps.txt").write_text(text, encoding="utf-8")
    gold_path = tmp_path / "two-camps.json"
    gold_path.write_text(json.dumps(GOLD), encoding="utf-8")
    gold = load_gold(gold_path)
    processed = ProcessedDocument(
        Document(text=text, source="t"), (), (), tuple(ACTORS.values()), tuple(events)
    )
    result = score_file(gold, processed)
    scores = result.counts.scores()
    assert scores["alignment_pairs"] == 5
    assert scores["alignment_sign_accuracy"] == 0.8
    assert scores["coalition_jaccard"] == pytest.approx((1.0 + 4 / 5) / 2)
    assert result.alignment is not None
    wrong = [p for p in result.alignment.pairs if p.gold != p.system]
    assert [(p.a, p.b, p.system) for p in wrong] == [("CHINA", "RUSSIA", 0)]
