// The simulator's fast path: a trial whose recording nobody keeps. It plays the same engines
// through the same network model (decide, blockedBy, the fault operations and drills) as the
// session core, in the same order, drawing the same random numbers from the same streams, so
// a seed gives the same trial; what it skips is what only a recording or a screen reads:
// no event objects and no fold, no per-node records, timers and envelopes in flat arrays by
// number, node ids turned into seats once, and a queue of due items kept in parallel arrays.
//
// What must stay true: each step below mirrors the session core (core.ts), the fold (fold.ts)
// and the bot scheduler (bots.ts) step for step. fastTrial.test.ts runs the same seeds, games,
// faults and schedules through both and compares every trial's result and message counts.

import type { AnyEngine, Effect, EngineCtx, Envelope, Games } from '../games/types';
import { planDrill } from '../net/drills';
import { applyFaultOp, type Faults, type FaultOp } from '../net/faults';
import { blockedBy, decide, isCrashed, type DropReason } from '../net/network';
import type { ScriptAction } from '../net/script';
import type { NodeId } from '../protocol/ids';
import type { NetStats } from '../protocol/views';
import { createRng, deriveSeed, type Rng } from '../rng';
import { emptyNetStats } from '../session/state';
import { playTrial, type TrialEnd, type TrialSpec } from './runner';

export type FastOutcome = TrialEnd & {
  /** The whole session's network figures (the round's are in its result). */
  net: NetStats;
};

const DELIVER = 0;
const TIMER = 1;
const BOT = 2;

/** Due items ordered by time, then by the order they were queued (as the session's WakeQueue). */
class FlatQueue {
  private at: number[] = [];
  private order: number[] = [];
  private kind: number[] = [];
  private a: number[] = [];
  private b: number[] = [];
  private counter = 0;
  size = 0;

  push(at: number, kind: number, a: number, b: number): void {
    let i = this.size++;
    const order = this.counter++;
    // Sift up, moving parents down into the hole.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pa = this.at[p] as number;
      if (pa < at || (pa === at && (this.order[p] as number) < order)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, at, order, kind, a, b);
  }

  peekAt(): number | null {
    return this.size ? (this.at[0] as number) : null;
  }

  /** Removes the earliest item into `out` (at, kind, a, b). */
  pop(out: { at: number; kind: number; a: number; b: number }): void {
    out.at = this.at[0] as number;
    out.kind = this.kind[0] as number;
    out.a = this.a[0] as number;
    out.b = this.b[0] as number;
    const last = --this.size;
    if (last === 0) return;
    const at = this.at[last] as number;
    const order = this.order[last] as number;
    const kind = this.kind[last] as number;
    const a = this.a[last] as number;
    const b = this.b[last] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      let m = l;
      if (r < last && this.less(r, l)) m = r;
      const ma = this.at[m] as number;
      if (at < ma || (at === ma && order < (this.order[m] as number))) break;
      this.move(m, i);
      i = m;
    }
    this.set(i, at, order, kind, a, b);
  }

  private less(i: number, j: number): boolean {
    const x = this.at[i] as number;
    const y = this.at[j] as number;
    return x < y || (x === y && (this.order[i] as number) < (this.order[j] as number));
  }

  private move(from: number, to: number): void {
    this.at[to] = this.at[from] as number;
    this.order[to] = this.order[from] as number;
    this.kind[to] = this.kind[from] as number;
    this.a[to] = this.a[from] as number;
    this.b[to] = this.b[from] as number;
  }

  private set(i: number, at: number, order: number, kind: number, a: number, b: number): void {
    this.at[i] = at;
    this.order[i] = order;
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
  }
}

interface Round {
  index: number;
  game: string;
  config: unknown;
  nodes: NodeId[];
  engine: AnyEngine;
  state: unknown;
  net: NetStats;
}

