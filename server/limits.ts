// Token buckets for room creation: each key (an address, an instructor key's hash) may take
// `burst` at once, and gets `perMinute` back each minute, up to `burst` again. A school behind
// one NAT address can open its 50 classes at the start of a period; a script cannot open rooms
// without end. Time comes from the server's clock, so tests run on virtual time.

import type { Clock } from './clock';
import type { CreateLimit } from './config';

/** Buckets that are full again are forgotten when there are more than this many. */
const SWEEP_ABOVE = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: CreateLimit,
    private readonly clock: Clock,
  ) {}

  /** Takes one token for `key`: false when its bucket is empty (nothing is taken then). */
  take(key: string): boolean {
    const now = this.clock.now();
    const b = this.refilled(key, now);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > SWEEP_ABOVE) this.sweep(now);
    return true;
  }

  /** Gives back a token taken for a request that was refused for another reason. */
  giveBack(key: string): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.limit.burst, b.tokens + 1);
  }

  /** Whole seconds until `key` has a token again (0: it has one now). */
  waitSeconds(key: string): number {
    const b = this.refilled(key, this.clock.now());
    return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) * 60) / this.limit.perMinute);
  }

  private refilled(key: string, now: number): { tokens: number; at: number } {
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.limit.burst, at: now };
    const tokens = Math.min(this.limit.burst, b.tokens + ((now - b.at) / 60_000) * this.limit.perMinute);
    return { tokens, at: now };
  }

  private sweep(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 60_000) * this.limit.perMinute >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
