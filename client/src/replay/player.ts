// The replay's clock and state: the instant shown (t), play / pause at a speed, jumps, and
// the state at t as the fold of the events up to it. Canvases read `t` every frame; React
// panels re-render from `snapshot`, refreshed at most ~12 times a second while playing and
// every frame while scrubbing. The fold runs ahead in small idle slices, so a jump anywhere
// later costs one copy of a checkpoint and a few hundred steps.

import { lowerBound, RecordingIndex, upperBound } from '../../../shared/replay/recordingIndex';
import { must } from '../../../shared/must';
import { candidateRows, cell } from './geometry';
import type { ReplayFold } from '../../../shared/replay/replayFold';
import type { SessionState } from '../../../shared/session/state';
import { consoleSnapshot } from '../../../shared/session/views';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { GAMES } from '../games/registry';
import { MARK_MS, SEND_DROP_SHOW_MS, TrafficModel } from '../map/traffic';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

/** The map shows what was in the air, and the marks of the last MARK_MS: fed from this far back. */
const TRAFFIC_WINDOW_MS = MARK_MS + 1_000;
/** While playing, the panels follow at this pace (the map and diagram every frame). */
const SNAPSHOT_EVERY_MS = 120;
/** Background fold slice per frame (ms). */
const BUILD_SLICE_MS = 8;
/** Fold work a jump may do in one frame before the rest is left to the next frames (ms). */
const REACH_SLICE_MS = 8;

export interface PlayerStats {
  seeks: number;
  /** The last 1,000 seek durations (ms), for percentiles. */
  seekMs: number[];
  seekMsTotal: number;
  seekMsMax: number;
  /** Frames (while playing or scrubbing) that came more than 2 × 16.7 ms apart. */
  slowFrames: number;
  frames: number;
}

declare global {
  interface Window {
    /** Figures for the benchmark and the e2e test. */
    __hcReplay?: { player: ReplayPlayer; stats: PlayerStats; open: Record<string, number> };
  }
}

export class ReplayPlayer {
  t = 0;
  playing = false;
  speed = 1;
  /** The message row the viewer points at (a drop the user jumped to, a clicked arrow). */
  selected: number | null = null;
  readonly traffic = new TrafficModel();
  snapshot: ConsoleSnapshot;
  /** Changes whenever something React shows changed (the instant included). */
  version = 0;
  /** Changes when the state shown changed (snapshot, selection, fold progress), not the instant alone. */
  stateVersion = 0;
  readonly stats: PlayerStats = { seeks: 0, seekMs: [], seekMsTotal: 0, seekMsMax: 0, slowFrames: 0, frames: 0 };
  /** Events folded into the snapshot. */
  private count = 0;
  /** Events [0, ingested) were fed to the traffic model. */
  private ingested = 0;
  private ingestedT = 0;
  private lastSnapshotAt = 0;
  /** The fold is still on its way to the instant shown (a long jump). */
  catchingUp = false;
  private catchRaf = 0;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private lastTimeShown = 0;
  private dirty = false;
  private raf = 0;
  private lastFrame = 0;
  private buildTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  private dropTimes: Float64Array | null = null;
  /** The drop the last "next drop" went to. */
  private lastDrop: number | null = null;

  constructor(
    readonly index: RecordingIndex,
    readonly fold: ReplayFold,
  ) {
    this.snapshot = this.takeSnapshot(this.fold.after(0));
    this.scheduleBuild();
  }

