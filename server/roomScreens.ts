// What a room pushes to screens, batched on the room's clock: phones get their changed views
// (within a few ms), everyone the roster when it changes, consoles a snapshot a few times a
// second and the stream of recorded events the live map animates, and projector stages the
// same two cut down to what the class may see (shared/session/stage.ts).

import type { Roster, ServerEvent, ServerToClientEvents } from '../shared/protocol/events';
import type { NodeId } from '../shared/protocol/ids';
import type { SessionEvent } from '../shared/protocol/recordingFormat';
import type { ConsoleSnapshot, NodeView, StageSnapshot } from '../shared/protocol/views';
import type { Changes } from '../shared/session/core';
import { stageEvents } from '../shared/session/stage';
import type { Clock, TimerHandle } from './clock';

/** How a room reaches screens; the socket layer implements it. */
export interface RoomOutput {
  toNode<E extends ServerEvent>(code: string, node: NodeId, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  toRoom<E extends ServerEvent>(code: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  toConsoles<E extends ServerEvent>(code: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
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

export class RoomScreens {
  private viewTimer: TimerHandle | null = null;
  private rosterTimer: TimerHandle | null = null;
  private snapshotTimer: TimerHandle | null = null;
  private eventsTimer: TimerHandle | null = null;
  private streamed: SessionEvent[] = [];
  private staged: SessionEvent[] = [];
  private rosterDirty = false;

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
      if (event.type === 'node:joined' || event.type === 'node:kicked' || event.type === 'node:left') this.rosterDirty = true;
      if (consoles && STREAMED.has(event.type)) this.streamed.push(event);
    }
    if (stages) this.staged.push(...stageEvents(events));
  }

  /** After an input: arms whichever batches now have something to send. */
  schedule(): void {
    this.viewTimer ??= this.clock.setTimeout(
      guarded('views', () => this.flushViews()),
      VIEW_BATCH_MS,
    );
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

  /** Sends what is pending to consoles at once (after a console action, at the end). */
  flushConsole(): void {
    this.flushEvents();
    this.flushSnapshot();
  }

  stop(): void {
    for (const t of [this.viewTimer, this.rosterTimer, this.snapshotTimer, this.eventsTimer]) {
      if (t) this.clock.clearTimeout(t);
    }
    this.viewTimer = this.rosterTimer = this.snapshotTimer = this.eventsTimer = null;
  }

  private flushViews(): void {
    this.viewTimer = null;
    const changes = this.source.takeChanges();
    const connected = this.source.connected();
    const targets = changes.all ? [...connected.keys()] : [...changes.nodes].filter((n) => connected.has(n));
    for (const node of targets) {
      try {
        const view = this.source.view(node);
        if (view) this.output.toNode(this.code, node, 'node:view', view);
      } catch (err) {
        console.error(`room ${this.code}: the view of ${node} failed:`, err);
      }
    }
  }

  private flushRoster(): void {
    this.rosterTimer = null;
    this.rosterDirty = false;
    this.output.toRoom(this.code, 'room:roster', this.source.roster());
  }

  private flushSnapshot(): void {
    this.snapshotTimer = null;
    if (this.output.hasConsoles(this.code)) this.output.toConsoles(this.code, 'console:snapshot', this.source.snapshot());
    if (this.output.stages(this.code) > 0) this.output.toStages(this.code, 'stage:snapshot', this.source.stageSnapshot());
  }

  private flushEvents(): void {
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
