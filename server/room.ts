// A live room: the session core driven by a clock, recorded to disk, pushed to screens.
// It only orders inputs, arms one timer for the core's next due item, and hands output to its
// screens (./roomScreens.ts): phones get their changed views, consoles get snapshots and the
// stream of events.
//
// Each input is all or nothing: its events reach the recording only if it finished; if the
// core or a game throws, the room goes back to the recording (a fold of what was committed)
// and the request is refused with `internal`. A request's `ok` goes once its events are on disk.

import type { DrillName } from '../shared/net/drills';
import type { FaultOp } from '../shared/net/faults';
import type { Games } from '../shared/games/types';
import type { ActedData, RecordingNotice, RemovedNotice, Roster, SetAsideNotice } from '../shared/protocol/events';
import type { NodeId } from '../shared/protocol/ids';
import type { RecordingHeader, SessionEvent } from '../shared/protocol/recordingFormat';
import type { Language } from '../shared/protocol/languages';
import type { ConsoleSnapshot, NodeView, StageSnapshot } from '../shared/protocol/views';
import { fail, ok, type Result } from '../shared/protocol/result';
import { SessionCore } from '../shared/session/core';
import { fold } from '../shared/session/fold';
import { parseRecording } from '../shared/session/recording';
import type { SessionState } from '../shared/session/state';
import { stageSnapshot } from '../shared/session/stage';
import { consoleSnapshot, nodeView, roster } from '../shared/session/views';
import { hashSecret, newSecret } from './auth';
import { type Holder, InstructorAccess } from './instructors';
import type { Clock, TimerHandle } from './clock';
import { logFn, type LogFn } from './log';
import type { RecordingStatus, RecordingWriter } from './recorder';
import { type AckPolicy, RoomRecording } from './roomRecording';
import { guarded, RoomScreens, type RoomOutput } from './roomScreens';

export type { RoomOutput } from './roomScreens';

export interface RoomDeps {
  clock: Clock;
  writer: RecordingWriter;
  output: RoomOutput;
  /** The games this room may play. */
  games: Games;
  onEnded?: (room: Room) => void;
  /** When an `ok` may go (default: once durable). */
  acknowledge?: AckPolicy;
  /** What a restore found damaged in the recording and moved aside, for the console. */
  setAside?: SetAsideNotice | null;
  log?: LogFn;
  /**
   * Cluster mode: whether this process still owns the room (its lease in Redis). Asked before
   * every input and again before an answer `ok`; once it says no, the room stops for good.
   */
  owns?: () => boolean;
}

const INTERNAL = 'Something went wrong on the server; nothing changed. Try again.';

/** An input whose core call answers nothing: its answer is `ok(null)`. */
const done =
  (fn: (now: number) => void) =>
  (now: number): Result<null> => {
    fn(now);
    return ok(null);
  };

/**
 * The only way into a room's session: the transport calls these methods and never the core,
 * so every input is timed, re-arms the room's timers and reaches the screens the same way.
 */
export class Room {
  private core: SessionCore;
  private readonly recording: RoomRecording;
  readonly code: string;
  private readonly origin: number;
  private readonly sockets = new Map<NodeId, number>();
  private readonly tokens = new Map<string, NodeId>();
  private readonly screens: RoomScreens;
  private wakeTimer: TimerHandle | null = null;
  private wakeAt: number | null = null;
  /** Who holds instructor rights: the room key, and phones it handed them to. */
  readonly instructors: InstructorAccess;
  /** The round whose secrets the instructor revealed on the stage (a display choice, not recorded). */
  private revealedRound: number | null = null;
  lastActivity: number;
  /** Cluster mode: another process owns the room now; this one applies and records nothing more. */
  private abandoned = false;

