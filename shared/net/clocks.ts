// Logical clocks carried by every envelope, for the space-time diagram and the clock games.
// A vector clock lists only the nodes it has heard of (absent entries are 0).

import type { NodeId } from '../protocol/ids';

export type VectorClock = Record<NodeId, number>;

export interface NodeClock {
  lamport: number;
  vector: VectorClock;
}

export const newClock = (): NodeClock => ({ lamport: 0, vector: {} });

/**
 * A local event that sends: tick both clocks; returns the stamp the envelope carries.
 * Without `vectors` only the Lamport clock runs (vector stamps grow with the number of
 * nodes, which a 100,000-node simulation cannot afford).
 */
export function tickSend(clock: NodeClock, self: NodeId, vectors = true): { lamport: number; vector?: VectorClock } {
  clock.lamport += 1;
  if (!vectors) return { lamport: clock.lamport };
  clock.vector[self] = (clock.vector[self] ?? 0) + 1;
  return { lamport: clock.lamport, vector: { ...clock.vector } };
}

/** A receive: Lamport takes the max plus one, the vector takes the pointwise max and ticks. */
export function tickReceive(clock: NodeClock, self: NodeId, stamp: { lamport: number; vector?: VectorClock }): void {
  clock.lamport = Math.max(clock.lamport, stamp.lamport) + 1;
  if (!stamp.vector) return;
  for (const [n, v] of Object.entries(stamp.vector)) {
    if (v > (clock.vector[n] ?? 0)) clock.vector[n] = v;
  }
  clock.vector[self] = (clock.vector[self] ?? 0) + 1;
}

/** Happened-before on vector clocks: a → b when a ≤ b pointwise and a ≠ b. */
export function happenedBefore(a: VectorClock, b: VectorClock): boolean {
  let strictly = false;
  for (const [n, v] of Object.entries(a)) {
    const w = b[n] ?? 0;
    if (v > w) return false;
    if (v < w) strictly = true;
  }
  if (!strictly) for (const [n, w] of Object.entries(b)) if (w > 0 && !(n in a)) strictly = true;
  return strictly;
}
