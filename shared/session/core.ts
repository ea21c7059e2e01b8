// The session core orders a room's inputs and applies their effects. It is deterministic:
// the host passes the time into every call, randomness comes from seeded streams, and every
// change becomes an event that is recorded (through `record`) and then folded. The live
// server drives it with the real clock, tests and the simulator with virtual time. The games a
// room may play are handed in (`games`): the core never looks a game up anywhere else.

import type { AnyEngine, Effect, Games } from '../games/types';
import { applyFaultOp, describeFaultOp, type FaultOp } from '../net/faults';
import { DRILL_IMPOSSIBLE, planDrill, DRILLS, type DrillName } from '../net/drills';
import type { ScriptAction } from '../net/script';
import { blockedBy, decide } from '../net/network';
import { checkNickname, NICKNAME_MAX, type NodeId } from '../protocol/ids';
import type { Language } from '../protocol/languages';
import { describeNotice } from '../protocol/notice';
import { fail, formatIssues, ok, type Result } from '../protocol/result';
import { createRng, deriveSeed, type Rng } from '../rng';
import { BotScheduler } from './bots';
import type { EventPayloads, EventType, NodeKind, RecordingHeader, SessionEvent } from '../protocol/recordingFormat';
import { engineCtx, step } from './fold';
import { ScriptRunner } from './scripts';
import { activeNodes, createSessionState, inRound, isGone, isNodeDown, type SessionState } from './state';
import { WakeQueue, type Wake } from './wakeQueue';

export type Recorder = (event: SessionEvent) => void;

/** Nodes whose phones need a fresh view (all of them when `all`). */
export interface Changes {
  all: boolean;
  nodes: Set<NodeId>;
}

export class SessionCore {
  readonly state: SessionState;
  private readonly queue = new WakeQueue();
  private readonly netRng: Rng;
  private readonly drillRng: Rng;
  private readonly bots: BotScheduler;
  private readonly scripts: ScriptRunner;
  private changes: Changes = { all: false, nodes: new Set() };
  private readonly gone = { has: (n: NodeId) => isGone(this.state, n) };
  /** Lower-cased nicknames of active nodes: joins stay constant-time in huge simulations. */
  private readonly names = new Map<string, NodeId>();

  /** A new session: nothing has happened yet. */
  static create(header: RecordingHeader, games: Games, record: Recorder): SessionCore {
    return new SessionCore(createSessionState(header), games, record);
  }

  /**
   * A session restored from the fold of its recording (`state`): what was in flight or armed
   * is queued again, relative to the times the recording gave it.
   */
  static restore(state: SessionState, games: Games, record: Recorder): SessionCore {
    return new SessionCore(state, games, record);
  }

  private constructor(
    state: SessionState,
    readonly games: Games,
    private readonly record: Recorder,
  ) {
    this.state = state;
    // A live session keeps no vector clocks (SessionState.vectors): the replay derives them.
    if (state.vectors) {
      state.vectors = false;
      for (const clock of Object.values(state.clocks)) clock.vector = {};
    }
    const seed = this.state.header.seed;
    // Restored sessions continue with fresh streams keyed by how far the log got.
    const salt = this.state.seq === 0 ? '' : `@${this.state.seq}`;
    this.netRng = createRng(deriveSeed(seed, `net${salt}`));
    this.drillRng = createRng(deriveSeed(seed, `drills${salt}`));
    const time = (now: number) => this.time(now);
    this.bots = new BotScheduler(
      {
        state,
        time,
        engine: () => this.engine(),
        wakeAt: (at, node) => this.queue.push(at, { type: 'bot', node }),
        act: (now, node, action, by) => this.act(now, node, action, by),
      },
      createRng(deriveSeed(seed, `bots${salt}`)),
    );
    this.scripts = new ScriptRunner({
      state,
      time,
      apply: (now, type, payload) => this.apply(now, type, payload),
      wakeAt: (at) => this.queue.push(at, { type: 'script' }),
      runAction: (now, action) => this.runAction(now, action),
    });
    for (const id of activeNodes(state)) {
      const rec = state.nodes[id];
      if (rec) this.names.set(rec.nickname.toLocaleLowerCase(), id);
    }
    for (const [id, f] of Object.entries(state.inFlight)) {
      for (const [copy, at] of f.pending.entries()) if (at !== null) this.queue.push(at, { type: 'deliver', id, copy });
    }
    for (const [key, timer] of Object.entries(state.timers)) this.queue.push(timer.at, { type: 'timer', key });
    this.scripts.queueNext();
    if (state.round) this.noteChanged('all', state.t);
  }

