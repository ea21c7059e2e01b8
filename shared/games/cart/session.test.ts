// The cart through the real session core on virtual time: bots on both sides of a 2–3 and a
// 1–4 partition, in every mode, then a heal. What the class should see is what Gilbert and
// Lynch (2002) prove for an asynchronous network that may lose every message between two sides:
// no replicated store is both available (every write to a live replica answered with success)
// and consistent (atomic) there. The quorum stays consistent and refuses the minority's writes;
// LWW and the CRDT accept every write and diverge until the heal; LWW then loses the writes
// that raced, the CRDT none. And the replay (fold of the recording) equals the live state.

import { describe, expect, it } from 'vitest';
import { fold } from '../../session/fold';
import { nodeView } from '../../session/views';
import type { CartResult } from './analysis';
import type { CartMode } from './config';
import { ids, session } from '../../../test/support/cart';
import { GAMES } from '../../../test/support/games';

const PACE = { syncMs: 200, quorumTimeoutMs: 800, botEveryMs: 100, botJitterMs: 200 };

function play(mode: CartMode, minority: number, seed: number) {
  const s = session(5, seed);
  s.core.changeFaults(0, { op: 'latency', base: 10, jitter: 60 });
  s.core.startRound(0, 'cart', { mode, ...PACE, botsStopAt: 9_000 });
  s.runUntil(1_000);
  const small = ids(5).slice(0, minority);
  const big = ids(5).slice(minority);
  s.core.changeFaults(1_000, { op: 'split', groups: [small, big] });
  s.runUntil(9_000);
  const during = structuredClone(s.game()!);
  s.core.changeFaults(9_000, { op: 'heal' });
  s.runUntil(30_000);
  s.core.endRound(30_000);
  const result = s.core.state.rounds.at(-1)!.result as CartResult;
  return { s, during, result };
}

describe('cart through the session core: CAP in the hand', () => {
  for (const minority of [2, 1]) {
    const split = `${minority}–${5 - minority}`;

    it(`[C9][C11][C13] quorum, ${split}: the minority saves nothing, the majority goes on, and after the heal everyone holds the majority's list`, () => {
      const { s, during, result } = play('quorum', minority, 11 + minority);
      expect(during.sides.A!.attempted).toBeGreaterThan(0);
      expect(during.sides.A!.accepted).toBe(0);
      expect(during.sides.B!.accepted).toBeGreaterThan(0);
      expect(result.duringSplit.availability).toBeLessThan(1);
      expect(result.refusedBy['no-majority']).toBeGreaterThan(0);
      expect(result.lost).toBe(0);
      expect(result.converged).toBe(true);
      expect(result.convergeMs).not.toBeNull();
      // Every phone on the minority side was told why ("only k of N voted").
      for (const n of ids(minority)) expect(during.replicas[n]!.refused).toBeGreaterThan(0);
      expect(fold(s.header, s.events, GAMES)).toEqual(s.core.state);
    });

    it.each(['lww', 'crdt'] as const)(
      `[C6][C8][C13] %s, ${split}: both sides accept every write, the lists differ until the heal, then agree`,
      (mode) => {
        const { s, during, result } = play(mode, minority, 21 + minority);
        expect(during.agreeSince).toBeNull();
        expect(during.sides.A!.accepted).toBe(during.sides.A!.attempted);
        expect(during.sides.B!.accepted).toBe(during.sides.B!.attempted);
        expect(result.duringSplit.availability).toBe(1);
        expect(result.converged).toBe(true);
        expect(result.convergeMs).toBeGreaterThan(0);
        if (mode === 'crdt') {
          expect(result.lost).toBe(0);
          const state = s.core.state.lastRound!.engineState as typeof during;
          for (const item of Object.keys(result.final) as (keyof typeof result.final)[]) {
            expect(result.final[item]).toBe(state.writes.filter((w) => w.item === item).reduce((a, w) => a + w.delta, 0));
          }
        } else {
          expect(result.lost).toBeGreaterThan(0);
        }
        expect(fold(s.header, s.events, GAMES)).toEqual(s.core.state);
      },
    );
  }

  it("a phone's ending: after the round every phone's view carries the class's changes and what became of them (lww: some lost)", () => {
    const { s, result } = play('lww', 2, 23);
    const recaps = ids(5).map((n) => nodeView(s.core.state, n, GAMES)?.lastRound?.classRecap);
    const first = recaps[0] as { changes: number; kept: number; lost: number; refused: number; pending: number };
    for (const r of recaps) expect(r).toEqual(first);
    expect(first).toMatchObject({ game: 'cart', mode: 'lww', changes: result.writes.attempted, lost: result.lost });
    expect(first.lost).toBeGreaterThan(0);
    expect(first.kept + first.lost + first.refused + first.pending).toBe(first.changes);
  });

  it('[C13] a crashed replica does not hold the others back from agreeing; restarted, it catches up', () => {
    const s = session(4, 5);
    s.core.startRound(0, 'cart', { mode: 'crdt', ...PACE, botsStopAt: 4_000 });
    s.core.changeFaults(500, { op: 'crash', nodes: ['n4'] });
    s.runUntil(12_000);
    expect(s.game()!.agreeSince).not.toBeNull();
    const agreed = s.game()!.replicas.n1!.digest;
    expect(s.game()!.replicas.n4!.digest).not.toBe(agreed);
    s.core.changeFaults(12_000, { op: 'restart', nodes: ['n4'] });
    s.runUntil(20_000);
    expect(s.game()!.replicas.n4!.digest).toBe(agreed);
    expect(fold(s.header, s.events, GAMES)).toEqual(s.core.state);
  });
});
