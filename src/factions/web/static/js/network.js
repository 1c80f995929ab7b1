// The network drawn in SVG: actors coloured by bloc and sized by how central they are; ties
// green and solid between allies, red and dashed between enemies, thicker when heavier, each
// with its signed weight (shown on hover, when zoomed in, and in its tooltip). Wheel or the
// buttons zoom, dragging the background pans, dragging an actor moves it, and clicking one
// (or Enter on it) opens its page.

import { formatWeight, h, s } from "./dom.js";
import { forceLayout, separate } from "./layout.js";

const WIDTH = 1000;
const MARGIN = 24;
const LETTER = 6.8; // width of a label's letter at 12px, in the drawing's units
const ALLY = "#1a9850";
const ENEMY = "#d73027";

function radius(node, strongest) {
  return 5 + 13 * Math.sqrt(node.strength / strongest);
}

function tieText(link, names) {
  const kind = link.weight > 0 ? "allies" : link.weight < 0 ? "enemies" : "neutral";
  return (
    `${names.get(link.source)} – ${names.get(link.target)}: ${kind}, weight ${formatWeight(link.weight)}` +
    ` from ${link.events} event${link.events === 1 ? "" : "s"}` +
    ` (${link.positive} friendly, ${link.negative} hostile)`
  );
}

/**
 * The network `graph` (the API's GraphPublic) as an element; `onOpen(id)` is called when an
 * actor is clicked. `height` is in the drawing's units (its width is 1000).
 */
