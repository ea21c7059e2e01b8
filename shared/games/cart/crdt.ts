// The CRDT mode's data type [C8]: one PN-counter per item (Shapiro, Preguiça, Baquero and
// Zawirski, "A comprehensive study of Convergent and Commutative Replicated Data Types", INRIA
// RR-7506, 2011, §3.1.3 "PN-Counter"). Each replica counts its own increments (P) and decrements
// (N) apart; the merge is the per-node maximum of both. That merge is the least upper bound of a
// semilattice, and a local update only raises the state, so the counter is what Shapiro et al.
// ("Conflict-free Replicated Data Types", SSS 2011) call a monotonic semilattice object, and
// their theorem for state-based objects applies: assuming eventual delivery and termination, it
// is strongly eventually consistent (replicas that have delivered the same updates, in any order
// and any number of times, hold equal states). property.test.ts checks each condition (join
// commutative, associative, idempotent; updates inflationary) and the conclusion.
//
// Plain JSON (no Maps): a replica's state is part of the game state, folded by the replay.

import type { NodeId } from '../../protocol/ids';

/** Per-node counts; a node that never counted is absent (0). */
export type GCounter = Record<NodeId, number>;

export interface PNCounter {
  p: GCounter;
  n: GCounter;
}

export const emptyCounter = (): PNCounter => ({ p: {}, n: {} });

/** The counter's value: all increments minus all decrements. It can go below 0 (see [C8]). */
export function counterValue(c: PNCounter): number {
  let v = 0;
  for (const k in c.p) v += c.p[k] ?? 0;
  for (const k in c.n) v -= c.n[k] ?? 0;
  return v;
}

/** `node` counts +1 or −1 on its own entry, the only entry a replica ever raises itself. */
export function countLocal(c: PNCounter, node: NodeId, delta: 1 | -1): void {
  const side = delta > 0 ? c.p : c.n;
  side[node] = (side[node] ?? 0) + 1;
}

/** Joins `from` into `into` in place (per-node max of P and of N). Returns whether `into` grew. */
export function joinInto(into: PNCounter, from: PNCounter): boolean {
  let grew = false;
  for (const k in from.p) {
    const v = from.p[k] ?? 0;
    if (v > (into.p[k] ?? 0)) {
      into.p[k] = v;
      grew = true;
    }
  }
  for (const k in from.n) {
    const v = from.n[k] ?? 0;
    if (v > (into.n[k] ?? 0)) {
      into.n[k] = v;
      grew = true;
    }
  }
  return grew;
}

/** The join as a fresh value (for the property tests and whole-state merges). */
export function join(a: PNCounter, b: PNCounter): PNCounter {
  const out = copyCounter(a);
  joinInto(out, b);
  return out;
}

export function copyCounter(c: PNCounter): PNCounter {
  return { p: { ...c.p }, n: { ...c.n } };
}

/** a ≤ b in the semilattice's order (every entry of a at most b's). */
export function leq(a: PNCounter, b: PNCounter): boolean {
  for (const k in a.p) if ((a.p[k] ?? 0) > (b.p[k] ?? 0)) return false;
  for (const k in a.n) if ((a.n[k] ?? 0) > (b.n[k] ?? 0)) return false;
  return true;
}

/** Equal as lattice elements (absent and 0 are the same). */
export function sameCounter(a: PNCounter, b: PNCounter): boolean {
  return leq(a, b) && leq(b, a);
}

/** A canonical text of the counter (entries sorted, zeros left out), for agreement checks. */
export function counterDigest(c: PNCounter): string {
  const side = (g: GCounter) =>
    Object.keys(g)
      .filter((k) => (g[k] ?? 0) > 0)
      .sort()
      .map((k) => `${k}:${g[k]}`)
      .join(',');
  return `${side(c.p)}/${side(c.n)}`;
}

/** Whose counts `from` raises in `into` (for the phone's "merged Ana's +2"), before joining. */
export function gains(into: PNCounter, from: PNCounter): Record<NodeId, number> {
  const out: Record<NodeId, number> = {};
  for (const k in from.p) {
    const d = (from.p[k] ?? 0) - (into.p[k] ?? 0);
    if (d > 0) out[k] = (out[k] ?? 0) + d;
  }
  for (const k in from.n) {
    const d = (from.n[k] ?? 0) - (into.n[k] ?? 0);
    if (d > 0) out[k] = (out[k] ?? 0) - d;
  }
  return out;
}
