// The headless simulator's plug-in [G17]:
// `npm run simulate -- --game gossip --nodes 1024 --fanout 2 --mode push --trials 300 --seed 1 --json`.
// Bots play on virtual time with short rounds (1 s) and a 10 ms reaction, so with the default
// latency of 0 a message sent in round r arrives in round r.

import { mean, median, p95, round } from '../../sim/stats';
import { intFlag, type SimFlags, type SimPlugin } from '../../sim/plugin';
import type { GossipResult } from './analysis';
import { gossipConfig, MODES, type GossipConfig } from './config';
import type { GossipState } from './state';
import { gossipTheory } from './theory';

export const SIM_ROUND_MS = 1_000;
export const SIM_BOT_DELAY_MS = 10;

export type GossipTrial = {
  /** Round in which the last live node learned; null if a live node never did. */
  rounds: number | null;
  informedPerRound: number[];
  messages: number;
  redundant: number;
  dropped: GossipResult['dropped'];
  nodes: number;
  informed: number;
  gossipRounds: number;
  outcome: GossipResult['outcome'];
  never: GossipResult['never'];
  seed: number;
};

/** The round settings a simulation uses, from flags (shared with the console's simulated curve). */
export function simConfig(flags: SimFlags): GossipConfig {
  const raw = String(flags.mode ?? 'push');
  const mode = MODES.find((m) => m === raw);
  if (!mode) throw new Error(`--mode must be one of: ${MODES.join(', ')}.`);
  const text = (key: string) => {
    const value = flags[key];
    return typeof value === 'string' ? value : undefined;
  };
  const origin = text('origin');
  const word = text('word');
  return gossipConfig.parse({
    mode,
    fanout: intFlag(flags, 'fanout', 2, 1, 16),
    maxRounds: intFlag(flags, 'max-rounds', 200, 1, 10_000),
    roundMs: intFlag(flags, 'round-ms', SIM_ROUND_MS, 10, 600_000),
    healWaitRounds: intFlag(flags, 'heal-wait', 3, 0, 1_000),
    botDelayMs: intFlag(flags, 'bot-delay', SIM_BOT_DELAY_MS, 0, 600_000),
    botJitterMs: intFlag(flags, 'bot-jitter', 0, 0, 600_000),
    ...(origin ? { origin } : {}),
    ...(word ? { word } : {}),
  });
}

export const gossipSim: SimPlugin<GossipConfig, GossipState, GossipResult, GossipTrial> = {
  config: (flags) => simConfig(flags),
  // One round more than the limit, so the game reaches its own max-rounds end.
  maxTimeMs: (config) => (config.maxRounds + 1) * config.roundMs,
  trial: (r, info) => ({
    rounds: r.rounds,
    informedPerRound: r.informedPerRound,
    messages: r.messages,
    redundant: r.redundant,
    dropped: r.dropped,
    nodes: r.nodes,
    informed: r.informed,
    gossipRounds: r.gossipRounds,
    outcome: r.outcome,
    never: r.never,
    seed: info.seed,
  }),
  summary: (t, config, { loss }) => {
    const done = t.map((x) => x.rounds).filter((x): x is number => x !== null);
    const nodes = t[0]?.nodes ?? 0;
    const avg = (f: (x: GossipTrial) => number) => round(mean(t.map(f)));
    return {
      nodes,
      mode: config.mode,
      fanout: config.fanout,
      trials: t.length,
      completed: done.length,
      never: t.length - done.length,
      rounds: {
        mean: round(mean(done)),
        median: median(done),
        p95: p95(done),
        min: done.length ? done.reduce((a, b) => Math.min(a, b)) : null,
        max: done.length ? done.reduce((a, b) => Math.max(a, b)) : null,
      },
      /** The formula for the mode that ran ([G16]); under loss, push's with the fanout k(1 − p). */
      theory: (() => {
        const th = gossipTheory(config.mode, nodes, config.fanout, loss);
        return { ...th, fanout: round(th.fanout), rounds: round(th.rounds) };
      })(),
      messages: avg((x) => x.messages),
      redundant: avg((x) => x.redundant),
      dropped: {
        crashed: avg((x) => x.dropped.crashed),
        partition: avg((x) => x.dropped.partition),
        loss: avg((x) => x.dropped.loss),
      },
      meanInformedPerRound: meanCurve(t.map((x) => x.informedPerRound)).map((x) => round(x, 1)),
    };
  },
};

/** The mean of several curves, each held at its last value once its trial ended. */
export function meanCurve(curves: readonly number[][]): number[] {
  const len = curves.reduce((a, c) => Math.max(a, c.length), 0);
  const out: number[] = [];
  for (let i = 0; i < len; i++) {
    let sum = 0;
    for (const c of curves) sum += c[Math.min(i, c.length - 1)] ?? 0;
    out.push(curves.length ? sum / curves.length : 0);
  }
  return out;
}
