// Painting the space-time diagram on a canvas: only the visible window, lines batched by
// colour. The base layer (lanes, partitions, messages, marks, axis) is redrawn when the view
// changes; the overlay (playhead, the future greyed, hover and selection) every frame.

import { drawMarks, drawMessages, drawRoomMarks, font, INK, truncate } from './drawTraffic';
import type { DiagramScene, DrawFigures } from './diagramScene';
import { cell, formatClock, segmentOf, timeTicks, xOf, yOfLane, type Viewport } from './geometry';

const SOFT = '#3b4558';
const GROUP_FILL: Record<string, string> = {
  A: 'rgba(31,79,191,0.13)',
  B: 'rgba(179,92,0,0.16)',
  C: 'rgba(20,108,46,0.15)',
  D: 'rgba(138,28,124,0.14)',
};
const GROUP_INK: Record<string, string> = { A: '#14306e', B: '#6b3700', C: '#0d4a1f', D: '#5e1254' };

export function drawBase(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): DrawFigures {
  const start = performance.now();
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

function drawLanes(ctx: CanvasRenderingContext2D, v: Viewport, scene: DiagramScene): void {
  for (let lane = 0; lane < scene.index.nodes.length; lane++) {
    const y = yOfLane(v, lane);
    if (y === null || y < v.axis - v.laneH || y > v.height + v.laneH) continue;
    if (cell(v.slots, lane) % 2 === 1) {
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
        ctx.fillText(scene.words.group(b.group), x0 + 4, top + Math.min(h - 3, 12 * scene.scale));
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
        ctx.fillText(scene.words.crashed, x0 + 4, top + h - 3);
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
    ...scene.index.rounds.map((r) => ({ t: r.startT, text: `▶ ${scene.words.round(r.index, r.game)}`, color: INK })),
    ...scene.index.faults.filter((f) => f.idx >= 0).map((f) => ({ t: f.t, text: `⚡ ${scene.words.fault(f)}`, color: '#8a4500' })),
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
