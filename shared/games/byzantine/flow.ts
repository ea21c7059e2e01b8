// How messages move and phases follow each other: sending (with the server filling in loyal
// relays), receiving, and the phase machine. Everything here changes the state in place and
// pushes effects; rules.ts has already refused what is not allowed.

import { blockedBy } from '../../net/network';
import type { NodeId } from '../../protocol/ids';
import { createRng } from '../../rng';
import type { Effect, EngineCtx, Envelope } from '../types';
import { chooseValues } from './strategies';
import { DEFAULT_VALUE, KINDS, type ByzantineBody, type Value } from './config';
import { evaluate } from './outcome';
import { choice, forgedChain, genuine, omSendsAt, omVotes, pathsTo, recipientsOf, signable } from './paths';
import {
  decideStep,
  doneStep,
  graceTimerKey,
  lieutenants,
  pathKey,
  phaseOf,
  phaseTimerKey,
  relayTimerKey,
  sigKey,
  type ByzantineState,
  type General,
  type InboxItem,
} from './state';

/** Items of a node's inbox kept in the state (its phone shows the latest of them). */
export const INBOX_KEEP = 50;
/** After a phase timer, how long past the network's worst latency to wait for the last messages (ms). */
export const GRACE_MARGIN_MS = 200;

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
  const g = s.nodes[msg.from]!;
  g.sentByLevel[msg.level] = (g.sentByLevel[msg.level] ?? 0) + 1;
  const body: ByzantineBody = { mid, value: msg.value, path: msg.path, signed: s.signed };
  fx.push({ type: 'send', from: msg.from, to: msg.to, kind: msg.level === 1 ? KINDS.order : KINDS.relay, body });
}

/** The commander's orders, one per lieutenant named ([B3]); a commander always signs genuinely. */
export function sendOrders(s: ByzantineState, ctx: EngineCtx, fx: Effect[], values: Record<NodeId, Value>): void {
  const c = s.commander;
  const sent = (s.nodes[c]!.sentTo[c] ??= {});
  for (const to of lieutenants(s)) {
    const value = values[to];
    if (value === undefined || sent[to] !== undefined) continue;
    sent[to] = value;
    if (s.signed) s.sigs[sigKey(value, [c])] = true;
    send(s, ctx, fx, { from: c, to, value, path: [c], level: 1 });
  }
}

/** A traitor lieutenant's OM relays of the message it holds for `path` ([B5]). */
export function sendOmRelays(s: ByzantineState, ctx: EngineCtx, fx: Effect[], t: NodeId, path: NodeId[], values: Record<NodeId, Value>): void {
  const out = [...path, t];
  const sent = (s.nodes[t]!.sentTo[pathKey(out)] ??= {});
  for (const to of recipientsOf(s, out)) {
    const value = values[to];
    if (value === undefined || sent[to] !== undefined) continue;
    sent[to] = value;
    send(s, ctx, fx, { from: t, to, value, path: out, level: out.length });
  }
}

/**
 * A traitor lieutenant's SM messages of one level ([B11]): what it can sign on (a chain it
 * holds for that value) goes out genuine; anything else carries a chain it cannot have, and
 * the receiver will see the forgery.
 */
export function sendSmRelays(s: ByzantineState, ctx: EngineCtx, fx: Effect[], t: NodeId, level: number, values: Record<NodeId, Value>): void {
  const sent = (s.nodes[t]!.sentTo[`L${level}`] ??= {});
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
 * A loyal lieutenant passes on exactly what it holds; the node does not choose ([B4]). With a
 * relay delay the message waits in its outbox until the node's relay timer (seeded) fires.
 */
function relayLoyal(s: ByzantineState, ctx: EngineCtx, fx: Effect[], i: NodeId, path: NodeId[], value: Value): void {
  if (path.length > s.m) return;
  const g = s.nodes[i]!;
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
  const g = s.nodes[i]!;
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
    const g = s.nodes[i]!;
    if (g.relayAt !== null && g.relayAt <= ctx.now && !ctx.isDown(i)) flushOutbox(s, ctx, fx, i);
  }
}

function flushAll(s: ByzantineState, ctx: EngineCtx, fx: Effect[], maxLevel = Infinity): void {
  for (const i of lieutenants(s)) flushOutbox(s, ctx, fx, i, maxLevel);
}

// ---- receiving --------------------------------------------------------------------------

function pushInbox(g: General, item: InboxItem): void {
  g.inbox.push(item);
  if (g.inbox.length > INBOX_KEEP) g.inbox.splice(0, g.inbox.length - INBOX_KEEP);
}

