// The simulator's fast path: a trial whose recording nobody keeps. It plays the same engines
// through the same network model (decide, blockedBy, the fault operations and drills) as the
// session core, in the same order, drawing the same random numbers from the same streams, so
// a seed gives the same trial; what it skips is what only a recording or a screen reads:
// no event objects and no fold, no per-node records, timers and envelopes in flat arrays by
// number, node ids turned into seats once, and a queue of due items kept in parallel arrays.
// A game with seat rules (GameEngine.seats: gossip) sends no envelope at all: a message is two
// seats and a kind in the queue. A bot's action, made by the game's own code, is checked by the
// rules but not parsed by the action schema (anything from outside still is, in the core).
//
// What must stay true: each step below mirrors the session core (core.ts), the fold (fold.ts)
// and the bot scheduler (bots.ts) step for step. fastTrial.test.ts runs the same seeds, games,
// faults and schedules through both and compares every trial's result and message counts.

import type { AnyEngine, Effect, EngineCtx, Envelope, Games, SeatOut, SeatRules } from '../games/types';
import { planDrill } from '../net/drills';
import { applyFaultOp, type Faults, type FaultOp } from '../net/faults';
import { blockedBy, decide, isCrashed, type DropReason } from '../net/network';
import type { ScriptAction } from '../net/script';
import type { NodeId } from '../protocol/ids';
import type { NetStats } from '../protocol/views';
import { createRng, deriveSeed, type Rng } from '../rng';
import { emptyNetStats } from '../session/state';
import { BucketQueue, ItemHeap, type DueQueue } from './queue';
import { playTrial, type TrialEnd, type TrialSpec } from './runner';

export type FastOutcome = TrialEnd & {
  /** The whole session's network figures (the round's are in its result). */
  net: NetStats;
  /** The engine state of the last round that ended (as the session core keeps it in lastRound). */
  engineState: unknown;
};

const DELIVER = 0;
const TIMER = 1;
const BOT = 2;
/**
 * A message of a game played over seats (SeatRules): the queue item's kind is SEAT_MESSAGE plus
 * its round's number (a round's end forgets what is in flight), `a` the sender's seat, `b` the
 * receiver's seat times 16 plus the message's kind.
 */
const SEAT_MESSAGE = 3;

/** Rooms up to this many nodes keep their due items in one heap, bigger ones in buckets by moment. */
const SMALL_ROOM = 64;

interface Round {
  index: number;
  game: string;
  config: unknown;
  nodes: NodeId[];
  engine: AnyEngine;
  state: unknown;
  net: NetStats;
  /** The game's rules over seats, if it has them for this round. */
  seats: SeatRules | null;
}

/**
 * Round settings parsed, by the object they were parsed from: a simulation starts every
 * trial's round with the same settings object, and parsing it is deterministic.
 */
const parsedConfigs = new WeakMap<object, { engine: AnyEngine; parsed: { success: boolean; data?: unknown } }>();

function parseConfig(engine: AnyEngine, raw: unknown): { success: boolean; data?: unknown } {
  if (typeof raw !== 'object' || raw === null) return engine.config.safeParse(raw);
  const known = parsedConfigs.get(raw);
  if (known?.engine === engine) return known.parsed;
  const parsed = engine.config.safeParse(raw);
  parsedConfigs.set(raw, { engine, parsed });
  return parsed;
}

