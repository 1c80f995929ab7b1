// A table of events: when, who, what, to whom, and the sentence that says so.

import { markedSentence } from "./marked.js";
import { h, inkOn, nav, paths } from "./dom.js";

/** A PLOVER type as a coloured badge (with negation and modality when they apply). */
export function typeBadge(event, colours) {
  const badge = h("span", { class: "type" }, event.plover || "other");
  const colour = colours[event.plover] || "#ccc";
  badge.style.backgroundColor = colour;
  badge.style.color = inkOn(colour);
  return h(
    "span",
    { class: "type-cell" },
    badge,
    event.cameo ? h("span", { class: "cameo", title: "CAMEO code" }, event.cameo) : null,
    event.negated ? h("span", { class: "flag negated" }, "negated") : null,
    event.modality && event.modality !== "asserted" ? h("span", { class: "flag" }, event.modality) : null,
  );
}

function actorCell(ref, linked) {
  if (!ref) return h("span", { class: "none" }, "—");
  const name = linked ? nav(paths.actor(ref.id), ref.name) : h("span", {}, ref.name);
  return h("span", { class: "actor-cell", title: `${ref.id} · “${ref.mention}”` }, name);
}

/**
 * `events` (the API's EventPublic) as a table; `linked`: actors and documents link to their
 * pages (false for an article that is not stored).
 */
export function eventTable(events, colours, { linked = true, caption = null } = {}) {
  const rows = events.map((e) =>
    h(
      "tr",
      { "data-event-id": e.event_id },
      h("td", { class: "date" }, e.date || "—"),
      h("td", {}, actorCell(e.source, linked)),
      h("td", {}, typeBadge(e, colours)),
      h("td", {}, actorCell(e.target, linked)),
      h("td", { class: "sentence-cell" }, markedSentence(e.marked, colours)),
      linked
        ? h("td", { class: "doc" }, nav(paths.document(e.doc_id), e.doc_title || e.doc_ref || "document"))
        : null,
    ),
  );
  return h(
    "table",
    { class: "events" },
    caption ? h("caption", {}, caption) : null,
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Date"),
        h("th", { scope: "col" }, "Source"),
        h("th", { scope: "col" }, "Event"),
        h("th", { scope: "col" }, "Target"),
        h("th", { scope: "col" }, "Sentence"),
        linked ? h("th", { scope: "col" }, "Document") : null,
      ),
    ),
    h("tbody", {}, rows),
  );
}
