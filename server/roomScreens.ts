// What a room pushes to screens, batched on the room's clock: phones get their changed views
// (as the network delivers, or within a few ms of a request), everyone the roster when it
// changes, consoles a snapshot a few times a second and the stream of recorded events the live
// map animates, and projector stages the same two cut down to what the class may see
// (shared/session/stage.ts).
//
// A screen that asked for patches (the phone, the console and the stage do; a student's program
// need not) gets what changed instead of the whole: `node:patch` against the view it holds,
// `console:patch` and `stage:patch` against the last snapshot, `room:patch` with who came and
// went. The room keeps what each such screen holds (the view it was last sent, as JSON, with its
// version); a patch applies to exactly that version, so both sides hold the same value after
// each. (The stage's whole picture lists every node: 2,000 of them made it about 290 KB, five
// times a second, to a projector on the lecture hall's Wi-Fi.)

import type { Roster, ServerEvent, ServerToClientEvents } from '../shared/protocol/events';
import type { NodeId } from '../shared/protocol/ids';
import { applyPatch, diff, type Json, type Patch, toJson } from '../shared/protocol/patch';
import type { SessionEvent } from '../shared/protocol/recordingFormat';
import type { ConsoleSnapshot, NodeView, StageSnapshot } from '../shared/protocol/views';
import type { Changes } from '../shared/session/core';
import { stageEvents } from '../shared/session/stage';
import type { Clock, TimerHandle } from './clock';

type Args<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>;

/** How a room reaches screens; the socket layer implements it. */
export interface RoomOutput {
  toNode<E extends ServerEvent>(code: string, node: NodeId, event: E, ...args: Args<E>): void;
  toRoom<E extends ServerEvent>(code: string, event: E, ...args: Args<E>): void;
  toConsoles<E extends ServerEvent>(code: string, event: E, ...args: Args<E>): void;
  /** To the room's node sockets (or its consoles) that asked for patches (`patches`), or to those that did not. */
  toRoomAs<E extends ServerEvent>(code: string, patches: boolean, event: E, ...args: Args<E>): void;
  toConsolesAs<E extends ServerEvent>(code: string, patches: boolean, event: E, ...args: Args<E>): void;
  toStagesAs<E extends ServerEvent>(code: string, patches: boolean, event: E, ...args: Args<E>): void;
  /** How many of the room's node sockets (or consoles, or stages) take patches, and how many whole values. */
  listeners(code: string, who: 'nodes' | 'consoles' | 'stages'): { patches: number; whole: number };
  hasConsoles(code: string): boolean;
  /** Projector stages: they are sent only `stage:*` events. */
  toStages<E extends ServerEvent>(code: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** How many stages follow the room. */
  stages(code: string): number;
  /** Detaches every socket of a node (it was kicked or left). */
  dropNode(code: string, node: NodeId): void;
}

/** What the screens show, read from the room when a batch goes. */
export interface ScreenSource {
  takeChanges(): Changes;
  /** Nodes with a socket, which are the only ones sent views. */
  connected(): ReadonlyMap<NodeId, unknown>;
  view(node: NodeId): NodeView | null;
  roster(): Roster;
  snapshot(): ConsoleSnapshot;
  stageSnapshot(): StageSnapshot;
}

const VIEW_BATCH_MS = 2;
/**
 * The longest a node's view waits for the answer to its action (`holdView`): then it goes as
 * usual. Well under the phone's 8 s wait for an answer, so a phone that gave up waiting (the
 * disk was failing) still sees its action, and its next patch still fits the view it holds.
 */
export const HOLD_VIEW_MS = 1_000;
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
export function guarded(what: string, fn: () => void): () => void {
  return () => {
    try {
      fn();
    } catch (err) {
      console.error(`${what} failed:`, err);
    }
  };
}

/** What a screen that takes patches holds: the last value it was sent, as JSON, and its version. */
interface Held {
  json: Json;
  version: number;
}

export class RoomScreens {
  /** The views of the nodes whose sockets take patches. */
  private readonly views = new Map<NodeId, Held>();
  /**
   * Nodes whose action is being answered, and by how many answers: what the action changed in
   * their view goes in the answer (one message to the phone instead of two). Anything else that
   * changes their view ends the hold, so nothing else waits for their answer.
   */
  private readonly holding = new Map<NodeId, { requests: number; since: number }>();
  private holdTimer: TimerHandle | null = null;
  /** Nodes whose views changed since the last views went (gathered from the room after each input). */
  private changed: Changes = { all: false, nodes: new Set() };
  /** The snapshot the consoles that take patches hold (let go at the first flush with none). */
  private snapshotHeld: Held | null = null;
  /** The picture the stages that take patches hold (let go at the first flush with none). */
  private stageHeld: Held | null = null;
  private versions = 0;
  /** Who joined and who went since the last roster went out (what a roster patch says). */
  private joined: NodeId[] = [];
  private gone: NodeId[] = [];
  private viewTimer: TimerHandle | null = null;
  private rosterTimer: TimerHandle | null = null;
  private snapshotTimer: TimerHandle | null = null;
  private eventsTimer: TimerHandle | null = null;
  private streamed: SessionEvent[] = [];
  private staged: SessionEvent[] = [];
  private rosterDirty = false;