class FastSession {
  private readonly ids: NodeId[];
  /** Seats by id, for an id seatOf cannot read the number off (made on first use: a 100,000-node map otherwise). */
  private seatMap: Map<NodeId, number> | null = null;
  private readonly lamport: Int32Array;
  /** Seats with a bot turn queued; seats the faults crash (kept with the faults). */
  private readonly pending: Uint8Array;
  private readonly crashed: Uint8Array;
  private readonly netRng: Rng;
  private readonly drillRng: Rng;
  private readonly botRng: Rng;
  private readonly queue: DueQueue;
  private readonly item = { at: 0, kind: 0, a: 0, b: 0 };
  /**
   * In-flight envelopes by number less `envBase` (the first number of the round), with how
   * many of each one's copies are still on their way; settled ones are cleared.
   */
  private envs: (Envelope | undefined)[] = [];
  private copiesLeft: number[] = [];
  private envBase = 1;
  private nextEnvelope = 1;
  /** Timer keys by number (for the queue) and when each armed one fires (NaN: not armed). */
  private readonly timerKeys: string[] = [];
  private readonly timerIds = new Map<string, number>();
  private timerAt: number[] = [];
  /** No fault can touch a message (no loss, duplicates, jitter, crash, partition): decide() would draw nothing. */
  private plainNet = false;
  /** No seat is crashed (and none leaves the room in a simulation): every seat is up. */
  private everyoneUp = true;
  private readonly ends = { from: '', to: '' };
  private rounds = 0;
  faults: Faults;
  t = 0;
  round: Round | null = null;
  readonly net = emptyNetStats();
  lastResult: { result: unknown; endedAt: number } | null = null;
  lastState: unknown;
  private readonly gone = { has: (n: NodeId) => this.seatOf(n) < 0 };
  private readonly ctx: EngineCtx;
  /** The moment a seat rule runs at (the `now` the session core would apply its effects at). */
  private seatNow = 0;
  private readonly out: SeatOut = {
    send: (from, to, kind) => this.sendSeat(from, to, kind, this.seatNow),
    changed: (seat) => this.noteChangedSeat(seat, this.seatNow),
    accept: () => void this.stamp(this.seatNow),
    apply: (effects) => this.run(effects, this.seatNow),
    post: (from, to, kind, body) => this.send(from, to, kind, body, this.seatNow),
    timer: (key, delay) => this.setTimer(key, delay, this.seatNow),
    cancel: (key) => this.cancelTimer(key, this.seatNow),
    timerNumber: (key) => this.timerId(key),
    arm: (id, delay) => this.setTimerById(id, delay, this.seatNow),
    disarm: (id) => this.cancelTimerById(id, this.seatNow),
    mark: () => void this.stamp(this.seatNow),
  };

  constructor(
    private readonly spec: TrialSpec,
    private readonly games: Games,
  ) {
    const seed = spec.seed;
    this.netRng = createRng(deriveSeed(seed, 'net'));
    this.drillRng = createRng(deriveSeed(seed, 'drills'));
    this.botRng = createRng(deriveSeed(seed, 'bots'));
    // Same order either way; each is quicker for its size of room.
    this.queue = spec.nodes <= SMALL_ROOM ? takeHeap() : new BucketQueue();
    this.faults = spec.faults;
    this.ids = idsFor(spec.nodes);
    this.lamport = new Int32Array(spec.nodes);
    this.pending = new Uint8Array(spec.nodes);
    this.crashed = new Uint8Array(spec.nodes);
    this.markCrashed();
    this.ctx = { now: 0, nodes: this.ids, faults: this.faults, isDown: (node) => this.isDown(node), everyoneUp: true };
  }

  private time(now: number): number {
    return Math.max(now, this.t);
  }

  /** What every recorded event does to the session's clock. */
  private stamp(now: number): number {
    this.t = this.time(now);
    return this.t;
  }

  /**
   * The seat of a node id, or −1. Seats are named n1, n2 … (as the session names bots), so the
   * number is read off the id (cheaper than a lookup in a map of 100,000 ids); the map answers
   * for anything else.
   */
  private seatOf(node: NodeId): number {
    const len = node.length;
    if (len >= 2 && len <= 8 && node.charCodeAt(0) === 110) {
      let v = 0;
      for (let k = 1; k < len; k++) {
        const d = node.charCodeAt(k) - 48;
        if (d < 0 || d > 9) return this.seatByMap(node);
        v = v * 10 + d;
      }
      if (v >= 1 && this.ids[v - 1] === node) return v - 1;
    }
    return this.seatByMap(node);
  }

