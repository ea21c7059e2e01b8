// Pieces of the space-time diagram around its canvas: the hover card, the legend, the words
// for what is in view, and the node and kind filters.

import { useEffect, useMemo, useState } from 'react';
import { DROP_REASONS } from '../../../shared/net/network';
import { MSG, type RecordingIndex } from '../../../shared/replay/recordingIndex';
import { DROP_STYLE } from '../map/draw';
import type { DrawFigures } from './diagramScene';
import { must } from '../../../shared/must';
import { cell } from './geometry';
import type { ReplayPlayer } from './player';
import { kindStyle } from './styles';
import { useT } from '../i18n/I18nProvider';
import { bodyLines } from './bodyWords';
import type { Translator } from '../i18n/translate';

export function summaryText(t: Translator, f: DrawFigures): string {
  const dropped = f.dropped.partition + f.dropped.loss + f.dropped.crashed;
  if (f.rows === 0) return t('replay.diagram.empty');
  const parts = [t('replay.diagram.delivered', { count: f.delivered })];
  if (f.dropped.partition) parts.push(`${t('replay.diagram.cut', { count: f.dropped.partition })} ✕`);
  if (f.dropped.loss) parts.push(`${t('replay.diagram.lost', { count: f.dropped.loss })} ○`);
  if (f.dropped.crashed) parts.push(`${t('replay.diagram.crashed', { count: f.dropped.crashed })} ■`);
  if (f.other) parts.push(t('replay.diagram.other', { count: f.other }));
  return t('replay.diagram.inView', { rows: f.rows, dropped, parts: parts.join(', ') });
}

/**
 * What the pointer is on: at once the message's kind, ends and fate; after a short rest, its
 * body and clocks too (they come from the fold, so not on every pixel the pointer crosses).
 */
export function HoverCard({ player, row, names }: { player: ReplayPlayer; row: number; names: Map<string, string> }) {
  const t = useT();
  const { index } = player;
  const m = index.messages;
  const [detail, setDetail] = useState<{ row: number; body: string; clocks: string } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      const sendIdx = cell(m.sendIdx, row);
      const send = index.events[sendIdx];
      if (send?.type !== 'envelope:sent') return;
      const clock = player.fold.probe(sendIdx + 1).clocks[send.env.from];
      const vector = clock
        ? Object.entries(clock.vector)
            .map(([id, v]) => `${names.get(id) ?? id} ${v}`)
            .join(', ')
        : '';
      const body = bodyLines(t, send.env, names).join(' · ');
      setDetail({
        row,
        body: body.length > 90 ? `${body.slice(0, 89)}…` : body,
        clocks: clock ? t('replay.diagram.clocks', { lamport: clock.lamport, vector }) : '',
      });
    }, 180);
    return () => clearTimeout(timer);
  }, [player, index, m, row, names, t]);
  const from = index.nodes[cell(m.from, row)]?.id ?? '?';
  const to = index.nodes[cell(m.to, row)]?.id ?? '?';
  const kind = kindStyle(must(index.kinds[cell(m.kind, row)], 'a message kind'), t).label;
  const status = cell(m.status, row);
  const reason = DROP_REASONS[cell(m.reason, row)] ?? 'loss';
  const fate =
    status === MSG.delivered
      ? t('replay.diagram.deliveredAfter', { ms: Math.round(cell(m.endT, row) - cell(m.sendT, row)) })
      : status === MSG.droppedAtSend || status === MSG.droppedInFlight
        ? t('replay.diagram.droppedWhy', { why: t(`map.drop.${reason}`) })
        : status === MSG.cancelled
          ? t('replay.diagram.endedWithRound')
          : t('replay.diagram.travelling');
  return (
    <>
      <div>{t('replay.diagram.hoverHead', { kind, from: names.get(from) ?? from, to: names.get(to) ?? to })}</div>
      <div className="tip-fate">{fate}</div>
      {detail?.row === row && (
        <>
          <div className="tip-body">{detail.body}</div>
          <div className="mono tip-body">{detail.clocks}</div>
        </>
      )}
      <div className="muted">{t('replay.diagram.clickToKeep')}</div>
    </>
  );
}

export function DiagramLegend() {
  const t = useT();
  return (
    <div className="legend" role="note" aria-label={t('replay.legend.label')}>
      <span>→ {t('replay.legend.delivered')}</span>
      <span style={{ color: DROP_STYLE.partition.color }}>✕ {t('replay.legend.cut')}</span>
      <span style={{ color: DROP_STYLE.loss.color }}>○ {t('replay.legend.lost')}</span>
      <span style={{ color: DROP_STYLE.crashed.color }}>■ {t('replay.legend.crashed')}</span>
      <span>┄ {t('replay.legend.travelling')}</span>
      <span>◆ {t('replay.legend.marks')}</span>
      <span>
        ▒ {t('replay.legend.group')} · ▨ {t('replay.legend.crashedBand')}
      </span>
    </div>
  );
}

function toggle(set: Set<number>, value: number): Set<number> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

type SetHidden = (update: (s: Set<number>) => Set<number>) => void;

/** Which lanes and which message kinds the diagram shows. */
export function Filters({
  index,
  hiddenLanes,
  setHiddenLanes,
  hiddenKinds,
  setHiddenKinds,
}: {
  index: RecordingIndex;
  hiddenLanes: Set<number>;
  setHiddenLanes: SetHidden;
  hiddenKinds: Set<number>;
  setHiddenKinds: SetHidden;
}) {
  const t = useT();
  const kindCounts = useMemo(() => {
    const counts = new Array<number>(index.kinds.length).fill(0);
    const m = index.messages;
    for (let k = 0; k < m.count; k++) {
      const kind = cell(m.kind, k);
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return counts;
  }, [index]);
  return (
    <div className="filters">
      <fieldset className="filter-group plain-group" aria-label={t('replay.filters.nodesLabel')}>
        <b>{t('replay.filters.nodes')}</b>
        <button type="button" className="small secondary" onClick={() => setHiddenLanes(() => new Set())}>
          {t('replay.filters.all')}
        </button>
        <button type="button" className="small secondary" onClick={() => setHiddenLanes(() => new Set(index.nodes.map((n) => n.lane)))}>
          {t('replay.filters.none')}
        </button>
        {index.nodes.map((n) => (
          <button
            type="button"
            key={n.id}
            className="chip"
            aria-pressed={!hiddenLanes.has(n.lane)}
            onClick={() => setHiddenLanes((s) => toggle(s, n.lane))}
          >
            {n.nickname}
          </button>
        ))}
      </fieldset>
      <fieldset className="filter-group plain-group" aria-label={t('replay.filters.kindsLabel')}>
        <b>{t('replay.filters.kinds')}</b>
        {index.kinds.map((kind, i) => {
          const style = kindStyle(kind, t);
          return (
            <button
              type="button"
              key={kind}
              className="chip"
              aria-pressed={!hiddenKinds.has(i)}
              onClick={() => setHiddenKinds((s) => toggle(s, i))}
              title={kind}
            >
              <span className="swatch" style={{ background: style.color }} aria-hidden="true" />
              {style.label} <span className="muted">({kindCounts[i]})</span>
            </button>
          );
        })}
        {index.kinds.length === 0 && <span className="muted">{t('replay.filters.noMessages')}</span>}
      </fieldset>
    </div>
  );
}
