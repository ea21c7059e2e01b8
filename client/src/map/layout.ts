// Where each node sits on the map: one region per partition group, side by side so that a
// cut is visible as a gap, nodes spread inside their region in join order (a sunflower
// pattern), so the layout stays put as nodes join, leave and change group.

export interface Region {
  group: string;
  x: number;
  y: number;
  w: number;
  h: number;
  count: number;
}

export interface Layout {
  regions: Region[];
  /** Centre of each node. */
  positions: Map<string, { x: number; y: number }>;
  /** Radius every node is drawn with. */
  radius: number;
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/** `maxRadius`: the largest a node is drawn (the projector stage draws them larger). */
export function layout(nodes: readonly { id: string; group: string }[], width: number, height: number, pad = 12, maxRadius = 28): Layout {
  const byGroup = new Map<string, string[]>();
  for (const n of nodes) {
    const list = byGroup.get(n.group);
    if (list) list.push(n.id);
    else byGroup.set(n.group, [n.id]);
  }
  const groups = [...byGroup].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const k = Math.max(1, groups.length);
  // A row of regions for a few groups; a grid beyond that. Wider regions for bigger groups.
  const cols = k <= 4 ? k : Math.ceil(Math.sqrt(k * (width / Math.max(1, height))));
  const rows = Math.ceil(k / cols);
  const gap = k > 1 ? Math.max(18, Math.min(60, width * 0.04)) : 0;
  const regions: { region: Region; ids: string[] }[] = [];
  const rowH = (height - gap * (rows - 1)) / rows;
  for (let r = 0; r < rows; r++) {
    const inRow = groups.slice(r * cols, (r + 1) * cols).map(([group, ids]) => ({ group, ids, weight: Math.sqrt(ids.length) + 0.6 }));
    const total = inRow.reduce((a, g) => a + g.weight, 0);
    const usable = width - gap * (inRow.length - 1);
    let x = 0;
    for (const { group, ids, weight } of inRow) {
      const w = (usable * weight) / total;
      regions.push({ region: { group, x, y: r * (rowH + gap), w, h: rowH, count: ids.length }, ids });
      x += w + gap;
    }
  }
  const positions = new Map<string, { x: number; y: number }>();
  let radius = maxRadius;
  for (const { region, ids } of regions) {
    const n = ids.length;
    // Room above for the group's name and below for the last row's labels.
    const top = 28;
    const bottom = 34;
    const cx = region.x + region.w / 2;
    const cy = region.y + top + (region.h - top - bottom) / 2;
    const maxR = Math.max(10, Math.min(region.w - 2 * pad, region.h - top - bottom) / 2 - pad);
    const step = maxR / Math.sqrt(n + 0.5);
    radius = Math.min(radius, Math.max(3, step * 0.42));
    for (const [i, id] of ids.entries()) {
      const rr = n === 1 ? 0 : step * Math.sqrt(i + 0.5);
      positions.set(id, { x: cx + rr * Math.cos(i * GOLDEN), y: cy + rr * Math.sin(i * GOLDEN) });
    }
  }
  return { regions: regions.map((r) => r.region), positions, radius };
}

/** The region a point falls in (for dropping dragged nodes on a group). */
export function regionAt(l: Layout, x: number, y: number): Region | null {
  return l.regions.find((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) ?? null;
}
