// The round's result [C16], recorded when the round ends: writes attempted, accepted and refused
// (in all, and during partitions: availability), lost updates with whose writes they were
// (lww), whether the live replicas ended holding the same list and how long after the last heal
// they came to, and the network's figures.

import type { NodeId } from '../../protocol/ids';
import type { NetStats } from '../types';
import { ITEMS, type CartMode, type ItemId } from './config';
import { lostUpdates, type LostGroup } from './lww';
import { listOf, majorityDigest } from './replica';
import { REFUSE_REASONS, type CartState, type RefuseReason, type SideCount } from './state';

export interface CartResult {
  game: 'cart';
  mode: CartMode;
  nodes: number;
  majority: number;
  writes: { attempted: number; accepted: number; refused: number; pending: number };
  /** Writes tapped while the network was split: availability is accepted / attempted. */
  duringSplit: SideCount & { availability: number | null };
  /** Per partition group, during the latest split. */
  sides: Record<string, SideCount>;
  refusedBy: Record<RefuseReason, number>;
  /** Accepted writes the final lists do not include (lww only: quorum and crdt lose none). */
  lost: number;
  lostGroups: LostGroup[];
  /** Every live replica holds the same list at the end. */
  converged: boolean;
  /** Live replicas and how many distinct lists they hold. */
  live: number;
  distinct: number;
  splits: number;
  healedAt: number | null;
  /** Since when the live replicas agree (null: they do not), and how long that came after the last heal. */
  agreeSince: number | null;
  convergeMs: number | null;
  /** The list most live replicas hold at the end. */
  final: Record<ItemId, number>;
  /** crdt: items whose counter ended below zero (two sides each took the last one). */
  negative: ItemId[];
  endedAt: number;
  net: NetStats;
}

export function cartResult(state: CartState, net: NetStats, now: number, isDown: (n: NodeId) => boolean): CartResult {
  const writes = { attempted: state.writes.length, accepted: 0, refused: 0, pending: 0 };
  const duringSplit = { attempted: 0, accepted: 0, refused: 0 };
  const refusedBy = Object.fromEntries(REFUSE_REASONS.map((r) => [r, 0])) as Record<RefuseReason, number>;
  for (const w of state.writes) {
    writes[w.status]++;
    if (w.reason) refusedBy[w.reason]++;
    if (w.split !== null) {
      duringSplit.attempted++;
      if (w.status !== 'pending') duringSplit[w.status]++;
    }
  }
  const { lost, groups } = state.mode === 'lww' ? lostUpdates(state) : { lost: [], groups: [] };
  const { digest } = majorityDigest(state, isDown);
  const liveNodes = state.nodes.filter((n) => !isDown(n));
  const distinct = new Set(liveNodes.map((n) => state.replicas[n]?.digest)).size;
  const holder = state.nodes.find((n) => !isDown(n) && state.replicas[n]?.digest === digest) ?? state.nodes[0];
  const rep = holder ? state.replicas[holder] : undefined;
  const final = rep ? listOf(state, rep) : (Object.fromEntries(ITEMS.map((i) => [i, 0])) as Record<ItemId, number>);
  const converged = distinct <= 1;
  const agreeSince = converged ? state.agreeSince : null;
  return {
    game: 'cart',
    mode: state.mode,
    nodes: state.n,
    majority: state.majority,
    writes,
    duringSplit: { ...duringSplit, availability: duringSplit.attempted ? duringSplit.accepted / duringSplit.attempted : null },
    sides: Object.fromEntries(Object.entries(state.sides).map(([g, s]) => [g, { ...s }])),
    refusedBy,
    lost: lost.length,
    lostGroups: groups,
    converged,
    live: liveNodes.length,
    distinct,
    splits: state.splits,
    healedAt: state.healedAt,
    agreeSince,
    convergeMs: agreeSince !== null && state.healedAt !== null && !state.split ? Math.max(0, agreeSince - state.healedAt) : null,
    final,
    negative: state.mode === 'crdt' ? ITEMS.filter((i) => final[i] < 0) : [],
    endedAt: now,
    net: { ...net, dropped: { ...net.dropped } },
  };
}

/**
 * What every phone is told about the class after a cart round: how many changes the class
 * made and what became of them in this mode. Kept: accepted and in the final lists (a quorum
 * write saved by a majority, a crdt change merged); lost: accepted, then overwritten by a
 * concurrent write (lww only); refused: never accepted; pending: still waiting at the end.
 */
export interface CartClassRecap {
  game: 'cart';
  mode: CartMode;
  changes: number;
  kept: number;
  lost: number;
  refused: number;
  pending: number;
}

export function cartClassRecap(result: CartResult): CartClassRecap {
  const { attempted, accepted, refused, pending } = result.writes;
  return {
    game: 'cart',
    mode: result.mode,
    changes: attempted,
    kept: Math.max(0, accepted - result.lost),
    lost: result.lost,
    refused,
    pending,
  };
}
