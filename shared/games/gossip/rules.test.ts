import { describe, expect, it } from 'vitest';
import { applyFaultOp } from '../../net/faults';
import type { Effect, Envelope } from '../types';
import type { GossipResult } from './analysis';
import { KINDS, TICK_KEY, WORDS } from './config';
import { gossip } from './engine';
import { sends, table, type Table } from '../../../test/support/gossip';

let envId = 0;
/** Delivers every envelope the effects send (latency 0), returning what the deliveries caused. */
function deliverAll(t: Table, effects: Effect[] | { code: string }): Effect[] {
  if (!Array.isArray(effects)) throw new Error(`refused: ${JSON.stringify(effects)}`);
  const out: Effect[] = [];
  for (const s of sends(effects)) {
    const env: Envelope = { id: `m${++envId}`, from: s.from, to: s.to, kind: s.kind, body: s.body, sentAt: t.ctx.now, lamport: 0 };
    out.push(...gossip.deliver(t.state, env, t.ctx));
  }
  return out;
}
const tick = (t: Table) => {
  t.ctx.now = t.state.roundEndsAt;
  return gossip.timer(t.state, TICK_KEY, t.ctx);
};
const code = (r: Effect[] | { code: string }) => (Array.isArray(r) ? 'accepted' : r.code);
const ended = (effects: Effect[]) => effects.find((e) => e.type === 'end');
const result = (t: Table) =>
  gossip.result(t.state, { sent: 0, delivered: 0, duplicated: 0, dropped: { crashed: 0, partition: 0, loss: 0 } }) as GossipResult;

