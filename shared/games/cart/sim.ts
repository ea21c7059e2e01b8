// The headless simulator's plug-in [C17]:
// `npm run simulate -- --game cart --mode quorum|lww|crdt --nodes 5 --trials 100
//   --partition 2,3@2000 --heal @12000 --shop-until 12000 --latency 20-80 --json`.
// Bots shop from the start until --shop-until (ms, default 10000), then stop, so that the time
// the replicas take to agree after the last heal is the replication's own, not new writes'.
// A trial ends once, after the bots stopped and the network is whole, every live replica holds
// the same list and no write is waiting (or after --settle ms more, default 60000).

import { mean, median, round } from '../../sim/stats';
import { intFlag, type SimFlags, type SimPlugin } from '../../sim/plugin';
import type { CartResult } from './analysis';
import { cartConfig, ITEMS, MODES, type CartConfig } from './config';
import type { CartState } from './state';

/** Simulation pace: fast anti-entropy and deadlines, a bot tap every 100–300 ms. */
export const SIM_DEFAULTS = { syncMs: 200, quorumTimeoutMs: 1_000, botEveryMs: 100, botJitterMs: 200, shopUntil: 10_000, settle: 60_000 };

export type CartTrial = {
  mode: CartResult['mode'];
  nodes: number;
  attempted: number;
  accepted: number;
  refused: number;
  duringSplit: { attempted: number; accepted: number; refused: number };
  /** accepted / attempted among writes tapped while the network was split (null: none). */
  availability: number | null;
  lost: number;
  converged: boolean;
  /** ms from the last heal until the live replicas agreed (null: no heal, or never agreed). */
  convergeMs: number | null;
  distinct: number;
  messages: number;
  endedAt: number;
  seed: number;
};

export function simConfig(flags: SimFlags): CartConfig {
  const raw = String(flags.mode ?? 'quorum');
  const mode = MODES.find((m) => m === raw);
  if (!mode) throw new Error(`--mode must be one of: ${MODES.join(', ')}.`);
  return cartConfig.parse({
    mode,
    syncMs: intFlag(flags, 'sync-ms', SIM_DEFAULTS.syncMs, 10, 600_000),
    quorumTimeoutMs: intFlag(flags, 'timeout', SIM_DEFAULTS.quorumTimeoutMs, 10, 600_000),
    botEveryMs: intFlag(flags, 'bot-every', SIM_DEFAULTS.botEveryMs, 0, 600_000),
    botJitterMs: intFlag(flags, 'bot-jitter', SIM_DEFAULTS.botJitterMs, 0, 600_000),
    botsStopAt: intFlag(flags, 'shop-until', SIM_DEFAULTS.shopUntil, 0, 7_200_000),
    durationMs: 7_200_000,
  });
}

/** Done: the bots stopped, the network is whole, nothing is waiting and every live replica agrees. */
export function settled(state: CartState, now: number): boolean {
  const stop = state.config.botsStopAt;
  if (stop === null || now < state.startedAt + stop || state.split || state.agreeSince === null) return false;
  for (const n of state.nodes) {
    const r = state.replicas[n];
    if (r && ITEMS.some((i) => r.pending[i] !== undefined)) return false;
  }
  return true;
}

export const cartSim: SimPlugin<CartConfig, CartState, CartResult, CartTrial> = {
  config: (flags) => simConfig(flags),
  maxTimeMs: (config, flags, { lastStepAt }) =>
    Math.max(config.botsStopAt ?? 0, lastStepAt) + intFlag(flags, 'settle', SIM_DEFAULTS.settle, 0, 7_200_000),
  done: (state, now) => settled(state, now),
  trial: (r, info) => ({
    mode: r.mode,
    nodes: r.nodes,
    attempted: r.writes.attempted,
    accepted: r.writes.accepted,
    refused: r.writes.refused,
    duringSplit: { attempted: r.duringSplit.attempted, accepted: r.duringSplit.accepted, refused: r.duringSplit.refused },
    availability: r.duringSplit.availability,
    lost: r.lost,
    converged: r.converged,
    convergeMs: r.convergeMs,
    distinct: r.distinct,
    messages: r.net.sent,
    endedAt: info.endedAt,
    seed: info.seed,
  }),
  summary: (t, config) => {
    const avg = (f: (x: CartTrial) => number) => round(mean(t.map(f)));
    const times = t.map((x) => x.convergeMs).filter((x): x is number => x !== null);
    const avail = t.map((x) => x.availability).filter((x): x is number => x !== null);
    return {
      mode: config.mode,
      nodes: t[0]?.nodes ?? 0,
      trials: t.length,
      attempted: avg((x) => x.attempted),
      accepted: avg((x) => x.accepted),
      refused: avg((x) => x.refused),
      duringSplit: {
        attempted: avg((x) => x.duringSplit.attempted),
        accepted: avg((x) => x.duringSplit.accepted),
        refused: avg((x) => x.duringSplit.refused),
      },
      availability: round(mean(avail)),
      lost: avg((x) => x.lost),
      converged: t.filter((x) => x.converged).length,
      convergeMs: { mean: round(mean(times)), median: median(times), max: times.length ? Math.max(...times) : null },
      syncMs: config.syncMs,
      messages: avg((x) => x.messages),
    };
  },
};
