// Session time between two views: a view says which session time it describes (`t`), and
// performance.now() carries it forward until the next one; frozen while the network is paused.

import { useEffect, useMemo, useState } from 'react';

/** The session time now, re-rendering every `everyMs` while it runs. */
export function useSessionNow(t: number, frozen: boolean, everyMs = 200): number {
  const at = useMemo(() => performance.now(), [t]);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (frozen) return;
    const id = setInterval(() => setTick((x) => x + 1), everyMs);
    return () => clearInterval(id);
  }, [frozen, everyMs]);
  return frozen ? t : t + (performance.now() - at);
}

/** "4.2 s", "12 s" */
export function secondsLeft(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return s >= 10 ? `${Math.ceil(s)}\u00a0s` : `${s.toFixed(1)}\u00a0s`;
}

/** Round length for people: "10 s", "4.5 s", "250 ms". */
export function lengthText(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
