// What arrives at a replica, per mode, and the anti-entropy rounds [C4][C5][C6][C8]. The quorum
// protocol's own messages are in quorum.ts.

import type { NodeId } from '../../protocol/ids';
import type { Effect, EngineCtx, Envelope } from '../types';
import { ITEMS, KINDS, type ItemId } from './config';
import { copyCounter, counterValue, emptyCounter, gains, joinInto, type PNCounter } from './crdt';
import { lwwCopy, mergeLww, type LwwList } from './lww';
import { onAbort, onCommit, onPropose, onQuorumSync, onVote, quorumSyncBody } from './quorum';
import type { AbortBody, CommitBody, ProposeBody, QuorumSyncBody, VoteBody } from './quorum';
import { noteChange, withRng, writeOf, type CartState, type Replica } from './state';

export interface LwwWriteBody {
  write: number;
  clock: number;
  lww: LwwList;
}
export interface CrdtWriteBody {
  write: number;
  clock: number;
  item: ItemId;
  counter: PNCounter;
}
export interface SeenBody {
  write: number;
  clock: number;
  /** lww: the receiver's whole list too, so every LWW envelope carries a whole list [C6]. */
  lww?: LwwList;
}
export interface SyncBody {
  clock: number;
  lww?: LwwList;
  crdt?: Partial<Record<ItemId, PNCounter>>;
  quorum?: QuorumSyncBody;
}

/** An envelope reaches replica `env.to` (it may be late, duplicated or reordered: every handler is idempotent). */
export function receive(state: CartState, me: Replica, env: Envelope, ctx: EngineCtx): Effect[] {
  const self = env.to;
  switch (env.kind) {
    case KINDS.write:
      return state.mode === 'lww'
        ? onLwwWrite(state, me, env as Envelope<LwwWriteBody>, ctx)
        : onCrdtWrite(me, env as Envelope<CrdtWriteBody>, ctx);
    case KINDS.seen:
      return onSeen(state, me, env as Envelope<SeenBody>, ctx);
    case KINDS.sync:
      return onSync(state, me, env as Envelope<SyncBody>, ctx);
    case KINDS.propose:
      return onPropose(me, self, env.from, env.body as ProposeBody);
    case KINDS.vote:
      return onVote(state, me, self, env.from, env.body as VoteBody, ctx);
    case KINDS.commit:
      return onCommit(state, me, self, env.from, env.body as CommitBody, ctx);
    case KINDS.abort:
      onAbort(me, env.body as AbortBody);
      return [];
    default:
      return [];
  }
}

function onLwwWrite(state: CartState, me: Replica, env: Envelope<LwwWriteBody>, ctx: EngineCtx): Effect[] {
  const marks = mergeLww(state, me, env.to, env.body.lww, env.body.clock, ctx.now);
  const reply: SeenBody = { write: env.body.write, clock: me.clock, lww: lwwCopy(me.lww) };
  return [...marks, { type: 'send', from: env.to, to: env.from, kind: KINDS.seen, body: reply }];
}

function onCrdtWrite(me: Replica, env: Envelope<CrdtWriteBody>, ctx: EngineCtx): Effect[] {
  mergeCounter(me, env.body.item, env.body.counter, ctx.now);
  return [
    { type: 'send', from: env.to, to: env.from, kind: KINDS.seen, body: { write: env.body.write, clock: me.clock } satisfies SeenBody },
  ];
}

/** Joins a received counter into the replica's, telling the phone whose counts it brought [C8][C12]. */
function mergeCounter(me: Replica, item: ItemId, counter: PNCounter, now: number): void {
  const mine = me.crdt[item] ?? emptyCounter();
  const from = counterValue(mine);
  const brought = gains(mine, counter);
  if (!joinInto(mine, counter)) return;
  me.crdt[item] = mine;
  const to = counterValue(mine);
  if (to !== from) noteChange(me, { at: now, item, from, to, why: 'merged', by: Object.keys(brought).sort(), lost: null });
}

function onSeen(state: CartState, me: Replica, env: Envelope<SeenBody>, ctx: EngineCtx): Effect[] {
  const marks = env.body.lww ? mergeLww(state, me, env.to, env.body.lww, env.body.clock, ctx.now) : [];
  const w = writeOf(state, env.body.write);
  if (w && w.node === env.to && me.last === w.id && !me.seenBy.includes(env.from)) {
    me.seenBy.push(env.from);
    w.seen = me.seenBy.length;
    return [...marks, { type: 'changed', nodes: [env.to] }];
  }
  return marks;
}

function onSync(state: CartState, me: Replica, env: Envelope<SyncBody>, ctx: EngineCtx): Effect[] {
  const body = env.body;
  switch (state.mode) {
    case 'lww':
      return body.lww ? mergeLww(state, me, env.to, body.lww, body.clock, ctx.now) : [];
    case 'crdt':
      for (const item of ITEMS) {
        const c = body.crdt?.[item];
        if (c) mergeCounter(me, item, c, ctx.now);
      }
      return [];
    case 'quorum':
      return body.quorum ? onQuorumSync(state, me, env.to, env.from, body.quorum, ctx) : [];
  }
}

/** The sender's whole state, for anti-entropy [C5]. */
export function syncBody(state: CartState, me: Replica): SyncBody {
  switch (state.mode) {
    case 'lww':
      return { clock: me.clock, lww: lwwCopy(me.lww) };
    case 'crdt': {
      const crdt: Partial<Record<ItemId, PNCounter>> = {};
      for (const item of ITEMS) {
        const c = me.crdt[item];
        if (c) crdt[item] = copyCounter(c);
      }
      return { clock: me.clock, crdt };
    }
    case 'quorum':
      return { clock: me.clock, quorum: quorumSyncBody(me) };
  }
}

/**
 * One anti-entropy round [C5]: every live replica sends its whole state to one other replica of
 * the round, picked at random (the game's seeded stream, so a replay picks the same). A replica
 * does not know who is down or cut off: it may pick one, and the network drops the envelope.
 */
export function antiEntropy(state: CartState, ctx: EngineCtx): Effect[] {
  const effects: Effect[] = [];
  if (state.nodes.length < 2) return effects;
  withRng(state, (rng) => {
    for (const node of state.nodes) {
      if (ctx.isDown(node)) continue;
      const me = state.replicas[node];
      if (!me) continue;
      let to: NodeId = node;
      while (to === node) to = rng.pick(state.nodes);
      effects.push({ type: 'send', from: node, to, kind: KINDS.sync, body: syncBody(state, me) });
    }
  });
  return effects;
}