describe('gossip rules', () => {
  it('[G1] the configured origin starts knowing the rumour, alone, in round 0', () => {
    const t = table(5, { origin: 'n3' });
    expect(t.state.origin).toBe('n3');
    expect(t.state.originBy).toBe('config');
    expect(t.state.per.n3).toMatchObject({ knows: true, learnedRound: 0, toldBy: null });
    expect(Object.values(t.state.per).filter((p) => p.knows)).toHaveLength(1);
    expect(t.init).toContainEqual(expect.objectContaining({ type: 'mark', node: 'n3' }));
  });

  it('[G1] chance picks the origin (seeded) when none is set or the set one is not in the round', () => {
    const t = table(5, { origin: 'n99' });
    expect(t.state.originBy).toBe('chance');
    expect(t.state.per[t.state.origin!]!.knows).toBe(true);
    expect(
      t.init.some((e) => e.type === 'mark' && e.notice.code === 'gossip.mark.origin_instead' && e.notice.params?.chosen === 'n99'),
    ).toBe(true);
    const origins = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => table(20, {}, seed).state.origin));
    expect(origins.size).toBeGreaterThan(2);
    expect(table(20, {}, 4).state.origin).toBe(table(20, {}, 4).state.origin);
  });

  it('[G2] the word is the configured one, or drawn from the built-in list with the seed', () => {
    expect(table(3, { word: '  banana ' }).state.word).toBe('banana');
    const w = table(3, {}, 7).state.word;
    expect(WORDS).toContain(w);
    expect(table(3, {}, 7).state.word).toBe(w);
  });

  it('[G3] one session-wide round timer (no node) drives the rounds; each round start refreshes every phone', () => {
    const t = table(4, { roundMs: 5000, origin: 'n1' });
    expect(t.init).toContainEqual({ type: 'timer', key: TICK_KEY, delay: 5000 });
    expect(t.init).toContainEqual({ type: 'changed', nodes: 'all' });
    const next = tick(t);
    expect(t.state.round).toBe(2);
    expect(t.state.roundStartedAt).toBe(5000);
    expect(t.state.roundEndsAt).toBe(10_000);
    expect(next).toContainEqual({ type: 'timer', key: TICK_KEY, delay: 5000 });
    expect(next).toContainEqual({ type: 'changed', nodes: 'all' });
    expect(t.state.informedPerRound).toEqual([1, 1, 1]);
  });

  it('[G4] a node picks at most `fanout` distinct others per round, never itself, only nodes of the round', () => {
    const t = table(6, { fanout: 2, origin: 'n1' });
    expect(t.act('n1', { type: 'tell', to: ['n1'] })).toMatchObject({ code: 'bad_target' });
    expect(t.act('n1', { type: 'tell', to: ['n9'] })).toMatchObject({ code: 'bad_target', params: { why: 'unknown', id: 'n9' } });
    expect(t.act('n1', { type: 'tell', to: ['n2', 'n2'] })).toMatchObject({ code: 'repeated_target' });
    expect(t.act('n1', { type: 'tell', to: ['n2', 'n3', 'n4'] })).toMatchObject({ code: 'too_many' });
    expect(code(t.act('n1', { type: 'tell', to: ['n2'] }))).toBe('accepted');
    expect(t.act('n1', { type: 'tell', to: ['n2'] })).toMatchObject({
      code: 'repeated_target',
      params: { why: 'already', verb: 'tell', node: { node: 'n2' }, round: 1 },
    });
    expect(t.act('n1', { type: 'tell', to: ['n3', 'n4'] })).toMatchObject({
      code: 'too_many',
      params: { left: 1, round: 1, want: 2 },
    });
    expect(code(t.act('n1', { type: 'tell', to: ['n3'] }))).toBe('accepted');
    expect(t.act('n1', { type: 'tell', to: ['n4'] })).toMatchObject({ code: 'no_picks_left' });
    tick(t);
    expect(code(t.act('n1', { type: 'tell', to: ['n2', 'n4'] }))).toBe('accepted');
  });

  it('[G4] a refused pick changes nothing', () => {
    const t = table(4, { origin: 'n1' });
    const before = structuredClone(t.state);
    t.act('n1', { type: 'tell', to: ['n2', 'n3', 'n4'] });
    t.act('n2', { type: 'tell', to: ['n3'] });
    t.act('n1', { type: 'ask', to: ['n3'] });
    expect(t.state).toEqual(before);
  });

  it('[G5] telling sends the rumour at once, one envelope per pick, and the receiver learns it', () => {
    const t = table(5, { origin: 'n1', word: 'walrus' });
    t.ctx.now = 1234;
    const effects = t.act('n1', { type: 'tell', to: ['n2', 'n3'] });
    expect(sends(effects as Effect[])).toEqual([
      { type: 'send', from: 'n1', to: 'n2', kind: KINDS.push, body: { word: 'walrus' } },
      { type: 'send', from: 'n1', to: 'n3', kind: KINDS.push, body: { word: 'walrus' } },
    ]);
    const caused = deliverAll(t, effects);
    expect(t.state.per.n2).toMatchObject({ knows: true, learnedRound: 1, learnedAt: 1234, toldBy: 'n1' });
    expect(t.state.informed).toBe(3);
    expect(t.state.informedPerRound).toEqual([1, 3]);
    expect(caused).toContainEqual(
      expect.objectContaining({
        type: 'mark',
        node: 'n2',
        notice: { code: 'gossip.mark.learned', params: { node: { node: 'n2' }, from: { node: 'n1' }, round: 1, card: 'no' } },
      }),
    );
  });

  it('[G5] a node that learned in round r passes it on from round r+1; one that does not know cannot tell', () => {
    const t = table(5, { origin: 'n1' });
    expect(t.act('n2', { type: 'tell', to: ['n3'] })).toMatchObject({ code: 'not_known' });
    deliverAll(t, t.act('n1', { type: 'tell', to: ['n2'] }));
    expect(t.act('n2', { type: 'tell', to: ['n3'] })).toMatchObject({
      code: 'too_soon',
      params: { learned: 1, next: 2 },
    });
    tick(t);
    expect(code(t.act('n2', { type: 'tell', to: ['n3'] }))).toBe('accepted');
  });

  it('[G6] "pick at random" is the server choosing distinct others with the seeded rng, so it replays', () => {
    const a = table(50, { origin: 'n1', fanout: 3 }, 11);
    const b = table(50, { origin: 'n1', fanout: 3 }, 11);
    const first = sends(a.act('n1', { type: 'tell', to: ['n2'] }) as Effect[]).map((s) => s.to);
    b.act('n1', { type: 'tell', to: ['n2'] });
    const ra = sends(a.act('n1', { type: 'tell-random' }) as Effect[]).map((s) => s.to);
    const rb = sends(b.act('n1', { type: 'tell-random' }) as Effect[]).map((s) => s.to);
    expect(ra).toEqual(rb);
    expect(ra).toHaveLength(2);
    expect(new Set([...first, ...ra]).size).toBe(3);
    expect(ra).not.toContain('n1');
    expect(a.state.per.n1!.picks).toEqual([...first, ...ra]);
    expect(a.act('n1', { type: 'tell-random' })).toMatchObject({ code: 'no_picks_left' });
    const c = table(10, { origin: 'n1', fanout: 2 });
    expect(c.act('n1', { type: 'tell-random', count: 3 })).toMatchObject({ code: 'too_many' });
    expect(sends(c.act('n1', { type: 'tell-random', count: 1 }) as Effect[])).toHaveLength(1);
  });

  it('[G6] in a tiny round "pick at random" picks whoever is left', () => {
    const t = table(2, { origin: 'n1', fanout: 3 });
    expect(sends(t.act('n1', { type: 'tell-random' }) as Effect[]).map((s) => s.to)).toEqual(['n2']);
  });

  it('[G7] asking is refused in push mode and when you already know', () => {
    const t = table(4, { origin: 'n1' });
    expect(t.act('n2', { type: 'ask', to: ['n1'] })).toMatchObject({ code: 'wrong_mode' });
    const p = table(4, { origin: 'n1', mode: 'push-pull' });
    expect(p.act('n1', { type: 'ask', to: ['n2'] })).toMatchObject({ code: 'already_known' });
    expect(p.act('n2', { type: 'tell', to: ['n3'] })).toMatchObject({ code: 'not_known' });
  });

  it('[G8] pull: a node that does not know asks; an asked node that knew before this round answers at once', () => {
    const t = table(4, { origin: 'n1', mode: 'pull', word: 'comet' });
    expect(t.act('n1', { type: 'tell', to: ['n2'] })).toMatchObject({ code: 'wrong_mode' });
    const asks = t.act('n2', { type: 'ask', to: ['n1', 'n3'] });
    expect(sends(asks as Effect[]).map((s) => [s.to, s.kind, s.body])).toEqual([
      ['n1', KINDS.pull, {}],
      ['n3', KINDS.pull, {}],
    ]);
    const replies = deliverAll(t, asks);
    expect(sends(replies)).toEqual([{ type: 'send', from: 'n1', to: 'n2', kind: KINDS.reply, body: { word: 'comet' } }]);
    expect(t.state.per.n1!.requests).toMatchObject([{ from: 'n2', round: 1, answered: true }]);
    expect(t.state.per.n3!.requests).toMatchObject([{ from: 'n2', round: 1, answered: false }]);
    deliverAll(t, replies);
    expect(t.state.per.n2).toMatchObject({ knows: true, learnedRound: 1, toldBy: 'n1' });
    expect(t.state.sent).toMatchObject({ pull: 2, reply: 1 });
    // n2 learned in round 1: it does not answer before round 2.
    expect(sends(deliverAll(t, t.act('n3', { type: 'ask', to: ['n2'] })))).toHaveLength(0);
    tick(t);
    expect(sends(deliverAll(t, t.act('n4', { type: 'ask', to: ['n2'] })))).toHaveLength(1);
  });

  it('[G9] push-pull: nodes that know tell, nodes that do not ask', () => {
    const t = table(4, { origin: 'n1', mode: 'push-pull' });
    expect(code(t.act('n1', { type: 'tell', to: ['n2'] }))).toBe('accepted');
    expect(code(t.act('n3', { type: 'ask-random' }))).toBe('accepted');
  });

  it('[G10] highest card: unique cards from several decks past 52 nodes; the holder of the highest is the origin', () => {
    const t = table(120, { mode: 'highest-card' });
    const cards = Object.values(t.state.per).map((p) => p.card);
    expect(new Set(cards).size).toBe(120);
    expect(t.state.decks).toBe(3);
    expect(Math.max(...cards)).toBe(t.state.top);
    expect(t.state.per[t.state.origin!]!.card).toBe(t.state.top);
    expect(t.state.word).toBeNull();
    const labels = gossip.consoleView(t.state) as { perNode: Record<string, { card: string }> };
    expect(new Set(Object.values(labels.perNode).map((p) => p.card)).size).toBe(120);
  });

  it('[G10] highest card: every node tells its best card; a receiver keeps the higher; done when all hold the highest', () => {
    const t = table(3, { mode: 'highest-card' }, 3);
    const [lo, mid, hi] = [...t.state.nodes].sort((a, b) => t.state.per[a]!.card - t.state.per[b]!.card);
    expect(code(t.act(lo!, { type: 'tell', to: [mid!] }))).toBe('accepted');
    deliverAll(t, t.act(mid!, { type: 'tell', to: [lo!] }));
    expect(t.state.per[lo!]!.best).toBe(t.state.per[mid!]!.card);
    expect(t.state.redundant).toBe(0);
    // A lower card brings nothing: redundant.
    tick(t);
    deliverAll(t, t.act(lo!, { type: 'tell', to: [hi!] }));
    expect(t.state.redundant).toBe(1);
    expect(t.state.per[hi!]!.best).toBe(t.state.top);
    deliverAll(t, t.act(hi!, { type: 'tell', to: [lo!] }));
    const last = deliverAll(t, t.act(hi!, { type: 'tell', to: [mid!] }));
    expect(ended(last)).toMatchObject({ type: 'end' });
    expect(result(t)).toMatchObject({ outcome: 'everyone', rounds: 2, everyone: true });
  });

  it('[G11] the game ends the moment every live node knows', () => {
    const t = table(3, { origin: 'n1' });
    expect(ended(deliverAll(t, t.act('n1', { type: 'tell', to: ['n2'] })))).toBeUndefined();
    tick(t);
    const last = deliverAll(t, t.act('n1', { type: 'tell', to: ['n3'] }));
    expect(ended(last)).toMatchObject({ reason: 'gossip.everyone' });
    expect(result(t)).toMatchObject({ outcome: 'everyone', rounds: 2, everyone: true, informedPerRound: [1, 2, 3] });
  });

  it('[G11] crashed nodes never learn and do not hold the game up; the result says why', () => {
    const t = table(4, { origin: 'n1' });
    const prev = t.ctx.faults;
    t.ctx.faults = applyFaultOp(prev, { op: 'crash', nodes: ['n4'] });
    expect(gossip.faultsChanged!(t.state, prev, t.ctx.faults, t.ctx)).toEqual([]);
    const last = deliverAll(t, t.act('n1', { type: 'tell', to: ['n2', 'n3'] }));
    expect(ended(last)).toBeDefined();
    expect(result(t)).toMatchObject({
      rounds: 1,
      everyone: false,
      never: { crashed: 1 },
      neverLearned: [{ node: 'n4', reason: 'crashed' }],
    });
  });

  it('[G11] when only partitioned nodes are left the game waits healWaitRounds for a heal, then ends with "never"', () => {
    const t = table(4, { origin: 'n1', healWaitRounds: 2 });
    const prev = t.ctx.faults;
    t.ctx.faults = applyFaultOp(prev, {
      op: 'split',
      groups: [
        ['n1', 'n2'],
        ['n3', 'n4'],
      ],
    });
    gossip.faultsChanged!(t.state, prev, t.ctx.faults, t.ctx);
    expect(t.state.reach).toMatchObject({ waiting: 1, cut: 2 });
    t.ctx.now = 300;
    const caused = deliverAll(t, t.act('n1', { type: 'tell', to: ['n2'] }));
    expect(caused).toContainEqual(
      expect.objectContaining({ type: 'mark', notice: { code: 'gossip.mark.stuck', params: { round: 1, count: 2, why: 'partition' } } }),
    );
    expect(t.state.stuckSince).toBe(300);
    expect(ended(tick(t))).toBeUndefined();
    expect(t.state.stalledRounds).toBe(1);
    expect(ended(tick(t))).toBeUndefined();
    expect(ended(tick(t))).toMatchObject({ reason: 'gossip.stalled' });
    expect(result(t)).toMatchObject({ outcome: 'stalled', rounds: null, lastLearnedRound: 1, never: { partition: 2 } });
  });

  it('[G11] a heal during the wait lets the game go on', () => {
    const t = table(4, { origin: 'n1', healWaitRounds: 1 });
    const split = applyFaultOp(t.ctx.faults, {
      op: 'split',
      groups: [
        ['n1', 'n2'],
        ['n3', 'n4'],
      ],
    });
    gossip.faultsChanged!(t.state, t.ctx.faults, split, { ...t.ctx, faults: split });
    t.ctx.faults = split;
    deliverAll(t, t.act('n1', { type: 'tell', to: ['n2'] }));
    tick(t);
    const healed = applyFaultOp(split, { op: 'heal' });
    t.ctx.faults = healed;
    gossip.faultsChanged!(t.state, split, healed, t.ctx);
    expect(t.state.stalledRounds).toBe(0);
    expect(t.state.stuckSince).toBeNull();
    expect(ended(tick(t))).toBeUndefined();
    expect(ended(deliverAll(t, t.act('n1', { type: 'tell', to: ['n3', 'n4'] })))).toBeDefined();
    expect(result(t)).toMatchObject({ rounds: 3, everyone: true });
  });

  it('[G11] when every node that knew is down the others are cut off: "knowers-down"', () => {
    const t = table(3, { origin: 'n1', healWaitRounds: 0 });
    const prev = t.ctx.faults;
    t.ctx.faults = applyFaultOp(prev, { op: 'crash', nodes: ['n1'] });
    gossip.faultsChanged!(t.state, prev, t.ctx.faults, t.ctx);
    expect(ended(tick(t))).toBeDefined();
    expect(result(t)).toMatchObject({ rounds: null, never: { 'knowers-down': 2 } });
  });

  it('[G11] the game stops after maxRounds; nodes nobody told are "not-told"', () => {
    const t = table(3, { origin: 'n1', maxRounds: 2 });
    expect(ended(tick(t))).toBeUndefined();
    expect(ended(tick(t))).toMatchObject({ reason: 'gossip.max-rounds' });
    expect(result(t)).toMatchObject({ outcome: 'max-rounds', rounds: null, gossipRounds: 2, never: { 'not-told': 2 } });
    expect(t.act('n1', { type: 'tell', to: ['n2'] })).toMatchObject({ code: 'game_over' });
  });

  it('[G15] the result: rounds, the curve, messages by kind, redundant, the network drops, and who never learned why', () => {
    const t = table(5, { origin: 'n1', word: 'mango' });
    deliverAll(t, t.act('n1', { type: 'tell', to: ['n2', 'n3'] }));
    tick(t);
    deliverAll(t, t.act('n2', { type: 'tell', to: ['n1'] }));
    const net = { sent: 3, delivered: 3, duplicated: 0, dropped: { crashed: 0, partition: 1, loss: 2 } };
    const r = gossip.result(t.state, net) as GossipResult;
    expect(r).toMatchObject({
      game: 'gossip',
      mode: 'push',
      nodes: 5,
      origin: 'n1',
      word: 'mango',
      outcome: 'stopped',
      rounds: null,
      lastLearnedRound: 1,
      gossipRounds: 2,
      informed: 3,
      everyone: false,
      informedPerRound: [1, 3, 3],
      messages: 3,
      messagesByKind: { push: 3, pull: 0, reply: 0, card: 0 },
      redundant: 1,
      dropped: { crashed: 0, partition: 1, loss: 2 },
      never: { 'not-told': 2 },
      neverLearned: [
        { node: 'n4', reason: 'not-told' },
        { node: 'n5', reason: 'not-told' },
      ],
    });
    expect(r.theory.rounds).toBeCloseTo(Math.log(5) / Math.log(3) + Math.log(5) / 2, 9);
    expect(t.state.informed).toBe(3);
  });

  it('[G14] a rumour reaching a node that already knew is redundant', () => {
    const t = table(4, { origin: 'n1' });
    deliverAll(t, t.act('n1', { type: 'tell', to: ['n2'] }));
    tick(t);
    const effects = deliverAll(t, t.act('n2', { type: 'tell', to: ['n1'] }));
    expect(effects).toEqual([]);
    expect(t.state.redundant).toBe(1);
    expect(t.state.redundantPerRound).toEqual([0, 0, 1]);
    expect(t.state.per.n1!.heard).toBe(1);
  });
});
