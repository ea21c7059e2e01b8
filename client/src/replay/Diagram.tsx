// The space-time diagram: a lane per node, time rightwards, an arrow per message from its
// send to its delivery, a mark with its reason for each drop, partition groups and crashes
// shaded on the lanes, the games' marks (elections, decisions) as diamonds. Hover or tap a
// message for its body and clocks; filter by node and kind; zoom and pan for long sessions.

import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { drawBase, drawOverlay, type DiagramScene } from './drawDiagram';
import {
  clampWindow,
  fitLaneHeight,
  follow as followWindow,
  formatClock,
  hitRow,
  laneBands,
  laneSlots,
  maxScrollY,
  panBy,
  xOf,
  yOfLane,
  zoomAt,
  type Viewport,
} from './geometry';
import { DiagramLegend, Filters, HoverCard, summaryText } from './DiagramParts';
import { MessageDetails } from './MessageDetails';
import type { ReplayPlayer } from './player';
import { kindStyle, nodeNames } from './styles';
import { TEST_HOOKS } from '../testHooks';

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

const DEFAULT_SPAN_MS = 30_000;

export const Diagram = memo(function Diagram({ player, scale }: { player: ReplayPlayer; scale: number }) {
  const index = player.index;
  const duration = Math.max(1, index.duration);
  // The canvases read the instant every frame; React only needs the selected message.
  const selected = useSyncExternalStore(player.subscribe, () => player.selected);
  const wrapRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overRef = useRef<HTMLCanvasElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const futureRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 900, h: 440 });
  const [hiddenLanes, setHiddenLanes] = useState<Set<number>>(() => new Set());
  const [hiddenKinds, setHiddenKinds] = useState<Set<number>>(() => new Set());
  const [following, setFollowing] = useState(true);
  const [figures, setFigures] = useState<string | null>(null);
  const [windowText, setWindowText] = useState('');
  const [hover, setHover] = useState<{ row: number; x: number; y: number } | null>(null);
  const view = useRef(initialWindow(player.t, duration));
  const statsRef = useRef<DiagramStats>({ draws: 0, drawMsTotal: 0, drawMsMax: 0, lastMs: 0, lastRows: 0 });
  const scroll = useRef(0);
  const dirty = useRef(true);
  const hovered = useRef<number | null>(null);
  const followRef = useRef(following);
  followRef.current = following;
  const names = useMemo(() => nodeNames(index), [index]);
  const bands = useMemo(
    () =>
      laneBands(
        index.faults,
        index.nodes.map((n) => n.id),
        duration,
      ),
    [index, duration],
  );
  const scene: DiagramScene = useMemo(
    () => ({ index, bands, filter: { hiddenLanes, hiddenKinds }, kindStyle, scale }),
    [index, bands, hiddenLanes, hiddenKinds, scale],
  );
  const sceneRef = useRef(scene);
  sceneRef.current = scene;

  const viewport = (): Viewport => {
    const { slots, count } = laneSlots(index.nodes.length, sceneRef.current.filter.hiddenLanes);
    const axis = Math.round(56 * scale);
    const laneH = fitLaneHeight(size.h, axis, count, Math.round(16 * scale), Math.round(56 * scale));
    const partial = {
      width: size.w,
      height: size.h,
      gutter: Math.round(Math.min(150 * scale, size.w * 0.26)),
      axis,
      laneH,
      slots,
      slotCount: count,
    };
    scroll.current = Math.max(0, Math.min(maxScrollY(partial), scroll.current));
    return { ...partial, t0: view.current.t0, t1: view.current.t1, scrollY: scroll.current };
  };
  const setView = (w: { t0: number; t1: number }) => {
    view.current = w;
    dirty.current = true;
  };

  useEffect(() => {
    dirty.current = true;
  }, [scene, size]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const r = entry!.contentRect;
      setSize({ w: Math.max(320, Math.round(r.width)), h: Math.max(240, Math.round(r.height)) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // One animation loop: the base layer when the view changed, the overlay when anything moved.
  useEffect(() => {
    const base = baseRef.current;
    const over = overRef.current;
    if (!base || !over) return;
    const dpr = window.devicePixelRatio || 1;
    for (const c of [base, over]) {
      c.width = Math.round(size.w * dpr);
      c.height = Math.round(size.h * dpr);
    }
    const bctx = base.getContext('2d');
    const octx = over.getContext('2d');
    if (!bctx || !octx) return;
    const stats = statsRef.current;
    if (TEST_HOOKS) {
      window.__hcDiagram = Object.assign(stats, {
        view: () => ({ ...view.current }),
        setView: (t0: number, t1: number) => {
          setFollowing(false);
          setView(clampWindow(t0, t1, duration));
        },
      });
    }
    dirty.current = true;
    let raf = 0;
    let last = { t: Number.NaN, hovered: -2 as number | null, selected: -2 as number | null };
    let lastX = Number.NaN;
    let movedAt = 0;
    let shown = { window: '', summary: '' };
    const frame = (now: number) => {
      if (player.t !== last.t) movedAt = now;
      // Follow the playhead; while someone drags the timeline, wait until they pause.
      if (followRef.current && (player.playing || now - movedAt > 120)) {
        const w = followWindow(view.current.t0, view.current.t1, player.t, duration);
        if (w) setView(w);
      }
      const v = viewport();
      const redraw = dirty.current;
      if (redraw) {
        dirty.current = false;
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
        const summary = summaryText(f);
        if (text !== shown.window || summary !== shown.summary) {
          shown = { window: text, summary };
          setFigures(summary);
          setWindowText(text);
        }
      }
      if (redraw || last.hovered !== hovered.current || last.selected !== player.selected) {
        octx.setTransform(dpr, 0, 0, dpr, 0, 0);
        drawOverlay(octx, v, { hovered: hovered.current, selected: player.selected, scene: sceneRef.current });
      }
      // The playhead and the greyed future are DOM layers: moving them repaints no canvas.
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [size.w, size.h, player, duration]);

  // A message picked elsewhere (the next drop, a click) is brought into view.
  useEffect(() => {
    if (selected === null) return;
    const m = index.messages;
    const from = m.from[selected]!;
    const to = m.to[selected]!;
    if (hiddenLanes.has(from) || hiddenLanes.has(to) || hiddenKinds.has(m.kind[selected]!)) {
      setHiddenLanes((s) => new Set([...s].filter((l) => l !== from && l !== to)));
      setHiddenKinds((s) => new Set([...s].filter((k) => k !== m.kind[selected])));
    }
    const { t0, t1 } = view.current;
    const a = m.sendT[selected]!;
    const b = m.endT[selected]!;
    if (a < t0 || b > t1) {
      const span = Math.max(t1 - t0, (b - a) * 3, 2_000);
      setView(clampWindow(a - span * 0.3, a + span * 0.7, duration));
    }
    const v = viewport();
    const y = yOfLane(v, from);
    if (y !== null && (y < v.axis || y > v.height)) {
      scroll.current += y - (v.axis + v.height) / 2;
      dirty.current = true;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected]);

  // Wheel: Ctrl/⌘ (or a pinch) zooms, Shift or a sideways swipe pans, plain scrolls lanes.
  useEffect(() => {
    const el = overRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const v = viewport();
      const x = e.offsetX;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        setFollowing(false);
        setView(zoomAt(v, Math.exp(e.deltaY * 0.0025), x, duration));
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        setFollowing(false);
        setView(panBy(v, -(e.shiftKey ? e.deltaY : e.deltaX), duration));
      } else if (maxScrollY(v) > 0) {
        const next = Math.max(0, Math.min(maxScrollY(v), scroll.current + e.deltaY));
        if (next !== scroll.current) {
          e.preventDefault();
          scroll.current = next;
          dirty.current = true;
        }
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [size.w, size.h, duration]);

  const drag = useRef<{ x: number; y: number; t0: number; t1: number; scroll: number; moved: boolean } | null>(null);
  const local = (e: React.PointerEvent) => {
    const r = overRef.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onPointerDown = (e: React.PointerEvent) => {
    overRef.current?.setPointerCapture(e.pointerId);
    const { x, y } = local(e);
    drag.current = { x, y, ...view.current, scroll: scroll.current, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const { x, y } = local(e);
    const d = drag.current;
    if (d) {
      if (Math.hypot(x - d.x, y - d.y) > 5) d.moved = true;
      if (d.moved) {
        setFollowing(false);
        const v = viewport();
        setView(panBy({ ...v, t0: d.t0, t1: d.t1 }, x - d.x, duration));
        scroll.current = d.scroll - (y - d.y);
        hovered.current = null;
        setHover(null);
        return;
      }
    }
    if (e.pointerType === 'touch') return;
    const row = hitRow(viewport(), index.messages, sceneRef.current.filter, x, y);
    hovered.current = row;
    setHover((h) => (row === null ? null : h?.row === row ? { ...h, x, y } : { row, x, y }));
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const { x, y } = local(e);
    const row = hitRow(viewport(), index.messages, sceneRef.current.filter, x, y, e.pointerType === 'touch' ? 14 : 7);
    player.select(row);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const v = viewport();
    const mid = (v.gutter + v.width) / 2;
    const act: Record<string, () => void> = {
      '+': () => setView(zoomAt(v, 0.6, mid, duration)),
      '=': () => setView(zoomAt(v, 0.6, mid, duration)),
      '-': () => setView(zoomAt(v, 1 / 0.6, mid, duration)),
      '0': () => setView(clampWindow(0, duration, duration)),
      ArrowLeft: () => setView(panBy(v, (v.width - v.gutter) * 0.25, duration)),
      ArrowRight: () => setView(panBy(v, -(v.width - v.gutter) * 0.25, duration)),
      ArrowUp: () => ((scroll.current -= v.laneH * 2), (dirty.current = true)),
      ArrowDown: () => ((scroll.current += v.laneH * 2), (dirty.current = true)),
    };
    const fn = act[e.key];
    if (!fn) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') setFollowing(false);
    fn();
  };

  const zoomButton = (factor: number) => () => {
    const v = viewport();
    setFollowing(false);
    const anchor = player.t >= v.t0 && player.t <= v.t1 ? xOf(v, player.t) : (v.gutter + v.width) / 2;
    setView(zoomAt(v, factor, anchor, duration));
  };
  const around = () => {
    setView(clampWindow(player.t - 5_000, player.t + 5_000, duration));
    setFollowing(true);
  };

  return (
    <section className="panel stack diagram-panel" aria-labelledby="diagram-title">
      <div className="row">
        <h2 id="diagram-title" style={{ margin: 0 }}>
          Space-time diagram
        </h2>
        <span className="muted mono" data-testid="diagram-window">
          {windowText}
        </span>
        <span className="spacer" />
        <div className="row" role="toolbar" aria-label="Zoom and pan">
          <button className="small secondary" onClick={zoomButton(1 / 0.6)} aria-label="Zoom out">
            −
          </button>
          <button className="small secondary" onClick={zoomButton(0.6)} aria-label="Zoom in">
            +
          </button>
          <button className="small secondary" onClick={around}>
            10 s around the instant
          </button>
          <button className="small secondary" onClick={() => (setFollowing(false), setView(clampWindow(0, duration, duration)))}>
            Whole session
          </button>
          <button className="small secondary" aria-pressed={following} onClick={() => setFollowing((f) => !f)}>
            {following ? '✓ ' : ''}Follow the playhead
          </button>
        </div>
      </div>
      <DiagramLegend />
      <div ref={wrapRef} className="diagram-wrap">
        <canvas ref={baseRef} className="diagram-canvas" aria-hidden="true" style={{ width: size.w, height: size.h }} />
        <div ref={futureRef} className="diagram-future" aria-hidden="true" />
        <div ref={headRef} className="diagram-head" aria-hidden="true" />
        <canvas
          ref={overRef}
          className="diagram-canvas diagram-over"
          role="img"
          tabIndex={0}
          aria-label={`Space-time diagram, ${index.nodes.length} lanes. Drag to pan, Ctrl+wheel or + and − to zoom, arrow keys to move.`}
          style={{ width: size.w, height: size.h, touchAction: 'pan-y' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onPointerLeave={() => {
            hovered.current = null;
            setHover(null);
          }}
          onKeyDown={onKeyDown}
        />
        {hover && (
          <div
            className="diagram-tip"
            style={{ left: Math.max(0, Math.min(hover.x + 14, size.w - 320)), top: Math.min(hover.y + 14, size.h - 120) }}
            aria-hidden="true"
          >
            <HoverCard player={player} row={hover.row} names={names} />
          </div>
        )}
      </div>
      <p className="diagram-summary" data-testid="diagram-summary" aria-live="polite">
        {figures ?? '…'}
      </p>
      <Filters
        index={index}
        hiddenLanes={hiddenLanes}
        setHiddenLanes={setHiddenLanes}
        hiddenKinds={hiddenKinds}
        setHiddenKinds={setHiddenKinds}
      />
      {selected !== null && <MessageDetails player={player} row={selected} names={names} onClose={() => player.select(null)} />}
    </section>
  );
});

function initialWindow(t: number, duration: number): { t0: number; t1: number } {
  if (duration <= 60_000) return clampWindow(0, duration, duration);
  return clampWindow(t - DEFAULT_SPAN_MS * 0.1, t + DEFAULT_SPAN_MS * 0.9, duration);
}
