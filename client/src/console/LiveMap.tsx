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
import { useT } from '../i18n/I18nProvider';
import { wordError } from '../i18n/words';

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
  const t = useT();
  const traffic = useMemo(() => new TrafficModel(), []);
  const [popover, setPopover] = useState<Popover | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const clock = useRef({ t: snapshot.t, at: session.receivedAt, pausedAt: snapshot.pausedAt });
  clock.current = { t: snapshot.t, at: session.receivedAt, pausedAt: snapshot.pausedAt };

  useEffect(() => session.subscribe((events) => traffic.ingest(events)), [session, traffic]);

  const nodes = useMemo(() => mapNodesOf(snapshot, t), [snapshot, t]);
  const styleOf = useMemo(() => messageStyle(t), [t]);
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const groups = [...new Set(nodes.map((n) => n.group))].sort();
  const freeGroup = () => {
    for (let i = 0; ; i++) if (!groups.includes(groupName(i))) return groupName(i);
  };

  const fault = async (op: FaultOp) => {
    setError(null);
    const err = await session.command('console:fault', { op });
    if (err) setError(wordError(t, err));
  };
  const ids = [...selected];
  const now = () => {
    const c = clock.current;
    return c.pausedAt ?? c.t + (performance.now() - c.at);
  };

  return (
    <section className="panel stack map-panel" aria-label={t('console.map.title')}>
      <div className="row">
        <h2 style={{ margin: 0 }}>{t('console.map.title')}</h2>
        {snapshot.paused && <span className="pill reconnecting">{t('console.map.paused')}</span>}
        <span className="spacer" />
        <MapLegend live />
      </div>
      <NetworkMap
        label={t('console.map.label', { count: nodes.length, groups: groups.length })}
        nodes={nodes}
        faults={snapshot.faults}
        traffic={traffic}
        now={now}
        kindStyle={styleOf}
        selected={selected}
        scale={scale}
        onSelect={(picked, add) => setSelected(new Set(add ? [...selected, ...picked] : picked))}
        onMove={(moving, group) => void fault({ op: 'move', nodes: moving, group: group === 'new' ? freeGroup() : group })}
        onNodeClick={(id, x, y) => setPopover({ kind: 'node', id, x, y })}
        onLinkClick={(a, b, x, y) => setPopover({ kind: 'link', a, b, x, y })}
      />
      <div className="row" role="toolbar" aria-label={t('console.map.selection')}>
        <span className="muted">{ids.length === 0 ? t('console.map.hint') : t('console.map.selected', { count: ids.length })}</span>
        {groups.length > 1 &&
          ids.length === 0 &&
          groups.map((g) => (
            <button
              type="button"
              key={g}
              className="small secondary"
              onClick={() => setSelected(new Set(nodes.filter((n) => n.group === g).map((n) => n.id)))}
            >
              {t('console.map.selectSide', { group: g })}
            </button>
          ))}
        {ids.length > 0 && (
          <>
            {[...groups, freeGroup()].slice(0, 6).map((g) => (
              <button type="button" key={g} className="small secondary" onClick={() => void fault({ op: 'move', nodes: ids, group: g })}>
                {t('console.map.toGroup', { group: g })}
              </button>
            ))}
            <button type="button" className="small secondary" onClick={() => void fault({ op: 'isolate', nodes: ids })}>
              {t('console.map.isolate')}
            </button>
            <button type="button" className="small danger" onClick={() => void fault({ op: 'crash', nodes: ids })}>
              {t('console.map.crash')}
            </button>
            <button type="button" className="small good" onClick={() => void fault({ op: 'restart', nodes: ids })}>
              {t('console.map.restart')}
            </button>
            <button type="button" className="small secondary" onClick={() => setSelected(new Set())}>
              {t('console.map.clear')}
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
        <summary>{t('console.map.list')}</summary>
        {/* Rendered only when open: 300 rows five times a second would cost the map frames. */}
        {listOpen && (
          <ul className="node-list" aria-label={t('console.map.listLabel')}>
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
                  {[
                    t('console.map.listItem', { name: n.label, group: n.group }),
                    n.crashed ? t('console.map.listCrashed') : '',
                    n.offline ? t('console.map.listOffline') : '',
                    n.badge ?? '',
                  ]
                    .filter(Boolean)
                    .join(', ')}
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
          aria-label={t('console.map.nodeActions')}
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
  const t = useT();
  const run = (p: Promise<unknown>) => void p.then(onDone);
  return (
    <div className="stack" style={{ gap: '0.4rem' }}>
      <b>{name}</b>
      {node?.crashed ? (
        <button type="button" className="small good" onClick={() => run(fault({ op: 'restart', nodes: [id] }))}>
          {t('console.map.restart')}
        </button>
      ) : (
        <button type="button" className="small danger" onClick={() => run(fault({ op: 'crash', nodes: [id] }))}>
          {t('console.map.crash')}
        </button>
      )}
      <button type="button" className="small secondary" onClick={() => run(fault({ op: 'isolate', nodes: [id] }))}>
        {t('console.map.isolate')}
      </button>
      {node?.kind === 'human' && (
        <button
          type="button"
          className="small secondary"
          onClick={() => run(session.command('console:autopilot', { node: id, on: !node.autopilot }))}
        >
          {node.autopilot ? t('console.map.autopilotOff') : t('console.map.autopilotOn')}
        </button>
      )}
      <button type="button" className="small secondary" onClick={onDone}>
        {t('console.map.close')}
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
  const t = useT();
  const [v, setV] = useState(value);
  return (
    <div className="stack" style={{ gap: '0.4rem' }}>
      <label htmlFor="link-loss">
        {t('console.map.linkLoss', { a: names.get(a) ?? a, b: names.get(b) ?? b, percent: Math.round(v * 100) })}
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
          {t('console.map.apply')}
        </button>
        <button type="button" className="small secondary" onClick={onDone}>
          {t('console.map.cancel')}
        </button>
      </div>
    </div>
  );
}