  // ---- the room -----------------------------------------------------------------------

  join(now: number, nickname: string, kind: NodeKind = 'human', tokenHash?: string): Result<{ node: NodeId }> {
    const s = this.state;
    if (s.ended) return fail('room_ended', 'This session has ended.');
    if (s.locked && kind === 'human') return fail('room_locked', 'The instructor has locked this room.');
    if (s.active >= s.header.capacity) {
      return fail('room_full', `This room is full (${s.header.capacity} nodes).`, { capacity: s.header.capacity });
    }
    const checked = checkNickname(nickname);
    if (!checked.ok) {
      if (checked.problem === 'too_long')
        return fail('nickname_too_long', `A nickname has at most ${NICKNAME_MAX} characters.`, { max: NICKNAME_MAX });
      return fail(
        'nickname_invalid',
        checked.problem === 'empty'
          ? 'Pick a nickname with at least one visible character.'
          : 'A nickname cannot contain control characters.',
        { problem: checked.problem },
      );
    }
    const name = checked.name;
    if (this.nicknameTaken(name)) return fail('nickname_taken', `Someone here is already called "${name}".`, { nickname: name });
    const node = `n${s.order.length + 1}`;
    this.apply(now, 'node:joined', { node, nickname: name, kind, ...(tokenHash ? { tokenHash } : {}) });
    return ok({ node });
  }

  nicknameTaken(name: string): boolean {
    return this.names.has(name.toLocaleLowerCase());
  }

  connected(now: number, node: NodeId, on: boolean): void {
    const rec = this.state.nodes[node];
    if (rec?.status !== 'active' || rec.connected === on || rec.kind === 'bot') return;
    this.apply(now, on ? 'node:connected' : 'node:disconnected', { node });
  }

  kick(now: number, node: NodeId): Result<null> {
    if (this.state.nodes[node]?.status !== 'active') return fail('unknown_node', `There is no node ${node} in this room.`);
    this.apply(now, 'node:kicked', { node });
    this.noteChanged([node], now);
    return ok(null);
  }

  leave(now: number, node: NodeId): void {
    if (this.state.nodes[node]?.status === 'active') this.apply(now, 'node:left', { node });
  }

  setAutopilot(now: number, node: NodeId, on: boolean): Result<null> {
    const rec = this.state.nodes[node];
    if (rec?.status !== 'active') return fail('unknown_node', `There is no node ${node} in this room.`);
    if (rec.kind === 'bot') return fail('is_bot', 'A bot is always on autopilot.');
    if (rec.autopilot !== on) this.run(this.apply(now, 'node:autopilot', { node, on }), now);
    return ok(null);
  }

  addBots(now: number, count: number): Result<{ nodes: NodeId[] }> {
    const nodes: NodeId[] = [];
    let k = 1;
    for (let i = 0; i < count; i++) {
      while (this.nicknameTaken(`Bot ${k}`)) k++;
      const r = this.join(now, `Bot ${k}`, 'bot');
      if (!r.ok) return nodes.length ? ok({ nodes }) : r;
      nodes.push(r.data.node);
    }
    return ok({ nodes });
  }

  /** Removes the most recently added bots. */
  removeBots(now: number, count: number): Result<{ nodes: NodeId[] }> {
    const bots = activeNodes(this.state).filter((id) => this.state.nodes[id]?.kind === 'bot');
    const gone = bots.slice(Math.max(0, bots.length - count));
    for (const node of gone) this.leave(now, node);
    return ok({ nodes: gone });
  }

  lock(now: number, locked: boolean): void {
    if (this.state.locked === locked) return;
    this.apply(now, 'room:locked', { locked });
    this.roomPartChanged();
  }

