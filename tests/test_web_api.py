"""The web app's JSON API and its safety, on a real database of the seed article.

The API is driven in-process through FastAPI's TestClient; the browser tests
(tests/test_web_browser.py) drive the real server in a subprocess.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from factions import ReadOptions, Store, run_ingest
from factions.graph import build_graph
from factions.records import Document
from factions.web import create_app
from factions.web._marks import Mark, cut
from tests.conftest import EXAMPLES, RunCli

with warnings.catch_warnings():
    # Starlette asks for httpx2, which is not installed; the httpx it falls back on works.
    warnings.filterwarnings(
        "ignore",
        message="Using `httpx` with `starlette.testclient` is deprecated",
        category=StarletteDeprecationWarning,
    )
    from fastapi.testclient import TestClient

SEED = EXAMPLES / "syria-rebels-appeal-2015-10-05.txt"
STATIC = Path(__file__).resolve().parent.parent / "src" / "factions" / "web" / "static"
PARAGRAPH = (
    "Russia launched airstrikes on rebel positions in Syria on Monday. "
    "Iran sent troops to support the Syrian army."
)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the seed article (never written by the tests that share it)."""
    path = tmp_path_factory.mktemp("web") / "seed.duckdb"
    run_ingest([str(SEED)], Store(path), options=ReadOptions())
    return path


