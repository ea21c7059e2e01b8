// Cluster mode: one owner per room, through a lease in Redis. A process takes a room's lease
// with set-if-absent and an expiry, renews it while it lives, and is given a fencing token
// (a counter per room in Redis that only grows) each time it takes one. The owner also keeps
// the lease's end by its own monotonic clock, measured from before it asked Redis: Redis's
// expiry starts later than that, so while the local end has not passed, nobody else can hold
// the lease. A process that was paused (a long GC, SIGSTOP, a frozen VM) finds on waking that
// the end has passed and stops at once, before applying anything, even if it has not heard
// from Redis yet.
//
// A lease says the process is alive, not that it is quick. In a server the leases are renewed
// from a thread of their own (`thread`), so an owner whose event loop is behind under load keeps
// its rooms instead of losing them to processes no less loaded, which would restore them from
// their recordings and move every phone. The thread renews only while the event loop beats:
// one stuck for `stallMs` (an endless loop) lets its leases run out as a dead process's do. A
// paused process (SIGSTOP) pauses the thread too. Each lease's end is kept in memory both
// threads share, so the owner's check before every input needs no message from the thread.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Redis } from 'ioredis';

export interface Lease {
  code: string;
  /** The fencing token this owner was given; a later owner's is larger. */
  fence: number;
  /** What the lease key holds while this process owns it: `<process>:<fence>`. */
  value: string;
  /** Where its end is kept (`Leases.validUntil`). */
  slot: number;
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
  /** Monotonic ms; tests may hand in their own (not with `thread`, whose clock is the process's). */
  now?: () => number;
  /** Renew from a thread of its own, with its own connection to this Redis. */
  thread?: {
    redisUrl: string;
    stallMs?: number;
    /**
     * A key the thread also keeps set (for `ttlMs`) while it renews: the process says it is alive
     * as long as it may hold its rooms, whatever its event loop's delay.
     */
    alive?: { key: string; ttlMs: number };
    /** Told when the thread fails or ends while the leases run (the event loop renews then). */
    log?: (line: string, fields?: { err?: unknown }) => void;
  };
}

/** Monotonic ms, the same clock in every thread of the process (CLOCK_MONOTONIC). */
export const monotonicMs = (): number => Number(process.hrtime.bigint() / 1000n) / 1000;

/** Monotonic ms as the shared memory keeps them: whole µs. */
const microseconds = (ms: number): bigint => BigInt(Math.round(ms * 1000));

