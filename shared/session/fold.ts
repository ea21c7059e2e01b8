// The fold: state' = step(state, event). The live room records an event and then steps it;
// the replay viewer and a restarted server step the same events read back from the file.
// `step` changes `state` in place and returns the game's effects, which only the live room
// acts on (in a recording, what the effects caused is already written as later events).
// The games a round may play are handed in (`games`); the fold never looks one up elsewhere.

import { newClock, tickReceive, tickSend } from '../net/clocks';
import { faultText } from '../net/drills';
import { faultNotice } from '../net/faults';
import { describeStep, orderedSteps, stepNotice } from '../net/script';
import type { AnyEngine, Effect, EngineCtx, Envelope, Games } from '../games/types';
import type { EventOf, RecordingHeader, SessionEvent } from '../protocol/recordingFormat';
import { clockOf, createSessionState, emptyNetStats, type FoldOptions, isNodeDown, type RoundState, type SessionState } from './state';

/** Fault log entries kept in the state (the recording keeps all of them). */
const FAULT_LOG_MAX = 200;

export class FoldError extends Error {
  constructor(
    message: string,
    readonly seq: number,
  ) {
    super(message);
  }
}

const contexts = new WeakMap<SessionState, EngineCtx>();

/**
 * The context an engine call gets. One object per session, refreshed on each call: this runs
 * once per message, and a 100,000-node simulation sends millions. Engines must not keep it.
 */
export function engineCtx(state: SessionState, round: RoundState, now: number): EngineCtx {
  let ctx = contexts.get(state);
  if (!ctx) {
    ctx = { now, nodes: round.spec.nodes, faults: state.faults, isDown: (node) => isNodeDown(state, node) };
    contexts.set(state, ctx);
  }
  ctx.now = now;
  ctx.nodes = round.spec.nodes;
  ctx.faults = state.faults;
  return ctx;
}

/** The engine of `game`; a recording that names a game this host does not offer cannot be folded. */
export function engineOf(games: Games, game: string, seq: number): AnyEngine {
  const engine = games.get(game)?.engine;
  if (!engine) throw new FoldError(`unknown game "${game}"`, seq);
  return engine;
}

function roundEngine(state: SessionState, games: Games): { round: RoundState; engine: AnyEngine } | null {
  const round = state.round;
  if (!round) return null;
  return { round, engine: engineOf(games, round.spec.game, state.seq) };
}

export function step(state: SessionState, event: SessionEvent, games: Games): Effect[] {
  state.seq = event.seq;
  state.t = event.t;
  const now = event.t;
  switch (event.type) {
    case 'node:joined': {
      state.nodes[event.node] = {
        id: event.node,
        nickname: event.nickname,
        kind: event.kind,
        status: 'active',
        connected: true,
        since: now,
        autopilot: event.kind === 'bot',
        joinedAt: now,
        ...(event.tokenHash ? { tokenHash: event.tokenHash } : {}),
      };
      state.order.push(event.node);
      state.active++;
      state.clocks[event.node] = newClock();
      return [];
    }
    case 'node:connected':
    case 'node:disconnected': {
      const rec = state.nodes[event.node];
      if (rec) {
        rec.connected = event.type === 'node:connected';
        rec.since = now;
      }
      return [];
    }
    case 'node:kicked':
    case 'node:left': {
      const rec = state.nodes[event.node];
      if (rec && rec.status === 'active') {
        state.active--;
        rec.status = event.type === 'node:kicked' ? 'kicked' : 'left';
        rec.connected = false;
        rec.since = now;
      }
      return [];
    }
    case 'node:autopilot': {
      const rec = state.nodes[event.node];
      if (rec && rec.kind !== 'bot') rec.autopilot = event.on;
      return [{ type: 'changed', nodes: [event.node] }];
    }
    case 'room:locked':
      state.locked = event.locked;
      return [];
    case 'room:language':
      state.language = event.language;
      return [{ type: 'changed', nodes: 'all' }];
    case 'session:ended':
      state.ended = true;
      return [];
    case 'room:owner':
      return [];
    case 'fault:changed': {
      const prev = state.faults;
      state.faults = event.faults;
      const op = event.op;
      const drill = op.op === 'drill' ? op.name : event.drill;
      const text = event.text ?? (op.op === 'drill' ? op.name : faultText(op, drill, (id) => state.nodes[id]?.nickname ?? id));
      state.faultLog.push({
        t: now,
        text,
        ...(op.op === 'drill' ? {} : { notice: faultNotice(op) }),
        ...(drill ? { drill } : {}),
      });
      if (state.faultLog.length > FAULT_LOG_MAX) state.faultLog.shift();
      const re = roundEngine(state, games);
      if (!re?.engine.faultsChanged) return [];
      return re.engine.faultsChanged(re.round.engineState, prev, state.faults, engineCtx(state, re.round, now));
    }
    case 'net:paused':
      state.pausedAt = now;
      return [];
    case 'net:resumed': {
      state.pausedAt = null;
      for (const f of Object.values(state.inFlight)) {
        f.pending = f.pending.map((at) => (at === null ? null : at + event.shift));
      }
      for (const timer of Object.values(state.timers)) timer.at += event.shift;
      if (state.drill?.nextAt != null) state.drill.nextAt += event.shift;
      return [];
    }
    case 'round:started':
      return startRound(state, event, games);
    case 'round:ended': {
      const round = state.round;
      if (round) {
        state.rounds.push({
          index: round.spec.index,
          game: round.spec.game,
          config: round.spec.config,
          nodes: round.spec.nodes.length,
          startedAt: round.startedAt,
          endedAt: now,
          reason: event.reason,
          result: event.result,
        });
      }
      if (round) state.lastRound = { spec: round.spec, engineState: round.engineState, endedAt: now };
      // What was still travelling or ticking belonged to the round: it goes with it.
      state.round = null;
      state.inFlight = {};
      state.timers = {};
      return [{ type: 'changed', nodes: 'all' }];
    }
    case 'node:acted': {
      const re = roundEngine(state, games);
      if (!re) return [];
      return re.engine.act(re.round.engineState, event.node, event.action, engineCtx(state, re.round, now));
    }
    case 'envelope:sent':
      return sent(state, event);
    case 'envelope:delivered':
      return delivered(state, event, games);
    case 'envelope:dropped': {
      const f = state.inFlight[event.id];
      if (f) settleCopy(state, event.id, event.copy);
      countDrop(state, event.reason);
      return [];
    }
    case 'timer:set':
      state.timers[event.key] = event.node ? { at: event.at, node: event.node } : { at: event.at };
      return [];
    case 'timer:cancelled':
      delete state.timers[event.key];
      return [];
    case 'timer:fired': {
      delete state.timers[event.key];
      const re = roundEngine(state, games);
      if (!re) return [];
      return re.engine.timer(re.round.engineState, event.key, engineCtx(state, re.round, now));
    }
    case 'mark':
      return [];
    case 'drill:started': {
      const first = orderedSteps(event.script)[0];
      state.drill = { script: event.script, startedAt: now, next: 0, nextAt: first ? now + first.at * 1000 : null };
      return [];
    }
    case 'drill:step': {
      const d = state.drill;
      if (!d) return [];
      const steps = orderedSteps(d.script);
      d.next = event.index + 1;
      const following = steps[d.next];
      d.nextAt = following ? d.startedAt + following.at * 1000 : null;
      const step = steps[event.index];
      const said = event.text ?? (step ? describeStep(step) : '');
      const why = event.error ?? event.failed?.code;
      state.faultLog.push({
        t: now,
        text: `Drill step ${event.index + 1}/${steps.length}: ${said}${why ? ` — ${why}` : ''}`,
        ...(step && !step.note ? { notice: stepNotice(step) } : {}),
        step: {
          index: event.index,
          of: steps.length,
          ...(step?.note ? { note: step.note } : {}),
          // A preset's note is worded by the reader's catalogue (`script.<id>.note.<index>`).
          ...(step?.note && d.script.id ? { script: d.script.id } : {}),
        },
        ...(event.failed ? { failed: event.failed } : {}),
      });
      if (state.faultLog.length > FAULT_LOG_MAX) state.faultLog.shift();
      return [];
    }
    case 'drill:ended':
      state.drill = null;
      return [];
  }
}

