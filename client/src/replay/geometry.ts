// The space-time diagram's geometry, apart from any canvas: one lane per node (rows, time
// running rightwards), where an instant and a lane are on screen, which messages cross the
// visible window, what is under the pointer, time-axis ticks, zoom and pan, and the periods
// during which each node sat in a partition group or was crashed. Pure, so it is unit-tested.

import { groupOf, isPartitioned, type Faults } from '../../../shared/net/faults';
import { isCrashed } from '../../../shared/net/network';
import { lowerBound, MSG, upperBound, type FaultChange, type MessageTable } from '../../../shared/replay/recordingIndex';
import { must } from '../../../shared/must';

export interface Viewport {
  /** The time window shown (ms since the session started). */
  t0: number;
  t1: number;
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  /** Left column with the node names. */
  gutter: number;
  /** Height of the time axis at the top. */
  axis: number;
  laneH: number;
  /** Lanes scrolled off the top (px). */
  scrollY: number;
  /** Lane index → slot on screen (-1: hidden by the filter). */
  slots: Int32Array;
  /** Visible slots. */
  slotCount: number;
}

export const MIN_SPAN_MS = 20;

/** One cell of the message table: every row below `m.count` has one in every column. */
export function cell(column: ArrayLike<number>, row: number): number {
  return must(column[row], 'a message table row');
}

export function xOf(v: Viewport, t: number): number {
  return v.gutter + ((t - v.t0) / (v.t1 - v.t0)) * (v.width - v.gutter);
}

export function tOf(v: Viewport, x: number): number {
  return v.t0 + ((x - v.gutter) / (v.width - v.gutter)) * (v.t1 - v.t0);
}

/** Centre line of a lane, or null when the lane is filtered out. */
export function yOfLane(v: Viewport, lane: number): number | null {
  // A lane outside the table (-1: a node that never joined) has no slot.
  const slot = v.slots[lane] ?? -1;
  if (slot < 0) return null;
  return v.axis + slot * v.laneH + v.laneH / 2 - v.scrollY;
}

/** The lane under a y coordinate, or -1. */
export function laneAt(v: Viewport, y: number): number {
  const slot = Math.floor((y - v.axis + v.scrollY) / v.laneH);
  if (y < v.axis || slot < 0 || slot >= v.slotCount) return -1;
  for (let lane = 0; lane < v.slots.length; lane++) if (v.slots[lane] === slot) return lane;
  return -1;
}

/** Slots for the lanes that pass the filter, in lane order. */
export function laneSlots(lanes: number, hidden: ReadonlySet<number>): { slots: Int32Array; count: number } {
  const slots = new Int32Array(lanes).fill(-1);
  let count = 0;
  for (let lane = 0; lane < lanes; lane++) if (!hidden.has(lane)) slots[lane] = count++;
  return { slots, count };
}

/** Lane height that fits the lanes in the canvas, within readable bounds. */
export function fitLaneHeight(height: number, axis: number, slots: number, min = 16, max = 56): number {
  if (slots <= 0) return max;
  return Math.max(min, Math.min(max, Math.floor((height - axis) / slots)));
}

/** The largest scroll that still shows the last lane. */
export function maxScrollY(v: Pick<Viewport, 'height' | 'axis' | 'laneH' | 'slotCount'>): number {
  return Math.max(0, v.axis + v.slotCount * v.laneH - v.height);
}

/**
 * Rows that may cross [t0, t1]: rows are in send order, and none lasts longer than
 * `maxSpan`, so they lie in one contiguous range; `crosses` then checks each.
 */
export function candidateRows(m: MessageTable, t0: number, t1: number): [number, number] {
  const sendT = m.sendT.subarray(0, m.count);
  return [lowerBound(sendT, t0 - m.maxSpan), upperBound(sendT, t1)];
}

export function crosses(m: MessageTable, k: number, t0: number, t1: number): boolean {
  return cell(m.sendT, k) <= t1 && cell(m.endT, k) >= t0;
}

export interface RowFilter {
  hiddenLanes: ReadonlySet<number>;
  hiddenKinds: ReadonlySet<number>;
}

