// The diagram's camera (./diagramCamera.ts) kept in step with the page: the canvas follows its
// wrapper's size, and the lanes are laid out again when the size, the scale or the lane filter
// change.

import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { DiagramCamera, type CameraLayout } from './diagramCamera';
import type { ReplayPlayer } from './player';

export interface DiagramSize {
  w: number;
  h: number;
}

export function useDiagramViewport(player: ReplayPlayer, scale: number, hiddenLanes: ReadonlySet<number>) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<DiagramSize>({ w: 900, h: 440 });
  const lanes = player.index.nodes.length;
  const duration = Math.max(1, player.index.duration);
  const layout: CameraLayout = { lanes, duration, width: size.w, height: size.h, scale, hiddenLanes };
  // Made once, like the window it opens on; later layouts only move it.
  const [camera] = useState(() => new DiagramCamera(layout, player.t));

  useLayoutEffect(() => {
    camera.relayout({ lanes, duration, width: size.w, height: size.h, scale, hiddenLanes });
  }, [camera, lanes, duration, size, scale, hiddenLanes]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const r = entry.contentRect;
        setSize({ w: Math.max(320, Math.round(r.width)), h: Math.max(240, Math.round(r.height)) });
      }
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  return { camera, size, wrapRef };
}