  /** `flushViews`, guarded: at once after the room's own time moved, or after VIEW_BATCH_MS (`schedule`). */
  private readonly sendViews = guarded('views', () => this.flushViews());

  constructor(
    private readonly code: string,
    private readonly clock: Clock,
    private readonly output: RoomOutput,
    private readonly source: ScreenSource,
  ) {}

  /** Events an input committed: the roster and the live map follow them. */
  committed(events: readonly SessionEvent[]): void {
    if (!events.length) return;
    const consoles = this.output.hasConsoles(this.code);
    const stages = this.output.stages(this.code) > 0;
    for (const event of events) {
      if (event.type === 'node:joined') this.joined.push(event.node);
      if (event.type === 'node:kicked' || event.type === 'node:left') this.gone.push(event.node);
      if (event.type === 'node:joined' || event.type === 'node:kicked' || event.type === 'node:left') this.rosterDirty = true;
      if (consoles && STREAMED.has(event.type)) this.streamed.push(event);
    }
    if (stages) this.staged.push(...stageEvents(events));
  }

  /**
   * After an input: arms whichever batches now have something to send. With `viewsNow` (the
   * network moved: deliveries, timers, bots, the room's own time), the views go at once instead
   * of after VIEW_BATCH_MS. A batch timer set then would wait for the event loop's next turn,
   * behind every socket read that turn brings (under load, a whole turn more for every
   * message); the room's own time already comes as one batch of whatever was due.
   */
  schedule(viewsNow = false): void {
    this.gatherChanges();
    if (viewsNow) {
      if (this.viewTimer) this.clock.clearTimeout(this.viewTimer);
      this.sendViews();
    } else this.viewTimer ??= this.clock.setTimeout(this.sendViews, VIEW_BATCH_MS);
    if (this.rosterDirty)
      this.rosterTimer ??= this.clock.setTimeout(
        guarded('roster', () => this.flushRoster()),
        ROSTER_BATCH_MS,
      );
    if (this.output.hasConsoles(this.code) || this.output.stages(this.code) > 0) {
      this.snapshotTimer ??= this.clock.setTimeout(
        guarded('snapshot', () => this.flushSnapshot()),
        SNAPSHOT_EVERY_MS,
      );
      if (this.streamed.length || this.staged.length)
        this.eventsTimer ??= this.clock.setTimeout(
          guarded('events', () => this.flushEvents()),
          EVENTS_EVERY_MS,
        );
    }
  }

  /**
   * A node's socket attached (joined, resumed): the view it starts from. With `patches`, later
   * changes come as patches against this view; without, as whole views.
   */
  attachView(node: NodeId, patches: boolean): { view: NodeView; version?: number } | null {
    const view = this.source.view(node);
    if (!view) return null;
    // A socket that attaches starts from this view: no answer to an earlier socket carries a patch for it.
    this.holding.delete(node);
    if (!patches) {
      this.views.delete(node);
      return { view };
    }
    const held = { json: toJson(view), version: (this.views.get(node)?.version ?? 0) + 1 };
    this.views.set(node, held);
    return { view: held.json as unknown as NodeView, version: held.version };
  }

  /** The node has no socket any more: nothing is kept for it. */
  detachView(node: NodeId): void {
    this.views.delete(node);
    this.holding.delete(node);
  }

