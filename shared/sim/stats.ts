// Small statistics for simulation summaries and round analyses.

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** The q-quantile (0..1) by the nearest-rank method; null for an empty list. */
export function quantile(xs: readonly number[], q: number): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** The largest; null for an empty list (a loop: `Math.max(...xs)` overflows the stack past about 100,000 values). */
export function maximum(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  let m = xs[0] as number;
  for (const x of xs) if (x > m) m = x;
  return m;
}

export const median = (xs: readonly number[]): number | null => quantile(xs, 0.5);
export const p95 = (xs: readonly number[]): number | null => quantile(xs, 0.95);

/** Rounds to a few decimals so JSON output stays readable. */
export function round(x: number | null, digits = 3): number | null {
  if (x === null) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
