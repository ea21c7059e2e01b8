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
  /**
   * The buckets of the last two pushes (pushes come in runs for one moment, or alternate
   * between two: a gossip bot's messages for now, its next turn for later).
   */
  private lastAt = Number.NaN;
  private last: Bucket | null = null;
  private prevAt = Number.NaN;
  private prev: Bucket | null = null;
  /** The bucket of the last pop (pops come in runs for one moment too). */
  private headAt = Number.NaN;
  private head: Bucket | null = null;
  size = 0;

  push(at: number, kind: number, a: number, b: number): void {
    let bucket = this.last;
    if (at !== this.lastAt || !bucket) {
      bucket = (at === this.prevAt ? this.prev : this.buckets.get(at)) ?? null;
      if (!bucket) {
        bucket = this.spare.pop() ?? new Bucket();
        this.buckets.set(at, bucket);
        this.heapPush(at);
      }
      this.prevAt = this.lastAt;
      this.prev = this.last;
      this.lastAt = at;
      this.last = bucket;
    }
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
      if (this.prev === bucket) {
        this.prev = null;
        this.prevAt = Number.NaN;
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
 * Due items in one binary heap of (time, order) kept in typed arrays: for a small room (a
 * 5-node election), whose items nearly all fall on moments of their own (processing delays to
 * a thousandth of a millisecond), where a bucket per moment costs a map entry per item. The
 * heap moves (time, order, slot); an item's kind, a and b stay in their slot.
 *
 * Items queued for the moment being taken (the last item's time: a message with no latency)
 * skip the heap: they wait in a first-in, first-out lane, after the heap's items of that
 * moment (queued before them) and before any later moment.
 */
export class ItemHeap implements DueQueue {
  private at = new Float64Array(64);
  private seq = new Float64Array(64);
  private slot = new Int32Array(64);
  private kind = new Int32Array(64);
  private a = new Int32Array(64);
  private b = new Int32Array(64);
  /** Free slots (a stack): slots of popped items are reused. */
  private free = new Int32Array(64);
  private freeCount = 0;
  private slots = 0;
  private next = 0;
  /** Items in the heap. */
  private count = 0;
  /** The moment being taken (the latest time popped from the heap), and the lane's items, all due then. */
  private nowAt = Number.NEGATIVE_INFINITY;
  private laneKind = new Int32Array(16);
  private laneA = new Int32Array(16);
  private laneB = new Int32Array(16);
  private laneHead = 0;
  private laneEnd = 0;
  size = 0;

  push(at: number, kind: number, a: number, b: number): void {
    this.size++;
    if (at === this.nowAt) {
      this.next++;
      if (this.laneEnd === this.laneKind.length) this.growLane();
      const i = this.laneEnd++;
      this.laneKind[i] = kind;
      this.laneA[i] = a;
      this.laneB[i] = b;
      return;
    }
    if (this.count === this.at.length) this.grow();
    const slot = this.freeCount > 0 ? (this.free[--this.freeCount] as number) : this.slots++;
    this.kind[slot] = kind;
    this.a[slot] = a;
    this.b[slot] = b;
    const seq = this.next++;
    const hAt = this.at;
    const hSeq = this.seq;
    const hSlot = this.slot;
    let i = this.count++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pa = hAt[p] as number;
      if (pa < at || (pa === at && (hSeq[p] as number) < seq)) break;
      hAt[i] = pa;
      hSeq[i] = hSeq[p] as number;
      hSlot[i] = hSlot[p] as number;
      i = p;
    }
    hAt[i] = at;
    hSeq[i] = seq;
    hSlot[i] = slot;
  }

  peekAt(): number | null {
    if (this.laneHead < this.laneEnd) return this.count && (this.at[0] as number) < this.nowAt ? (this.at[0] as number) : this.nowAt;
    return this.count ? (this.at[0] as number) : null;
  }

  /** Empty again, its arrays kept. */
  clear(): void {
    this.size = 0;
    this.count = 0;
    this.freeCount = 0;
    this.slots = 0;
    this.next = 0;
    this.nowAt = Number.NEGATIVE_INFINITY;
    this.laneHead = 0;
    this.laneEnd = 0;
  }

  pop(out: DueItem): void {
    this.size--;
    // The lane's items come after the heap's of their moment and before any later one.
    if (this.laneHead < this.laneEnd && !(this.count && (this.at[0] as number) <= this.nowAt)) {
      const i = this.laneHead++;
      out.at = this.nowAt;
      out.kind = this.laneKind[i] as number;
      out.a = this.laneA[i] as number;
      out.b = this.laneB[i] as number;
      if (this.laneHead === this.laneEnd) {
        this.laneHead = 0;
        this.laneEnd = 0;
      }
      return;
    }
    const hAt = this.at;
    const hSeq = this.seq;
    const hSlot = this.slot;
    const top = hSlot[0] as number;
    const topAt = hAt[0] as number;
    out.at = topAt;
    out.kind = this.kind[top] as number;
    out.a = this.a[top] as number;
    out.b = this.b[top] as number;
    // (The lane is empty when the moment moves on.)
    if (topAt > this.nowAt) this.nowAt = topAt;
    this.free[this.freeCount++] = top;
    const n = --this.count;
    if (n === 0) return;
    // The last item goes down from the root into the hole.
    const at = hAt[n] as number;
    const seq = hSeq[n] as number;
    const slot = hSlot[n] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      let ma = hAt[l] as number;
      if (r < n) {
        const ra = hAt[r] as number;
        if (ra < ma || (ra === ma && (hSeq[r] as number) < (hSeq[l] as number))) {
          m = r;
          ma = ra;
        }
      }
      if (at < ma || (at === ma && seq < (hSeq[m] as number))) break;
      hAt[i] = ma;
      hSeq[i] = hSeq[m] as number;
      hSlot[i] = hSlot[m] as number;
      i = m;
    }
    hAt[i] = at;
    hSeq[i] = seq;
    hSlot[i] = slot;
  }

  private growLane(): void {
    const size = this.laneKind.length * 2;
    const widen = (old: Int32Array) => {
      const out = new Int32Array(size);
      out.set(old);
      return out;
    };
    this.laneKind = widen(this.laneKind);
    this.laneA = widen(this.laneA);
    this.laneB = widen(this.laneB);
  }

  private grow(): void {
    const size = this.at.length * 2;
    const widen = <A extends Float64Array | Int32Array>(old: A, make: (n: number) => A): A => {
      const out = make(size);
      out.set(old);
      return out;
    };
    const f64 = (n: number) => new Float64Array(n);
    const i32 = (n: number) => new Int32Array(n);
    this.at = widen(this.at, f64);
    this.seq = widen(this.seq, f64);
    this.slot = widen(this.slot, i32);
    this.kind = widen(this.kind, i32);
    this.a = widen(this.a, i32);
    this.b = widen(this.b, i32);
    this.free = widen(this.free, i32);
  }
}