/** Leases one process can hold at once (each end is 8 bytes of shared memory). */
const SLOTS = 16_384;
/** Slot 0 holds the event loop's last beat; leases use the others. */
const BEAT = 0;

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
  /** Each lease's end (µs of `now`; 0: none or lost) and the loop's beat, shared with the thread. */
  private readonly ends = new BigInt64Array(new SharedArrayBuffer(8 * SLOTS));
  private readonly free: number[] = [];
  private nextSlot = 1;
  private worker: Worker | null = null;
  /** The event loop's own renewals while the thread is not (yet) renewing. */
  private fallback: NodeJS.Timeout | null = null;
  private waiting: (() => void)[] = [];

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
    if (options.thread && options.now) throw new Error('Leases: a renewing thread keeps the process clock; do not hand in another.');
    this.now = options.now ?? monotonicMs;
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
    const { thread } = this.options;
    if (!thread) {
      this.timer = setInterval(() => void this.renewAll().catch(() => {}), every);
      this.timer.unref();
      return;
    }
    this.beat();
    this.timer = setInterval(() => this.tick(), Math.min(250, every));
    this.timer.unref();
    // Until the thread has its own connection (and should it fail), the event loop renews.
    const fallback = () => {
      this.fallback ??= setInterval(() => void this.renewAll().catch(() => {}), every);
      this.fallback.unref();
    };
    fallback();
    const worker = new Worker(RENEWER, {
      eval: true,
      workerData: {
        ioredis: createRequire(import.meta.url).resolve('ioredis'),
        url: thread.redisUrl,
        ttlMs: this.options.ttlMs,
        everyMs: every,
        marginMs: this.margin,
        stallMs: thread.stallMs ?? Math.max(10_000, 4 * this.options.ttlMs),
        alive: thread.alive ?? null,
        renew: RENEW,
        ends: this.ends.buffer,
      },
    });
    this.worker = worker;
    worker.on('message', (m: { t: string; code: string; slot: number }) => {
      if (m.t === 'ready') {
        if (this.fallback) clearInterval(this.fallback);
        this.fallback = null;
        for (const resolve of this.waiting.splice(0)) resolve();
      }
      if (m.t === 'dropped') this.free.push(m.slot);
      if (m.t !== 'lost') return;
      const lease = this.held.get(m.code);
      if (lease && lease.slot === m.slot) this.lose(lease);
    });
    // A thread that failed or ended: the event loop renews again (unless the leases were stopped).
    worker.on('error', (err) => thread.log?.('The thread that renews room leases failed; the event loop renews them now.', { err }));
    worker.on('exit', (exitCode) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.timer) {
        thread.log?.(`The thread that renews room leases ended (exit code ${exitCode}); the event loop renews them now.`);
        fallback();
      }
      for (const resolve of this.waiting.splice(0)) resolve();
    });
    // After the listeners: a 'message' listener added later refs the thread again, and the
    // process would not exit without stop().
    worker.unref();
    for (const lease of this.held.values()) this.hold(lease);
  }

  /** Resolves once the renewing thread is connected (at once without one). */
  ready(): Promise<void> {
    if (!this.worker || !this.fallback) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Stops renewing; resolves once the renewing thread (if any) has ended. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.fallback) clearInterval(this.fallback);
    this.timer = this.fallback = null;
    for (const resolve of this.waiting.splice(0)) resolve();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /** Monotonic ms until which no other process can hold this lease (0 once lost). */
  validUntil(lease: Lease): number {
    return Number(Atomics.load(this.ends, lease.slot)) / 1000;
  }

  /** The event loop's beat: the thread renews only while it comes. */
  private beat(): void {
    Atomics.store(this.ends, BEAT, microseconds(this.now()));
  }

  /**
   * Each turn of the beat: the beat, and every lease whose end has passed is lost here (the
   * thread reports only refusals; one that ran out by the clock, a stall or Redis out of reach,
   * would otherwise be noticed only at the room's next input, and `onLost` not run for a quiet room).
   */
  private tick(): void {
    this.beat();
    for (const lease of [...this.held.values()]) this.owns(lease.code);
  }

  /** Moves a lease's end later (never earlier, never back from lost). */
  private extend(slot: number, untilMs: number): void {
    const next = microseconds(untilMs);
    for (;;) {
      const current = Atomics.load(this.ends, slot);
      if (current === 0n || current >= next) return;
      if (Atomics.compareExchange(this.ends, slot, current, next) === current) return;
    }
  }

  private hold(lease: Lease): void {
    this.worker?.postMessage({ t: 'hold', code: lease.code, key: leaseKey(lease.code), value: lease.value, slot: lease.slot });
  }

  /** The lease's slot is no longer renewed; it is reused once the thread has let it go. */
  private drop(lease: Lease): void {
    Atomics.store(this.ends, lease.slot, 0n);
    if (this.worker) this.worker.postMessage({ t: 'drop', code: lease.code, slot: lease.slot });
    else this.free.push(lease.slot);
  }

  /** Takes the room's lease if nobody holds it; null if another process does. */
  async acquire(code: string): Promise<Lease | null> {
    // Full: refused before Redis grants a lease nobody here would renew (the room would wait out its ttl).
    const full = () => !this.free.length && this.nextSlot >= SLOTS;
    if (full()) throw new Error(`Leases: this process holds ${SLOTS - 1} rooms already.`);
    const sentAt = this.now();
    const fence = await this.redis.hcAcquire(leaseKey(code), fenceKey(code), this.processId, this.options.ttlMs);
    if (!fence) return null;
    if (full()) {
      // Filled up by other acquisitions while this one waited: give this one back at once.
      await this.redis.hcRelease(leaseKey(code), `${this.processId}:${fence}`).catch(() => {});
      throw new Error(`Leases: this process holds ${SLOTS - 1} rooms already.`);
    }
    const slot = this.free.pop() ?? this.nextSlot++;
    // A lease of ours on this code that ran out unnoticed is lost before the new one replaces it.
    const before = this.held.get(code);
    if (before) this.lose(before);
    const lease: Lease = { code, fence, value: `${this.processId}:${fence}`, slot, lost: false };
    Atomics.store(this.ends, slot, microseconds(sentAt + this.options.ttlMs - this.margin));
    this.held.set(code, lease);
    this.hold(lease);
    return lease;
  }

  /**
   * Whether this process owns the room right now. A lease whose local end has passed is lost
   * here and now (`onLost` runs before this returns false).
   */
  owns(code: string): boolean {
    const lease = this.held.get(code);
    if (!lease || lease.lost) return false;
    if (this.now() < this.validUntil(lease)) return true;
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
      // Lost, or given back meanwhile (its slot may be another room's by now): not ours to touch.
      if (l.lost || this.held.get(l.code) !== l) return;
      if (!err && renewed === 1) {
        // Only ever later: an answer that came back late must not shorten what a newer one gave.
        this.extend(l.slot, sentAt + this.options.ttlMs - this.margin);
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
    this.drop(lease);
    if (!lease.lost) await this.redis.hcRelease(leaseKey(code), lease.value);
  }

  async releaseAll(): Promise<void> {
    await Promise.all([...this.held.keys()].map((c) => this.release(c).catch(() => {})));
  }

  private lose(lease: Lease): void {
    if (lease.lost) return;
    lease.lost = true;
    this.held.delete(lease.code);
    this.drop(lease);
    this.options.onLost?.(lease.code, lease);
  }
}