  /** A new room (from its recording's header), or one restored from its recording's fold. */
  constructor(
    start: RecordingHeader | SessionState,
    private readonly deps: RoomDeps,
  ) {
    const record = (e: SessionEvent) => this.recording.stage(e);
    this.core = 'format' in start ? SessionCore.create(start, deps.games, record) : SessionCore.restore(start, deps.games, record);
    this.recording = new RoomRecording(
      deps.writer,
      deps.acknowledge ?? 'durable',
      deps.setAside ?? null,
      this.core.state.seq,
      this.core.state.header.version,
      deps.owns,
    );
    deps.writer.watch((s) => this.onRecordingStatus(s));
    const header = this.core.state.header;
    this.code = header.room;
    this.origin = Date.parse(header.startedAt);
    this.instructors = new InstructorAccess(header.keyHash, () => deps.clock.now());
    this.lastActivity = deps.clock.now();
    this.screens = new RoomScreens(this.code, deps.clock, deps.output, {
      takeChanges: () => this.core.takeChanges(),
      connected: () => this.sockets,
      view: (node) => this.viewFor(node),
      roster: () => this.roster(),
      snapshot: () => this.snapshot(),
      stageSnapshot: () => this.stageSnapshot(),
    });
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
    // Whole milliseconds: every event carries its time, and 25046 reads (and writes) better
    // than 25046.376708984375; nothing in a classroom turns on a fraction of a millisecond.
    return Math.round(this.deps.clock.now() - this.origin);
  }

  /** Whom an instructor key belongs to (the room key, or a phone it was handed to), or null. */
  checkKey(key: string): Holder | null {
    return this.instructors.who(key);
  }

  /**
   * Runs one input against the core at the current time, commits what it recorded, then
   * re-arms and flushes. If it throws, nothing it recorded is kept and the room is rebuilt
   * from its recording: the answer is `internal` and the room is as it was before.
   */
  private input<T>(fn: (now: number) => Result<T>, during = 'a request', viewsNow = false): Result<T> {
    if (this.abandoned || this.deps.owns?.() === false) {
      this.abandon();
      return fail('internal', INTERNAL);
    }
    try {
      const r = fn(this.now());
      this.screens.committed(this.recording.commit());
      return r;
    } catch (err) {
      this.recover(err, during);
      return fail('internal', INTERNAL);
    } finally {
      // Even after a failure, whatever is due next must stay scheduled.
      this.lastActivity = this.deps.clock.now();
      this.afterInput(viewsNow);
    }
  }

  /** A request that changes the room: refused while the recording cannot be written, answered once durable. */
  private request<T>(fn: (now: number) => Result<T>): Promise<Result<T>> {
    const refused = this.recording.refusal();
    if (refused) return Promise.resolve(refused);
    return this.recording.acknowledge(this.input(fn));
  }

  // ---- nodes ----

  async join(nickname: string): Promise<Result<{ node: NodeId; token: string }>> {
    const token = newSecret();
    const tokenHash = hashSecret(token);
    const r = await this.request((now) => this.core.join(now, nickname, 'human', tokenHash));
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
    // Connection marks are recorded but not acknowledged to anyone: they never wait or refuse.
    this.input(done((now) => this.core.connected(now, node, true)));
  }

  socketDetached(node: NodeId): void {
    const left = (this.sockets.get(node) ?? 1) - 1;
    if (left > 0) {
      this.sockets.set(node, left);
      return;
    }
    this.sockets.delete(node);
    this.screens.detachView(node);
    this.input(done((now) => this.core.connected(now, node, false)));
  }

  /** The view a node's socket starts from (after `socketAttached`); `patches`: later changes come as patches. */
  attachView(node: NodeId, patches: boolean): { view: NodeView; version?: number } | null {
    return this.screens.attachView(node, patches);
  }

  /** The snapshot a console starts from; call it before its socket listens to the room's consoles. */
  attachConsole(patches: boolean): { snapshot: ConsoleSnapshot; version?: number } {
    return this.screens.attachConsole(patches);
  }

  /** The picture a stage starts from; call it before its socket listens to the room's stage pictures. */
  attachStage(patches: boolean): { snapshot: StageSnapshot; version?: number } {
    return this.screens.attachStage(patches);
  }

  /**
   * A node's action in the current round (its shape is the game's). A phone that takes patches
   * gets what the action changed in its own view with the answer (`data.patch`), in the same
   * message, instead of a `node:patch` before it: a message sent is one message fewer for the
   * phone and the server, and the phone's screen shows the action once it is on disk.
   */
  async act(node: NodeId, action: unknown): Promise<Result<ActedData>> {
    // A view with changes already waiting to go (another request changed it within the last
    // VIEW_BATCH_MS) goes as usual, with the action's change in it: nothing else waits for this answer.
    const hold = this.sockets.get(node) === 1 && !this.screens.viewPending(node);
    const answer = this.request((now) => this.core.act(now, node, action));
    // Held from after the action's own changes (the request ran them at once). Only for a node
    // with one socket: the answer reaches that socket alone.
    const held = hold && this.screens.holdView(node);
    const r = await answer;
    if (!held) return r;
    const patch = this.screens.releaseView(node, r.ok);
    return r.ok && patch ? ok({ patch }) : r;
  }

