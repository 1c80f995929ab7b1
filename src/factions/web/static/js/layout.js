// Where each actor goes: a force layout (Fruchterman–Reingold) in which allies pull together,
// enemies are held apart, bloc-mates drift toward each other and a weak pull to the middle
// keeps unrelated conflicts on the page. It starts from the blocs laid on a circle and uses no
// randomness, so the same network is always drawn the same way.

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function startingPositions(nodes, width, height) {
  const groups = new Map();
  nodes.forEach((node, i) => {
    const key = node.bloc >= 0 ? `b${node.bloc}` : `n${i}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  const order = [...groups.values()].sort((a, b) => b.length - a.length);
  const positions = new Array(nodes.length);
  const radius = Math.min(width, height) * 0.36;
  order.forEach((members, g) => {
    const angle = (2 * Math.PI * g) / order.length;
    const cx = width / 2 + (order.length > 1 ? radius * Math.cos(angle) : 0);
    const cy = height / 2 + (order.length > 1 ? radius * Math.sin(angle) : 0);
    members.forEach((i, m) => {
      const r = 14 * Math.sqrt(m + 1);
      positions[i] = { x: cx + r * Math.cos(m * GOLDEN_ANGLE), y: cy + r * Math.sin(m * GOLDEN_ANGLE) };
    });
  });
  return positions;
}

/**
 * Positions for `nodes` ({id, bloc}) tied by `links` ({source, target, weight}) in a
 * width × height box: a Map from id to {x, y}.
 */
export function forceLayout(nodes, links, { width, height, iterations = 400, gravity = 50 }) {
  const n = nodes.length;
  const result = new Map();
  if (n === 0) return result;
  const pos = startingPositions(nodes, width, height);
  if (n === 1) {
    result.set(nodes[0].id, { x: width / 2, y: height / 2 });
    return result;
  }
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const heaviest = Math.max(1e-9, ...links.map((l) => Math.abs(l.weight)));
  const springs = links
    .filter((l) => index.has(l.source) && index.has(l.target))
    .map((l) => ({
      a: index.get(l.source),
      b: index.get(l.target),
      ally: l.weight > 0,
      pull: 0.35 + 0.65 * Math.sqrt(Math.abs(l.weight) / heaviest),
    }));
  const k = 0.8 * Math.sqrt((width * height) / n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cx = width / 2;
  const cy = height / 2;
  let temperature = width / 10;
  const cooling = temperature / iterations;
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = pos[i].x - pos[j].x;
        let ey = pos[i].y - pos[j].y;
        let d2 = ex * ex + ey * ey;
        if (d2 < 0.01) {
          ex = 0.1 * (i - j);
          ey = 0.1;
          d2 = ex * ex + ey * ey;
        }
        const f = (k * k) / d2;
        dx[i] += ex * f;
        dy[i] += ey * f;
        dx[j] -= ex * f;
        dy[j] -= ey * f;
      }
    }
    // ties pull (force d²/k): allies as hard as their weight says, enemies weakly, so that a
    // pair of enemies settles further apart than allies but still side by side
    for (const { a, b, ally, pull } of springs) {
      const ex = pos[a].x - pos[b].x;
      const ey = pos[a].y - pos[b].y;
      const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
      const f = ((ally ? pull : 0.2) * d) / k;
      dx[a] -= ex * f;
      dy[a] -= ey * f;
      dx[b] += ex * f;
      dy[b] += ey * f;
    }
    const centre = new Map();
    nodes.forEach((node, i) => {
      if (node.bloc < 0) return;
      const c = centre.get(node.bloc) || { x: 0, y: 0, n: 0 };
      c.x += pos[i].x;
      c.y += pos[i].y;
      c.n += 1;
      centre.set(node.bloc, c);
    });
    for (let i = 0; i < n; i++) {
      const c = nodes[i].bloc >= 0 ? centre.get(nodes[i].bloc) : null;
      if (c && c.n > 1) {
        dx[i] += 0.4 * (c.x / c.n - pos[i].x);
        dy[i] += 0.4 * (c.y / c.n - pos[i].y);
      }
      // gravity keeps unconnected pieces near the middle instead of flying off; weaker
      // sideways, so that the cloud takes the frame's shape
      dx[i] += (gravity * (cx - pos[i].x) * k * height) / (width * width);
      dy[i] += (gravity * (cy - pos[i].y) * k) / width;
      const length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const move = Math.min(length, temperature);
      pos[i].x = Math.min(width, Math.max(0, pos[i].x + (dx[i] / length) * move));
      pos[i].y = Math.min(height, Math.max(0, pos[i].y + (dy[i] / length) * move));
    }
    temperature = Math.max(temperature - cooling, 0.5);
  }
  nodes.forEach((node, i) => result.set(node.id, pos[i]));
  return result;
}

/**
 * Push apart actors whose boxes (`boxes`: id → {left, right, up, down} around the position:
 * the disc and the label beside it) overlap, along the axis where they overlap least, until
 * none does or `rounds` pass. Moves the points of `positions` in place.
 */
export function separate(positions, boxes, rounds = 80) {
  const ids = [...positions.keys()];
  const edges = (id) => {
    const p = positions.get(id);
    const b = boxes.get(id);
    return [p.x - b.left, p.x + b.right, p.y - b.up, p.y + b.down];
  };
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [ax0, ax1, ay0, ay1] = edges(ids[i]);
        const [bx0, bx1, by0, by1] = edges(ids[j]);
        const ox = Math.min(ax1, bx1) - Math.max(ax0, bx0);
        const oy = Math.min(ay1, by1) - Math.max(ay0, by0);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        const a = positions.get(ids[i]);
        const b = positions.get(ids[j]);
        if (oy <= ox) {
          const shift = oy / 2 + 0.5;
          const dir = ay0 + ay1 < by0 + by1 || (ay0 + ay1 === by0 + by1 && i < j) ? -1 : 1;
          a.y += dir * shift;
          b.y -= dir * shift;
        } else {
          const shift = ox / 2 + 0.5;
          const dir = ax0 + ax1 <= bx0 + bx1 ? -1 : 1;
          a.x += dir * shift;
          b.x -= dir * shift;
        }
      }
    }
    if (!moved) break;
  }
}
