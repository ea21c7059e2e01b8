import { memo, useCallback, useState } from 'react';
import type { ConsoleNode, ConsoleSnapshot } from '../../../shared/protocol/views';
import type { ConsoleSession } from './useConsoleSession';

/** A phone that dropped off less than this long ago is "reconnecting", after that "offline". */
const RECONNECT_GRACE_MS = 60_000;

export type Presence = 'bot' | 'online' | 'reconnecting' | 'offline';

export function presence(node: Pick<ConsoleNode, 'kind' | 'connected' | 'since'>, now: number): Presence {
  if (node.kind === 'bot') return 'bot';
  if (node.connected) return 'online';
  return now - node.since < RECONNECT_GRACE_MS ? 'reconnecting' : 'offline';
}

const LABEL: Record<Presence, string> = { bot: '⚙ bot', online: '● online', reconnecting: '◌ reconnecting', offline: '○ offline' };

export function Roster({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const nodes = snapshot.nodes.filter((n) => n.status === 'active');
  const { command } = session;
  const kick = useCallback(
    (id: string, nickname: string) => {
      if (window.confirm(`Remove ${nickname} from the room? Their phone cannot come back as this node.`)) {
        void command('console:kick', { node: id });
      }
    },
    [command],
  );
  const [open, setOpen] = useState(true);
  return (
    <section className="panel stack" aria-labelledby="roster-title">
      <div className="row">
        <h2 id="roster-title" style={{ margin: 0 }}>
          Nodes ({nodes.length})
        </h2>
        <button
          type="button"
          className="small secondary"
          aria-expanded={open}
          aria-controls="roster-list"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide list' : 'Show list'}
        </button>
        <span className="spacer" />
        <button type="button" className="small secondary" onClick={() => void session.command('console:bots', { add: 1 })}>
          + bot
        </button>
        <button type="button" className="small secondary" onClick={() => void session.command('console:bots', { add: 5 })}>
          +5 bots
        </button>
        <button
          type="button"
          className="small secondary"
          disabled={!nodes.some((n) => n.kind === 'bot')}
          onClick={() => void session.command('console:bots', { remove: 1 })}
        >
          − bot
        </button>
      </div>
      {nodes.length === 0 && <p className="muted">No one yet. Phones join with the code or the QR code.</p>}
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
  return (
    <li data-node={props.id}>
      <span className="name" title={props.nickname}>
        {props.nickname}
      </span>
      {props.crashed && <span className="pill crashed">✕ crashed</span>}
      <span className={`pill ${props.presence}`}>{LABEL[props.presence]}</span>
      <button
        type="button"
        className="small secondary"
        aria-label={`Remove ${props.nickname}`}
        onClick={() => props.onKick(props.id, props.nickname)}
      >
        ✕
      </button>
    </li>
  );
});
