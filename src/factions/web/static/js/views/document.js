// A stored article with its coded events marked.

import { get, meta } from "../api.js";
import { h, nav, safeUrl } from "../dom.js";
import { documentBody } from "../documentbody.js";

export async function showDocument({ params }) {
  const [doc, summary] = await Promise.all([get(`documents/${encodeURIComponent(params[0])}`), meta()]);
  const url = doc.url ? safeUrl(doc.url) : null;
  const facts = [
    doc.published ? `published ${doc.published}` : "no publication date",
    doc.outlet,
    doc.doc_ref && doc.doc_ref !== doc.url ? `ref ${doc.doc_ref}` : null,
    `id ${doc.doc_id}`,
  ].filter(Boolean);
  return h(
    "article",
    { class: "document-view" },
    h("p", { class: "crumbs" }, nav("/events", "Events"), " › document"),
    h("h1", {}, doc.title || "(untitled document)"),
    h(
      "p",
      { class: "lead" },
      facts.join(" · "),
      doc.url ? " · " : null,
      url
        ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank", class: "source-url" }, url)
        : doc.url
          ? h("span", { class: "source-url unsafe", title: "not an http(s) address: not a link" }, doc.url)
          : null,
    ),
    documentBody(doc, summary.type_colours),
  );
}
