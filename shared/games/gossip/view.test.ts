import { describe, expect, it } from 'vitest';
import type { Effect, Envelope } from '../types';
import { gossipBot } from './bot';
import { TICK_KEY } from './config';
import { gossip } from './engine';
import { sends, table } from '../../../test/support/gossip';
import type { GossipConsoleView } from './console';
import type { GossipNodeView } from './view';
import { createRng } from '../../rng';

const view = (t: ReturnType<typeof table>, node: string) => gossip.view(t.state, node) as GossipNodeView;

function deliver(t: ReturnType<typeof table>, effects: Effect[] | { code: string }) {
  for (const s of sends(effects as Effect[])) {
    const env: Envelope = { id: 'm', from: s.from, to: s.to, kind: s.kind, body: s.body, sentAt: t.ctx.now, lamport: 0 };
    gossip.deliver(t.state, env, t.ctx);
  }
}

describe('gossip views', () => {
  it('[G13] a node that does not know sees no word and nobody else who knows', () => {
    const t = table(6, { origin: 'n1', word: 'narwhal' });
    deliver(t, t.act('n1', { type: 'tell', to: ['n2'] }));
    const v = view(t, 'n3');
    expect(v).toMatchObject({ knows: false, word: null, learned: null, verb: null, picksLeft: 0 });
    expect(JSON.stringify(v)).not.toContain('narwhal');
    expect(JSON.stringify(v)).not.toMatch(/"n1"|"n2"/);
    expect(v.idle).toMatchObject({ code: 'not_known' });
  });

  it('[G13] a node that learned sees the word, who told it and when; its picks and picks left', () => {
    const t = table(6, { origin: 'n1', word: 'narwhal', fanout: 2 });
    t.ctx.now = 700;
    deliver(t, t.act('n1', { type: 'tell', to: ['n2'] }));
    expect(view(t, 'n2')).toMatchObject({ knows: true, word: 'narwhal', learned: { round: 1, at: 700, from: 'n1' }, verb: null });
    expect(view(t, 'n2').idle).toMatchObject({ code: 'too_soon' });
    expect(view(t, 'n1')).toMatchObject({ learned: { round: 0, from: null }, verb: 'tell', picks: ['n2'], picksLeft: 1 });
    t.ctx.now = t.state.roundEndsAt;
    gossip.timer(t.state, TICK_KEY, t.ctx);
    expect(view(t, 'n2')).toMatchObject({ round: 2, verb: 'tell', picks: [], picksLeft: 2, roundEndsAt: 20_000 });
  });

  it('[G13] a view does not grow with the room, and is a copy (changing it changes nothing)', () => {
    const small = JSON.stringify(view(table(5, { origin: 'n1' }), 'n1')).length;
    const t = table(5000, { origin: 'n1' });
    const v = view(t, 'n1');
    expect(JSON.stringify(v).length).toBeLessThan(small + 40);
    v.picks.push('n9');
    expect(t.state.per.n1!.picks).toEqual([]);
  });

  it('[G13] highest card: a node sees its own card and the best it has seen, never whether that is the highest', () => {
    const t = table(10, { mode: 'highest-card' });
    const holder = t.state.origin!;
    const v = view(t, holder);
    expect(v.cards!.yours.value).toBe(t.state.top);
    expect(v).toMatchObject({ knows: false, word: null, learned: null, verb: 'tell' });
    expect(Object.keys(v)).not.toContain('top');
  });

  it('[G8] pull requests a node got are in its view, newest first', () => {
    const t = table(5, { origin: 'n1', mode: 'pull' });
    deliver(t, t.act('n2', { type: 'ask', to: ['n1'] }));
    deliver(t, t.act('n3', { type: 'ask', to: ['n1'] }));
    expect(view(t, 'n1').pullRequests.map((r) => r.from)).toEqual(['n3', 'n2']);
    expect(view(t, 'n1')).toMatchObject({ verb: null, idle: { code: 'nothing_to_do' }, sent: 2 });
  });

  it('[G12] the bot picks all its picks at random among the others, and nothing when it may not pick', () => {
    const t = table(30, { origin: 'n1', fanout: 3 });
    const ctx = { node: 'n1', nodes: t.state.nodes, now: 0, rng: createRng(1), config: t.state.config };
    const [action] = gossipBot(view(t, 'n1'), ctx);
    expect(action).toMatchObject({ type: 'tell' });
    const to = (action as { to: string[] }).to;
    expect(new Set(to).size).toBe(3);
    expect(to).not.toContain('n1');
    expect(gossip.check(t.state, 'n1', action!, t.ctx)).toBeNull();
    expect(gossipBot(view(t, 'n2'), { ...ctx, node: 'n2' })).toEqual([]);
    const p = table(30, { origin: 'n1', mode: 'pull' });
    expect(gossipBot(gossip.view(p.state, 'n5'), { ...ctx, node: 'n5', config: p.state.config })).toMatchObject([{ type: 'ask' }]);
  });

  it('[G13][G16] the console, unlike a phone, sees everything: who knows, from whom, the curve, the counts and the theory', () => {
    const t = table(8, { origin: 'n1', word: 'yeti' });
    deliver(t, t.act('n1', { type: 'tell', to: ['n2', 'n3'] }));
    const c = gossip.consoleView(t.state) as GossipConsoleView;
    expect(c).toMatchObject({ word: 'yeti', origin: 'n1', informed: 3, informedPerRound: [1, 3], status: 'running' });
    expect(c.messages).toMatchObject({ sent: 2, push: 2, delivered: 2, redundant: 0 });
    expect(c.perNode.n2).toMatchObject({ knows: true, round: 1, from: 'n1' });
    expect(c.perNode.n4).toMatchObject({ knows: false, round: null, from: null });
    expect(c.theory.rounds).toBeCloseTo(Math.log(8) / Math.log(3) + Math.log(8) / 2, 6);
    expect(c.theory.curve[0]).toBe(1);
  });
});
