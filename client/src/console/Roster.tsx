import { memo, useCallback, useState } from 'react';
import type { ConsoleNode, ConsoleSnapshot } from '../../../shared/protocol/views';
import type { ConsoleSession } from './useConsoleSession';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';

/** A phone that dropped off less than this long ago is "reconnecting", after that "offline". */
const RECONNECT_GRACE_MS = 60_000;

export type Presence = 'bot' | 'online' | 'reconnecting' | 'offline';

export function presence(node: Pick<ConsoleNode, 'kind' | 'connected' | 'since'>, now: number): Presence {
  if (node.kind === 'bot') return 'bot';
  if (node.connected) return 'online';
  return now - node.since < RECONNECT_GRACE_MS ? 'reconnecting' : 'offline';
}

const LABEL: Record<Presence, MessageKey> = {
  bot: 'console.roster.bot',
  online: 'console.roster.online',
  reconnecting: 'console.roster.reconnecting',
  offline: 'console.roster.offline',
};

export function Roster({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const t = useT();
  const nodes = snapshot.nodes.filter((n) => n.status === 'active');
  const { command } = session;
  const kick = useCallback(
    (id: string, nickname: string) => {
      if (window.confirm(t('console.roster.removeConfirm', { name: nickname }))) {
        void command('console:kick', { node: id });
      }
    },
    [command, t],
  );
  const [open, setOpen] = useState(true);
  return (
    <section className="panel stack" aria-labelledby="roster-title">
      <div className="row">
        <h2 id="roster-title" style={{ margin: 0 }}>
          {t('console.roster.title', { count: nodes.length })}
        </h2>
        <button
          type="button"
          className="small secondary"
          aria-expanded={open}
          aria-controls="roster-list"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('console.roster.hide') : t('console.roster.show')}
        </button>
        <span className="spacer" />
        <button type="button" className="small secondary" onClick={() => void session.command('console:bots', { add: 1 })}>
          {t('console.roster.addBot')}
        </button>
        <button type="button" className="small secondary" onClick={() => void session.command('console:bots', { add: 5 })}>
          {t('console.roster.addBots')}
        </button>
        <button
          type="button"
          className="small secondary"
          disabled={!nodes.some((n) => n.kind === 'bot')}
          onClick={() => void session.command('console:bots', { remove: 1 })}
        >
          {t('console.roster.removeBot')}
        </button>
      </div>
      {nodes.length === 0 && <p className="muted">{t('console.roster.empty')}</p>}
      <ul className="roster" data-testid="roster" id="roster-list" hidden={!open}>
        {nodes.map((n) => (
          <RosterRow key={n.id} id={n.id} nickname={n.nickname} crashed={n.crashed} presence={presence(n, snapshot.t)} onKick={kick} />
        ))}
      </ul>
    </section>
  );
}

/** One row; unchanged rows are not re-rendered when the room's picture refreshes. */
const RosterRow = memo(function RosterRow(props: {
  id: string;
  nickname: string;
  crashed: boolean;
  presence: Presence;
  onKick(id: string, nickname: string): void;
}) {
  const t = useT();
  return (
    <li data-node={props.id}>
      <span className="name" title={props.nickname}>
        {props.nickname}
      </span>
      {props.crashed && <span className="pill crashed">{t('console.roster.crashed')}</span>}
      <span className={`pill ${props.presence}`}>{t(LABEL[props.presence])}</span>
      <button
        type="button"
        className="small secondary"
        aria-label={t('console.roster.remove', { name: props.nickname })}
        onClick={() => props.onKick(props.id, props.nickname)}
      >
        ✕
      </button>
    </li>
  );
});
