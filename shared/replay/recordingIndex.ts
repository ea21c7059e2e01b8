// A recording read once into what the replay viewer looks things up by: event times for
// "what happened by instant t", rounds, fault changes, drops and marks to jump to, and one row
// per envelope copy (send → delivery or drop) for the space-time diagram. Building it is one
// cheap pass over the events; the game state itself comes from the fold (fold.ts), lazily.
// It knows the games the viewer offers (`games`): a round of any other cannot be replayed.

import type { Games } from '../games/types';
import { must } from '../must';
import { DROP_REASONS, type DropReason } from '../net/network';
import { faultText } from '../net/drills';
import { faultNotice, type Faults } from '../net/faults';
import type { NodeId } from '../protocol/ids';
import type { NodeKind, RecordingHeader, SessionEvent } from '../protocol/recordingFormat';
import type { ParsedRecording } from '../session/recording';
import { lowerBound, MSG, newTable, upperBound, type MessageTable } from './messageTable';
import { summarizeRecording, type RecordingSummary } from './summary';
import { notice, type Notice } from '../protocol/notice';

export { lowerBound, MSG, upperBound, type MessageTable, type MsgStatus } from './messageTable';
export type { RecordingSummary } from './summary';

/** A recording the replay cannot show (a code and params for the reader's language, English in `message`). */
export class ReplayError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Notice['params'],
  ) {
    super(message);
  }
}

export interface ReplayNode {
  id: NodeId;
  nickname: string;
  kind: NodeKind;
  /** Row of the node in the diagram (join order). */
  lane: number;
  joinedAt: number;
  /** When it was kicked or left, if it did. */
  goneAt: number | null;
}

export interface RoundSpan {
  index: number;
  game: string;
  title: string;
  config: unknown;
  nodes: NodeId[];
  startIdx: number;
  startT: number;
  /** -1 / the recording's end while the round never ended (live or torn recording). */
  endIdx: number;
  endT: number;
  reason: string | null;
  result: unknown;
}

export interface FaultChange {
  /** Event index (-1: the header's initial faults). */
  idx: number;
  t: number;
  /** In English, for logs (an older recording's recorded text). */
  text: string;
  /** The change for screens to word (`net.fault.*`), and the one-click drill that made it. */
  notice?: Notice;
  drill?: string;
  faults: Faults;
}

export interface MarkInfo {
  idx: number;
  t: number;
  node?: NodeId;
  /** What happened, as a code and params for the reader's language (`mark.text` for an older recording's English label). */
  notice: Notice;
  data?: unknown;
}

export class RecordingIndex {
  readonly header: RecordingHeader;
  readonly events: readonly SessionEvent[];
  readonly torn: boolean;
  /** Time of each event (ms since the session started). */
  readonly times: Float64Array;
  readonly duration: number;
  readonly nodes: ReplayNode[] = [];
  readonly laneOf = new Map<NodeId, number>();
  readonly rounds: RoundSpan[] = [];
  readonly faults: FaultChange[] = [];
  readonly marks: MarkInfo[] = [];
  /** Event indices where an envelope was dropped (at send or on arrival), in order. */
  readonly drops: Int32Array;
  readonly kinds: string[] = [];
  readonly messages: MessageTable;
  /** Envelope number → its first row in `messages` (copies follow it). */
  private readonly firstRow: Map<number, number>;

