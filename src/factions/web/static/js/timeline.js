// An actor's events per month, stacked by PLOVER type: cooperation in greens, hostility in reds.

import { h, s } from "./dom.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthLabel(iso) {
  const [year, month] = iso.split("-");
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** The chart of `timeline` (the API's TimelinePublic); `types` orders and `colours` colours. */
export function timelineChart(timeline, types, colours) {
  const months = timeline.months;
  if (!months.length) {
    return h("p", { class: "empty" }, timeline.undated ? `${timeline.undated} undated events.` : "No events.");
  }
  const present = types.filter((t) => timeline.counts[t]);
  const totals = months.map((_, i) => present.reduce((sum, t) => sum + timeline.counts[t][i], 0));
  const top = Math.max(1, ...totals);
  const bar = Math.min(56, Math.max(14, 640 / months.length));
  const width = Math.max(320, months.length * (bar + 10) + 50);
  const height = 190;
  const base = 150;
  const scale = 120 / top;
  const chart = s("svg", {
    class: "timeline",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": `Events per month, ${months.length} months`,
  });
  chart.append(s("line", { class: "axis", x1: 40, x2: width - 5, y1: base, y2: base }));
  chart.append(s("text", { class: "tick", x: 34, y: base - top * scale + 4, "text-anchor": "end" }, String(top)));
  chart.append(s("text", { class: "tick", x: 34, y: base + 4, "text-anchor": "end" }, "0"));
  months.forEach((month, i) => {
    const x = 50 + i * (bar + 10);
    let y = base;
    for (const type of present) {
      const n = timeline.counts[type][i];
      if (!n) continue;
      const tall = n * scale;
      y -= tall;
      chart.append(
        s(
          "rect",
          { x, y: y.toFixed(1), width: bar, height: tall.toFixed(1), fill: colours[type] || "#999" },
          s("title", {}, `${monthLabel(month)}: ${n} ${type}`),
        ),
      );
    }
    chart.append(s("text", { class: "tick", x: x + bar / 2, y: base - totals[i] * scale - 4, "text-anchor": "middle" }, String(totals[i])));
    chart.append(s("text", { class: "month", x: x + bar / 2, y: base + 16, "text-anchor": "middle" }, monthLabel(month)));
  });
  const legend = h(
    "ul",
    { class: "legend types" },
    present.map((t) => {
      const swatch = h("span", { class: "swatch" });
      swatch.style.backgroundColor = colours[t] || "#999";
      return h("li", {}, swatch, t);
    }),
  );
  return h(
    "figure",
    { class: "timeline-figure" },
    chart,
    legend,
    timeline.undated ? h("figcaption", {}, `${timeline.undated} more events have no date.`) : null,
  );
}
