import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../shared/protocol/recordingFormat';
import { layout, regionAt } from './layout';
import { progress, TrafficModel } from './traffic';

const sent = (seq: number, id: string, t: number, at: number[] | null, drop?: 'partition' | 'loss' | 'crashed'): SessionEvent =>
  (drop
    ? { seq, t, type: 'envelope:sent', env: { id, from: 'n1', to: 'n2', kind: 'sandbox:text', body: {} }, drop }
    : { seq, t, type: 'envelope:sent', env: { id, from: 'n1', to: 'n2', kind: 'sandbox:text', body: {} }, at: at! }) as SessionEvent;

describe('map traffic', () => {
  it('moves a message from sender to receiver between its send and arrival times', () => {
    const m = new TrafficModel();
    m.ingest([sent(1, 'm1', 100, [300])]);
    const [f] = m.visible(200);
    expect(progress(f!, 200)).toEqual({ t: 0.5, moving: true });
  });

  it('ends a dropped message where it was cut, with its reason', () => {
    const m = new TrafficModel();
    m.ingest([sent(1, 'm1', 0, [1000]), { seq: 2, t: 250, type: 'envelope:dropped', id: 'm1', copy: 0, reason: 'partition' }]);
    const [f] = m.visible(600);
    expect(f!.drop).toEqual({ reason: 'partition', at: 250, fraction: 0.25 });
    expect(progress(f!, 600)).toEqual({ t: 0.25, moving: false });
    m.ingest([sent(3, 'm2', 700, null, 'loss')]);
    expect(m.visible(800).find((x) => x.id === 'm2')!.drop?.reason).toBe('loss');
    expect(m.seen.dropped).toEqual({ crashed: 0, partition: 1, loss: 1 });
  });

  it('marks a duplicate copy and a message that overtook an earlier one', () => {
    const m = new TrafficModel();
    m.ingest([
      sent(1, 'm1', 0, [500]),
      sent(2, 'm2', 10, [100, 400]),
      { seq: 3, t: 100, type: 'envelope:delivered', id: 'm2', copy: 0 },
      { seq: 4, t: 400, type: 'envelope:delivered', id: 'm2', copy: 1 },
      { seq: 5, t: 500, type: 'envelope:delivered', id: 'm1', copy: 0 },
    ]);
    const all = m.visible(500);
    expect(all.find((f) => f.key === 'm2:1')!.duplicate).toBe(true);
    expect(all.find((f) => f.key === 'm1:0')!.overtook).toBe(true);
    expect(all.find((f) => f.key === 'm2:0')!.overtook).toBe(false);
  });

  it('forgets what ended long ago', () => {
    const m = new TrafficModel();
    m.ingest([sent(1, 'm1', 0, [10]), { seq: 2, t: 10, type: 'envelope:delivered', id: 'm1', copy: 0 }]);
    expect(m.visible(100)).toHaveLength(1);
    expect(m.visible(10_000)).toHaveLength(0);
  });
});

describe('map layout', () => {
  const nodes = (groups: string[]) => groups.map((group, i) => ({ id: `n${i + 1}`, group }));

  it('puts partition groups in separate regions and every node inside its own', () => {
    const l = layout(nodes(['A', 'A', 'A', 'B', 'B']), 1000, 600);
    expect(l.regions.map((r) => [r.group, r.count])).toEqual([
      ['A', 3],
      ['B', 2],
    ]);
    for (const [id, p] of l.positions) {
      const region = regionAt(l, p.x, p.y);
      expect(region?.group).toBe(nodes(['A', 'A', 'A', 'B', 'B']).find((n) => n.id === id)!.group);
    }
  });

  it('keeps a node where it was when others join, and fits 300 nodes without overlap', () => {
    const before = layout(nodes(Array(10).fill('A')), 1000, 600).positions.get('n3');
    const after = layout(nodes(Array(11).fill('A')), 1000, 600).positions.get('n3');
    expect(Math.hypot(before!.x - after!.x, before!.y - after!.y)).toBeLessThan(15);
    const big = layout(nodes(Array(300).fill('A')), 1200, 700);
    const pts = [...big.positions.values()];
    let closest = Infinity;
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++) closest = Math.min(closest, Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y));
    expect(closest).toBeGreaterThan(big.radius * 2);
  });
});
