// The room's state at any point of a recording: the fold of the events up to that point, with
// the same `step` the live room uses. `step` changes a state in place, so a copy is kept every
// `every` events (a checkpoint); reaching any point then costs one copy and at most `every`
// steps, whichever way the viewer scrubs. Checkpoints are made lazily: while the viewer plays,
// `build` folds ahead in small slices, and a jump past them folds only what it needs.
//
// Memory: a game's state can be large (a sandbox round keeps 200 messages per node), so the
// size of a checkpoint is sampled now and then (its JSON length) and, past a budget, every
// other checkpoint is dropped and the spacing doubles.

import type { Games } from '../games/types';
import { must } from '../must';
import { step } from '../session/fold';
import { createSessionState, type SessionState } from '../session/state';
import type { RecordingHeader, SessionEvent } from '../protocol/recordingFormat';

/** Checkpoints kept at most; longer recordings space them further apart. */
const MAX_CHECKPOINTS = 200;
const MIN_EVERY = 500;
/** All checkpoints together, in characters of JSON (≈ 2–3 bytes of memory each). */
const BUDGET_CHARS = 40_000_000;
/** One checkpoint in this many has its size measured. */
const SAMPLE_EVERY = 8;

export class ReplayFoldError extends Error {
  constructor(
    message: string,
    /** Index of the event that could not be applied. */
    readonly index: number,
    /** The event's sequence number and type (the screen words them; `message` is English, for diagnosis). */
    readonly seq: number,
    readonly type: string,
  ) {
    super(message);
  }
}

interface Cursor {
  state: SessionState;
  /** Events folded into `state`. */
  pos: number;
}

export class ReplayFold {
  /** A checkpoint every this many events: checkpoint k is the state after k × every events. */
  every: number;
  private checkpoints: (SessionState | undefined)[];
  /** JSON length of a recent checkpoint, and how many are stored. */
  private sampledChars = 0;
  private stored = 1;
  private readonly budgetChars: number;
  /** Checkpoints 0..built all exist (the background fold has reached built × every). */
  private built = 0;
  private bg: Cursor | null = null;
  /** The viewer's instant, and a second one for looking things up (a message's clocks). */
  private readonly main: Cursor;
  private readonly probeCursor: Cursor;
  /** Set once an event could not be applied: the replay stops before it. */
  failure: ReplayFoldError | null = null;

  constructor(
    header: RecordingHeader,
    private readonly events: readonly SessionEvent[],
    private readonly games: Games,
    opts: { every?: number; budgetChars?: number } | number = {},
  ) {
    const o = typeof opts === 'number' ? { every: opts } : opts;
    this.budgetChars = o.budgetChars ?? BUDGET_CHARS;
    this.every = Math.max(1, o.every ?? Math.max(MIN_EVERY, Math.ceil(events.length / MAX_CHECKPOINTS)));
    this.checkpoints = new Array(Math.floor(events.length / this.every) + 1);
    this.checkpoints[0] = createSessionState(header, { vectors: true });
    this.main = { state: createSessionState(header, { vectors: true }), pos: 0 };
    this.probeCursor = { state: createSessionState(header, { vectors: true }), pos: 0 };
  }

  get count(): number {
    return this.events.length;
  }

  /** How far the background fold has got (events), for a progress bar. */
  get folded(): number {
    return Math.min(this.events.length, this.built * this.every);
  }

  /** True when every checkpoint exists: any point is then a copy and a few steps away. */
  get complete(): boolean {
    return this.built >= this.checkpoints.length - 1;
  }

  /**
   * The state after the first `count` events. It belongs to this object and changes on the
   * next call: read it (or copy it) before asking again. When an event cannot be applied, the
   * state stops just before it and `failure` says why.
   */
  after(count: number): SessionState {
    return this.move(this.main, count);
  }

  /**
   * Like `after`, but stops when `enough()` says so (a time budget): returns the state once it
   * is reached, or null, having got closer (call again to go on). A jump far past the
   * checkpoints then costs a few frames instead of freezing the screen.
   */
  reach(count: number, enough: () => boolean): SessionState | null {
    const target = this.position(this.main, count);
    const c = this.main;
    while (c.pos < target) {
      const stop = Math.min(target, c.pos + 250);
      this.stepCursorTo(c, stop);
      if (c.pos < stop) return c.state; // an event could not be applied: stay where it stopped
      if (c.pos < target && enough()) return null;
    }
    return c.state;
  }

