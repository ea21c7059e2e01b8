import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { applyFaultOp, defaultFaults } from './faults';
import { planDrill } from './drills';
import { canReach, isCrashed } from './network';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `n${i + 1}`);
const plan = (name: Parameters<typeof planDrill>[0], nodes: string[], leader: string | null = null) => {
  const p = planDrill(name, { nodes, faults: defaultFaults(), leader, rng: createRng(3) });
  if ('error' in p) throw new Error(p.error);
  return applyFaultOp(defaultFaults(), p.op);
};
const sees = (f: ReturnType<typeof plan>, node: string, nodes: string[]) => nodes.filter((m) => canReach(f, node, m)).length;

describe('drills', () => {
  it('halves: the first half (the larger) and the rest cannot talk', () => {
    const f = plan('halves', ids(5));
    expect(sees(f, 'n1', ids(5))).toBe(3);
    expect(sees(f, 'n5', ids(5))).toBe(2);
    expect(canReach(f, 'n1', 'n4')).toBe(false);
  });

  it('isolate a follower: a node other than the leader reaches nobody', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const p = planDrill('isolate-follower', { nodes: ids(5), faults: defaultFaults(), leader: 'n3', rng: createRng(seed) });
      if ('error' in p) throw new Error(p.error);
      expect(p.op).toMatchObject({ op: 'isolate', nodes: [expect.not.stringMatching(/^n3$/)] });
    }
    expect(planDrill('isolate-follower', { nodes: ['n1'], faults: defaultFaults(), leader: 'n1', rng: createRng(1) })).toHaveProperty(
      'error',
    );
  });

  it('isolate the leader: the leader reaches nobody, the rest are whole', () => {
    const f = plan('isolate-leader', ids(5), 'n3');
    expect(sees(f, 'n3', ids(5))).toBe(1);
    expect(sees(f, 'n1', ids(5))).toBe(4);
    expect(planDrill('isolate-leader', { nodes: ids(5), faults: defaultFaults(), leader: null, rng: createRng(1) })).toHaveProperty(
      'error',
    );
  });

  it('bridge: one node in the middle sees both halves, which do not see each other', () => {
    const f = plan('bridge', ids(5));
    expect(sees(f, 'n3', ids(5))).toBe(5);
    expect(canReach(f, 'n1', 'n5')).toBe(false);
    expect(canReach(f, 'n1', 'n3') && canReach(f, 'n5', 'n3')).toBe(true);
  });

  it.each([4, 5, 7, 12, 61, 300])('majorities ring with %i nodes: every node sees a majority, not all the same one', (n) => {
    const nodes = ids(n);
    const f = plan('ring', nodes);
    const majority = Math.floor(n / 2) + 1;
    for (const node of nodes) expect(sees(f, node, nodes)).toBeGreaterThanOrEqual(majority);
    expect(nodes.some((node) => sees(f, node, nodes) < n)).toBe(true);
  });

  it('crash a minority: floor((n-1)/2) nodes crash, a majority stays up', () => {
    const f = plan('kill-minority', ids(7));
    expect(ids(7).filter((n) => isCrashed(f, n))).toHaveLength(3);
  });
});
