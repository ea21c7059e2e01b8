// The network map: nodes in their partition groups and messages travelling between them,
// drawn on a canvas in an animation frame whenever the picture can have changed (a render, a
// node on its way to its place, a message in flight or just gone, a drag); a still picture is
// not drawn again, so an idle console costs the laptop (and the projector) nothing. React renders
// this component only when the room's picture changes (a few times a second); messages never
// cause a React render.

import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { Faults } from '../../../shared/net/faults';
import { drawMap, mapWords, type KindStyle, type MapNode } from './draw';
import { layout as computeLayout, regionAt, type Layout } from './layout';
import type { TrafficModel } from './traffic';
import { TEST_HOOKS } from '../testHooks';

export interface MapStats {
  /** Animation frames that came (the page's frame rate, drawn or not). */
  frames: number;
  /** Frames drawn: a still picture is not drawn again. */
  drawn: number;
  drawMsTotal: number;
  drawMsMax: number;
  /** Frames that took longer than 2 × 16.7 ms to come. */
  slowFrames: number;
}

declare global {
  interface Window {
    /** Frame figures for the benchmark. */
    __hcMapStats?: MapStats;
  }
}

export interface NetworkMapProps {
  nodes: MapNode[];
  faults: Faults;
  traffic: TrafficModel;
  /** The session time to draw (live: now; replay: the scrubbed instant). */
  now(): number;
  kindStyle(kind: string, body: unknown): KindStyle;
  selected?: ReadonlySet<string>;
  /** Select nodes: replace the selection, or add to it (shift). */
  onSelect?(ids: string[], add: boolean): void;
  /** Nodes dragged onto a group ("new" when dropped outside every group). */
  onMove?(ids: string[], group: string): void;
  /** A node clicked without dragging: show its actions near (x, y) in page pixels. */
  onNodeClick?(id: string, x: number, y: number): void;
  /** A link clicked (small rooms draw every link). */
  onLinkClick?(from: string, to: string, x: number, y: number): void;
  height?: number | string;
  scale?: number;
  /** The largest a node is drawn (px); 28 unless given. */
  maxRadius?: number;
  label: string;
}

type Drag =
  | { kind: 'box'; x0: number; y0: number; x1: number; y1: number; add: boolean }
  | { kind: 'nodes'; ids: string[]; x0: number; y0: number; x1: number; y1: number; moved: boolean; clicked: string };

