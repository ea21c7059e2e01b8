// The space-time diagram's messages and marks: delivered arrows batched by kind, drops in
// their reason's colour and shape, and the games' marks with their words where there is room.

import { DROP_REASONS } from '../../../shared/net/network';
import { MSG, type MarkInfo } from '../../../shared/replay/recordingIndex';
import { DROP_STYLE } from '../map/draw';
import type { DiagramScene, DrawFigures } from './diagramScene';
import { must } from '../../../shared/must';
import { candidateRows, cell, crosses, rowShown, segmentOf, xOf, yOfLane, type Segment, type Viewport } from './geometry';

export const INK = '#101828';
/** Beyond this many messages in view, arrowheads and labels are left out. */
const DETAIL_LIMIT = 4_000;

export function font(scene: DiagramScene, px: number, weight = 600): string {
  return `${weight} ${Math.round(px * scene.scale)}px system-ui, sans-serif`;
}

export function truncate(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s;
}

export function drawMessages(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): DrawFigures {
  const m = scene.index.messages;
  const figures: DrawFigures = { rows: 0, delivered: 0, dropped: { crashed: 0, partition: 0, loss: 0 }, other: 0, ms: 0 };
  const [lo, hi] = candidateRows(m, v.t0, v.t1);
  const byKind = new Map<number, number[]>();
  const drops: number[] = [];
  const open: number[] = [];
  for (let k = lo; k < hi; k++) {
    if (!crosses(m, k, v.t0, v.t1) || !rowShown(m, k, scene.filter)) continue;
    figures.rows++;
    const s = cell(m.status, k);
    if (s === MSG.delivered) {
      figures.delivered++;
      const kind = cell(m.kind, k);
      let list = byKind.get(kind);
      if (!list) {
        list = [];
        byKind.set(kind, list);
      }
      list.push(k);
    } else if (s === MSG.droppedAtSend || s === MSG.droppedInFlight) {
      figures.dropped[DROP_REASONS[cell(m.reason, k)] ?? 'loss']++;
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
    const style = scene.kindStyle(must(scene.index.kinds[kind], 'a message kind'));
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
export function drawMarks(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  const inView: { x: number; y: number; mark: MarkInfo; node: string }[] = [];
  for (const mk of scene.index.marks) {
    if (mk.t < v.t0 || mk.t > v.t1 || mk.node === undefined) continue;
    const lane = scene.index.laneOf.get(mk.node);
    const y = lane === undefined ? null : yOfLane(v, lane);
    if (y === null || y < v.axis - v.laneH || y > v.height + v.laneH) continue;
    inView.push({ x: xOf(v, mk.t), y, mark: mk, node: mk.node });
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
  if (inView.length <= 400 && v.laneH >= 18)
    labels(
      ctx,
      scene,
      inView.map(({ x, y, mark, node }) => ({ x: x + r + 3, y, text: scene.markText(mark), key: node })),
    );
  ctx.restore();
}

/** Marks for the whole room (a phase, an outcome): in the axis's bottom row. */
export function drawRoomMarks(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  const y = v.axis - 9 * scene.scale;
  const r = 5 * scene.scale;
  const inView = scene.index.marks.filter((mk) => mk.node === undefined && mk.t >= v.t0 && mk.t <= v.t1);
  ctx.save();
  ctx.fillStyle = '#5f3dc4';
  ctx.beginPath();
  for (const mk of inView) diamond(ctx, xOf(v, mk.t), y, r);
  ctx.fill();
  if (inView.length <= 400)
    labels(
      ctx,
      scene,
      inView.map((mk) => ({ x: xOf(v, mk.t) + r + 3, y, text: scene.markText(mk), key: '*' })),
      '#3b2a86',
    );
  ctx.restore();
}

function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
}

function labels(
  ctx: CanvasRenderingContext2D,
  scene: DiagramScene,
  items: { x: number; y: number; text: string; key: string }[],
  color = INK,
): void {
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
