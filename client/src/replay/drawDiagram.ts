// Painting the space-time diagram on a canvas: only the visible window, lines batched by
// colour. The base layer (lanes, partitions, messages, marks, axis) is redrawn when the view
// changes; the overlay (playhead, the future greyed, hover and selection) every frame.

import { DROP_REASONS } from '../../../shared/net/network';
import { MSG, type MarkInfo, type RecordingIndex } from '../../../shared/replay/recordingIndex';
import { DROP_STYLE, type KindStyle } from '../map/draw';
import {
  candidateRows,
  crosses,
  formatClock,
  rowShown,
  segmentOf,
  timeTicks,
  xOf,
  yOfLane,
  type LaneBand,
  type RowFilter,
  type Segment,
  type Viewport,
} from './geometry';

const INK = '#101828';
const SOFT = '#3b4558';
const GROUP_FILL: Record<string, string> = { A: 'rgba(31,79,191,0.13)', B: 'rgba(179,92,0,0.16)', C: 'rgba(20,108,46,0.15)', D: 'rgba(138,28,124,0.14)' };
const GROUP_INK: Record<string, string> = { A: '#14306e', B: '#6b3700', C: '#0d4a1f', D: '#5e1254' };
/** Beyond this many messages in view, arrowheads and labels are left out. */
const DETAIL_LIMIT = 4_000;

export interface DiagramScene {
  index: RecordingIndex;
  filter: RowFilter;
  bands: LaneBand[];
  kindStyle(kind: string): KindStyle;
  scale: number;
}

export interface DrawFigures {
  rows: number;
  delivered: number;
  dropped: Record<(typeof DROP_REASONS)[number], number>;
  other: number;
  ms: number;
}

export function drawBase(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): DrawFigures {
  const start = performance.now();
  const { index } = scene;
  ctx.clearRect(0, 0, v.width, v.height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, v.width, v.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(v.gutter, v.axis, v.width - v.gutter, v.height - v.axis);
  ctx.clip();
  drawLanes(ctx, v, scene);
  drawBands(ctx, v, scene);
  drawRoundsAndFaults(ctx, v, scene);
  drawLaneLines(ctx, v, scene);
  const figures = drawMessages(ctx, v, scene);
  drawMarks(ctx, v, scene);
  ctx.restore();
  drawAxis(ctx, v, scene);
  ctx.save();
  ctx.beginPath();
  ctx.rect(v.gutter, 0, v.width - v.gutter, v.axis);
  ctx.clip();
  drawRoomMarks(ctx, v, scene);
  ctx.restore();
  drawGutter(ctx, v, scene);
  figures.ms = performance.now() - start;
  return figures;
}

function font(scene: DiagramScene, px: number, weight = 600): string {
  return `${weight} ${Math.round(px * scene.scale)}px system-ui, sans-serif`;
}

function drawLanes(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  for (let lane = 0; lane < scene.index.nodes.length; lane++) {
    const y = yOfLane(v, lane);
    if (y === null || y < v.axis - v.laneH || y > v.height + v.laneH) continue;
    if (v.slots[lane]! % 2 === 1) {
      ctx.fillStyle = '#f6f7fb';
      ctx.fillRect(v.gutter, y - v.laneH / 2, v.width - v.gutter, v.laneH);
    }
  }
}

function drawBands(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  ctx.font = font(scene, 11, 700);
  for (const b of scene.bands) {
    if (b.t1 < v.t0 || b.t0 > v.t1) continue;
    const y = yOfLane(v, b.lane);
    if (y === null) continue;
    const x0 = Math.max(v.gutter, xOf(v, b.t0));
    const x1 = Math.min(v.width, xOf(v, b.t1));
    const top = y - v.laneH / 2 + 1;
    const h = v.laneH - 2;
    if (b.group !== null) {
      ctx.fillStyle = GROUP_FILL[b.group] ?? 'rgba(95,61,196,0.13)';
      ctx.fillRect(x0, top, x1 - x0, h);
      if (x1 - x0 > 46 && v.laneH >= 18) {
        ctx.fillStyle = GROUP_INK[b.group] ?? '#3b2a86';
        ctx.fillText(`group ${b.group}`, x0 + 4, top + Math.min(h - 3, 12 * scene.scale));
      }
    }
    if (b.crashed) {
      // Crashed: grey hatching, and the word.
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, top, x1 - x0, h);
      ctx.clip();
      ctx.fillStyle = 'rgba(91,100,117,0.22)';
      ctx.fillRect(x0, top, x1 - x0, h);
      ctx.strokeStyle = 'rgba(16,24,40,0.35)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let x = x0 - h; x < x1; x += 8) {
        ctx.moveTo(x, top + h);
        ctx.lineTo(x + h, top);
      }
      ctx.stroke();
      ctx.restore();
      if (x1 - x0 > 56 && v.laneH >= 18) {
        ctx.fillStyle = INK;
        ctx.fillText('crashed', x0 + 4, top + h - 3);
      }
    }
  }
}

