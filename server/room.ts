// A live room: the session core driven by a clock, recorded to disk, pushed to screens.
// It only orders inputs, arms one timer for the core's next due item, and batches output:
// phones get their changed views, consoles get snapshots and the stream of events.

import type { DrillName } from '../shared/net/drills';
import type { FaultOp } from '../shared/net/faults';
import type { Games } from '../shared/games/types';
import type { RemovedNotice, Roster, ServerEvent, ServerToClientEvents } from '../shared/protocol/events';
import type { NodeId } from '../shared/protocol/ids';
import type { RecordingHeader, SessionEvent } from '../shared/protocol/recordingFormat';
import { fail, ok, type Result } from '../shared/protocol/result';
import { SessionCore } from '../shared/session/core';
import type { SessionState } from '../shared/session/state';
import { consoleSnapshot, nodeView, roster } from '../shared/session/views';
import { hashSecret, newSecret, secretMatches } from './auth';
import type { Clock, TimerHandle } from './clock';
import type { RecordingWriter } from './recorder';

/** How a room reaches screens; the socket layer implements it. */
export interface RoomOutput {
  toNode<E extends ServerEvent>(code: string, node: NodeId, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  toRoom<E extends ServerEvent>(code: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  toConsoles<E extends ServerEvent>(code: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  hasConsoles(code: string): boolean;
  /** Detaches every socket of a node (it was kicked or left). */
  dropNode(code: string, node: NodeId): void;
}

const VIEW_BATCH_MS = 2;
const ROSTER_BATCH_MS = 250;
const SNAPSHOT_EVERY_MS = 200;
const EVENTS_EVERY_MS = 100;
/** Event types the live map animates; timers and joins travel in snapshots instead. */
const STREAMED = new Set<SessionEvent['type']>([
  'envelope:sent',
  'envelope:delivered',
  'envelope:dropped',
  'fault:changed',
  'mark',
  'round:started',
  'round:ended',
  'net:paused',
  'net:resumed',
]);

/**
 * A timer callback that logs instead of throwing: a bug in one game must not take the
 * whole class's server down.
 */
function guarded(what: string, fn: () => void): () => void {
  return () => {
    try {
      fn();
    } catch (err) {
      console.error(`${what} failed:`, err);
    }
  };
}

export interface RoomDeps {
  clock: Clock;
  writer: RecordingWriter;
  output: RoomOutput;
  /** The games this room may play. */
  games: Games;
  onEnded?: (room: Room) => void;
}

/**
 * The only way into a room's session: the transport calls these methods and never the core,
 * so every input is timed, re-arms the room's timers and reaches the screens the same way.
 */
export class Room {
  private readonly core: SessionCore;
  readonly code: string;
  private readonly origin: number;
  private readonly sockets = new Map<NodeId, number>();
  private readonly tokens = new Map<string, NodeId>();
  private wakeTimer: TimerHandle | null = null;
  private wakeAt: number | null = null;
  private viewTimer: TimerHandle | null = null;
  private rosterTimer: TimerHandle | null = null;
  private snapshotTimer: TimerHandle | null = null;
  private eventsTimer: TimerHandle | null = null;
  private streamed: SessionEvent[] = [];
  private rosterDirty = false;
  lastActivity: number;

  /** A new room (from its recording's header), or one restored from its recording's fold. */
  constructor(
    start: RecordingHeader | SessionState,
    private readonly deps: RoomDeps,
  ) {
    const record = (e: SessionEvent) => this.onEvent(e);
    this.core = 'format' in start ? SessionCore.create(start, deps.games, record) : SessionCore.restore(start, deps.games, record);
    const header = this.core.state.header;
    this.code = header.room;
    this.origin = Date.parse(header.startedAt);
    this.lastActivity = deps.clock.now();
    for (const rec of Object.values(this.core.state.nodes)) {
      if (rec.tokenHash && rec.status === 'active') this.tokens.set(rec.tokenHash, rec.id);
    }
    this.afterInput();
  }

  get state(): SessionState {
    return this.core.state;
  }

  /** Session time: ms since the session started. */
  now(): number {
    return this.deps.clock.now() - this.origin;
  }

  checkKey(key: string): boolean {
    return secretMatches(key, this.state.header.keyHash);
  }

  /** Runs one input against the core at the current time, then re-arms and flushes. */
  private input<T>(fn: (now: number) => T): T {
    try {
      return fn(this.now());
    } finally {
      // Even after a failure, whatever is due next must stay scheduled.
      this.lastActivity = this.deps.clock.now();
      this.afterInput();
    }
  }

  // ---- nodes ----

  join(nickname: string): Result<{ node: NodeId; token: string }> {
    const token = newSecret();
    const tokenHash = hashSecret(token);
    const r = this.input((now) => this.core.join(now, nickname, 'human', tokenHash));
    if (!r.ok) return r;
    this.tokens.set(tokenHash, r.data.node);
    return ok({ node: r.data.node, token });
  }

  /** Finds the node a resume token belongs to. */
  resume(token: string): Result<{ node: NodeId }> {
    const hash = hashSecret(token);
    const node = this.tokens.get(hash);
    if (node) return ok({ node });
    const gone = Object.values(this.state.nodes).find((n) => n.tokenHash === hash);
    if (gone?.status === 'kicked') return fail('kicked', 'The instructor removed you from this room.');
    if (gone) return fail('left', 'You left this room. Join again with a nickname.');
    return fail('unknown_token', 'This phone is not a node of this room any more. Join again with a nickname.');
  }

  socketAttached(node: NodeId): void {
    this.sockets.set(node, (this.sockets.get(node) ?? 0) + 1);
    this.input((now) => this.core.connected(now, node, true));
  }

  socketDetached(node: NodeId): void {
    const left = (this.sockets.get(node) ?? 1) - 1;
    if (left > 0) {
      this.sockets.set(node, left);
      return;
    }
    this.sockets.delete(node);
    this.input((now) => this.core.connected(now, node, false));
  }

  /** A node's action in the current round (its shape is the game's). */
  act(node: NodeId, action: unknown): Result<null> {
    return this.input((now) => this.core.act(now, node, action));
  }

  /** The node's phone, or the console, hands the node to the game's bot (or takes it back). */
  setAutopilot(node: NodeId, on: boolean): Result<null> {
    return this.input((now) => this.core.setAutopilot(now, node, on));
  }

  // ---- the console ----

  kick(node: NodeId): Result<null> {
    const r = this.input((now) => this.core.kick(now, node));
    if (r.ok) this.removeNode(node, { reason: 'kicked', message: 'The instructor removed you from this room.' });
    return r;
  }

  leave(node: NodeId): Result<null> {
    this.input((now) => this.core.leave(now, node));
    this.removeNode(node, { reason: 'left', message: 'You left the room.' });
    return ok(null);
  }

  lock(locked: boolean): Result<null> {
    this.input((now) => this.core.lock(now, locked));
    return ok(null);
  }

  addBots(count: number): Result<{ nodes: NodeId[] }> {
    return this.input((now) => this.core.addBots(now, count));
  }

  removeBots(count: number): Result<{ nodes: NodeId[] }> {
    return this.input((now) => this.core.removeBots(now, count));
  }

  changeFaults(op: FaultOp): Result<null> {
    return this.input((now) => this.core.changeFaults(now, op));
  }

  drill(name: DrillName): Result<{ text: string }> {
    return this.input((now) => this.core.drill(now, name));
  }

  /** Freezes the network (messages wait, nothing is lost) or lets it run again. */
  setPaused(paused: boolean): Result<null> {
    this.input((now) => {
      if (paused) this.core.pause(now);
      else this.core.resume(now);
    });
    return ok(null);
  }

  /** The script is read by the session core, so its errors can name the step. */
  startScript(script: unknown): Result<null> {
    return this.input((now) => this.core.startScript(now, script));
  }

  stopScript(): Result<null> {
    return this.input((now) => this.core.stopScript(now));
  }

  /** The config is read by the game's schema in the session core. */
  startRound(game: string, config: unknown): Result<{ index: number }> {
    return this.input((now) => this.core.startRound(now, game, config));
  }

  endRound(): Result<{ result: unknown }> {
    return this.input((now) => this.core.endRound(now));
  }

  end(reason?: string): void {
    this.input((now) => this.core.end(now, reason));
    this.deps.output.toRoom(this.code, 'node:removed', { reason: 'ended', message: 'The instructor ended this session.' });
    this.flushConsole();
    void this.deps.writer.close();
    this.stopTimers();
    this.deps.onEnded?.(this);
  }

  /** Resolves when everything recorded so far is on disk. */
  flushRecording(): Promise<void> {
    return this.deps.writer.flushNow();
  }

  viewFor(node: NodeId) {
    return nodeView(this.state, node, this.deps.games);
  }

  roster(): Roster {
    const nodes = roster(this.state);
    return { count: nodes.length, nodes };
  }

  snapshot() {
    return consoleSnapshot(this.state, this.deps.games, Math.max(this.state.t, this.now()));
  }

  // ---- internals ----

  private removeNode(node: NodeId, notice: RemovedNotice): void {
    for (const [hash, id] of this.tokens) if (id === node) this.tokens.delete(hash);
    this.deps.output.toNode(this.code, node, 'node:removed', notice);
    this.deps.output.dropNode(this.code, node);
    this.sockets.delete(node);
  }

  private onEvent(event: SessionEvent): void {
    this.deps.writer.append(event);
    if (event.type === 'round:ended' || event.type === 'session:ended') void this.deps.writer.flushNow();
    if (event.type === 'node:joined' || event.type === 'node:kicked' || event.type === 'node:left') this.rosterDirty = true;
    if (STREAMED.has(event.type) && this.deps.output.hasConsoles(this.code)) this.streamed.push(event);
  }

  private afterInput(): void {
    if (this.state.ended) return;
    this.armWake();
    const { clock } = this.deps;
    this.viewTimer ??= clock.setTimeout(
      guarded('views', () => this.flushViews()),
      VIEW_BATCH_MS,
    );
    if (this.rosterDirty)
      this.rosterTimer ??= clock.setTimeout(
        guarded('roster', () => this.flushRoster()),
        ROSTER_BATCH_MS,
      );
    if (this.deps.output.hasConsoles(this.code)) {
      this.snapshotTimer ??= clock.setTimeout(
        guarded('snapshot', () => this.flushSnapshot()),
        SNAPSHOT_EVERY_MS,
      );
      if (this.streamed.length)
        this.eventsTimer ??= clock.setTimeout(
          guarded('events', () => this.flushEvents()),
          EVENTS_EVERY_MS,
        );
    }
  }

  private armWake(): void {
    const at = this.core.nextWakeAt();
    if (at === this.wakeAt) return;
    if (this.wakeTimer) this.deps.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAt = at;
    if (at === null) return;
    this.wakeTimer = this.deps.clock.setTimeout(
      guarded(`room ${this.code}: advancing`, () => {
        this.wakeTimer = null;
        this.wakeAt = null;
        this.input((now) => this.core.advance(now));
      }),
      Math.max(0, at - this.now()),
    );
  }

  private flushViews(): void {
    this.viewTimer = null;
    const changes = this.core.takeChanges();
    const targets = changes.all ? [...this.sockets.keys()] : [...changes.nodes].filter((n) => this.sockets.has(n));
    for (const node of targets) {
      try {
        const view = nodeView(this.state, node, this.deps.games);
        if (view) this.deps.output.toNode(this.code, node, 'node:view', view);
      } catch (err) {
        console.error(`room ${this.code}: the view of ${node} failed:`, err);
      }
    }
  }

  private flushRoster(): void {
    this.rosterTimer = null;
    this.rosterDirty = false;
    this.deps.output.toRoom(this.code, 'room:roster', this.roster());
  }

  private flushSnapshot(): void {
    this.snapshotTimer = null;
    this.deps.output.toConsoles(this.code, 'console:snapshot', this.snapshot());
  }

  private flushEvents(): void {
    this.eventsTimer = null;
    if (!this.streamed.length) return;
    const batch = this.streamed;
    this.streamed = [];
    this.deps.output.toConsoles(this.code, 'console:events', batch);
  }

  /** Sends what is pending to consoles at once (after a console action, at the end). */
  flushConsole(): void {
    this.flushEvents();
    this.flushSnapshot();
  }

  private stopTimers(): void {
    const { clock } = this.deps;
    for (const t of [this.wakeTimer, this.viewTimer, this.rosterTimer, this.snapshotTimer, this.eventsTimer]) {
      if (t) clock.clearTimeout(t);
    }
    this.wakeTimer = this.viewTimer = this.rosterTimer = this.snapshotTimer = this.eventsTimer = null;
  }

  /** Stops the room's timers and closes its recording (server shutdown). */
  async close(): Promise<void> {
    this.stopTimers();
    await this.deps.writer.close();
  }
}
