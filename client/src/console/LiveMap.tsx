// The console's live map with its hands-on tools: select nodes (click, shift-click, box,
// a whole group), move them between groups (buttons or drag), crash / restart / isolate,
// and per-link loss by clicking a link.

import { useEffect, useMemo, useRef, useState } from 'react';
import { groupName, type FaultOp } from '../../../shared/net/faults';
import { mapNodesOf, messageStyle } from '../games/mapLook';
import { MapLegend } from '../map/Legend';
import { NetworkMap } from '../map/NetworkMap';
import { TrafficModel } from '../map/traffic';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import type { ConsoleSession } from './useConsoleSession';

/** What the instructor clicked on the map, and where. */
type Popover = { x: number; y: number } & ({ kind: 'node'; id: string } | { kind: 'link'; a: string; b: string });

export function LiveMap({
  session,
  snapshot,
  scale,
  selected,
  setSelected,
}: {
  session: ConsoleSession;
  snapshot: ConsoleSnapshot;
  scale: number;
  selected: Set<string>;
  setSelected(s: Set<string>): void;
}) {
  const traffic = useMemo(() => new TrafficModel(), []);
  const [popover, setPopover] = useState<Popover | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const clock = useRef({ t: snapshot.t, at: session.receivedAt, pausedAt: snapshot.pausedAt });
  clock.current = { t: snapshot.t, at: session.receivedAt, pausedAt: snapshot.pausedAt };

  useEffect(() => session.subscribe((events) => traffic.ingest(events)), [session, traffic]);

  const nodes = useMemo(() => mapNodesOf(snapshot), [snapshot]);
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const groups = [...new Set(nodes.map((n) => n.group))].sort();
  const freeGroup = () => {
    for (let i = 0; ; i++) if (!groups.includes(groupName(i))) return groupName(i);
  };

  const fault = async (op: FaultOp) => {
    setError(null);
    const err = await session.command('console:fault', { op });
    if (err) setError(err.message);
  };
  const ids = [...selected];
  const now = () => {
    const c = clock.current;
    return c.pausedAt ?? c.t + (performance.now() - c.at);
  };

  return (
    <section className="panel stack map-panel" aria-label="Network map">
      <div className="row">
        <h2 style={{ margin: 0 }}>Network map</h2>
        {snapshot.paused && <span className="pill reconnecting">❚❚ paused: messages wait</span>}
        <span className="spacer" />
        <MapLegend live />
      </div>
      <NetworkMap
        label={`Network map: ${nodes.length} nodes in ${groups.length} group${groups.length === 1 ? '' : 's'}`}
        nodes={nodes}
        faults={snapshot.faults}
        traffic={traffic}
        now={now}
        kindStyle={messageStyle}
        selected={selected}
        scale={scale}
        onSelect={(picked, add) => setSelected(new Set(add ? [...selected, ...picked] : picked))}
        onMove={(moving, group) => void fault({ op: 'move', nodes: moving, group: group === 'new' ? freeGroup() : group })}
        onNodeClick={(id, x, y) => setPopover({ kind: 'node', id, x, y })}
        onLinkClick={(a, b, x, y) => setPopover({ kind: 'link', a, b, x, y })}
      />
      <div className="row" role="toolbar" aria-label="Selection">
        <span className="muted">{ids.length === 0 ? 'Click, shift-click or drag a box to select nodes.' : `${ids.length} selected:`}</span>
        {groups.length > 1 &&
          ids.length === 0 &&
          groups.map((g) => (
            <button
              type="button"
              key={g}
              className="small secondary"
              onClick={() => setSelected(new Set(nodes.filter((n) => n.group === g).map((n) => n.id)))}
            >
              Select side {g}
            </button>
          ))}
        {ids.length > 0 && (
          <>
            {[...groups, freeGroup()].slice(0, 6).map((g) => (
              <button type="button" key={g} className="small secondary" onClick={() => void fault({ op: 'move', nodes: ids, group: g })}>
                → group {g}
              </button>
            ))}
            <button type="button" className="small secondary" onClick={() => void fault({ op: 'isolate', nodes: ids })}>
              Isolate
            </button>
            <button type="button" className="small danger" onClick={() => void fault({ op: 'crash', nodes: ids })}>
              Crash
            </button>
            <button type="button" className="small good" onClick={() => void fault({ op: 'restart', nodes: ids })}>
              Restart
            </button>
            <button type="button" className="small secondary" onClick={() => setSelected(new Set())}>
              Clear
            </button>
          </>
        )}
      </div>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <details open={listOpen} onToggle={(e) => setListOpen((e.target as HTMLDetailsElement).open)}>
        <summary>Nodes as a list (keyboard and screen readers)</summary>
        {/* Rendered only when open: 300 rows five times a second would cost the map frames. */}
        {listOpen && (
          <ul className="node-list" aria-label="Nodes on the map">
            {nodes.map((n) => (
              <li key={n.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.has(n.id)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(n.id);
                      else next.delete(n.id);
                      setSelected(next);
                    }}
                  />
                  {n.label} — group {n.group}
                  {n.crashed ? ', crashed' : ''}
                  {n.offline ? ', phone offline' : ''}
                  {n.badge ? `, ${n.badge}` : ''}
                </label>
              </li>
            ))}
          </ul>
        )}
      </details>
      {popover && (
        <div
          className="popover"
          style={{ left: Math.min(popover.x, window.innerWidth - 280), top: popover.y + 8 }}
          role="dialog"
          aria-label="Node actions"
        >
          {popover.kind === 'node' ? (
            <NodeActions
              id={popover.id}
              node={snapshot.nodes.find((n) => n.id === popover.id)}
              session={session}
              name={names.get(popover.id) ?? popover.id}
              onDone={() => setPopover(null)}
              fault={fault}
            />
          ) : (
            <LinkLoss
              a={popover.a}
              b={popover.b}
              names={names}
              value={snapshot.faults.linkLoss[`${popover.a}>${popover.b}`] ?? 0}
              onSet={(rate) => void fault({ op: 'linkLoss', from: popover.a, to: popover.b, rate, both: true })}
              onDone={() => setPopover(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}

function NodeActions({
  id,
  node,
  name,
  session,
  fault,
  onDone,
}: {
  id: string;
  /** The node as the latest snapshot has it (gone once it left). */
  node: ConsoleSnapshot['nodes'][number] | undefined;
  name: string;
  session: ConsoleSession;
  fault(op: FaultOp): Promise<void>;
  onDone(): void;
}) {
  const run = (p: Promise<unknown>) => void p.then(onDone);
  return (
    <div className="stack" style={{ gap: '0.4rem' }}>
      <b>{name}</b>
      {node?.crashed ? (
        <button type="button" className="small good" onClick={() => run(fault({ op: 'restart', nodes: [id] }))}>
          Restart
        </button>
      ) : (
        <button type="button" className="small danger" onClick={() => run(fault({ op: 'crash', nodes: [id] }))}>
          Crash
        </button>
      )}
      <button type="button" className="small secondary" onClick={() => run(fault({ op: 'isolate', nodes: [id] }))}>
        Isolate
      </button>
      {node?.kind === 'human' && (
        <button
          type="button"
          className="small secondary"
          onClick={() => run(session.command('console:autopilot', { node: id, on: !node.autopilot }))}
        >
          {node.autopilot ? 'Autopilot off' : 'Autopilot on'}
        </button>
      )}
      <button type="button" className="small secondary" onClick={onDone}>
        Close
      </button>
    </div>
  );
}

function LinkLoss({
  a,
  b,
  names,
  value,
  onSet,
  onDone,
}: {
  a: string;
  b: string;
  names: Map<string, string>;
  value: number;
  onSet(rate: number): void;
  onDone(): void;
}) {
  const [v, setV] = useState(value);
  return (
    <div className="stack" style={{ gap: '0.4rem' }}>
      <label htmlFor="link-loss">
        Loss between {names.get(a) ?? a} and {names.get(b) ?? b}: {Math.round(v * 100)}%
      </label>
      <input id="link-loss" type="range" min={0} max={1} step={0.1} value={v} onChange={(e) => setV(Number(e.target.value))} />
      <div className="row">
        <button
          type="button"
          className="small"
          onClick={() => {
            onSet(v);
            onDone();
          }}
        >
          Apply
        </button>
        <button type="button" className="small secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
