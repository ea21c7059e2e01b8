// What theory says push gossip should do, for the console's curve and the simulator's summary.
// Pure and cheap: the console calls it on every refresh.

import type { GossipMode } from './config';

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

// ---- Every mode ([G16]) ----------------------------------------------------------------
//
// Push (each knower tells k random others a round): Pittel (1987) proves log_2 N + ln N + O(1)
// rounds for k = 1; with fanout k the informed set grows (k+1)-fold and the uninformed shrink
// e^k-fold per round, hence log_{k+1} N + ln N / k (no constant term).
// Pull (each node that does not know asks k random others): the same (k+1)-fold start, but
// once most know, a node stays uninformed only if all k it asked were uninformed, so the
// uninformed share u becomes u^(k+1): quadratic for k = 1 (Karp, Schindelhauer, Shenker and
// Vöcking 2000, "Randomized rumor spreading"), and the end takes log_{k+1}(log_2 N) rounds.
// Push-pull: both at once, so the start grows (2k+1)-fold and the end is pull's; for k = 1 that
// is Karp et al.'s log_3 N + O(log log N).
// Highest card: the top card spreads from its holder by push.
// Loss p (push): a push arrives with probability 1 − p, so the fanout that counts is k(1 − p).

export const FORMULAS: Readonly<Record<GossipMode, string>> = {
  push: PUSH_FORMULA,
  pull: 'log_{k+1}(N) + log_{k+1}(log_2 N)',
  'push-pull': 'log_{2k+1}(N) + log_{k+1}(log_2 N)',
  'highest-card': PUSH_FORMULA,
};

export const SOURCES: Readonly<Record<GossipMode, string>> = {
  push: 'Pittel 1987 (k = 1); fanout k by the same argument',
  pull: 'Karp, Schindelhauer, Shenker & Vöcking 2000 (the quadratic end phase)',
  'push-pull': 'Karp, Schindelhauer, Shenker & Vöcking 2000 (log_3 N + O(log log N) for k = 1)',
  'highest-card': 'Pittel 1987: the top card spreads by push',
};

const log = (x: number, base: number): number => Math.log(x) / Math.log(base);

/** The formula of `FORMULAS[mode]`, evaluated: expected rounds until all N know (no constant term). */
export function modeRounds(mode: GossipMode, n: number, k: number): number {
  if (n <= 1 || k <= 0) return 0;
  switch (mode) {
    case 'push':
    case 'highest-card':
      return pushRounds(n, k);
    case 'pull':
      return log(n, k + 1) + Math.max(0, log(Math.log2(n), k + 1));
    case 'push-pull':
      return log(n, 2 * k + 1) + Math.max(0, log(Math.log2(n), k + 1));
  }
}

export interface GossipTheory {
  mode: GossipMode;
  formula: string;
  source: string;
  /** The fanout the formula was evaluated with: k, or k(1 − p) for push under loss p. */
  fanout: number;
  rounds: number;
  /** Loss was taken into account (push and highest-card only: the fanout k(1 − p)). */
  lossAdjusted: boolean;
}

/** What theory expects for this mode, N, fanout and loss rate. */
export function gossipTheory(mode: GossipMode, n: number, k: number, loss = 0): GossipTheory {
  const pushLike = mode === 'push' || mode === 'highest-card';
  const lossAdjusted = pushLike && loss > 0 && loss < 1;
  const fanout = lossAdjusted ? k * (1 - loss) : k;
  return { mode, formula: FORMULAS[mode], source: SOURCES[mode], fanout, rounds: modeRounds(mode, n, fanout), lossAdjusted };
}

/**
 * Expected informed count after each round for any mode (mean field; index 0: one node
 * knows). An uninformed node stays so if no knower pushed to it (push: (1 − k/(N−1))^i) and
 * none of the k nodes it asked knew (pull: (1 − i/(N−1))^k); push-pull needs both.
 */
export function modeCurve(mode: GossipMode, n: number, k: number, maxRounds: number): number[] {
  if (mode === 'push' || mode === 'highest-card') return pushCurve(n, k, maxRounds);
  const out = [Math.min(1, n)];
  if (n <= 1) return out;
  const kk = Math.min(k, n - 1);
  let informed = 1;
  for (let r = 1; r <= maxRounds && n - informed > 0.5; r++) {
    const pulled = Math.max(0, 1 - informed / (n - 1)) ** kk;
    const pushed = mode === 'push-pull' ? Math.max(0, 1 - kk / (n - 1)) ** informed : 1;
    informed = n - (n - informed) * pulled * pushed;
    out.push(informed);
  }
  return out;
}