function drawRoundsAndFaults(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  const bottom = v.height;
  ctx.save();
  for (const r of scene.index.rounds) {
    const lines: [number, number[]][] = [
      [r.startT, []],
      [r.endT, [6, 4]],
    ];
    for (const [t, dash] of lines) {
      if (t < v.t0 || t > v.t1) continue;
      const x = xOf(v, t);
      ctx.strokeStyle = INK;
      ctx.lineWidth = 2;
      ctx.setLineDash(dash);
      ctx.beginPath();
      ctx.moveTo(x, v.axis);
      ctx.lineTo(x, bottom);
      ctx.stroke();
    }
  }
  ctx.setLineDash([4, 4]);
  ctx.strokeStyle = '#b35c00';
  ctx.lineWidth = 1.5;
  for (const f of scene.index.faults) {
    if (f.idx < 0 || f.t < v.t0 || f.t > v.t1) continue;
    const x = xOf(v, f.t);
    ctx.beginPath();
    ctx.moveTo(x, v.axis);
    ctx.lineTo(x, bottom);
    ctx.stroke();
  }
  ctx.restore();
}

function drawLaneLines(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  ctx.save();
  ctx.strokeStyle = '#667085';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (const n of scene.index.nodes) {
    const y = yOfLane(v, n.lane);
    if (y === null || y < v.axis || y > v.height) continue;
    const a = Math.max(v.t0, n.joinedAt);
    const b = Math.min(v.t1, n.goneAt ?? Number.POSITIVE_INFINITY);
    if (b <= a) continue;
    ctx.moveTo(xOf(v, a), y);
    ctx.lineTo(xOf(v, b), y);
  }
  ctx.stroke();
  ctx.restore();
}

