// The event table: filters by actor, type, dates and text, kept in the address so that a
// filtered table can be bookmarked and the back button works.

import { get, meta } from "../api.js";
import { field, h, paths, plural } from "../dom.js";
import { eventTable } from "../eventtable.js";

const PAGE = 50;
const FILTERS = ["actor", "type", "since", "until", "q"];

function filterForm(query, summary, actors, navigate) {
  const inputs = {
    actor: h("input", { name: "actor", list: "actor-names", value: query.get("actor") || "", placeholder: "id or name", autocomplete: "off" }),
    type: h(
      "select",
      { name: "type" },
      h("option", { value: "" }, "all types"),
      summary.types.map((t) => h("option", { value: t, selected: query.get("type") === t }, t)),
    ),
    since: h("input", { type: "date", name: "since", value: query.get("since") || "" }),
    until: h("input", { type: "date", name: "until", value: query.get("until") || "" }),
    q: h("input", { type: "search", name: "q", value: query.get("q") || "", placeholder: "words in the sentence" }),
  };
  const clear = h("button", { type: "button", class: "secondary" }, "Clear");
  clear.addEventListener("click", () => navigate("/events"));
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter events" },
    field("Actor", inputs.actor),
    h("datalist", { id: "actor-names" }, actors.map((a) => h("option", { value: a.id }, a.name))),
    field("Type", inputs.type),
    field("From", inputs.since),
    field("To", inputs.until),
    field("Text", inputs.q),
    h("button", { type: "submit" }, "Filter"),
    clear,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = {};
    for (const name of FILTERS) chosen[name] = inputs[name].value.trim();
    navigate(paths.events(chosen));
  });
  return form;
}

function pager(page, query, navigate) {
  const to = (offset) => {
    const params = Object.fromEntries(FILTERS.map((f) => [f, query.get(f)]));
    if (offset > 0) params.offset = String(offset);
    navigate(paths.events(params));
  };
  const previous = h("button", { type: "button", disabled: page.offset === 0 }, "← Previous");
  const next = h("button", { type: "button", disabled: page.offset + page.events.length >= page.total }, "Next →");
  previous.addEventListener("click", () => to(Math.max(0, page.offset - page.limit)));
  next.addEventListener("click", () => to(page.offset + page.limit));
  return h("nav", { class: "pager", "aria-label": "Pages" }, previous, next);
}

export async function showEvents({ query, navigate }) {
  const offset = Math.max(0, Number(query.get("offset")) || 0);
  const params = Object.fromEntries(FILTERS.map((f) => [f, query.get(f)]));
  const [page, summary, actors] = await Promise.all([
    get("events", { ...params, limit: PAGE, offset }),
    meta(),
    get("actors", { limit: 2000 }),
  ]);
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.events.length;
  const count =
    page.total > page.events.length
      ? `${first}–${last} of ${plural(page.total, "event")}`
      : plural(page.total, "event");
  return h(
    "div",
    { class: "events-view" },
    h("h1", {}, "Events"),
    filterForm(query, summary, actors, navigate),
    h(
      "p",
      { class: "count" },
      h("span", { role: "status" }, count),
      h(
        "span",
        { class: "key sentence", "aria-hidden": "true" },
        "In each sentence: ",
        h("mark", { class: "mark-source" }, "source"),
        " ",
        h("mark", { class: "mark-trigger" }, "what it did"),
        " ",
        h("mark", { class: "mark-target" }, "target"),
      ),
    ),
    page.events.length
      ? eventTable(page.events, summary.type_colours)
      : h("p", { class: "empty" }, "No event matches these filters."),
    page.total > page.limit ? pager(page, query, navigate) : null,
  );
}
