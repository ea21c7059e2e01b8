// The split-brain cart's state: one replica per node (its own copy of the list, in the round's
// mode), and the round's log of writes. Plain JSON data: the fold of a recording must equal the
// live state. The log is the engine's ground truth for the analysis (who wrote what, which
// writes were refused or overwritten); replicas never read it, they learn only from envelopes.

import type { NodeId } from '../../protocol/ids';
import { createRng, deriveSeed, type Rng } from '../../rng';
import type { InitCtx } from '../types';
import { ITEMS, majority, type CartConfig, type CartMode, type ItemId } from './config';
import type { PNCounter } from './crdt';

/** LWW: the item's value with the stamp that orders it [C6]. */
export interface LwwRegister {
  qty: number;
  /** The writer's Lamport clock at the write, then the writer's id: (lamport, node) orders all writes. */
  lamport: number;
  node: NodeId;
  /** The write that made it (an index into CartState.writes, from 1). */
  write: number;
}

/** Quorum: the last write this replica knows a majority saved, at its version [C9]. */
export interface SavedEntry {
  version: number;
  qty: number;
  /** The write saved at this version (0: the empty list, version 0). */
  write: number;
}

/** Quorum: the one vote a replica holds for an item, at its next version [C9]. */
export interface HeldVote {
  version: number;
  write: number;
  coordinator: NodeId;
}

/** Quorum: a write its coordinator gave up on; its votes may be given again [C10]. */
export interface AbortNote {
  item: ItemId;
  version: number;
  write: number;
}

export const CHANGE_WHYS = ['update', 'overwrote', 'merged', 'saved', 'caught-up'] as const;
/**
 * Why a replica's quantity changed without its own tap [C12]: update (lww: a later write
 * replaced an earlier one that this one already included), overwrote (lww: a later stamp
 * replaced writes it did not include: they are lost here), merged (crdt: others' counts
 * joined), saved (quorum: a majority saved someone's write), caught-up (quorum: the replica
 * learned saved writes it had missed).
 */
export type ChangeWhy = (typeof CHANGE_WHYS)[number];

/** One change a phone is told about ("your apples went from 3 to 1: Ana's write was later"). */
export interface Change {
  at: number;
  item: ItemId;
  from: number;
  to: number;
  why: ChangeWhy;
  /** Whose writes brought the new value (lww: the winning write's author). */
  by: NodeId[];
  /** lww, overwrote: whose writes it replaced, and their net quantity. */
  lost: { nodes: NodeId[]; delta: number } | null;
}

/** Changes a phone keeps (the newest last). */
export const CHANGES_KEPT = 5;

export interface Replica {
  /** Lamport clock: +1 per own write, max with every clock received [C6]. */
  clock: number;
  lww: Partial<Record<ItemId, LwwRegister>>;
  crdt: Partial<Record<ItemId, PNCounter>>;
  saved: Record<ItemId, SavedEntry>;
  votes: Partial<Record<ItemId, HeldVote>>;
  aborted: AbortNote[];
  /** Quorum: this replica's own write waiting for a majority, per item. */
  pending: Partial<Record<ItemId, number>>;
  /** The replica's last own write (its phone's feedback), and who has confirmed seeing it (lww, crdt). */
  last: number | null;
  seenBy: NodeId[];
  changes: Change[];
  /** A canonical text of the replicated state: equal digests, equal replicas [C13]. */
  digest: string;
  /** Crashed or gone, as of the last fault change or anti-entropy round. */
  down: boolean;
  attempted: number;
  accepted: number;
  refused: number;
}

export const REFUSE_REASONS = ['no-majority', 'behind', 'conflict'] as const;
/**
 * Why a quorum write was refused [C10][C11]: no-majority (the deadline passed with fewer than a
 * majority of votes), behind (the writer's copy was older than the others': it has caught up),
 * conflict (another write took the same version first).
 */
export type RefuseReason = (typeof REFUSE_REASONS)[number];

export type WriteStatus = 'pending' | 'accepted' | 'refused';

