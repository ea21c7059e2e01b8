// The room lease against a real Redis: one owner at a time, a fencing token that only grows,
// and an owner whose lease ran out (it was paused and could not renew) knows it before it
// applies anything, with no word from Redis.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Leases, monotonicMs } from '../../server/cluster/leases';
import { RedisTokenBuckets } from '../../server/cluster/limits';
import { startRedis, type TestRedis } from '../support/redis';

let redis: TestRedis;
const clients: Redis[] = [];
const client = () => {
  const c = new Redis(redis.url);
  clients.push(c);
  return c;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The event loop busy for `ms`, as under a load it cannot keep up with (or stuck, if long). */
const busy = (ms: number) => {
  const end = monotonicMs() + ms;
  while (monotonicMs() < end) {}
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

describe('room leases on a real Redis', () => {
  it('gives a room to one process at a time, renews it while the owner lives, and fences the next owner', async () => {
    const lostA: string[] = [];
    const a = new Leases(client(), 'proc-a', { ttlMs: 400, onLost: (code) => lostA.push(code) });
    const b = new Leases(client(), 'proc-b', { ttlMs: 400 });
    const first = await a.acquire('ROOM1');
    expect(first?.fence).toBe(1);
    expect(await b.acquire('ROOM1')).toBeNull();
    expect(await b.ownerOf('ROOM1')).toEqual({ process: 'proc-a', fence: 1 });

    // Renewed, it outlives its ttl several times over.
    a.start();
    await sleep(1_200);
    expect(a.owns('ROOM1')).toBe(true);
    expect(await b.acquire('ROOM1')).toBeNull();

    // The owner stops renewing (it is paused): the lease expires in Redis, another process takes
    // it with a larger fence, and the old owner knows by its own clock that it lost it.
    a.stop();
    await sleep(600);
    const second = await b.acquire('ROOM1');
    expect(second?.fence).toBe(2);
    expect(a.owns('ROOM1')).toBe(false);
    expect(lostA).toEqual(['ROOM1']);
    // Waking up, it cannot renew its way back.
    await a.renewAll();
    expect(a.owns('ROOM1')).toBe(false);
    expect(await a.ownerOf('ROOM1')).toEqual({ process: 'proc-b', fence: 2 });
    // And it cannot release what is no longer its own.
    await a.release('ROOM1');
    expect(await b.ownerOf('ROOM1')).toEqual({ process: 'proc-b', fence: 2 });
    await b.release('ROOM1');
    expect(await b.ownerOf('ROOM1')).toBeNull();
    expect((await a.acquire('ROOM1'))?.fence).toBe(3);
  });

  it('stops owning at once when its own clock passes the lease end, before Redis says anything', async () => {
    let now = 0;
    const lost: string[] = [];
    const a = new Leases(client(), 'proc-a', { ttlMs: 2_000, now: () => now, onLost: (code) => lost.push(code) });
    expect((await a.acquire('ROOM2'))?.fence).toBe(1);
    expect(a.owns('ROOM2')).toBe(true);
    // A pause of the whole process: the monotonic clock jumps past the lease's end (less a margin).
    now = 1_900;
    expect(a.owns('ROOM2')).toBe(false);
    expect(lost).toEqual(['ROOM2']);
  });

  it('a renewal refused by Redis (another owner) loses the lease', async () => {
    const lost: string[] = [];
    const ra = client();
    const a = new Leases(ra, 'proc-a', { ttlMs: 5_000, onLost: (code) => lost.push(code) });
    await a.acquire('ROOM3');
    // Someone deleted and retook it (an operator, a bug elsewhere): the renewal finds another value.
    await ra.set('hc:lease:ROOM3', 'proc-z:99', 'PX', 5_000);
    await a.renewAll();
    expect(a.owns('ROOM3')).toBe(false);
    expect(lost).toEqual(['ROOM3']);
  });

  it('renewed from a thread of its own: an owner whose event loop is behind keeps its lease', async () => {
    const lost: string[] = [];
    const a = new Leases(client(), 'proc-a', {
      ttlMs: 1_000,
      onLost: (code) => lost.push(code),
      thread: { redisUrl: redis.url, stallMs: 10_000, alive: { key: 'hc:alive:proc-a', ttlMs: 1_000 } },
    });
    const b = new Leases(client(), 'proc-b', { ttlMs: 1_000 });
    a.start();
    expect((await a.acquire('ROOM4'))?.fence).toBe(1);
    await a.ready();
    await sleep(300);
    // Two and a half times the lease's life without a turn of the event loop: the thread renewed it.
    busy(2_500);
    expect(a.owns('ROOM4')).toBe(true);
    expect(await b.acquire('ROOM4')).toBeNull();
    expect(await b.ownerOf('ROOM4')).toEqual({ process: 'proc-a', fence: 1 });
    // And says the process is alive, as long as it keeps its rooms (other processes read this key).
    expect(await clients[0]!.get('hc:alive:proc-a')).toBe('1');
    expect(lost).toEqual([]);
    a.stop();
    await a.release('ROOM4');
  });

  it('a process with no slot left for a lease is refused before Redis grants one (the room stays free for another)', async () => {
    const a = new Leases(client(), 'proc-a', { ttlMs: 400 });
    const b = new Leases(client(), 'proc-b', { ttlMs: 400 });
    // As if it held the most rooms its shared memory has slots for.
    (a as unknown as { nextSlot: number }).nextSlot = 16_384;
    await expect(a.acquire('ROOM21')).rejects.toThrow(/holds 16383 rooms already/);
    expect(await b.ownerOf('ROOM21')).toBeNull();
    expect((await b.acquire('ROOM21'))?.fence).toBe(1);
    await b.release('ROOM21');
  });

  it('a renewing thread that ends is logged, and the event loop renews the leases from then on', async () => {
    const logged: string[] = [];
    const lost: string[] = [];
    const a = new Leases(client(), 'proc-a', {
      ttlMs: 400,
      onLost: (code) => lost.push(code),
      thread: { redisUrl: redis.url, log: (line) => logged.push(line) },
    });
    const b = new Leases(client(), 'proc-b', { ttlMs: 400 });
    a.start();
    expect((await a.acquire('ROOM20'))?.fence).toBe(1);
    await a.ready();
    // The thread dies (as on an uncaught error or being out of memory).
    await (a as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect(logged).toEqual([expect.stringContaining('The thread that renews room leases ended')]);
    // Three lease lives later the room is still this process's.
    await sleep(1_200);
    expect(a.owns('ROOM20')).toBe(true);
    expect(await b.acquire('ROOM20')).toBeNull();
    expect(lost).toEqual([]);
    await a.stop();
    await a.release('ROOM20');
  });

  it('an event loop stuck past stallMs lets its leases run out, as a dead process does', async () => {
    const lost: string[] = [];
    const a = new Leases(client(), 'proc-a', {
      ttlMs: 400,
      onLost: (code) => lost.push(code),
      thread: { redisUrl: redis.url, stallMs: 600 },
    });
    const b = new Leases(client(), 'proc-b', { ttlMs: 400 });
    a.start();
    expect((await a.acquire('ROOM5'))?.fence).toBe(1);
    await a.ready();
    await sleep(300);
    busy(1_500);
    // Stuck: the thread stopped renewing, Redis let the lease go, and the owner knows on waking.
    expect(a.owns('ROOM5')).toBe(false);
    expect(lost).toEqual(['ROOM5']);
    expect((await b.acquire('ROOM5'))?.fence).toBe(2);
    a.stop();
  });

  it('a renewal the thread finds refused ends the lease at once and tells the owner', async () => {
    const lost: string[] = [];
    const ra = client();
    const a = new Leases(ra, 'proc-a', {
      ttlMs: 5_000,
      renewEveryMs: 100,
      onLost: (code) => lost.push(code),
      thread: { redisUrl: redis.url },
    });
    a.start();
    await a.acquire('ROOM6');
    await a.ready();
    await sleep(250);
    expect(a.owns('ROOM6')).toBe(true);
    await ra.set('hc:lease:ROOM6', 'proc-z:99', 'PX', 5_000);
    for (let i = 0; i < 40 && !lost.length; i++) await sleep(50);
    expect(lost).toEqual(['ROOM6']);
    expect(a.owns('ROOM6')).toBe(false);
    a.stop();
  });

  it('a lease that runs out by the clock while renewed from a thread is lost without an input, and before the same code is taken again', async () => {
    const lost: string[] = [];
    const a = new Leases(client(), 'proc-a', {
      ttlMs: 400,
      onLost: (code) => lost.push(code),
      thread: { redisUrl: redis.url, stallMs: 600 },
    });
    a.start();
    // The thread renews (the event loop's own renewals, which would notice, have stopped).
    await a.ready();
    expect((await a.acquire('ROOM7'))?.fence).toBe(1);
    await sleep(200);
    busy(1_500);
    // Nothing asks owns(): the beat finds the lease's end passed, as the renewal timer did without a thread.
    await sleep(500);
    expect(lost).toEqual(['ROOM7']);
    expect((await a.acquire('ROOM7'))?.fence).toBe(2);
    a.stop();
    await a.release('ROOM7');
  });

  it('a lease of ours that ran out unnoticed is lost when the same code is taken again', async () => {
    const lost: string[] = [];
    const a = new Leases(client(), 'proc-a', { ttlMs: 400, onLost: (code) => lost.push(code) });
    const first = await a.acquire('ROOM9');
    expect(first?.fence).toBe(1);
    // Not started: nothing renews or looks; Redis lets the lease go.
    await sleep(600);
    const second = await a.acquire('ROOM9');
    expect(second?.fence).toBe(2);
    expect(lost).toEqual(['ROOM9']);
    expect(first?.lost).toBe(true);
    expect(a.owns('ROOM9')).toBe(true);
    await a.release('ROOM9');
  });

  it('a renewal answered after the lease was given back touches neither its slot nor the room that slot went to', async () => {
    const lost: string[] = [];
    const a = new Leases(client(), 'proc-a', { ttlMs: 5_000, onLost: (code) => lost.push(code) });
    const z = client();
    await a.acquire('ROOM10');
    // Another process's value (an operator, or a takeover): the renewal below is refused.
    await z.set('hc:lease:ROOM10', 'proc-z:99', 'PX', 5_000);
    const renewing = a.renewAll();
    await a.release('ROOM10');
    await renewing;
    const b = await a.acquire('ROOM11');
    const c = await a.acquire('ROOM12');
    expect(b?.slot).not.toBe(c?.slot);
    expect(lost).toEqual([]);
    await a.release('ROOM11');
    expect(a.owns('ROOM12')).toBe(true);
    await a.release('ROOM12');
  });

  it('a process whose leases are renewed from a thread exits on its own (the thread does not hold it open)', async () => {
    const script = fileURLToPath(new URL('../support/lease-exit.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, redis.url], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve('still running after 15 s');
      }, 15_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c ?? 'killed');
      });
    });
    expect(code, err).toBe(0);
  }, 20_000);

  it('room-creation buckets are one per address for the whole cluster', async () => {
    // Two processes, each with its own connection: 3 rooms at once between them, then one a minute.
    const limit = { burst: 3, perMinute: 1 };
    const a = new RedisTokenBuckets(client(), 'address', limit);
    const b = new RedisTokenBuckets(client(), 'address', limit);
    expect(await a.take('10.0.0.7')).toBe(true);
    expect(await b.take('10.0.0.7')).toBe(true);
    expect(await a.take('10.0.0.7')).toBe(true);
    expect(await b.take('10.0.0.7')).toBe(false);
    expect(await a.waitSeconds('10.0.0.7')).toBeGreaterThan(50);
    // Another address has its own bucket.
    expect(await b.take('10.0.0.8')).toBe(true);
    // A token given back (the creation failed for another reason) can be taken again, once.
    await b.giveBack('10.0.0.7');
    expect(await a.take('10.0.0.7')).toBe(true);
    expect(await a.take('10.0.0.7')).toBe(false);
  });
});
