// Last-writer-wins [C6][C7], checked against vector clocks kept outside the engine. The claim:
// with Lamport stamps and every LWW envelope carrying the sender's whole list, a write is lost
// (not on the branch of its item's winning register) exactly when some write on that branch is
// concurrent with it; so an item loses an update exactly when two of its writes are concurrent.
// The vector clocks are rebuilt here from the session's recording (taps, sends, deliveries),
// following Fidge/Mattern: tick on every event of a node, take the pointwise max on receipt.

import { describe, expect, it } from 'vitest';
import type { FaultOp } from '../../net/faults';
import type { NodeId } from '../../protocol/ids';
import type { SessionEvent } from '../../protocol/recordingFormat';
import { createRng, deriveSeed } from '../../rng';
import { fold } from '../../session/fold';
import { branch, lostUpdates } from './lww';
import type { CartState } from './state';
import { ids, session, sends, table } from '../../../test/support/cart';
import { GAMES } from '../../../test/support/games';

type VC = Record<NodeId, number>;

const leq = (a: VC, b: VC) => Object.entries(a).every(([k, v]) => v <= (b[k] ?? 0));
const happensBefore = (a: VC, b: VC) => leq(a, b) && !leq(b, a);
const concurrent = (a: VC, b: VC) => !leq(a, b) && !leq(b, a);

/** Each write's vector clock (by write id), rebuilt from the recording. */
function writeClocks(events: SessionEvent[]): Map<number, VC> {
  const clock = new Map<NodeId, VC>();
  const of = (n: NodeId) => {
    let c = clock.get(n);
    if (!c) {
      c = {};
      clock.set(n, c);
    }
    return c;
  };
  const inFlight = new Map<string, { to: NodeId; vc: VC }>();
  const writes = new Map<number, VC>();
  let round = -1;
  for (const e of events) {
    if (e.type === 'round:started') {
      round++;
      clock.clear();
    }
    if (round !== 0) continue;
    if (e.type === 'node:acted') {
      const c = of(e.node);
      c[e.node] = (c[e.node] ?? 0) + 1;
      writes.set(writes.size + 1, { ...c });
    } else if (e.type === 'envelope:sent') {
      const c = of(e.env.from);
      c[e.env.from] = (c[e.env.from] ?? 0) + 1;
      inFlight.set(e.env.id, { to: e.env.to, vc: { ...c } });
    } else if (e.type === 'envelope:delivered') {
      const f = inFlight.get(e.id);
      if (!f) continue;
      const c = of(f.to);
      for (const [k, v] of Object.entries(f.vc)) if (v > (c[k] ?? 0)) c[k] = v;
      c[f.to] = (c[f.to] ?? 0) + 1;
    }
  }
  return writes;
}

function randomFault(rng: ReturnType<typeof createRng>, nodes: NodeId[]): FaultOp {
  switch (rng.int(6)) {
    case 0:
    case 1: {
      const cut = rng.between(1, nodes.length - 1);
      const order = rng.shuffle(nodes);
      return { op: 'split', groups: [order.slice(0, cut), order.slice(cut)] };
    }
    case 2:
      return { op: 'heal' };
    case 3:
      return { op: 'loss', rate: rng.pick([0, 0.1, 0.3]) };
    case 4:
      return { op: 'dup', rate: rng.pick([0, 0.3]) };
    default:
      return { op: 'latency', base: rng.between(0, 30), jitter: rng.between(0, 200) };
  }
}

function play(seed: number) {
  const rng = createRng(deriveSeed(seed, 'lww'));
  const n = rng.between(2, 6);
  const s = session(n, seed);
  s.core.startRound(0, 'cart', { mode: 'lww', syncMs: 300, botEveryMs: 80, botJitterMs: 300, botsStopAt: 6_000 });
  for (let t = rng.between(200, 900); t < 6_000; t += rng.between(200, 900)) {
    s.runUntil(t);
    s.core.changeFaults(t, randomFault(rng, ids(n)));
  }
  s.core.changeFaults(6_000, { op: 'heal' });
  s.core.changeFaults(6_000, { op: 'loss', rate: 0 });
  s.runUntil(20_000);
  const state = s.game() as CartState;
  return { s, state, clocks: writeClocks(s.events) };
}

