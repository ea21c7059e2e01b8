// A min-heap of things due at a time: deliveries, timers, bot turns. Ties keep insertion
// order, so a run is reproducible. Plain data: no clock, the host says what time it is.

import type { NodeId } from '../protocol/ids';

export type Wake =
  | { type: 'deliver'; id: string; copy: number }
  /** Stale when the timer was re-armed: the session compares the armed time with the wake's. */
  | { type: 'timer'; key: string }
  | { type: 'bot'; node: NodeId }
  | { type: 'script' };

interface Item {
  at: number;
  order: number;
  wake: Wake;
}

export class WakeQueue {
  private heap: Item[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, wake: Wake): void {
    this.heap.push({ at, order: this.counter++, wake });
    this.up(this.heap.length - 1);
  }

  peekAt(): number | null {
    return this.heap[0]?.at ?? null;
  }

  /** Removes and returns the earliest item due at or before `now`. */
  popDue(now: number): { at: number; wake: Wake } | null {
    const top = this.heap[0];
    if (!top || top.at > now) return null;
    const last = this.heap.pop() as Item;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return { at: top.at, wake: top.wake };
  }

  /** Moves everything later by `ms` (the network was paused). Order is unchanged. */
  shift(ms: number): void {
    for (const item of this.heap) item.at += ms;
  }

  clear(): void {
    this.heap = [];
  }

  private less(a: Item, b: Item): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      const tmp = h[i]!;
      h[i] = h[p]!;
      h[p] = tmp;
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      const tmp = h[i]!;
      h[i] = h[m]!;
      h[m] = tmp;
      i = m;
    }
  }
}
