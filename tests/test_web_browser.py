"""The web app in a real browser: Debian's headless Chromium driven by Playwright, against the
real server (``factions serve`` in a subprocess on a free port of 127.0.0.1).

The database holds the seed article and a hostile one whose text, title, outlet, URL and actor
name carry markup that would run if the page ever treated data as HTML. Each test saves a
screenshot of its view in a folder of the test session and in build/screenshots/.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

from factions import Pipeline, Store, run_ingest
from factions.actors import load_actors
from tests.conftest import EXAMPLES, ROOT
from tests.test_web_api import PARAGRAPH, LockHolder

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]

LAUNCH_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED = EXAMPLES / "syria-rebels-appeal-2015-10-05.txt"
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = f"""Rebels {SCRIPT} Accuse Russia {IMG}

Syrian rebel groups accused Russia of bombing civilians in Idlib {SCRIPT} on Tuesday.

The Crimson Brigade attacked Turkish troops near the border {IMG}, a spokesman said.

Iran condemned the Crimson Brigade.
"""
HOSTILE_ACTOR = f"{IMG} Brigade"
HOSTILE_RECORD = {
    "id": f"rec-{SCRIPT}",
    "url": "javascript:window.__pwned=1",
    "outlet": IMG,
    "title": f"Record {SCRIPT}",
    "published": "2015-10-07",
    "text": f"Turkey accused the Crimson Brigade of attacking its troops. {SCRIPT}",
}
SERVER_START = 90.0


# -- the database, the server and the browser -------------------------------------------------


@dataclass(frozen=True)
class Site:
    base: str
    db: Path
    doc_ids: dict[str, str]
    """"seed", "hostile" (the text file) and "record" (the JSONL record) → doc_id."""

    def api(self, path: str) -> Any:
        """GET from the API, bypassing any proxy the environment names."""
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.base + path, timeout=30) as response:
            return json.loads(response.read())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("web-browser")
    actors = folder / "actors.yaml"
    actors.write_text(
        "actors:\n  - id: CRIMSON\n    name: " + json.dumps(HOSTILE_ACTOR) + "\n"
        "    kind: armed_group\n    country: SYR\n    aliases: [Crimson Brigade]\n",
        encoding="utf-8",
    )
    hostile = folder / "hostile-2015-10-06.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    record = folder / "record.jsonl"
    record.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    db = folder / "web.duckdb"
    pipeline = Pipeline(kb=load_actors([actors]))
    for path in (SEED, hostile, record):
        run_ingest([str(path)], Store(db), pipeline=pipeline)
    sources = {}
    for doc_id in Store(db).document_ids():
        stored = Store(db).document(doc_id)
        assert stored is not None
        sources[Path(stored.document.source.partition(":")[0]).name] = doc_id
    names = {
        "seed": sources[SEED.name],
        "hostile": sources[hostile.name],
        "record": sources[record.name],
    }

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = folder / "server.log"
    command = [sys.executable, "-m", "factions", "serve", "--db", str(db), "--port", str(port)]
    with log.open("w") as out:
        server = subprocess.Popen(
            [*command, "--wait", "1", "--actors", str(actors)], stdout=out, stderr=out
        )
    site = Site(f"http://127.0.0.1:{port}", db, names)
    try:
        deadline = time.monotonic() + SERVER_START
        while True:
            assert server.poll() is None, f"the server stopped: {log.read_text()}"
            try:
                site.api("/api/summary")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, f"no answer from the server: {log.read_text()}"
                time.sleep(0.2)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=LAUNCH_ARGS,
            headless=True,
            viewport={"width": 1440, "height": 1000},
        )
        try:
            yield context
        finally:
            context.close()


@dataclass
class Watched:
    """A page, with everything it did that a test may want to deny."""

    page: Page
    site: Site
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def go(self, path: str) -> Any:
        return self.page.goto(self.site.base + path)

    def assert_clean(self, *, console: bool = True) -> None:
        assert self.outside == [], "the page asked another host"
        assert self.dialogs == [] and self.errors == []
        if console:
            assert self.console == [], "errors in the console (a CSP violation?)"
        assert self.page.evaluate("() => window.__pwned") is None


@pytest.fixture
def web(chromium: BrowserContext, site: Site) -> Iterator[Watched]:
    page = chromium.new_page()
    watched = Watched(page, site)

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error":
            watched.console.append(message.text)

    def on_request(route: Any) -> None:
        if route.request.url.startswith(site.base + "/"):
            route.continue_()
        else:
            watched.outside.append(route.request.url)
            route.abort()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on("console", on_console)
    page.route("**/*", on_request)
    try:
        yield watched
    finally:
        page.close()


@pytest.fixture(scope="session")
def shoot(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Page, str], Path]:
    """Save a screenshot of the whole page as NAME.png (also copied to build/screenshots/)."""
    folder = tmp_path_factory.mktemp("screenshots")
    kept = ROOT / "build" / "screenshots"
    kept.mkdir(parents=True, exist_ok=True)

    def save(page: Page, name: str) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shutil.copy(path, kept / path.name)
        return path

    return save


# -- the views --------------------------------------------------------------------------------


def test_network_renders_the_seed_actors(web: Watched, shoot: Callable[[Page, str], Path]):
    page = web.page
    response = web.go("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    actors = page.locator("svg.network g.actor")
    expect(actors.first).to_be_visible()
    names = actors.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    graph = web.site.api("/api/graph")
    assert {"Russia", "Iran"} <= set(names)
    assert sorted(names) == sorted(n["name"] for n in graph["nodes"])
    assert page.locator("svg.network line.tie").count() == len(graph["links"])
    assert page.locator("line.tie.ally").count() > 0 and page.locator("line.tie.enemy").count() > 0
    dashes = page.locator("line.tie.enemy").first.evaluate(
        "e => getComputedStyle(e).strokeDasharray"
    )
    assert dashes not in ("", "none"), "enemies are dashed"
    shoot(page, "network")

    viewport = page.locator("svg.network g.viewport")
    before = viewport.get_attribute("transform")
    page.get_by_role("button", name="Zoom in").click()
    assert viewport.get_attribute("transform") != before
    russia = page.locator("svg.network g.actor[data-id='RUS']")
    moved_from = russia.get_attribute("transform")
    box = russia.locator("circle").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 60, box["y"] + 40, steps=5)
    page.mouse.up()
    assert russia.get_attribute("transform") != moved_from, "dragging moves the actor"
    assert page.url == web.site.base + "/", "a drag is not a click"
    weights = page.locator("svg.network text.weight.near")
    russia.hover()
    expect(weights.first).to_be_visible()
    assert re.fullmatch(r"[+−]\d+\.\d\d", weights.first.text_content() or "")
    web.assert_clean()


def test_clicking_an_actor_opens_its_page(web: Watched, shoot: Callable[[Page, str], Path]):
    page = web.page
    web.go("/")
    page.locator("svg.network g.actor[data-id='RUS'] circle").click()
    expect(page).to_have_url(web.site.base + "/actors/RUS")
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia")
    enemies = page.locator("section.enemies li.tie-item")
    expect(enemies.first).to_be_visible()
    evidence = enemies.first.locator("blockquote")
    assert evidence.count() > 0 and len(evidence.first.inner_text()) > 20
    assert page.locator("section.enemies mark.mark-trigger").count() > 0
    assert page.locator("svg.timeline rect").count() > 0
    assert page.locator("table.events tbody tr").count() > 0
    shoot(page, "actor")
    enemies.first.locator("h3 a").click()
    expect(page).to_have_url(re.compile(r"/actors/"))
    assert page.get_by_role("heading", level=1).inner_text() != "Russia"
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia")
    web.assert_clean()


def test_event_table_filters(web: Watched, shoot: Callable[[Page, str], Path]):
    page = web.page
    web.go("/events")
    rows = page.locator("table.events tbody tr")
    expect(rows.first).to_be_visible()
    everything = web.site.api("/api/events?limit=500")["total"]
    assert rows.count() == min(everything, 50)

    page.get_by_label("Actor", exact=True).fill("RUS")
    page.get_by_label("Type", exact=True).select_option("ASSAULT")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/events\?actor=RUS&type=ASSAULT$"))
    expected = web.site.api("/api/events?actor=RUS&type=ASSAULT")["total"]
    assert 0 < expected < everything
    expect(rows).to_have_count(expected)
    for row in rows.all():
        assert row.locator(".type").inner_text() == "ASSAULT"
        assert "Russia" in row.inner_text()
        assert row.locator("mark.mark-trigger").count() == 1
    shoot(page, "events")

    page.get_by_label("Type", exact=True).select_option("")
    page.get_by_label("Text", exact=True).fill("airstrike")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"q=airstrike"))
    expect(rows.first).to_be_visible()
    assert all("airstrike" in r.inner_text().lower() for r in rows.all())

    page.get_by_role("button", name="Clear").click()
    expect(page).to_have_url(web.site.base + "/events")
    page.get_by_label("From", exact=True).fill("2015-10-06")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"since=2015-10-06"))
    expect(rows.first).to_be_visible()
    dates = [d for d in rows.locator("td.date").all_inner_texts() if d != "—"]
    assert dates and all(d >= "2015-10-06" for d in dates)
    web.assert_clean()


def test_document_view_marks_its_events(web: Watched, shoot: Callable[[Page, str], Path]):
    page = web.page
    web.go("/events?actor=IRN")
    page.locator("table.events td.doc a").first.click()
    expect(page).to_have_url(web.site.base + f"/documents/{web.site.doc_ids['seed']}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Syrian Rebel Groups Appeal")
    triggers = page.locator(".document-text mark.mark-trigger")
    listed = page.locator("button.event-line")
    expect(listed.first).to_be_visible()
    assert triggers.count() > 5 and listed.count() >= triggers.count()
    assert page.locator(".document-text a.mark-actor", has_text="Iran").count() > 0
    listed.nth(2).click()
    expect(page.locator(".document-text mark.mark-trigger.selected")).to_have_count(1)
    shoot(page, "document")
    web.assert_clean()


def test_paste_box_codes_a_paragraph_without_storing_it(
    web: Watched, shoot: Callable[[Page, str], Path]
):
    page = web.page
    before = web.site.api("/api/summary")["documents"]
    web.go("/paste")
    page.get_by_label("Article text").fill(PARAGRAPH)
    page.get_by_label("Published").fill("2015-10-05")
    page.get_by_role("button", name="Code it").click()
    rows = page.locator(".paste-result table.events tbody tr")
    expect(rows.first).to_be_visible(timeout=120_000)  # the first paste loads spaCy
    assert "ASSAULT" in rows.locator(".type").all_inner_texts()
    drawn = page.locator(".paste-result svg.network g.actor")
    labels = drawn.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert {"Russia", "Iran"} <= set(labels)
    expect(page.locator(".paste-result .count")).to_contain_text("Not stored.")
    assert page.locator(".paste-result .document-text mark.mark-trigger").count() >= rows.count()
    assert web.site.api("/api/summary")["documents"] == before
    shoot(page, "paste")
    web.assert_clean()


# -- safety -----------------------------------------------------------------------------------


def assert_inert(web: Watched, *shown: str) -> None:
    """Nothing from the data ran or became markup, and the markup is shown as text."""
    page = web.page
    web.assert_clean()
    assert page.locator("main img, main script, main iframe").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    text = page.locator("main").inner_text()
    for literal in shown:
        assert literal in text


def test_hostile_article_runs_nothing_in_any_view(web: Watched, shoot: Callable[[Page, str], Path]):
    page = web.page
    ids = web.site.doc_ids
    views = [
        ("/", "svg.network g.actor[data-id='CRIMSON']", (), "hostile-network"),
        (
            "/events?q=pwned",
            "table.events tbody tr",
            (SCRIPT, IMG, HOSTILE_ACTOR),
            "hostile-events",
        ),
        ("/actors/CRIMSON", "section.enemies li.tie-item", (HOSTILE_ACTOR, IMG), "hostile-actor"),
        (f"/documents/{ids['hostile']}", "button.event-line", (SCRIPT, IMG), "hostile-document"),
        (f"/documents/{ids['record']}", ".document-text", (SCRIPT, IMG), "hostile-record"),
    ]
    for path, ready, shown, name in views:
        response = web.go(path)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        expect(page.locator(ready).first).to_be_visible()
        assert_inert(web, *shown)
        shoot(page, name)
    assert page.get_by_role("heading", level=1).inner_text() == f"Record {SCRIPT}"
    assert page.locator(".source-url.unsafe").inner_text() == HOSTILE_RECORD["url"]

    web.go("/")
    label = page.locator("svg.network g.actor[data-id='CRIMSON'] text.label")
    expect(label).to_have_text(HOSTILE_ACTOR)

    web.go("/paste")
    page.get_by_label("Article text").fill(HOSTILE_TEXT)
    page.get_by_role("button", name="Code it").click()
    expect(page.locator(".paste-result table.events tbody tr").first).to_be_visible(timeout=120_000)
    assert_inert(web, SCRIPT, IMG)
    shoot(page, "hostile-paste")


def test_a_busy_database_is_explained_then_shown(web: Watched, shoot: Callable[[Page, str], Path]):
    page = web.page
    holder = LockHolder(web.site.db)
    try:
        web.go("/events")
        status = page.locator("#status")
        expect(status).to_contain_text("The database is busy", timeout=30_000)
        expect(status).to_contain_text(f"locked by process {holder.process.pid}")
        shoot(page, "busy")
    finally:
        holder.release()
    expect(page.locator("table.events tbody tr").first).to_be_visible(timeout=30_000)
    expect(status).to_be_hidden()
    web.assert_clean(console=False)  # the browser logs the 503 it was answered
    assert all("503" in line for line in web.console)
