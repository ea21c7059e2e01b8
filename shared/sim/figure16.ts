// Raft's Figure 16, as the simulator reproduces it. Ongaro and Ousterhout, "In Search of an
// Understandable Consensus Algorithm (Extended Version)", 2014, section 9.3: five servers,
// the leader crashed over and over, and the time until a new leader was elected measured
// ("time without leader"). The top graph varies the randomness of the election timeout
// (150–150 … 150–300 ms), the bottom one scales it (12–24 … 150–300 ms); 1,000 trials per
// curve (100 for 150–150). The paper's setup, and ours:
// - the heartbeat interval is half the minimum election timeout, and the leader is crashed
//   uniformly at random within its heartbeat interval (`--crash leader@MS` spreads the crash
//   over one heartbeat; `--heartbeat` is set to half the minimum timeout);
// - the paper's cluster had a broadcast time of about 15 ms; our network is 3–4 ms one way and
//   every server spends 0–1 ms (uniform) handling each message and firing each timer (the
//   fast pace's processing time, [E18]): see docs/FIDELITY.md for why, and the figures with a
//   15 ms round trip made of network alone;
// - bots act at once (`--bot-delay 0`): a server stands the moment its timer fires.
// Not modelled: the paper's servers had logs of different lengths, so that some could not win.
//
// This file only builds the commands and reads the results; `npm run bench -- figure16` runs
// the 1,000-trial curves, and each curve is one `npm run simulate` command (`curveCommand`).

import type { Games } from '../games/types';
import { simulate } from './simulate';

export const RANDOMNESS_CURVES = ['150-150', '150-151', '150-155', '150-175', '150-200', '150-300'] as const;
export const SCALE_CURVES = ['12-24', '25-50', '50-100', '100-200', '150-300'] as const;

/** The model's settings beside the timeout (see the header). */
export const FIGURE16_SETUP = {
  nodes: 5,
  latency: '3-4',
  processing: '0-1',
  botDelay: '0',
  /** The first leader is elected well before; a later one if nobody leads then. */
  crashAt: 1_000,
  /** Virtual time per trial: 150–150 can take a minute to elect someone. */
  durationMs: 61_000,
} as const;

/** What the paper publishes for a curve (section 9.3 and Figure 16's caption). */
export interface PublishedFigure {
  trials: number;
  medianMs?: number;
  meanMs?: number;
  maxMs?: number;
  /** The paper's words, where it gives no number. */
  text?: string;
}

export const PUBLISHED: Readonly<Record<string, PublishedFigure>> = {
  '150-150': { trials: 100, text: 'elections consistently took longer than 10 s, through many split votes' },
  '150-155': { trials: 1000, medianMs: 287 },
  '150-200': { trials: 1000, maxMs: 513 },
  '12-24': { trials: 1000, meanMs: 35, maxMs: 152 },
};

/** The paper ran 100 trials of 150–150 and 1,000 of every other curve. */
export const paperTrials = (curve: string): number => PUBLISHED[curve]?.trials ?? 1000;

/** The simulator's words for one curve ("150-200"): one command per curve. */
export function curveArgs(curve: string, opts: { trials: number; seed: number }): string[] {
  const [lo] = curve.split('-').map(Number);
  if (lo === undefined || !Number.isInteger(lo) || lo < 2) throw new Error(`"${curve}" is not a timeout range like 150-200`);
  return [
    '--game',
    'election',
    '--nodes',
    String(FIGURE16_SETUP.nodes),
    '--timeout',
    curve,
    '--heartbeat',
    String(Math.floor(lo / 2)),
    '--latency',
    FIGURE16_SETUP.latency,
    '--processing',
    FIGURE16_SETUP.processing,
    '--bot-delay',
    FIGURE16_SETUP.botDelay,
    '--crash',
    `leader@${FIGURE16_SETUP.crashAt}`,
    '--until-new-leader',
    '--duration',
    String(FIGURE16_SETUP.durationMs),
    '--trials',
    String(opts.trials),
    '--seed',
    String(opts.seed),
  ];
}

export const curveCommand = (curve: string, opts: { trials: number; seed: number }): string =>
  `npm run simulate -- ${curveArgs(curve, opts).join(' ')} --json`;

export interface CurveFigures {
  curve: string;
  trials: number;
  /** Trials whose leader was crashed (a trial with no leader before the crash has none to crash). */
  crashed: number;
  /** Trials with a new leader before the trial's time ran out. */
  elected: number;
  meanMs: number | null;
  medianMs: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** The curve as Figure 16 draws it: [ms, cumulative share of trials] at each listed share. */
  cdf: [number, number][];
}

const CDF_SHARES = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1] as const;

/** Runs one curve through the simulator (the same code the command line runs). */
export function runCurve(curve: string, games: Games, opts: { trials: number; seed: number }): CurveFigures {
  const out = simulate(curveArgs(curve, opts), games);
  const d = out.summary.downtimeMs as {
    crashed: number;
    n: number;
    mean: number | null;
    median: number | null;
    p99: number | null;
    max: number | null;
  };
  const times = out.trials
    .map((t) => t.downtimeMs)
    .filter((x): x is number => typeof x === 'number')
    .sort((a, b) => a - b);
  // Shares are of every trial, as in the paper: trials that never elected anyone keep the curve below 100%.
  const cdf = CDF_SHARES.flatMap((q): [number, number][] => {
    const rank = Math.ceil(q * out.trials.length);
    const ms = times[rank - 1];
    return ms === undefined ? [] : [[ms, q]];
  });
  return {
    curve,
    trials: out.trials.length,
    crashed: d.crashed,
    elected: d.n,
    meanMs: d.mean,
    medianMs: d.median,
    p99Ms: d.p99,
    maxMs: d.max,
    cdf,
  };
}
