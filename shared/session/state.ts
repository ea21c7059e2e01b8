// A room's whole state, as the fold of its recording rebuilds it. Plain data only.

import { newClock, type NodeClock } from '../net/clocks';
import type { Faults } from '../net/faults';
import type { DrillScript } from '../net/script';
import { isCrashed } from '../net/network';
import type { Envelope } from '../games/types';
import type { NodeId } from '../protocol/ids';
import type { FaultLogEntry, NetStats, NodeStatus, RoundSummary } from '../protocol/views';
import type { NodeKind, RecordingHeader, RoundSpec } from '../protocol/recordingFormat';
import type { Language } from '../protocol/languages';

export interface NodeRecord {
  id: NodeId;
  nickname: string;
  kind: NodeKind;
  status: NodeStatus;
  /** A phone with a live socket. Bots are always connected. */
  connected: boolean;
  /** When `connected` last changed (session ms). */
  since: number;
  /** The game's bot policy plays this node (always on for bots). */
  autopilot: boolean;
  joinedAt: number;
  /** sha-256 of the node's resume token (never the token itself). */
  tokenHash?: string;
}

export interface InFlight {
  env: Envelope;
  /** Arrival time of each copy still travelling, by copy number (null once it arrived or was dropped). */
  pending: (number | null)[];
}

export interface RoundState {
  spec: RoundSpec;
  startedAt: number;
  engineState: unknown;
  net: NetStats;
}

export interface DrillRun {
  script: DrillScript;
  startedAt: number;
  /** Index (in time order) of the next step, and when it runs (session ms). */
  next: number;
  nextAt: number | null;
}

export interface SessionState {
  header: RecordingHeader;
  /** Sequence number and time of the last event folded. */
  seq: number;
  t: number;
  nodes: Record<NodeId, NodeRecord>;
  /** Node ids in join order. */
  order: NodeId[];
  /** How many nodes are active (joined, not kicked, not left). */
  active: number;
  locked: boolean;
  /** Set by the instructor for every screen in the room; null: each follows its browser. */
  language: Language | null;
  ended: boolean;
  faults: Faults;
  /** When the instructor froze the network, or null while it runs. */
  pausedAt: number | null;
  clocks: Record<NodeId, NodeClock>;
  /**
   * Whether this fold keeps vector clocks: only the replay asks (its message details, the
   * ShiViz export), and only when the header has them. A live room, a restore and a plain fold
   * do not: nothing there reads them, and each send would copy a vector as long as the room
   * (O(room) per message, O(room²) a second for the room). Lamport clocks are always kept
   * (envelopes carry them to the games).
   */
  vectors: boolean;
  nextEnvelope: number;
  inFlight: Record<string, InFlight>;
  /** Armed timers: key → when it fires. */
  timers: Record<string, { at: number; node?: NodeId }>;
  round: RoundState | null;
  /** The round that ended last, kept until the next one starts, so phones can still show it. */
  lastRound: { spec: RoundSpec; engineState: unknown; endedAt: number } | null;
  rounds: RoundSummary[];
  /** The whole session's network figures. */
  net: NetStats;
  faultLog: FaultLogEntry[];
  /** The scripted drill running now, if any. */
  drill: DrillRun | null;
}

export const emptyNetStats = (): NetStats => ({
  sent: 0,
  delivered: 0,
  duplicated: 0,
  dropped: { crashed: 0, partition: 0, loss: 0 },
});

export interface FoldOptions {
  /** Keep vector clocks, if the header has them (the replay; default: no). */
  vectors?: boolean;
}

export function createSessionState(header: RecordingHeader, options: FoldOptions = {}): SessionState {
  return {
    header,
    seq: 0,
    t: 0,
    nodes: {},
    order: [],
    active: 0,
    locked: false,
    language: null,
    ended: false,
    faults: header.faults,
    pausedAt: null,
    clocks: {},
    vectors: header.vectorClocks && options.vectors === true,
    nextEnvelope: 1,
    inFlight: {},
    timers: {},
    round: null,
    lastRound: null,
    rounds: [],
    net: emptyNetStats(),
    faultLog: [],
    drill: null,
  };
}

/** Crashed by the instructor, or no longer in the room. */
export function isNodeDown(state: SessionState, node: NodeId): boolean {
  return isGone(state, node) || isCrashed(state.faults, node);
}

/** No longer in the room (kicked, left): the network treats it as crashed. */
export function isGone(state: SessionState, node: NodeId): boolean {
  // Usually nobody has left: then only unknown ids are gone, and no lookup in a big table is needed.
  if (state.active === state.order.length) return !Object.hasOwn(state.nodes, node);
  return state.nodes[node]?.status !== 'active';
}

/** The record of a node the session itself listed (in `order`, a round, an event it wrote). */
export function recordOf(state: SessionState, node: NodeId): NodeRecord {
  const rec = state.nodes[node];
  if (!rec) throw new Error(`session: ${node} has no record`);
  return rec;
}

/** The node's clocks, made when first needed. */
export function clockOf(state: SessionState, node: NodeId): NodeClock {
  let clock = state.clocks[node];
  if (!clock) {
    clock = newClock();
    state.clocks[node] = clock;
  }
  return clock;
}

export function activeNodes(state: SessionState): NodeId[] {
  return state.order.filter((id) => state.nodes[id]?.status === 'active');
}

export function isAutomated(rec: NodeRecord | undefined): boolean {
  return !!rec && rec.status === 'active' && (rec.kind === 'bot' || rec.autopilot);
}

const roundMembers = new WeakMap<RoundSpec, Set<NodeId>>();

/** True when `node` takes part in the round (constant time, for 100,000-node rounds). */
export function inRound(spec: RoundSpec, node: NodeId): boolean {
  let set = roundMembers.get(spec);
  if (!set) {
    set = new Set(spec.nodes);
    roundMembers.set(spec, set);
  }
  return set.has(node);
}