  private seatByMap(node: NodeId): number {
    this.seatMap ??= new Map(this.ids.map((id, i) => [id, i]));
    return this.seatMap.get(node) ?? -1;
  }

  private isDown(node: NodeId): boolean {
    const s = this.seatOf(node);
    return s < 0 || this.crashed[s] === 1;
  }

  /** The crashed seats, from the faults (isCrashed for each seat, once per change). */
  private markCrashed(): void {
    const f = this.faults;
    this.crashed.fill(0);
    this.everyoneUp = true;
    for (const n of f.crashed) {
      const s = this.seatOf(n);
      if (s >= 0 && isCrashed(f, n)) {
        this.crashed[s] = 1;
        this.everyoneUp = false;
      }
    }
    this.plainNet =
      f.loss === 0 &&
      f.dup === 0 &&
      f.latency.jitter === 0 &&
      f.crashed.length === 0 &&
      Object.keys(f.partition.groups).length === 0 &&
      Object.keys(f.linkLoss).length === 0;
  }

  private engineCtx(round: Round, now: number): EngineCtx {
    this.ctx.now = now;
    this.ctx.nodes = round.nodes;
    this.ctx.faults = this.faults;
    this.ctx.everyoneUp = this.everyoneUp;
    return this.ctx;
  }

  /** The trial is over: its heap (if it has one) serves the next trial. */
  release(): void {
    if (this.queue instanceof ItemHeap) {
      this.queue.clear();
      spareHeap = this.queue;
    }
  }

  nextWakeAt(): number | null {
    return this.queue.peekAt();
  }

  // ---- rounds (core.startRound, fold.startRound, core.endRound) ----

  startRound(now: number, game: string, raw: unknown): boolean {
    const engine = this.games.get(game)?.engine;
    if (!engine) return false;
    const parsed = parseConfig(engine, raw ?? {});
    if (!parsed.success || this.ids.length < engine.minNodes) return false;
    if (this.round) this.endRound(now);
    const index = ++this.rounds;
    const seed = deriveSeed(this.spec.seed, `round:${index}`);
    this.pending.fill(0);
    const t = this.stamp(now);
    const round: Round = {
      index,
      game,
      config: parsed.data,
      nodes: this.ids,
      engine,
      state: undefined,
      net: emptyNetStats(),
      seats: null,
    };
    this.round = round;
    const { state, effects } = engine.init(parsed.data, { ...this.engineCtx(round, t), seed });
    round.state = state;
    round.seats = engine.seats?.(state, round.nodes) ?? null;
    this.run(effects, now);
    return true;
  }

  /** The round ends (its reason is only recorded, and nothing is recorded here). */
  endRound(now: number): boolean {
    const round = this.round;
    if (!round) return false;
    settle(round);
    const result = round.engine.result(round.state, round.net, this.engineCtx(round, this.time(now)));
    this.stamp(now);
    this.lastResult = { result, endedAt: this.t };
    this.lastState = round.state;
    this.round = null;
    this.envs = [];
    this.copiesLeft = [];
    this.envBase = this.nextEnvelope;
    this.timerAt.fill(Number.NaN);
    // The round's end changes every view ('changed' all): with no round, no bot is woken.
    this.pending.fill(0);
    return true;
  }

  // ---- a bot's action (core.act) ----

  /**
   * A bot's action: built by the game's own bot from the state, so not parsed by the action
   * schema as anything from outside is (the live path does; the equivalence test would see a
   * bot whose action the schema refuses or changes); checked by the rules as any action is.
   */
  act(now: number, seat: number, node: NodeId, action: unknown): void {
    const round = this.round;
    if (!round || this.crashed[seat] === 1) return;
    settle(round);
    if (round.engine.check(round.state, node, action, this.engineCtx(round, this.time(now)))) return;
    const t = this.stamp(now);
    this.run(round.engine.act(round.state, node, action, this.engineCtx(round, t)), now);
  }

