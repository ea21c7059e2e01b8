// The cart's rules on hand-built rounds: the test decides which envelope arrives, when, twice
// or never. Names quote the README's rule IDs.

import { describe, expect, it } from 'vitest';
import type { Effect } from '../types';
import { cart } from './engine';
import { DEADLINE_PREFIX, ITEMS, KINDS, TICK_KEY, cartConfig } from './config';
import { deadlineKey } from './quorum';
import { cartBot } from './bot';
import { createRng } from '../../rng';
import { sends, table, type Send } from '../../../test/support/cart';

const rejected = (out: Effect[] | { code: string }) => (Array.isArray(out) ? null : out.code);
const effects = (out: Effect[] | { code: string }): Effect[] => {
  if (!Array.isArray(out)) throw new Error(`refused: ${out.code}`);
  return out;
};
const to = (out: Effect[], node: string, kind?: string): Send[] => sends(out).filter((s) => s.to === node && (!kind || s.kind === kind));
const one = (xs: Send[]): Send => {
  if (xs.length !== 1) throw new Error(`expected one envelope, got ${xs.length}`);
  return xs[0]!;
};

describe('cart: taps [C1][C2][C3]', () => {
  it('[C1][C3] defaults: quorum mode, every replica starts with every item at 0', () => {
    expect(cartConfig.parse({})).toMatchObject({ mode: 'quorum', syncMs: 3_000, quorumTimeoutMs: 4_000, botsStopAt: null });
    const t = table(3, { mode: 'crdt' });
    const v = cart.view(t.state, 'n2')!;
    expect(v.items.map((i) => i.item)).toEqual([...ITEMS]);
    expect(v.items.every((i) => i.qty === 0 && i.canAdd && !i.canRemove)).toBe(true);
  });

  it.each(['quorum', 'lww', 'crdt'] as const)('[C2] %s: − on an item the list shows at 0 is refused and changes nothing', (mode) => {
    const t = table(3, { mode });
    const before = JSON.stringify(t.state);
    expect(rejected(t.tap('n1', 'bread', -1))).toBe('nothing_to_remove');
    expect(rejected(t.tap('n1', 'caviar', 1))).toBe('bad_action');
    expect(cart.action.safeParse({ type: 'add', item: 'bread', delta: 2 }).success).toBe(false);
    expect(JSON.stringify(t.state)).toBe(before);
    expect(rejected(t.tap('n9', 'bread', 1))).toBe('not_playing');
  });

  it('[C4][C6][C8] lww and crdt: a tap is saved at once and sent to every other replica', () => {
    for (const mode of ['lww', 'crdt'] as const) {
      const t = table(4, { mode });
      const out = effects(t.tap('n1', 'pizza', 1));
      expect(sends(out).map((s) => [s.to, s.kind])).toEqual([
        ['n2', KINDS.write],
        ['n3', KINDS.write],
        ['n4', KINDS.write],
      ]);
      expect(cart.view(t.state, 'n1')!.last).toMatchObject({ status: 'accepted', seen: 0 });
      expect(cart.view(t.state, 'n1')!.items.find((i) => i.item === 'pizza')!.qty).toBe(1);
      // The receivers answer "seen", and the writer counts each one once, duplicates or not.
      const seen = sends(t.deliver(to(out, 'n2')[0]!));
      expect(seen.map((s) => [s.to, s.kind])).toEqual([['n1', KINDS.seen]]);
      t.deliver(seen[0]!);
      t.deliver(seen[0]!);
      expect(cart.view(t.state, 'n1')!.last!.seen).toBe(1);
      expect(cart.view(t.state, 'n2')!.items.find((i) => i.item === 'pizza')!.qty).toBe(1);
    }
  });
});

