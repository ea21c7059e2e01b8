// The gossip game driven through the real session core on virtual time: bots, the network
// model, faults, the recording, and replay (fold) equal to live.

import { describe, expect, it } from 'vitest';
import { fold } from '../../session/fold';
import { nodeView } from '../../session/views';
import type { GossipResult } from './analysis';
import { ids, session } from '../../../test/support/gossip';
import { GAMES } from '../../../test/support/games';

const lastResult = (core: ReturnType<typeof session>['core']) => core.state.rounds.at(-1)?.result as GossipResult | undefined;
const humanPace = { roundMs: 1000, botDelayMs: 50, botJitterMs: 200 };

describe('gossip through the session core', () => {
  it('[G11][G14] the nodes across a cut learn only after the heal, and the replay equals the live state', () => {
    const s = session(20, 21);
    const left = ids(10);
    const right = ids(20).slice(10);
    expect(s.core.startRound(0, 'gossip', { ...humanPace, origin: 'n1', healWaitRounds: 5 })).toMatchObject({ ok: true });
    s.core.changeFaults(0, { op: 'split', groups: [left, right] });
    s.runUntil(11_999);
    const g = s.game()!;
    expect(left.every((n) => g.per[n]!.knows)).toBe(true);
    expect(right.some((n) => g.per[n]!.knows)).toBe(false);
    expect(g.stalledRounds).toBeGreaterThan(0);
    expect(g.over).toBeNull();
    expect(s.core.state.round!.net.dropped.partition).toBeGreaterThan(0);

    s.core.changeFaults(12_000, { op: 'heal' });
    s.runUntil(60_000);
    expect(s.core.state.round).toBeNull();
    const result = lastResult(s.core)!;
    expect(result).toMatchObject({ outcome: 'everyone', everyone: true });
    expect(result.rounds).toBeGreaterThanOrEqual(13);
    expect(result.dropped.partition).toBeGreaterThan(0);
    const final = fold(s.header, s.events, GAMES);
    // Learned-at times are in the marks: nobody on the right learned before the heal.
    const learnedAt = new Map(
      s.events
        .filter((e) => e.type === 'mark' && e.node && e.notice?.code === 'gossip.mark.learned')
        .map((e) => [(e as { node: string }).node, e.t]),
    );
    for (const n of right) expect(learnedAt.get(n)).toBeGreaterThanOrEqual(12_000);
    expect(final).toEqual(s.core.state);
  });

  it('[G14] loss, latency, duplication: every message is counted, drops by reason, and the replay equals the live state', () => {
    const s = session(30, 5);
    s.core.changeFaults(0, { op: 'latency', base: 100, jitter: 700 });
    s.core.changeFaults(0, { op: 'loss', rate: 0.2 });
    s.core.changeFaults(0, { op: 'dup', rate: 0.1 });
    s.core.startRound(0, 'gossip', humanPace);
    s.runUntil(200_000);
    const r = lastResult(s.core)!;
    expect(r.outcome).toBe('everyone');
    expect(r.messages).toBe(r.net.sent);
    expect(r.dropped.loss).toBeGreaterThan(0);
    expect(r.net.duplicated).toBeGreaterThan(0);
    expect(r.redundant).toBeGreaterThan(0);
    expect(r.informedPerRound.at(-1)).toBe(30);
    expect(fold(s.header, s.events, GAMES)).toEqual(s.core.state);
  });

  it.each(['pull', 'push-pull', 'highest-card'] as const)(
    '[G8][G9][G10] %s: bots inform everyone, and the replay equals the live state',
    (mode) => {
      const s = session(25, 8);
      s.core.startRound(0, 'gossip', { ...humanPace, mode });
      s.runUntil(200_000);
      const r = lastResult(s.core)!;
      expect(r).toMatchObject({ mode, outcome: 'everyone', everyone: true, informed: 25 });
      if (mode === 'highest-card') expect(r.topCard).toMatch(/^(10|[2-9JQKA])[♣♦♥♠]$/);
      if (mode !== 'highest-card') expect(r.messagesByKind.pull).toBeGreaterThan(0);
      expect(fold(s.header, s.events, GAMES)).toEqual(s.core.state);
    },
  );

  it('[G4][G5] a human who picks nobody sends nothing; once they tap, the bots take it from there', () => {
    const s = session(0, 3);
    s.core.join(0, 'Ada');
    s.core.addBots(0, 5);
    s.core.startRound(0, 'gossip', { ...humanPace, origin: 'n1' });
    s.runUntil(2_500);
    expect(s.game()!.informed).toBe(1);
    expect(s.core.state.round!.net.sent).toBe(0);
    expect(s.core.act(2_500, 'n1', { type: 'tell', to: ['n1'] })).toMatchObject({ ok: false, error: { code: 'bad_target' } });
    expect(s.core.act(2_500, 'n1', { type: 'tell-random' })).toEqual({ ok: true, data: null });
    s.runUntil(60_000);
    expect(lastResult(s.core)).toMatchObject({ outcome: 'everyone', everyone: true });
    expect(fold(s.header, s.events, GAMES)).toEqual(s.core.state);
  });

  it('[G3][G13] a phone gets its game view and the round countdown from the session; the word only once it knows', () => {
    const s = session(0, 2);
    s.core.join(0, 'Ada');
    s.core.join(0, 'Bob');
    s.core.join(0, 'Cy');
    s.core.startRound(0, 'gossip', { origin: 'n1', word: 'comet' });
    const bob = nodeView(s.core.state, 'n2', GAMES)!;
    expect(bob.timers['gossip:tick']).toBe(10_000);
    expect(bob.game).toMatchObject({ knows: false, word: null, round: 1 });
    expect(JSON.stringify(bob)).not.toContain('comet');
    expect(nodeView(s.core.state, 'n1', GAMES)!.game).toMatchObject({ knows: true, word: 'comet', verb: 'tell' });
    s.core.pause(2_000);
    s.core.resume(5_000);
    expect(nodeView(s.core.state, 'n2', GAMES)!.timers['gossip:tick']).toBe(13_000);
    s.core.act(5_000, 'n1', { type: 'tell', to: ['n2'] });
    s.runUntil(5_000);
    expect(nodeView(s.core.state, 'n2', GAMES)!.game).toMatchObject({
      knows: true,
      word: 'comet',
      learned: { round: 1, at: 5_000, from: 'n1' },
    });
  });

  it('[G11] crashed nodes never learn; the game ends when every live node knows', () => {
    const s = session(12, 4);
    s.core.startRound(0, 'gossip', { ...humanPace, origin: 'n1' });
    s.core.changeFaults(0, { op: 'crash', nodes: ['n11', 'n12'] });
    s.runUntil(100_000);
    const r = lastResult(s.core)!;
    expect(r).toMatchObject({ outcome: 'everyone', everyone: false, never: { crashed: 2 } });
    expect(r.rounds).not.toBeNull();
    expect(r.dropped.crashed).toBeGreaterThan(0);
  });

  it('[G11] the instructor can stop it: the result says "stopped" and who never learned', () => {
    const s = session(40, 6);
    s.core.startRound(0, 'gossip', { ...humanPace, origin: 'n1' });
    s.runUntil(1_500);
    expect(s.core.endRound(1_500)).toMatchObject({ ok: true });
    const r = lastResult(s.core)!;
    expect(r).toMatchObject({ outcome: 'stopped', rounds: null });
    expect(r.never['not-told']).toBe(40 - r.informed);
    expect(fold(s.header, s.events, GAMES)).toEqual(s.core.state);
  });
});