@pytest.fixture
def writable(seeded: Path, tmp_path: Path) -> Path:
    """A copy of the seed database for a test that writes."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(seeded, path)
    return path


def client_for(path: Path, wait: float = 0.5) -> TestClient:
    return TestClient(create_app(path, wait=wait), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def client(seeded: Path) -> TestClient:
    return client_for(seeded)


def ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


# -- the contract -----------------------------------------------------------------------------


def test_openapi_schema_documents_every_route(client: TestClient):
    schema = ok(client.get("/api/openapi.json"))
    paths = set(schema["paths"])
    assert {
        "/api/summary",
        "/api/graph",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/events",
        "/api/documents/{doc_id}",
        "/api/extract",
    } <= paths
    assert not any(p.startswith("/static") or p == "/" for p in paths), "pages are not the API"
    models = schema["components"]["schemas"]
    assert {"EventPublic", "GraphPublic", "ActorPagePublic", "ExtractRequest"} <= set(models)
    assert "503" in schema["paths"]["/api/events"]["get"]["responses"]
    assert client.get("/docs").status_code == 404, "Swagger UI would load scripts from a CDN"


def test_summary_counts_the_seed(client: TestClient, seeded: Path):
    summary = ok(client.get("/api/summary"))
    stored = Store(seeded).summary()
    assert summary["documents"] == 1 and summary["events"] == stored.events > 5
    assert summary["database"] == "seed.duckdb"
    assert summary["types"][0] == "AGREE" and set(summary["type_colours"]) == set(summary["types"])


# -- the network ------------------------------------------------------------------------------


def test_graph_shows_the_seed_actors_with_signed_ties(client: TestClient, seeded: Path):
    graph = ok(client.get("/api/graph"))
    names = {n["name"] for n in graph["nodes"]}
    assert {"Russia", "Iran"} <= names
    ids = {n["id"] for n in graph["nodes"]}
    assert all(link["source"] in ids and link["target"] in ids for link in graph["links"])
    signs = {link["weight"] > 0 for link in graph["links"]}
    assert signs == {True, False}, "the seed has allies and enemies"
    expected = build_graph(Store(seeded))
    for link in graph["links"]:
        edge = expected.edge(link["source"], link["target"])
        assert link["weight"] == pytest.approx(edge.weight, abs=1e-4)
        assert link["events"] == edge.events == link["positive"] + link["negative"]
    for node in graph["nodes"]:
        assert re.fullmatch(r"#[0-9a-f]{6}", node["colour"])
        if node["bloc"] >= 0:
            assert node["id"] in graph["coalitions"][node["bloc"]]["members"]


def test_graph_limit_keeps_the_most_central_actors(client: TestClient):
    full = ok(client.get("/api/graph"))
    top = ok(client.get("/api/graph", params={"limit": 3}))
    assert len(top["nodes"]) == 3 and top["total_nodes"] == len(full["nodes"]) > 3
    strongest = sorted(full["nodes"], key=lambda n: (-n["strength"], n["id"]))[:3]
    assert {n["id"] for n in top["nodes"]} == {n["id"] for n in strongest}
    kept = {n["id"] for n in top["nodes"]}
    assert all(link["source"] in kept and link["target"] in kept for link in top["links"])
    assert ok(client.get("/api/graph", params={"min_events": 99}))["nodes"] == []


# -- events -----------------------------------------------------------------------------------


def test_events_filter_by_actor_type_dates_and_text(client: TestClient):
    everything = ok(client.get("/api/events", params={"limit": 500}))
    assert everything["total"] == len(everything["events"]) > 5

    russia = ok(client.get("/api/events", params={"actor": "Russia", "limit": 500}))
    assert 0 < russia["total"] < everything["total"]
    for e in russia["events"]:
        assert "RUS" in {(e["source"] or {}).get("id"), (e["target"] or {}).get("id")}

    assaults = ok(client.get("/api/events", params={"type": "assault"}))
    assert assaults["total"] > 0 and {e["plover"] for e in assaults["events"]} == {"ASSAULT"}

    found = ok(client.get("/api/events", params={"q": "AIRSTRIKE"}))
    assert found["total"] > 0
    for e in found["events"]:
        sides = [(e[k] or {}).get("name", "") for k in ("source", "target")]
        assert any("airstrike" in t.lower() for t in [e["sentence"], e["trigger"], *sides])

    later = ok(client.get("/api/events", params={"since": "2015-10-06"}))
    earlier = ok(client.get("/api/events", params={"until": "2015-10-05"}))
    assert later["total"] + earlier["total"] == everything["total"]
    assert all(e["date"] <= "2015-10-05" for e in earlier["events"] if e["date"])


def test_events_come_in_pages_that_add_up(client: TestClient):
    everything = ok(client.get("/api/events", params={"limit": 500}))["events"]
    pages = []
    for offset in range(0, len(everything), 4):
        page = ok(client.get("/api/events", params={"limit": 4, "offset": offset}))
        assert page["total"] == len(everything) and page["offset"] == offset
        pages += page["events"]
    assert [e["event_id"] for e in pages] == [e["event_id"] for e in everything]


def test_each_event_sentence_marks_its_trigger_and_actors(client: TestClient):
    events = ok(client.get("/api/events", params={"limit": 500}))["events"]
    for e in events:
        assert "".join(s["text"] for s in e["marked"]) == e["sentence"]
        roles = {s["role"]: s for s in e["marked"] if s["role"]}
        assert roles["trigger"]["text"] == e["trigger"]
        assert roles["trigger"]["plover"] == e["plover"]
        if e["source"]:
            assert "source" in roles, e["sentence"]
    russia_attack = next(e for e in events if e["trigger"] == "targeting")
    marked = {s["role"]: s["text"] for s in russia_attack["marked"] if s["role"]}
    assert marked == {"source": "Russia", "trigger": "targeting", "target": "ISIS"}


def test_bad_filters_are_refused(client: TestClient):
    assert client.get("/api/events", params={"type": "BOMB"}).status_code == 422
    assert client.get("/api/events", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_marks_that_overlap_keep_the_first_and_longest():
    text = "Russian troops attacked"
    segments = cut(
        text,
        [
            Mark(8, 14, "target"),
            Mark(0, 14, "source", actor_id="RUSMIL"),
            Mark(15, 23, "trigger", plover="ASSAULT"),
            Mark(20, 40, "actor"),  # past the end: dropped
        ],
    )
    assert [(s.text, s.role) for s in segments] == [
        ("Russian troops", "source"),
        (" ", None),
        ("attacked", "trigger"),
    ]


# -- actors and documents ---------------------------------------------------------------------


def test_actor_page_has_ties_with_their_sentences_and_a_timeline(client: TestClient):
    page = ok(client.get("/api/actors/RUS"))
    assert page["actor"]["name"] == "Russia"
    assert page["enemies"], "the seed has Russia attack and be condemned"
    assert all(t["weight"] < 0 for t in page["enemies"])
    assert all(t["weight"] > 0 for t in page["allies"])
    for tie in page["allies"] + page["enemies"]:
        assert tie["evidence"] and all(ev["sentence"] for ev in tie["evidence"])
    counted = sum(sum(v) for v in page["timeline"]["counts"].values())
    assert counted + page["timeline"]["undated"] > 0
    assert page["timeline"]["months"] == sorted(page["timeline"]["months"])
    assert page["events"]["total"] >= len(page["events"]["events"]) > 0
    by_name = ok(client.get("/api/actors/russia"))
    assert by_name["actor"]["id"] == "RUS", "a name finds the actor too"


def test_unknown_actor_and_document_are_404_with_a_message(client: TestClient):
    actor = client.get("/api/actors/Atlantis")
    assert actor.status_code == 404 and "no actor named 'Atlantis'" in actor.json()["detail"]
    doc = client.get("/api/documents/0000")
    assert doc.status_code == 404 and "no document" in doc.json()["detail"]


def test_actors_list_is_searchable(client: TestClient):
    everyone = ok(client.get("/api/actors"))
    assert everyone[0]["mentions"] >= everyone[-1]["mentions"]
    iran = ok(client.get("/api/actors", params={"q": "iran"}))
    assert iran and all("iran" in (a["name"] + a["id"]).lower() for a in iran)
    assert len(iran) < len(everyone)


def test_document_marks_every_event_in_its_text(client: TestClient, seeded: Path):
    doc_id = Store(seeded).document_ids()[0]
    doc = ok(client.get(f"/api/documents/{doc_id}"))
    stored = Store(seeded).document(doc_id)
    assert stored is not None
    assert "".join(s["text"] for s in doc["marked"]) == stored.document.text
    assert doc["title"].startswith("Syrian Rebel Groups Appeal")
    assert len(doc["events"]) == len(stored.events) > 5
    triggers = [s for s in doc["marked"] if s["role"] == "trigger"]
    assert {doc["events"][s["event"]]["trigger"] for s in triggers} == {
        e.trigger for e in stored.events
    }
    assert {s["actor_id"] for s in doc["marked"] if s["role"] == "actor"} >= {"RUS", "IRN"}


# -- the paste box ----------------------------------------------------------------------------


def test_pasted_text_is_coded_and_stored_only_when_asked(writable: Path):
    client = client_for(writable)
    before = Store(writable).summary().documents
    answer = ok(client.post("/api/extract", json={"text": PARAGRAPH}))
    types = {e["plover"] for e in answer["document"]["events"]}
    assert "ASSAULT" in types, answer["document"]["events"]
    assert {"RUS", "IRN"} <= {n["id"] for n in answer["graph"]["nodes"]}
    assert answer["stored"] is False and Store(writable).summary().documents == before

    stored = ok(client.post("/api/extract", json={"text": PARAGRAPH, "store": True}))
    assert stored["stored"] and stored["added"]
    assert Store(writable).summary().documents == before + 1
    again = ok(client.post("/api/extract", json={"text": PARAGRAPH, "store": True}))
    assert again["added"] is False and Store(writable).summary().documents == before + 1
    page = ok(client.get(f"/api/documents/{stored['document']['doc_id']}"))
    assert page["events"] == stored["document"]["events"]


def test_paste_reads_a_title_and_date_like_the_text_reader(client: TestClient):
    text = "Russia Strikes Syria\n\n" + PARAGRAPH
    answer = ok(client.post("/api/extract", json={"text": text, "published": "2015-10-05"}))
    assert answer["document"]["title"] == "Russia Strikes Syria"
    assert answer["document"]["published"] == "2015-10-05"
    assert all(e["date"] for e in answer["document"]["events"])


def test_paste_refuses_empty_huge_or_cross_site_requests(client: TestClient):
    assert client.post("/api/extract", json={"text": "   "}).status_code == 422
    assert client.post("/api/extract", json={"text": "x" * 200_001}).status_code == 422
    forged = client.post(
        "/api/extract",
        json={"text": PARAGRAPH, "store": True},
        headers={"Origin": "http://evil.example"},
    )
    assert forged.status_code == 403
    plain = client.post("/api/extract", content=PARAGRAPH, headers={"Content-Type": "text/plain"})
    assert plain.status_code == 422, "a form post from another site cannot pass as JSON"
    same = client.post(
        "/api/extract", json={"text": PARAGRAPH}, headers={"Origin": "http://127.0.0.1"}
    )
    assert same.status_code == 200


# -- safety -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/", "/events?actor=RUS", "/actors/RUS", "/documents/x", "/paste", "/api/summary", "/nope"],
)
def test_every_answer_carries_the_security_policy(client: TestClient, path: str):
    response = client.get(path)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    if path.startswith("/api/"):
        assert response.headers["cache-control"] == "no-store"


def test_page_has_no_inline_script_or_style():
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts and all('src="/static/' in s for s in scripts)
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"\son\w+=", page)


def test_static_files_reach_no_other_host_and_build_no_html_from_strings():
    files = [p for p in STATIC.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".js", ".css", ".html"}
    for path in files:
        text = path.read_text(encoding="utf-8")
        urls = set(re.findall(r"\w+://[^\s\"'`)]+", text)) - {"http://www.w3.org/2000/svg"}
        assert not urls, f"{path.name} names another host: {urls}"
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, f"{path.name} uses {sink}"


def test_pages_answer_only_to_local_host_names(seeded: Path):
    client = client_for(seeded)
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200
    open_app = TestClient(create_app(seeded, hosts=None), base_url="http://evil.example")
    assert open_app.get("/").status_code == 200


# -- working beside an ingest -----------------------------------------------------------------


class LockHolder:
    """Another process holding the database's write lock, as an ingest does while it commits."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import duckdb, sys; con = duckdb.connect(sys.argv[1]);"
                " print('locked', flush=True); sys.stdin.read()",
                str(path),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture
