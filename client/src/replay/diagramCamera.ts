// What the space-time diagram shows: the time window, how far the lanes are scrolled, and the
// canvas size, scale and lane filter they are laid out with. Mutable on purpose, like the
// player: the draw loop, the pointer and the keys change it between frames without a React
// render, and `dirty` tells the loop to paint the base layer again.

import { clampWindow, fitLaneHeight, laneSlots, maxScrollY, type Viewport } from './geometry';

const DEFAULT_SPAN_MS = 30_000;

export interface TimeWindow {
  t0: number;
  t1: number;
}

export interface CameraLayout {
  lanes: number;
  /** The session's length (ms, at least 1). */
  duration: number;
  width: number;
  height: number;
  scale: number;
  hiddenLanes: ReadonlySet<number>;
}

export class DiagramCamera {
  t0: number;
  t1: number;
  /** Lanes scrolled off the top (px); kept in range by `viewport()`. */
  scrollY = 0;
  /** The base layer must be painted again. */
  dirty = true;
  layout: CameraLayout;

  /** Opens on the whole session when it is short, else on a window just around `t`. */
  constructor(layout: CameraLayout, t: number) {
    this.layout = layout;
    const { duration } = layout;
    const w =
      duration <= 60_000 ? clampWindow(0, duration, duration) : clampWindow(t - DEFAULT_SPAN_MS * 0.1, t + DEFAULT_SPAN_MS * 0.9, duration);
    this.t0 = w.t0;
    this.t1 = w.t1;
  }

  get duration(): number {
    return this.layout.duration;
  }

  relayout(layout: CameraLayout): void {
    this.layout = layout;
    this.dirty = true;
  }

  /** Where everything is on the canvas now. */
  viewport(): Viewport {
    const { lanes, hiddenLanes, scale, width, height } = this.layout;
    const { slots, count } = laneSlots(lanes, hiddenLanes);
    const axis = Math.round(56 * scale);
    const laneH = fitLaneHeight(height, axis, count, Math.round(16 * scale), Math.round(56 * scale));
    const partial = {
      width,
      height,
      gutter: Math.round(Math.min(150 * scale, width * 0.26)),
      axis,
      laneH,
      slots,
      slotCount: count,
    };
    this.scrollY = Math.max(0, Math.min(maxScrollY(partial), this.scrollY));
    return { ...partial, t0: this.t0, t1: this.t1, scrollY: this.scrollY };
  }

  window(): TimeWindow {
    return { t0: this.t0, t1: this.t1 };
  }

  setWindow(w: TimeWindow): void {
    this.t0 = w.t0;
    this.t1 = w.t1;
    this.dirty = true;
  }

  /** Shows [t0, t1], kept inside the session. */
  show(t0: number, t1: number): void {
    this.setWindow(clampWindow(t0, t1, this.duration));
  }

  scrollTo(y: number): void {
    this.scrollY = y;
    this.dirty = true;
  }
}
