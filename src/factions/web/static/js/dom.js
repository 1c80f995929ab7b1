// Building the page from data, never from HTML strings: every text becomes a text node, so an
// article, an actor name or a URL can hold any markup and it is shown, not run.

const SVG_NS = "http://www.w3.org/2000/svg";

function checkedHref(value) {
  const text = String(value);
  if (text.startsWith("/") && !text.startsWith("//")) return text; // a view of this page
  const url = safeUrl(text);
  if (url === null) throw new Error(`refusing link ${JSON.stringify(text)}`);
  return url;
}

function apply(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`no handler attributes (${name}): use addEventListener`);
    const text = name === "href" ? checkedHref(value) : value === true ? "" : String(value);
    el.setAttribute(name, text);
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h("a", {href: "/events"}, "Events"). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element, the same way. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** An external address fit for a link (http or https only), else null. */
export function safeUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export const paths = {
  actor: (id) => `/actors/${encodeURIComponent(id)}`,
  document: (id) => `/documents/${encodeURIComponent(id)}`,
  events: (params) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v) query.set(k, v);
    const text = query.toString();
    return text ? `/events?${text}` : "/events";
  },
};

/** A link to another view of this page (followed without reloading). */
export function nav(path, ...children) {
  return h("a", { href: path, "data-nav": true }, ...children);
}

/** A readable text colour on a background colour given as #rrggbb. */
export function inkOn(hex) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || "");
  if (!m) return "#111";
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55 ? "#111" : "#fff";
}

export function formatWeight(weight) {
  return `${weight > 0 ? "+" : weight < 0 ? "−" : ""}${Math.abs(weight).toFixed(2)}`;
}

export function plural(n, one, many) {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many || `${one}s`}`;
}

let fields = 0;

/** A form control with its label (tied by id, so the label alone names the control). */
export function field(label, control, { check = false } = {}) {
  if (!control.id) control.id = `field-${++fields}`;
  const text = h("label", { for: control.id }, label);
  return check ? h("div", { class: "field check" }, control, text) : h("div", { class: "field" }, text, control);
}