class FastSession {
  private readonly ids: NodeId[];
  private readonly seat = new Map<NodeId, number>();
  private readonly lamport: Int32Array;
  /** Seats with a bot turn queued; seats the faults crash (kept with the faults). */
  private readonly pending: Uint8Array;
  private readonly crashed: Uint8Array;
  private readonly netRng: Rng;
  private readonly drillRng: Rng;
  private readonly botRng: Rng;
  private readonly queue = new FlatQueue();
  private readonly item = { at: 0, kind: 0, a: 0, b: 0 };
  /** In-flight envelopes by number, with each copy's arrival (null once settled). */
  private envs: (Envelope | undefined)[] = [];
  private pendingAt: ((number | null)[] | undefined)[] = [];
  private nextEnvelope = 1;
  /** Armed timers: key → when it fires; and the keys by number, for the queue. */
  private timers = new Map<string, number>();
  private readonly timerKeys: string[] = [];
  private readonly timerIds = new Map<string, number>();
  private rounds = 0;
  faults: Faults;
  t = 0;
  round: Round | null = null;
  readonly net = emptyNetStats();
  lastResult: { result: unknown; endedAt: number } | null = null;
  private readonly gone = { has: (n: NodeId) => !this.seat.has(n) };
  private readonly ctx: EngineCtx;

  constructor(
    private readonly spec: TrialSpec,
    private readonly games: Games,
  ) {
    const seed = spec.seed;
    this.netRng = createRng(deriveSeed(seed, 'net'));
    this.drillRng = createRng(deriveSeed(seed, 'drills'));
    this.botRng = createRng(deriveSeed(seed, 'bots'));
    this.faults = spec.faults;
    this.ids = Array.from({ length: spec.nodes }, (_, i) => `n${i + 1}`);
    for (const [i, id] of this.ids.entries()) this.seat.set(id, i);
    this.lamport = new Int32Array(spec.nodes);
    this.pending = new Uint8Array(spec.nodes);
    this.crashed = new Uint8Array(spec.nodes);
    this.markCrashed();
    this.ctx = { now: 0, nodes: this.ids, faults: this.faults, isDown: (node) => this.isDown(node) };
  }

  private time(now: number): number {
    return Math.max(now, this.t);
  }

  /** What every recorded event does to the session's clock. */
  private stamp(now: number): number {
    this.t = this.time(now);
    return this.t;
  }

  private isDown(node: NodeId): boolean {
    const s = this.seat.get(node);
    return s === undefined || this.crashed[s] === 1;
  }

  /** The crashed seats, from the faults (isCrashed for each seat, once per change). */
  private markCrashed(): void {
    this.crashed.fill(0);
    for (const n of this.faults.crashed) {
      const s = this.seat.get(n);
      if (s !== undefined && isCrashed(this.faults, n)) this.crashed[s] = 1;
    }
  }

  private engineCtx(round: Round, now: number): EngineCtx {
    this.ctx.now = now;
    this.ctx.nodes = round.nodes;
    this.ctx.faults = this.faults;
    return this.ctx;
  }

  nextWakeAt(): number | null {
    return this.queue.peekAt();
  }

  // ---- rounds (core.startRound, fold.startRound, core.endRound) ----

  startRound(now: number, game: string, raw: unknown): boolean {
    const engine = this.games.get(game)?.engine;
    if (!engine) return false;
    const parsed = engine.config.safeParse(raw ?? {});
    if (!parsed.success || this.ids.length < engine.minNodes) return false;
    if (this.round) this.endRound(now);
    const index = ++this.rounds;
    const seed = deriveSeed(this.spec.seed, `round:${index}`);
    this.pending.fill(0);
    const t = this.stamp(now);
    const round: Round = { index, game, config: parsed.data, nodes: this.ids, engine, state: undefined, net: emptyNetStats() };
    this.round = round;
    const { state, effects } = engine.init(parsed.data, { ...this.engineCtx(round, t), seed });
    round.state = state;
    this.run(effects, now);
    return true;
  }

