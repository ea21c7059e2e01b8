// The diagram's one animation loop: the base layer when the view changed, the overlay (hover,
// selection) when either moved, and the playhead and the greyed future as DOM layers, so that
// moving them repaints no canvas. While following, the window keeps the playhead in sight.

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { TEST_HOOKS } from '../testHooks';
import type { DiagramCamera } from './diagramCamera';
import type { DiagramScene } from './diagramScene';
import { drawBase, drawOverlay } from './drawDiagram';
import { follow, formatClock, xOf } from './geometry';
import type { ReplayPlayer } from './player';
import type { DiagramSize } from './useDiagramViewport';

export interface DiagramStats {
  draws: number;
  drawMsTotal: number;
  drawMsMax: number;
  lastMs: number;
  lastRows: number;
}

declare global {
  interface Window {
    __hcDiagram?: DiagramStats & { view(): { t0: number; t1: number }; setView(t0: number, t1: number): void };
  }
}

/** What the words beside the diagram say: the window shown and what is in it. */
export interface DiagramWords {
  window: string;
  summary: string | null;
}

interface DrawLoopOptions {
  player: ReplayPlayer;
  camera: DiagramCamera;
  scene: DiagramScene;
  size: DiagramSize;
  /** The overlay canvas (the pointer's too). */
  over: RefObject<HTMLCanvasElement | null>;
  following: boolean;
  /** The message row under the pointer (the pointer hook writes it). */
  hovered: RefObject<number | null>;
  /** Stops following (the test hook's setView does, like any manual move). */
  stopFollowing(): void;
}

export function useDiagramDrawLoop({ player, camera, scene, size, over, following, hovered, stopFollowing }: DrawLoopOptions) {
  const baseRef = useRef<HTMLCanvasElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const futureRef = useRef<HTMLDivElement>(null);
  const [words, setWords] = useState<DiagramWords>({ window: '', summary: null });
  const sceneRef = useRef(scene);
  const followRef = useRef(following);
  const statsRef = useRef<DiagramStats>({ draws: 0, drawMsTotal: 0, drawMsMax: 0, lastMs: 0, lastRows: 0 });

  useLayoutEffect(() => {
    sceneRef.current = scene;
    camera.dirty = true;
  }, [camera, scene]);
  useLayoutEffect(() => {
    followRef.current = following;
  }, [following]);

  useEffect(() => {
    if (!TEST_HOOKS) return;
    window.__hcDiagram = Object.assign(statsRef.current, {
      view: () => camera.window(),
      setView: (t0: number, t1: number) => {
        stopFollowing();
        camera.show(t0, t1);
      },
    });
  }, [camera, stopFollowing]);

  useEffect(() => {
    const base = baseRef.current;
    const overlay = over.current;
    if (!base || !overlay) return;
    const dpr = window.devicePixelRatio || 1;
    for (const c of [base, overlay]) {
      c.width = Math.round(size.w * dpr);
      c.height = Math.round(size.h * dpr);
    }
    const bctx = base.getContext('2d');
    const octx = overlay.getContext('2d');
    if (!bctx || !octx) return;
    const stats = statsRef.current;
    camera.dirty = true;
    let raf = 0;
    let last = { t: Number.NaN, hovered: -2 as number | null, selected: -2 as number | null };
    let lastX = Number.NaN;
    let movedAt = 0;
    let shown: DiagramWords = { window: '', summary: null };
    const frame = (now: number) => {
      const duration = camera.duration;
      if (player.t !== last.t) movedAt = now;
      // Follow the playhead; while someone drags the timeline, wait until they pause.
      if (followRef.current && (player.playing || now - movedAt > 120)) {
        const w = follow(camera.t0, camera.t1, player.t, duration);
        if (w) camera.setWindow(w);
      }
      const v = camera.viewport();
      const redraw = camera.dirty;
      if (redraw) {
        camera.dirty = false;
        bctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        const f = drawBase(bctx, v, sceneRef.current);
        stats.draws++;
        stats.drawMsTotal += f.ms;
        stats.drawMsMax = Math.max(stats.drawMsMax, f.ms);
        stats.lastMs = f.ms;
        stats.lastRows = f.rows;
        // React hears of it only when the words change (not on every frame of a drag).
        const step = v.t1 - v.t0 < 10_000 ? 100 : 1000;
        const text = `${formatClock(Math.max(0, v.t0), step)}–${formatClock(Math.min(duration, v.t1), step)}`;
        const summary = sceneRef.current.words.summary(f);
        if (text !== shown.window || summary !== shown.summary) {
          shown = { window: text, summary };
          setWords(shown);
        }
      }
      if (redraw || last.hovered !== hovered.current || last.selected !== player.selected) {
        octx.setTransform(dpr, 0, 0, dpr, 0, 0);
        drawOverlay(octx, v, { hovered: hovered.current, selected: player.selected, scene: sceneRef.current });
      }
      const x = Math.round(xOf(v, player.t));
      if (redraw || x !== lastX) {
        lastX = x;
        const head = headRef.current;
        const future = futureRef.current;
        if (head && future) {
          const inside = x >= v.gutter && x <= v.width;
          head.style.display = inside ? 'block' : 'none';
          head.style.transform = `translateX(${x - 1}px)`;
          head.style.top = `${v.axis}px`;
          const from = Math.max(v.gutter, Math.min(v.width, x));
          future.style.top = `${v.axis}px`;
          future.style.transform = `translateX(${from}px)`;
          future.style.width = `${Math.max(0, v.width - from)}px`;
        }
      }
      last = { t: player.t, hovered: hovered.current, selected: player.selected };
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [camera, player, size.w, size.h, over, hovered]);

  return { words, baseRef, headRef, futureRef };
}
