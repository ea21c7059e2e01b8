import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/simulate';
import type { CartTrial } from './sim';
import { GAMES } from '../../../test/support/games';

const sim = (args: string) => simulate(['--game', 'cart', ...args.split(' ')], GAMES);
const SPLIT = '--nodes 5 --trials 6 --seed 4 --partition 2,3@1000 --heal @5000 --shop-until 5000 --latency 10-60';

describe('cart: simulator [C17]', () => {
  it('[C17] each trial gives writes attempted / accepted / refused, lost updates, converged and the time to converge after the heal; the summary their means', () => {
    const out = sim(`${SPLIT} --mode quorum`);
    expect(out.game).toBe('cart');
    expect(out.trials).toHaveLength(6);
    for (const t of out.trials as CartTrial[]) {
      expect(t.attempted).toBe(t.accepted + t.refused);
      expect(t.duringSplit.refused).toBeGreaterThan(0);
      expect(t.lost).toBe(0);
      expect(t.converged).toBe(true);
      expect(t.convergeMs).not.toBeNull();
      expect(t.availability).toBeLessThan(1);
    }
    expect(out.summary).toMatchObject({ mode: 'quorum', nodes: 5, trials: 6, lost: 0, converged: 6 });
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('[C17] lww and crdt accept every write during the split; lww loses some, crdt none; both converge after the heal', () => {
    const lww = sim(`${SPLIT} --mode lww`);
    const crdt = sim(`${SPLIT} --mode crdt`);
    expect(lww.summary).toMatchObject({ availability: 1, converged: 6 });
    expect(crdt.summary).toMatchObject({ availability: 1, converged: 6, lost: 0 });
    expect(lww.summary.lost).toBeGreaterThan(0);
  });

  it('[C17] bad flags are explained', () => {
    expect(() => sim('--mode majority')).toThrow(/--mode must be one of: quorum, lww, crdt/);
    expect(() => sim('--sync-ms 0')).toThrow(/--sync-ms/);
  });
});
