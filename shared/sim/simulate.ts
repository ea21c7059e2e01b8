// `npm run simulate -- --game <name> --nodes N --seed S --trials T [fault flags] --json`:
// everything but the printing, so tests can run it in-process. The games it may run are
// handed in by its caller (the command line lists them).

import type { Games } from '../games/types';
import { formatIssues } from '../protocol/result';
import { deriveSeed } from '../rng';
import { faultsFromFlags, parseArgs, scheduleFromFlags } from './flags';
import { intFlag } from './plugin';
import { runFastTrial } from './fastTrial';
import { runTrial, type ScheduleStep, type TrialSpec } from './runner';

export interface SimulateOptions {
  /**
   * `fast` (the default): trials that record nothing (fastTrial.ts); `live`: through the
   * session core, as a room plays, each event recorded to nowhere. Both give the same trials.
   */
  path?: 'fast' | 'live';
  /** Only the trials' specs (in `specs`), none played: for tests that play them themselves. */
  specs?: boolean;
}

export interface SimulationOutput {
  game: string;
  trials: Record<string, unknown>[];
  summary: Record<string, unknown>;
  specs?: TrialSpec[];
}

export interface SimulationPlan {
  game: string;
  nodes: number;
  seed: number;
  trials: number;
  config: unknown;
  schedule: ScheduleStep[];
  json: boolean;
}

export function simulate(
  argv: readonly string[],
  games: Games,
  extraSchedule: ScheduleStep[] = [],
  options: SimulateOptions = {},
): SimulationOutput {
  const args = parseArgs(argv);
  const { flags } = args;
  const game = String(flags.game ?? '');
  const definition = games.get(game);
  const playable = [...games.values()].filter((g) => g.sim).map((g) => g.engine.id);
  if (!definition) throw new Error(`--game must be one of: ${playable.join(', ')}.`);
  const { engine, sim: plugin } = definition;
  if (!plugin) throw new Error(`The ${game} game cannot be simulated; try: ${playable.join(', ')}.`);
  const nodes = intFlag(flags, 'nodes', 5, Math.max(1, engine.minNodes), 1_000_000);
  const trials = intFlag(flags, 'trials', 1, 1, 1_000_000);
  const seed = intFlag(flags, 'seed', 1, 0, 2 ** 32 - 1);
  const config = plugin.config(flags, nodes);
  const parsed = engine.config.safeParse(config);
  if (!parsed.success) throw new Error(formatIssues(parsed.error.issues, 'flags'));
  const faults = faultsFromFlags(flags);
  const untilNewLeader = flags['until-new-leader'] === true || flags['until-new-leader'] === 'true';
  const schedule = [...scheduleFromFlags(args, nodes), ...extraSchedule];
  const maxTimeMs = plugin.maxTimeMs(parsed.data, flags, { lastStepAt: schedule.reduce((m, s) => Math.max(m, s.at), 0) });
  const out: Record<string, unknown>[] = [];
  const specOf = (i: number): TrialSpec => ({
    game,
    nodes,
    seed: deriveSeed(seed, `trial:${i}`),
    config: parsed.data,
    faults,
    schedule,
    maxTimeMs,
    ...(plugin.done ? { done: plugin.done } : {}),
    crashWindowMs: plugin.crashWindowMs?.(parsed.data) ?? 0,
    untilNewLeader,
  });
  if (options.specs) return { game, trials: [], summary: {}, specs: Array.from({ length: trials }, (_, i) => specOf(i)) };
  for (let i = 0; i < trials; i++) {
    const spec = specOf(i);
    const outcome = options.path === 'live' ? runTrial(spec, games) : runFastTrial(spec, games);
    out.push(
      plugin.trial(outcome.result, {
        endedAt: outcome.endedAt,
        seed: spec.seed,
        leaderCrashedAt: outcome.leaderCrash?.at ?? null,
        newLeaderAt: outcome.newLeaderAt,
      }),
    );
  }
  return { game, trials: out, summary: plugin.summary(out, parsed.data, { loss: faults.loss }) };
}
