// Cluster mode: what a process sends other processes in one turn leaves as one publish per
// process, in order, and before any publish made after it on the same connection (the
// adapter's broadcasts, `moved`), so the order of everything published stays the order it was
// made in. A real Redis; the process's Cluster alone, without a server around it.

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../server/cluster/cluster';
import { startRedis, type TestRedis } from '../support/redis';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('cluster outbox', () => {
  it('gathers a turn’s messages to each process into one publish, in order, ahead of later publishes', async () => {
    const cluster = new Cluster({ redisUrl: redis.url, leaseMs: 2_000, log: () => {} });
    const watcher = new Redis(redis.url);
    const seen: [string, unknown][] = [];
    let fourth: () => void = () => {};
    const four = new Promise<void>((resolve) => {
      fourth = resolve;
    });
    watcher.on('message', (channel: string, text: string) => {
      seen.push([channel, JSON.parse(text)]);
      if (seen.length === 4) fourth();
    });
    await watcher.subscribe('hc:to:p1', 'hc:to:p2', 'hc:all');
    const send = (to: string, m: unknown) => (cluster as unknown as { send(to: string, m: unknown): void }).send(to, m);
    try {
      const op = (n: number) => ({ t: 'op', sid: `s${n}`, op: 'emit', e: 'node:patch', a: [{ n }] });
      send('p1', op(1));
      send('p2', op(2));
      send('p1', op(3));
      // A broadcast made in the same turn, after them: it must reach Redis after them.
      void cluster.pub.publish('hc:all', JSON.stringify({ t: 'moved', code: 'ABCDE', owner: 'p9', fence: 2 }));
      send('p1', op(4));
      await Promise.race([
        four,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`4 publishes expected, got ${JSON.stringify(seen)}`)), 5_000)),
      ]);
      expect(seen).toEqual([
        ['hc:to:p1', [op(1), op(3)]],
        ['hc:to:p2', op(2)],
        ['hc:all', { t: 'moved', code: 'ABCDE', owner: 'p9', fence: 2 }],
        ['hc:to:p1', op(4)],
      ]);
    } finally {
      watcher.disconnect();
      await cluster.disconnect();
    }
  });
});