  /** Like `after`, on a second cursor: looking something up leaves the viewer's state alone. */
  probe(count: number): SessionState {
    return this.move(this.probeCursor, count);
  }

  private move(cursor: Cursor, count: number): SessionState {
    this.stepCursorTo(cursor, this.position(cursor, count));
    return cursor.state;
  }

  /** Puts the cursor on the best start for `count` (itself, or a copy of a checkpoint). */
  private position(cursor: Cursor, count: number): number {
    const target = Math.max(0, Math.min(this.events.length, Math.floor(count)));
    const k = this.nearestCheckpoint(target);
    const fromCheckpoint = k * this.every;
    if (!(cursor.pos <= target && target - cursor.pos <= target - fromCheckpoint)) {
      cursor.state = structuredClone(this.checkpoint(k));
      cursor.pos = fromCheckpoint;
    }
    return target;
  }

  /**
   * Folds ahead, making checkpoints, until `enough()` says to stop (a time budget: this file
   * never reads the clock). Returns true once every checkpoint exists.
   */
  build(enough: () => boolean): boolean {
    while (!this.failure) {
      if (this.built >= this.checkpoints.length - 1) return true;
      if (this.checkpoints[this.built + 1]) {
        this.built++;
        this.bg = null;
        continue;
      }
      this.bg ??= { state: structuredClone(this.checkpoint(this.built)), pos: this.built * this.every };
      const next = (this.built + 1) * this.every;
      const stop = Math.min(next, this.bg.pos + 250);
      while (this.bg.pos < stop) {
        if (!this.apply(this.bg.state, this.bg.pos)) return true;
        this.bg.pos++;
      }
      if (this.bg.pos === next) {
        this.built++;
        this.store(this.built, this.bg.state);
      }
      if (enough()) return this.built >= this.checkpoints.length - 1;
    }
    return true;
  }

  /** The largest existing checkpoint at or before `count` events. */
  private nearestCheckpoint(count: number): number {
    let k = Math.floor(count / this.every);
    while (k > 0 && !this.checkpoints[k]) k--;
    return k;
  }

  private stepCursorTo(cursor: Cursor, target: number): void {
    while (cursor.pos < target) {
      if (!this.apply(cursor.state, cursor.pos)) return;
      cursor.pos++;
      // Keep what the jump folded, so coming back here is cheap.
      if (cursor.pos % this.every === 0 && !this.checkpoints[cursor.pos / this.every]) this.store(cursor.pos / this.every, cursor.state);
    }
  }

  /** Keeps a copy as checkpoint k; past the memory budget, thins the checkpoints out. */
  private store(k: number, state: SessionState): void {
    this.checkpoints[k] = structuredClone(state);
    this.stored++;
    if (this.stored % SAMPLE_EVERY === 1 || this.sampledChars === 0) this.sampledChars = JSON.stringify(state).length;
    if (this.sampledChars * this.stored > this.budgetChars && this.stored > 2) this.coarsen();
  }

  /** Doubles the spacing: checkpoint 2k becomes k, the others are dropped. */
  private coarsen(): void {
    const old = this.checkpoints;
    this.every *= 2;
    this.checkpoints = new Array(Math.floor(this.events.length / this.every) + 1);
    this.stored = 0;
    for (let k = 0; k < this.checkpoints.length; k++) {
      const cp = old[2 * k];
      if (cp) {
        this.checkpoints[k] = cp;
        this.stored++;
      }
    }
    // The background fold goes on from the last contiguous checkpoint.
    this.built = 0;
    while (this.built + 1 < this.checkpoints.length && this.checkpoints[this.built + 1]) this.built++;
    this.bg = null;
  }

  /** Checkpoint k, which the caller knows exists (0 always does; `built` ones do). */
  private checkpoint(k: number): SessionState {
    return must(this.checkpoints[k], `replay checkpoint ${k}`);
  }

  private apply(state: SessionState, i: number): boolean {
    const event = this.events[i];
    if (!event || (this.failure && i >= this.failure.index)) return false;
    try {
      step(state, event, this.games);
      return true;
    } catch (err) {
      this.failure = new ReplayFoldError(
        `Event ${event.seq} (${event.type}) could not be replayed: ${(err as Error).message}`,
        i,
        event.seq,
        event.type,
      );
      return false;
    }
  }
}
