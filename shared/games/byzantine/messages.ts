// How messages move: sending (the server filling in loyal relays), and receiving. Each
// function changes the state in place and pushes effects; rules.ts has already refused what
// is not allowed, and phases.ts decides when a phase is over.

import { blockedBy } from '../../net/network';
import type { NodeId } from '../../protocol/ids';
import { createRng } from '../../rng';
import type { Effect, EngineCtx, Envelope } from '../types';
import { KINDS, type ByzantineBody, type Value } from './config';
import { forgedChain, genuine, recipientsOf, signable } from './paths';
import {
  general,
  sentUnder,
  lieutenants,
  pathKey,
  relayTimerKey,
  sigKey,
  type ByzantineState,
  type General,
  type InboxItem,
} from './state';

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
 * A traitor lieutenant's SM messages of one level ([B11]): what it can sign on (a chain it
 * holds for that value) goes out genuine; anything else carries a chain it cannot have, and
 * the receiver will see the forgery.
 */
export function sendSmRelays(
  s: ByzantineState,
  ctx: EngineCtx,
  fx: Effect[],
  t: NodeId,
  level: number,
  values: Record<NodeId, Value>,
): void {
  const sent = sentUnder(general(s, t), `L${level}`);
  for (const to of lieutenants(s)) {
    const value = values[to];
    if (to === t || value === undefined || sent[to] !== undefined) continue;
    sent[to] = value;
    const held = signable(s, t, value, level, to);
    if (held) {
      const chain = [...held, t];
      s.sigs[sigKey(value, chain)] = true;
      send(s, ctx, fx, { from: t, to, value, path: chain, level });
    } else {
      send(s, ctx, fx, { from: t, to, value, path: forgedChain(s, t, level, to), level, forged: true });
    }
  }
}

/**
 * SM: a loyal lieutenant passes on exactly what it accepted; the node does not choose ([B4]).
 * With a relay delay the message waits in its outbox until the node's relay timer (seeded)
 * fires. (OM relays are the lieutenant's own Send, or the phase timer's: [B4].)
 */
export function relayLoyal(s: ByzantineState, ctx: EngineCtx, fx: Effect[], i: NodeId, path: NodeId[], value: Value): void {
  if (path.length > s.m) return;
  const g = general(s, i);
  if (s.config.relayDelayMs === 0) {
    sendLoyal(s, ctx, fx, i, path, value);
    return;
  }
  g.outbox.push({ path, value });
  if (g.outbox.length === 1) {
    const rng = createRng(s.rng);
    const delay = rng.between(0, s.config.relayDelayMs);
    s.rng = rng.state;
    g.relayAt = ctx.now + delay;
    fx.push({ type: 'timer', key: relayTimerKey(i), delay, node: i });
  }
}

function sendLoyal(s: ByzantineState, ctx: EngineCtx, fx: Effect[], i: NodeId, path: NodeId[], value: Value): void {
  const g = general(s, i);
  g.relayed ??= { value, at: ctx.now };
  const out = [...path, i];
  if (s.signed) s.sigs[sigKey(value, out)] = true;
  for (const r of recipientsOf(s, out)) send(s, ctx, fx, { from: i, to: r, value, path: out, level: out.length });
}

/**
 * Sends what waits in a loyal lieutenant's outbox (its relay timer fired, or a phase is
 * ending): everything, or only the relays of levels up to `maxLevel`.
 */
export function flushOutbox(s: ByzantineState, ctx: EngineCtx, fx: Effect[], i: NodeId, maxLevel = Infinity): void {
  const g = s.nodes[i];
  if (!g || g.outbox.length === 0) return;
  const due = g.outbox.filter((m) => m.path.length + 1 <= maxLevel);
  if (due.length === 0) return;
  g.outbox = g.outbox.filter((m) => m.path.length + 1 > maxLevel);
  if (g.outbox.length === 0) {
    g.relayAt = null;
    fx.push({ type: 'cancel', key: relayTimerKey(i) });
  }
  fx.push({ type: 'changed', nodes: [i] });
  for (const m of due) sendLoyal(s, ctx, fx, i, m.path, m.value);
}

/** A node back from a crash sends the relays whose timer fired while it was down. */
export function flushOverdue(s: ByzantineState, ctx: EngineCtx, fx: Effect[]): void {
  for (const i of lieutenants(s)) {
    const g = general(s, i);
    if (g.relayAt !== null && g.relayAt <= ctx.now && !ctx.isDown(i)) flushOutbox(s, ctx, fx, i);
  }
}

export function flushAll(s: ByzantineState, ctx: EngineCtx, fx: Effect[], maxLevel = Infinity): void {
  for (const i of lieutenants(s)) flushOutbox(s, ctx, fx, i, maxLevel);
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
    if (s.signed) acceptSigned(s, ctx, fx, i, rec.value, rec.path);
    else holdOm(s, i, rec.path, rec.value, ctx.now, false);
  }
  pushInbox(g, item);
  fx.push({ type: 'changed', nodes: [i] });
  return fx;
}

/** SM: a valid message in time. A loyal lieutenant relays each value the first time it sees it. */
function acceptSigned(s: ByzantineState, ctx: EngineCtx, fx: Effect[], i: NodeId, value: Value, chain: NodeId[]): void {
  const g = general(s, i);
  g.held[sigKey(value, chain)] = { value, path: chain, at: ctx.now, missing: false };
  g.live[value]++;
  if (chain.includes(i) || g.accepted.includes(value)) return;
  g.accepted.push(value);
  if (!g.traitor) relayLoyal(s, ctx, fx, i, chain, value);
}
