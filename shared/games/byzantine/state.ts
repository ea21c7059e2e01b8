// The engine's state: plain JSON-able data (a recording's fold must rebuild it exactly).

import type { NodeId } from '../../protocol/ids';
import type { ByzantineConfig, Value } from './config';
import type { Notice } from '../../protocol/notice';

export const PHASES = ['orders', 'relays', 'decide', 'done'] as const;
export type Phase = (typeof PHASES)[number];

/** One message a general holds: received in time, or the default for one that never came. */
export interface Held {
  value: Value;
  path: NodeId[];
  at: number;
  /** Never arrived before its phase ended: the value is the default, Retreat ([B6]). */
  missing: boolean;
}

export const INBOX_STATUSES = ['counted', 'late', 'forged', 'ignored'] as const;
/**
 * counted: it arrived in time and counts; late: after its phase ended (ignored, [B6]);
 * forged: SM only, its signatures do not check out (discarded, [B11]); ignored: SM only, a
 * value this general already had.
 */
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** A message addressed to this node, as its phone lists it. */
export interface InboxItem {
  from: NodeId;
  value: Value;
  /** OM: the relayers, commander first, sender last. SM: the signature chain. */
  path: NodeId[];
  /** Session time it arrived. */
  at: number;
  status: InboxStatus;
}

export interface Tally {
  attack: number;
  retreat: number;
  /** Messages that did not come (yet); each counts as Retreat. */
  missing: number;
}

export const DECIDED_BY = ['node', 'timeout'] as const;

export interface General {
  traitor: boolean;
  /** OM: by path key, every message held (received, or defaulted when its phase ended). SM: valid messages, by value|chain. */
  held: Record<string, Held>;
  /** The latest messages addressed to this node, for its phone (capped; the console has all). */
  inbox: InboxItem[];
  received: number;
  late: number;
  forged: number;
  /** Live count of the order and the first-hand relays held (OM), or valid messages per value (SM). */
  live: { attack: number; retreat: number };
  /** SM: the set V of values accepted (at most both). */
  accepted: Value[];
  /** SM: the chain each accepted value first came with; a loyal lieutenant signs it on at the next level ([B11]). */
  firstChain: Partial<Record<Value, NodeId[]>>;
  /**
   * SM: what this lieutenant passed on at each relay level (key: the level), recipient → values, once its
   * relay of that level went out (its Send, or the phase timer's). One relay per level ([B4], [B5]).
   */
  smRelayed: Record<string, Record<NodeId, Value[]>>;
  /** What this general sent, by send key (the orders: the commander's id; OM: the path it sent), recipient → value. */
  sentTo: Record<string, Record<NodeId, Value>>;
  /** Messages sent per level (index = level). */
  sentByLevel: number[];
  /** A loyal lieutenant's first relay (its Send, or the phase timer's). */
  relayed: { value: Value; at: number } | null;
  /** Frozen when the decision phase starts ([B8]). */
  tally: Tally | null;
  suggested: Value | null;
  decision: Value | null;
  decidedBy: (typeof DECIDED_BY)[number] | null;
  decidedAt: number | null;
  /** Down when the decision phase ended: decides nothing ([B8]). */
  crashed: boolean;
}

export const MESSAGE_STATUSES = ['travelling', 'arrived', 'late', 'forged', 'dropped', 'lost'] as const;
/**
 * travelling; arrived (in time); late (after its phase ended); forged (SM: arrived, and its
 * chain is not genuine); dropped (the network refused it when sent: crash or partition);
 * lost (its phase ended and it had not arrived: loss, or a cut while it travelled).
 */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageRecord {
  mid: number;
  level: number;
  from: NodeId;
  to: NodeId;
  value: Value;
  path: NodeId[];
  sentAt: number;
  status: MessageStatus;
  /** When it arrived (first copy), or null. */
  at: number | null;
  /** SM: the chain claims signatures that were never made. */
  forged: boolean;
  /** Why the network refused it at once (crashed, partition), or null. */
  drop: 'crashed' | 'partition' | null;
}

export interface PhaseRecord {
  step: number;
  phase: Phase;
  level: number;
  startedAt: number;
  endedAt: number | null;
  /** all-done: every node acted and nothing was travelling; timer; grace: the timer, then the wait for the last messages. */
  endedBy: 'all-done' | 'timer' | 'grace' | null;
}

export interface Outcome {
  ic1: boolean;
  ic2: boolean | null;
  /** What the loyal lieutenants did and why (`byzantine.verdict`), worded by the client. */
  verdict: Notice;
}

export interface Counts {
  sent: number;
  arrived: number;
  late: number;
  forged: number;
  duplicates: number;
  /** Refused by the network when sent (crash, partition). */
  dropped: number;
  /** Never arrived before their phase ended. */
  lost: number;
}

export interface ByzantineState {
  config: ByzantineConfig;
  /** The generals, commander included, in seat order. */
  generals: NodeId[];
  /** Round nodes that watch (beyond maxGenerals). */
  observers: number;
  commander: NodeId;
  /** Traitors in seat order (the commander included when it is one). */
  traitors: NodeId[];
  /** The m actually played (a config asking for too many messages is cut down, [B13]). */
  m: number;
  signed: boolean;
  /** The order a loyal commander is advised to give (its autopilot), seeded or configured. */
  suggestedOrder: Value;
  /** Adjustments made to the config for this room ("asked for 5 traitors, 3 nodes allow 1"). */
  /** What setup had to change from the config (`byzantine.note.*`). */
  notes: Notice[];
  rng: number;
  /**
   * 1: orders (level 1); 2…m+1: relays of that level; m+2: decision; m+3: done.
   * A level-k message counts only if it arrives while step ≤ k ([B6]).
   */
  step: number;
  /** The phase timer fired: unchosen sends were filled in, waiting for the last messages ([B7]). */
  closing: boolean;
  phaseEndsAt: number | null;
  phases: PhaseRecord[];
  nodes: Record<NodeId, General>;
  /** Messages of each level still travelling (index = level). */
  travelling: number[];
  messages: MessageRecord[];
  /** SM: signatures actually made, as "value|chain". */
  sigs: Record<string, true>;
  counts: Counts;
  outcome: Outcome | null;
}

export const pathKey = (path: readonly NodeId[]): string => path.join('>');
export const sigKey = (value: Value, chain: readonly NodeId[]): string => `${value}|${chain.join('>')}`;

/** A general of the round (the caller knows it is one: the commander, a listed lieutenant, a message's sender). */
export function general(s: ByzantineState, node: NodeId): General {
  const g = s.nodes[node];
  if (!g) throw new Error(`byzantine: ${node} is not a general of this round`);
  return g;
}

/** What `g` sent under `key` (the orders, a relayed path), recipient → value; made when first needed. */
export function sentUnder(g: General, key: string): Record<NodeId, Value> {
  let sent = g.sentTo[key];
  if (!sent) {
    sent = {};
    g.sentTo[key] = sent;
  }
  return sent;
}

export function lieutenants(s: ByzantineState): NodeId[] {
  return s.generals.filter((g) => g !== s.commander);
}

export const decideStep = (s: ByzantineState): number => s.m + 2;
export const doneStep = (s: ByzantineState): number => s.m + 3;

export function phaseOf(s: ByzantineState): Phase {
  if (s.step === 1) return 'orders';
  if (s.step <= s.m + 1) return 'relays';
  return s.step === decideStep(s) ? 'decide' : 'done';
}

export const phaseTimerKey = (step: number): string => `byzantine:phase:${step}`;
export const graceTimerKey = (step: number): string => `byzantine:grace:${step}`;
