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

/**
 * mulberry32. A class, not closures: games make one from the number in their state at every
 * random step (millions of times in a big simulation), so making one must cost one object.
 */
class Mulberry implements Rng {
  constructor(private s: number) {}

  reset(state: number): void {
    this.s = state;
  }

  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  sample<T>(items: readonly T[], k: number): T[] {
    const n = items.length;
    const want = Math.max(0, Math.min(k, n));
    // Small k from a big list: rejection sampling keeps this O(k), not O(n).
    if (want * 4 < n) {
      const chosen = new Set<number>();
      while (chosen.size < want) chosen.add(this.int(n));
      return [...chosen].map((i) => items[i] as T);
    }
    return this.shuffle(items).slice(0, want);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  get state(): RngState {
    return this.s;
  }
}

export function createRng(state: RngState): Rng {
  return new Mulberry(state >>> 0);
}

const resumed = new Mulberry(0);

/**
 * The sequence of `state` continued on one generator shared by every caller, for a draw or a
 * few whose new state goes straight back where it came from (a game's rng in its state, drawn
 * millions of times in a big simulation). Valid until the next call of resumeRng; deterministic
 * like createRng.
 */
export function resumeRng(state: RngState): Rng {
  resumed.reset(state >>> 0);
  return resumed;
}
