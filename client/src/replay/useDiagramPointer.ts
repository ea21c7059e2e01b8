// The diagram under the hand: the wheel zooms (Ctrl/⌘ or a pinch), pans (Shift or a sideways
// swipe) or scrolls the lanes; a drag pans; hovering names a message, a click or a tap selects
// it; and the keys do the same as the pointer for those who use a keyboard.

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { DiagramCamera, TimeWindow } from './diagramCamera';
import { clampWindow, hitRow, maxScrollY, panBy, zoomAt, type RowFilter, type Viewport } from './geometry';
import type { ReplayPlayer } from './player';

export interface DiagramHover {
  row: number;
  /** Where the pointer is on the canvas (px). */
  x: number;
  y: number;
}

interface Drag {
  x: number;
  y: number;
  t0: number;
  t1: number;
  scroll: number;
  moved: boolean;
}

interface PointerOptions {
  player: ReplayPlayer;
  camera: DiagramCamera;
  over: RefObject<HTMLCanvasElement | null>;
  filter: RowFilter;
  stopFollowing(): void;
}

/** A move of more than this many pixels with the button down is a drag, not a click. */
const DRAG_PX = 5;

export function useDiagramPointer({ player, camera, over, filter, stopFollowing }: PointerOptions) {
  const [hover, setHover] = useState<DiagramHover | null>(null);
  /** The hovered row for the draw loop, which reads it every frame. */
  const hovered = useRef<number | null>(null);
  const drag = useRef<Drag | null>(null);
  const messages = player.index.messages;

  useEffect(() => {
    const el = over.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const v = camera.viewport();
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        stopFollowing();
        camera.setWindow(zoomAt(v, Math.exp(e.deltaY * 0.0025), e.offsetX, camera.duration));
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        stopFollowing();
        camera.setWindow(panBy(v, -(e.shiftKey ? e.deltaY : e.deltaX), camera.duration));
      } else if (maxScrollY(v) > 0) {
        const next = Math.max(0, Math.min(maxScrollY(v), camera.scrollY + e.deltaY));
        if (next !== camera.scrollY) {
          e.preventDefault();
          camera.scrollTo(next);
        }
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [camera, over, stopFollowing]);

  const local = (e: PointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const unhover = () => {
    hovered.current = null;
    setHover(null);
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const { x, y } = local(e);
    drag.current = { x, y, t0: camera.t0, t1: camera.t1, scroll: camera.scrollY, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    const d = drag.current;
    if (d) {
      if (Math.hypot(x - d.x, y - d.y) > DRAG_PX) d.moved = true;
      if (d.moved) {
        stopFollowing();
        camera.setWindow(panBy({ ...camera.viewport(), t0: d.t0, t1: d.t1 }, x - d.x, camera.duration));
        camera.scrollTo(d.scroll - (y - d.y));
        unhover();
        return;
      }
    }
    if (e.pointerType === 'touch') return;
    const row = hitRow(camera.viewport(), messages, filter, x, y);
    hovered.current = row;
    setHover((h) => (row === null ? null : h?.row === row ? { ...h, x, y } : { row, x, y }));
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const { x, y } = local(e);
    player.select(hitRow(camera.viewport(), messages, filter, x, y, e.pointerType === 'touch' ? 14 : 7));
  };
  const onPointerCancel = () => {
    drag.current = null;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const move = keyMove(e.key, camera.viewport(), camera.duration);
    if (!move) return;
    e.preventDefault();
    e.stopPropagation();
    if ('window' in move) {
      stopFollowing();
      camera.setWindow(move.window);
    } else camera.scrollTo(camera.scrollY + move.scrollBy);
  };

  return {
    hover,
    hovered,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave: unhover, onKeyDown },
  };
}

/** What a key does to the view: a new time window, or the lanes scrolled; null for other keys. */
function keyMove(key: string, v: Viewport, duration: number): { window: TimeWindow } | { scrollBy: number } | null {
  const mid = (v.gutter + v.width) / 2;
  const quarter = (v.width - v.gutter) * 0.25;
  switch (key) {
    case '+':
    case '=':
      return { window: zoomAt(v, 0.6, mid, duration) };
    case '-':
      return { window: zoomAt(v, 1 / 0.6, mid, duration) };
    case '0':
      return { window: clampWindow(0, duration, duration) };
    case 'ArrowLeft':
      return { window: panBy(v, quarter, duration) };
    case 'ArrowRight':
      return { window: panBy(v, -quarter, duration) };
    case 'ArrowUp':
      return { scrollBy: -v.laneH * 2 };
    case 'ArrowDown':
      return { scrollBy: v.laneH * 2 };
    default:
      return null;
  }
}