  setLanguage(now: number, language: Language | null): void {
    if (this.state.language === language) return;
    this.apply(now, 'room:language', { language });
    this.roomPartChanged();
  }

  /** Cluster mode: a process took the room with this fencing token (recorded, changes nothing else). */
  owner(now: number, fence: number): void {
    this.apply(now, 'room:owner', { fence });
  }

  end(now: number, reason = 'instructor'): void {
    if (this.state.ended) return;
    if (this.state.round) this.endRound(now, 'session_ended');
    this.apply(now, 'session:ended', { reason });
    this.queue.clear();
    this.noteChanged('all', now);
  }

  // ---- the network --------------------------------------------------------------------

  changeFaults(now: number, op: FaultOp): Result<null> {
    const unknown = nodesIn(op).filter((n) => !this.state.nodes[n]);
    if (unknown.length) return fail('unknown_node', `No such node: ${unknown.join(', ')}.`);
    this.applyFaults(now, op);
    return ok(null);
  }

  drill(now: number, name: DrillName): Result<{ text: string }> {
    const round = this.state.round;
    const plan = planDrill(name, {
      nodes: round ? round.spec.nodes.filter((n) => !isGone(this.state, n)) : activeNodes(this.state),
      faults: this.state.faults,
      leader: this.leader(),
      rng: this.drillRng,
    });
    if ('error' in plan) return fail('drill_impossible', DRILL_IMPOSSIBLE[plan.error], { why: plan.error, drill: name });
    this.applyFaults(now, plan.op, name);
    return ok({ text: `${DRILLS[name]}: ${this.describe(plan.op)}` });
  }

  /** Freezes the network: nothing is delivered and no timer fires until `resume`. */
  pause(now: number): void {
    if (this.state.pausedAt !== null) return;
    this.apply(now, 'net:paused', {});
    this.noteChanged('all', now);
  }

  resume(now: number): void {
    const since = this.state.pausedAt;
    if (since === null) return;
    const shift = Math.max(0, this.time(now) - since);
    this.apply(now, 'net:resumed', { shift });
    this.queue.shift(shift);
    this.noteChanged('all', now);
  }

  // ---- scripted drills ------------------------------------------------------------------

  /** Starts a drill script (replacing a running one); its first step may run at once. */
  startScript(now: number, raw: unknown): Result<null> {
    return this.scripts.start(now, raw);
  }

  stopScript(now: number, reason = 'instructor'): Result<null> {
    return this.scripts.stop(now, reason);
  }

  /** One step of a script, or of the simulator's fault schedule. */
  runAction(now: number, action: ScriptAction): Result<unknown> {
    switch (action.do) {
      case 'start':
        return this.startRound(now, action.game, action.config ?? {});
      case 'stop':
        return this.endRound(now, 'drill');
      case 'drill':
        return this.drill(now, action.name);
      case 'fault':
        return this.changeFaults(now, action.op);
      case 'restart':
        if (this.state.faults.crashed.length === 0) return ok(null);
        return this.changeFaults(now, { op: 'restart', nodes: [...this.state.faults.crashed] });
      case 'crash': {
        let nodes: NodeId[];
        if (action.who === 'leader') {
          const leader = this.leader();
          if (!leader) return fail('no_leader', 'There is no leader to crash right now.');
          nodes = [leader];
        } else {
          const round = this.state.round;
          const pool = round ? round.spec.nodes : activeNodes(this.state);
          nodes = this.drillRng.sample(
            pool.filter((n) => !isNodeDown(this.state, n)),
            action.who,
          );
          if (nodes.length === 0) return fail('no_nodes', 'Every node is already down.');
        }
        return this.changeFaults(now, { op: 'crash', nodes });
      }
    }
  }

  // ---- rounds -------------------------------------------------------------------------

