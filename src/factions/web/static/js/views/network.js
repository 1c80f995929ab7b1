// The network view: the whole signed network, its blocs, and its strongest ties.

import { get, meta } from "../api.js";
import { field, formatWeight, h, nav, paths, plural } from "../dom.js";
import { drawNetwork } from "../network.js";

function optionsForm(query, navigate) {
  const since = h("input", { type: "date", name: "since", value: query.get("since") || "" });
  const until = h("input", { type: "date", name: "until", value: query.get("until") || "" });
  const minEvents = h("input", { type: "number", name: "min_events", min: 1, value: query.get("min_events") || 1 });
  const rollup = h("input", { type: "checkbox", name: "rollup", checked: query.get("rollup") === "true" });
  const form = h(
    "form",
    { class: "options", "aria-label": "Network options" },
    field("From", since),
    field("To", until),
    field("At least events per tie", minEvents),
    field("Count members as their state", rollup, { check: true }),
    h("button", { type: "submit" }, "Redraw"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (since.value) params.set("since", since.value);
    if (until.value) params.set("until", until.value);
    if (Number(minEvents.value) > 1) params.set("min_events", minEvents.value);
    if (rollup.checked) params.set("rollup", "true");
    const text = params.toString();
    navigate(text ? `/?${text}` : "/");
  });
  return form;
}

function legend() {
  return h(
    "ul",
    { class: "legend ties-legend" },
    h("li", {}, h("span", { class: "line ally" }), "allies (weight > 0)"),
    h("li", {}, h("span", { class: "line enemy" }), "enemies (weight < 0)"),
    h("li", {}, "Thicker ties rest on heavier events; larger actors are more central."),
  );
}

function blocList(graph, names) {
  const blocs = graph.coalitions.filter((c) => c.members.length > 1);
  if (!blocs.length) return h("p", { class: "empty" }, "No blocs of two or more actors.");
  return h(
    "ol",
    { class: "blocs" },
    blocs.map((bloc) => {
      const swatch = h("span", { class: "swatch" });
      swatch.style.backgroundColor = bloc.colour;
      return h(
        "li",
        {},
        swatch,
        h("span", { class: "cohesion", title: "share of tie weight agreeing with the bloc" }, `cohesion ${bloc.cohesion.toFixed(2)}`),
        h(
          "span",
          { class: "members" },
          bloc.members.flatMap((id, i) => [i ? ", " : "", nav(paths.actor(id), names.get(id) || id)]),
        ),
      );
    }),
  );
}

function strongestTies(graph, names) {
  const ties = [...graph.links].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 12);
  return h(
    "table",
    { class: "ties-table" },
    h("caption", {}, "Strongest ties"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Actors"), h("th", { scope: "col" }, "Weight"), h("th", { scope: "col" }, "Events"))),
    h(
      "tbody",
      {},
      ties.map((t) =>
        h(
          "tr",
          {},
          h("td", {}, nav(paths.actor(t.source), names.get(t.source)), " – ", nav(paths.actor(t.target), names.get(t.target))),
          h("td", { class: t.weight > 0 ? "weight ally" : "weight enemy" }, formatWeight(t.weight)),
          h("td", { class: "num" }, String(t.events)),
        ),
      ),
    ),
  );
}

export async function showNetwork({ query, navigate }) {
  const params = {
    since: query.get("since"),
    until: query.get("until"),
    min_events: query.get("min_events"),
    rollup: query.get("rollup") === "true",
  };
  const [graph] = await Promise.all([get("graph", params), meta()]);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const shown =
    graph.nodes.length < graph.total_nodes
      ? `the ${graph.nodes.length} most central of ${plural(graph.total_nodes, "actor")}`
      : plural(graph.nodes.length, "actor");
  const picture = drawNetwork(graph, {
    onOpen: (id) => navigate(paths.actor(id)),
    label: `Network of ${shown}`,
  });
  return h(
    "div",
    { class: "network-view" },
    h(
      "section",
      { class: "graph-pane" },
      h("h1", {}, "Who is allied with whom"),
      h("p", { class: "lead" }, `${shown}, ${plural(graph.links.length, "tie")}. Click an actor for its page; drag to move, wheel to zoom.`),
      picture,
    ),
    h(
      "aside",
      { class: "side" },
      h("h2", {}, "Reading it"),
      legend(),
      h("h2", {}, "Blocs"),
      blocList(graph, names),
      strongestTies(graph, names),
      h("h2", {}, "Options"),
      optionsForm(query, navigate),
    ),
  );
}
