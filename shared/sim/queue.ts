// The simulator's queues of due items (fastTrial.ts): items of four 32-bit integers (kind, a,
// b) due at a time, taken in order of time, then of the order they were queued (as the
// session's WakeQueue). Two shapes of the same order: one for big rooms, where many items fall
// on the same moment, and one for small rooms, where nearly every moment is a different one.

export interface DueQueue {
  readonly size: number;
  push(at: number, kind: number, a: number, b: number): void;
  /** When the earliest item is due, or null when none waits. */
  peekAt(): number | null;
  /** Removes the earliest item into `out`. */
  pop(out: DueItem): void;
}

export interface DueItem {
  at: number;
  kind: number;
  a: number;
  b: number;
}

/**
 * Due items ordered by time, then by the order they were queued (as the session's WakeQueue).
 * A simulation queues many items for the same moment (a gossip round wakes every bot at once;
 * a message with no latency arrives when it is sent), so the items wait in one first-in,
 * first-out bucket per moment and only the distinct moments are kept in a heap: the same
 * order as a heap of (time, order) pairs, at O(1) for most pushes and pops.
 */
export class BucketQueue implements DueQueue {
  /** Distinct moments with items waiting, a binary min-heap. */
  private readonly times: number[] = [];
  private readonly buckets = new Map<number, Bucket>();
  private readonly spare: Bucket[] = [];
  /** The bucket of the last push (pushes come in runs for one moment). */
  private lastAt = Number.NaN;
  private last: Bucket | null = null;
  /** The bucket of the last pop (pops come in runs for one moment too). */
  private headAt = Number.NaN;
  private head: Bucket | null = null;
  size = 0;

  push(at: number, kind: number, a: number, b: number): void {
    let bucket = at === this.lastAt ? this.last : this.buckets.get(at);
    if (!bucket) {
      bucket = this.spare.pop() ?? new Bucket();
      this.buckets.set(at, bucket);
      this.heapPush(at);
    }
    this.lastAt = at;
    this.last = bucket;
    bucket.add(kind, a, b);
    this.size++;
  }

  peekAt(): number | null {
    return this.size ? (this.times[0] as number) : null;
  }

  /** Removes the earliest item into `out` (at, kind, a, b). */
  pop(out: DueItem): void {
    const at = this.times[0] as number;
    const bucket = (at === this.headAt ? this.head : this.buckets.get(at)) as Bucket;
    this.headAt = at;
    this.head = bucket;
    const i = bucket.head++;
    out.at = at;
    out.kind = bucket.kind[i] as number;
    out.a = bucket.a[i] as number;
    out.b = bucket.b[i] as number;
    this.size--;
    if (bucket.head === bucket.length) {
      this.buckets.delete(at);
      if (this.last === bucket) {
        this.last = null;
        this.lastAt = Number.NaN;
      }
      this.head = null;
      this.headAt = Number.NaN;
      this.heapPop();
      bucket.reset();
      this.spare.push(bucket);
    }
  }

  private heapPush(at: number): void {
    const h = this.times;
    let i = h.length;
    h.push(at);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pa = h[p] as number;
      if (pa <= at) break;
      h[i] = pa;
      i = p;
    }
    h[i] = at;
  }

  private heapPop(): void {
    const h = this.times;
    const last = h.pop() as number;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && (h[r] as number) < (h[l] as number) ? r : l;
      if (last <= (h[m] as number)) break;
      h[i] = h[m] as number;
      i = m;
    }
    h[i] = last;
  }
}

/** The items due at one moment, in the order they were queued (32-bit integers, in arrays the collector need not scan). */
class Bucket {
  kind = new Int32Array(16);
  a = new Int32Array(16);
  b = new Int32Array(16);
  head = 0;
  length = 0;

  add(kind: number, a: number, b: number): void {
    const i = this.length++;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const kind = new Int32Array(size);
    const a = new Int32Array(size);
    const b = new Int32Array(size);
    kind.set(this.kind);
    a.set(this.a);
    b.set(this.b);
    this.kind = kind;
    this.a = a;
    this.b = b;
  }

  reset(): void {
    this.head = 0;
    this.length = 0;
    // Very big buckets give their memory back; the others are reused as they are.
    if (this.kind.length > 1 << 20) {
      this.kind = new Int32Array(16);
      this.a = new Int32Array(16);
      this.b = new Int32Array(16);
    }
  }
}

/**
 * Due items in one binary heap of (time, order) kept in parallel typed arrays: for a small room
 * (a 5-node election), whose items nearly all fall on moments of their own (processing delays
 * to a thousandth of a millisecond), where a bucket per moment costs a map entry per item.
 */
export class ItemHeap implements DueQueue {
  private at = new Float64Array(64);
  private seq = new Float64Array(64);
  private kind = new Int32Array(64);
  private a = new Int32Array(64);
  private b = new Int32Array(64);
  private next = 0;
  size = 0;

  push(at: number, kind: number, a: number, b: number): void {
    if (this.size === this.at.length) this.grow();
    const seq = this.next++;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pa = this.at[p] as number;
      if (pa < at || (pa === at && (this.seq[p] as number) < seq)) break;
      this.move(p, i);
      i = p;
    }
    this.put(i, at, seq, kind, a, b);
  }

  peekAt(): number | null {
    return this.size ? (this.at[0] as number) : null;
  }

  pop(out: DueItem): void {
    out.at = this.at[0] as number;
    out.kind = this.kind[0] as number;
    out.a = this.a[0] as number;
    out.b = this.b[0] as number;
    const n = --this.size;
    if (n === 0) return;
    // The last item goes down from the root into the hole.
    const at = this.at[n] as number;
    const seq = this.seq[n] as number;
    const kind = this.kind[n] as number;
    const a = this.a[n] as number;
    const b = this.b[n] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n) {
        const ra = this.at[r] as number;
        const la = this.at[l] as number;
        if (ra < la || (ra === la && (this.seq[r] as number) < (this.seq[l] as number))) m = r;
      }
      const ma = this.at[m] as number;
      if (at < ma || (at === ma && seq < (this.seq[m] as number))) break;
      this.move(m, i);
      i = m;
    }
    this.put(i, at, seq, kind, a, b);
  }

  private move(from: number, to: number): void {
    this.at[to] = this.at[from] as number;
    this.seq[to] = this.seq[from] as number;
    this.kind[to] = this.kind[from] as number;
    this.a[to] = this.a[from] as number;
    this.b[to] = this.b[from] as number;
  }

  private put(i: number, at: number, seq: number, kind: number, a: number, b: number): void {
    this.at[i] = at;
    this.seq[i] = seq;
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
  }

  private grow(): void {
    const size = this.at.length * 2;
    const at = new Float64Array(size);
    const seq = new Float64Array(size);
    const kind = new Int32Array(size);
    const a = new Int32Array(size);
    const b = new Int32Array(size);
    at.set(this.at);
    seq.set(this.seq);
    kind.set(this.kind);
    a.set(this.a);
    b.set(this.b);
    this.at = at;
    this.seq = seq;
    this.kind = kind;
    this.a = a;
    this.b = b;
  }
}