export function NetworkMap(props: NetworkMapProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  // Set by every render (new nodes, faults, selection, words) and by a new layout: draw once more.
  const dirtyRef = useRef(true);
  dirtyRef.current = true;
  const t = useT();
  const words = useMemo(() => mapWords(t), [t]);
  const wordsRef = useRef(words);
  wordsRef.current = words;
  const [size, setSize] = useState({ w: 800, h: 500 });
  const layoutRef = useRef<Layout>(computeLayout([], 800, 500));
  const atRef = useRef(new Map<string, { x: number; y: number }>());
  const dragRef = useRef<Drag | null>(null);

  // The layout follows the nodes' groups and the canvas size, not every new array of nodes:
  // the nodes are kept from the render where their ids or groups last changed.
  const groupsKey = props.nodes.map((n) => `${n.id}:${n.group}`).join(',');
  const [seats, setSeats] = useState({ key: groupsKey, nodes: props.nodes });
  if (seats.key !== groupsKey) setSeats({ key: groupsKey, nodes: props.nodes });
  useEffect(() => {
    layoutRef.current = computeLayout(seats.nodes, size.w, size.h, 12, props.maxRadius);
    dirtyRef.current = true;
  }, [seats, size.w, size.h, props.maxRadius]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const r = entry.contentRect;
        setSize({ w: Math.max(200, Math.round(r.width)), h: Math.max(200, Math.round(r.height)) });
      }
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.w * dpr);
    canvas.height = Math.round(size.h * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const stats = mapStats();
    let raf = 0;
    let last = performance.now();
    // Messages were drawn last frame: one more frame clears the last of them.
    let hadFlights = false;
    dirtyRef.current = true;
    const frame = () => {
      raf = requestAnimationFrame(frame);
      const start = performance.now();
      if (start - last > 33.4) stats.slowFrames++;
      last = start;
      stats.frames++;
      const p = propsRef.current;
      const target = layoutRef.current;
      const at = atRef.current;
      if (at.size > p.nodes.length) {
        const keep = new Set(p.nodes.map((n) => n.id));
        for (const id of at.keys()) if (!keep.has(id)) at.delete(id);
      }
      // Ease each node towards its place, so a move between groups is visible; within a tenth
      // of a pixel it is there.
      let moving = false;
      for (const n of p.nodes) {
        const goal = target.positions.get(n.id);
        if (!goal) continue;
        const cur = at.get(n.id);
        if (!cur) {
          at.set(n.id, { ...goal });
          moving = true;
        } else if (cur.x !== goal.x || cur.y !== goal.y) {
          moving = true;
          cur.x += (goal.x - cur.x) * 0.18;
          cur.y += (goal.y - cur.y) * 0.18;
          if (Math.abs(goal.x - cur.x) < 0.1 && Math.abs(goal.y - cur.y) < 0.1) {
            cur.x = goal.x;
            cur.y = goal.y;
          }
        }
      }
      const now = p.now();
      const flights = p.traffic.visible(now);
      const drag = dragRef.current;
      if (!dirtyRef.current && !moving && !drag && flights.length === 0 && !hadFlights) return;
      dirtyRef.current = false;
      hadFlights = flights.length > 0;
      const shown = new Map(at);
      if (drag?.kind === 'nodes' && drag.moved) {
        for (const id of drag.ids) {
          const c = at.get(id);
          if (c) shown.set(id, { x: c.x + drag.x1 - drag.x0, y: c.y + drag.y1 - drag.y0 });
        }
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawMap({
        ctx,
        width: size.w,
        height: size.h,
        layout: target,
        at: shown,
        nodes: p.nodes,
        faults: p.faults,
        flights,
        now,
        kindStyle: p.kindStyle,
        selected: p.selected ?? new Set(),
        mesh: !!p.onLinkClick && p.nodes.length <= 12,
        box: drag?.kind === 'box' ? drag : null,
        scale: p.scale ?? 1,
        words: wordsRef.current,
      });
      const took = performance.now() - start;
      stats.drawn++;
      stats.drawMsTotal += took;
      stats.drawMsMax = Math.max(stats.drawMsMax, took);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [size.w, size.h]);

  const local = (e: React.PointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const nodeAt = (x: number, y: number): string | null => {
    const r = layoutRef.current.radius + 4;
    let best: string | null = null;
    let bestD = r;
    for (const [id, p] of atRef.current) {
      const d = Math.hypot(p.x - x, p.y - y);
      if (d <= bestD) {
        best = id;
        bestD = d;
      }
    }
    return best;
  };
  const linkAt = (x: number, y: number): [string, string] | null => {
    const placed = propsRef.current.nodes.flatMap((n) => {
      const at = atRef.current.get(n.id);
      return at ? [{ id: n.id, at }] : [];
    });
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) if (distToSegment(x, y, a.at, b.at) < 6) return [a.id, b.id];
    }
    return null;
  };

  const onPointerDown = (e: React.PointerEvent) => {
    if (!props.onSelect) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const { x, y } = local(e);
    const hit = nodeAt(x, y);
    const sel = props.selected ?? new Set<string>();
    if (hit) {
      const ids = sel.has(hit) ? [...sel] : [hit];
      if (!sel.has(hit)) props.onSelect([hit], e.shiftKey);
      dragRef.current = {
        kind: 'nodes',
        ids: e.shiftKey && !sel.has(hit) ? [...sel, hit] : ids,
        x0: x,
        y0: y,
        x1: x,
        y1: y,
        moved: false,
        clicked: hit,
      };
    } else {
      dragRef.current = { kind: 'box', x0: x, y0: y, x1: x, y1: y, add: e.shiftKey };
    }
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const drag = dragRef.current;
    if (!drag) return;
    const { x, y } = local(e);
    drag.x1 = x;
    drag.y1 = y;
    if (drag.kind === 'nodes' && Math.hypot(x - drag.x0, y - drag.y0) > 6) drag.moved = true;
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const drag = dragRef.current;
    dragRef.current = null;
    if (!drag) return;
    const { x, y } = local(e);
    if (drag.kind === 'nodes') {
      if (drag.moved) {
        const region = regionAt(layoutRef.current, x, y);
        const from = new Set(drag.ids.map((id) => props.nodes.find((n) => n.id === id)?.group));
        if (!region) props.onMove?.(drag.ids, 'new');
        else if (!(from.size === 1 && from.has(region.group))) props.onMove?.(drag.ids, region.group);
      } else props.onNodeClick?.(drag.clicked, e.clientX, e.clientY);
      return;
    }
    const moved = Math.hypot(drag.x1 - drag.x0, drag.y1 - drag.y0) > 6;
    if (!moved) {
      const { onLinkClick } = props;
      const link = onLinkClick && props.nodes.length <= 12 ? linkAt(x, y) : null;
      if (onLinkClick && link) onLinkClick(link[0], link[1], e.clientX, e.clientY);
      else props.onSelect?.([], false);
      return;
    }
    const [x0, x1] = [Math.min(drag.x0, drag.x1), Math.max(drag.x0, drag.x1)];
    const [y0, y1] = [Math.min(drag.y0, drag.y1), Math.max(drag.y0, drag.y1)];
    const inside = [...atRef.current].filter(([, p]) => p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1).map(([id]) => id);
    props.onSelect?.(inside, drag.add);
  };

  return (
    <div ref={wrapRef} className="map-wrap" style={{ height: props.height ?? 'var(--map-height, 62vh)' }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={props.label}
        style={{ width: size.w, height: size.h, touchAction: 'none', display: 'block' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      />
    </div>
  );
}

function distToSegment(x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len));
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}

/** This map's frame figures; where test hooks are built in, one set on the window for the benchmark. */
function mapStats(): MapStats {
  const fresh: MapStats = { frames: 0, drawn: 0, drawMsTotal: 0, drawMsMax: 0, slowFrames: 0 };
  if (!TEST_HOOKS) return fresh;
  window.__hcMapStats ??= fresh;
  return window.__hcMapStats;
}