def held_lock(writable: Path) -> Iterator[LockHolder]:
    holder = LockHolder(writable)
    try:
        yield holder
    finally:
        holder.release()


def test_a_held_database_answers_503_naming_the_holder(writable: Path, held_lock: LockHolder):
    client = client_for(writable, wait=0.2)
    busy = client.get("/api/events")
    assert busy.status_code == 503
    assert f"locked by process {held_lock.process.pid}" in busy.json()["detail"]
    assert busy.headers["retry-after"] == "2"
    assert client.get("/").status_code == 200, "the page itself still loads, and says it"
    held_lock.release()
    assert ok(client.get("/api/summary"))["documents"] == 1


@pytest.mark.slow
def test_pages_stay_whole_while_an_ingest_writes(
    writable: Path, examples_copy: Path, tmp_path: Path
):
    """Poll the API while a real ingest commits the examples one by one: every answer is
    whole (each document with all its events) or a clear 503, never a half state."""
    client = client_for(writable, wait=0.3)
    command = [sys.executable, "-m", "factions", "ingest", str(examples_copy)]
    log = tmp_path / "ingest.log"
    seen: list[dict[str, int]] = []
    with log.open("w") as err:
        ingest = subprocess.Popen(
            [*command, "--db", str(writable), "--batch-size", "1", "--no-progress"],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        try:
            while ingest.poll() is None:
                response = client.get("/api/events", params={"limit": 500})
                if response.status_code == 503:
                    assert "locked by process" in response.json()["detail"]
                else:
                    page = ok(response)
                    assert page["total"] == len(page["events"])
                    per_doc: dict[str, int] = {}
                    for e in page["events"]:
                        per_doc[e["doc_id"]] = per_doc.get(e["doc_id"], 0) + 1
                    seen.append(per_doc)
                time.sleep(0.05)
        finally:
            ingest.wait(timeout=300)
    assert ingest.returncode == 0, log.read_text()
    final = ok(client.get("/api/events", params={"limit": 500}))
    complete: dict[str, int] = {}
    for e in final["events"]:
        complete[e["doc_id"]] = complete.get(e["doc_id"], 0) + 1
    assert len(complete) == len(list(examples_copy.glob("*.txt")))
    for snapshot in [*seen, complete]:
        for doc_id, n in snapshot.items():
            assert n == complete[doc_id], "a document was shown with part of its events"
    sizes = [len(s) for s in seen]
    assert sizes == sorted(sizes), "documents never disappear"


# -- the command ------------------------------------------------------------------------------


def test_serve_without_a_database_says_how_to_make_one(run_cli: RunCli, tmp_path: Path):
    result = run_cli("serve", "--db", tmp_path / "none.duckdb")
    assert result.code == 1
    assert "no database at" in result.err and "factions ingest" in result.err


def test_store_document_round_trips_a_processed_document(writable: Path):
    store = Store(writable)
    doc_id = store.document_ids()[0]
    back = store.document(doc_id)
    assert back is not None and isinstance(back.document, Document)
    assert back.document.doc_id == doc_id and back.document.published is not None
    for s in back.sentences:
        assert back.document.text[s.start : s.end] == s.text
    for e in back.events:
        assert back.document.text[e.span[0] : e.span[1]] == e.sentence_text
    assert {m.actor_id for m in back.mentions if m.actor_id} >= {a.actor_id for a in back.actors}
