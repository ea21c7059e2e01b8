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
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
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

  private less(i: number, j: number): boolean {
    const a = this.heap[i];
    const b = this.heap[j];
    if (!a || !b) return false;
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private swap(i: number, j: number): void {
    const h = this.heap;
    const tmp = h[i];
    const other = h[j];
    if (tmp === undefined || other === undefined) return;
    h[i] = other;
    h[j] = tmp;
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(l, m)) m = l;
      if (r < n && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
