// The space-time diagram: a lane per node, time rightwards, an arrow per message from its
// send to its delivery, a mark with its reason for each drop, partition groups and crashes
// shaded on the lanes, the games' marks (elections, decisions) as diamonds. Hover or tap a
// message for its body and clocks; filter by node and kind; zoom and pan for long sessions.
// The camera (what is in view), the draw loop and the pointer are hooks beside this file.

import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { must } from '../../../shared/must';
import { DiagramLegend, Filters, HoverCard, summaryText } from './DiagramParts';
import type { DiagramScene } from './diagramScene';
import { laneBands, xOf, yOfLane, zoomAt } from './geometry';
import { MessageDetails } from './MessageDetails';
import type { ReplayPlayer } from './player';
import { kindStyle, nodeNames } from './styles';
import { useDiagramDrawLoop } from './useDiagramDrawLoop';
import { useDiagramPointer } from './useDiagramPointer';
import { useDiagramViewport } from './useDiagramViewport';
import { useT } from '../i18n/I18nProvider';
import { drillName, gameName, wordNotice } from '../i18n/words';

export type { DiagramStats } from './useDiagramDrawLoop';

export const Diagram = memo(function Diagram({ player, scale }: { player: ReplayPlayer; scale: number }) {
  const index = player.index;
  // The canvases read the instant every frame; React only needs the selected message.
  const selected = useSyncExternalStore(player.subscribe, () => player.selected);
  const [hiddenLanes, setHiddenLanes] = useState<Set<number>>(() => new Set());
  const [hiddenKinds, setHiddenKinds] = useState<Set<number>>(() => new Set());
  const [following, setFollowing] = useState(true);
  const stopFollowing = useCallback(() => setFollowing(false), []);
  const overRef = useRef<HTMLCanvasElement>(null);
  const names = useMemo(() => nodeNames(index), [index]);
  const { camera, size, wrapRef } = useDiagramViewport(player, scale, hiddenLanes);
  const bands = useMemo(
    () =>
      laneBands(
        index.faults,
        index.nodes.map((n) => n.id),
        camera.duration,
      ),
    [index, camera.duration],
  );
  const t = useT();
  const scene: DiagramScene = useMemo(
    () => ({
      index,
      bands,
      filter: { hiddenLanes, hiddenKinds },
      kindStyle: (kind) => kindStyle(kind, t),
      scale,
      markText: (mark) => wordNotice(t, mark.notice, (id) => names.get(id) ?? id),
      words: {
        summary: (f) => summaryText(t, f),
        round: (i, game) => t('replay.side.round', { index: i, game: gameName(t, game) }),
        fault: (f) => {
          const what = f.notice ? wordNotice(t, f.notice, (id) => names.get(id) ?? id) : f.text;
          return f.drill && f.notice ? t('common.faultLog.drill', { drill: drillName(t, f.drill), what }) : what;
        },
        group: (group) => t('replay.diagram.group', { group }),
        crashed: t('replay.diagram.crashedBand'),
      },
    }),
    [index, bands, hiddenLanes, hiddenKinds, scale, t, names],
  );
  const { hover, hovered, handlers } = useDiagramPointer({ player, camera, over: overRef, filter: scene.filter, stopFollowing });
  const { words, baseRef, headRef, futureRef } = useDiagramDrawLoop({
    player,
    camera,
    scene,
    size,
    over: overRef,
    following,
    hovered,
    stopFollowing,
  });

  // A message picked elsewhere (the next drop, a click) is brought into view, its lanes and kind shown.
  useEffect(() => {
    if (selected === null) return;
    const m = index.messages;
    const from = must(m.from[selected], 'the selected message');
    const to = must(m.to[selected], 'the selected message');
    const kind = must(m.kind[selected], 'the selected message');
    setHiddenLanes((s) => (s.has(from) || s.has(to) ? new Set([...s].filter((l) => l !== from && l !== to)) : s));
    setHiddenKinds((s) => (s.has(kind) ? new Set([...s].filter((k) => k !== kind)) : s));
    const a = must(m.sendT[selected], 'the selected message');
    const b = must(m.endT[selected], 'the selected message');
    if (a < camera.t0 || b > camera.t1) {
      const span = Math.max(camera.t1 - camera.t0, (b - a) * 3, 2_000);
      camera.show(a - span * 0.3, a + span * 0.7);
    }
    const v = camera.viewport();
    const y = yOfLane(v, from);
    if (y !== null && (y < v.axis || y > v.height)) camera.scrollTo(camera.scrollY + y - (v.axis + v.height) / 2);
  }, [selected, index, camera]);

  const zoomBy = (factor: number) => {
    const v = camera.viewport();
    setFollowing(false);
    const anchor = player.t >= v.t0 && player.t <= v.t1 ? xOf(v, player.t) : (v.gutter + v.width) / 2;
    camera.setWindow(zoomAt(v, factor, anchor, camera.duration));
  };
  const around = () => {
    camera.show(player.t - 5_000, player.t + 5_000);
    setFollowing(true);
  };
  const wholeSession = () => {
    setFollowing(false);
    camera.show(0, camera.duration);
  };

  return (
    <section className="panel stack diagram-panel" aria-labelledby="diagram-title">
      <div className="row">
        <h2 id="diagram-title" style={{ margin: 0 }}>
          {t('replay.diagram.title')}
        </h2>
        <span className="muted mono" data-testid="diagram-window">
          {words.window}
        </span>
        <span className="spacer" />
        <div className="row" role="toolbar" aria-label={t('replay.diagram.zoomPan')}>
          <button type="button" className="small secondary" onClick={() => zoomBy(1 / 0.6)} aria-label={t('replay.diagram.zoomOut')}>
            −
          </button>
          <button type="button" className="small secondary" onClick={() => zoomBy(0.6)} aria-label={t('replay.diagram.zoomIn')}>
            +
          </button>
          <button type="button" className="small secondary" onClick={around}>
            {t('replay.diagram.around')}
          </button>
          <button type="button" className="small secondary" onClick={wholeSession}>
            {t('replay.diagram.whole')}
          </button>
          <button type="button" className="small secondary" aria-pressed={following} onClick={() => setFollowing((f) => !f)}>
            {following ? '✓ ' : ''}
            {t('replay.diagram.follow')}
          </button>
        </div>
      </div>
      <DiagramLegend />
      <div ref={wrapRef} className="diagram-wrap">
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabIndex takes no focus; the labelled overlay canvas stands for both */}
        <canvas ref={baseRef} className="diagram-canvas" aria-hidden="true" style={{ width: size.w, height: size.h }} />
        <div ref={futureRef} className="diagram-future" aria-hidden="true" />
        <div ref={headRef} className="diagram-head" aria-hidden="true" />
        <canvas
          ref={overRef}
          className="diagram-canvas diagram-over"
          role="img"
          tabIndex={0}
          aria-label={t('replay.diagram.canvasLabel', { lanes: index.nodes.length })}
          style={{ width: size.w, height: size.h, touchAction: 'pan-y' }}
          {...handlers}
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
        {words.summary ?? '…'}
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