  /** The node's phone, or the console, hands the node to the game's bot (or takes it back). */
  setAutopilot(node: NodeId, on: boolean): Promise<Result<null>> {
    return this.request((now) => this.core.setAutopilot(now, node, on));
  }

  // ---- the console ----

  async kick(node: NodeId): Promise<Result<null>> {
    const r = await this.request((now) => this.core.kick(now, node));
    if (r.ok) this.removeNode(node, { reason: 'kicked', message: 'The instructor removed you from this room.' });
    return r;
  }

  async leave(node: NodeId): Promise<Result<null>> {
    const r = await this.request(done((now) => this.core.leave(now, node)));
    if (r.ok) this.removeNode(node, { reason: 'left', message: 'You left the room.' });
    return r;
  }

  lock(locked: boolean): Promise<Result<null>> {
    return this.request(done((now) => this.core.lock(now, locked)));
  }

  setLanguage(language: Language | null): Promise<Result<null>> {
    return this.request(done((now) => this.core.setLanguage(now, language)));
  }

  addBots(count: number): Promise<Result<{ nodes: NodeId[] }>> {
    return this.request((now) => this.core.addBots(now, count));
  }

  removeBots(count: number): Promise<Result<{ nodes: NodeId[] }>> {
    return this.request((now) => this.core.removeBots(now, count));
  }

  changeFaults(op: FaultOp): Promise<Result<null>> {
    return this.request((now) => this.core.changeFaults(now, op));
  }

  drill(name: DrillName): Promise<Result<{ text: string }>> {
    return this.request((now) => this.core.drill(now, name));
  }

  /** Freezes the network (messages wait, nothing is lost) or lets it run again. */
  setPaused(paused: boolean): Promise<Result<null>> {
    return this.request((now) => {
      if (paused) this.core.pause(now);
      else this.core.resume(now);
      return ok(null);
    });
  }

  /**
   * Shows the current round's secrets (or the last round's, between rounds) on the projector
   * stage, or hides them. A new round starts hidden. Nothing is recorded: it changes no state.
   */
  reveal(revealed: boolean): Result<null> {
    const index = this.shownRound();
    if (revealed && index === null) return fail('no_round', 'There is no round to reveal yet.');
    this.revealedRound = revealed ? index : null;
    return ok(null);
  }

  /** Whether the stage shows the secrets of the round it shows. */
  revealed(): boolean {
    const index = this.shownRound();
    return index !== null && index === this.revealedRound;
  }

  /** The round the stage shows: the one running, else the one that ended last. */
  private shownRound(): number | null {
    return this.state.round?.spec.index ?? this.state.lastRound?.spec.index ?? null;
  }

  /** The script is read by the session core, so its errors can name the step. */
  startScript(script: unknown): Promise<Result<null>> {
    return this.request((now) => this.core.startScript(now, script));
  }

  stopScript(): Promise<Result<null>> {
    return this.request((now) => this.core.stopScript(now));
  }

  /** The config is read by the game's schema in the session core. */
  startRound(game: string, config: unknown): Promise<Result<{ index: number }>> {
    return this.request((now) => this.core.startRound(now, game, config));
  }

  endRound(): Promise<Result<{ result: unknown }>> {
    return this.request((now) => this.core.endRound(now));
  }

  /** Ends the session (the instructor, or idle for too long); answered once the recording is sealed. */
  async end(reason?: string): Promise<Result<null>> {
    const refused = this.recording.refusal();
    if (refused) return refused;
    const r = this.input(done((now) => this.core.end(now, reason)));
    if (!r.ok) return r;
    this.deps.output.toRoom(this.code, 'node:removed', { reason: 'ended', message: 'The instructor ended this session.' });
    this.flushConsole();
    this.stopTimers();
    this.deps.onEnded?.(this);
    const sealed = this.deps.writer.finish();
    if (this.deps.acknowledge !== 'at-once') await sealed;
    return ok(null);
  }

  /**
   * Resolves when everything recorded so far is in the recording's file, or at once while the
   * disk fails: then with the recording's text if the file lacks lines only the journal has
   * (send that instead of the file), else null.
   */
  async flushRecording(): Promise<string | null> {
    await this.deps.writer.settled();
    return await this.deps.writer.durableTextIfFileBehind();
  }