  /**
   * A node that takes patches sent a request: until it is answered (`releaseView`), its view's
   * changes wait, to go in the answer. False (nothing held) for a node sent whole views.
   */
  holdView(node: NodeId): boolean {
    if (!this.views.has(node)) return false;
    const held = this.holding.get(node);
    if (held) held.requests++;
    else this.holding.set(node, { requests: 1, since: this.clock.now() });
    if (!this.holdTimer) this.endHoldsIn(HOLD_VIEW_MS);
    return true;
  }

  /** Whether the node's view has changes waiting to go (from inputs before this one). */
  viewPending(node: NodeId): boolean {
    return this.changed.all || this.changed.nodes.has(node);
  }

  /** Views held past HOLD_VIEW_MS go as usual now; the answers to their actions will carry nothing. */
  private endLongHolds(): void {
    this.holdTimer = null;
    const now = this.clock.now();
    let ended = false;
    for (const [node, held] of this.holding) {
      if (now - held.since < HOLD_VIEW_MS) continue;
      this.holding.delete(node);
      this.changed.nodes.add(node);
      ended = true;
    }
    if (ended) this.schedule();
    let oldest = Number.POSITIVE_INFINITY;
    for (const held of this.holding.values()) oldest = Math.min(oldest, held.since);
    if (this.holding.size) this.endHoldsIn(Math.max(1, oldest + HOLD_VIEW_MS - now));
  }

  private endHoldsIn(ms: number): void {
    this.holdTimer = this.clock.setTimeout(
      guarded('held views', () => this.endLongHolds()),
      ms,
    );
  }

  /**
   * The answer to a request `holdView` held the node's view for is going: what the view changed
   * since it was last sent, as a patch for the answer to carry (null if nothing changed). With
   * `carried` false (the answer is a refusal, which carries nothing), the patch goes as usual.
   */
  releaseView(node: NodeId, carried: boolean): Patch | null {
    const held = this.holding.get(node);
    if (!held) return null;
    if (--held.requests <= 0) this.holding.delete(node);
    const patch = this.patchView(node);
    if (patch && !carried) this.output.toNode(this.code, node, 'node:patch', patch);
    return carried ? patch : null;
  }

  /**
   * A console attaches, before its socket listens: the snapshot it starts from. The consoles
   * already listening are brought up to date first, so one held snapshot serves them all.
   */
  attachConsole(patches: boolean): { snapshot: ConsoleSnapshot; version?: number } {
    if (!patches) return { snapshot: this.source.snapshot() };
    this.flushSnapshot();
    this.snapshotHeld ??= { json: toJson(this.source.snapshot()), version: ++this.versions };
    return { snapshot: this.snapshotHeld.json as unknown as ConsoleSnapshot, version: this.snapshotHeld.version };
  }

  /**
   * A stage attaches, counted among the room's stages but before it listens for pictures: the
   * picture it starts from. What is pending goes first to the screens already listening (the
   * consoles' count of stages changed), so one held picture serves every stage that takes patches.
   */
  attachStage(patches: boolean): { snapshot: StageSnapshot; version?: number } {
    this.flushConsole();
    if (!patches) return { snapshot: this.source.stageSnapshot() };
    this.stageHeld ??= { json: toJson(this.source.stageSnapshot()), version: ++this.versions };
    return { snapshot: this.stageHeld.json as unknown as StageSnapshot, version: this.stageHeld.version };
  }

  /** Sends what is pending to consoles at once (after a console action, at the end). */
  flushConsole(): void {
    this.flushEvents();
    this.flushSnapshot();
  }

  stop(): void {
    for (const t of [this.viewTimer, this.rosterTimer, this.snapshotTimer, this.eventsTimer, this.holdTimer]) {
      if (t) this.clock.clearTimeout(t);
    }
    this.viewTimer = this.rosterTimer = this.snapshotTimer = this.eventsTimer = this.holdTimer = null;
  }

