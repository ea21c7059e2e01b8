// The headless simulator: bots play a game on virtual time, through the same session core,
// engines and network model as a live room, with a scripted fault schedule.

import type { Games } from '../games/types';
import type { Faults } from '../net/faults';
import type { ScriptAction } from '../net/script';
import type { NodeId } from '../protocol/ids';
import { createRng, deriveSeed } from '../rng';
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
  /**
   * A leader crash (`{do: 'crash', who: 'leader'}`) happens at a moment drawn uniformly from
   * [t, t + crashWindowMs), t being the step's time, or when the next leader is elected if
   * nobody leads then. Raft's Figure 16 crashed the leader uniformly within its heartbeat
   * interval. 0 (the default) crashes at t.
   */
  crashWindowMs?: number;
  /** End the trial as soon as some node leads after a leader crash. */
  untilNewLeader?: boolean;
}

export interface TrialOutcome {
  result: unknown;
  endedAt: number;
  endedBy: 'game' | 'time' | 'done' | 'new-leader';
  state: SessionState;
  /** The first leader crash of the trial: when, and who; null if none happened. */
  leaderCrash: { at: number; node: NodeId } | null;
  /** When some node first led after that crash, or null. */
  newLeaderAt: number | null;
}

/**
 * Leader crashes for one trial: armed by a schedule step, fired at a drawn moment on whoever
 * leads then (or, nobody leading, on the next leader), then watched until a node leads again.
 */
class LeaderCrashes {
  /** Armed steps still waiting for a leader to crash. */
  private armed = 0;
  /** When the drawn crash is due, once a leader has been seen. */
  dueAt: number | null = null;
  first: { at: number; node: NodeId } | null = null;
  newLeaderAt: number | null = null;
  private readonly rng;

  constructor(
    seed: number,
    private readonly windowMs: number,
    private readonly leader: () => NodeId | null,
  ) {
    this.rng = createRng(deriveSeed(seed, 'leader-crash'));
  }

  arm(now: number): void {
    this.armed++;
    this.look(now);
  }

  /** Nothing armed and nothing watched: look() would do nothing after any step. */
  idle(): boolean {
    return this.armed === 0 && !(this.first && this.newLeaderAt === null);
  }

  /** After every step: a leader to aim at, or a new leader after the crash. */
  look(now: number): void {
    // Nothing to aim at and nothing to watch for (most trials, most steps): no need to ask who leads.
    if (!(this.armed > 0 && this.dueAt === null) && !(this.first && this.newLeaderAt === null)) return;
    const leader = this.leader();
    // The crashed node is down, so any leader seen from now on is a node that leads after it.
    if (this.first && this.newLeaderAt === null && leader !== null) this.newLeaderAt = now;
    if (this.armed > 0 && this.dueAt === null && leader !== null) {
      this.dueAt = now + (this.windowMs >= 1 ? this.rng.int(Math.floor(this.windowMs)) : 0);
    }
  }

  /** The drawn moment came: crash whoever leads now, or wait for the next leader. */
  fire(now: number, crash: (node: NodeId) => void): void {
    this.dueAt = null;
    const leader = this.leader();
    if (leader === null) return;
    this.armed--;
    crash(leader);
    this.first ??= { at: now, node: leader };
  }
}

/**
 * What the trial loop drives: the session core (the live path, below) or the fast session
 * (fastTrial.ts). Both play the same steps; the loop is written once, here.
 */
export interface TrialDriver {
  nextWakeAt(): number | null;
  advance(now: number): void;
  /**
   * Optional: advance() moment after moment, for every moment before `limit` and not after
   * `max`, while the trial's round runs; the last moment it ran, or null if none was due.
   */
  advanceBefore?(limit: number, max: number): number | null;
  runAction(now: number, action: ScriptAction): void;
  crash(now: number, node: NodeId): void;
  /** The trial's round's engine state while it runs, else undefined. */
  running(): { engineState: unknown } | undefined;
  /** The running round's leader, if its game has one. */
  leader(): NodeId | null;
  endRound(now: number, reason: string): unknown;
  /** Session time of the last event. */
  time(): number;
  /** The last round that ended, if any. */
  lastRound(): { result: unknown; endedAt: number } | null;
}

