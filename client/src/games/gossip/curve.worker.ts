// Runs the bots-only simulation for the console's curve off the page's main thread: a few
// hundred milliseconds of simulator for a big room must not freeze the projector.

import '../../noEval';
import { simulatedCurves } from '../../../../shared/sim/gossipCurves';
import { summariseCurves, type CurveRequest, type CurveAnswer } from './curveTypes';

const scope = self as unknown as { onmessage: ((e: MessageEvent<CurveRequest>) => void) | null; postMessage(m: CurveAnswer): void };

scope.onmessage = (e) => {
  const { id, options } = e.data;
  try {
    scope.postMessage({ id, ok: true, curve: summariseCurves(simulatedCurves(options), options) });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
