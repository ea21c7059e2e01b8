// The headless simulator: bots play a game on virtual time, through the same session core,
// engines and network model as a live room, with a scripted fault schedule.

import type { Games } from '../games/types';
import type { Faults } from '../net/faults';
import type { ScriptAction } from '../net/script';
import { SessionCore, type Recorder } from '../session/core';
import { makeHeader } from '../session/header';
import type { SessionState } from '../session/state';

export interface ScheduleStep {
  /** ms after the round starts. */
  at: number;
  /** The same actions a drill script has (shared/net/script.ts). */
  action: ScriptAction;
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

/** Plays one trial of `spec.game`, which must be one of `games`. */
export function runTrial(spec: TrialSpec, games: Games, record: Recorder = () => {}): TrialOutcome {
  if (!games.has(spec.game)) throw new Error(`unknown game "${spec.game}"`);
  const core = SessionCore.create(
    makeHeader({ seed: spec.seed, capacity: spec.nodes, faults: spec.faults, vectorClocks: false, room: 'SIMUL' }),
    games,
    record,
  );
  const added = core.addBots(0, spec.nodes);
  if (!added.ok) throw new Error(added.error.message);
  const started = core.startRound(0, spec.game, spec.config);
  if (!started.ok) throw new Error(started.error.message);
  const schedule = [...spec.schedule].sort((a, b) => a.at - b.at);
  let next = 0;
  let now = 0;
  const running = () => core.state.round?.spec.index === started.data.index;

  while (running()) {
    const wakeAt = core.nextWakeAt();
    const step = schedule[next];
    const at = Math.min(wakeAt ?? Infinity, step?.at ?? Infinity);
    if (at === Infinity || at > spec.maxTimeMs) break;
    now = at;
    if (step && step.at <= (wakeAt ?? Infinity)) {
      next++;
      core.runAction(now, step.action);
    } else {
      core.advance(now);
    }
    const round = core.state.round;
    if (round?.spec.index === started.data.index && spec.done?.(round.engineState, now)) {
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