/**
 * The renewing thread (plain JavaScript, so that it runs however the server was started). Every
 * `everyMs` it renews, in one round trip, each lease it holds whose end has not passed, while
 * the event loop's beat is younger than `stallMs`; a renewal Redis refuses ends the lease at
 * once (its end set to 0) and tells the event loop.
 */
const RENEWER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const IORedis = require(w.ioredis);
const Redis = IORedis.Redis || IORedis.default || IORedis;
const ends = new BigInt64Array(w.ends);
const nowUs = () => process.hrtime.bigint() / 1000n;
const redis = new Redis(w.url, { maxRetriesPerRequest: 2 });
redis.on('error', () => {});
redis.once('ready', () => parentPort.postMessage({ t: 'ready' }));
redis.defineCommand('hcRenew', { numberOfKeys: 1, lua: w.renew });
const held = new Map();
parentPort.on('message', (m) => {
  if (m.t === 'hold') held.set(m.code, m);
  if (m.t === 'drop') {
    if (held.get(m.code)?.slot === m.slot) held.delete(m.code);
    parentPort.postMessage({ t: 'dropped', code: m.code, slot: m.slot });
  }
});
const extend = (slot, next) => {
  for (;;) {
    const current = Atomics.load(ends, slot);
    if (current === 0n || current >= next) return;
    if (Atomics.compareExchange(ends, slot, current, next) === current) return;
  }
};
let busy = false;
setInterval(async () => {
  if (busy || (!held.size && !w.alive)) return;
  const sentAt = nowUs();
  if (sentAt - Atomics.load(ends, 0) > BigInt(w.stallMs * 1000)) return;
  const leases = [...held.values()].filter((l) => Atomics.load(ends, l.slot) > sentAt);
  if (!leases.length && !w.alive) return;
  busy = true;
  try {
    const pipeline = redis.pipeline();
    for (const l of leases) pipeline.hcRenew(l.key, l.value, w.ttlMs);
    if (w.alive) pipeline.set(w.alive.key, '1', 'PX', w.alive.ttlMs);
    const results = (await pipeline.exec()) || [];
    leases.forEach((l, i) => {
      if (held.get(l.code) !== l) return;
      const [err, renewed] = results[i] || [new Error('no answer'), 0];
      if (!err && renewed === 1) extend(l.slot, sentAt + BigInt((w.ttlMs - w.marginMs) * 1000));
      else if (!err) {
        held.delete(l.code);
        Atomics.store(ends, l.slot, 0n);
        parentPort.postMessage({ t: 'lost', code: l.code, slot: l.slot });
      }
    });
  } catch {
    // Redis unreachable: the leases run out by the clock unless a later round trip renews them.
  } finally {
    busy = false;
  }
}, w.everyMs);
`;