  constructor(parsed: ParsedRecording, games: Games) {
    this.header = parsed.header;
    this.events = parsed.events;
    this.torn = parsed.torn;
    const events = parsed.events;
    const n = events.length;
    this.times = new Float64Array(n);
    this.faults.push({ idx: -1, t: 0, text: 'initial network', faults: parsed.header.faults });

    // Rows: at most one per sent envelope plus one per extra copy.
    let rows = 0;
    for (const e of events) if (e.type === 'envelope:sent') rows += 'at' in e ? Math.max(1, e.at.length) : 1;
    const m = newTable(rows);
    /** Envelope number → its first row (copies follow it). */
    const firstRow = new Map<number, number>();
    this.firstRow = firstRow;
    const flying = new Set<number>();
    const kindIndex = new Map<string, number>();
    const drops: number[] = [];
    let row = 0;
    let prevT = 0;

    for (let i = 0; i < n; i++) {
      const e = events[i];
      if (!e) continue;
      // Times never run backwards in a recording the server wrote; a hand-edited file might.
      const t = Math.max(prevT, e.t);
      prevT = t;
      this.times[i] = t;
      switch (e.type) {
        case 'node:joined':
          if (!this.laneOf.has(e.node)) {
            this.laneOf.set(e.node, this.nodes.length);
            this.nodes.push({ id: e.node, nickname: e.nickname, kind: e.kind, lane: this.nodes.length, joinedAt: t, goneAt: null });
          }
          break;
        case 'node:kicked':
        case 'node:left': {
          const node = this.nodes[this.laneOf.get(e.node) ?? -1];
          if (node && node.goneAt === null) node.goneAt = t;
          break;
        }
        case 'round:started': {
          const engine = games.get(e.round.game)?.engine;
          if (!engine)
            throw new ReplayError(
              'replay.unknown_game',
              `This recording has a round of "${e.round.game}", a game this version does not know.`,
              {
                game: e.round.game,
              },
            );
          this.rounds.push({
            index: e.round.index,
            game: e.round.game,
            title: engine.title,
            config: e.round.config,
            nodes: e.round.nodes,
            startIdx: i,
            startT: t,
            endIdx: -1,
            endT: Number.NaN,
            reason: null,
            result: undefined,
          });
          break;
        }
        case 'round:ended': {
          const r = this.rounds.at(-1);
          if (r && r.endIdx === -1) {
            r.endIdx = i;
            r.endT = t;
            r.reason = e.reason;
            r.result = e.result;
          }
          for (const k of flying) {
            m.status[k] = MSG.cancelled;
            m.endT[k] = Math.min(m.endT[k] ?? t, t);
            m.endIdx[k] = i;
          }
          flying.clear();
          break;
        }
        case 'fault:changed':
          this.faults.push({
            idx: i,
            t,
            text:
              e.text ??
              (e.op.op === 'drill' ? e.op.name : faultText(e.op, e.drill, (id) => this.nodes.find((n) => n.id === id)?.nickname ?? id)),
            ...(e.op.op === 'drill' ? { drill: e.op.name } : { notice: faultNotice(e.op) }),
            ...(e.drill ? { drill: e.drill } : {}),
            faults: e.faults,
          });
          break;
        case 'mark':
          this.marks.push({
            idx: i,
            t,
            notice: e.notice ?? notice('mark.text', { text: e.label ?? '' }),
            ...(e.node ? { node: e.node } : {}),
            ...(e.data !== undefined ? { data: e.data } : {}),
          });
          break;
        case 'envelope:sent': {
          const env = e.env;
          let kind = kindIndex.get(env.kind);
          if (kind === undefined) {
            kind = this.kinds.length;
            kindIndex.set(env.kind, kind);
            this.kinds.push(env.kind);
          }
          const from = this.laneOf.get(env.from) ?? -1;
          const to = this.laneOf.get(env.to) ?? -1;
          firstRow.set(envelopeNumber(env.id), row);
          const copies = 'at' in e ? Math.max(1, e.at.length) : 1;
          for (let c = 0; c < copies; c++, row++) {
            m.sendT[row] = t;
            m.from[row] = from;
            m.to[row] = to;
            m.kind[row] = kind;
            m.copy[row] = c;
            m.sendIdx[row] = i;
            if ('drop' in e) {
              m.status[row] = MSG.droppedAtSend;
              m.reason[row] = reasonIndex(e.drop);
              m.endT[row] = t;
              m.endIdx[row] = i;
            } else {
              m.status[row] = MSG.flying;
              m.endT[row] = Math.max(t, e.at[c] ?? t);
              m.endIdx[row] = -1;
              flying.add(row);
            }
          }
          if ('drop' in e) drops.push(i);
          break;
        }
        case 'envelope:delivered':
        case 'envelope:dropped': {
          const first = firstRow.get(envelopeNumber(e.id));
          if (first === undefined) break;
          const k = first + e.copy;
          if (!flying.delete(k)) break;
          m.endT[k] = t;
          m.endIdx[k] = i;
          if (e.type === 'envelope:delivered') m.status[k] = MSG.delivered;
          else {
            m.status[k] = MSG.droppedInFlight;
            m.reason[k] = reasonIndex(e.reason);
            drops.push(i);
          }
          break;
        }
        case 'net:resumed':
          // The network was frozen: what was travelling arrives `shift` ms later.
          for (const k of flying) m.endT[k] = (m.endT[k] ?? 0) + e.shift;
          break;
        default:
          break;
      }
    }
    m.count = row;
    let maxSpan = 0;
    for (let k = 0; k < row; k++) maxSpan = Math.max(maxSpan, (m.endT[k] ?? 0) - (m.sendT[k] ?? 0));
    m.maxSpan = maxSpan;
    this.messages = m;
    this.drops = Int32Array.from(drops);
    // A live or torn recording ends with messages in the air: the timeline runs until they land.
    let duration = this.times[n - 1] ?? 0;
    for (const k of flying) duration = Math.max(duration, m.endT[k] ?? 0);
    this.duration = duration;
    for (const r of this.rounds) if (r.endIdx === -1) r.endT = this.duration;
  }

