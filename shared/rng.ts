// Seeded randomness. Nothing in shared/ may call Math.random: every random choice is drawn
// from an Rng whose whole state is one 32-bit number, so it can live inside a game state,
// be written into a recording and be restored exactly (mulberry32).

export type RngState = number;

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max] (both included). */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** k distinct items, in random order (k is capped at items.length). */
  sample<T>(items: readonly T[], k: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** The current state: `createRng(rng.state)` continues the same sequence. */
  readonly state: RngState;
}

/** Turns any number or string into a 32-bit seed (FNV-1a over the text). */
export function seedFrom(seed: number | string): RngState {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Derives an independent seed for a named sub-stream (a round, a bot, the network). */
export function deriveSeed(seed: RngState, label: string | number): RngState {
  return seedFrom(`${seed >>> 0}:${label}`);
}

export function createRng(state: RngState): Rng {
  let s = state >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const rng: Rng = {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => p > 0 && next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as (typeof items)[number];
    },
    sample: (items, k) => {
      const n = items.length;
      const want = Math.max(0, Math.min(k, n));
      // Small k from a big list: rejection sampling keeps this O(k), not O(n).
      if (want * 4 < n) {
        const chosen = new Set<number>();
        while (chosen.size < want) chosen.add(int(n));
        return [...chosen].map((i) => items[i] as (typeof items)[number]);
      }
      return rng.shuffle(items).slice(0, want);
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = out[i] as (typeof out)[number];
        out[i] = out[j] as (typeof out)[number];
        out[j] = tmp;
      }
      return out;
    },
    get state() {
      return s;
    },
  };
  return rng;
}