/** Records that `i` holds `value` for `path` (OM), received or defaulted ([B6]). */
function holdOm(s: ByzantineState, i: NodeId, path: NodeId[], value: Value, at: number, missing: boolean): void {
  const g = s.nodes[i]!;
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
  const g = s.nodes[i]!;
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
    else {
      holdOm(s, i, rec.path, rec.value, ctx.now, false);
      if (!g.traitor) relayLoyal(s, ctx, fx, i, rec.path, rec.value);
    }
  }
  pushInbox(g, item);
  fx.push({ type: 'changed', nodes: [i] });
  advance(s, ctx, fx);
  return fx;
}

/** SM: a valid message in time. A loyal lieutenant relays each value the first time it sees it. */
function acceptSigned(s: ByzantineState, ctx: EngineCtx, fx: Effect[], i: NodeId, value: Value, chain: NodeId[]): void {
  const g = s.nodes[i]!;
  g.held[sigKey(value, chain)] = { value, path: chain, at: ctx.now, missing: false };
  g.live[value]++;
  if (chain.includes(i) || g.accepted.includes(value)) return;
  g.accepted.push(value);
  if (!g.traitor) relayLoyal(s, ctx, fx, i, chain, value);
}

// ---- phases -----------------------------------------------------------------------------

/** Nodes the current phase still waits for ([B7]); the engine does not wait for down nodes. */
export function waitingFor(s: ByzantineState, isDown: (node: NodeId) => boolean): NodeId[] {
  const n = s.generals.length;
  if (s.step === 1) {
    const c = s.commander;
    const sent = Object.keys(s.nodes[c]!.sentTo[c] ?? {}).length;
    return !isDown(c) && sent < n - 1 ? [c] : [];
  }
  if (s.step <= s.m + 1) {
    const owed = s.signed ? n - 2 : omSendsAt(s, s.step);
    return lieutenants(s).filter((l) => {
      const g = s.nodes[l]!;
      if (isDown(l)) return false;
      return g.traitor ? (g.sentByLevel[s.step] ?? 0) < owed : g.outbox.some((m) => m.path.length + 1 <= s.step);
    });
  }
  if (s.step === decideStep(s)) {
    return lieutenants(s).filter((l) => !s.nodes[l]!.traitor && s.nodes[l]!.decision === null && !isDown(l));
  }
  return [];
}

/** Ends every phase whose work is done, possibly several in a row. */
export function advance(s: ByzantineState, ctx: EngineCtx, fx: Effect[]): void {
  while (s.step < doneStep(s) && waitingFor(s, ctx.isDown).length === 0) {
    if (s.step === decideStep(s)) {
      finish(s, ctx, fx, 'all-done');
      return;
    }
    if ((s.travelling[s.step] ?? 0) > 0) return;
    endPhase(s, ctx, fx, s.closing ? 'timer' : 'all-done');
  }
}

/** The phase timer: whatever is not chosen yet is what the autopilot would choose ([B7]). */
export function onPhaseTimer(s: ByzantineState, ctx: EngineCtx, fx: Effect[]): void {
  if (s.step === decideStep(s)) {
    finish(s, ctx, fx, 'timer');
    return;
  }
  s.closing = true;
  flushAll(s, ctx, fx, s.step);
  fillIn(s, ctx, fx);
  fx.push({ type: 'changed', nodes: 'all' });
  if ((s.travelling[s.step] ?? 0) === 0) {
    endPhase(s, ctx, fx, 'timer');
    advance(s, ctx, fx);
    return;
  }
  const wait = ctx.faults.latency.base + ctx.faults.latency.jitter + GRACE_MARGIN_MS;
  fx.push({ type: 'timer', key: graceTimerKey(s.step), delay: wait });
}

export function onGraceTimer(s: ByzantineState, ctx: EngineCtx, fx: Effect[]): void {
  endPhase(s, ctx, fx, 'grace');
  advance(s, ctx, fx);
}

function fillIn(s: ByzantineState, ctx: EngineCtx, fx: Effect[]): void {
  const rng = createRng(s.rng);
  if (s.step === 1) {
    const c = s.commander;
    if (!ctx.isDown(c)) {
      const open = lieutenants(s).filter((l) => s.nodes[c]!.sentTo[c]?.[l] === undefined);
      const values = s.nodes[c]!.traitor
        ? chooseValues(s.config.strategy, s.suggestedOrder, lieutenants(s), rng)
        : Object.fromEntries(open.map((l) => [l, s.suggestedOrder]));
      sendOrders(s, ctx, fx, values);
    }
  } else {
    for (const t of s.traitors) {
      if (t === s.commander || ctx.isDown(t)) continue;
      const g = s.nodes[t]!;
      if (s.signed) {
        const mine = g.held[sigKey('attack', [s.commander])] ? 'attack' : g.held[sigKey('retreat', [s.commander])] ? 'retreat' : DEFAULT_VALUE;
        sendSmRelays(s, ctx, fx, t, s.step, chooseValues(s.config.strategy, mine, lieutenants(s).filter((l) => l !== t), rng));
      } else {
        for (const h of Object.values(g.held)) {
          if (h.path.length !== s.step - 1) continue;
          const out = [...h.path, t];
          sendOmRelays(s, ctx, fx, t, h.path, chooseValues(s.config.strategy, h.value, recipientsOf(s, out), rng));
        }
      }
    }
  }
  s.rng = rng.state;
}

