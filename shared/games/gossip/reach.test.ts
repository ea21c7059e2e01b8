import { describe, expect, it } from 'vitest';
import { applyFaultOp, type FaultOp } from '../../net/faults';
import { gossip } from './engine';
import { table } from '../../../test/support/gossip';

/** A game whose origin is n1, with these fault operations applied (and the engine told). */
function withFaults(n: number, mode: 'push' | 'pull' | 'push-pull', ops: FaultOp[]) {
  const t = table(n, { origin: 'n1', mode });
  for (const op of ops) {
    const prev = t.ctx.faults;
    t.ctx.faults = applyFaultOp(prev, op);
    gossip.faultsChanged!(t.state, prev, t.ctx.faults, t.ctx);
  }
  return t;
}

describe('gossip reach', () => {
  it('[G11] a one-way link carries push but not pull (the answer could not come back)', () => {
    const ops: FaultOp[] = [
      {
        op: 'split',
        groups: [
          ['n1', 'n2'],
          ['n3', 'n4'],
        ],
      },
      { op: 'link', from: 'A', to: 'B', open: true },
    ];
    expect(withFaults(4, 'push', ops).state.reach).toMatchObject({ waiting: 3, cut: 0 });
    expect(withFaults(4, 'push-pull', ops).state.reach).toMatchObject({ waiting: 3, cut: 0 });
    const pull = withFaults(4, 'pull', ops);
    expect(pull.state.reach).toMatchObject({ waiting: 1, cut: 2 });
    expect(pull.state.per.n3!.cut).toBe(true);
    // The other direction only: nothing reaches B by push either.
    const back = withFaults(4, 'push', [ops[0]!, { op: 'link', from: 'B', to: 'A', open: true }]);
    expect(back.state.reach).toMatchObject({ waiting: 1, cut: 2 });
  });

  it('[G11] a bridge group relays the rumour, but only while one of its nodes is up', () => {
    const bridge: FaultOp[] = [
      { op: 'split', groups: [['n1', 'n2'], ['n3', 'n4'], ['n5']] },
      { op: 'link', from: 'A', to: 'C', open: true },
      { op: 'link', from: 'C', to: 'B', open: true },
    ];
    expect(withFaults(5, 'push', bridge).state.reach).toMatchObject({ waiting: 4, cut: 0 });
    const down = withFaults(5, 'push', [...bridge, { op: 'crash', nodes: ['n5'] }]);
    expect(down.state.reach).toMatchObject({ live: 4, waiting: 1, cut: 2 });
    expect(down.state.per.n5!.down).toBe('crashed');
  });

  it('[G11] a heal clears the cut flags', () => {
    const t = withFaults(4, 'push', [{ op: 'isolate', nodes: ['n4'] }, { op: 'heal' }]);
    expect(t.state.reach).toMatchObject({ waiting: 3, cut: 0 });
    expect(Object.values(t.state.per).some((p) => p.cut)).toBe(false);
  });
});