describe('cart: last-writer-wins [C6][C7]', () => {
  it('[C7] over random partitions, loss, duplication and delays: a write is lost exactly when a write on the winning branch is concurrent with it', () => {
    let lostSeen = 0;
    let cleanItems = 0;
    for (let i = 0; i < 40; i++) {
      const seed = deriveSeed(Number(process.env.CART_LWW_SEED ?? 1), i);
      const { state, clocks } = play(seed);
      const { lost } = lostUpdates(state);
      const lostIds = new Set(lost.map((w) => w.id));
      expect(clocks.size, `seed ${seed}`).toBe(state.writes.length);
      for (const item of new Set(state.writes.map((w) => w.item))) {
        const ws = state.writes.filter((w) => w.item === item);
        const winner = ws.reduce((a, b) => (b.lamport! > a.lamport! || (b.lamport === a.lamport && b.node > a.node) ? b : a));
        const winning = branch(state, winner.id, 0);
        // Stamps respect happened-before (Lamport 1978), and a branch is causally ordered.
        for (const a of ws)
          for (const b of ws) if (happensBefore(clocks.get(a.id)!, clocks.get(b.id)!)) expect(a.lamport!).toBeLessThan(b.lamport!);
        for (let k = 1; k < winning.length; k++)
          expect(happensBefore(clocks.get(winning[k]!.id)!, clocks.get(winning[k - 1]!.id)!)).toBe(true);
        for (const w of ws) {
          const raced = winning.some((c) => concurrent(clocks.get(c.id)!, clocks.get(w.id)!));
          expect(lostIds.has(w.id), `seed ${seed}: write ${w.id} (${w.node} ${w.item}) lost=${lostIds.has(w.id)} raced=${raced}`).toBe(
            raced,
          );
        }
        const anyConcurrent = ws.some((a) => ws.some((b) => concurrent(clocks.get(a.id)!, clocks.get(b.id)!)));
        expect(
          ws.some((w) => lostIds.has(w.id)),
          `seed ${seed}: ${item}`,
        ).toBe(anyConcurrent);
        if (!anyConcurrent) cleanItems++;
      }
      lostSeen += lost.length;
    }
    // Neither side of the equivalence is empty: some updates were lost, some items lost none.
    expect(lostSeen).toBeGreaterThan(0);
    expect(cleanItems).toBeGreaterThan(0);
  }, 60_000);

  it('[C6][C7] a 2–3 partition: both sides keep writing; on heal the later stamps win, the others are named as lost, and every replica agrees', () => {
    const s = session(5, 7);
    s.core.changeFaults(0, { op: 'latency', base: 20, jitter: 40 });
    s.core.startRound(0, 'cart', { mode: 'lww', syncMs: 200, botEveryMs: 100, botJitterMs: 200, botsStopAt: 8_000 });
    s.runUntil(1_000);
    s.core.changeFaults(1_000, { op: 'split', groups: [ids(2), ids(5).slice(2)] });
    s.runUntil(8_000);
    const g = s.game()!;
    expect(g.agreeSince).toBeNull();
    expect(g.sides.A!.accepted).toBe(g.sides.A!.attempted);
    expect(g.sides.B!.accepted).toBe(g.sides.B!.attempted);
    s.core.changeFaults(8_000, { op: 'heal' });
    s.runUntil(30_000);
    s.core.endRound(30_000);
    const r = s.core.state.rounds.at(-1)!.result as {
      lost: number;
      lostGroups: { node: string; by: string[] }[];
      converged: boolean;
      convergeMs: number;
    };
    expect(r.converged).toBe(true);
    expect(r.convergeMs).toBeGreaterThan(0);
    expect(r.lost).toBeGreaterThan(0);
    expect(r.lostGroups.length).toBeGreaterThan(0);
    for (const group of r.lostGroups) expect(group.by.length).toBeGreaterThan(0);
    // The timeline marks each first overwrite, with whose writes were lost to whose.
    const marks = s.events.filter((e) => e.type === 'mark' && e.notice?.code === 'cart.mark.overwritten');
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]).toMatchObject({ notice: { params: { lost: { nodes: expect.any(Array) }, by: { nodes: expect.any(Array) } } } });
    // Some phone was told its list was overwritten.
    expect(Object.values(g.replicas).some((rep) => rep.changes.some((c) => c.why === 'overwrote'))).toBe(true);
    expect(fold(s.header, s.events, GAMES)).toEqual(s.core.state);
  });

  it('[C6] a later stamp wins on every replica; an equal Lamport value goes to the greater node id', () => {
    const t = table(3, { mode: 'lww' });
    const a = t.tap('n1', 'apples', 1) as ReturnType<typeof t.deliver>;
    const b = t.tap('n2', 'apples', 1) as ReturnType<typeof t.deliver>;
    t.tap('n2', 'apples', 1);
    // n1's and n2's first writes both have Lamport 1; n2's second has 2.
    for (const s of sends(a)) t.deliver(s);
    for (const s of sends(b)) t.deliver(s);
    expect(t.state.replicas.n3!.lww.apples).toMatchObject({ lamport: 1, node: 'n2', qty: 1 });
    expect(t.state.replicas.n1!.lww.apples).toMatchObject({ lamport: 1, node: 'n2' });
    // n1's +1 is lost on n1 and n3, and n1's phone is told whose write replaced it.
    expect(t.state.replicas.n1!.changes.at(-1)).toMatchObject({ why: 'overwrote', by: ['n2'], lost: { nodes: ['n1'], delta: 1 } });
    expect(t.state.writes[0]!.overwrittenAt).toBe(0);
  });
});
