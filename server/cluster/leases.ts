// Cluster mode: one owner per room, through a lease in Redis. A process takes a room's lease
// with set-if-absent and an expiry, renews it while it lives, and is given a fencing token
// (a counter per room in Redis that only grows) each time it takes one. The owner also keeps
// the lease's end by its own monotonic clock, measured from before it asked Redis: Redis's
// expiry starts later than that, so while the local end has not passed, nobody else can hold
// the lease. A process that was paused (a long GC, SIGSTOP, a frozen VM) finds on waking that
// the end has passed and stops at once, before applying anything, even if it has not heard
// from Redis yet.

import type { Redis } from 'ioredis';

export interface Lease {
  code: string;
  /** The fencing token this owner was given; a later owner's is larger. */
  fence: number;
  /** What the lease key holds while this process owns it: `<process>:<fence>`. */
  value: string;
  /** Monotonic ms (the leases' clock) until which no other process can hold the lease. */
  validUntil: number;
  lost: boolean;
}

export interface Owner {
  process: string;
  fence: number;
}

export interface LeaseOptions {
  /** The lease's time to live in Redis (ms). */
  ttlMs: number;
  /** How often held leases are renewed (ms); default a third of the ttl. */
  renewEveryMs?: number;
  /** Called once when this process stops owning a room (expired, taken, or refused on renewal). */
  onLost?: (code: string, lease: Lease) => void;
  /** Monotonic ms; tests may hand in their own. */
  now?: () => number;
}

export const leaseKey = (code: string) => `hc:lease:${code}`;
export const fenceKey = (code: string) => `hc:fence:${code}`;

// Takes the lease if nobody holds it: the fence grows by one, and the key holds process:fence.
const ACQUIRE = `if redis.call('exists', KEYS[1]) == 1 then return 0 end
local f = redis.call('incr', KEYS[2])
redis.call('set', KEYS[1], ARGV[1] .. ':' .. f, 'PX', ARGV[2])
return f`;
// Extends the lease only if it is still ours (not expired, not taken).
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

type LeaseRedis = Redis & {
  hcAcquire(lease: string, fence: string, owner: string, ttl: number): Promise<number>;
  hcRenew(lease: string, value: string, ttl: number): Promise<number>;
  hcRelease(lease: string, value: string): Promise<number>;
};

export function parseOwner(value: string | null): Owner | null {
  if (!value) return null;
  const at = value.lastIndexOf(':');
  const fence = Number(value.slice(at + 1));
  if (at <= 0 || !Number.isInteger(fence)) return null;
  return { process: value.slice(0, at), fence };
}

export class Leases {
  private readonly held = new Map<string, Lease>();
  private readonly redis: LeaseRedis;
  private readonly now: () => number;
  private readonly margin: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    redis: Redis,
    readonly processId: string,
    private readonly options: LeaseOptions,
  ) {
    this.redis = redis as LeaseRedis;
    if (!('hcAcquire' in this.redis)) {
      redis.defineCommand('hcAcquire', { numberOfKeys: 2, lua: ACQUIRE });
      redis.defineCommand('hcRenew', { numberOfKeys: 1, lua: RENEW });
      redis.defineCommand('hcRelease', { numberOfKeys: 1, lua: RELEASE });
    }
    this.now = options.now ?? (() => performance.now());
    // Clocks of two machines may run at slightly different rates: give up a little early.
    this.margin = Math.min(250, Math.round(options.ttlMs * 0.1));
  }

  get ttlMs(): number {
    return this.options.ttlMs;
  }

  /** Starts renewing the leases this process holds. */
  start(): void {
    if (this.timer) return;
    const every = this.options.renewEveryMs ?? Math.max(50, Math.floor(this.options.ttlMs / 3));
    this.timer = setInterval(() => void this.renewAll().catch(() => {}), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Takes the room's lease if nobody holds it; null if another process does. */
  async acquire(code: string): Promise<Lease | null> {
    const sentAt = this.now();
    const fence = await this.redis.hcAcquire(leaseKey(code), fenceKey(code), this.processId, this.options.ttlMs);
    if (!fence) return null;
    const lease: Lease = {
      code,
      fence,
      value: `${this.processId}:${fence}`,
      validUntil: sentAt + this.options.ttlMs - this.margin,
      lost: false,
    };
    this.held.set(code, lease);
    return lease;
  }

  /**
   * Whether this process owns the room right now. A lease whose local end has passed is lost
   * here and now (`onLost` runs before this returns false).
   */
  owns(code: string): boolean {
    const lease = this.held.get(code);
    if (!lease || lease.lost) return false;
    if (this.now() < lease.validUntil) return true;
    this.lose(lease);
    return false;
  }

  lease(code: string): Lease | undefined {
    const lease = this.held.get(code);
    return lease && !lease.lost ? lease : undefined;
  }

  /** Who owns the room according to Redis (null: nobody, e.g. its owner died and the lease expired). */
  async ownerOf(code: string): Promise<Owner | null> {
    return parseOwner(await this.redis.get(leaseKey(code)));
  }

  /** Renews every lease held, in one round trip; a lease refused or already expired here is lost. */
  async renewAll(): Promise<void> {
    const leases = [...this.held.values()].filter((l) => !l.lost && this.owns(l.code));
    if (!leases.length) return;
    const sentAt = this.now();
    const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & {
      hcRenew(lease: string, value: string, ttl: number): unknown;
    };
    for (const l of leases) pipeline.hcRenew(leaseKey(l.code), l.value, this.options.ttlMs);
    const results = (await pipeline.exec()) ?? [];
    leases.forEach((l, i) => {
      const [err, renewed] = results[i] ?? [new Error('no answer'), 0];
      if (l.lost) return;
      if (!err && renewed === 1) {
        // Only ever later: an answer that came back late must not shorten what a newer one gave.
        l.validUntil = Math.max(l.validUntil, sentAt + this.options.ttlMs - this.margin);
      } else if (!err) {
        this.lose(l);
      }
      // A Redis error is not a refusal: the lease runs out by the local clock if it goes on.
    });
  }

  /** Gives the lease up (the room was forgotten, or the process stops). */
  async release(code: string): Promise<void> {
    const lease = this.held.get(code);
    if (!lease) return;
    this.held.delete(code);
    if (!lease.lost) await this.redis.hcRelease(leaseKey(code), lease.value);
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.held.keys()].map((c) => this.release(c).catch(() => {})));
  }

  private lose(lease: Lease): void {
    if (lease.lost) return;
    lease.lost = true;
    this.held.delete(lease.code);
    this.options.onLost?.(lease.code, lease);
  }
}