  /** The round ends (its reason is only recorded, and nothing is recorded here). */
  endRound(now: number): boolean {
    const round = this.round;
    if (!round) return false;
    const result = round.engine.result(round.state, round.net, this.engineCtx(round, this.time(now)));
    this.stamp(now);
    this.lastResult = { result, endedAt: this.t };
    this.round = null;
    this.envs = [];
    this.pendingAt = [];
    this.timers = new Map();
    // The round's end changes every view ('changed' all): with no round, no bot is woken.
    this.pending.fill(0);
    return true;
  }

  // ---- a bot's action (core.act) ----

  act(now: number, node: NodeId, raw: unknown): void {
    const round = this.round;
    if (!round || this.isDown(node)) return;
    const parsed = round.engine.action.safeParse(raw);
    if (!parsed.success) return;
    if (round.engine.check(round.state, node, parsed.data, this.engineCtx(round, this.time(now)))) return;
    const t = this.stamp(now);
    this.run(round.engine.act(round.state, node, parsed.data, this.engineCtx(round, t)), now);
  }

  // ---- effects (core.run) ----

  private run(effects: Effect[], now: number): void {
    let endReason = false;
    for (const e of effects) {
      switch (e.type) {
        case 'send':
          this.send(e, now);
          break;
        case 'timer': {
          const at = this.time(now) + Math.max(0, e.delay);
          this.stamp(now);
          this.timers.set(e.key, at);
          this.queue.push(at, TIMER, this.timerId(e.key), 0);
          break;
        }
        case 'cancel':
          if (this.timers.has(e.key)) {
            this.stamp(now);
            this.timers.delete(e.key);
          }
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

  private timerId(key: string): number {
    let id = this.timerIds.get(key);
    if (id === undefined) {
      id = this.timerKeys.length;
      this.timerKeys.push(key);
      this.timerIds.set(key, id);
    }
    return id;
  }

  // ---- the network (core.send, fold.sent, fold.delivered) ----

  private send(e: Extract<Effect, { type: 'send' }>, now: number): void {
    const n = this.nextEnvelope++;
    const env = { id: `m${n}`, from: e.from, to: e.to, kind: e.kind, body: e.body };
    const outcome = decide(env, this.faults, this.netRng, this.time(now), this.gone);
    const t = this.stamp(now);
    const from = this.seat.get(e.from);
    let lamport = 1;
    if (from !== undefined) {
      lamport = (this.lamport[from] ?? 0) + 1;
      this.lamport[from] = lamport;
    }
    this.count('sent');
    if (!outcome.deliver) {
      this.countDrop(outcome.reason);
      return;
    }
    const envelope: Envelope = { id: env.id, from: env.from, to: env.to, kind: env.kind, body: env.body, sentAt: t, lamport };
    if (outcome.at.length > 1) {
      this.net.duplicated += outcome.at.length - 1;
      if (this.round) this.round.net.duplicated += outcome.at.length - 1;
    }
    this.envs[n] = envelope;
    this.pendingAt[n] = outcome.at.slice();
    for (const [copy, at] of outcome.at.entries()) this.queue.push(at, DELIVER, n, copy);
  }

  private count(what: 'sent' | 'delivered'): void {
    this.net[what]++;
    if (this.round) this.round.net[what]++;
  }

  private countDrop(reason: DropReason): void {
    this.net.dropped[reason]++;
    if (this.round) this.round.net.dropped[reason]++;
  }

  private settle(n: number, copy: number): void {
    const pending = this.pendingAt[n];
    if (!pending) return;
    if (copy < pending.length) pending[copy] = null;
    if (pending.every((at) => at === null)) {
      this.envs[n] = undefined;
      this.pendingAt[n] = undefined;
    }
  }

  // ---- time (core.advance, core.wake) ----

  advance(now: number): void {
    const item = this.item;
    while (this.queue.size && (this.queue.peekAt() as number) <= now) {
      this.queue.pop(item);
      this.wake(item.kind, item.a, item.b, item.at);
    }
  }

  private wake(kind: number, a: number, b: number, at: number): void {
    if (kind === DELIVER) {
      const env = this.envs[a];
      const pending = this.pendingAt[a];
      if (!env || !pending || pending[b] == null) return;
      const reason = blockedBy(this.faults, env.from, env.to, this.gone);
      this.stamp(at);
      this.settle(a, b);
      if (reason) {
        this.countDrop(reason);
        return;
      }
      const to = this.seat.get(env.to);
      if (to !== undefined) this.lamport[to] = Math.max(this.lamport[to] as number, env.lamport) + 1;
      this.net.delivered++;
      const round = this.round;
      if (!round) return;
      round.net.delivered++;
      this.run(round.engine.deliver(round.state, env, this.engineCtx(round, this.t)), at);
    } else if (kind === TIMER) {
      const key = this.timerKeys[a] as string;
      if (this.timers.get(key) !== at) return;
      const t = this.stamp(at);
      this.timers.delete(key);
      const round = this.round;
      if (!round) return;
      this.run(round.engine.timer(round.state, key, this.engineCtx(round, t)), at);
    } else if (kind === BOT) {
      this.turn(a, at);
    }
  }

  // ---- bots (bots.ts) ----

  private noteChanged(nodes: readonly NodeId[] | 'all', now: number): void {
    const round = this.round;
    if (!round) return;
    const list = nodes === 'all' ? round.nodes : nodes;
    for (const n of list) {
      const s = this.seat.get(n);
      if (s === undefined || this.pending[s]) continue;
      this.pending[s] = 1;
      this.queue.push(this.time(now) + round.engine.botDelay(round.state, this.botRng), BOT, s, 0);
    }
  }

  private turn(s: number, now: number): void {
    this.pending[s] = 0;
    const round = this.round;
    const node = this.ids[s] as NodeId;
    if (!round || this.crashed[s] === 1) return;
    const engine = round.engine;
    // The game can tell that its bot would do nothing: the view is not built (bots.ts always builds it).
    if (engine.botIdle?.(round.state, node)) return;
    const actions = engine.bot(engine.view(round.state, node), {
      node,
      now: this.time(now),
      rng: this.botRng,
      config: round.config,
      nodes: round.nodes,
    });
    for (const action of actions) {
      if (this.round !== round) return;
      this.act(now, node, action);
    }
  }

  // ---- faults and scripted steps (core.runAction, core.applyFaults) ----

  private applyFaults(now: number, op: FaultOp): void {
    const prev = this.faults;
    this.faults = applyFaultOp(prev, op);
    this.markCrashed();
    const t = this.stamp(now);
    const round = this.round;
    if (round?.engine.faultsChanged) this.run(round.engine.faultsChanged(round.state, prev, this.faults, this.engineCtx(round, t)), now);
    this.noteChanged('all', now);
  }

  leader(): NodeId | null {
    const round = this.round;
    return round?.engine.leader ? round.engine.leader(round.state) : null;
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
        if (nodesIn(action.op).every((n) => this.seat.has(n))) this.applyFaults(now, action.op);
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

/** Plays one trial as `runTrial` does (same seed, same result), recording nothing. */
export function runFastTrial(spec: TrialSpec, games: Games): FastOutcome {
  if (!games.has(spec.game)) throw new Error(`unknown game "${spec.game}"`);
  const s = new FastSession(spec, games);
  if (!s.startRound(0, spec.game, spec.config)) throw new Error(`the ${spec.game} round could not start`);
  const index = 1;
  const end = playTrial(spec, {
    nextWakeAt: () => s.nextWakeAt(),
    advance: (now) => s.advance(now),
    runAction: (now, action) => s.runAction(now, action),
    crash: (now, node) => s.runAction(now, { do: 'fault', op: { op: 'crash', nodes: [node] } }),
    running: () => (s.round?.index === index ? { engineState: s.round.state } : undefined),
    leader: () => s.leader(),
    endRound: (now) => (s.endRound(now) ? (s.lastResult?.result ?? null) : null),
    time: () => s.t,
    lastRound: () => s.lastResult,
  });
  return { ...end, net: s.net };
}
