// The live console's network map, drawn at the replay's instant: the same component, the same
// node decorations (each game's GameUi.decorate) and message styles, fed the recorded events.

import { memo, useMemo, useSyncExternalStore } from 'react';
import { mapNodesOf, messageStyle } from '../games/mapLook';
import { MapLegend } from '../map/Legend';
import { NetworkMap } from '../map/NetworkMap';
import type { ReplayPlayer } from './player';
import { useT } from '../i18n/I18nProvider';

export const ReplayMap = memo(function ReplayMap({
  player,
  scale,
  height = '46vh',
}: {
  player: ReplayPlayer;
  scale: number;
  height?: string;
}) {
  useSyncExternalStore(player.subscribe, player.getStateVersion);
  const snapshot = player.snapshot;
  const t = useT();
  const nodes = useMemo(() => mapNodesOf(snapshot, t), [snapshot, t]);
  const styleOf = useMemo(() => messageStyle(t), [t]);
  const groups = new Set(nodes.map((n) => n.group)).size;
  return (
    <section className="panel stack replay-map-section" aria-label={t('replay.map.label')}>
      <div className="row">
        <h2 style={{ margin: 0 }}>{t('replay.map.heading')}</h2>
        {snapshot.paused && <span className="pill reconnecting">❚❚ {t('replay.map.paused')}</span>}
        <span className="spacer" />
        <MapLegend />
      </div>
      <NetworkMap
        label={t('replay.map.canvas', { s: Math.round(player.t / 100) / 10, nodes: nodes.length, groups })}
        nodes={nodes}
        faults={snapshot.faults}
        traffic={player.traffic}
        now={() => player.t}
        kindStyle={styleOf}
        scale={scale}
        height={height}
      />
    </section>
  );
});
