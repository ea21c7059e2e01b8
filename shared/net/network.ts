// What the simulated network does to one envelope: a pure function of the envelope's ends,
// the current faults and a seeded random source (the Maelstrom model: the network is data,
// faults are verbs, and every decision is written to the journal by the caller).

import type { NodeId } from '../protocol/ids';
import type { Rng } from '../rng';
import { DEFAULT_GROUP, linkKey, type Faults } from './faults';

export const DROP_REASONS = ['crashed', 'partition', 'loss'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export type Outcome =
  /** Delivered at each time in `at` (two entries when the network duplicated it). */
  { deliver: true; at: number[] } | { deliver: false; reason: DropReason };

/** The faults, indexed for lookups per envelope. Built once per faults object. */
interface Compiled {
  crashed: Set<NodeId>;
  groups: Map<NodeId, string>;
  open: Set<string>;
  /** Shortcuts for the common case of a whole network (one message per call adds up). */
  partitioned: boolean;
  linkLoss: boolean;
}

const compiledCache = new WeakMap<Faults, Compiled>();

function compile(faults: Faults): Compiled {
  let c = compiledCache.get(faults);
  if (!c) {
    c = {
      crashed: new Set(faults.crashed),
      groups: new Map(Object.entries(faults.partition.groups)),
      open: new Set(faults.partition.open),
      partitioned: Object.keys(faults.partition.groups).length > 0,
      linkLoss: Object.keys(faults.linkLoss).length > 0,
    };
    compiledCache.set(faults, c);
  }
  return c;
}

export function isCrashed(faults: Faults, node: NodeId): boolean {
  return compile(faults).crashed.has(node);
}

/** True when the partition lets a message go from `from` to `to`. */
export function canReach(faults: Faults, from: NodeId, to: NodeId): boolean {
  const c = compile(faults);
  if (!c.partitioned) return true;
  const a = c.groups.get(from) ?? DEFAULT_GROUP;
  const b = c.groups.get(to) ?? DEFAULT_GROUP;
  return a === b || c.open.has(linkKey(a, b));
}

/**
 * Why a message from `from` to `to` cannot get through right now, ignoring chance
 * (crash, then partition), or null when the path is up. Checked when the envelope is sent
 * and again when it arrives, so a cut made while a message is in flight still drops it.
 */
export function blockedBy(faults: Faults, from: NodeId, to: NodeId, down?: { has(node: NodeId): boolean }): DropReason | null {
  const c = compile(faults);
  if ((c.crashed.size > 0 && (c.crashed.has(from) || c.crashed.has(to))) || down?.has(from) || down?.has(to)) return 'crashed';
  if (!canReach(faults, from, to)) return 'partition';
  return null;
}

/** The probability that a message on this directed link is lost. */
export function lossRate(faults: Faults, from: NodeId, to: NodeId): number {
  if (!compile(faults).linkLoss) return faults.loss;
  const link = faults.linkLoss[linkKey(from, to)] ?? 0;
  return 1 - (1 - faults.loss) * (1 - link);
}

/**
 * Decides the fate of one envelope sent at `now`. `down` holds nodes that are gone for
 * reasons outside the faults (kicked, left) and count as crashed. Random draws happen in a
 * fixed order (loss, latency, duplication, duplicate's latency) so a seed replays exactly.
 */
export function decide(
  env: { from: NodeId; to: NodeId },
  faults: Faults,
  rng: Rng,
  now: number,
  down?: { has(node: NodeId): boolean },
): Outcome {
  const blocked = blockedBy(faults, env.from, env.to, down);
  if (blocked) return { deliver: false, reason: blocked };
  const p = lossRate(faults, env.from, env.to);
  if (p > 0 && rng.next() < p) return { deliver: false, reason: 'loss' };
  const { base, jitter } = faults.latency;
  const at = [now + base + (jitter > 0 ? Math.round(rng.next() * jitter) : 0)];
  if (faults.dup > 0 && rng.next() < faults.dup) at.push(now + base + (jitter > 0 ? Math.round(rng.next() * jitter) : 0));
  return { deliver: true, at };
}
