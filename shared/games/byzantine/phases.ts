// The phase machine ([B7]): when a phase is over, what its end fills in, and the decision.
// Each function changes the state in place and pushes effects.

import type { NodeId } from '../../protocol/ids';
import { notice } from '../../protocol/notice';
import { createRng } from '../../rng';
import type { Effect, EngineCtx } from '../types';
import { DEFAULT_VALUE } from './config';
import { heldOrder } from './rules';
import { holdOm, sendOmRelays, sendOrders, sendSmRelay } from './messages';
import { evaluate } from './outcome';
import { choice, omSendsAt, omVotes, pathsTo, recipientsOf, smDue } from './paths';
import { chooseValues, collusion, type LieContext } from './strategies';
import { general, decideStep, doneStep, graceTimerKey, lieutenants, pathKey, phaseOf, phaseTimerKey, type ByzantineState } from './state';

/** After a phase timer, how long past the network's worst latency to wait for the last messages (ms). */
export const GRACE_MARGIN_MS = 200;

/** Nodes the current phase still waits for ([B7]); the engine does not wait for down nodes. */
export function waitingFor(s: ByzantineState, isDown: (node: NodeId) => boolean): NodeId[] {
  const n = s.generals.length;
  if (s.step === 1) {
    const c = s.commander;
    const sent = Object.keys(general(s, c).sentTo[c] ?? {}).length;
    return !isDown(c) && sent < n - 1 ? [c] : [];
  }
  if (s.step <= s.m + 1) {
    const owed = omSendsAt(s, s.step);
    return lieutenants(s).filter((l) => {
      const g = general(s, l);
      if (isDown(l)) return false;
      // Every lieutenant, loyal or not, sends its own relays (its Send, or the timer's): [B4], [B5].
      // SM: one relay per level, even one that passes nothing on.
      return s.signed ? g.smRelayed[String(s.step)] === undefined : (g.sentByLevel[s.step] ?? 0) < owed;
    });
  }
  if (s.step === decideStep(s)) {
    return lieutenants(s).filter((l) => !general(s, l).traitor && general(s, l).decision === null && !isDown(l));
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

/** What colluding traitors agree on, for messages of the current level ([B12]). */
export function lieContext(s: ByzantineState): LieContext {
  return { collusion: collusion(s.generals, s.commander, s.traitors), signed: s.signed, level: Math.max(1, s.step), m: s.m };
}

function fillIn(s: ByzantineState, ctx: EngineCtx, fx: Effect[]): void {
  const rng = createRng(s.rng);
  const lie = lieContext(s);
  if (s.step === 1) {
    const c = s.commander;
    if (!ctx.isDown(c)) {
      const open = lieutenants(s).filter((l) => general(s, c).sentTo[c]?.[l] === undefined);
      const values = general(s, c).traitor
        ? chooseValues(s.config.strategy, s.suggestedOrder, lieutenants(s), rng, lie)
        : Object.fromEntries(open.map((l) => [l, s.suggestedOrder]));
      sendOrders(s, ctx, fx, values);
    }
  } else if (s.signed) {
    // SM: a lieutenant who has not pressed Send: a loyal one passes on what SM says ([B4]); a
    // traitor lies by its strategy, about the order it holds ([B5], [B12]).
    const level = s.step;
    for (const l of lieutenants(s)) {
      const g = general(s, l);
      if (ctx.isDown(l) || g.smRelayed[String(level)] !== undefined) continue;
      if (!g.traitor) {
        sendSmRelay(s, ctx, fx, l, level, smDue(s, l, level));
        continue;
      }
      const chosen = chooseValues(
        s.config.strategy,
        heldOrder(s, l) ?? DEFAULT_VALUE,
        lieutenants(s).filter((r) => r !== l),
        rng,
        lie,
      );
      sendSmRelay(s, ctx, fx, l, level, Object.fromEntries(Object.entries(chosen).map(([r, v]) => [r, [v]])));
    }
  } else {
    // A loyal lieutenant who has not pressed Send passes on, unchanged, what it holds ([B4]).
    for (const l of lieutenants(s)) {
      const g = general(s, l);
      if (g.traitor || ctx.isDown(l)) continue;
      for (const h of Object.values(g.held)) {
        if (h.path.length !== s.step - 1) continue;
        const out = [...h.path, l];
        sendOmRelays(s, ctx, fx, l, h.path, Object.fromEntries(recipientsOf(s, out).map((r) => [r, h.value])));
      }
    }
    for (const t of s.traitors) {
      if (t === s.commander || ctx.isDown(t)) continue;
      const g = general(s, t);
      for (const h of Object.values(g.held)) {
        if (h.path.length !== s.step - 1) continue;
        const out = [...h.path, t];
        sendOmRelays(
          s,
          ctx,
          fx,
          t,
          h.path,
          chooseValues(s.config.strategy, h.value, recipientsOf(s, out), rng, { ...lie, level: out.length }),
        );
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

/**
 * Ends the sending phase `s.step`: what did not come counts as Retreat ([B6]); a loyal OM
 * lieutenant passes that on by its own Send ([B4]). SM: a missing message adds nothing.
 */
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
  s.step = k + 1;
  s.closing = false;
  if (!s.signed) {
    for (const i of lieutenants(s)) {
      for (const path of pathsTo(s, k, i)) {
        if (general(s, i).held[pathKey(path)]) continue;
        holdOm(s, i, path, DEFAULT_VALUE, ctx.now, true);
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
  fx.push({ type: 'mark', notice: notice('byzantine.mark.phase', { phase, level }), data: { step: s.step, phase, level } });
  fx.push({ type: 'changed', nodes: 'all' });
}

/** The decision phase shows each lieutenant a tally that no longer changes ([B8]). */
function freezeTallies(s: ByzantineState): void {
  for (const i of lieutenants(s)) {
    const g = general(s, i);
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
    const g = general(s, i);
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
  fx.push({ type: 'mark', notice: s.outcome.verdict, data: { ic1: s.outcome.ic1, ic2: s.outcome.ic2, traitors: s.traitors } });
  fx.push({ type: 'changed', nodes: 'all' });
  fx.push({ type: 'end', reason: 'byzantine.decided' });
}