function startRound(state: SessionState, event: EventOf<'round:started'>, games: Games): Effect[] {
  const spec = event.round;
  const engine = engineOf(games, spec.game, event.seq);
  const round: RoundState = { spec, startedAt: event.t, engineState: undefined, net: emptyNetStats() };
  state.round = round;
  state.lastRound = null;
  const { state: engineState, effects } = engine.init(spec.config, {
    ...engineCtx(state, round, event.t),
    seed: spec.seed,
  });
  round.engineState = engineState;
  return effects;
}

function sent(state: SessionState, event: EventOf<'envelope:sent'>): Effect[] {
  const { env } = event;
  const n = Number(env.id.slice(1));
  if (n >= state.nextEnvelope) state.nextEnvelope = n + 1;
  const stamp = tickSend(clockOf(state, env.from), env.from, state.vectors);
  state.net.sent++;
  if (state.round) state.round.net.sent++;
  if ('drop' in event) {
    countDrop(state, event.drop);
    return [];
  }
  const envelope: Envelope = {
    id: env.id,
    from: env.from,
    to: env.to,
    kind: env.kind,
    body: env.body,
    sentAt: event.t,
    lamport: stamp.lamport,
  };
  if (stamp.vector) envelope.vector = stamp.vector;
  const pending: (number | null)[] = event.at.slice();
  if (event.at.length > 1) {
    state.net.duplicated += event.at.length - 1;
    if (state.round) state.round.net.duplicated += event.at.length - 1;
  }
  state.inFlight[env.id] = { env: envelope, pending };
  return [];
}

function delivered(state: SessionState, event: EventOf<'envelope:delivered'>, games: Games): Effect[] {
  const f = state.inFlight[event.id];
  if (!f) return [];
  settleCopy(state, event.id, event.copy);
  const env = f.env;
  tickReceive(clockOf(state, env.to), env.to, env);
  state.net.delivered++;
  const re = roundEngine(state, games);
  if (!re) return [];
  re.round.net.delivered++;
  return re.engine.deliver(re.round.engineState, env, engineCtx(state, re.round, event.t));
}

function settleCopy(state: SessionState, id: string, copy: number): void {
  const f = state.inFlight[id];
  if (!f) return;
  if (copy < f.pending.length) f.pending[copy] = null;
  if (f.pending.every((at) => at === null)) delete state.inFlight[id];
}

function countDrop(state: SessionState, reason: keyof SessionState['net']['dropped']): void {
  state.net.dropped[reason]++;
  if (state.round) state.round.net.dropped[reason]++;
}

/**
 * Rebuilds a session from its recording, as the live room had it (without vector clocks unless
 * `{ vectors: true }`: see SessionState.vectors). Throws FoldError on an event it cannot apply.
 */
export function fold(header: RecordingHeader, events: Iterable<SessionEvent>, games: Games, options: FoldOptions = {}): SessionState {
  const state = createSessionState(header, options);
  for (const e of events) step(state, e, games);
  return state;
}