export type TrialEnd = Omit<TrialOutcome, 'state'>;

/** The trial loop: schedule steps, due items and leader crashes, in time order, until the round ends. */
export function playTrial(spec: TrialSpec, driver: TrialDriver): TrialEnd {
  const schedule = [...spec.schedule].sort((a, b) => a.at - b.at);
  let next = 0;
  let now = 0;
  const crashes = new LeaderCrashes(spec.seed, spec.crashWindowMs ?? 0, () => (driver.running() ? driver.leader() : null));
  const outcome = (result: unknown, endedAt: number, endedBy: TrialOutcome['endedBy']): TrialEnd => ({
    result,
    endedAt,
    endedBy,
    leaderCrash: crashes.first,
    newLeaderAt: crashes.newLeaderAt,
  });

  while (driver.running()) {
    const wakeAt = driver.nextWakeAt();
    const step = schedule[next];
    const at = Math.min(wakeAt ?? Infinity, step?.at ?? Infinity, crashes.dueAt ?? Infinity);
    if (at === Infinity || at > spec.maxTimeMs) break;
    now = at;
    if (crashes.dueAt !== null && crashes.dueAt <= Math.min(wakeAt ?? Infinity, step?.at ?? Infinity)) {
      crashes.fire(now, (node) => driver.crash(now, node));
    } else if (step && step.at <= (wakeAt ?? Infinity)) {
      next++;
      if (step.action.do === 'crash' && step.action.who === 'leader') crashes.arm(now);
      else driver.runAction(now, step.action);
    } else if (driver.advanceBefore && !spec.done && !spec.untilNewLeader && crashes.idle()) {
      // Nothing looks between moments (no goal, no leader crash armed or watched): every
      // moment up to the next schedule step runs in one call.
      now = driver.advanceBefore(step?.at ?? Infinity, spec.maxTimeMs) ?? now;
    } else {
      driver.advance(now);
    }
    crashes.look(now);
    const round = driver.running();
    if (!round) continue;
    const goal = spec.done?.(round.engineState, now) ? 'done' : spec.untilNewLeader && crashes.newLeaderAt !== null ? 'new-leader' : null;
    if (goal) return outcome(driver.endRound(now, 'sim_goal'), now, goal);
  }
  if (driver.running()) {
    const end = Math.max(now, Math.min(spec.maxTimeMs, driver.time()));
    return outcome(driver.endRound(end, 'sim_time'), end, 'time');
  }
  const last = driver.lastRound();
  return outcome(last?.result ?? null, last?.endedAt ?? now, 'game');
}

/** Plays one trial of `spec.game`, which must be one of `games`, through the session core (each event to `record`). */
export function runTrial(spec: TrialSpec, games: Games, record: Recorder = () => {}): TrialOutcome {
  const game = games.get(spec.game);
  if (!game) throw new Error(`unknown game "${spec.game}"`);
  const core = SessionCore.create(
    makeHeader({ seed: spec.seed, capacity: spec.nodes, faults: spec.faults, vectorClocks: false, room: 'SIMUL' }),
    games,
    record,
  );
  const added = core.addBots(0, spec.nodes);
  if (!added.ok) throw new Error(added.error.message);
  const started = core.startRound(0, spec.game, spec.config);
  if (!started.ok) throw new Error(started.error.message);
  const index = started.data.index;
  const end = playTrial(spec, {
    nextWakeAt: () => core.nextWakeAt(),
    advance: (now) => core.advance(now),
    runAction: (now, action) => void core.runAction(now, action),
    crash: (now, node) => void core.changeFaults(now, { op: 'crash', nodes: [node] }),
    running: () => {
      const round = core.state.round;
      return round?.spec.index === index ? round : undefined;
    },
    leader: () => {
      const round = core.state.round;
      return round && game.engine.leader ? game.engine.leader(round.engineState) : null;
    },
    endRound: (now, reason) => {
      const ended = core.endRound(now, reason);
      return ended.ok ? ended.data.result : null;
    },
    time: () => core.state.t,
    lastRound: () => core.state.rounds.at(-1) ?? null,
  });
  return { ...end, state: core.state };
}