/** A row is shown when both its ends' lanes and its kind pass the filter. */
export function rowShown(m: MessageTable, k: number, f: RowFilter): boolean {
  const from = cell(m.from, k);
  const to = cell(m.to, k);
  return !f.hiddenKinds.has(cell(m.kind, k)) && !f.hiddenLanes.has(from) && !f.hiddenLanes.has(to) && from >= 0 && to >= 0;
}

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Where the message ends: an arrowhead (delivered) or a drop mark. */
  end: 'arrow' | 'drop' | 'open';
}

/** How far towards the receiver a message dropped at send is drawn (a stub, then the cut). */
export const SEND_DROP_REACH = 0.4;
/** Width of a stub for a message dropped at send (it took no time). */
export const SEND_DROP_STUB_PX = 14;

/**
 * Screen segment of a row: from (send, sender lane) to (arrival, receiver lane). A message
 * dropped at send is a short slanted stub that stops 40% of the way to the receiver; one
 * dropped on arrival stops at the receiver's lane; a cancelled or still-travelling one stops
 * where it was when its round ended or the recording stops.
 */
export function segmentOf(v: Viewport, m: MessageTable, k: number): Segment | null {
  const y0 = yOfLane(v, cell(m.from, k));
  const y1 = yOfLane(v, cell(m.to, k));
  if (y0 === null || y1 === null) return null;
  const x0 = xOf(v, cell(m.sendT, k));
  const status = cell(m.status, k);
  if (status === MSG.droppedAtSend) {
    return { x0, y0, x1: x0 + SEND_DROP_STUB_PX, y1: y0 + (y1 - y0) * SEND_DROP_REACH, end: 'drop' };
  }
  const x1 = xOf(v, cell(m.endT, k));
  if (status === MSG.delivered) return { x0, y0, x1, y1, end: 'arrow' };
  if (status === MSG.droppedInFlight) return { x0, y0, x1, y1, end: 'drop' };
  return { x0, y0, x1, y1, end: 'open' };
}

export function distToSegment(x: number, y: number, s: Segment): number {
  const dx = s.x1 - s.x0;
  const dy = s.y1 - s.y0;
  const len = dx * dx + dy * dy;
  const u = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x0) * dx + (y - s.y0) * dy) / len));
  return Math.hypot(x - (s.x0 + u * dx), y - (s.y0 + u * dy));
}