function closePhaseRecord(s: ByzantineState, now: number, endedBy: 'all-done' | 'timer' | 'grace'): void {
  const rec = s.phases.at(-1);
  if (rec && rec.endedAt === null) {
    rec.endedAt = now;
    rec.endedBy = endedBy;
  }
}

/** Ends the sending phase `s.step`: what did not come counts as Retreat, and loyal lieutenants pass that on ([B6]). */
function endPhase(s: ByzantineState, ctx: EngineCtx, fx: Effect[], endedBy: 'all-done' | 'timer' | 'grace'): void {
  const k = s.step;
  fx.push({ type: 'cancel', key: phaseTimerKey(k) }, { type: 'cancel', key: graceTimerKey(k) });
  for (const rec of s.messages) {
    if (rec.level === k && rec.status === 'travelling') {
      rec.status = 'lost';
      s.counts.lost++;
    }
  }
  s.travelling[k] = 0;
  closePhaseRecord(s, ctx.now, endedBy);
  // This level's relays that a crashed node held back go out now (dropped while it is down).
  flushAll(s, ctx, fx, k);
  s.step = k + 1;
  s.closing = false;
  if (!s.signed) {
    for (const i of lieutenants(s)) {
      for (const path of pathsTo(s, k, i)) {
        if (s.nodes[i]!.held[pathKey(path)]) continue;
        holdOm(s, i, path, DEFAULT_VALUE, ctx.now, true);
        if (!s.nodes[i]!.traitor) relayLoyal(s, ctx, fx, i, path, DEFAULT_VALUE);
      }
    }
  }
  if (s.step === decideStep(s)) freezeTallies(s);
  startPhase(s, ctx, fx);
}

export function startPhase(s: ByzantineState, ctx: EngineCtx, fx: Effect[]): void {
  const phase = phaseOf(s);
  const level = phase === 'decide' ? 0 : s.step;
  s.phases.push({ step: s.step, phase, level, startedAt: ctx.now, endedAt: null, endedBy: null });
  s.phaseEndsAt = ctx.now + s.config.phaseMs;
  fx.push({ type: 'timer', key: phaseTimerKey(s.step), delay: s.config.phaseMs });
  const label = phase === 'orders' ? 'orders' : phase === 'relays' ? `relays, level ${level}` : 'decision';
  fx.push({ type: 'mark', label: `phase: ${label}`, data: { step: s.step, phase, level } });
  fx.push({ type: 'changed', nodes: 'all' });
}

/** The decision phase shows each lieutenant a tally that no longer changes ([B8]). */
function freezeTallies(s: ByzantineState): void {
  for (const i of lieutenants(s)) {
    const g = s.nodes[i]!;
    if (s.signed) {
      g.tally = { attack: g.live.attack, retreat: g.live.retreat, missing: 0 };
      g.suggested = choice(g.accepted);
    } else {
      const votes = omVotes(s, i);
      const missing = votes.filter((v) => v.missing).length;
      const attack = votes.filter((v) => v.value === 'attack').length;
      g.tally = { attack, retreat: votes.length - attack - missing, missing };
      g.suggested = attack * 2 > votes.length ? 'attack' : DEFAULT_VALUE;
    }
  }
}

/** The decision phase ends: undecided loyal lieutenants take their majority; down ones decide nothing ([B8]). */
function finish(s: ByzantineState, ctx: EngineCtx, fx: Effect[], endedBy: 'all-done' | 'timer'): void {
  for (const i of lieutenants(s)) {
    const g = s.nodes[i]!;
    if (g.traitor || g.decision !== null) continue;
    if (ctx.isDown(i)) {
      g.crashed = true;
      continue;
    }
    g.decision = g.suggested ?? DEFAULT_VALUE;
    g.decidedBy = 'timeout';
    g.decidedAt = ctx.now;
  }
  closePhaseRecord(s, ctx.now, endedBy);
  fx.push({ type: 'cancel', key: phaseTimerKey(s.step) });
  s.step = doneStep(s);
  s.phaseEndsAt = null;
  s.outcome = evaluate(s);
  s.phases.push({ step: s.step, phase: 'done', level: 0, startedAt: ctx.now, endedAt: ctx.now, endedBy: null });
  fx.push({ type: 'mark', label: s.outcome.verdict, data: { ic1: s.outcome.ic1, ic2: s.outcome.ic2, traitors: s.traitors } });
  fx.push({ type: 'changed', nodes: 'all' });
  fx.push({ type: 'end', reason: 'the generals have decided' });
}
