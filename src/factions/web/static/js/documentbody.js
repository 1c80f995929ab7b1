// An article with its coded events marked, beside the list of those events: choosing an event
// in the list shows its trigger in the text, and choosing a trigger shows its event.

import { h } from "./dom.js";
import { typeBadge } from "./eventtable.js";
import { markedText } from "./marked.js";

function eventLine(e, colours) {
  const who = (ref) => (ref ? ref.name : "—");
  return [
    typeBadge(e, colours),
    " ",
    h("span", { class: "who" }, `${who(e.source)} → ${who(e.target)}`),
    " ",
    h("span", { class: "trigger-word" }, `“${e.trigger}”`),
    e.date ? h("span", { class: "date" }, ` ${e.date}`) : null,
  ];
}

/** `doc` (the API's DocumentPublic); `linked`: actor mentions link to actor pages. */
export function documentBody(doc, colours, { linked = true } = {}) {
  const names = new Map(doc.actors.map((a) => [a.id, a.name]));
  for (const e of doc.events) {
    for (const ref of [e.source, e.target]) if (ref) names.set(ref.id, ref.name);
  }
  const text = markedText(doc.marked, colours, { actorLinks: linked, names });
  const firstTrigger = new Map();
  for (const e of doc.events) {
    const key = e.span[0] + e.trigger;
    if (!firstTrigger.has(key)) firstTrigger.set(key, doc.events.indexOf(e));
  }
  const items = doc.events.map((e, i) => {
    const button = h("button", { type: "button", class: "event-line", "data-event": i }, eventLine(e, colours));
    button.addEventListener("click", () => {
      const target = firstTrigger.get(e.span[0] + e.trigger);
      select(i, text.querySelector(`mark[data-event="${target}"]`));
    });
    return h("li", {}, button);
  });
  const list = h("ol", { class: "document-events" }, items);

  function select(index, mark) {
    for (const el of text.querySelectorAll("mark.selected")) el.classList.remove("selected");
    for (const el of list.querySelectorAll("button.selected")) el.classList.remove("selected");
    const button = list.querySelector(`button[data-event="${index}"]`);
    if (button) button.classList.add("selected");
    if (mark) {
      mark.classList.add("selected");
      mark.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }
  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-event]");
    if (!mark) return;
    const index = Number(mark.dataset.event);
    select(index, mark);
    const button = list.querySelector(`button[data-event="${index}"]`);
    if (button) button.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });

  return h(
    "div",
    { class: "document-layout" },
    h("section", { class: "document-pane", "aria-label": "Article text" }, text),
    h(
      "aside",
      { class: "document-side", "aria-labelledby": "doc-events-h" },
      h("h2", { id: "doc-events-h" }, doc.events.length === 1 ? "1 event" : `${doc.events.length} events`),
      doc.events.length ? list : h("p", { class: "empty" }, "No events coded in this text."),
    ),
  );
}
