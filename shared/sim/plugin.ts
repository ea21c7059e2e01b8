// The simulator's plug-in contract: how the headless simulator runs one game, and the readers
// a plug-in uses for its command-line flags. A game's sim.ts implements it. This file imports
// nothing, so a game may depend on it without reaching the runner or the session core.

/** What the runner saw of a trial beside the game's result. */
export interface TrialInfo {
  endedAt: number;
  seed: number;
  /** When the first leader crash of the trial happened (`--crash leader@MS`), or null. */
  leaderCrashedAt: number | null;
  /** When some node first led after that crash, or null. */
  newLeaderAt: number | null;
}

/** Command-line flags as typed: `--fanout 2` gives { fanout: '2' }, a bare `--signed` gives true. */
export type SimFlags = Record<string, string | boolean>;

/**
 * `Result` is what the game's engine returns from `result` at the end of a round; `Trial` is the
 * JSON the simulator prints for one trial (a type alias, so that it is a plain record).
 */
export interface SimPlugin<Config, State, Result, Trial extends Record<string, unknown>> {
  /** Round settings from the flags; throw an Error with a readable message to refuse them. */
  config(flags: SimFlags, nodes: number): Config;
  /** Virtual time after which a trial is stopped (ms); `lastStepAt` is the fault schedule's last step. */
  maxTimeMs(config: Config, flags: SimFlags, schedule: { lastStepAt: number }): number;
  /** Stop the trial early (the round's result is then taken as it stands). */
  done?(state: State, now: number): boolean;
  /**
   * The window a leader crash (`--crash leader@MS`) is spread over, per trial (ms). Raft's
   * Figure 16 crashed the leader uniformly within its heartbeat interval. Default 0.
   */
  crashWindowMs?(config: Config): number;
  /** One trial's JSON, from the round's result. */
  trial(result: Result, info: TrialInfo): Trial;
  /** `network`: the loss rate every trial started with (theory may depend on it). */
  summary(trials: Trial[], config: Config, network: { loss: number }): Record<string, unknown>;
}

export function intFlag(flags: SimFlags, key: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = flags[key];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${key} must be a whole number from ${min} to ${max}.`);
  return n;
}

export function rateFlag(flags: SimFlags, key: string): number {
  const raw = flags[key];
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`--${key} must be a rate between 0 and 1.`);
  return n;
}

/** "150-300" → [150, 300]; "200" → [200, 200]; "0-0.5" → [0, 0.5]. */
export function rangeFlag(flags: SimFlags, key: string, fallback: [number, number]): [number, number] {
  const raw = flags[key];
  if (raw === undefined) return fallback;
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(String(raw));
  if (!m) throw new Error(`--${key} must look like 150-300 (milliseconds).`);
  const lo = Number(m[1]);
  const hi = Number(m[2] ?? m[1]);
  if (hi < lo) throw new Error(`--${key}: the upper end must not be below the lower end.`);
  return [lo, hi];
}