export function drawNetwork(graph, { onOpen, height = 640, label = "Network of actors" } = {}) {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const layout = forceLayout(graph.nodes, graph.links, { width: WIDTH, height });
  const strongest = Math.max(1e-9, ...graph.nodes.map((n) => n.strength));
  const heaviest = Math.max(1e-9, ...graph.links.map((l) => Math.abs(l.weight)));
  // the label runs right of the disc; its width is estimated (the page is not laid out yet)
  const boxes = new Map(
    graph.nodes.map((n) => {
      const r = radius(n, strongest);
      return [n.id, { left: r + 2, right: r + 5 + LETTER * n.name.length, up: Math.max(r, 9) + 2, down: Math.max(r, 9) + 2 }];
    }),
  );
  separate(layout, boxes);

  const view = { x: 0, y: 0, k: 1 };
  const viewport = s("g", { class: "viewport" });
  const svg = s(
    "svg",
    { class: "network", viewBox: `0 0 ${WIDTH} ${height}`, role: "group", "aria-label": label },
    s("rect", { class: "backdrop", x: -1e5, y: -1e5, width: 2e5, height: 2e5 }),
    viewport,
  );
  const tiesLayer = s("g", { class: "ties" });
  const weightsLayer = s("g", { class: "weights" });
  const nodesLayer = s("g", { class: "nodes" });
  viewport.append(tiesLayer, weightsLayer, nodesLayer);

  const byNode = new Map(graph.nodes.map((n) => [n.id, []]));
  const drawnTies = graph.links.map((link) => {
    const sign = link.weight > 0 ? "ally" : link.weight < 0 ? "enemy" : "neutral";
    const line = s(
      "line",
      {
        class: `tie ${sign}`,
        stroke: link.weight > 0 ? ALLY : link.weight < 0 ? ENEMY : "#999",
        "stroke-width": (1 + 5 * Math.sqrt(Math.abs(link.weight) / heaviest)).toFixed(2),
        "data-source": link.source,
        "data-target": link.target,
        "data-weight": link.weight,
      },
      s("title", {}, tieText(link, names)),
    );
    const weight = s("text", { class: `weight ${sign}`, "text-anchor": "middle" }, formatWeight(link.weight));
    tiesLayer.append(line);
    weightsLayer.append(weight);
    const tie = { link, line, weight };
    byNode.get(link.source).push(tie);
    byNode.get(link.target).push(tie);
    return tie;
  });

  const drawnNodes = new Map();
  for (const node of graph.nodes) {
    const r = radius(node, strongest);
    const group = s(
      "g",
      {
        class: "actor",
        role: "link",
        tabindex: 0,
        "aria-label": node.name,
        "data-id": node.id,
        "data-bloc": node.bloc,
      },
      s("title", {}, `${node.name} (${node.id}${node.kind ? `, ${node.kind}` : ""})`),
      s("circle", { r: r.toFixed(1), fill: node.colour }),
      s("text", { class: "label", x: (r + 3).toFixed(1), y: 4 }, node.name),
    );
    nodesLayer.append(group);
    drawnNodes.set(node.id, { node, group, r });
  }

  function place(id) {
    const p = layout.get(id);
    drawnNodes.get(id).group.setAttribute("transform", `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`);
    for (const tie of byNode.get(id)) placeTie(tie);
  }
  function placeTie({ link, line, weight }) {
    const a = layout.get(link.source);
    const b = layout.get(link.target);
    line.setAttribute("x1", a.x.toFixed(1));
    line.setAttribute("y1", a.y.toFixed(1));
    line.setAttribute("x2", b.x.toFixed(1));
    line.setAttribute("y2", b.y.toFixed(1));
    weight.setAttribute("x", ((a.x + b.x) / 2).toFixed(1));
    weight.setAttribute("y", ((a.y + b.y) / 2 - 3).toFixed(1));
  }
  for (const id of drawnNodes.keys()) place(id);

  function applyView() {
    viewport.setAttribute("transform", `translate(${view.x.toFixed(2)},${view.y.toFixed(2)}) scale(${view.k.toFixed(4)})`);
    svg.classList.toggle("zoomed", view.k >= 1.8);
  }
  function fit() {
    if (!layout.size) return;
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const [id, p] of layout) {
      const box = boxes.get(id);
      x0 = Math.min(x0, p.x - box.left);
      x1 = Math.max(x1, p.x + box.right);
      y0 = Math.min(y0, p.y - box.up);
      y1 = Math.max(y1, p.y + box.down);
    }
    const k = Math.min(1.6, (WIDTH - 2 * MARGIN) / Math.max(x1 - x0, 1), (height - 2 * MARGIN) / Math.max(y1 - y0, 1));
    view.k = k;
    view.x = WIDTH / 2 - (k * (x0 + x1)) / 2;
    view.y = height / 2 - (k * (y0 + y1)) / 2;
    applyView();
  }
  function toDrawing(event) {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
    return { x: point.x, y: point.y };
  }
  function zoom(factor, around) {
    const centre = around || { x: WIDTH / 2, y: height / 2 };
    const k = Math.min(8, Math.max(0.2, view.k * factor));
    view.x = centre.x - ((centre.x - view.x) * k) / view.k;
    view.y = centre.y - ((centre.y - view.y) * k) / view.k;
    view.k = k;
    applyView();
  }

  svg.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      zoom(Math.exp(-event.deltaY / 400), toDrawing(event));
    },
    { passive: false },
  );

  let drag = null;
  svg.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    const actor = event.target.closest("g.actor");
    const at = toDrawing(event);
    drag = { id: actor ? actor.dataset.id : null, from: at, moved: 0, view: { ...view } };
    svg.setPointerCapture(event.pointerId);
    svg.classList.add("dragging");
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const at = toDrawing(event);
    const ex = at.x - drag.from.x;
    const ey = at.y - drag.from.y;
    drag.moved = Math.max(drag.moved, Math.hypot(ex, ey));
    if (drag.id) {
      const p = layout.get(drag.id);
      p.x += ex / view.k;
      p.y += ey / view.k;
      drag.from = at;
      place(drag.id);
    } else {
      view.x = drag.view.x + ex;
      view.y = drag.view.y + ey;
      applyView();
    }
  });
  function endDrag(event) {
    if (!drag) return;
    const { id, moved } = drag;
    drag = null;
    svg.classList.remove("dragging");
    if (svg.hasPointerCapture(event.pointerId)) svg.releasePointerCapture(event.pointerId);
    if (id && moved < 4 && event.type === "pointerup" && onOpen) onOpen(id);
  }
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  svg.addEventListener("keydown", (event) => {
    const actor = event.target.closest && event.target.closest("g.actor");
    if (actor && (event.key === "Enter" || event.key === " ") && onOpen) {
      event.preventDefault();
      onOpen(actor.dataset.id);
    }
  });

  function highlight(id) {
    svg.classList.toggle("focused", Boolean(id));
    for (const { group } of drawnNodes.values()) group.classList.remove("near", "focus");
    for (const tie of drawnTies) {
      tie.line.classList.remove("near");
      tie.weight.classList.remove("near");
    }
    if (!id) return;
    drawnNodes.get(id).group.classList.add("focus");
    for (const tie of byNode.get(id)) {
      tie.line.classList.add("near");
      tie.weight.classList.add("near");
      const other = tie.link.source === id ? tie.link.target : tie.link.source;
      drawnNodes.get(other).group.classList.add("near");
    }
  }
  nodesLayer.addEventListener("pointerover", (event) => {
    const actor = event.target.closest("g.actor");
    if (actor && !drag) highlight(actor.dataset.id);
  });
  nodesLayer.addEventListener("pointerout", (event) => {
    const actor = event.target.closest("g.actor");
    if (actor && !drag && !actor.contains(event.relatedTarget)) highlight(null);
  });
  nodesLayer.addEventListener("focusin", (event) => highlight(event.target.dataset.id));
  nodesLayer.addEventListener("focusout", () => highlight(null));

  function button(text, title, action) {
    const b = h("button", { type: "button", title, "aria-label": title }, text);
    b.addEventListener("click", action);
    return b;
  }
  const tools = h(
    "div",
    { class: "zoom-tools" },
    button("+", "Zoom in", () => zoom(1.3)),
    button("−", "Zoom out", () => zoom(1 / 1.3)),
    button("Fit", "Fit the network to the frame", fit),
  );
  fit();
  svg.classList.toggle("few-ties", graph.links.length <= 12);
  const frame = h("div", { class: "network-frame" }, tools, svg);
  if (!graph.nodes.length) frame.append(h("p", { class: "empty" }, "No ties to draw yet."));
  return frame;
}
