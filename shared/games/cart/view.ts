// What a phone is shown [C12][C18]: its own replica's list (never another replica's), what its
// last tap became, and how its list changed because of others. O(items), never O(nodes).

import type { NodeId } from '../../protocol/ids';
import { ITEMS, type CartMode, type ItemId } from './config';
import { qtyOf } from './replica';
import { checkAction } from './rules';
import { writeOf, type CartState, type Change, type RefuseReason, type WriteStatus } from './state';

export interface CartItemView {
  item: ItemId;
  qty: number;
  /** quorum: your change to it is waiting for a majority. */
  pending: boolean;
  /** Whether + and − would be taken now, and the rejection's code when not. */
  canAdd: boolean;
  canRemove: boolean;
  blocked: string | null;
}

/** Your last tap and what became of it [C12]. */
export interface WriteFeedback {
  write: number;
  item: ItemId;
  delta: 1 | -1;
  status: WriteStatus;
  reason: RefuseReason | null;
  at: number;
  decidedAt: number | null;
  /** quorum: votes for it so far (yours included), against it, and how many it needs. */
  votes: number;
  against: number;
  needed: number;
  /** lww, crdt: other replicas that confirmed receiving it. */
  seen: number;
  version: number | null;
}

export interface CartNodeView {
  game: 'cart';
  you: NodeId;
  mode: CartMode;
  /** Replicas in the round and the majority of them. */
  n: number;
  majority: number;
  startedAt: number;
  endsAt: number;
  over: boolean;
  items: CartItemView[];
  last: WriteFeedback | null;
  /** How your list changed because of others, newest first (at most 5). */
  changes: Change[];
  mine: { attempted: number; accepted: number; refused: number };
}

export function nodeView(state: CartState, node: NodeId): CartNodeView | null {
  const me = state.replicas[node];
  if (!me) return null;
  const items = ITEMS.map((item): CartItemView => {
    const add = checkAction(state, node, { type: 'add', item, delta: 1 });
    const remove = checkAction(state, node, { type: 'add', item, delta: -1 });
    return {
      item,
      qty: qtyOf(state, me, item),
      pending: me.pending[item] !== undefined,
      canAdd: add === null,
      canRemove: remove === null,
      blocked: add?.code ?? null,
    };
  });
  const w = me.last === null ? undefined : writeOf(state, me.last);
  return {
    game: 'cart',
    you: node,
    mode: state.mode,
    n: state.n,
    majority: state.majority,
    startedAt: state.startedAt,
    endsAt: state.endsAt,
    over: state.over !== null,
    items,
    last: w
      ? {
          write: w.id,
          item: w.item,
          delta: w.delta,
          status: w.status,
          reason: w.reason,
          at: w.at,
          decidedAt: w.decidedAt,
          votes: w.acks.length,
          against: w.nacks.length,
          needed: state.majority,
          seen: w.seen,
          version: w.version,
        }
      : null,
    changes: me.changes.map((c) => ({ ...c, by: [...c.by], lost: c.lost ? { ...c.lost, nodes: [...c.lost.nodes] } : null })).reverse(),
    mine: { attempted: me.attempted, accepted: me.accepted, refused: me.refused },
  };
}