  get duration(): number {
    return this.index.duration;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;
  getStateVersion = (): number => this.stateVersion;

  play(): void {
    if (this.playing) return;
    if (this.t >= this.duration) this.seek(0);
    this.playing = true;
    this.lastFrame = performance.now();
    this.loop();
    this.changed();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.refresh(true);
    this.changed();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.changed('time');
  }

  /** Moves to instant `t` (ms since the session started). */
  seek(t: number, opts: { select?: number | null } = {}): void {
    const start = performance.now();
    this.t = Math.max(0, Math.min(this.duration, t));
    if (opts.select !== undefined) this.selected = opts.select;
    this.syncTraffic();
    this.refresh(true);
    this.noteSeek(performance.now() - start);
    this.changed();
  }

  private noteSeek(took: number): void {
    this.stats.seeks++;
    this.stats.seekMs.push(took);
    if (this.stats.seekMs.length > 1000) this.stats.seekMs.shift();
    this.stats.seekMsTotal += took;
    this.stats.seekMsMax = Math.max(this.stats.seekMsMax, took);
  }

  select(row: number | null): void {
    this.selected = row;
    this.changed();
  }

  /**
   * Moves to `t` while someone drags the timeline: the map and diagram follow at once, the
   * panels at most ~12 times a second, and exactly once the dragging pauses.
   */
  scrub(t: number): void {
    const start = performance.now();
    this.t = Math.max(0, Math.min(this.duration, t));
    this.syncTraffic();
    this.refresh(false);
    this.noteSeek(performance.now() - start);
    this.changed('time');
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      if (!this.disposed) this.refresh(true);
    }, 120);
  }

  // ---- jumps ----

  roundStarts(): number[] {
    return this.index.rounds.map((r) => r.startT);
  }

  faultTimes(): number[] {
    return this.index.faults.filter((f) => f.idx >= 0).map((f) => f.t);
  }

  jumpNext(times: readonly number[] | Float64Array): boolean {
    const next = RecordingIndex.next(times, this.t + 0.5);
    if (next === null) return false;
    this.seek(next);
    return true;
  }

  jumpPrev(times: readonly number[] | Float64Array): boolean {
    const prev = RecordingIndex.prev(times, this.t - 0.5);
    if (prev === null) return false;
    this.seek(prev);
    return true;
  }

  /**
   * Jumps to the next (or previous) dropped message and points at it. Drops at the same
   * instant (a broadcast across a cut) are visited one by one.
   */
  nextDrop(dir: 1 | -1 = 1): boolean {
    const drops = this.index.drops;
    this.dropTimes ??= this.index.dropTimes();
    const times = this.dropTimes;
    const here = this.lastDrop !== null && this.t === this.dropInstant(this.lastDrop) ? this.lastDrop : null;
    let pick: number;
    if (here !== null) pick = here + dir;
    else if (dir === 1) pick = upperBound(times, this.t);
    else pick = lowerBound(times, this.t) - 1;
    if (pick < 0 || pick >= drops.length) return false;
    this.seek(this.dropInstant(pick), { select: this.index.rowOfEvent(cell(drops, pick)) ?? null });
    this.lastDrop = pick;
    return true;
  }

  /** Where to stand to see drop `i`: a drop at send shows on the map a moment after it leaves. */
  private dropInstant(i: number): number {
    const idx = cell(this.index.drops, i);
    const atSend = must(this.index.events[idx], "a dropped message's event").type === 'envelope:sent';
    return Math.min(this.duration, cell(this.index.times, idx) + (atSend ? SEND_DROP_SHOW_MS * 0.5 : 1));
  }

  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.raf);
    cancelAnimationFrame(this.catchRaf);
    if (this.buildTimer) clearTimeout(this.buildTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.listeners.clear();
  }

  // ---- internals ----

  private loop(): void {
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame((now) => {
      if (this.disposed || !this.playing) return;
      const dt = Math.min(250, now - this.lastFrame);
      if (now - this.lastFrame > 33.4) this.stats.slowFrames++;
      this.stats.frames++;
      this.lastFrame = now;
      this.t = Math.min(this.duration, this.t + dt * this.speed);
      this.syncTraffic();
      this.refresh(false);
      // The clock on screen moves even when nothing happens in the session.
      if (now - this.lastTimeShown > 66) {
        this.lastTimeShown = now;
        this.changed('time');
      }
      if (this.t >= this.duration) {
        this.playing = false;
        this.refresh(true);
        this.changed();
        return;
      }
      this.loop();
    });
  }

  /** Feeds the map's traffic model what happened up to `t`: forward in small steps, or anew. */
  private syncTraffic(): void {
    const target = this.index.countAt(this.t);
    const events = this.index.events;
    if (target >= this.ingested && this.t - this.ingestedT < TRAFFIC_WINDOW_MS) {
      if (target > this.ingested) this.traffic.ingest(events.slice(this.ingested, target));
    } else {
      // A jump: start over from what was in the air at t (from the index: no fold needed),
      // and the recent past.
      this.traffic.clear();
      const from = this.index.countAt(this.t - TRAFFIC_WINDOW_MS);
      const m = this.index.messages;
      const [lo, hi] = candidateRows(m, this.t, this.t);
      const older: number[] = [];
      for (let k = lo; k < hi; k++) {
        const sendIdx = cell(m.sendIdx, k);
        if (sendIdx < from && cell(m.endT, k) >= this.t - MARK_MS && (older.length === 0 || older.at(-1) !== sendIdx)) older.push(sendIdx);
      }
      this.traffic.ingest(older.map((i) => must(events[i], 'the send event of a message row')));
      this.traffic.ingest(events.slice(from, target));
    }
    this.ingested = target;
    this.ingestedT = this.t;
  }

  private refresh(force: boolean): void {
    const count = this.index.countAt(this.t);
    if (count !== this.count) this.dirty = true;
    const now = performance.now();
    if (!force && (!this.dirty || now - this.lastSnapshotAt < SNAPSHOT_EVERY_MS)) return;
    // Far past the checkpoints, the fold gets there over a few frames; the panels wait.
    const deadline = now + REACH_SLICE_MS;
    const state = this.fold.reach(count, () => performance.now() > deadline);
    if (!state) {
      if (!this.catchingUp) {
        this.catchingUp = true;
        this.changed();
      }
      this.catchUp();
      return;
    }
    this.catchingUp = false;
    this.count = count;
    this.snapshot = this.takeSnapshot(state);
    this.lastSnapshotAt = now;
    this.dirty = false;
    this.changed();
  }

  private catchUp(): void {
    if (this.catchRaf) return;
    this.catchRaf = requestAnimationFrame(() => {
      this.catchRaf = 0;
      if (!this.disposed) this.refresh(true);
    });
  }

  private takeSnapshot(state: SessionState): ConsoleSnapshot {
    // The fold changes its state in place: React gets a copy it can keep.
    return structuredClone(consoleSnapshot(state, GAMES, this.t));
  }

  private changed(what: 'time' | 'state' = 'state'): void {
    this.version++;
    if (what === 'state') this.stateVersion++;
    for (const l of this.listeners) l();
  }

  /** Folds ahead between frames, in short slices, until every checkpoint exists. */
  private scheduleBuild(): void {
    if (this.disposed || this.fold.complete) return;
    const channel = new MessageChannel();
    let slices = 0;
    channel.port1.onmessage = () => {
      if (this.disposed) return;
      const start = performance.now();
      const done = this.fold.build(() => performance.now() - start > BUILD_SLICE_MS);
      // Now and then a visible step, for the "preparing" line.
      if (done || ++slices % 30 === 0) this.changed();
      if (done) channel.port1.close();
      else if (this.playing || this.catchingUp) this.buildTimer = setTimeout(() => channel.port2.postMessage(null), 16);
      else channel.port2.postMessage(null);
    };
    this.buildTimer = setTimeout(() => channel.port2.postMessage(null), 50);
  }
}
