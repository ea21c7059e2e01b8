// Seeded property tests of the CRDT mode [C8], against the conditions of Shapiro, Preguiça,
// Baquero and Zawirski, "Conflict-free Replicated Data Types" (SSS 2011): a state-based object
// whose merge is the least upper bound of a semilattice and whose updates only raise the state
// is strongly eventually consistent, assuming eventual delivery: replicas that delivered the
// same updates hold equal states. Checked here on the counter itself (the lattice laws), and on
// the engine with envelopes delivered in random orders, duplicated and reordered.
//
// CART_PROPERTY_SEED=<n> picks the base seed (default 1); CART_PROPERTY_RUNS=<n> how many cases
// (default 300). A failure names its seed.

import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, type Rng } from '../../rng';
import { ITEMS, KINDS } from './config';
import { countLocal, counterValue, emptyCounter, join, leq, sameCounter, type PNCounter } from './crdt';
import { sends, table, type Send } from '../../../test/support/cart';

const BASE = Number(process.env.CART_PROPERTY_SEED ?? 1);
const RUNS = Number(process.env.CART_PROPERTY_RUNS ?? 300);

function randomCounter(rng: Rng): PNCounter {
  const c = emptyCounter();
  const nodes = ['n1', 'n2', 'n3', 'n4'];
  for (let i = rng.int(12); i > 0; i--) countLocal(c, rng.pick(nodes), rng.chance(0.6) ? 1 : -1);
  return c;
}

function cases(name: string, check: (rng: Rng, seed: number) => void): void {
  for (let i = 0; i < RUNS; i++) {
    const seed = deriveSeed(BASE, `${name}:${i}`);
    try {
      check(createRng(seed), seed);
    } catch (e) {
      throw new Error(`CART_PROPERTY_SEED=${BASE}, case ${i} (seed ${seed}): ${(e as Error).message}`);
    }
  }
}

describe('cart: the PN-counter is a join semilattice [C8]', () => {
  it(`[C8] merge is commutative, associative and idempotent (${RUNS} seeded cases)`, () => {
    cases('laws', (rng) => {
      const a = randomCounter(rng);
      const b = randomCounter(rng);
      const c = randomCounter(rng);
      expect(sameCounter(join(a, b), join(b, a))).toBe(true);
      expect(sameCounter(join(join(a, b), c), join(a, join(b, c)))).toBe(true);
      expect(sameCounter(join(a, a), a)).toBe(true);
    });
  });

  it(`[C8] the merge is the least upper bound, and a tap only raises the state (${RUNS} cases)`, () => {
    cases('lub', (rng) => {
      const a = randomCounter(rng);
      const b = randomCounter(rng);
      const j = join(a, b);
      expect(leq(a, j) && leq(b, j)).toBe(true);
      // Any upper bound of a and b is above the join.
      const u = join(j, randomCounter(rng));
      expect(leq(j, u)).toBe(true);
      const before = join(a, emptyCounter());
      countLocal(a, rng.pick(['n1', 'n2', 'n9']), rng.chance(0.5) ? 1 : -1);
      expect(leq(before, a)).toBe(true);
      expect(sameCounter(before, a)).toBe(false);
    });
  });

  it('[C8] counts of different nodes never overwrite each other: the value is every tap summed', () => {
    const a = emptyCounter();
    const b = emptyCounter();
    countLocal(a, 'n1', 1);
    countLocal(a, 'n1', 1);
    countLocal(b, 'n2', 1);
    countLocal(b, 'n2', -1);
    countLocal(b, 'n2', -1);
    expect(counterValue(join(a, b))).toBe(2 + 1 - 2);
    // A last-writer-wins merge of the two would keep one side only (2 or −1).
  });
});

/** Delivers `queue` in a random order, each envelope 1–3 times, replies included. */
function deliverShuffled(t: ReturnType<typeof table>, queue: Send[], rng: Rng): void {
  let pending = rng.shuffle(queue);
  while (pending.length) {
    const i = rng.int(pending.length);
    const env = pending[i]!;
    const times = 1 + (rng.chance(0.3) ? rng.int(3) : 0);
    pending = pending.filter((_, k) => k !== i);
    for (let k = 0; k < times; k++) pending.push(...sends(t.deliver(env)).filter((s) => s.kind !== KINDS.seen));
    if (rng.chance(0.2)) pending = rng.shuffle(pending);
  }
}

describe('cart: the CRDT mode through the engine [C4][C5][C8]', () => {
  it(`[C8] after any interleaving, duplication and reordering of the same taps, every replica holds the same state, and nothing is lost (${Math.ceil(RUNS / 3)} cases)`, () => {
    for (let i = 0; i < Math.ceil(RUNS / 3); i++) {
      const seed = deriveSeed(BASE, `engine:${i}`);
      const rng = createRng(seed);
      const n = rng.between(2, 6);
      const t = table(n, { mode: 'crdt' }, seed);
      const queue: Send[] = [];
      const sum: Record<string, number> = {};
      for (let k = rng.between(1, 40); k > 0; k--) {
        const node = rng.pick(t.state.nodes);
        const item = rng.pick(ITEMS);
        const out = t.tap(node, item, rng.chance(0.65) ? 1 : -1);
        if (!Array.isArray(out)) continue;
        const delta = out.length ? (t.state.writes.at(-1)?.delta ?? 0) : 0;
        sum[item] = (sum[item] ?? 0) + delta;
        // Some envelopes arrive now, some later, some twice; the rest wait in the queue.
        for (const s of sends(out)) {
          if (rng.chance(0.3)) t.deliver(s);
          else queue.push(s);
        }
      }
      deliverShuffled(t, queue, rng);
      // Anti-entropy: whole states, in a random order, until every replica has every other's.
      for (let round = 0; round < 2; round++) {
        const syncs: Send[] = [];
        for (const from of t.state.nodes) {
          for (const to of t.state.nodes) {
            if (from !== to)
              syncs.push({
                type: 'send',
                from,
                to,
                kind: KINDS.sync,
                body: structuredClone({ clock: 0, crdt: t.state.replicas[from]!.crdt }),
              });
          }
        }
        deliverShuffled(t, syncs, rng);
      }
      const digests = new Set(t.state.nodes.map((x) => t.state.replicas[x]!.digest));
      expect(digests.size, `seed ${seed}`).toBe(1);
      for (const node of t.state.nodes) {
        for (const item of ITEMS) {
          const c = t.state.replicas[node]!.crdt[item];
          expect(c ? counterValue(c) : 0, `seed ${seed}: ${node}'s ${item}`).toBe(sum[item] ?? 0);
        }
      }
    }
  });
});