describe('cart: majority quorum [C9][C10][C11]', () => {
  it('[C9] a write is saved once a majority (⌊N/2⌋+1 of all replicas) voted for it, and every replica is told', () => {
    const t = table(5);
    expect(t.state.majority).toBe(3);
    const out = effects(t.tap('n1', 'apples', 1));
    expect(sends(out).filter((s) => s.kind === KINDS.propose)).toHaveLength(4);
    expect(out).toContainEqual({ type: 'timer', key: deadlineKey(1), delay: 4_000, node: 'n1' });
    expect(cart.view(t.state, 'n1')!.last).toMatchObject({ status: 'pending', votes: 1, needed: 3 });
    expect(cart.view(t.state, 'n1')!.items[0]).toMatchObject({ qty: 0, pending: true, canAdd: false });
    const vote2 = one(sends(t.deliver(one(to(out, 'n2')))));
    expect(vote2.body).toMatchObject({ ok: true, version: 1 });
    expect(sends(t.deliver(vote2))).toHaveLength(0);
    // A duplicated vote counts once.
    t.deliver(vote2);
    expect(cart.view(t.state, 'n1')!.last).toMatchObject({ status: 'pending', votes: 2 });
    const vote3 = one(sends(t.deliver(one(to(out, 'n3')))));
    const commits = sends(t.deliver(vote3));
    expect(commits.map((s) => s.kind)).toEqual([KINDS.commit, KINDS.commit, KINDS.commit, KINDS.commit]);
    expect(cart.view(t.state, 'n1')!.last).toMatchObject({ status: 'accepted', votes: 3, version: 1 });
    expect(t.state.replicas.n1!.saved.apples).toEqual({ version: 1, qty: 1, write: 1 });
    // n4 never got the proposal: the commit brings it the saved entry.
    t.deliver(one(commits.filter((s) => s.to === 'n4')));
    expect(t.state.replicas.n4!.saved.apples).toEqual({ version: 1, qty: 1, write: 1 });
    expect(t.state.replicas.n4!.changes.at(-1)).toMatchObject({ why: 'saved', from: 0, to: 1, by: ['n1'] });
  });

  it('[C10] in a minority nobody can vote enough: the write is refused at its deadline with how many voted, and announced', () => {
    const t = table(5, { quorumTimeoutMs: 1_000 });
    const out = effects(t.tap('n1', 'cheese', 1));
    // Only n2 hears n1 (a 2–3 split): 2 of 5.
    t.deliver(one(sends(t.deliver(one(to(out, 'n2'))))));
    t.ctx.now = 1_000;
    const refused = t.timer(deadlineKey(1));
    expect(cart.view(t.state, 'n1')!.last).toMatchObject({ status: 'refused', reason: 'no-majority', votes: 2, needed: 3 });
    expect(sends(refused).filter((s) => s.kind === KINDS.abort)).toHaveLength(4);
    expect(t.state.replicas.n1!.saved.cheese.qty).toBe(0);
    // n2 held its vote for the refused write; the abort frees it, so n2 can tap cheese again.
    expect(rejected(t.tap('n2', 'cheese', 1))).toBe('voted_elsewhere');
    t.deliver(one(to(refused, 'n2')));
    expect(rejected(t.tap('n2', 'cheese', 1))).toBeNull();
    // A refused write's deadline firing again (a replay of a stale timer) changes nothing.
    expect(t.timer(deadlineKey(1))).toEqual([]);
  });

  it('[C9][C10] one vote per item and version: of two writes racing for a version at most one is saved, and the other is refused', () => {
    const t = table(3, { quorumTimeoutMs: 1_000 });
    const a = effects(t.tap('n1', 'juice', 1));
    const b = effects(t.tap('n2', 'juice', 1));
    // n3 hears n1 first: it votes for n1's write and against n2's.
    const toN1 = one(sends(t.deliver(one(to(a, 'n3')))));
    const toN2 = one(sends(t.deliver(one(to(b, 'n3')))));
    expect(toN1.body).toMatchObject({ ok: true });
    expect(toN2.body).toMatchObject({ ok: false });
    // n1 and n2 each voted for their own: neither votes for the other's.
    expect(one(sends(t.deliver(one(to(a, 'n2'))))).body).toMatchObject({ ok: false });
    t.deliver(toN1);
    expect(t.state.writes[0]!.status).toBe('accepted');
    // n2 has 2 of 3 against it: a majority is out of reach.
    t.deliver(toN2);
    const nack = one(sends(t.deliver(one(to(b, 'n1')))));
    t.deliver(nack);
    expect(t.state.writes[1]).toMatchObject({ status: 'refused' });
    expect(['no-majority', 'conflict', 'behind']).toContain(t.state.writes[1]!.reason);
  });

  it('[C11] a replica that rejoins is behind: its write gets no votes, it catches up from the answers, and its next write is saved', () => {
    const t = table(3, { quorumTimeoutMs: 1_000 });
    // n1 and n2 save two writes while n3 hears nothing.
    for (const node of ['n1', 'n2']) {
      const out = effects(t.tap(node, 'cake', 1));
      const other = node === 'n1' ? 'n2' : 'n1';
      const commits = sends(t.deliver(one(sends(t.deliver(one(to(out, other)))))));
      t.deliver(one(commits.filter((s) => s.to === other)));
    }
    expect(t.state.replicas.n1!.saved.cake).toMatchObject({ version: 2, qty: 2 });
    expect(t.state.replicas.n3!.saved.cake).toMatchObject({ version: 0, qty: 0 });
    // Healed: n3 proposes version 1, which n1 and n2 saved long ago.
    t.ctx.now = 5_000;
    const stale = effects(t.tap('n3', 'cake', 1));
    const answer = one(sends(t.deliver(one(to(stale, 'n1')))));
    expect(answer.body).toMatchObject({ ok: false, saved: { version: 2, qty: 2 } });
    t.deliver(answer);
    expect(t.state.writes[2]).toMatchObject({ status: 'refused', reason: 'behind' });
    expect(t.state.replicas.n3!.saved.cake).toMatchObject({ version: 2, qty: 2 });
    expect(t.state.replicas.n3!.changes.at(-1)).toMatchObject({ why: 'caught-up', from: 0, to: 2 });
    // Caught up: the next tap proposes version 3 and is saved.
    const next = effects(t.tap('n3', 'cake', 1));
    t.deliver(one(sends(t.deliver(one(to(next, 'n2'))))));
    expect(t.state.writes[3]).toMatchObject({ status: 'accepted', version: 3, qty: 3 });
  });

  it('[C10] while a write waits, another tap on that item is refused; other items are free', () => {
    const t = table(3);
    effects(t.tap('n1', 'bread', 1));
    expect(rejected(t.tap('n1', 'bread', 1))).toBe('still_saving');
    expect(rejected(t.tap('n1', 'pizza', 1))).toBeNull();
  });

  it('[C5][C11] anti-entropy carries saved entries and abort notes: a replica that missed both catches up and frees its vote', () => {
    const t = table(3, { quorumTimeoutMs: 500, syncMs: 100 });
    const a = effects(t.tap('n1', 'apples', 1));
    t.deliver(one(to(a, 'n2')));
    t.ctx.now = 500;
    t.timer(deadlineKey(1));
    // n2 never got the abort: it still holds its vote for write 1.
    expect(t.state.replicas.n2!.votes.apples).toMatchObject({ write: 1 });
    const tick = t.timer(TICK_KEY);
    expect(tick).toContainEqual({ type: 'timer', key: TICK_KEY, delay: 100 });
    const syncs = sends(tick);
    expect(syncs.map((s) => s.from).sort()).toEqual(['n1', 'n2', 'n3']);
    const fromN1 = syncs.find((s) => s.from === 'n1')!;
    t.deliver({ ...fromN1, to: 'n2' });
    expect(t.state.replicas.n2!.votes.apples).toBeUndefined();
    expect(DEADLINE_PREFIX).toBe('cart:deadline:');
  });
});

