// Majority quorum [C9][C10][C11]: a write is saved only once a majority of all the round's
// replicas (W = ⌊N/2⌋ + 1, crashed and unreachable ones counted) voted for it.
//
// Each item has versions 1, 2, 3… A write proposes the version after the one its replica has
// saved. A replica votes for a proposal only if the proposal's version is the one after its own
// saved version, and it holds at most one vote per item and version; it gives that vote again
// only when it learns the write was given up (an abort) or that a write was saved at that
// version or later. So two writes saved at one version would need two majorities of votes, and
// two majorities of the same N share a replica (Gifford, "Weighted Voting for Replicated Data",
// SOSP 1979: quorums that intersect); that replica voted for both, which the rules above forbid.
// The coordinator decides once (saved at a majority of votes, refused at its deadline or when a
// majority can no longer be reached) and never changes its mind. fuzz.test.ts checks, over
// random fault schedules, that no item ever has two saved writes at one version.
//
// A write's version check against a majority plays the read quorum (R = W, W + R > N): a write
// built on a stale copy gets votes from no replica that saw the newer version, so it is
// refused, and its writer catches up from the votes' answers [C11].

import type { NodeId } from '../../protocol/ids';
import type { Effect, EngineCtx } from '../types';
import { DEADLINE_PREFIX, ITEMS, KINDS, type ItemId } from './config';
import { nodeParam, notice } from '../../protocol/notice';
import { writeFacts } from './marks';
import {
  decide,
  noteChange,
  writeOf,
  type AbortNote,
  type CartState,
  type CartWrite,
  type RefuseReason,
  type Replica,
  type SavedEntry,
} from './state';

export interface ProposeBody {
  item: ItemId;
  version: number;
  qty: number;
  write: number;
}
export interface VoteBody {
  item: ItemId;
  write: number;
  version: number;
  ok: boolean;
  /** The voter's saved entry for the item, so a writer that was behind catches up [C11]. */
  saved: SavedEntry;
}
export interface CommitBody {
  item: ItemId;
  saved: SavedEntry;
}
export interface AbortBody {
  note: AbortNote;
}
export interface QuorumSyncBody {
  saved: Record<ItemId, SavedEntry>;
  aborted: AbortNote[];
}

export const deadlineKey = (write: number): string => `${DEADLINE_PREFIX}${write}`;

/** Starts a write at its coordinator: its own vote, a proposal to every other replica, a deadline [C9]. */
export function propose(state: CartState, me: Replica, node: NodeId, w: CartWrite): Effect[] {
  const saved = me.saved[w.item];
  w.version = saved.version + 1;
  w.qty = saved.qty + w.delta;
  w.basedOn = saved.write;
  me.votes[w.item] = { version: w.version, write: w.id, coordinator: node };
  w.acks.push(node);
  me.pending[w.item] = w.id;
  const body: ProposeBody = { item: w.item, version: w.version, qty: w.qty, write: w.id };
  const effects: Effect[] = [];
  for (const to of state.nodes) if (to !== node) effects.push({ type: 'send', from: node, to, kind: KINDS.propose, body: { ...body } });
  effects.push({ type: 'timer', key: deadlineKey(w.id), delay: state.config.quorumTimeoutMs, node });
  return effects;
}

/** A replica's vote on a proposal [C9]: yes only for the version after its saved one, one write per version. */
export function onPropose(me: Replica, self: NodeId, from: NodeId, body: ProposeBody): Effect[] {
  releaseStale(me, body.item);
  const saved = me.saved[body.item];
  const held = me.votes[body.item];
  const given = me.aborted.some((a) => a.write === body.write);
  const ok =
    !given &&
    body.version === saved.version + 1 &&
    (!held || held.write === body.write) &&
    // A vote for the writer's own pending write is not the writer's to take back.
    (me.pending[body.item] === undefined || me.pending[body.item] === body.write);
  if (ok) me.votes[body.item] = { version: body.version, write: body.write, coordinator: from };
  const reply: VoteBody = { item: body.item, write: body.write, version: body.version, ok, saved: { ...saved } };
  return [{ type: 'send', from: self, to: from, kind: KINDS.vote, body: reply }];
}

