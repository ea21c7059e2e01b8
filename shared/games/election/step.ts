// One engine call in progress: the state it changes, the effects it collects and the nodes
// whose views changed. Every transition in this game takes a Step, so effects are emitted in
// one place and in a deterministic order.

import type { NodeId } from '../../protocol/ids';
import { resumeRng } from '../../rng';
import type { Effect, EngineCtx, SeatOut } from '../types';
import type { Card } from './cards';
import type { Range } from './config';
import type { ElectionState, LeaderState, LogEntry, NodeState } from './state';
import { notice, type Notice } from '../../protocol/notice';

export interface Step {
  s: ElectionState;
  ctx: EngineCtx;
  fx: Effect[];
  /**
   * The simulator's seat rules (sim.ts's electionSeats) take the effects as they come: sends,
   * timers, cancels and marks go to `out` instead of `fx`, in the same order; null otherwise.
   */
  out: SeatOut | null;
  /** With `out`: the seat rules' timer numbers, so a timer is armed without its key (null: by key). */
  timers: SeatTimers | null;
  changed: Touched;
  /** Leaders, terms or faults changed: stale leaders must be worked out again. */
  dirty: boolean;
}

/**
 * The nodes whose views a step changed, each once, in the order first touched: a list, as a
 * step touches few (a set cost an allocation per step, clearing one included).
 */
export class Touched {
  list: NodeId[] = [];

  get size(): number {
    return this.list.length;
  }

  add(node: NodeId): void {
    if (!this.list.includes(node)) this.list.push(node);
  }

  /** Empty again; the list handed out (if any) stays the receiver's. */
  reset(): void {
    if (this.list.length) this.list = [];
  }
}

/** The effects list of a step whose effects go to `out`: frozen, as nothing may be pushed onto it. */
const NO_EFFECTS = Object.freeze([]) as unknown as Effect[];

/** A step done with (its effects handed out), kept for the next engine call: engine calls never nest. */
let spare: Step | null = null;

export function begin(s: ElectionState, ctx: EngineCtx, out: SeatOut | null = null, timers: SeatTimers | null = null): Step {
  if (ctx.now > s.lastT) s.lastT = ctx.now;
  const st = spare;
  if (!st) return { s, ctx, fx: out ? NO_EFFECTS : [], out, timers, changed: new Touched(), dirty: false };
  spare = null;
  st.s = s;
  st.ctx = ctx;
  st.fx = out ? NO_EFFECTS : [];
  st.out = out;
  st.timers = timers;
  st.changed.reset();
  st.dirty = false;
  return st;
}

/** The step's effects are handed out: the step may serve the next engine call. */
export function end(st: Step): void {
  spare = st;
}

