// What the map animates: every envelope copy as a flight from its sender to its receiver, and
// what became of it (delivered, dropped with a reason, duplicated, overtaken). Built from the
// recorded events, so the live console and the replay viewer draw the same thing.

import type { DropReason } from '../../../shared/net/network';
import type { SessionEvent } from '../../../shared/protocol/recordingFormat';

export interface Flight {
  key: string;
  id: string;
  from: string;
  to: string;
  kind: string;
  /** The message's body, for a game that labels messages by content (Attack / Retreat). */
  body: unknown;
  sentAt: number;
  /** When it arrives (or would have). */
  arriveAt: number;
  /** Second copy made by the network. */
  duplicate: boolean;
  /** Dropped: why, when, and how far along (0..1) it got. */
  drop: { reason: DropReason; at: number; fraction: number } | null;
  delivered: boolean;
  /** Arrived before a message sent earlier on the same link. */
  overtook: boolean;
}

/** How long a message dropped at its sender is shown leaving before it is cut (ms). */
export const SEND_DROP_SHOW_MS = 450;
/** How long a drop mark or an arrival flash stays on the map (ms). */
export const MARK_MS = 2500;
/** Flights kept at most; beyond that the oldest are forgotten (300 nodes, 1,000 msg/s). */
const MAX_FLIGHTS = 4000;

const num = (id: string) => Number(id.slice(1)) || 0;

export class TrafficModel {
  private flights = new Map<string, Flight>();
  /** Highest envelope number delivered per directed link, to spot overtaking. */
  private lastOnLink = new Map<string, number>();
  /** Counts since the model started, for the legend. */
  readonly seen = { delivered: 0, dropped: { crashed: 0, partition: 0, loss: 0 }, duplicated: 0, overtook: 0 };

  ingest(events: readonly SessionEvent[]): void {
    for (const e of events) this.one(e);
    if (this.flights.size > MAX_FLIGHTS) {
      const excess = this.flights.size - MAX_FLIGHTS;
      let i = 0;
      for (const key of this.flights.keys()) {
        if (i++ >= excess) break;
        this.flights.delete(key);
      }
    }
  }

  private one(e: SessionEvent): void {
    switch (e.type) {
      case 'envelope:sent': {
        const base = {
          id: e.env.id,
          from: e.env.from,
          to: e.env.to,
          kind: e.env.kind,
          body: e.env.body,
          sentAt: e.t,
          delivered: false,
          overtook: false,
        };
        if ('drop' in e) {
          this.flights.set(`${e.env.id}:0`, {
            ...base,
            key: `${e.env.id}:0`,
            arriveAt: e.t + SEND_DROP_SHOW_MS,
            duplicate: false,
            drop: { reason: e.drop, at: e.t + SEND_DROP_SHOW_MS * 0.4, fraction: 0.4 },
          });
          this.seen.dropped[e.drop]++;
        } else {
          e.at.forEach((arriveAt, copy) => {
            const key = `${e.env.id}:${copy}`;
            this.flights.set(key, { ...base, key, arriveAt: Math.max(arriveAt, e.t + 1), duplicate: copy > 0, drop: null });
          });
          if (e.at.length > 1) this.seen.duplicated++;
        }
        return;
      }
      case 'envelope:delivered': {
        const f = this.flights.get(`${e.id}:${e.copy}`);
        if (!f) return;
        f.delivered = true;
        f.arriveAt = e.t;
        const link = `${f.from}>${f.to}`;
        const n = num(f.id);
        if (n < (this.lastOnLink.get(link) ?? 0)) {
          f.overtook = true;
          this.seen.overtook++;
        } else this.lastOnLink.set(link, n);
        this.seen.delivered++;
        return;
      }
      case 'envelope:dropped': {
        const f = this.flights.get(`${e.id}:${e.copy}`);
        if (!f) return;
        const span = Math.max(1, f.arriveAt - f.sentAt);
        f.drop = { reason: e.reason, at: e.t, fraction: Math.min(1, Math.max(0, (e.t - f.sentAt) / span)) };
        this.seen.dropped[e.reason]++;
        return;
      }
      case 'net:resumed':
        // The network was frozen: what was in the air continues from where it stopped.
        for (const f of this.flights.values()) {
          if (f.delivered || f.drop || f.arriveAt < e.t - e.shift) continue;
          f.sentAt += e.shift;
          f.arriveAt += e.shift;
        }
        return;
      case 'round:ended':
        // What was still travelling belonged to the round.
        for (const f of this.flights.values()) if (!f.delivered && !f.drop) f.arriveAt = Math.min(f.arriveAt, e.t);
        return;
      default:
        return;
    }
  }

  /**
   * The flights to draw at time `now`: those in the air, and those that ended (arrived or were
   * dropped) less than MARK_MS ago. Older ones are forgotten.
   */
  visible(now: number): Flight[] {
    const out: Flight[] = [];
    for (const [key, f] of this.flights) {
      const end = f.drop ? f.drop.at : f.arriveAt;
      if (now - end > MARK_MS) {
        this.flights.delete(key);
        continue;
      }
      if (f.sentAt <= now) out.push(f);
    }
    return out;
  }

  /** Everything forgotten (the replay jumped in time). */
  clear(): void {
    this.flights.clear();
    this.lastOnLink.clear();
  }
}

/** Where along its path (0..1) a flight is at `now`, and whether it is still moving. */
export function progress(f: Flight, now: number): { t: number; moving: boolean } {
  const span = Math.max(1, f.arriveAt - f.sentAt);
  const t = Math.min(1, Math.max(0, (now - f.sentAt) / span));
  if (f.drop && now >= f.drop.at) return { t: f.drop.fraction, moving: false };
  return { t, moving: t < 1 };
}
