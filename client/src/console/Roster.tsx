import type { ConsoleNode, ConsoleSnapshot } from '../../../shared/session/views';
import type { ConsoleSession } from './useConsoleSession';

/** A phone that dropped off less than this long ago is "reconnecting", after that "offline". */
const RECONNECT_GRACE_MS = 60_000;

export type Presence = 'bot' | 'online' | 'reconnecting' | 'offline';

export function presence(node: ConsoleNode, now: number): Presence {
  if (node.kind === 'bot') return 'bot';
  if (node.connected) return 'online';
  return now - node.since < RECONNECT_GRACE_MS ? 'reconnecting' : 'offline';
}

const LABEL: Record<Presence, string> = { bot: '⚙ bot', online: '● online', reconnecting: '◌ reconnecting', offline: '○ offline' };

export function Roster({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const nodes = snapshot.nodes.filter((n) => n.status === 'active');
  const kick = (n: ConsoleNode) => {
    if (window.confirm(`Remove ${n.nickname} from the room? Their phone cannot come back as this node.`)) {
      void session.command('console:kick', { node: n.id });
    }
  };
  return (
    <section className="panel stack" aria-labelledby="roster-title">
      <div className="row">
        <h2 id="roster-title">Nodes ({nodes.length})</h2>
        <span className="spacer" />
        <button className="small secondary" onClick={() => void session.command('console:bots', { add: 1 })}>+ bot</button>
        <button className="small secondary" onClick={() => void session.command('console:bots', { add: 5 })}>+5 bots</button>
        <button
          className="small secondary"
          disabled={!nodes.some((n) => n.kind === 'bot')}
          onClick={() => void session.command('console:bots', { remove: 1 })}
        >
          − bot
        </button>
      </div>
      {nodes.length === 0 && <p className="muted">No one yet. Phones join with the code or the QR code.</p>}
      <ul className="roster" data-testid="roster">
        {nodes.map((n) => {
          const p = presence(n, snapshot.t);
          return (
            <li key={n.id} data-node={n.id}>
              <span className="name" title={n.id}>{n.nickname}</span>
              {n.crashed && <span className="pill crashed">✕ crashed</span>}
              <span className={`pill ${p}`}>{LABEL[p]}</span>
              <button className="small secondary" aria-label={`Remove ${n.nickname}`} onClick={() => kick(n)}>
                ✕
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