  // ---- effects (core.run) ----

  private run(effects: Effect[], now: number): void {
    let endReason = false;
    for (const e of effects) {
      switch (e.type) {
        case 'send':
          this.send(e.from, e.to, e.kind, e.body, now);
          break;
        case 'timer':
          this.setTimer(e.key, e.delay, now);
          break;
        case 'cancel':
          this.cancelTimer(e.key, now);
          break;
        case 'changed':
          this.noteChanged(e.nodes, now);
          break;
        case 'mark':
          this.stamp(now);
          break;
        case 'end':
          endReason = true;
          break;
      }
    }
    if (endReason && this.round) this.endRound(now);
  }

  private setTimer(key: string, delay: number, now: number): void {
    this.setTimerById(this.timerId(key), delay, now);
  }

  private setTimerById(id: number, delay: number, now: number): void {
    const at = this.time(now) + Math.max(0, delay);
    this.stamp(now);
    this.timerAt[id] = at;
    this.queue.push(at, TIMER, id, 0);
  }

  private cancelTimer(key: string, now: number): void {
    const id = this.timerIds.get(key);
    if (id !== undefined) this.cancelTimerById(id, now);
  }

  private cancelTimerById(id: number, now: number): void {
    if (!Number.isNaN(this.timerAt[id])) {
      this.stamp(now);
      this.timerAt[id] = Number.NaN;
    }
  }

  private timerId(key: string): number {
    let id = this.timerIds.get(key);
    if (id === undefined) {
      id = this.timerKeys.length;
      this.timerKeys.push(key);
      this.timerIds.set(key, id);
      this.timerAt.push(Number.NaN);
    }
    return id;
  }

  // ---- the network (core.send, fold.sent, fold.delivered) ----

  private send(fromId: NodeId, toId: NodeId, kind: string, body: unknown, now: number): void {
    const n = this.nextEnvelope++;
    const from = this.seatOf(fromId);
    const to = this.seatOf(toId);
    let at = 0;
    let at2: number | null = null;
    let reason: DropReason | null = null;
    if (this.plainNet) {
      // decide() with nothing to draw: the ends are seated (else "crashed"), it arrives after the base latency.
      if (from < 0 || to < 0) reason = 'crashed';
      else at = this.time(now) + this.faults.latency.base;
    } else {
      this.ends.from = fromId;
      this.ends.to = toId;
      const outcome = decide(this.ends, this.faults, this.netRng, this.time(now), this.gone);
      if (outcome.deliver) {
        at = outcome.at[0] as number;
        at2 = outcome.at[1] ?? null;
      } else reason = outcome.reason;
    }
    const t = this.stamp(now);
    let lamport = 1;
    if (from >= 0) {
      lamport = (this.lamport[from] as number) + 1;
      this.lamport[from] = lamport;
    }
    this.count('sent');
    if (reason !== null) {
      this.countDrop(reason);
      return;
    }
    const envelope: Envelope = { id: envelopeId(n), from: fromId, to: toId, kind, body, sentAt: t, lamport };
    const i = n - this.envBase;
    this.envs[i] = envelope;
    this.copiesLeft[i] = at2 === null ? 1 : 2;
    // The item's b is the receiver's seat (−1: none), for its Lamport clock.
    this.queue.push(at, DELIVER, i, to);
    if (at2 !== null) {
      this.net.duplicated++;
      if (this.round) this.round.net.duplicated++;
      this.queue.push(at2, DELIVER, i, to);
    }
  }

