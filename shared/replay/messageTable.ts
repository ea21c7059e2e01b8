// The space-time diagram's raw material: one row per envelope copy (send → delivery or drop)
// as parallel typed arrays, and binary searches over sorted times.

/** What became of one envelope copy. */
export const MSG = {
  /** Still travelling when the recording stops (a live or torn recording). */
  flying: 0,
  delivered: 1,
  /** Dropped as it left its sender (the network decided so at send time). */
  droppedAtSend: 2,
  /** Dropped on arrival (a cut or a crash happened while it travelled). */
  droppedInFlight: 3,
  /** Its round ended before it arrived: it went with the round. */
  cancelled: 4,
} as const;
export type MsgStatus = (typeof MSG)[keyof typeof MSG];

/**
 * One row per envelope copy, as parallel typed arrays (200,000 events make ~100,000 rows).
 * Rows are in send order, so `sendT` is sorted.
 */
export interface MessageTable {
  count: number;
  sendT: Float64Array;
  /** Arrival, drop, or (still flying) the planned arrival. */
  endT: Float64Array;
  from: Int32Array;
  to: Int32Array;
  kind: Uint16Array;
  status: Uint8Array;
  /** Index in DROP_REASONS when dropped. */
  reason: Uint8Array;
  copy: Uint8Array;
  /** Event index of the send, and of the delivery or drop (-1 if none). */
  sendIdx: Int32Array;
  endIdx: Int32Array;
  /** The longest send → end span, to find rows crossing a time window. */
  maxSpan: number;
}

export function newTable(rows: number): MessageTable {
  return {
    count: 0,
    sendT: new Float64Array(rows),
    endT: new Float64Array(rows),
    from: new Int32Array(rows),
    to: new Int32Array(rows),
    kind: new Uint16Array(rows),
    status: new Uint8Array(rows),
    reason: new Uint8Array(rows),
    copy: new Uint8Array(rows),
    sendIdx: new Int32Array(rows),
    endIdx: new Int32Array(rows),
    maxSpan: 0,
  };
}

/** First index whose value is > t. */
export function upperBound(xs: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = xs[mid];
    if (x !== undefined && x <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is >= t. */
export function lowerBound(xs: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = xs[mid];
    if (x !== undefined && x < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
