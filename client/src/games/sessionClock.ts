// Session time between two pictures from the server: a view or snapshot says which session time
// it describes (`t`), and performance.now() carries it forward until the next one; frozen while
// the network is paused (timers wait too).

import { useEffect, useState } from 'react';

/** The session time now, re-rendering every `everyMs` while it runs. */
export function useSessionNow(t: number, frozen: boolean, everyMs = 250): number {
  // When this render learnt of `t`: the session time runs on from there.
  const [anchor, setAnchor] = useState(() => ({ t, at: performance.now() }));
  if (anchor.t !== t) setAnchor({ t, at: performance.now() });
  const at = anchor.t === t ? anchor.at : performance.now();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (frozen) return;
    const id = setInterval(() => setTick((x) => x + 1), everyMs);
    return () => clearInterval(id);
  }, [frozen, everyMs]);
  return frozen ? t : t + (performance.now() - at);
}

/** "4.2 s", "12 s" (with a no-break space). */
export function secondsLeft(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return s >= 10 ? `${Math.ceil(s)}\u00a0s` : `${s.toFixed(1)}\u00a0s`;
}