  /** send() for a message of a game played over seats: the same network model, no envelope. */
  private sendSeat(from: number, to: number, kind: number, now: number): void {
    const round = this.round as Round;
    let at = 0;
    let at2: number | null = null;
    let reason: DropReason | null = null;
    if (this.plainNet) at = this.time(now) + this.faults.latency.base;
    else {
      this.ends.from = this.ids[from] as NodeId;
      this.ends.to = this.ids[to] as NodeId;
      const outcome = decide(this.ends, this.faults, this.netRng, this.time(now), this.gone);
      if (outcome.deliver) {
        at = outcome.at[0] as number;
        at2 = outcome.at[1] ?? null;
      } else reason = outcome.reason;
    }
    this.stamp(now);
    // Envelope numbers and Lamport clocks are only read from a recording: neither is kept.
    this.nextEnvelope++;
    this.net.sent++;
    round.net.sent++;
    if (reason !== null) {
      this.countDrop(reason);
      return;
    }
    const kindOf = SEAT_MESSAGE + round.index;
    const b = to * 16 + kind;
    this.queue.push(at, kindOf, from, b);
    if (at2 !== null) {
      this.net.duplicated++;
      round.net.duplicated++;
      this.queue.push(at2, kindOf, from, b);
    }
  }

  private count(what: 'sent' | 'delivered'): void {
    this.net[what]++;
    if (this.round) this.round.net[what]++;
  }

  private countDrop(reason: DropReason): void {
    this.net.dropped[reason]++;
    if (this.round) this.round.net.dropped[reason]++;
  }

  // ---- time (core.advance, core.wake) ----

  advance(now: number): void {
    const item = this.item;
    while (this.queue.size && (this.queue.peekAt() as number) <= now) {
      this.queue.pop(item);
      this.wake(item.kind, item.a, item.b, item.at);
    }
  }

  /** advance() for each moment due before `limit` and not after `max`, while a round runs; the last moment run. */
  advanceBefore(limit: number, max: number): number | null {
    const item = this.item;
    const index = this.round?.index;
    let last: number | null = null;
    for (let at = this.queue.peekAt(); at !== null && at < limit && at <= max; at = this.queue.peekAt()) {
      // Between moments, as the trial loop would: stop once the round has ended.
      if (at !== last && last !== null && this.round?.index !== index) break;
      last = at;
      this.queue.pop(item);
      this.wake(item.kind, item.a, item.b, item.at);
    }
    return last;
  }

  private wake(kind: number, a: number, b: number, at: number): void {
    if (kind === DELIVER) {
      // Each copy is queued once; a round's end forgets what is in flight.
      const env = this.envs[a];
      if (!env) return;
      const reason = this.plainNet ? null : blockedBy(this.faults, env.from, env.to, this.gone);
      this.stamp(at);
      const left = (this.copiesLeft[a] as number) - 1;
      this.copiesLeft[a] = left;
      if (left === 0) this.envs[a] = undefined;
      if (reason) {
        this.countDrop(reason);
        return;
      }
      const to = b;
      if (to >= 0) this.lamport[to] = Math.max(this.lamport[to] as number, env.lamport) + 1;
      this.net.delivered++;
      const round = this.round;
      if (!round) return;
      round.net.delivered++;
      if (round.seats?.deliverEnvelope) {
        this.seatNow = at;
        round.seats.deliverEnvelope(env, this.engineCtx(round, this.t), this.out, to);
      } else {
        settle(round);
        this.run(round.engine.deliver(round.state, env, this.engineCtx(round, this.t)), at);
      }
    } else if (kind === TIMER) {
      if (this.timerAt[a] !== at) return;
      const key = this.timerKeys[a] as string;
      const t = this.stamp(at);
      this.timerAt[a] = Number.NaN;
      const round = this.round;
      if (!round) return;
      if (round.seats?.timer) {
        this.seatNow = at;
        round.seats.timer(key, this.engineCtx(round, t), this.out, a);
      } else {
        settle(round);
        this.run(round.engine.timer(round.state, key, this.engineCtx(round, t)), at);
      }
    } else if (kind === BOT) {
      this.turn(a, at);
    } else {
      this.wakeSeat(kind, a, b, at);
    }
  }

