// What the projector is shown [C16]: every replica's list side by side, whether it agrees with
// the state most live replicas hold (the divergence map), the partition's sides with their
// writes accepted and refused, the lost updates so far (lww) and the latest writes. The console
// may show everything. O(N · items + writes) per view.

import type { NodeId } from '../../protocol/ids';
import { ITEMS, type CartMode, type ItemId } from './config';
import { lostUpdates, type LostGroup } from './lww';
import { listOf, majorityDigest } from './replica';
import type { CartState, RefuseReason, SideCount, WriteStatus } from './state';

/** Writes the console lists (the latest). */
export const CONSOLE_WRITES = 12;

export interface CartConsoleReplica {
  list: Record<ItemId, number>;
  /** Holds the state most live replicas hold. */
  agrees: boolean;
  /** Which distinct state it holds (0: the majority's, 1, 2…: others, in seat order of first holder). */
  state: number;
  down: boolean;
  pending: number;
  attempted: number;
  accepted: number;
  refused: number;
}

export interface CartConsoleWrite {
  id: number;
  node: NodeId;
  item: ItemId;
  delta: 1 | -1;
  at: number;
  status: WriteStatus;
  reason: RefuseReason | null;
  group: string;
  duringSplit: boolean;
  overwritten: boolean;
}

export interface CartConsoleView {
  game: 'cart';
  mode: CartMode;
  n: number;
  majority: number;
  syncMs: number;
  quorumTimeoutMs: number;
  startedAt: number;
  endsAt: number;
  split: boolean;
  splitAt: number | null;
  healedAt: number | null;
  /** Since when every live replica holds the same list (null: they differ now). */
  agreeSince: number | null;
  /** The list most live replicas hold, and how many hold it. */
  majorityList: Record<ItemId, number> | null;
  holders: number;
  live: number;
  /** How many distinct lists the live replicas hold. */
  distinct: number;
  replicas: Record<NodeId, CartConsoleReplica>;
  /** Writes per partition group during the latest split. */
  sides: Record<string, SideCount>;
  totals: { attempted: number; accepted: number; refused: number; pending: number };
  /** lww: writes that the winning registers do not include (lost once every list is delivered). */
  lost: { writes: number; groups: LostGroup[] };
  recent: CartConsoleWrite[];
}

export function consoleView(state: CartState): CartConsoleView {
  const { digest, holders } = majorityDigest(state, (n) => state.replicas[n]?.down ?? false);
  const index = new Map<string, number>();
  if (digest !== null) index.set(digest, 0);
  const replicas: Record<NodeId, CartConsoleReplica> = {};
  let majorityList: Record<ItemId, number> | null = null;
  let live = 0;
  for (const n of state.nodes) {
    const r = state.replicas[n];
    if (!r) continue;
    if (!r.down) live++;
    let k = index.get(r.digest);
    if (k === undefined) {
      k = index.size;
      index.set(r.digest, k);
    }
    const list = listOf(state, r);
    if (k === 0 && majorityList === null) majorityList = list;
    replicas[n] = {
      list,
      agrees: k === 0,
      state: k,
      down: r.down,
      pending: ITEMS.filter((i) => r.pending[i] !== undefined).length,
      attempted: r.attempted,
      accepted: r.accepted,
      refused: r.refused,
    };
  }
  const distinct = new Set(state.nodes.filter((n) => !state.replicas[n]?.down).map((n) => state.replicas[n]?.digest)).size;
  const totals = { attempted: state.writes.length, accepted: 0, refused: 0, pending: 0 };
  for (const w of state.writes) totals[w.status]++;
  const lost = state.mode === 'lww' ? lostUpdates(state) : { lost: [], groups: [] };
  return {
    game: 'cart',
    mode: state.mode,
    n: state.n,
    majority: state.majority,
    syncMs: state.config.syncMs,
    quorumTimeoutMs: state.config.quorumTimeoutMs,
    startedAt: state.startedAt,
    endsAt: state.endsAt,
    split: state.split,
    splitAt: state.splitAt,
    healedAt: state.healedAt,
    agreeSince: state.agreeSince,
    majorityList,
    holders,
    live,
    distinct,
    replicas,
    sides: Object.fromEntries(Object.entries(state.sides).map(([g, s]) => [g, { ...s }])),
    totals,
    lost: { writes: lost.lost.length, groups: lost.groups },
    recent: state.writes
      .slice(-CONSOLE_WRITES)
      .reverse()
      .map((w) => ({
        id: w.id,
        node: w.node,
        item: w.item,
        delta: w.delta,
        at: w.at,
        status: w.status,
        reason: w.reason,
        group: w.group,
        duringSplit: w.split !== null,
        overwritten: w.overwrittenAt !== null,
      })),
  };
}