  static from(parsed: ParsedRecording, games: Games): RecordingIndex {
    return new RecordingIndex(parsed, games);
  }

  get count(): number {
    return this.events.length;
  }

  /** The row of an envelope's copy in `messages`. */
  rowOf(id: string, copy = 0): number | undefined {
    const first = this.firstRow.get(envelopeNumber(id));
    return first === undefined ? undefined : first + copy;
  }

  /** The message row an event is about (a send, a delivery, a drop), if any. */
  rowOfEvent(idx: number): number | undefined {
    const e = this.events[idx];
    if (!e) return undefined;
    if (e.type === 'envelope:sent') return this.rowOf(e.env.id);
    if (e.type === 'envelope:delivered' || e.type === 'envelope:dropped') return this.rowOf(e.id, e.copy);
    return undefined;
  }

  /** How many events happened at or before `t` (0 when none). */
  countAt(t: number): number {
    return upperBound(this.times, t);
  }

  /** The round running at `t`, or else the last one that ended before it. */
  roundAt(t: number): RoundSpan | null {
    let found: RoundSpan | null = null;
    for (const r of this.rounds) {
      if (r.startT <= t) found = r;
      else break;
    }
    return found;
  }

  /** The faults in force at `t`. */
  faultsAt(t: number): FaultChange {
    let found = must(this.faults[0], 'the initial network');
    for (const f of this.faults) {
      if (f.t <= t) found = f;
      else break;
    }
    return found;
  }

  /** The first time in `times` strictly after `t`, or null. */
  static next(times: readonly number[] | Float64Array, t: number): number | null {
    return times[upperBound(times, t)] ?? null;
  }

  /** The last time in `times` strictly before `t`, or null. */
  static prev(times: readonly number[] | Float64Array, t: number): number | null {
    return times[lowerBound(times, t) - 1] ?? null;
  }

  /** Times of the drops, ascending. */
  dropTimes(): Float64Array {
    return Float64Array.from(this.drops, (i) => this.times[i] ?? 0);
  }

  summary(): RecordingSummary {
    return summarizeRecording(this);
  }
}

const envelopeNumber = (id: string): number => Number(id.slice(1)) || 0;

function reasonIndex(reason: DropReason): number {
  return Math.max(0, DROP_REASONS.indexOf(reason));
}