  /** A seat message arrives (the DELIVER branch above, without the envelope). */
  private wakeSeat(kind: number, from: number, b: number, at: number): void {
    const round = this.round;
    if (!round?.seats?.deliver || kind - SEAT_MESSAGE !== round.index) return;
    const to = b >> 4;
    const reason = this.plainNet ? null : blockedBy(this.faults, this.ids[from] as NodeId, this.ids[to] as NodeId, this.gone);
    this.stamp(at);
    if (reason) {
      this.countDrop(reason);
      return;
    }
    this.net.delivered++;
    round.net.delivered++;
    this.seatNow = at;
    round.seats.deliver(from, to, b & 15, this.engineCtx(round, this.t), this.out);
  }

  // ---- bots (bots.ts) ----

  private noteChanged(nodes: readonly NodeId[] | 'all', now: number): void {
    const round = this.round;
    if (!round) return;
    const list = nodes === 'all' ? round.nodes : nodes;
    const bySeat = list === this.ids;
    for (let i = 0; i < list.length; i++) {
      const s = bySeat ? i : this.seatOf(list[i] as NodeId);
      if (s < 0 || this.pending[s]) continue;
      this.pending[s] = 1;
      this.queue.push(this.time(now) + round.engine.botDelay(round.state, this.botRng), BOT, s, 0);
    }
  }

  /** noteChanged for one seat of the round (seat rules). */
  private noteChangedSeat(s: number, now: number): void {
    const round = this.round;
    if (!round || this.pending[s]) return;
    this.pending[s] = 1;
    this.queue.push(this.time(now) + round.engine.botDelay(round.state, this.botRng), BOT, s, 0);
  }

  private turn(s: number, now: number): void {
    this.pending[s] = 0;
    const round = this.round;
    if (!round || this.crashed[s] === 1) return;
    const engine = round.engine;
    if (round.seats?.botTurn) {
      this.seatNow = now;
      round.seats.botTurn(s, this.botRng, this.out);
      return;
    }
    // botIdle by seat, from the seat rules (no look-up by id).
    if (round.seats?.botIdle?.(s)) return;
    settle(round);
    const node = this.ids[s] as NodeId;
    // The game can tell that its bot would do nothing, or what it would do, without the view (bots.ts always builds it).
    if (engine.botIdle?.(round.state, node)) return;
    const ctx = { node, now: this.time(now), rng: this.botRng, config: round.config, nodes: round.nodes };
    const actions = engine.botAct ? engine.botAct(round.state, node, ctx) : engine.bot(engine.view(round.state, node), ctx);
    for (const action of actions) {
      if (this.round !== round) return;
      this.act(now, s, node, action);
    }
  }

  // ---- faults and scripted steps (core.runAction, core.applyFaults) ----

  private applyFaults(now: number, op: FaultOp): void {
    const prev = this.faults;
    this.faults = applyFaultOp(prev, op);
    this.markCrashed();
    const t = this.stamp(now);
    const round = this.round;
    if (round) settle(round);
    if (round?.engine.faultsChanged) this.run(round.engine.faultsChanged(round.state, prev, this.faults, this.engineCtx(round, t)), now);
    this.noteChanged('all', now);
  }

  leader(): NodeId | null {
    const round = this.round;
    if (!round?.engine.leader) return null;
    settle(round);
    return round.engine.leader(round.state);
  }

