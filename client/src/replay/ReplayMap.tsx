// The live console's network map, drawn at the replay's instant: the same component, the same
// node decorations (each game's GameUi.decorate) and message styles, fed the recorded events.

import { memo, useMemo, useSyncExternalStore } from 'react';
import { GAME_UIS } from '../games';
import type { MapNode } from '../map/draw';
import { NetworkMap } from '../map/NetworkMap';
import { presence } from '../console/Roster';
import { DROP_STYLE } from '../map/draw';
import type { ReplayPlayer } from './player';
import { kindStyle } from './styles';

/** As on the live map: a game may label a message by its content ("Attack"). */
function mapKindStyle(kind: string, body: unknown) {
  const style = kindStyle(kind);
  const game = kind.includes(':') ? kind.slice(0, kind.indexOf(':')) : '';
  const label = GAME_UIS[game]?.messageLabel?.(kind, body);
  return label ? { ...style, label } : style;
}

export const ReplayMap = memo(function ReplayMap({ player, scale }: { player: ReplayPlayer; scale: number }) {
  useSyncExternalStore(player.subscribe, player.getStateVersion);
  const snapshot = player.snapshot;
  const ui = snapshot.round ? GAME_UIS[snapshot.round.game] : undefined;
  const decorations = useMemo(() => (ui?.decorate && snapshot.round ? ui.decorate(snapshot.round.view) : {}), [ui, snapshot.round]);
  const nodes: MapNode[] = useMemo(
    () =>
      snapshot.nodes
        .filter((n) => n.status === 'active')
        .map((n) => {
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
        }),
    [snapshot.nodes, snapshot.t, decorations],
  );
  const groups = new Set(nodes.map((n) => n.group)).size;
  return (
    <section className="panel stack" aria-label="Network map at this instant">
      <div className="row">
        <h2 style={{ margin: 0 }}>Network</h2>
        {snapshot.paused && <span className="pill reconnecting">❚❚ network paused</span>}
        <span className="spacer" />
        <div className="legend" aria-label="Map legend">
          <span>● message</span>
          <span>◇ duplicate</span>
          <span style={{ color: DROP_STYLE.partition.color }}>✕ partition</span>
          <span style={{ color: DROP_STYLE.loss.color }}>○ lost</span>
          <span style={{ color: DROP_STYLE.crashed.color }}>■ crashed</span>
        </div>
      </div>
      <NetworkMap
        label={`Network map at ${Math.round(player.t / 100) / 10} s: ${nodes.length} nodes in ${groups} group${groups === 1 ? '' : 's'}`}
        nodes={nodes}
        faults={snapshot.faults}
        traffic={player.traffic}
        now={() => player.t}
        kindStyle={mapKindStyle}
        scale={scale}
        height="46vh"
      />
    </section>
  );
});
