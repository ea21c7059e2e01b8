// "The curve a bots-only simulation of the same settings gives", for the console to draw
// beside the live infection curve (gossip's rule [G16]). It runs the headless simulator's own
// trial runner with the gossip game (pure: it works in the browser), so for N ≤ 300 a few dozen
// trials take well under a second. It lives with the simulator, not in the game's folder: a
// game never runs the simulator.

import { gossipGame } from '../games/gossip';
import type { GossipResult } from '../games/gossip/analysis';
import type { GossipMode } from '../games/gossip/config';
import { meanCurve, simConfig } from '../games/gossip/sim';
import { createGames } from '../games/types';
import { defaultFaults, type Faults } from '../net/faults';
import { deriveSeed } from '../rng';
import { runFastTrial } from './fastTrial';

const GAMES = createGames([gossipGame]);

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
    // Nobody reads these trials' recordings: the fast path (the same trials, recorded nowhere).
    const outcome = runFastTrial(
      {
        game: gossipGame.engine.id,
        nodes: o.nodes,
        seed: deriveSeed(o.seed ?? 1, `curve:${i}`),
        config,
        faults: o.faults ?? defaultFaults(),
        schedule: [],
        maxTimeMs: (config.maxRounds + 1) * config.roundMs,
      },
      GAMES,
    );
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