  runAction(now: number, action: ScriptAction): void {
    switch (action.do) {
      case 'start':
        this.startRound(now, action.game, action.config ?? {});
        return;
      case 'stop':
        this.endRound(now);
        return;
      case 'drill': {
        const plan = planDrill(action.name, {
          nodes: this.round ? this.round.nodes : this.ids,
          faults: this.faults,
          leader: this.leader(),
          rng: this.drillRng,
        });
        if (!('error' in plan)) this.applyFaults(now, plan.op);
        return;
      }
      case 'fault':
        if (nodesIn(action.op).every((n) => this.seatOf(n) >= 0)) this.applyFaults(now, action.op);
        return;
      case 'restart':
        if (this.faults.crashed.length) this.applyFaults(now, { op: 'restart', nodes: [...this.faults.crashed] });
        return;
      case 'crash': {
        let nodes: NodeId[];
        if (action.who === 'leader') {
          const leader = this.leader();
          if (!leader) return;
          nodes = [leader];
        } else {
          const pool = this.round ? this.round.nodes : this.ids;
          nodes = this.drillRng.sample(
            pool.filter((n) => !this.isDown(n)),
            action.who,
          );
          if (nodes.length === 0) return;
        }
        this.applyFaults(now, { op: 'crash', nodes });
      }
    }
  }
}

/** What the round's seat rules keep aside goes into its state (before anything else reads the state). */
function settle(round: Round): void {
  round.seats?.settle?.();
}

function nodesIn(op: FaultOp): NodeId[] {
  switch (op.op) {
    case 'split':
      return op.groups.flat();
    case 'move':
    case 'isolate':
    case 'crash':
    case 'restart':
      return op.nodes;
    case 'linkLoss':
      return [op.from, op.to];
    default:
      return [];
  }
}

/** Envelope ids by number ("m1", "m2" …): every trial numbers its envelopes from 1, so the same strings serve them all. */
const envelopeIds: string[] = ['m0'];
const ENVELOPE_IDS_KEPT = 1 << 16;

function envelopeId(n: number): string {
  if (n >= ENVELOPE_IDS_KEPT) return `m${n}`;
  while (envelopeIds.length <= n) envelopeIds.push(`m${envelopeIds.length}`);
  return envelopeIds[n] as string;
}

/** The ids of the last room size asked for: a simulation's trials all have the same nodes (nothing changes the list). */
let lastIds: readonly NodeId[] = [];

function idsFor(nodes: number): NodeId[] {
  if (lastIds.length !== nodes) lastIds = Object.freeze(Array.from({ length: nodes }, (_, i) => `n${i + 1}`));
  return lastIds as NodeId[];
}

/** The last small trial's heap, emptied: a simulation plays thousands of small trials one after another. */
let spareHeap: ItemHeap | null = null;

function takeHeap(): ItemHeap {
  const heap = spareHeap ?? new ItemHeap();
  spareHeap = null;
  return heap;
}

/** Plays one trial as `runTrial` does (same seed, same result), recording nothing. */
export function runFastTrial(spec: TrialSpec, games: Games): FastOutcome {
  if (!games.has(spec.game)) throw new Error(`unknown game "${spec.game}"`);
  const s = new FastSession(spec, games);
  if (!s.startRound(0, spec.game, spec.config)) throw new Error(`the ${spec.game} round could not start`);
  const index = 1;
  // The trial's round, as the loop asks for it at every step (its state object is the round's for good).
  const running = { engineState: s.round?.state };
  const end = playTrial(spec, {
    nextWakeAt: () => s.nextWakeAt(),
    advance: (now) => s.advance(now),
    advanceBefore: (limit, max) => s.advanceBefore(limit, max),
    runAction: (now, action) => s.runAction(now, action),
    crash: (now, node) => s.runAction(now, { do: 'fault', op: { op: 'crash', nodes: [node] } }),
    running: () => {
      const round = s.round;
      if (round?.index !== index) return undefined;
      // The trial's goal reads the state.
      if (spec.done) settle(round);
      return running;
    },
    leader: () => s.leader(),
    endRound: (now) => (s.endRound(now) ? (s.lastResult?.result ?? null) : null),
    time: () => s.t,
    lastRound: () => s.lastResult,
  });
  s.release();
  return { ...end, net: s.net, engineState: s.lastState };
}
