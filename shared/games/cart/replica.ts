// What a replica shows and how replicas are compared, whatever the mode.

import type { EngineCtx } from '../types';
import { ITEMS, type ItemId } from './config';
import { counterDigest, counterValue } from './crdt';
import type { CartState, Replica } from './state';

/** The quantity a replica's list shows for an item [C6][C8][C9]. */
export function qtyOf(state: CartState, r: Replica, item: ItemId): number {
  switch (state.mode) {
    case 'lww':
      return r.lww[item]?.qty ?? 0;
    case 'crdt': {
      const c = r.crdt[item];
      return c ? counterValue(c) : 0;
    }
    case 'quorum':
      return r.saved[item].qty;
  }
}

export function listOf(state: CartState, r: Replica): Record<ItemId, number> {
  const out = {} as Record<ItemId, number>;
  for (const item of ITEMS) out[item] = qtyOf(state, r, item);
  return out;
}

/**
 * The replicated state as text [C13]: equal digests exactly when the replicas are equal
 * (lww: the same register per item; crdt: the same counters; quorum: the same saved write per
 * item). Votes, pending writes and notes of aborted writes are bookkeeping, not the list.
 */
export function digestOf(state: CartState, r: Replica): string {
  const parts: string[] = [];
  for (const item of ITEMS) {
    switch (state.mode) {
      case 'lww':
        parts.push(String(r.lww[item]?.write ?? 0));
        break;
      case 'crdt': {
        const c = r.crdt[item];
        parts.push(c ? counterDigest(c) : '/');
        break;
      }
      case 'quorum':
        parts.push(`${r.saved[item].version}:${r.saved[item].write}`);
        break;
    }
  }
  return parts.join('|');
}

/**
 * Keeps `agreeSince` right after a replica changed or the live set did [C13]: the time since
 * which every live replica has held the same state, or null while two differ. O(N).
 */
export function refreshAgreement(state: CartState, ctx: EngineCtx): boolean {
  let first: string | null = null;
  let agree = true;
  for (const n of state.nodes) {
    if (ctx.isDown(n)) continue;
    const d = state.replicas[n]?.digest ?? '';
    if (first === null) first = d;
    else if (d !== first) {
      agree = false;
      break;
    }
  }
  const was = state.agreeSince !== null;
  if (agree && !was) state.agreeSince = ctx.now;
  else if (!agree) state.agreeSince = null;
  return agree && !was;
}

/** Recomputes a replica's digest after its state changed. */
export function touch(state: CartState, r: Replica): void {
  r.digest = digestOf(state, r);
}

/**
 * The state most live replicas hold (ties: the first in seat order), and how many hold it, for
 * the divergence map: each node agrees with it or not [C16].
 */
export function majorityDigest(state: CartState, isDown: (n: string) => boolean): { digest: string | null; holders: number } {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let holders = 0;
  for (const n of state.nodes) {
    if (isDown(n)) continue;
    const d = state.replicas[n]?.digest ?? '';
    const c = (counts.get(d) ?? 0) + 1;
    counts.set(d, c);
    if (c > holders) {
      holders = c;
      best = d;
    }
  }
  return { digest: best, holders };
}
