// The page: one script that draws the view the address names, and follows links without
// reloading. Views: / (network), /actors/ID, /events?filters, /documents/ID, /paste.

import { meta } from "./api.js";
import { h, plural } from "./dom.js";
import { showActor } from "./views/actor.js";
import { showDocument } from "./views/document.js";
import { showEvents } from "./views/events.js";
import { showNetwork } from "./views/network.js";
import { showPaste } from "./views/paste.js";

const ROUTES = [
  { pattern: /^\/(network)?$/, tab: "network", show: showNetwork, title: "Network" },
  { pattern: /^\/events$/, tab: "events", show: showEvents, title: "Events" },
  { pattern: /^\/paste$/, tab: "paste", show: showPaste, title: "Paste an article" },
  { pattern: /^\/actors\/(.+)$/, tab: "network", show: showActor, title: "Actor" },
  { pattern: /^\/documents\/([^/]+)$/, tab: "events", show: showDocument, title: "Document" },
];

const RETRY_SECONDS = 3;
let generation = 0;
let retryTimer = null;

function status(message, { retry = false, again = retry } = {}) {
  const box = document.getElementById("status");
  clearTimeout(retryTimer);
  if (!message) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const button = h("button", { type: "button" }, "Try again");
  button.addEventListener("click", () => render());
  box.replaceChildren(h("span", {}, message), ...(again ? [" ", button] : []));
  box.hidden = false;
  if (retry) {
    const mine = generation;
    retryTimer = setTimeout(() => mine === generation && render(), RETRY_SECONDS * 1000);
  }
}

/** Show an error from the API where the view would be (a busy database is retried). */
export function showError(error, where) {
  const busy = Boolean(error && error.busy);
  const message = busy
    ? `The database is busy: ${error.message}. Showing it again in ${RETRY_SECONDS} s.`
    : String((error && error.message) || error);
  const transient = busy || !error || !error.status || error.status >= 500;
  status(message, { retry: busy, again: transient });
  if (where) {
    where.replaceChildren(
      busy ? h("p", { class: "loading" }, "Waiting for the database…") : h("p", { class: "error" }, message),
    );
  }
}

/** Go to another view of the page. */
export function navigate(path) {
  history.pushState(null, "", path);
  render();
}

async function render() {
  const mine = ++generation;
  status(null);
  const view = document.getElementById("view");
  const path = location.pathname;
  const route = ROUTES.find((r) => r.pattern.test(path));
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    if (route && link.dataset.view === route.tab) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (!route) {
    view.replaceChildren(h("h1", {}, "Nothing here"), h("p", {}, "This address names no view."));
    return;
  }
  document.title = `${route.title} · factions`;
  view.replaceChildren(h("p", { class: "loading" }, "Loading…"));
  const params = path.match(route.pattern).slice(1).filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(location.search);
  try {
    const content = await route.show({ params, query, navigate, current: () => mine === generation });
    if (mine !== generation) return;
    view.replaceChildren(content);
    if (content.onShown) content.onShown();
    window.scrollTo(0, 0);
  } catch (error) {
    if (mine === generation) showError(error, view);
  }
}

document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a[data-nav]");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute("href"));
});

window.addEventListener("popstate", () => render());

async function showDatabase() {
  try {
    const summary = await meta();
    document.getElementById("database").textContent =
      `${summary.database} · ${plural(summary.documents, "document")} · ${plural(summary.events, "event")}`;
  } catch {
    // the view says what is wrong
  }
}

render();
showDatabase();
