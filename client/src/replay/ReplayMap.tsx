// The live console's network map, drawn at the replay's instant: the same component, the same
// node decorations (each game's GameUi.decorate) and message styles, fed the recorded events.

import { memo, useMemo, useSyncExternalStore } from 'react';
import { mapNodesOf, messageStyle } from '../games/mapLook';
import { MapLegend } from '../map/Legend';
import { NetworkMap } from '../map/NetworkMap';
import type { ReplayPlayer } from './player';

export const ReplayMap = memo(function ReplayMap({ player, scale }: { player: ReplayPlayer; scale: number }) {
  useSyncExternalStore(player.subscribe, player.getStateVersion);
  const snapshot = player.snapshot;
  const nodes = useMemo(() => mapNodesOf(snapshot), [snapshot]);
  const groups = new Set(nodes.map((n) => n.group)).size;
  return (
    <section className="panel stack" aria-label="Network map at this instant">
      <div className="row">
        <h2 style={{ margin: 0 }}>Network</h2>
        {snapshot.paused && <span className="pill reconnecting">❚❚ network paused</span>}
        <span className="spacer" />
        <MapLegend />
      </div>
      <NetworkMap
        label={`Network map at ${Math.round(player.t / 100) / 10} s: ${nodes.length} nodes in ${groups} group${groups === 1 ? '' : 's'}`}
        nodes={nodes}
        faults={snapshot.faults}
        traffic={player.traffic}
        now={() => player.t}
        kindStyle={messageStyle}
        scale={scale}
        height="46vh"
      />
    </section>
  );
});