describe('cart: what a phone sees [C12][C14][C18]', () => {
  it('[C18] a view holds its own replica only: no other list, no log, no other votes', () => {
    const t = table(3, { mode: 'lww' });
    effects(t.tap('n2', 'apples', 1));
    const v = cart.view(t.state, 'n1')!;
    expect(v.items.find((i) => i.item === 'apples')!.qty).toBe(0);
    const text = JSON.stringify(v);
    expect(text).not.toContain('"writes"');
    expect(text).not.toContain('n2');
    expect(cart.view(t.state, 'n9')).toBeNull();
  });

  it('[C14] the bot taps only what its phone allows, + more often than −, and stops at botsStopAt', () => {
    const t = table(3, { mode: 'crdt', botsStopAt: 1_000 });
    const config = t.state.config;
    const rng = createRng(3);
    let plus = 0;
    for (let i = 0; i < 200; i++) {
      const [a] = cartBot(cart.view(t.state, 'n1'), { node: 'n1', nodes: t.state.nodes, now: 0, rng, config });
      expect(a).toBeDefined();
      expect(cart.check(t.state, 'n1', a!, t.ctx)).toBeNull();
      cart.act(t.state, 'n1', a!, t.ctx);
      if (a!.delta > 0) plus++;
    }
    expect(plus).toBeGreaterThan(100);
    expect(cartBot(cart.view(t.state, 'n1'), { node: 'n1', nodes: t.state.nodes, now: 1_000, rng, config })).toEqual([]);
  });
});
