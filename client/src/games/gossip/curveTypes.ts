// What the curve worker is asked and answers (no React here: the worker imports this).

import type { CurveOptions, SimulatedCurves } from '../../../../shared/sim/gossipCurves';

export interface SimCurve {
  /** Mean informed count per round (index 0: the start). */
  mean: number[];
  /** Mean rounds until every node knew, over the trials that finished (null: none did). */
  meanRounds: number | null;
  trials: number;
  completed: number;
}

export interface CurveRequest {
  id: number;
  options: CurveOptions;
}
export type CurveAnswer = { id: number; ok: true; curve: SimCurve } | { id: number; ok: false; message: string };

export function summariseCurves(r: SimulatedCurves, o: CurveOptions): SimCurve {
  return {
    mean: r.mean,
    meanRounds: r.meanRounds,
    trials: o.trials ?? r.trials.length,
    completed: r.rounds.filter((x) => x !== null).length,
  };
}
