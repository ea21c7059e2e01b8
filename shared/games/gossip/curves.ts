// "The curve a bots-only simulation of the same settings gives", for the console to draw
// beside the live infection curve [G16]. It runs the headless simulator's own trial runner
// (pure: it works in the browser), so for N ≤ 300 a few dozen trials take well under a second.

import { defaultFaults, type Faults } from '../../net/faults';
import { deriveSeed } from '../../rng';
import { runTrial } from '../../sim/runner';
import type { GossipResult } from './analysis';
import type { GossipMode } from './config';
import { meanCurve, simConfig } from './sim';

export interface CurveOptions {
  nodes: number;
  mode?: GossipMode;
  fanout?: number;
  /** Default 30. */
  trials?: number;
  seed?: number;
  maxRounds?: number;
  /** Network settings to simulate (loss, latency…); none by default. */
  faults?: Faults;
}

export interface SimulatedCurves {
  /** Mean informed count per gossip round (index 0: the start), over the trials. */
  mean: number[];
  /** Each trial's curve. */
  trials: number[][];
  /** Each trial's rounds until every live node knew (null: never). */
  rounds: (number | null)[];
  meanRounds: number | null;
}

export function simulatedCurves(o: CurveOptions): SimulatedCurves {
  const flags: Record<string, string> = {
    mode: o.mode ?? 'push',
    fanout: String(o.fanout ?? 2),
    'max-rounds': String(o.maxRounds ?? 200),
  };
  const config = simConfig(flags);
  const trials: number[][] = [];
  const rounds: (number | null)[] = [];
  const count = o.trials ?? 30;
  for (let i = 0; i < count; i++) {
    const outcome = runTrial({
      game: 'gossip',
      nodes: o.nodes,
      seed: deriveSeed(o.seed ?? 1, `curve:${i}`),
      config,
      faults: o.faults ?? defaultFaults(),
      schedule: [],
      maxTimeMs: (config.maxRounds + 1) * config.roundMs,
    });
    const r = outcome.result as GossipResult;
    trials.push(r.informedPerRound);
    rounds.push(r.rounds);
  }
  const done = rounds.filter((r): r is number => r !== null);
  return {
    mean: meanCurve(trials),
    trials,
    rounds,
    meanRounds: done.length ? done.reduce((a, b) => a + b, 0) / done.length : null,
  };
}
