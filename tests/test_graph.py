"""The alliance network on small hand-built worlds whose answer is known.

The world: Russia, Iran and Syria on one side; the Syrian rebels with Saudi Arabia, Turkey and
Qatar on the other; Islamic State hostile to both. Events are written to a real DuckDB file, and
the network built inside the store must equal the one built in memory from the same events.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pytest

from factions.graph import (
    GraphOptions,
    SignedGraph,
    UnknownActorError,
    allies,
    balance,
    build_graph,
    default_weights,
    enemies,
    find_coalitions,
    graph_from_events,
    load_weights_file,
    relation,
    resolve_actor,
    rollup_map,
    timeline,
    write_all,
    write_graph,
)
from factions.graph._weights import WeightsError, event_weight, weighting
from factions.ontology import PLOVER_TYPES
from factions.records import Actor, ActorRef, Document, Event, Mention, ProcessedDocument, Sentence
from factions.store import Store

DAY = date(2015, 10, 5)
ACTORS = {
    a.actor_id: a
    for a in (
        Actor("RUS", "Russia", "state", "RUS", "RUS"),
        Actor("IRN", "Iran", "state", "IRN", "IRN"),
        Actor("IRNGOV", "Iranian government", "government", "IRNGOV", "IRN", ("IRN",)),
        Actor("IRNMIL", "Iranian military", "military", "IRNMIL", "IRN", ("IRN",)),
        Actor("SYR", "Syria", "state", "SYR", "SYR"),
        Actor("SYRREB", "Syrian rebels", "rebels", "SYRREB", "SYR"),
        Actor("SAU", "Saudi Arabia", "state", "SAU", "SAU"),
        Actor("TUR", "Turkey", "state", "TUR", "TUR"),
        Actor("QAT", "Qatar", "state", "QAT", "QAT"),
        Actor("ISIS", "Islamic State", "armed_group", "IMGMUSISI"),
    )
}
CAMP = {"RUS", "IRN", "SYR"}
REBELS = {"SYRREB", "SAU", "TUR", "QAT"}
GOLDSTEIN = {"SUPPORT": 3.4, "AID": 7.4, "COOPERATE": 6.0, "ASSAULT": -10.0, "ACCUSE": -2.0}


def ev(
    source: str,
    plover: str,
    target: str,
    *,
    day: date | None = DAY,
    modality: str = "asserted",
    negated: bool = False,
    confidence: float = 0.8,
    goldstein: float | None = 0.0,
    caption: bool = False,
    mention: str | None = None,
) -> Event:
    """One event; its sentence says what happened (the store gives it a document of its own)."""

    def ref(actor_id: str, said: str | None = None) -> ActorRef:
        a = ACTORS[actor_id]
        return ActorRef(a.actor_id, a.name, said or a.name, a.kind, a.code)

    text = f"{ACTORS[source].name} {plover.lower()} {ACTORS[target].name} on {day}."
    return Event(
        doc_id="",
        sentence=0,
        span=(0, len(text)),
        sentence_text=text,
        trigger=plover.lower(),
        source=ref(source, mention),
        target=ref(target),
        plover=plover,
        cameo=None,
        goldstein=GOLDSTEIN.get(plover) if goldstein == 0.0 else goldstein,
        negated=negated,
        modality=modality,
        date=day,
        caption=caption,
        confidence=confidence,
    )


def world() -> list[Event]:
    """Two camps, friendly inside and hostile across."""
    return [
        ev("RUS", "AID", "SYR"),
        ev("IRNMIL", "AID", "SYR"),
        ev("IRNGOV", "SUPPORT", "RUS", mention="Tehran"),
        ev("SAU", "AID", "SYRREB"),
        ev("TUR", "SUPPORT", "SYRREB"),
        ev("QAT", "SUPPORT", "SYRREB"),
        ev("TUR", "COOPERATE", "QAT"),
        ev("SYR", "ASSAULT", "SYRREB"),
        ev("RUS", "ASSAULT", "SYRREB"),
        ev("SYRREB", "ACCUSE", "IRN"),
        ev("IRN", "ACCUSE", "SAU"),
    ]


def spoiler() -> list[Event]:
    """Islamic State, hostile to both camps."""
    return [
        ev("ISIS", "ASSAULT", "SYRREB"),
        ev("RUS", "ASSAULT", "ISIS"),
        ev("ISIS", "ASSAULT", "SYR"),
        ev("ISIS", "ASSAULT", "SAU"),
    ]


def store_of(path: Path, events: Iterable[Event]) -> Store:
    """Write each event as a document of its own, with its sentence and its mentions."""
    batch = []
    for i, e in enumerate(events):
        text = e.sentence_text
        doc = Document(text=f"{text} ({i})", source=f"test:{i}", published=e.date)
        sentence = Sentence(doc.doc_id, 0, 0, len(text), text)
        assert e.source is not None and e.target is not None
        mentions = tuple(
            Mention(doc.doc_id, 0, 0, len(r.mention), r.mention, "KB", r.id)
            for r in (e.source, e.target)
        )
        stored = Event(**{**_fields(e), "doc_id": doc.doc_id, "trigger_start": i})
        used = tuple(ACTORS[r.id] for r in (e.source, e.target))
        batch.append(ProcessedDocument(doc, (sentence,), mentions, used, (stored,)))
    store = Store(path)
    store.write(batch)
    return store


def _fields(e: Event) -> dict[str, object]:
    return {name: getattr(e, name) for name in Event.__dataclass_fields__}


def blocs_of(graph: SignedGraph, resolution: float = 0.5) -> list[set[str]]:
    return [set(c.members) for c in find_coalitions(graph, resolution)]


# -- weights -----------------------------------------------------------------------------------


def test_the_weights_file_signs_every_type_the_way_the_issue_says():
    weights = default_weights()
    assert set(weights.types) == set(PLOVER_TYPES)
    for cooperative in ("SUPPORT", "AID", "COOPERATE", "AGREE", "CONSULT"):
        assert weights.types[cooperative].sign == 1
    for hostile in ("ASSAULT", "COERCE", "THREATEN", "SANCTION", "ACCUSE"):
        assert weights.types[hostile].sign == -1
    m = weights.modality
    assert m["asserted"] == 1.0 > m["claimed"] > m["hedged"] and m["hypothetical"] < m["future"]


def test_a_broken_weights_file_is_named_with_its_field(tmp_path: Path):
    raw = (Path(__file__).parent.parent / "src/factions/data/graph/weights.yaml").read_text()
    bad = tmp_path / "weights.yaml"
    bad.write_text(raw.replace("ASSAULT:   {sign: -1", "ASSAULT:   {sign: -2"), encoding="utf-8")
    with pytest.raises(WeightsError, match=r"weights.yaml: types.ASSAULT.sign"):
        load_weights_file(bad)


def test_an_event_weighs_by_goldstein_confidence_and_modality():
    how = weighting()
    assert event_weight(ev("RUS", "ASSAULT", "SYRREB"), how, DAY) == pytest.approx(-0.8)
    assert event_weight(ev("RUS", "AID", "SYR"), how, DAY) == pytest.approx(0.74 * 0.8)
    hedged = event_weight(ev("RUS", "ASSAULT", "SYRREB", modality="hedged"), how, DAY)
    claimed = event_weight(ev("RUS", "ASSAULT", "SYRREB", modality="claimed"), how, DAY)
    assert hedged == pytest.approx(-0.4) and claimed == pytest.approx(-0.64)
    assert event_weight(ev("RUS", "ASSAULT", "SYRREB", negated=True), how, DAY) == 0.0
    assert event_weight(ev("RUS", "MOBILIZE", "SYR"), how, DAY) == 0.0
    caption = event_weight(ev("RUS", "ASSAULT", "SYRREB", caption=True), how, DAY)
    assert caption == 0.0, "captions repeat the story: left out"
    fallback = event_weight(ev("RUS", "ASSAULT", "SYRREB", goldstein=None), how, DAY)
    assert fallback == pytest.approx(-0.95 * 0.8), "no Goldstein: the type's own intensity"


def test_negated_events_add_nothing_to_the_network():
    graph = graph_from_events([ev("RUS", "ASSAULT", "SYR", negated=True), ev("RUS", "AID", "SYR")])
    edge = graph.edge("RUS", "SYR")
    assert edge.events == 1 and edge.negative == 0 and edge.weight > 0


def test_time_decay_halves_an_event_one_half_life_old():
    old = DAY - timedelta(days=30)
    events = [ev("RUS", "ASSAULT", "SYRREB"), ev("RUS", "ASSAULT", "SYRREB", day=old)]
    plain = graph_from_events(events).weight("RUS", "SYRREB")
    decayed = graph_from_events(events, GraphOptions(half_life_days=30)).weight("RUS", "SYRREB")
    assert plain == pytest.approx(-1.6)
    assert decayed == pytest.approx(-0.8 - 0.4)


# -- the network -------------------------------------------------------------------------------


def test_ties_are_undirected_sums_with_counts():
    graph = graph_from_events(world(), actors=ACTORS)
    assert graph.node("SYRREB").name == "Syrian rebels"
    tie = graph.edge("RUS", "SYRREB")
    assert (tie.positive, tie.negative, tie.events) == (0, 1, 1)
    assert graph.weight("SYR", "RUS") == graph.weight("RUS", "SYR") > 0
    assert graph.weight("RUS", "QAT") == 0.0, "no events, no tie"


def test_rollup_counts_members_as_their_parent_and_drops_ties_inside_it():
    events = [*world(), ev("IRNGOV", "SUPPORT", "IRNMIL")]
    flat = graph_from_events(events, actors=ACTORS)
    assert {"IRNGOV", "IRNMIL"} <= set(flat.nx.nodes)
    rolled = graph_from_events(events, GraphOptions(rollup=True), actors=ACTORS)
    assert not {"IRNGOV", "IRNMIL"} & set(rolled.nx.nodes)
    assert rolled.edge("IRN", "SYR").events == 1 and rolled.edge("IRN", "RUS").events == 1
    assert not rolled.nx.has_edge("IRN", "IRN")
    assert rollup_map(ACTORS) == {"IRNGOV": "IRN", "IRNMIL": "IRN"}


def test_min_events_and_the_period_select_ties():
    events = [*world(), ev("RUS", "AID", "SYR", day=date(2016, 1, 1))]
    assert set(graph_from_events(events, GraphOptions(min_events=2)).edges()) == {
        graph_from_events(events).edge("RUS", "SYR")
    }
    late = graph_from_events(events, GraphOptions(since=date(2016, 1, 1)))
    assert [(e.source, e.target) for e in late.edges()] == [("RUS", "SYR")]
    assert not len(graph_from_events(events, GraphOptions(until=date(2015, 1, 1))))


@pytest.mark.parametrize(
    "options",
    [
        GraphOptions(),
        GraphOptions(rollup=True),
        GraphOptions(min_events=2, rollup=True),
        GraphOptions(half_life_days=10, since=date(2015, 6, 1)),
    ],
    ids=["plain", "rollup", "min-events", "decay"],
)
def test_the_store_builds_the_same_network_as_memory(tmp_path: Path, options: GraphOptions):
    events = [
        *world(),
        *spoiler(),
        ev("RUS", "ASSAULT", "SYRREB", day=date(2015, 9, 1), modality="hedged"),
        ev("IRNMIL", "ASSAULT", "SYRREB", goldstein=None, caption=True),
        ev("SAU", "ACCUSE", "IRNGOV", negated=True),
        ev("TUR", "SUPPORT", "QAT", day=date(2015, 3, 1)),
    ]
    store = store_of(tmp_path / "w.duckdb", events)
    stored = build_graph(store, options)
    memory = graph_from_events(events, options, actors=ACTORS)
    assert set(stored.nx.nodes) == set(memory.nx.nodes) and len(stored) > 3
    for edge in memory.edges():
        other = stored.edge(edge.source, edge.target)
        assert (other.positive, other.negative, other.events) == (
            edge.positive,
            edge.negative,
            edge.events,
        )
        assert other.weight == pytest.approx(edge.weight)
    assert stored.node("SYRREB").name == "Syrian rebels"


def test_contract_merges_nodes_into_groups():
    graph = graph_from_events(world(), actors=ACTORS)
    merged = graph.contract({"IRNGOV": "IRAN", "IRNMIL": "IRAN", "IRN": "IRAN"})
    assert merged.edge("IRAN", "SYR").weight == pytest.approx(graph.weight("IRNMIL", "SYR"))
    assert merged.edge("IRAN", "SYRREB").negative == 1
    assert "IRNGOV" not in merged


# -- coalitions and balance --------------------------------------------------------------------


def test_a_balanced_two_bloc_world_splits_into_its_two_camps():
    graph = graph_from_events(world(), GraphOptions(rollup=True), actors=ACTORS)
    coalitions = find_coalitions(graph)
    assert [set(c.members) for c in coalitions] == [REBELS, CAMP]
    assert all(c.cohesion == pytest.approx(1.0) for c in coalitions)
    report = balance(graph)
    assert report.triangles > 0 and report.ratio == 1.0 and not report.frustrating


def test_an_isolated_spoiler_stays_a_bloc_of_its_own():
    graph = graph_from_events([*world(), *spoiler()], GraphOptions(rollup=True), actors=ACTORS)
    for resolution in (0.0, 0.5, 1.0):
        assert blocs_of(graph, resolution) == [REBELS, CAMP, {"ISIS"}], resolution
    coalitions = find_coalitions(graph)
    assert relation(graph, "ISIS", "RUS", coalitions) == -1
    assert relation(graph, "ISIS", "TUR", coalitions) == -1, "the enemy of its friend"
    # an enemy of both camps closes triangles of three enemies: unbalanced, and its ties
    # are the ones that frustrate balance most
    report = balance(graph)
    assert report.ratio is not None and report.ratio < 1.0
    assert "ISIS" in (report.frustrating[0].edge.source, report.frustrating[0].edge.target)


def test_an_unbalanced_triangle_is_found_and_its_ties_ranked_weakest_first():
    events = [
        ev("RUS", "AID", "SYR"),
        ev("SYR", "SUPPORT", "IRN"),
        ev("RUS", "ACCUSE", "IRN"),
    ]
    graph = graph_from_events(events)
    report = balance(graph)
    assert (report.triangles, report.balanced, report.ratio) == (1, 0, 0.0)
    assert [abs(t.edge.weight) for t in report.frustrating] == sorted(
        abs(e.weight) for e in graph.edges()
    )
    assert all(t.unbalanced == 1 for t in report.frustrating)
    # whatever the partition, one tie must disagree with it: cohesion cannot be perfect
    assert min(c.cohesion for c in find_coalitions(graph)) < 1.0


def test_weak_friendly_ties_do_not_chain_unrelated_conflicts_at_the_default_resolution():
    other = [
        ev("TUR", "AID", "QAT"),
        ev("QAT", "SUPPORT", "SAU"),
        ev("SAU", "COOPERATE", "TUR"),
        ev("ISIS", "ASSAULT", "TUR"),
        ev("ISIS", "ASSAULT", "QAT"),
    ]
    first = [
        ev("RUS", "AID", "SYR"),
        ev("SYR", "AID", "IRN"),
        ev("IRN", "COOPERATE", "RUS"),
        ev("SYRREB", "ASSAULT", "SYR"),
        ev("SYRREB", "ASSAULT", "RUS"),
    ]
    bridge = ev("RUS", "CONSULT", "TUR", goldstein=1.0, confidence=0.4)
    graph = graph_from_events([*first, *other, bridge])
    assert {"RUS", "SYR", "IRN"} in blocs_of(graph)
    assert {"TUR", "QAT", "SAU"} in blocs_of(graph)
    merged = blocs_of(graph, resolution=0.0)
    assert {"RUS", "SYR", "IRN", "TUR", "QAT", "SAU"} in merged, "correlation clustering chains"


def test_relation_uses_the_tie_then_balance_then_the_blocs():
    events = [
        ev("RUS", "AID", "SYR"),
        ev("IRN", "AID", "SYR"),
        ev("SYRREB", "ASSAULT", "SYR"),
        ev("SAU", "AID", "SYRREB"),
        ev("TUR", "AID", "SAU"),
    ]
    graph = graph_from_events(events)
    blocs = find_coalitions(graph)
    assert relation(graph, "SYRREB", "SYR", blocs) == -1, "their own tie"
    assert relation(graph, "RUS", "IRN", blocs) == 1, "a friend of a friend"
    assert relation(graph, "RUS", "SYRREB", blocs) == -1, "an enemy of a friend"
    assert relation(graph, "TUR", "RUS", blocs) == -1, "blocs at odds"
    assert relation(graph, "TUR", "NOBODY", blocs) == 0


# -- queries -----------------------------------------------------------------------------------


def test_allies_and_enemies_answer_with_counts_and_sentences(tmp_path: Path):
    store = store_of(tmp_path / "w.duckdb", [*world(), *spoiler(), ev("RUS", "AID", "SYR")])
    friends = allies(store, "Russia")
    assert [t.actor.id for t in friends] == ["SYR", "IRNGOV"]
    assert friends[0].events == 2 and friends[0].positive == 2 and friends[0].weight > 0
    assert friends[0].evidence[0].sentence.startswith("Russia aid Syria")
    foes = enemies(store, "rus")
    assert [t.actor.id for t in foes] == ["ISIS", "SYRREB"], "most hostile first"
    assert all(t.weight < 0 for t in foes)
    assert enemies(store, "RUS", limit=1, evidence=0)[0].evidence == ()


def test_names_resolve_by_id_name_or_mention_in_any_case(tmp_path: Path):
    store = store_of(tmp_path / "w.duckdb", world())
    assert resolve_actor(store, "irngov").id == "IRNGOV"
    assert resolve_actor(store, "saudi ARABIA").id == "SAU"
    assert resolve_actor(store, "tehran").id == "IRNGOV", "a mention in the text"
    assert resolve_actor(store, "Tehran", rollup=True).id == "IRN"
    with_rollup = allies(store, "Tehran", GraphOptions(rollup=True))
    assert {t.actor.id for t in with_rollup} == {"RUS", "SYR"}
    with pytest.raises(UnknownActorError, match=r"no actor named 'Irann'.*did you mean 'Iran'"):
        allies(store, "Irann")


def test_timeline_counts_events_per_month_and_type(tmp_path: Path):
    events = [
        *world(),
        ev("RUS", "ASSAULT", "SYRREB", day=date(2015, 12, 20)),
        ev("RUS", "ASSAULT", "SYRREB", day=date(2015, 12, 21)),
        ev("RUS", "AID", "SYR", day=None),
        ev("RUS", "ASSAULT", "SYRREB", negated=True),
    ]
    store = store_of(tmp_path / "w.duckdb", events)
    found = timeline(store, "Russia")
    assert found.months == (date(2015, 10, 1), date(2015, 12, 1))
    assert found.counts["ASSAULT"] == (1, 2) and found.counts["AID"] == (1, 0)
    assert found.undated == 1
    iran = timeline(store, "Iran", GraphOptions(rollup=True))
    assert sum(sum(c) for c in iran.counts.values()) == 4, "IRN, IRNGOV and IRNMIL"


# -- files and pictures ------------------------------------------------------------------------


def test_node_link_json_follows_design_and_reads_back_into_networkx(tmp_path: Path):
    graph = graph_from_events([*world(), *spoiler()], GraphOptions(rollup=True), actors=ACTORS)
    blocs = find_coalitions(graph)
    out = tmp_path / "g.json"
    write_graph(graph, "json", out, blocs)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["nodes"][0]) >= {"id", "name", "kind", "code"}
    assert set(data["links"][0]) == {"source", "target", "weight", "positive", "negative", "events"}
    back = nx.node_link_graph(data, edges="links")
    assert back.number_of_edges() == graph.nx.number_of_edges()
    assert back.edges["RUS", "SYRREB"]["weight"] < 0
    assert {n["id"]: n["bloc"] for n in data["nodes"]}["ISIS"] == 2


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_blocs(tmp_path: Path, fmt: str):
    graph = graph_from_events(world(), GraphOptions(rollup=True), actors=ACTORS)
    out = tmp_path / f"g.{fmt}"
    write_graph(graph, fmt, out, find_coalitions(graph))
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert set(back.nodes) == set(graph.nx.nodes)
    assert back.nodes["SYRREB"]["kind"] == "rebels"
    assert back.nodes["SYRREB"]["bloc"] != back.nodes["RUS"]["bloc"]
    assert float(back.edges["RUS", "SYRREB"]["weight"]) < 0


def test_pictures_are_real_png_and_svg_with_readable_labels(tmp_path: Path):
    graph = graph_from_events([*world(), *spoiler()], GraphOptions(rollup=True), actors=ACTORS)
    png = tmp_path / "g.png"
    write_graph(graph, "png", png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    svg = tmp_path / "g.svg"
    write_graph(graph, "svg", svg)
    texts = {t.text for t in ET.parse(svg).iter("{http://www.w3.org/2000/svg}text")}
    assert {"Islamic State", "Syrian rebels", "Russia"} <= texts


def test_an_empty_network_still_draws_and_exports(tmp_path: Path):
    empty = graph_from_events([])
    assert find_coalitions(empty) == [] and balance(empty).ratio is None
    for fmt in ("json", "png"):
        write_graph(empty, fmt, tmp_path / f"e.{fmt}")
        assert (tmp_path / f"e.{fmt}").stat().st_size > 0


def test_write_all_writes_and_describes_every_network_file(tmp_path: Path):
    store = store_of(tmp_path / "w.duckdb", [*world(), *spoiler()])
    written = write_all(store, tmp_path / "out")
    names = [name for name, _ in written]
    assert names == [
        "graph.json",
        "graph.graphml",
        "graph.gexf",
        "graph.png",
        "graph.svg",
        "coalitions.json",
    ]
    for name, description in written:
        assert (tmp_path / "out" / name).stat().st_size > 0 and description
    blocs = json.loads((tmp_path / "out" / "coalitions.json").read_text(encoding="utf-8"))
    assert {"members", "cohesion"} == set(blocs[0])
