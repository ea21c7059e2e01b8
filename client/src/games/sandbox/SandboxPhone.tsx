import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SandboxView } from '../../../../shared/games/sandbox/config';
import { TEXT_MAX } from '../../../../shared/games/sandbox/config';
import { buzz, type PhoneGameProps } from '../types';
import { PeerPicker } from '../../phone/PeerPicker';
import { keyed } from '../../keyed';
import { NowLine, Term } from '../../phone/Term';

export function SandboxPhone({ view, roster, act }: PhoneGameProps<SandboxView>) {
  const [to, setTo] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sentNote, setSentNote] = useState<string | null>(null);
  const seen = useRef(view.received);
  const names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const name = (id: string) => names.get(id) ?? 'someone who left';

  useEffect(() => {
    if (view.received > seen.current) buzz();
    seen.current = view.received;
  }, [view.received]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const err = await act({ type: 'send', to, text });
    if (err) return setError(err.message);
    setSentNote(`Sent to ${to.map(name).join(', ')}. Will it arrive?`);
    setText('');
  };

  return (
    <div className="stack">
      <NowLine>Send a message to someone: pick names, write, send. Watch your inbox for theirs.</NowLine>
      <section className="panel stack" aria-labelledby="sandbox-send">
        <h2 id="sandbox-send">Send a message</h2>
        <PeerPicker peers={view.peers} names={names} selected={to} onChange={setTo} />
        <form className="stack" onSubmit={send}>
          <label htmlFor="sandbox-text">Message</label>
          <input
            id="sandbox-text"
            value={text}
            maxLength={TEXT_MAX}
            onChange={(e) => setText(e.target.value)}
            placeholder="Hello, neighbour!"
          />
          {error && (
            <div className="error" role="alert">
              {error}
            </div>
          )}
          {sentNote && !error && (
            <div className="notice" role="status">
              {sentNote}
            </div>
          )}
          <button className="big" type="submit" disabled={to.length === 0 || text.trim() === ''}>
            Send to {to.length || 'nobody yet'}
          </button>
        </form>
      </section>
      <section className="panel stack" aria-labelledby="sandbox-inbox">
        <h2 id="sandbox-inbox">Inbox ({view.received})</h2>
        {view.inbox.length === 0 && <p className="muted">Nothing has reached you yet.</p>}
        <ul className="messages">
          {keyed(view.inbox, (m) => m.id)
            .reverse()
            .map(({ key, item: m }) => (
              <li key={key} className={m.duplicate ? 'dup' : ''}>
                <div>
                  <b>{name(m.from)}:</b> {m.text}
                </div>
                <div className="meta">
                  took {Math.max(0, Math.round(m.receivedAt - m.sentAt))} ms · <Term id="lamport">Lamport clock</Term> {m.lamport}
                  {m.duplicate && ' · a duplicate: the network delivered this twice'}
                </div>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}

/** One line after the round: what you sent and what reached you. */
export function SandboxRecap({ view }: PhoneGameProps<SandboxView>) {
  const dups = view.inbox.filter((m) => m.duplicate).length;
  return (
    <p className="recap" data-testid="recap">
      You sent {view.sent.length} message{view.sent.length === 1 ? '' : 's'}; {view.received} message{view.received === 1 ? '' : 's'}{' '}
      reached you
      {dups > 0 ? ` (${dups} of them twice: the network duplicated ${dups === 1 ? 'it' : 'them'})` : ''}.
    </p>
  );
}
