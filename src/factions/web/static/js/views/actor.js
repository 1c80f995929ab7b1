// An actor's page: allies and enemies with the sentences behind each tie, events over time,
// and its events.

import { get, meta } from "../api.js";
import { formatWeight, h, nav, paths, plural } from "../dom.js";
import { eventTable } from "../eventtable.js";
import { markFirst } from "../marked.js";
import { timelineChart } from "../timeline.js";

function evidenceItem(e) {
  return h(
    "li",
    {},
    h("blockquote", {}, markFirst(e.sentence, e.trigger)),
    h(
      "p",
      { class: "meta" },
      `${e.date || "undated"} · ${e.source} ${e.plover} ${e.target} · weight ${formatWeight(e.weight)}`,
      e.modality !== "asserted" ? ` · ${e.modality}` : "",
      " · ",
      nav(paths.document(e.doc_id), "document"),
    ),
  );
}

function tieList(ties, side) {
  if (!ties.length) return h("p", { class: "empty" }, side === "ally" ? "No allies found." : "No enemies found.");
  return h(
    "ol",
    { class: `ties ${side}` },
    ties.map((t) =>
      h(
        "li",
        { class: "tie-item" },
        h(
          "h3",
          {},
          nav(paths.actor(t.actor.id), t.actor.name),
          " ",
          h("span", { class: `weight ${side}` }, formatWeight(t.weight)),
          " ",
          h("span", { class: "counts" }, `${plural(t.events, "event")}: ${t.positive} friendly, ${t.negative} hostile`),
        ),
        h("ul", { class: "evidence" }, t.evidence.map(evidenceItem)),
      ),
    ),
  );
}

export async function showActor({ params }) {
  const id = params[0];
  const [page, summary] = await Promise.all([get(`actors/${encodeURIComponent(id)}`), meta()]);
  const { actor } = page;
  const facts = [actor.kind, actor.code && `code ${actor.code}`, `id ${actor.id}`].filter(Boolean).join(" · ");
  return h(
    "article",
    { class: "actor-view" },
    h("p", { class: "crumbs" }, nav("/", "Network"), " › ", actor.name),
    h("h1", {}, actor.name),
    h("p", { class: "lead" }, facts, " · ", nav(paths.events({ actor: actor.id }), `all ${plural(page.events.total, "event")} of ${actor.name}`)),
    h(
      "div",
      { class: "columns" },
      h("section", { class: "allies", "aria-labelledby": "allies-h" }, h("h2", { id: "allies-h" }, "Allies"), tieList(page.allies, "ally")),
      h("section", { class: "enemies", "aria-labelledby": "enemies-h" }, h("h2", { id: "enemies-h" }, "Enemies"), tieList(page.enemies, "enemy")),
    ),
    h("section", { "aria-labelledby": "time-h" }, h("h2", { id: "time-h" }, "Events over time"), timelineChart(page.timeline, summary.types, summary.type_colours)),
    h(
      "section",
      { "aria-labelledby": "events-h" },
      h("h2", { id: "events-h" }, "Events"),
      page.events.events.length
        ? eventTable(page.events.events, summary.type_colours)
        : h("p", { class: "empty" }, "No events."),
      page.events.total > page.events.events.length
        ? h("p", {}, nav(paths.events({ actor: actor.id }), `All ${plural(page.events.total, "event")} →`))
        : null,
    ),
  );
}