  /** `recording_unavailable` while the recording cannot be written (nothing may change), else null. */
  refusal(): Result<never> | null {
    return this.recording.refusal();
  }

  /** Whether the recording is being written, for a console that attaches. */
  recordingNotice(): RecordingNotice {
    return this.recording.notice();
  }

  viewFor(node: NodeId) {
    return nodeView(this.state, node, this.deps.games);
  }

  roster(): Roster {
    const nodes = roster(this.state);
    return { count: nodes.length, nodes };
  }

  snapshot() {
    return {
      ...consoleSnapshot(this.state, this.deps.games, Math.max(this.state.t, this.now())),
      stage: { revealed: this.revealed(), screens: this.deps.output.stages(this.code) },
      instructors: this.instructors.list(),
    };
  }

  /** What the projector stage may show (secrets only once revealed). */
  stageSnapshot() {
    return stageSnapshot(this.state, this.deps.games, this.revealed(), Math.max(this.state.t, this.now()));
  }

  // ---- internals ----

  private removeNode(node: NodeId, notice: RemovedNotice): void {
    for (const [hash, id] of this.tokens) if (id === node) this.tokens.delete(hash);
    this.deps.output.toNode(this.code, node, 'node:removed', notice);
    this.deps.output.dropNode(this.code, node);
    this.sockets.delete(node);
    this.screens.detachView(node);
  }

  /**
   * An input threw. Its events were never committed; the core's state may be half-changed,
   * so the room is rebuilt from the recording. A failure in the room's own time (a delivery,
   * a timer, a bot) would fail again at once: the network is paused for the instructor to see.
   */
  private recover(err: unknown, during: string): void {
    this.recording.discard();
    const seq = this.recording.committedSeq + 1;
    const log = this.deps.log ?? logFn();
    log(`${during} failed at event ${seq}; the room goes back to event ${seq - 1}`, { room: this.code, seq, err });
    try {
      const parsed = parseRecording(this.recording.contents());
      this.core = SessionCore.restore(fold(parsed.header, parsed.events, this.deps.games), this.deps.games, (e) => this.recording.stage(e));
      this.wakeAt = null;
      if (during !== 'a request') {
        this.core.pause(this.now());
        this.screens.committed(this.recording.commit());
      }
    } catch (again) {
      this.recording.discard();
      log('could not rebuild the room from its recording', { room: this.code, err: again });
    }
  }

  private onRecordingStatus(status: RecordingStatus): void {
    const log = this.deps.log ?? logFn();
    if (status.state === 'ok') log('the recording is being written again', { room: this.code });
    else log(`${status.message} Requests that change the room are refused; retrying.`, { room: this.code, err: status.code });
    this.deps.output.toConsoles(this.code, 'console:recording', this.recording.notice(status));
  }

  /** `viewsNow`: the views go at once (after the room's own time moved), not after their batch. */
  private afterInput(viewsNow = false): void {
    if (this.state.ended) return;
    this.armWake();
    this.screens.schedule(viewsNow);
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
        this.input(
          done((now) => this.core.advance(now)),
          'the network',
          true,
        );
      }),
      Math.max(0, at - this.now()),
    );
  }

  /** Sends what is pending to consoles at once (after a console action, at the end). */
  flushConsole(): void {
    this.screens.flushConsole();
  }

  private stopTimers(): void {
    if (this.wakeTimer) this.deps.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.screens.stop();
  }

  /** Cluster mode: this process lost the room. It stops applying and recording at once, for good. */
  abandon(): void {
    if (this.abandoned) return;
    this.abandoned = true;
    this.stopTimers();
    this.deps.writer.abandon();
  }

  get isAbandoned(): boolean {
    return this.abandoned;
  }

  /** Cluster mode: records that this process became the owner, with its fencing token. */
  recordOwner(fence: number): void {
    this.input(done((now) => this.core.owner(now, fence)));
  }

  /** Stops the room's timers and closes its recording (server shutdown). */
  async close(): Promise<void> {
    this.stopTimers();
    const lost = await this.deps.writer.close();
    if (lost)
      (this.deps.log ?? logFn())(`shut down with ${lost} events the disk would not take (none was acknowledged)`, {
        room: this.code,
        err: 'recording unavailable',
      });
  }
}
