import { describe, expect, it } from 'vitest';
import { defaultFaults, applyFaultOp } from '../../../shared/net/faults';
import { MSG, RecordingIndex, type FaultChange } from '../../../shared/replay/recordingIndex';
import { synthesize } from '../../../test/support/synthetic';
import { parseRecording } from '../../../shared/session/recording';
import {
  candidateRows,
  clampWindow,
  crosses,
  fitLaneHeight,
  follow,
  formatClock,
  hitRow,
  laneAt,
  laneBands,
  laneSlots,
  maxScrollY,
  panBy,
  partitionPeriods,
  rowShown,
  segmentOf,
  SEND_DROP_REACH,
  tOf,
  timeTicks,
  xOf,
  yOfLane,
  zoomAt,
  type Viewport,
} from './geometry';
import { GAMES } from '../../../test/support/games';

function viewport(over: Partial<Viewport> = {}, lanes = 4, hidden = new Set<number>()): Viewport {
  const { slots, count } = laneSlots(lanes, hidden);
  return { t0: 0, t1: 1000, width: 1100, height: 400, gutter: 100, axis: 40, laneH: 50, scrollY: 0, slots, slotCount: count, ...over };
}

const index = RecordingIndex.from(
  parseRecording(synthesize({ events: 2_000, nodes: 5, loss: 0.15, splitEveryMs: 400, seed: 3 }).text),
  GAMES,
);
const noFilter = { hiddenLanes: new Set<number>(), hiddenKinds: new Set<number>() };

describe('diagram geometry: where things are', () => {
  it('maps time to x and back, lanes to rows, skipping filtered lanes', () => {
    const v = viewport();
    expect(xOf(v, 0)).toBe(100);
    expect(xOf(v, 1000)).toBe(1100);
    expect(tOf(v, xOf(v, 437))).toBeCloseTo(437);
    expect(yOfLane(v, 0)).toBe(65);
    expect(yOfLane(v, 3)).toBe(215);
    const filtered = viewport({}, 4, new Set([1]));
    expect(yOfLane(filtered, 1)).toBeNull();
    expect(yOfLane(filtered, 2)).toBe(115);
    expect(laneAt(filtered, 120)).toBe(2);
    expect(laneAt(filtered, 10)).toBe(-1);
    expect(laneAt(viewport({ scrollY: 50 }), 65)).toBe(1);
  });

  it('fits lanes to the height within readable bounds, and scrolls when they do not fit', () => {
    expect(fitLaneHeight(440, 40, 4)).toBe(56);
    expect(fitLaneHeight(440, 40, 20)).toBe(20);
    expect(fitLaneHeight(440, 40, 300)).toBe(16);
    expect(maxScrollY({ height: 440, axis: 40, laneH: 16, slotCount: 300 })).toBe(40 + 300 * 16 - 440);
    expect(maxScrollY({ height: 440, axis: 40, laneH: 56, slotCount: 4 })).toBe(0);
  });

  it('draws a delivered message from its send to its arrival, a drop at send as a stub 40% of the way', () => {
    const m = index.messages;
    const v = viewport({ t0: 0, t1: index.duration }, index.nodes.length);
    const delivered = m.status.indexOf(MSG.delivered);
    const seg = segmentOf(v, m, delivered)!;
    expect(seg).toMatchObject({
      end: 'arrow',
      x0: xOf(v, m.sendT[delivered]!),
      x1: xOf(v, m.endT[delivered]!),
      y0: yOfLane(v, m.from[delivered]!),
      y1: yOfLane(v, m.to[delivered]!),
    });
    const cut = m.status.indexOf(MSG.droppedAtSend);
    const stub = segmentOf(v, m, cut)!;
    const y0 = yOfLane(v, m.from[cut]!)!;
    const y1 = yOfLane(v, m.to[cut]!)!;
    expect(stub.end).toBe('drop');
    expect(stub.y1).toBeCloseTo(y0 + (y1 - y0) * SEND_DROP_REACH);
  });

  it('finds every message crossing a window among the candidate rows, none outside them', () => {
    const m = index.messages;
    const t0 = index.duration * 0.3;
    const t1 = index.duration * 0.45;
    const [lo, hi] = candidateRows(m, t0, t1);
    const inside = new Set<number>();
    for (let k = lo; k < hi; k++) if (crosses(m, k, t0, t1)) inside.add(k);
    for (let k = 0; k < m.count; k++) expect(crosses(m, k, t0, t1)).toBe(inside.has(k));
    expect(inside.size).toBeGreaterThan(10);
  });

  it('hits the message under the pointer, and nothing far from any, respecting filters', () => {
    const m = index.messages;
    const v = viewport({ t0: 0, t1: index.duration, width: 4000 }, index.nodes.length);
    const k = m.status.findIndex((s, i) => s === MSG.delivered && m.endT[i]! - m.sendT[i]! > 20);
    const s = segmentOf(v, m, k)!;
    const hit = hitRow(v, m, noFilter, (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2);
    expect(hit).not.toBeNull();
    const hs = segmentOf(v, m, hit!)!;
    expect(Math.abs((hs.x0 + hs.x1) / 2 - (s.x0 + s.x1) / 2) + Math.abs((hs.y0 + hs.y1) / 2 - (s.y0 + s.y1) / 2)).toBeLessThan(60);
    expect(hitRow(v, m, noFilter, 50, 10)).toBeNull();
    const hideKind = { hiddenLanes: new Set<number>(), hiddenKinds: new Set([m.kind[k]!]) };
    expect(rowShown(m, k, hideKind)).toBe(false);
    expect(hitRow(v, m, hideKind, (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2)).toBeNull();
  });
});

describe('diagram geometry: time', () => {
  it('formats session time, finer when zoomed in', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_432)).toBe('1:05');
    expect(formatClock(65_432, 100)).toBe('1:05.4');
    expect(formatClock(65_432, 1)).toBe('1:05.432');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });

  it('puts round-numbered ticks about 90 px apart', () => {
    expect(timeTicks(0, 10_000, 900)).toEqual({ step: 1_000, ticks: [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000] });
    expect(timeTicks(1_234, 1_300, 1000).step).toBe(10);
    expect(timeTicks(0, 3_600_000, 1000).step).toBe(600_000);
  });

  it('zooms around the pointer, pans, and keeps the window inside the session', () => {
    const v = viewport({ t0: 0, t1: 1000 });
    const z = zoomAt(v, 0.5, xOf(v, 400), 10_000);
    expect(z.t1 - z.t0).toBeCloseTo(500);
    expect(z.t0).toBeCloseTo(200);
    expect(panBy(v, 100, 10_000).t0).toBeLessThan(0);
    expect(panBy(v, -1000, 10_000)).toEqual({ t0: 1000, t1: 2000 });
    const tiny = clampWindow(500, 500.5, 10_000);
    expect(tiny.t1 - tiny.t0).toBe(20);
    const huge = clampWindow(-1e9, 1e9, 10_000);
    expect(huge.t0).toBeGreaterThanOrEqual(-200);
    expect(huge.t1).toBeLessThanOrEqual(10_200);
  });

  it('follows the playhead by pages, not every frame', () => {
    expect(follow(0, 1000, 500, 10_000)).toBeNull();
    expect(follow(0, 1000, 1200, 10_000)).toEqual({ t0: 1100, t1: 2100 });
    expect(follow(2000, 3000, 500, 10_000)).toEqual({ t0: 400, t1: 1400 });
  });
});

