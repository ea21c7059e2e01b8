import { describe, expect, it } from 'vitest';
import { defaultFaults } from '../../net/faults';
import { createRng } from '../../rng';
import type { EngineCtx, Envelope } from '../types';
import type { SandboxState, SandboxView } from './config';
import { sandbox } from './engine';
import { VIEW_ITEMS } from './limits';

const nodes = ['n1', 'n2', 'n3'];
const ctx = (now = 0): EngineCtx => ({ now, nodes, faults: defaultFaults(), isDown: () => false });
const fresh = (config = {}) => sandbox.init(sandbox.config.parse(config), { ...ctx(), seed: 1 }).state as SandboxState;
const envelope = (over: Partial<Envelope> = {}): Envelope => ({
  id: 'm1',
  from: 'n1',
  to: 'n2',
  kind: 'sandbox:text',
  body: { text: 'hi' },
  sentAt: 0,
  lamport: 1,
  ...over,
});

describe('sandbox rules', () => {
  it('[S1] a node that joined after the round started may not send', () => {
    const s = fresh();
    expect(sandbox.check(s, 'n9', { type: 'send', to: ['n1'], text: 'hi' }, ctx())).toMatchObject({ code: 'not_playing' });
  });

  it('[S2] text length, recipients distinct, not yourself, all in the round', () => {
    const s = fresh();
    expect(sandbox.action.safeParse({ type: 'send', to: ['n2'], text: '   ' }).success).toBe(false);
    expect(sandbox.action.safeParse({ type: 'send', to: ['n2'], text: 'x'.repeat(141) }).success).toBe(false);
    expect(sandbox.action.safeParse({ type: 'send', to: [], text: 'x' }).success).toBe(false);
    expect(sandbox.check(s, 'n1', { type: 'send', to: ['n1'], text: 'x' }, ctx())).toMatchObject({ code: 'bad_recipient' });
    expect(sandbox.check(s, 'n1', { type: 'send', to: ['n2', 'n2'], text: 'x' }, ctx())).toMatchObject({ code: 'bad_recipient' });
    expect(sandbox.check(s, 'n1', { type: 'send', to: ['n7'], text: 'x' }, ctx())).toMatchObject({ code: 'bad_recipient' });
    expect(sandbox.check(s, 'n1', { type: 'send', to: ['n2', 'n3'], text: 'x' }, ctx())).toBeNull();
  });

  it('[S3] one envelope per recipient goes to the network', () => {
    const s = fresh();
    const effects = sandbox.act(s, 'n1', { type: 'send', to: ['n2', 'n3'], text: 'hello' }, ctx());
    expect(effects.filter((e) => e.type === 'send')).toEqual([
      { type: 'send', from: 'n1', to: 'n2', kind: 'sandbox:text', body: { text: 'hello' } },
      { type: 'send', from: 'n1', to: 'n3', kind: 'sandbox:text', body: { text: 'hello' } },
    ]);
  });

  it('[S4] a delivery lands in the inbox with times and clock; a second copy is marked duplicate', () => {
    const s = fresh();
    sandbox.deliver(s, envelope({ sentAt: 10 }), ctx(250));
    sandbox.deliver(s, envelope({ sentAt: 10 }), ctx(400));
    const view = sandbox.view(s, 'n2') as SandboxView;
    expect(view.inbox).toMatchObject([
      { id: 'm1', from: 'n1', text: 'hi', sentAt: 10, receivedAt: 250, lamport: 1, duplicate: false },
      { id: 'm1', duplicate: true, receivedAt: 400 },
    ]);
    expect((sandbox.view(s, 'n3') as SandboxView).inbox).toEqual([]);
  });

  it('[S4] a node keeps what its phone shows, and still marks a late copy of a message it no longer lists as a duplicate', () => {
    const s = fresh();
    sandbox.deliver(s, envelope({ id: 'm1' }), ctx(1));
    for (let i = 2; i <= 100; i++) sandbox.deliver(s, envelope({ id: `m${i}` }), ctx(i));
    for (let i = 1; i <= 100; i++) sandbox.act(s, 'n2', { type: 'send', to: ['n1'], text: `t${i}` }, ctx(i));
    expect(s.inbox.n2).toHaveLength(VIEW_ITEMS);
    expect(s.sent.n2).toHaveLength(VIEW_ITEMS);
    const view = sandbox.view(s, 'n2') as SandboxView;
    expect(view.inbox.map((m) => m.id)).toEqual(Array.from({ length: VIEW_ITEMS }, (_, i) => `m${71 + i}`));
    expect(view.sent.at(-1)).toMatchObject({ text: 't100', at: 100 });
    expect(view.received).toBe(100);
    // m1 left the inbox 70 copies ago: its second copy is still a duplicate.
    sandbox.deliver(s, envelope({ id: 'm1' }), ctx(200));
    expect((sandbox.view(s, 'n2') as SandboxView).inbox.at(-1)).toMatchObject({ id: 'm1', duplicate: true, receivedAt: 200 });
  });

  it('[S4] a copy is compared with the 200 copies its node received last', () => {
    const s = fresh();
    for (let i = 1; i <= 200; i++) sandbox.deliver(s, envelope({ id: `m${i}` }), ctx(i));
    sandbox.deliver(s, envelope({ id: 'm1' }), ctx(201));
    expect(s.inbox.n2?.at(-1)).toMatchObject({ id: 'm1', duplicate: true });
    // The last 200 are now m2…m200 and m1's copy: m3's copy is a duplicate; after it, m2 is no longer among them.
    sandbox.deliver(s, envelope({ id: 'm3' }), ctx(202));
    expect(s.inbox.n2?.at(-1)).toMatchObject({ id: 'm3', duplicate: true });
    sandbox.deliver(s, envelope({ id: 'm2' }), ctx(203));
    expect(s.inbox.n2?.at(-1)).toMatchObject({ id: 'm2', duplicate: false });
    expect(s.older.n2).toHaveLength(200 - VIEW_ITEMS);
  });

  it('[S5] a bot echoes each new original message once, and never echoes an echo', () => {
    const s = fresh();
    sandbox.deliver(s, envelope(), ctx(5));
    sandbox.deliver(s, envelope({ id: 'm2', body: { text: 'echo: hi' } }), ctx(6));
    const botCtx = { node: 'n2', nodes, now: 10, rng: createRng(1), config: s.config };
    const actions = sandbox.bot(sandbox.view(s, 'n2'), botCtx);
    expect(actions).toEqual([{ type: 'send', to: ['n1'], text: 'echo: hi', replyTo: 'm1', bot: 'echo' }]);
    sandbox.act(s, 'n2', actions[0]!, ctx(10));
    expect(sandbox.bot(sandbox.view(s, 'n2'), botCtx)).toEqual([]);
  });

  it('[S6] with chatter, each tick makes every bot write to one other node once', () => {
    const s = sandbox.init(sandbox.config.parse({ chatterMs: 100 }), { ...ctx(), seed: 1 });
    expect(s.effects).toContainEqual({ type: 'timer', key: 'sandbox:chatter', delay: 100 });
    const state = s.state as SandboxState;
    sandbox.timer(state, 'sandbox:chatter', ctx(100));
    const botCtx = { node: 'n1', nodes, now: 100, rng: createRng(2), config: state.config };
    const [action] = sandbox.bot(sandbox.view(state, 'n1'), botCtx);
    expect(action).toMatchObject({ type: 'send', chatter: true, text: 'hello', bot: 'hello' });
    expect(action!.to).toHaveLength(1);
    expect(action!.to[0]).not.toBe('n1');
    sandbox.act(state, 'n1', action!, ctx(101));
    expect(sandbox.bot(sandbox.view(state, 'n1'), botCtx)).toEqual([]);
  });

  it("[S7] a bot's text names no node: its hello and its echoes say what they are, for screens to word", () => {
    const s = fresh();
    const hello = { type: 'send' as const, to: ['n2'], text: 'hello', chatter: true, bot: 'hello' as const };
    const sent = sandbox.act(s, 'n1', hello, ctx(1));
    expect(sent[0]).toMatchObject({ type: 'send', body: { text: 'hello', bot: 'hello' } });
    sandbox.deliver(s, envelope({ id: 'm5', body: { text: 'hello', bot: 'hello' } }), ctx(5));
    expect((sandbox.view(s, 'n2') as SandboxView).inbox.at(-1)).toMatchObject({ text: 'hello', bot: 'hello' });
    const botCtx = { node: 'n2', nodes, now: 10, rng: createRng(1), config: s.config };
    const [echo] = sandbox.bot(sandbox.view(s, 'n2'), botCtx);
    expect(echo).toEqual({ type: 'send', to: ['n1'], text: 'echo: hello', replyTo: 'm5', bot: 'echo-hello' });
    // A person's text carries no `bot`.
    expect(sandbox.act(s, 'n1', { type: 'send', to: ['n2'], text: 'hi' }, ctx(11))[0]).toMatchObject({ body: { text: 'hi' } });
    expect(JSON.stringify(sandbox.act(s, 'n1', { type: 'send', to: ['n2'], text: 'hi' }, ctx(12)))).not.toContain('bot');
    for (const a of [hello, echo]) expect(JSON.stringify(a)).not.toMatch(/\bn\d+\b.*\bn\d+\b|"text":"[^"]*\bn\d+/);
  });

  it('kept items are frozen and a reply replaces its item, so a view can share them and still see the reply', () => {
    const s = fresh();
    sandbox.deliver(s, envelope(), ctx(5));
    const before = (sandbox.view(s, 'n2') as SandboxView).inbox[0]!;
    expect(Object.isFrozen(before)).toBe(true);
    sandbox.act(s, 'n2', { type: 'send', to: ['n1'], text: 'echo: hi', replyTo: 'm1' }, ctx(6));
    const view = sandbox.view(s, 'n2') as SandboxView;
    expect(before.replied).toBe(false);
    expect(view.inbox[0]).toMatchObject({ id: 'm1', replied: true });
    expect(Object.isFrozen(view.inbox[0])).toBe(true);
    expect(Object.isFrozen(view.sent[0]) && Object.isFrozen(view.sent[0]!.to)).toBe(true);
    // Items sent to the same one node share one list of the round's own id.
    sandbox.act(s, 'n2', { type: 'send', to: [`n${1}`], text: 'again' }, ctx(7));
    const sent = (sandbox.view(s, 'n2') as SandboxView).sent;
    expect(sent.map((m) => m.to)).toEqual([['n1'], ['n1']]);
    expect(sent[1]!.to).toBe(sent[0]!.to);
    expect(sent[1]!.to[0]).toBe(s.nodes[0]);
    // The same list of peers each time (a round's nodes never change).
    expect(view.peers).toEqual(['n1', 'n3']);
    expect((sandbox.view(s, 'n2') as SandboxView).peers).toBe(view.peers);
  });
});
