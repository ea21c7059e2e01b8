// Both queues give items in the same order: by time, then by the order they were queued,
// whatever the mix of pushes and pops (items pushed for the moment being taken included).

import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { BucketQueue, ItemHeap, type DueItem, type DueQueue } from './queue';

function play(queue: DueQueue, seed: number, moments: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  const item: DueItem = { at: 0, kind: 0, a: 0, b: 0 };
  let now = 0;
  let n = 0;
  for (let step = 0; step < 5000; step++) {
    if (queue.size && rng.chance(0.45)) {
      queue.pop(item);
      expect(item.at).toBeGreaterThanOrEqual(now);
      now = item.at;
      out.push(`${item.at}:${item.kind}:${item.a}:${item.b}`);
      continue;
    }
    // Now, or a few moments later (many items share a moment), sometimes to the thousandth.
    const at = now + (rng.chance(0.3) ? 0 : rng.int(moments)) + (rng.chance(0.2) ? rng.int(1000) / 1000 : 0);
    n++;
    queue.push(at, n % 7, n, -n);
  }
  while (queue.size) {
    queue.pop(item);
    out.push(`${item.at}:${item.kind}:${item.a}:${item.b}`);
  }
  return out;
}

describe('the simulator queues', () => {
  for (const moments of [2, 10, 1000]) {
    it(`give the same order (${moments} moments ahead at most)`, () => {
      for (const seed of [1, 2, 3]) {
        const heap = play(new ItemHeap(), seed, moments);
        const buckets = play(new BucketQueue(), seed, moments);
        expect(heap.length).toBeGreaterThan(2000);
        expect(heap).toEqual(buckets);
        // And it is (time, order): sorted by time, ties in the order pushed (a counts up).
        const keys = heap.map((s) => s.split(':').map(Number) as [number, number, number, number]);
        for (let i = 1; i < keys.length; i++) {
          const [t0, , a0] = keys[i - 1] as [number, number, number, number];
          const [t1, , a1] = keys[i] as [number, number, number, number];
          if (t1 === t0) expect(a1).toBeGreaterThan(a0);
        }
      }
    });
  }
});