/** The shown row nearest to (x, y) within `radius` px, or null. Ties go to the later row. */
export function hitRow(v: Viewport, m: MessageTable, f: RowFilter, x: number, y: number, radius = 7): number | null {
  const tA = tOf(v, x - radius - SEND_DROP_STUB_PX);
  const tB = tOf(v, x + radius);
  const [lo, hi] = candidateRows(m, tA, tB);
  let best: number | null = null;
  let bestD = radius;
  for (let k = lo; k < hi; k++) {
    if (!crosses(m, k, tA, tB) || !rowShown(m, k, f)) continue;
    const s = segmentOf(v, m, k);
    if (!s) continue;
    const d = distToSegment(x, y, s);
    if (d <= bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

// ---- time ----

const LONGEST_STEP_MS = 3_600_000;
const STEPS_MS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  1_000,
  2_000,
  5_000,
  10_000,
  15_000,
  30_000,
  60_000,
  120_000,
  300_000,
  600_000,
  900_000,
  1_800_000,
  LONGEST_STEP_MS,
];

/** Session time as m:ss, with tenths or milliseconds when zoomed in that far. */
export function formatClock(ms: number, step = 1_000): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const frac = abs % 1000;
  const base = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  if (step >= 1000) return sign + base;
  if (step >= 100) return `${sign}${base}.${Math.floor(frac / 100)}`;
  return `${sign}${base}.${String(Math.floor(frac)).padStart(3, '0')}`;
}

/** Round-numbered ticks for [t0, t1] about `minPx` apart. */
export function timeTicks(t0: number, t1: number, widthPx: number, minPx = 90): { step: number; ticks: number[] } {
  const span = Math.max(1, t1 - t0);
  const want = (span * minPx) / Math.max(1, widthPx);
  const step = STEPS_MS.find((s) => s >= want) ?? LONGEST_STEP_MS;
  const ticks: number[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1 && ticks.length < 1000; t += step) ticks.push(t);
  return { step, ticks };
}

/** Keeps a window inside the session (a little margin either side) and not narrower than MIN_SPAN_MS. */
export function clampWindow(t0: number, t1: number, duration: number): { t0: number; t1: number } {
  const margin = Math.max(50, duration * 0.02);
  const lo = -margin;
  const hi = Math.max(duration, 1) + margin;
  let span = Math.max(MIN_SPAN_MS, Math.min(t1 - t0, hi - lo));
  if (!Number.isFinite(span)) span = hi - lo;
  let a = t0;
  if (a < lo) a = lo;
  if (a + span > hi) a = hi - span;
  return { t0: a, t1: a + span };
}

/** Zooms by `factor` (< 1 zooms in) keeping the instant under x in place. */
export function zoomAt(v: Viewport, factor: number, x: number, duration: number): { t0: number; t1: number } {
  const anchor = tOf(v, Math.max(v.gutter, Math.min(v.width, x)));
  const t0 = anchor - (anchor - v.t0) * factor;
  const t1 = anchor + (v.t1 - anchor) * factor;
  return clampWindow(t0, t1, duration);
}

/** Moves the window by dx pixels (drag to the right shows earlier times). */
export function panBy(v: Viewport, dx: number, duration: number): { t0: number; t1: number } {
  const dt = (dx / Math.max(1, v.width - v.gutter)) * (v.t1 - v.t0);
  return clampWindow(v.t0 - dt, v.t1 - dt, duration);
}

/**
 * Following the playhead: the window pages forward (or back) when the playhead leaves it,
 * instead of scrolling every frame, so the diagram is redrawn only now and then.
 */
export function follow(t0: number, t1: number, at: number, duration: number): { t0: number; t1: number } | null {
  const span = t1 - t0;
  if (at >= t0 && at <= t1 - span * 0.05) return null;
  return clampWindow(at - span * 0.1, at + span * 0.9, duration);
}

// ---- partitions and crashes ----

export interface LaneBand {
  lane: number;
  t0: number;
  t1: number;
  /** The lane's group while the network was partitioned, or null. */
  group: string | null;
  crashed: boolean;
}

/**
 * Per lane, the periods it spent in a partition group (only while the network was split) or
 * crashed, from the fault changes. Periods with neither are left out.
 */
export function laneBands(faults: readonly FaultChange[], laneIds: readonly string[], duration: number): LaneBand[] {
  const out: LaneBand[] = [];
  const open = new Map<number, LaneBand>();
  const close = (lane: number, t: number) => {
    const b = open.get(lane);
    if (b) {
      b.t1 = t;
      if (b.t1 > b.t0) out.push(b);
      open.delete(lane);
    }
  };
  for (const f of faults) {
    const split = isPartitioned(f.faults);
    laneIds.forEach((id, lane) => {
      const group = split ? groupOf(f.faults, id) : null;
      const crashed = isCrashed(f.faults, id);
      const cur = open.get(lane);
      if (cur && cur.group === group && cur.crashed === crashed) return;
      close(lane, f.t);
      if (group !== null || crashed) open.set(lane, { lane, t0: f.t, t1: duration, group, crashed });
    });
  }
  for (const [lane, band] of [...open]) close(lane, Math.max(duration, band.t0));
  return out.sort((a, b) => a.t0 - b.t0 || a.lane - b.lane);
}

/** The periods during which the network was partitioned at all (for the timeline strip). */
export function partitionPeriods(faults: readonly FaultChange[], duration: number): { t0: number; t1: number; faults: Faults }[] {
  const out: { t0: number; t1: number; faults: Faults }[] = [];
  for (const [i, f] of faults.entries()) {
    if (!isPartitioned(f.faults)) continue;
    const end = faults[i + 1]?.t ?? duration;
    const last = out.at(-1);
    if (last && last.t1 === f.t) last.t1 = end;
    else out.push({ t0: f.t, t1: end, faults: f.faults });
  }
  return out.filter((p) => p.t1 > p.t0 || p.t1 === duration);
}