export const TIMER_KINDS = ['timeout', 'heartbeat', 'process', 'quorum'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/** A node's timers by number (the index of their kind in TIMER_KINDS): how transitions name them. */
export const TIMER = { timeout: 0, heartbeat: 1, process: 2, quorum: 3 } as const;
export type TimerIndex = (typeof TIMER)[TimerKind];

/**
 * The simulator's seat rules arm and cancel a node's timers by the simulator's number for each
 * (kept by kind and seat), not by key: no key to look up at every heartbeat and message.
 */
export interface SeatTimers {
  set(kind: TimerIndex, node: NodeId, delay: number, out: SeatOut): void;
  cancel(kind: TimerIndex, node: NodeId, out: SeatOut): void;
}

/**
 * Timer keys, made once per node and kind and then handed out as the same string: a simulation
 * arms and fires millions of timers, and a string made afresh each time is hashed afresh by
 * every map it is looked up in. The keys of past rounds' nodes stay (a room has few nodes).
 */
const KEYS_KEPT = 100_000;
const parsedKeys = new Map<string, { kind: TimerKind; node: NodeId }>();

const keysByKind: Record<TimerKind, Map<NodeId, string>> = {
  timeout: new Map(),
  heartbeat: new Map(),
  process: new Map(),
  quorum: new Map(),
};

export function keyOf(kind: TimerKind, node: NodeId, byKind: Map<NodeId, string> = keysByKind[kind]): string {
  let key = byKind.get(node);
  if (key === undefined) {
    if (byKind.size >= KEYS_KEPT) byKind.clear();
    key = `election:${kind}:${node}`;
    byKind.set(node, key);
  }
  return key;
}

export const timeoutKey = (node: NodeId): string => keyOf('timeout', node, keysByKind.timeout);
export const heartbeatKey = (node: NodeId): string => keyOf('heartbeat', node, keysByKind.heartbeat);
/** The node has finished handling the message at the head of its queue [E18]. */
export const processKey = (node: NodeId): string => keyOf('process', node, keysByKind.process);
/** A leader checks that a majority answered it within an election timeout (CheckQuorum [E20]). */
export const quorumKey = (node: NodeId): string => keyOf('quorum', node, keysByKind.quorum);

/** Parses a timer key of this game: which timer, for which node. */
export function parseKey(key: string): Readonly<{ kind: TimerKind; node: NodeId }> | null {
  const known = parsedKeys.get(key);
  if (known) return known;
  const m = /^election:(timeout|heartbeat|process|quorum):(.+)$/.exec(key);
  const kind = TIMER_KINDS.find((k) => k === m?.[1]);
  const node = m?.[2];
  if (!node || !kind) return null;
  if (parsedKeys.size >= KEYS_KEPT) parsedKeys.clear();
  parsedKeys.set(key, { kind, node });
  return { kind, node };
}

/** A uniform draw from the game's own random stream (its state lives in the game state). */
export function draw(s: ElectionState, [lo, hi]: Range): number {
  const rng = resumeRng(s.rng);
  const v = rng.between(lo, hi);
  s.rng = rng.state;
  return v;
}

export const cardOf = (s: ElectionState, node: NodeId): string => s.cards[node]?.label ?? node;

/** The card of a node the round dealt one (every node of the round). */
export function cardFor(s: ElectionState, node: NodeId): Card {
  const card = s.cards[node];
  if (!card) throw new Error(`election: ${node} was dealt no card`);
  return card;
}

export function nodeOf(s: ElectionState, node: NodeId): NodeState {
  const n = s.node[node];
  if (!n) throw new Error(`election: ${node} is not in this round`);
  return n;
}

/** The leader's bookkeeping of a node the caller knows leads. */
export function leadOf(n: NodeState, node: NodeId): LeaderState {
  if (!n.lead) throw new Error(`election: ${node} is not leading`);
  return n.lead;
}

/** Entry `index` (1-based) of a log the caller knows holds it. */
export function entryAt(log: readonly LogEntry[], index: number): LogEntry {
  const e = log[index - 1];
  if (!e) throw new Error(`election: the log has no entry ${index}`);
  return e;
}

export function send(st: Step, from: NodeId, to: NodeId, kind: string, body: unknown): void {
  if (st.out) st.out.post(from, to, kind, body);
  else st.fx.push({ type: 'send', from, to, kind, body });
  st.s.messages.sent[kind] = (st.s.messages.sent[kind] ?? 0) + 1;
}

/** (Re)arms the timer of `kind` of `node` (its key: timeoutKey, heartbeatKey, processKey, quorumKey). */
export function setTimer(st: Step, kind: TimerIndex, delay: number, node: NodeId): void {
  const out = st.out;
  if (out === null) st.fx.push({ type: 'timer', key: keyOf(TIMER_KINDS[kind], node), delay, node });
  else if (st.timers !== null) st.timers.set(kind, node, delay, out);
  else out.timer(keyOf(TIMER_KINDS[kind], node), delay);
}

export function cancelTimer(st: Step, kind: TimerIndex, node: NodeId): void {
  const out = st.out;
  if (out === null) st.fx.push({ type: 'cancel', key: keyOf(TIMER_KINDS[kind], node) });
  else if (st.timers !== null) st.timers.cancel(kind, node, out);
  else out.cancel(keyOf(TIMER_KINDS[kind], node));
}

/** A mark on the timeline (with the simulator's seat rules, only the clock's move: nobody reads it there). */
export function mark(st: Step, node: NodeId, code: string, params: Notice['params'], data: Record<string, unknown>): void {
  if (st.out) st.out.mark();
  else st.fx.push({ type: 'mark', node, notice: notice(`election.mark.${code}`, params), data });
}

/** A line on the node's phone saying what just happened to it. */
export function notify(st: Step, node: NodeId, code: string, params?: Notice['params']): void {
  nodeOf(st.s, node).notice = { ...notice(`election.${code}`, params), at: st.ctx.now };
  st.changed.add(node);
}

/**
 * How long the node takes to handle one message or fire one timer [E18]: uniform on the range,
 * to a thousandth of a millisecond (a server's jitter is well below 1 ms); no draw when it is 0.
 */
export function processingDelay(s: ElectionState): number {
  const [lo, hi] = s.timing.processingMs;
  if (hi === 0) return 0;
  const rng = resumeRng(s.rng);
  const v = lo + rng.next() * (hi - lo);
  s.rng = rng.state;
  return Math.round(v * 1000) / 1000;
}

export function armElection(st: Step, node: NodeId): void {
  nodeOf(st.s, node).expired = false;
  const delay = draw(st.s, st.s.timing.timeoutMs) + processingDelay(st.s);
  setTimer(st, TIMER.timeout, delay, node);
  st.changed.add(node);
}

export function armHeartbeat(st: Step, node: NodeId): void {
  const delay = draw(st.s, st.s.timing.heartbeatMs) + processingDelay(st.s);
  setTimer(st, TIMER.heartbeat, delay, node);
}

export function cancelTimers(st: Step, node: NodeId): void {
  cancelTimer(st, TIMER.timeout, node);
  cancelTimer(st, TIMER.heartbeat, node);
  cancelTimer(st, TIMER.process, node);
  cancelTimer(st, TIMER.quorum, node);
}

export function lastLogTerm(n: NodeState): number {
  return n.log.at(-1)?.term ?? 0;
}

/** Raft's election restriction: is (term, index) at least as up-to-date as the voter's log? [E5] */
export function upToDate(lastTerm: number, lastIndex: number, voterTerm: number, voterIndex: number): boolean {
  return lastTerm !== voterTerm ? lastTerm > voterTerm : lastIndex >= voterIndex;
}

export function raiseMaxTerm(st: Step, term: number): void {
  if (term > st.s.maxTerm) st.s.maxTerm = term;
}