  private flushViews(): void {
    this.viewTimer = null;
    this.gatherChanges();
    const changes = this.changed;
    this.changed = { all: false, nodes: new Set() };
    const connected = this.source.connected();
    const targets = changes.all ? [...connected.keys()] : [...changes.nodes].filter((n) => connected.has(n));
    for (const node of targets) {
      // Only its own action changed its view: the answer to it carries the change (`releaseView`).
      if (this.holding.has(node)) continue;
      try {
        if (!this.views.has(node)) {
          const view = this.source.view(node);
          if (view) this.output.toNode(this.code, node, 'node:view', view);
          continue;
        }
        const patch = this.patchView(node);
        if (patch) this.output.toNode(this.code, node, 'node:patch', patch);
      } catch (err) {
        console.error(`room ${this.code}: the view of ${node} failed:`, err);
      }
    }
  }

  /**
   * Takes the nodes the room's last input changed: a node held for its answer (`holdView`) whose
   * view changed again by something else is held no more, and gets its view as usual.
   */
  private gatherChanges(): void {
    const c = this.source.takeChanges();
    if (c.all) {
      this.changed.all = true;
      this.holding.clear();
    }
    for (const n of c.nodes) {
      this.changed.nodes.add(n);
      this.holding.delete(n);
    }
  }

  /** What a node's view changed since the version its socket holds, which it then holds (null if nothing). */
  private patchView(node: NodeId): Patch | null {
    const held = this.views.get(node);
    if (!held) return null;
    const view = this.source.view(node);
    if (!view) return null;
    const delta = diff(held.json, view);
    if (!delta) return null;
    const base = held.version;
    held.json = applyPatch(held.json, delta);
    held.version = base + 1;
    return { base, version: held.version, delta };
  }

  private flushRoster(): void {
    this.rosterTimer = null;
    this.rosterDirty = false;
    const roster = this.source.roster();
    const { patches, whole } = this.output.listeners(this.code, 'nodes');
    if (whole) this.output.toRoomAs(this.code, false, 'room:roster', roster);
    const joined = new Set(this.joined);
    const remove = this.gone;
    this.joined = [];
    this.gone = [];
    // A socket that attached since these events holds a roster that already has them: adding who
    // is there, or removing who is not, changes nothing (shared/protocol/roster.ts).
    const add = roster.nodes.filter((n) => joined.has(n.id));
    if (patches && (add.length || remove.length)) this.output.toRoomAs(this.code, true, 'room:patch', { count: roster.count, add, remove });
  }

  private flushSnapshot(): void {
    // Called at once too (a console's action, a stage that attaches): the timer set for it goes.
    if (this.snapshotTimer) this.clock.clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    const stages = this.output.listeners(this.code, 'stages');
    const consoles = this.output.listeners(this.code, 'consoles');
    // What no screen takes patches against is not kept: one that comes later starts from a new
    // one (an old one, kept while nobody listened, would be out of date until the room changed).
    if (!stages.patches) this.stageHeld = null;
    if (!consoles.patches) this.snapshotHeld = null;
    if (stages.patches || stages.whole) {
      const picture = this.source.stageSnapshot();
      if (stages.whole) this.output.toStagesAs(this.code, false, 'stage:snapshot', picture);
      this.patchHeld(this.stageHeld, picture, (p) => this.output.toStagesAs(this.code, true, 'stage:patch', p));
    }
    if (!consoles.patches && !consoles.whole) return;
    const snapshot = this.source.snapshot();
    if (consoles.whole) this.output.toConsolesAs(this.code, false, 'console:snapshot', snapshot);
    this.patchHeld(this.snapshotHeld, snapshot, (p) => this.output.toConsolesAs(this.code, true, 'console:patch', p));
  }

  /**
   * Sends the screens that hold `held` what changed from it to `value`, as a patch, and holds
   * the new value. None can take one while none holds a value yet (`held` null: they all came
   * with whole ones).
   */
  private patchHeld(held: Held | null, value: unknown, send: (patch: Patch) => void): void {
    if (!held) return;
    const delta = diff(held.json, value);
    if (!delta) return;
    const base = held.version;
    held.json = applyPatch(held.json, delta);
    held.version = ++this.versions;
    send({ base, version: held.version, delta });
  }

  private flushEvents(): void {
    if (this.eventsTimer) this.clock.clearTimeout(this.eventsTimer);
    this.eventsTimer = null;
    if (this.streamed.length) {
      const batch = this.streamed;
      this.streamed = [];
      this.output.toConsoles(this.code, 'console:events', batch);
    }
    if (this.staged.length) {
      const batch = this.staged;
      this.staged = [];
      this.output.toStages(this.code, 'stage:events', batch);
    }
  }
}
