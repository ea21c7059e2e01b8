// The stage's network map: the room's nodes in their partition groups and the messages flying
// between them, drawn large. It takes no clicks: the stage only shows.

import { useEffect, useMemo, useRef } from 'react';
import type { StageSnapshot } from '../../../shared/protocol/views';
import { presence } from '../console/Roster';
import { GAME_UIS } from '../games';
import { kindStyle } from '../games/mapLook';
import { useT } from '../i18n/I18nProvider';
import type { Translator } from '../i18n/translate';
import type { MapNode } from '../map/draw';
import { MapLegend } from '../map/Legend';
import { NetworkMap } from '../map/NetworkMap';
import { TrafficModel } from '../map/traffic';
import type { StageSession } from './useStage';

/** The map's nodes with the game's stage look (never a secret: the stage view has none). */
export function stageMapNodes(snapshot: StageSnapshot, t: Translator): MapNode[] {
  const shown = snapshot.round ?? snapshot.verdict;
  const ui = shown ? GAME_UIS[shown.game] : undefined;
  const decorations = ui?.decorateStage && shown?.view ? ui.decorateStage(shown.view, t) : {};
  return snapshot.nodes.map((n) => {
    const p = presence(n, snapshot.t);
    return {
      id: n.id,
      label: n.nickname,
      group: n.group,
      crashed: n.crashed,
      offline: p === 'offline' || p === 'reconnecting',
      bot: n.kind === 'bot',
      ...decorations[n.id],
    };
  });
}

export function StageMap({
  stage,
  snapshot,
  scale,
  label,
}: {
  stage: StageSession;
  snapshot: StageSnapshot;
  scale: number;
  label: string;
}) {
  const traffic = useMemo(() => new TrafficModel(), []);
  useEffect(() => stage.subscribe((events) => traffic.ingest(events)), [stage, traffic]);
  const clock = useRef({ t: snapshot.t, at: stage.receivedAt, pausedAt: snapshot.pausedAt });
  clock.current = { t: snapshot.t, at: stage.receivedAt, pausedAt: snapshot.pausedAt };
  const t = useT();
  const nodes = useMemo(() => stageMapNodes(snapshot, t), [snapshot, t]);
  const now = () => {
    const c = clock.current;
    return c.pausedAt ?? c.t + (performance.now() - c.at);
  };
  return (
    <section className="stage-map" aria-label={label}>
      <NetworkMap
        label={label}
        nodes={nodes}
        faults={snapshot.faults}
        traffic={traffic}
        now={now}
        kindStyle={(kind) => kindStyle(kind, t)}
        scale={scale}
        maxRadius={Math.round(14 * scale)}
        height="100%"
      />
      <MapLegend live />
    </section>
  );
}
