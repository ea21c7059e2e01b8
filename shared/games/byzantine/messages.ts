// How messages move: sending (the server filling in loyal relays), and receiving. Each
// function changes the state in place and pushes effects; rules.ts has already refused what
// is not allowed, and phases.ts decides when a phase is over.

import { blockedBy } from '../../net/network';
import type { NodeId } from '../../protocol/ids';
import type { Effect, EngineCtx, Envelope } from '../types';
import { KINDS, type ByzantineBody, type Value } from './config';
import { forgedChain, genuine, recipientsOf, signable } from './paths';
import { general, sentUnder, lieutenants, pathKey, sigKey, type ByzantineState, type General, type InboxItem } from './state';

/** Items of a node's inbox kept in the state (its phone shows the latest of them). */
export const INBOX_KEEP = 50;

// ---- sending ----------------------------------------------------------------------------

/** Puts one message on the wire and into the console's table. `level` is the phase it belongs to. */
function send(
  s: ByzantineState,
  ctx: EngineCtx,
  fx: Effect[],
  msg: { from: NodeId; to: NodeId; value: Value; path: NodeId[]; level: number; forged?: boolean },
): void {
  const mid = s.messages.length;
  // The network will refuse this at once (same test as the session's): the phase need not wait for it.
  const drop = blockedBy(ctx.faults, msg.from, msg.to, { has: ctx.isDown }) as 'crashed' | 'partition' | null;
  s.messages.push({
    mid,
    level: msg.level,
    from: msg.from,
    to: msg.to,
    value: msg.value,
    path: msg.path,
    sentAt: ctx.now,
    status: drop ? 'dropped' : 'travelling',
    at: null,
    forged: !!msg.forged,
    drop,
  });
  s.counts.sent++;
  if (drop) s.counts.dropped++;
  else s.travelling[msg.level] = (s.travelling[msg.level] ?? 0) + 1;
  const g = general(s, msg.from);
  g.sentByLevel[msg.level] = (g.sentByLevel[msg.level] ?? 0) + 1;
  const body: ByzantineBody = { mid, value: msg.value, path: msg.path, signed: s.signed };
  fx.push({ type: 'send', from: msg.from, to: msg.to, kind: msg.level === 1 ? KINDS.order : KINDS.relay, body });
}

/** The commander's orders, one per lieutenant named ([B3]); a commander always signs genuinely. */
export function sendOrders(s: ByzantineState, ctx: EngineCtx, fx: Effect[], values: Record<NodeId, Value>): void {
  const c = s.commander;
  const sent = sentUnder(general(s, c), c);
  for (const to of lieutenants(s)) {
    const value = values[to];
    if (value === undefined || sent[to] !== undefined) continue;
    sent[to] = value;
    if (s.signed) s.sigs[sigKey(value, [c])] = true;
    send(s, ctx, fx, { from: c, to, value, path: [c], level: 1 });
  }
}

/**
 * A lieutenant's OM relays of the message it holds for `path`: a traitor's chosen values ([B5]),
 * or a loyal lieutenant's, which rules.ts has checked are what it holds ([B4]).
 */
export function sendOmRelays(
  s: ByzantineState,
  ctx: EngineCtx,
  fx: Effect[],
  t: NodeId,
  path: NodeId[],
  values: Record<NodeId, Value>,
): void {
  const out = [...path, t];
  const g = general(s, t);
  const sent = sentUnder(g, pathKey(out));
  for (const to of recipientsOf(s, out)) {
    const value = values[to];
    if (value === undefined || sent[to] !== undefined) continue;
    sent[to] = value;
    if (!g.traitor) g.relayed ??= { value, at: ctx.now };
    send(s, ctx, fx, { from: t, to, value, path: out, level: out.length });
  }
}

/**
 * A lieutenant's one SM relay of `level` ([B4], [B11]): per other lieutenant, the values passed on.
 * A loyal lieutenant's are what SM says (rules.ts checked), each signed on to the chain it first
 * came with. A traitor's value goes out genuine when it holds a chain for it that the recipient is
 * not on; anything else carries a chain it cannot have, and the receiver sees the forgery.
 */
