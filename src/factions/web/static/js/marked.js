// Text cut into segments by the server (plain text plus the part each run plays) turned into
// elements. Only text nodes carry the article's words.

import { h, inkOn, nav, paths } from "./dom.js";

const ROLE_NAMES = { source: "source", target: "target", trigger: "trigger" };

/**
 * A sentence of an event with its source, target and trigger marked.
 * `colours` maps PLOVER types to colours.
 */
export function markedSentence(segments, colours) {
  return h(
    "span",
    { class: "sentence" },
    segments.map((seg) => {
      if (!seg.role) return seg.text;
      const mark = h("mark", { class: `mark-${seg.role}`, title: ROLE_NAMES[seg.role] || seg.role }, seg.text);
      if (seg.role === "trigger" && seg.plover && colours && colours[seg.plover]) {
        mark.style.borderBottomColor = colours[seg.plover];
      }
      return mark;
    }),
  );
}

/**
 * A whole document with every trigger and actor mention marked; triggers carry the index of
 * their event (data-event), actors link to their page when `actorLinks` is true.
 */
export function markedText(segments, colours, { actorLinks = true, names = new Map() } = {}) {
  return h(
    "div",
    { class: "document-text" },
    segments.map((seg) => {
      if (seg.role === "trigger") {
        const colour = (colours && colours[seg.plover]) || "#888";
        const mark = h(
          "mark",
          { class: "mark-trigger", "data-event": seg.event, title: seg.plover || "event without a PLOVER type" },
          seg.text,
        );
        mark.style.backgroundColor = colour;
        mark.style.color = inkOn(colour);
        return mark;
      }
      if (seg.role === "actor") {
        const title = names.get(seg.actor_id) || seg.actor_id;
        if (actorLinks) {
          const link = nav(paths.actor(seg.actor_id), seg.text);
          link.setAttribute("class", "mark-actor");
          link.setAttribute("title", title);
          return link;
        }
        return h("span", { class: "mark-actor", title }, seg.text);
      }
      return seg.text;
    }),
  );
}

/** `text` with the first occurrence of `needle` marked (evidence sentences). */
export function markFirst(text, needle) {
  const at = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  if (at < 0) return h("span", { class: "sentence" }, text);
  return h(
    "span",
    { class: "sentence" },
    text.slice(0, at),
    h("mark", { class: "mark-trigger" }, text.slice(at, at + needle.length)),
    text.slice(at + needle.length),
  );
}