function drawMessages(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): DrawFigures {
  const m = scene.index.messages;
  const figures: DrawFigures = { rows: 0, delivered: 0, dropped: { crashed: 0, partition: 0, loss: 0 }, other: 0, ms: 0 };
  const [lo, hi] = candidateRows(m, v.t0, v.t1);
  const byKind = new Map<number, number[]>();
  const drops: number[] = [];
  const open: number[] = [];
  for (let k = lo; k < hi; k++) {
    if (!crosses(m, k, v.t0, v.t1) || !rowShown(m, k, scene.filter)) continue;
    figures.rows++;
    const s = m.status[k]!;
    if (s === MSG.delivered) {
      figures.delivered++;
      let list = byKind.get(m.kind[k]!);
      if (!list) byKind.set(m.kind[k]!, (list = []));
      list.push(k);
    } else if (s === MSG.droppedAtSend || s === MSG.droppedInFlight) {
      figures.dropped[DROP_REASONS[m.reason[k]!] ?? 'loss']++;
      drops.push(k);
    } else {
      figures.other++;
      open.push(k);
    }
  }
  const detail = figures.rows <= DETAIL_LIMIT;
  ctx.save();
  ctx.lineCap = 'round';
  // Delivered: one path per kind, in the kind's colour.
  for (const [kind, rows] of byKind) {
    const style = scene.kindStyle(scene.index.kinds[kind]!);
    ctx.strokeStyle = style.color;
    ctx.fillStyle = style.color;
    ctx.globalAlpha = detail ? 0.9 : 0.55;
    ctx.lineWidth = detail ? 1.6 : 1;
    ctx.beginPath();
    const heads: Segment[] = [];
    for (const k of rows) {
      const seg = segmentOf(v, m, k);
      if (!seg) continue;
      ctx.moveTo(seg.x0, seg.y0);
      ctx.lineTo(seg.x1, seg.y1);
      if (detail) heads.push(seg);
    }
    ctx.stroke();
    if (detail) {
      ctx.beginPath();
      for (const seg of heads) arrowHead(ctx, seg, 7 * scene.scale);
      ctx.fill();
      ctx.beginPath();
      for (const seg of heads) ctx.rect(seg.x0 - 1.5, seg.y0 - 1.5, 3, 3);
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  // Still travelling when the recording stops, or lost with the round: grey, dashed.
  ctx.strokeStyle = '#667085';
  ctx.setLineDash([3, 4]);
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  for (const k of open) {
    const seg = segmentOf(v, m, k);
    if (!seg) continue;
    ctx.moveTo(seg.x0, seg.y0);
    ctx.lineTo(seg.x1, seg.y1);
  }
  ctx.stroke();
  ctx.setLineDash([]);
  // Dropped: the path in the reason's colour, ending in its shape (✕ cut, ○ lost, ■ crashed).
  for (const [reasonIndex, reason] of DROP_REASONS.entries()) {
    const style = DROP_STYLE[reason];
    ctx.strokeStyle = style.color;
    ctx.fillStyle = style.color;
    ctx.lineWidth = 1.6;
    ctx.setLineDash([5, 3]);
    ctx.beginPath();
    const ends: Segment[] = [];
    for (const k of drops) {
      if (m.reason[k] !== reasonIndex) continue;
      const seg = segmentOf(v, m, k);
      if (!seg) continue;
      ctx.moveTo(seg.x0, seg.y0);
      ctx.lineTo(seg.x1, seg.y1);
      ends.push(seg);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 2.4;
    const r = (detail ? 5 : 3.5) * scene.scale;
    ctx.beginPath();
    for (const seg of ends) dropMark(ctx, seg.x1, seg.y1, reason, r);
    if (reason === 'crashed') ctx.fill();
    else ctx.stroke();
  }
  ctx.restore();
  return figures;
}

/**
 * Adds the shape of a drop reason to the current path, so colour is never the only signal:
 * a cross for a cut, a ring for a loss, a square (filled by the caller) for a crashed node.
 */
export function dropMark(ctx: CanvasRenderingContext2D, x: number, y: number, reason: (typeof DROP_REASONS)[number], r: number): void {
  if (reason === 'partition') {
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r);
    ctx.lineTo(x - r, y + r);
  } else if (reason === 'loss') {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
  } else {
    ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  }
}

function arrowHead(ctx: CanvasRenderingContext2D, s: Segment, size: number): void {
  const len = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
  if (len < size * 1.6) return;
  const a = Math.atan2(s.y1 - s.y0, s.x1 - s.x0);
  ctx.moveTo(s.x1, s.y1);
  ctx.lineTo(s.x1 - size * Math.cos(a - 0.45), s.y1 - size * Math.sin(a - 0.45));
  ctx.lineTo(s.x1 - size * Math.cos(a + 0.45), s.y1 - size * Math.sin(a + 0.45));
  ctx.closePath();
}

/** The games' marks on a node's lane (a diamond, and its words where there is room). */
function drawMarks(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  const inView: { x: number; y: number; mark: MarkInfo }[] = [];
  for (const mk of scene.index.marks) {
    if (mk.t < v.t0 || mk.t > v.t1 || mk.node === undefined) continue;
    const lane = scene.index.laneOf.get(mk.node);
    const y = lane === undefined ? null : yOfLane(v, lane);
    if (y === null || y < v.axis - v.laneH || y > v.height + v.laneH) continue;
    inView.push({ x: xOf(v, mk.t), y, mark: mk });
  }
  const r = Math.max(4, Math.min(7, v.laneH / 4)) * scene.scale;
  ctx.save();
  ctx.fillStyle = INK;
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (const { x, y } of inView) diamond(ctx, x, y, r);
  ctx.fill();
  ctx.stroke();
  // Words second, over the shapes, never closer than a label's width on the same lane.
  if (inView.length <= 400 && v.laneH >= 18) labels(ctx, scene, inView.map(({ x, y, mark }) => ({ x: x + r + 3, y, text: mark.label, key: mark.node! })));
  ctx.restore();
}

/** Marks for the whole room (a phase, an outcome): in the axis's bottom row. */
function drawRoomMarks(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  const y = v.axis - 9 * scene.scale;
  const r = 5 * scene.scale;
  const inView = scene.index.marks.filter((mk) => mk.node === undefined && mk.t >= v.t0 && mk.t <= v.t1);
  ctx.save();
  ctx.fillStyle = '#5f3dc4';
  ctx.beginPath();
  for (const mk of inView) diamond(ctx, xOf(v, mk.t), y, r);
  ctx.fill();
  if (inView.length <= 400) labels(ctx, scene, inView.map((mk) => ({ x: xOf(v, mk.t) + r + 3, y, text: mk.label, key: '*' })), '#3b2a86');
  ctx.restore();
}

function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
}

function labels(ctx: CanvasRenderingContext2D, scene: DiagramScene, items: { x: number; y: number; text: string; key: string }[], color = INK): void {
  ctx.font = font(scene, 12, 700);
  const freeFrom = new Map<string, number>();
  for (const it of items) {
    if (it.x < (freeFrom.get(it.key) ?? -Infinity)) continue;
    const text = truncate(it.text, 30);
    const w = ctx.measureText(text).width;
    ctx.fillStyle = 'rgba(255,255,255,0.9)';
    ctx.fillRect(it.x - 1, it.y - 8 * scene.scale, w + 4, 15 * scene.scale);
    ctx.fillStyle = color;
    ctx.fillText(text, it.x + 1, it.y + 4 * scene.scale);
    freeFrom.set(it.key, it.x + w + 12);
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  ctx.save();
  ctx.fillStyle = '#eef1f6';
  ctx.fillRect(0, 0, v.width, v.axis);
  ctx.strokeStyle = '#c9cfdb';
  ctx.beginPath();
  ctx.moveTo(0, v.axis + 0.5);
  ctx.lineTo(v.width, v.axis + 0.5);
  ctx.stroke();
  const { step, ticks } = timeTicks(v.t0, v.t1, v.width - v.gutter);
  ctx.font = font(scene, 12, 600);
  ctx.fillStyle = SOFT;
  ctx.strokeStyle = '#98a2b3';
  for (const t of ticks) {
    const x = xOf(v, t);
    if (x < v.gutter) continue;
    ctx.beginPath();
    ctx.moveTo(x, 20 * scene.scale);
    ctx.lineTo(x, 35 * scene.scale);
    ctx.stroke();
    ctx.fillText(formatClock(t, step), x + 3, 31 * scene.scale);
  }
  // Round starts and fault changes, named where there is room.
  ctx.font = font(scene, 12, 800);
  let lastX = -Infinity;
  const items = [
    ...scene.index.rounds.map((r) => ({ t: r.startT, text: `▶ Round ${r.index}: ${r.game}`, color: INK })),
    ...scene.index.faults.filter((f) => f.idx >= 0).map((f) => ({ t: f.t, text: `⚡ ${f.text}`, color: '#8a4500' })),
  ].sort((a, b) => a.t - b.t);
  for (const it of items) {
    if (it.t < v.t0 || it.t > v.t1) continue;
    const x = xOf(v, it.t);
    if (x - lastX < 12) continue;
    ctx.fillStyle = it.color;
    const text = truncate(it.text, 36);
    ctx.fillText(text, x + 3, 14 * scene.scale);
    lastX = x + ctx.measureText(text).width;
  }
  ctx.restore();
}

function drawGutter(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, v.axis, v.gutter, v.height - v.axis);
  ctx.strokeStyle = '#c9cfdb';
  ctx.beginPath();
  ctx.moveTo(v.gutter - 0.5, 0);
  ctx.lineTo(v.gutter - 0.5, v.height);
  ctx.stroke();
  ctx.beginPath();
  ctx.rect(0, v.axis, v.gutter, v.height - v.axis);
  ctx.clip();
  const size = Math.min(15, Math.max(11, v.laneH * 0.55));
  for (const n of scene.index.nodes) {
    const y = yOfLane(v, n.lane);
    if (y === null || y < v.axis - v.laneH || y > v.height + v.laneH) continue;
    ctx.font = font(scene, size, 700);
    ctx.fillStyle = INK;
    const tag = n.kind === 'bot' ? ' ⚙' : '';
    ctx.fillText(truncate(n.nickname, 14) + tag, 8, y + size * 0.35 * scene.scale);
  }
  ctx.restore();
}

export interface OverlayInput {
  hovered: number | null;
  selected: number | null;
  scene: DiagramScene;
}

/** The hovered and the selected message, over the base layer (the playhead is a DOM element). */
export function drawOverlay(ctx: CanvasRenderingContext2D, v: Viewport, o: OverlayInput): void {
  ctx.clearRect(0, 0, v.width, v.height);
  const m = o.scene.index.messages;
  ctx.save();
  ctx.beginPath();
  ctx.rect(v.gutter, v.axis, v.width - v.gutter, v.height - v.axis);
  ctx.clip();
  for (const [row, width, color] of [
    [o.selected, 5, '#1f4fbf'],
    [o.hovered, 4, '#101828'],
  ] as const) {
    if (row === null || row >= m.count) continue;
    const seg = segmentOf(v, m, row);
    if (!seg) continue;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = width + 4;
    ctx.beginPath();
    ctx.moveTo(seg.x0, seg.y0);
    ctx.lineTo(seg.x1, seg.y1);
    ctx.stroke();
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(seg.x0, seg.y0);
    ctx.lineTo(seg.x1, seg.y1);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(seg.x1, seg.y1, width + 2, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.restore();
}

function truncate(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s;
}