/** One tap, as the round's log keeps it. */
export interface CartWrite {
  id: number;
  node: NodeId;
  item: ItemId;
  delta: 1 | -1;
  at: number;
  /** The writer's partition group then, and whether the network was split then (and which split). */
  group: string;
  split: number | null;
  status: WriteStatus;
  reason: RefuseReason | null;
  decidedAt: number | null;
  /** The quantity the write set at its replica (lww, quorum), or the replica's value after it (crdt). */
  qty: number;
  /** quorum: the version it proposed, the writer's saved version it was based on, votes for and against. */
  version: number | null;
  acks: NodeId[];
  nacks: NodeId[];
  /** lww: its stamp, the write its value was based on (0: none), and the length of that chain. */
  lamport: number | null;
  basedOn: number;
  depth: number;
  /** lww, crdt: how many other replicas confirmed receiving it directly. */
  seen: number;
  /** lww: when a replica first replaced it by a register that did not include it. */
  overwrittenAt: number | null;
}

export interface SideCount {
  attempted: number;
  accepted: number;
  refused: number;
}

export interface CartState {
  config: CartConfig;
  mode: CartMode;
  nodes: NodeId[];
  /** Replicas in the round, and the majority of them (⌊N/2⌋+1) [C9]. */
  n: number;
  majority: number;
  rng: number;
  startedAt: number;
  endsAt: number;
  replicas: Record<NodeId, Replica>;
  writes: CartWrite[];
  /** The network is split now; splits so far (a write during split k has split k). */
  split: boolean;
  splits: number;
  splitAt: number | null;
  healedAt: number | null;
  /** Writes per partition group during the latest split [C12]. */
  sides: Record<string, SideCount>;
  /** Since when every live replica holds the same state (null: they differ now) [C13]. */
  agreeSince: number | null;
  over: string | null;
}

export function emptySaved(): Record<ItemId, SavedEntry> {
  const out = {} as Record<ItemId, SavedEntry>;
  for (const item of ITEMS) out[item] = { version: 0, qty: 0, write: 0 };
  return out;
}

function blankReplica(): Replica {
  return {
    clock: 0,
    lww: {},
    crdt: {},
    saved: emptySaved(),
    votes: {},
    aborted: [],
    pending: {},
    last: null,
    seenBy: [],
    changes: [],
    digest: '',
    down: false,
    attempted: 0,
    accepted: 0,
    refused: 0,
  };
}

export function createState(config: CartConfig, ctx: InitCtx): CartState {
  const nodes = [...ctx.nodes];
  const replicas: Record<NodeId, Replica> = {};
  for (const n of nodes) replicas[n] = blankReplica();
  return {
    config,
    mode: config.mode,
    nodes,
    n: nodes.length,
    majority: majority(nodes.length),
    rng: createRng(deriveSeed(ctx.seed, 'cart')).state,
    startedAt: ctx.now,
    endsAt: ctx.now + config.durationMs,
    replicas,
    writes: [],
    split: false,
    splits: 0,
    splitAt: null,
    healedAt: null,
    sides: {},
    agreeSince: ctx.now,
    over: null,
  };
}

/** A replica of the round (every caller has checked, or made, that it is one). */
export function replicaOf(state: CartState, node: NodeId): Replica {
  const r = state.replicas[node];
  if (!r) throw new Error(`cart: ${node} is not in this round`);
  return r;
}

/** A write of the log, by id (ids come from the log itself or from envelopes the game sent). */
export function writeOf(state: CartState, id: number): CartWrite | undefined {
  return state.writes[id - 1];
}

/** Draws from the game's own rng and stores its new state, so a replay draws the same. */
export function withRng<T>(state: CartState, draw: (rng: Rng) => T): T {
  const rng = createRng(state.rng);
  const out = draw(rng);
  state.rng = rng.state;
  return out;
}

export function noteChange(replica: Replica, change: Change): void {
  replica.changes.push(change);
  if (replica.changes.length > CHANGES_KEPT) replica.changes.splice(0, replica.changes.length - CHANGES_KEPT);
}

/** A write is decided at its writer (lww, crdt: at once; quorum: by its votes) [C9][C16]. */
export function decide(state: CartState, w: CartWrite, status: 'accepted' | 'refused', reason: RefuseReason | null, now: number): void {
  w.status = status;
  w.reason = reason;
  w.decidedAt = now;
  const me = state.replicas[w.node];
  if (me) me[status]++;
  if (w.split !== null && w.split === state.splits) side(state, w.group)[status]++;
}

/** The write counts of one partition group during the latest split. */
export function side(state: CartState, group: string): SideCount {
  let s = state.sides[group];
  if (!s) {
    s = { attempted: 0, accepted: 0, refused: 0 };
    state.sides[group] = s;
  }
  return s;
}
