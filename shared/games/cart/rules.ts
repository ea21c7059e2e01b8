// What a replica may do, and what a tap does [C2][C6][C8][C9]. Every rule the server enforces
// is here, quoted by its README ID. A refused tap changes nothing and says why.

import { isPartitioned, groupOf } from '../../net/faults';
import type { NodeId } from '../../protocol/ids';
import { nodeParam, notice } from '../../protocol/notice';
import type { Effect, EngineCtx, Rejection } from '../types';
import { KINDS, type CartAction } from './config';
import { countLocal, copyCounter, counterValue, emptyCounter } from './crdt';
import { lwwCopy, writeLww } from './lww';
import { propose } from './quorum';
import { qtyOf, refreshAgreement, touch } from './replica';
import { convergedMark, writeFacts } from './marks';
import { decide, side, type CartState, type CartWrite } from './state';

export function checkAction(state: CartState, node: NodeId, action: CartAction): Rejection | null {
  const me = state.replicas[node];
  if (!me) return { code: 'not_playing' };
  if (state.over !== null) return { code: 'game_over' };
  if (action.delta < 0 && qtyOf(state, me, action.item) <= 0) {
    return { code: 'nothing_to_remove', params: { item: action.item } };
  }
  if (state.mode === 'quorum') {
    if (me.pending[action.item] !== undefined) {
      return { code: 'still_saving', params: { item: action.item } };
    }
    const held = me.votes[action.item];
    if (held && held.version > me.saved[action.item].version) {
      return { code: 'voted_elsewhere', params: { node: nodeParam(held.coordinator), item: action.item } };
    }
  }
  return null;
}

/** Applies an accepted tap: logged, applied here, sent to every other replica [C4]. */
export function applyAction(state: CartState, node: NodeId, action: CartAction, ctx: EngineCtx): Effect[] {
  const me = state.replicas[node];
  if (!me) return [];
  const w: CartWrite = {
    id: state.writes.length + 1,
    node,
    item: action.item,
    delta: action.delta,
    at: ctx.now,
    group: groupOf(ctx.faults, node),
    split: isPartitioned(ctx.faults) ? state.splits : null,
    status: 'pending',
    reason: null,
    decidedAt: null,
    qty: 0,
    version: null,
    acks: [],
    nacks: [],
    lamport: null,
    basedOn: 0,
    depth: 0,
    seen: 0,
    overwrittenAt: null,
  };
  state.writes.push(w);
  me.attempted++;
  me.last = w.id;
  me.seenBy = [];
  if (w.split !== null) side(state, w.group).attempted++;
  const effects: Effect[] = [];
  if (state.mode === 'quorum') {
    effects.push(...propose(state, me, node, w));
    effects.push({
      type: 'mark',
      node,
      notice: notice('cart.mark.proposed', { node: nodeParam(node), item: w.item, delta: w.delta }),
      data: writeFacts(w),
    });
  } else {
    let body: unknown;
    if (state.mode === 'lww') {
      writeLww(me, node, action.item, action.delta, w, state);
      body = { write: w.id, clock: me.clock, lww: lwwCopy(me.lww) };
    } else {
      const c = me.crdt[action.item] ?? emptyCounter();
      countLocal(c, node, action.delta);
      me.crdt[action.item] = c;
      w.qty = counterValue(c);
      body = { write: w.id, clock: me.clock, item: action.item, counter: copyCounter(c) };
    }
    decide(state, w, 'accepted', null, ctx.now);
    touch(state, me);
    for (const to of state.nodes) if (to !== node) effects.push({ type: 'send', from: node, to, kind: KINDS.write, body });
    effects.push({
      type: 'mark',
      node,
      notice: notice('cart.mark.accepted', { node: nodeParam(node), item: w.item, delta: w.delta }),
      data: writeFacts(w),
    });
    if (refreshAgreement(state, ctx)) effects.push(convergedMark(state, ctx.now));
  }
  effects.push({ type: 'changed', nodes: [node] });
  return effects;
}