  startRound(now: number, game: string, rawConfig: unknown = {}): Result<{ index: number }> {
    const s = this.state;
    if (s.ended) return fail('room_ended', 'This session has ended.');
    const engine = this.games.get(game)?.engine;
    if (!engine) return fail('unknown_game', `There is no game called "${game}".`, { game });
    const parsed = engine.config.safeParse(rawConfig ?? {});
    if (!parsed.success) return fail('bad_config', formatIssues(parsed.error.issues, 'config'));
    const nodes = activeNodes(s);
    if (nodes.length < engine.minNodes) {
      return fail('not_enough_nodes', `${engine.title} needs at least ${engine.minNodes} nodes; the room has ${nodes.length}.`, {
        game,
        min: engine.minNodes,
        have: nodes.length,
      });
    }
    if (s.round) this.endRound(now, 'replaced');
    const index = s.rounds.length + 1;
    const seed = deriveSeed(s.header.seed, `round:${index}`);
    this.bots.clear();
    this.run(this.apply(now, 'round:started', { round: { index, game, config: parsed.data, seed, nodes } }), now);
    return ok({ index });
  }

  endRound(now: number, reason = 'instructor'): Result<{ result: unknown }> {
    const round = this.state.round;
    if (!round) return fail('no_round', 'No round is running.');
    const engine = this.engine();
    const result = engine.result(round.engineState, round.net, engineCtx(this.state, round, this.time(now)));
    this.run(this.apply(now, 'round:ended', { index: round.spec.index, reason, result }), now);
    this.bots.clear();
    return ok({ result });
  }

  /** A node asks to act: the action is parsed, checked by the game, then recorded. */
  act(now: number, node: NodeId, rawAction: unknown, by: 'node' | 'bot' = 'node'): Result<null> {
    const round = this.state.round;
    if (this.state.nodes[node]?.status !== 'active') return fail('not_in_room', 'You are not in this room.');
    if (!round) return fail('no_round', 'No round is running: wait for the instructor to start one.');
    if (!inRound(round.spec, node)) {
      return fail('not_in_round', 'You joined after this round started: you will play in the next one.');
    }
    if (isNodeDown(this.state, node)) return fail('crashed', 'Your node is crashed: it can do nothing until the instructor restarts it.');
    const engine = this.engine();
    const parsed = engine.action.safeParse(rawAction);
    if (!parsed.success) return fail('bad_action', formatIssues(parsed.error.issues, 'action'));
    const ctx = engineCtx(this.state, round, this.time(now));
    const rejected = engine.check(round.engineState, node, parsed.data, ctx);
    if (rejected) return fail(rejected.code, describeNotice(rejected), rejected.params);
    this.run(this.apply(now, 'node:acted', { node, action: parsed.data, by }), now);
    return ok(null);
  }

  // ---- time ---------------------------------------------------------------------------

  /** When the host must next call `advance`, or null if nothing is due (or the net is paused). */
  nextWakeAt(): number | null {
    return this.state.pausedAt === null ? this.queue.peekAt() : null;
  }

  /** Processes everything due at or before `now`, in time order. */
  advance(now: number): void {
    while (this.state.pausedAt === null) {
      const item = this.queue.popDue(now);
      if (!item) return;
      this.wake(item.wake, item.at);
    }
  }

  /** Nodes whose views changed since the last call. */
  takeChanges(): Changes {
    const c = this.changes;
    this.changes = { all: false, nodes: new Set() };
    return c;
  }

  // ---- internals ----------------------------------------------------------------------

  private engine(): AnyEngine {
    const game = this.state.round?.spec.game ?? '';
    const engine = this.games.get(game)?.engine;
    if (!engine) throw new Error(`unknown game "${game}"`);
    return engine;
  }

  /** The node a drill means by "the leader": the running game's, if it has one. */
  private leader(): NodeId | null {
    const round = this.state.round;
    const engine = round ? this.games.get(round.spec.game)?.engine : undefined;
    return round && engine?.leader ? engine.leader(round.engineState) : null;
  }

  private describe(op: FaultOp): string {
    return describeFaultOp(op, (id) => this.state.nodes[id]?.nickname ?? id);
  }

  /** Records a change of the faults (by the one-click `drill` named), lets the game react, and refreshes every phone (a crash shows on its own). */
  private applyFaults(now: number, op: FaultOp, drill?: DrillName): void {
    const faults = applyFaultOp(this.state.faults, op);
    this.run(this.apply(now, 'fault:changed', { op, faults, ...(drill ? { drill } : {}) }), now);
    this.noteChanged('all', now);
  }

