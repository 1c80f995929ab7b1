// Paste an article: it is coded on the spot and shown (events, network, marked text); it is
// written to the database only when the box is ticked.

import { meta, post } from "../api.js";
import { field, h, paths, plural } from "../dom.js";
import { documentBody } from "../documentbody.js";
import { eventTable } from "../eventtable.js";
import { drawNetwork } from "../network.js";

function result(answer, summary, navigate) {
  const doc = answer.document;
  const linked = answer.stored;
  const actors = new Set(answer.graph.nodes.map((n) => n.id));
  const storedNote = answer.stored
    ? answer.added
      ? "Stored in the database."
      : "Already in the database (nothing added)."
    : "Not stored.";
  return [
    h("p", { class: "count", role: "status" }, `${plural(doc.events.length, "event")} among ${plural(actors.size, "actor")}. ${storedNote}`),
    answer.graph.nodes.length
      ? h(
          "section",
          { "aria-labelledby": "paste-net-h" },
          h("h2", { id: "paste-net-h" }, "Network of this article"),
          drawNetwork(answer.graph, {
            height: 440,
            label: "Network of the pasted article",
            onOpen: linked ? (id) => navigate(paths.actor(id)) : null,
          }),
        )
      : null,
    h(
      "section",
      { "aria-labelledby": "paste-events-h" },
      h("h2", { id: "paste-events-h" }, "Events"),
      doc.events.length
        ? eventTable(doc.events, summary.type_colours, { linked })
        : h("p", { class: "empty" }, "No events coded in this text."),
    ),
    h("section", { "aria-labelledby": "paste-text-h" }, h("h2", { id: "paste-text-h" }, "Text"), documentBody(doc, summary.type_colours, { linked })),
  ];
}

export async function showPaste({ navigate }) {
  const summary = await meta();
  const title = h("input", { name: "title", maxlength: 500, placeholder: "optional" });
  const published = h("input", { type: "date", name: "published" });
  const text = h("textarea", { name: "text", rows: 12, required: true, placeholder: "Paste the article here" });
  const store = h("input", { type: "checkbox", name: "store" });
  const submit = h("button", { type: "submit" }, "Code it");
  const output = h("div", { class: "paste-result", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "paste-form", "aria-label": "Paste an article" },
    h("div", { class: "row" }, field("Title", title), field("Published", published)),
    field("Article text", text),
    field("Also store it in the database", store, { check: true }),
    submit,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    submit.textContent = "Coding…";
    output.replaceChildren(h("p", { class: "loading" }, "Coding the text (the first time loads the language model)…"));
    try {
      const answer = await post("extract", {
        text: text.value,
        title: title.value.trim() || null,
        published: published.value || null,
        store: store.checked,
      });
      output.replaceChildren(...result(answer, summary, navigate).filter(Boolean));
    } catch (error) {
      const message = error.busy ? `The database is busy: ${error.message}` : error.message;
      output.replaceChildren(h("p", { class: "error", role: "alert" }, message));
    } finally {
      submit.disabled = false;
      submit.textContent = "Code it";
    }
  });
  return h(
    "div",
    { class: "paste-view" },
    h("h1", {}, "Paste an article"),
    h("p", { class: "lead" }, "The text is coded on this machine and shown below; it is not stored unless you tick the box."),
    form,
    output,
  );
}
