// The headless simulator: bots play a game on virtual time, through the same session core,
// engines and network model as a live room, with a scripted fault schedule.

import { engineFor } from '../games';
import type { FaultOp, Faults } from '../net/faults';
import { isCrashed } from '../net/network';
import type { DrillName } from '../net/drills';
import { createRng, deriveSeed } from '../rng';
import { SessionCore, type Recorder } from '../session/core';
import { makeHeader } from '../session/header';
import type { SessionState } from '../session/state';

export type ScheduleAction =
  | { fault: FaultOp }
  | { drill: DrillName }
  /** Crash the game's leader, or this many live nodes chosen at random. */
  | { crash: 'leader' | number }
  /** Restart every crashed node. */
  | { restart: 'all' };

export interface ScheduleStep {
  /** ms after the round starts. */
  at: number;
  action: ScheduleAction;
}

export interface TrialSpec {
  game: string;
  nodes: number;
  seed: number;
  config: unknown;
  faults: Faults;
  schedule: ScheduleStep[];
  maxTimeMs: number;
  /** Stop early when this says so (the game's sim plugin `done`). */
  done?: (engineState: unknown, now: number) => boolean;
}

export interface TrialOutcome {
  result: unknown;
  endedAt: number;
  endedBy: 'game' | 'time' | 'done';
  state: SessionState;
}

export function runTrial(spec: TrialSpec, record: Recorder = () => {}): TrialOutcome {
  const engine = engineFor(spec.game);
  if (!engine) throw new Error(`unknown game "${spec.game}"`);
  const core = new SessionCore(
    makeHeader({ seed: spec.seed, capacity: spec.nodes, faults: spec.faults, vectorClocks: false, room: 'SIMUL' }),
    record,
  );
  const added = core.addBots(0, spec.nodes);
  if (!added.ok) throw new Error(added.error.message);
  const started = core.startRound(0, spec.game, spec.config);
  if (!started.ok) throw new Error(started.error.message);
  const rng = createRng(deriveSeed(spec.seed, 'schedule'));
  const schedule = [...spec.schedule].sort((a, b) => a.at - b.at);
  let next = 0;
  let now = 0;
  const running = () => core.state.round?.spec.index === started.data.index;

  while (running()) {
    const wakeAt = core.nextWakeAt();
    const stepAt = schedule[next]?.at ?? null;
    const at = Math.min(wakeAt ?? Infinity, stepAt ?? Infinity);
    if (at === Infinity || at > spec.maxTimeMs) break;
    now = at;
    if (stepAt !== null && stepAt <= (wakeAt ?? Infinity)) {
      applyStep(core, schedule[next++]!.action, now, rng);
    } else {
      core.advance(now);
    }
    if (running() && spec.done?.(core.state.round!.engineState, now)) {
      const ended = core.endRound(now, 'simulation goal reached');
      return { result: ended.ok ? ended.data.result : null, endedAt: now, endedBy: 'done', state: core.state };
    }
  }
  if (running()) {
    const end = Math.max(now, Math.min(spec.maxTimeMs, core.state.t));
    const ended = core.endRound(end, 'simulation time limit');
    return { result: ended.ok ? ended.data.result : null, endedAt: end, endedBy: 'time', state: core.state };
  }
  const last = core.state.rounds.at(-1);
  return { result: last?.result ?? null, endedAt: last?.endedAt ?? now, endedBy: 'game', state: core.state };
}

function applyStep(core: SessionCore, action: ScheduleAction, now: number, rng: ReturnType<typeof createRng>): void {
  if ('fault' in action) {
    core.changeFaults(now, action.fault);
  } else if ('drill' in action) {
    core.drill(now, action.drill);
  } else if ('restart' in action) {
    core.changeFaults(now, { op: 'restart', nodes: [...core.state.faults.crashed] });
  } else {
    const round = core.state.round;
    let nodes: string[] = [];
    if (action.crash === 'leader') {
      const engine = round ? engineFor(round.spec.game) : undefined;
      const leader = round && engine?.leader ? engine.leader(round.engineState) : null;
      if (leader) nodes = [leader];
    } else if (round) {
      const alive = round.spec.nodes.filter((n) => !isCrashed(core.state.faults, n));
      nodes = rng.sample(alive, action.crash);
    }
    if (nodes.length) core.changeFaults(now, { op: 'crash', nodes });
  }
}