export function sendSmRelay(
  s: ByzantineState,
  ctx: EngineCtx,
  fx: Effect[],
  t: NodeId,
  level: number,
  values: Record<NodeId, readonly Value[]>,
): void {
  const g = general(s, t);
  const done: Record<NodeId, Value[]> = {};
  g.smRelayed[String(level)] = done;
  fx.push({ type: 'changed', nodes: [t] });
  for (const to of lieutenants(s)) {
    if (to === t) continue;
    const vs = [...(values[to] ?? [])];
    done[to] = vs;
    for (const value of vs) {
      const chain = g.traitor ? signable(s, t, value, level, to) : (g.firstChain[value] ?? null);
      if (chain) {
        const out = [...chain, t];
        s.sigs[sigKey(value, out)] = true;
        if (!g.traitor) g.relayed ??= { value, at: ctx.now };
        send(s, ctx, fx, { from: t, to, value, path: out, level });
      } else {
        send(s, ctx, fx, { from: t, to, value, path: forgedChain(s, t, level, to), level, forged: true });
      }
    }
  }
}

// ---- receiving --------------------------------------------------------------------------

function pushInbox(g: General, item: InboxItem): void {
  g.inbox.push(item);
  if (g.inbox.length > INBOX_KEEP) g.inbox.splice(0, g.inbox.length - INBOX_KEEP);
}

/** Records that `i` holds `value` for `path` (OM), received or defaulted ([B6]). */
export function holdOm(s: ByzantineState, i: NodeId, path: NodeId[], value: Value, at: number, missing: boolean): void {
  const g = general(s, i);
  g.held[pathKey(path)] = { value, path, at, missing };
  if (!missing && path.length <= 2) g.live[value]++;
}

export function receive(s: ByzantineState, env: Envelope, ctx: EngineCtx): Effect[] {
  const body = env.body as Partial<ByzantineBody> | null;
  const rec = typeof body?.mid === 'number' ? s.messages[body.mid] : undefined;
  if (!rec || rec.to !== env.to || rec.from !== env.from) return [];
  if (rec.status === 'arrived' || rec.status === 'late' || rec.status === 'forged') {
    s.counts.duplicates++;
    return [];
  }
  const fx: Effect[] = [];
  const i = rec.to;
  const g = general(s, i);
  const wasTravelling = rec.status === 'travelling';
  rec.at = ctx.now;
  if (wasTravelling) s.travelling[rec.level] = Math.max(0, (s.travelling[rec.level] ?? 0) - 1);
  const item: InboxItem = { from: rec.from, value: rec.value, path: rec.path, at: ctx.now, status: 'counted' };
  if (s.signed && !genuine(s, rec.value, rec.path)) {
    // Checked first: a forgery is a forgery, whenever it comes.
    rec.status = 'forged';
    s.counts.forged++;
    g.forged++;
    item.status = 'forged';
  } else if (!wasTravelling || s.step > rec.level) {
    rec.status = 'late';
    s.counts.late++;
    g.late++;
    item.status = 'late';
  } else {
    rec.status = 'arrived';
    s.counts.arrived++;
    g.received++;
    if (s.signed) acceptSigned(s, ctx, i, rec.value, rec.path);
    else holdOm(s, i, rec.path, rec.value, ctx.now, false);
  }
  pushInbox(g, item);
  fx.push({ type: 'changed', nodes: [i] });
  return fx;
}

/** SM: a valid message in time. Each value is accepted the first time it comes (a loyal lieutenant passes it on at the next level). */
function acceptSigned(s: ByzantineState, ctx: EngineCtx, i: NodeId, value: Value, chain: NodeId[]): void {
  const g = general(s, i);
  g.held[sigKey(value, chain)] = { value, path: chain, at: ctx.now, missing: false };
  g.live[value]++;
  if (chain.includes(i) || g.accepted.includes(value)) return;
  // Passed on at the next level, by the lieutenant's own relay (or the phase timer's): [B4].
  g.accepted.push(value);
  g.firstChain[value] = [...chain];
}