/** A vote reaches the coordinator: count it, catch up from it, decide when the outcome is sure [C9][C11]. */
export function onVote(state: CartState, me: Replica, self: NodeId, from: NodeId, body: VoteBody, ctx: EngineCtx): Effect[] {
  const caught = adopt(me, body.item, body.saved, savedBy(state, body.saved, from), ctx.now, 'caught-up');
  // A newer saved entry dooms this replica's own waiting write on that item (settleOwn refuses it).
  const effects = caught ? settleOwn(state, me, self, ctx) : [];
  const w = writeOf(state, body.write);
  if (!w || w.node !== self || w.status !== 'pending') return effects;
  if (body.ok) {
    if (!w.acks.includes(from)) w.acks.push(from);
    if (w.acks.length >= state.majority) return [...effects, ...accept(state, me, w, ctx), { type: 'changed', nodes: [self] }];
  } else {
    if (!w.nacks.includes(from)) w.nacks.push(from);
    // So many replicas said no that a majority of yes votes is out of reach.
    if (state.n - w.nacks.length < state.majority)
      return [...effects, ...refuse(state, me, w, 'no-majority', ctx), { type: 'changed', nodes: [self] }];
  }
  return [...effects, { type: 'changed', nodes: [self] }];
}

function accept(state: CartState, me: Replica, w: CartWrite, ctx: EngineCtx): Effect[] {
  decide(state, w, 'accepted', null, ctx.now);
  const entry: SavedEntry = { version: w.version ?? 0, qty: w.qty, write: w.id };
  me.saved[w.item] = entry;
  delete me.votes[w.item];
  delete me.pending[w.item];
  const effects: Effect[] = [
    { type: 'cancel', key: deadlineKey(w.id) },
    {
      type: 'mark',
      node: w.node,
      notice: notice('cart.mark.saved', {
        node: nodeParam(w.node),
        item: w.item,
        delta: w.delta,
        version: entry.version,
        votes: w.acks.length,
        n: state.n,
      }),
      data: writeFacts(w),
    },
  ];
  for (const to of state.nodes) {
    if (to !== w.node) effects.push({ type: 'send', from: w.node, to, kind: KINDS.commit, body: { item: w.item, saved: { ...entry } } });
  }
  return effects;
}

/** The coordinator gives a write up [C10]: its vote is free again, and every replica is told. */
export function refuse(state: CartState, me: Replica, w: CartWrite, reason: RefuseReason, ctx: EngineCtx): Effect[] {
  decide(state, w, 'refused', reason, ctx.now);
  if (me.votes[w.item]?.write === w.id) delete me.votes[w.item];
  if (me.pending[w.item] === w.id) delete me.pending[w.item];
  const note: AbortNote = { item: w.item, version: w.version ?? 0, write: w.id };
  addAbort(me, note);
  const effects: Effect[] = [
    { type: 'cancel', key: deadlineKey(w.id) },
    {
      type: 'mark',
      node: w.node,
      notice: notice('cart.mark.refused', {
        node: nodeParam(w.node),
        item: w.item,
        delta: w.delta,
        reason,
        votes: w.acks.length,
        n: state.n,
        needed: state.majority,
      }),
      data: { ...writeFacts(w), reason },
    },
  ];
  for (const to of state.nodes)
    if (to !== w.node) effects.push({ type: 'send', from: w.node, to, kind: KINDS.abort, body: { note: { ...note } } });
  return effects;
}

/** The deadline of a write: still waiting means no majority in time [C10]. */
export function onDeadline(state: CartState, id: number, ctx: EngineCtx): Effect[] {
  const w = writeOf(state, id);
  if (w?.status !== 'pending') return [];
  const me = state.replicas[w.node];
  if (!me) return [];
  return refuse(state, me, w, 'no-majority', ctx);
}

export function onCommit(state: CartState, me: Replica, self: NodeId, from: NodeId, body: CommitBody, ctx: EngineCtx): Effect[] {
  const changed = adopt(me, body.item, body.saved, savedBy(state, body.saved, from), ctx.now, 'saved');
  return changed ? settleOwn(state, me, self, ctx) : [];
}

