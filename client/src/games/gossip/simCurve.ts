// "The curve a bots-only simulation of the same settings gives" [G16], for the console's chart:
// computed once per (nodes, mode, fanout) in a Web Worker, memoised for the page's lifetime.
// The worker imports the simulator; this module only imports its types, so phones never load it.

import { useEffect, useState } from 'react';
import type { CurveOptions } from '../../../../shared/sim/gossipCurves';
import type { GossipMode } from '../../../../shared/games/gossip/config';
import type { CurveAnswer, CurveRequest, SimCurve } from './curveTypes';

export type { SimCurve } from './curveTypes';

export interface SimKey {
  nodes: number;
  mode: GossipMode;
  fanout: number;
}

/** Enough trials for a smooth mean, fewer for big rooms (N = 300: about 0.3 s in all). */
export function trialsFor(nodes: number): number {
  if (nodes <= 60) return 48;
  if (nodes <= 150) return 32;
  if (nodes <= 400) return 20;
  return 8;
}

/** The simulation's rounds: long enough for pull in big rooms, short enough to stay quick. */
const SIM_MAX_ROUNDS = 80;

const cache = new Map<string, Promise<SimCurve | null>>();
let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (c: SimCurve | null) => void>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./curve.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<CurveAnswer>) => {
      const done = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      done?.(e.data.ok ? e.data.curve : null);
    };
    worker.onerror = (e) => {
      // A worker that cannot start (an old browser) or crashed: no simulated line, the rest stays.
      e.preventDefault();
      worker = null;
      for (const done of waiting.values()) done(null);
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

export function simulatedCurve(key: SimKey): Promise<SimCurve | null> {
  const k = `${key.nodes}:${key.mode}:${key.fanout}`;
  let p = cache.get(k);
  if (!p) {
    const w = startWorker();
    const options: CurveOptions = { ...key, trials: trialsFor(key.nodes), maxRounds: SIM_MAX_ROUNDS, seed: 1 };
    p = w
      ? new Promise((resolve) => {
          const id = nextId++;
          waiting.set(id, resolve);
          w.postMessage({ id, options } satisfies CurveRequest);
        })
      : Promise.resolve(null);
    p.then((c) => {
      if (!c) cache.delete(k);
    });
    cache.set(k, p);
  }
  return p;
}

/** The simulated curve for these settings, once computed (null before, or for fewer than 2 nodes). */
export function useSimulatedCurve(key: SimKey | null): SimCurve | null {
  // The effect follows the settings' values, not the object a render made for them.
  const nodes = key?.nodes ?? 0;
  const mode = key?.mode ?? null;
  const fanout = key?.fanout ?? 0;
  const k = mode !== null && nodes >= 2 ? `${nodes}:${mode}:${fanout}` : null;
  const [state, setState] = useState<{ key: string; curve: SimCurve | null } | null>(null);
  useEffect(() => {
    if (!k || mode === null) return;
    let live = true;
    void simulatedCurve({ nodes, mode, fanout }).then((curve) => {
      if (live) setState({ key: k, curve });
    });
    return () => {
      live = false;
    };
  }, [k, nodes, mode, fanout]);
  return state && state.key === k ? state.curve : null;
}