  /** Session time never runs backwards, even if a timer fires a little late. */
  private time(now: number): number {
    return Math.max(now, this.state.t);
  }

  private apply<K extends EventType>(now: number, type: K, payload: EventPayloads[K]): Effect[] {
    const event = { seq: this.state.seq + 1, t: this.time(now), type, ...payload } as SessionEvent;
    this.record(event);
    const effects = step(this.state, event, this.games);
    if (event.type === 'node:joined') this.names.set(event.nickname.toLocaleLowerCase(), event.node);
    else if (event.type === 'node:kicked' || event.type === 'node:left') {
      const rec = this.state.nodes[event.node];
      if (rec) this.names.delete(rec.nickname.toLocaleLowerCase());
    }
    return effects;
  }

  private run(effects: Effect[], now: number): void {
    let endReason: string | null = null;
    for (const e of effects) {
      switch (e.type) {
        case 'send':
          this.send(e, now);
          break;
        case 'timer': {
          const at = this.time(now) + Math.max(0, e.delay);
          this.apply(now, 'timer:set', { key: e.key, at, ...(e.node ? { node: e.node } : {}) });
          this.queue.push(at, { type: 'timer', key: e.key });
          break;
        }
        case 'cancel':
          if (this.state.timers[e.key]) this.apply(now, 'timer:cancelled', { key: e.key });
          break;
        case 'changed':
          this.noteChanged(e.nodes, now);
          break;
        case 'mark':
          this.apply(now, 'mark', {
            notice: e.notice,
            ...(e.node ? { node: e.node } : {}),
            ...(e.data !== undefined ? { data: e.data } : {}),
          });
          break;
        case 'end':
          endReason = e.reason;
          break;
      }
    }
    if (endReason !== null && this.state.round) this.endRound(now, endReason);
  }

  private send(e: Extract<Effect, { type: 'send' }>, now: number): void {
    const env = { id: `m${this.state.nextEnvelope}`, from: e.from, to: e.to, kind: e.kind, body: e.body };
    const outcome = decide(env, this.state.faults, this.netRng, this.time(now), this.gone);
    if (!outcome.deliver) {
      this.apply(now, 'envelope:sent', { env, drop: outcome.reason });
      return;
    }
    this.apply(now, 'envelope:sent', { env, at: outcome.at });
    for (const [copy, at] of outcome.at.entries()) this.queue.push(at, { type: 'deliver', id: env.id, copy });
  }

  /** `at` is when the item was due (moved later by pauses), which tells stale timers apart. */
  private wake(w: Wake, at: number): void {
    switch (w.type) {
      case 'deliver': {
        const f = this.state.inFlight[w.id];
        if (!f || f.pending[w.copy] == null) return;
        const reason = blockedBy(this.state.faults, f.env.from, f.env.to, this.gone);
        if (reason) this.apply(at, 'envelope:dropped', { id: w.id, copy: w.copy, reason });
        else this.run(this.apply(at, 'envelope:delivered', { id: w.id, copy: w.copy }), at);
        return;
      }
      case 'timer':
        // A timer re-armed since this wake was queued has a different time: this one is stale.
        if (this.state.timers[w.key]?.at !== at) return;
        this.run(this.apply(at, 'timer:fired', { key: w.key }), at);
        return;
      case 'bot':
        this.bots.turn(w.node, at);
        return;
      case 'script':
        // A script replaced or resumed since this wake was queued has a different time.
        if (this.state.drill?.nextAt === at) this.scripts.advance(at);
        return;
    }
  }

  /**
   * Only what every view says of the room changed (its lock, its language): every phone is sent
   * it, and no bot gets a turn, since no game view changed.
   */
  private roomPartChanged(): void {
    this.changes.all = true;
  }

  /** These nodes' views changed: their phones are refreshed, and their bots get a turn. */
  private noteChanged(nodes: readonly NodeId[] | 'all', now: number): void {
    if (nodes === 'all') this.changes.all = true;
    else for (const n of nodes) this.changes.nodes.add(n);
    const round = this.state.round;
    if (round) this.bots.viewsChanged(nodes === 'all' ? round.spec.nodes : nodes, now);
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
