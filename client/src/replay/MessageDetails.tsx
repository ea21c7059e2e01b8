// One message, in full: who sent it to whom, when, what became of it, what it carries (in words,
// nodes by nickname: bodyWords.ts), and the
// sender's and receiver's Lamport and vector clocks, read from the fold at the send and at
// the delivery (the clocks every envelope carries).

import { useMemo } from 'react';
import type { NodeClock } from '../../../shared/net/clocks';
import { DROP_REASONS } from '../../../shared/net/network';
import { MSG } from '../../../shared/replay/recordingIndex';
import { GAME_UIS } from '../games';
import { DROP_STYLE } from '../map/draw';
import { cell, formatClock } from './geometry';
import type { ReplayPlayer } from './player';
import { kindStyle } from './styles';
import { useT } from '../i18n/I18nProvider';
import { bodyLines } from './bodyWords';

const BODY_MAX = 2_000;

export function MessageDetails({
  player,
  row,
  names,
  onClose,
}: {
  player: ReplayPlayer;
  row: number;
  names: Map<string, string>;
  onClose(): void;
}) {
  const t = useT();
  const { index } = player;
  const m = index.messages;
  const info = useMemo(() => {
    const sendIdx = cell(m.sendIdx, row);
    const send = index.events[sendIdx];
    if (send?.type !== 'envelope:sent') return null;
    const env = send.env;
    const clockAt = (count: number, node: string): NodeClock | null => {
      const state = player.fold.probe(count);
      const c = state.clocks[node];
      return c ? structuredClone(c) : null;
    };
    const endIdx = cell(m.endIdx, row);
    const status = cell(m.status, row);
    return {
      env,
      sender: clockAt(sendIdx + 1, env.from),
      receiver: status === MSG.delivered && endIdx >= 0 ? clockAt(endIdx + 1, env.to) : null,
      status,
    };
  }, [index, m, row, player]);
  const lines = useMemo(() => (info ? bodyLines(t, info.env, names) : []), [info, t, names]);
  if (!info) return null;
  const { env } = info;
  const name = (id: string) => names.get(id) ?? id;
  const sentT = cell(m.sendT, row);
  const endT = cell(m.endT, row);
  const reason = DROP_REASONS[cell(m.reason, row)] ?? 'loss';
  const style = kindStyle(env.kind, t);
  const game = env.kind.includes(':') ? env.kind.slice(0, env.kind.indexOf(':')) : '';
  const says = GAME_UIS[game]?.messageLabel?.(env.kind, env.body, t);
  const why = t(`map.drop.${reason}`);
  const fate = (() => {
    switch (info.status) {
      case MSG.delivered:
        return t('replay.message.delivered', { at: formatClock(endT, 1), ms: Math.round(endT - sentT) });
      case MSG.droppedAtSend:
        return reason === 'partition' ? t('replay.message.droppedLeftPartition', { why }) : t('replay.message.droppedLeft', { why });
      case MSG.droppedInFlight:
        return t('replay.message.droppedArrival', { at: formatClock(endT, 1), why });
      case MSG.cancelled:
        return t('replay.message.cancelled', { at: formatClock(endT, 1) });
      default:
        return t('replay.message.travelling');
    }
  })();
  const dropped = info.status === MSG.droppedAtSend || info.status === MSG.droppedInFlight;
  return (
    <section className="message-details" aria-label={t('replay.message.label')} data-testid="message-details" aria-live="polite">
      <div className="row">
        <h3 style={{ margin: 0 }}>
          <span className="swatch" style={{ background: style.color }} aria-hidden="true" /> {style.label}
          {says ? `: ${says}` : ''}{' '}
          <span className="muted mono" translate="no">
            {env.id}
          </span>
          {m.copy[row] ? <span className="muted"> {t('map.copy')}</span> : ''}
        </h3>
        <span className="spacer" />
        <button type="button" className="small secondary" onClick={() => player.seek(sentT)}>
          {t('replay.message.goSend')}
        </button>
        <button type="button" className="small secondary" onClick={() => player.seek(endT + 1)}>
          {t('replay.message.goEnd')}
        </button>
        <button type="button" className="small secondary" onClick={onClose} aria-label={t('replay.message.close')}>
          ✕
        </button>
      </div>
      <p className="big-line">
        <b>{name(env.from)}</b> → <b>{name(env.to)}</b>, {t('replay.message.sentAt', { at: formatClock(sentT, 1) })}
      </p>
      <p className={dropped ? 'fate dropped' : 'fate'} style={dropped ? { borderColor: DROP_STYLE[reason].color } : undefined}>
        {dropped ? `${reason === 'partition' ? '✕' : reason === 'loss' ? '○' : '■'} ` : ''}
        {fate}
        {m.copy[row] ? ` — ${t('replay.message.secondCopy')}` : ''}
      </p>
      <div className="clocks">
        <ClockLine label={t('replay.message.atSend', { name: name(env.from) })} clock={info.sender} names={names} />
        {info.receiver && (
          <ClockLine label={t('replay.message.afterReceive', { name: name(env.to) })} clock={info.receiver} names={names} />
        )}
      </div>
      <details open={lines.join('').length < 600}>
        <summary>
          {t('replay.message.body')}{' '}
          <span className="mono" translate="no">
            ({env.kind})
          </span>
        </summary>
        <ul className="body" data-testid="message-body">
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one body, in order; they never move
            <li key={i}>{line.length > BODY_MAX ? `${line.slice(0, BODY_MAX)}…` : line}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function ClockLine({ label, clock, names }: { label: string; clock: NodeClock | null; names: Map<string, string> }) {
  const t = useT();
  if (!clock) return <div className="muted">{t('replay.message.noClock', { label })}</div>;
  const vector = Object.entries(clock.vector);
  return (
    <div>
      <b>{t('replay.message.clockLabel', { label })}</b> {t('replay.message.lamport')} <span className="mono">{clock.lamport}</span>
      {vector.length > 0 && (
        <>
          {' · '}
          {t('replay.message.vector')} <span className="mono">[{vector.map(([id, v]) => `${names.get(id) ?? id}: ${v}`).join(', ')}]</span>
        </>
      )}
    </div>
  );
}
