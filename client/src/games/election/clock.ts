// Session time on a phone between two views: the view says what time it describes (`t`), and
// performance.now() carries it forward until the next one. Frozen while the network is paused.

import { useEffect, useMemo, useState } from 'react';
import type { NodeView } from '../../../../shared/protocol/views';

export interface ViewClock {
  /** Session time now (ms). */
  now(): number;
}

export function useViewClock(node: NodeView): ViewClock {
  return useMemo(() => {
    const t = node.t;
    const at = performance.now();
    const paused = node.room.paused;
    return { now: () => (paused ? t : t + (performance.now() - at)) };
  }, [node]);
}

/** Re-renders the calling component every `ms` while `on`. */
export function useTick(ms: number, on = true): void {
  const [, set] = useState(0);
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => set((x) => x + 1), ms);
    return () => clearInterval(id);
  }, [ms, on]);
}

export { secondsLeft as seconds } from '../sessionClock';
