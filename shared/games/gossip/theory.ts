// What theory says push gossip should do, for the console's curve and the simulator's summary.
// Pure and cheap: the console calls it on every refresh.

export const PUSH_FORMULA = 'log_{k+1}(N) + ln(N)/k';

/**
 * Expected gossip rounds until all N nodes know, for push gossip with fanout k: the informed
 * set grows about (k+1)-fold per round until most know (log_{k+1} N), then the uninformed
 * shrink about e^k-fold per round (ln(N)/k). An asymptotic estimate; see README [G16] for how
 * well it fits.
 */
export function pushRounds(n: number, k: number): number {
  if (n <= 1 || k <= 0) return 0;
  return Math.log(n) / Math.log(k + 1) + Math.log(n) / k;
}

/**
 * Expected informed count after each gossip round (index 0: the start, one node), by the
 * mean-field recurrence u' = u·(1 − k/(N−1))^i: each of the i informed nodes picks k of the
 * N−1 others, so an uninformed node escapes one of them with probability 1 − k/(N−1).
 * Runs until everyone is expected to know (within half a node) or `maxRounds`.
 */
export function pushCurve(n: number, k: number, maxRounds: number): number[] {
  const out = [Math.min(1, n)];
  if (n <= 1) return out;
  const miss = Math.max(0, 1 - Math.min(k, n - 1) / (n - 1));
  let informed = 1;
  for (let r = 1; r <= maxRounds && n - informed > 0.5; r++) {
    const uninformed = (n - informed) * miss ** informed;
    informed = n - uninformed;
    out.push(informed);
  }
  return out;
}