export function onAbort(me: Replica, body: AbortBody): boolean {
  addAbort(me, body.note);
  return releaseStale(me, body.note.item);
}

/** Anti-entropy [C5]: every saved entry newer than ours, and every abort we had not heard of. */
export function onQuorumSync(state: CartState, me: Replica, self: NodeId, from: NodeId, body: QuorumSyncBody, ctx: EngineCtx): Effect[] {
  let changed = false;
  for (const item of ITEMS) {
    const entry = body.saved[item];
    if (entry && adopt(me, item, entry, savedBy(state, entry, from), ctx.now, 'caught-up')) changed = true;
  }
  for (const note of body.aborted) addAbort(me, note);
  for (const item of ITEMS) releaseStale(me, item);
  return changed ? settleOwn(state, me, self, ctx) : [];
}

export function quorumSyncBody(me: Replica): QuorumSyncBody {
  const saved = {} as Record<ItemId, SavedEntry>;
  for (const item of ITEMS) saved[item] = { ...me.saved[item] };
  return { saved, aborted: me.aborted.map((a) => ({ ...a })) };
}

/**
 * Takes a saved entry newer than the replica's own [C11]. Returns whether it took it. Newer
 * means a higher version: two different saved entries at one version cannot exist (see the top
 * of this file), so equal versions are the same entry.
 */
function adopt(me: Replica, item: ItemId, entry: SavedEntry, by: NodeId[], now: number, why: 'saved' | 'caught-up'): boolean {
  const mine = me.saved[item];
  if (entry.version <= mine.version) return false;
  me.saved[item] = { ...entry };
  releaseStale(me, item);
  if (entry.qty !== mine.qty) {
    noteChange(me, {
      at: now,
      item,
      from: mine.qty,
      to: entry.qty,
      why: entry.version > mine.version + 1 ? 'caught-up' : why,
      by,
      lost: null,
    });
  }
  return true;
}

/** After a replica learned newer saved entries: its own writes at versions now taken cannot be saved [C11]. */
function settleOwn(state: CartState, me: Replica, self: NodeId, ctx: EngineCtx): Effect[] {
  const effects: Effect[] = [];
  for (const item of ITEMS) {
    const id = me.pending[item];
    const w = id === undefined ? undefined : writeOf(state, id);
    if (w?.status !== 'pending' || w.version === null || me.saved[item].version < w.version) continue;
    effects.push(...refuse(state, me, w, takenReason(state, me.saved[item], w), ctx));
  }
  if (effects.length) effects.push({ type: 'changed', nodes: [self] });
  return effects;
}

/**
 * Why a write's version was taken, for the phone [C11]: `behind` when a later version was saved
 * already or the version was saved before the tap (the writer's copy was old), `conflict` when
 * another write won the same version while this one waited. The log's decision times say which.
 */
function takenReason(state: CartState, saved: SavedEntry, w: CartWrite): RefuseReason {
  if (saved.version > (w.version ?? 0)) return 'behind';
  const winner = writeOf(state, saved.write);
  return winner?.decidedAt !== null && winner?.decidedAt !== undefined && winner.decidedAt <= w.at ? 'behind' : 'conflict';
}

/** Who saved an entry (its write's author), for "saved: Ana's +1". */
function savedBy(state: CartState, entry: SavedEntry, from: NodeId): NodeId[] {
  const w = writeOf(state, entry.write);
  return w ? [w.node] : [from];
}

/** Frees a vote whose version is already saved here, or whose write was given up [C10]. */
function releaseStale(me: Replica, item: ItemId): boolean {
  const held = me.votes[item];
  if (!held) return false;
  if (held.version <= me.saved[item].version || me.aborted.some((a) => a.write === held.write)) {
    delete me.votes[item];
    return true;
  }
  return false;
}

/**
 * Keeps an abort note while it can still matter: once this replica saved the note's version or
 * a later one, no vote for that write can be held here any more [C10].
 */
function addAbort(me: Replica, note: AbortNote): void {
  if (!me.aborted.some((a) => a.write === note.write)) me.aborted.push({ ...note });
  me.aborted = me.aborted.filter((a) => a.version > me.saved[a.item].version);
}
