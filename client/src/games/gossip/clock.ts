// Session time between two views: a view says which session time it describes (`t`), and
// performance.now() carries it forward until the next one; frozen while the network is paused.

export { secondsLeft, useSessionNow } from '../sessionClock';

/** Round length for people: "10 s", "4.5 s", "250 ms". */
export function lengthText(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