describe('partitions and crashes on the lanes', () => {
  const f0 = defaultFaults();
  const f1 = applyFaultOp(f0, { op: 'split', groups: [['n1', 'n2'], ['n3']] });
  const f2 = applyFaultOp(f1, { op: 'crash', nodes: ['n2'] });
  const f3 = applyFaultOp(f2, { op: 'heal' });
  const changes: FaultChange[] = [
    { idx: -1, t: 0, text: 'initial network', faults: f0 },
    { idx: 5, t: 100, text: 'split', faults: f1 },
    { idx: 9, t: 300, text: 'crash', faults: f2 },
    { idx: 12, t: 600, text: 'heal', faults: f3 },
  ];

  it('shades each lane with its group while the network is split, and crashed periods', () => {
    const bands = laneBands(changes, ['n1', 'n2', 'n3'], 1000);
    expect(bands).toEqual(
      expect.arrayContaining([
        { lane: 0, t0: 100, t1: 600, group: 'A', crashed: false },
        { lane: 1, t0: 100, t1: 300, group: 'A', crashed: false },
        { lane: 1, t0: 300, t1: 600, group: 'A', crashed: true },
        { lane: 2, t0: 100, t1: 600, group: 'B', crashed: false },
      ]),
    );
    // After the heal n2 stays crashed (heal only mends the partition).
    expect(bands.find((b) => b.lane === 1 && b.t0 === 600)).toEqual({ lane: 1, t0: 600, t1: 1000, group: null, crashed: true });
    expect(partitionPeriods(changes, 1000).map(({ t0, t1 }) => [t0, t1])).toEqual([[100, 600]]);
  });
});
