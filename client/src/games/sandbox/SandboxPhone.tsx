import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SandboxView } from '../../../../shared/games/sandbox/config';
import { TEXT_MAX } from '../../../../shared/games/sandbox/limits';
import { buzz, type PhoneGameProps } from '../types';
import { PeerPicker } from '../../phone/PeerPicker';
import { keyed } from '../../keyed';
import { NowLine, Term } from '../../phone/Term';
import { useT } from '../../i18n/I18nProvider';
import { errorText } from '../../phone/errorText';
import { asSandboxClassRecap, sandboxClassRecapText, sandboxText } from './words';

export function SandboxPhone({ view, roster, act }: PhoneGameProps<SandboxView>) {
  const t = useT();
  const [to, setTo] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sentNote, setSentNote] = useState<string | null>(null);
  const seen = useRef(view.received);
  const names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const name = (id: string) => names.get(id) ?? t('phone.someoneWhoLeft');

  useEffect(() => {
    if (view.received > seen.current) buzz();
    seen.current = view.received;
  }, [view.received]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const err = await act({ type: 'send', to, text });
    if (err) return setError(errorText(t, err, name));
    setSentNote(t('phone.sandbox.sent', { names: t.list(to.map(name)) }));
    setText('');
  };

  return (
    <div className="stack">
      <NowLine>{t('phone.sandbox.now')}</NowLine>
      <section className="panel stack" aria-labelledby="sandbox-send">
        <h2 id="sandbox-send">{t('phone.sandbox.send')}</h2>
        <PeerPicker peers={view.peers} names={names} selected={to} onChange={setTo} />
        <form className="stack" onSubmit={send}>
          <label htmlFor="sandbox-text">{t('phone.sandbox.message')}</label>
          <input
            id="sandbox-text"
            value={text}
            maxLength={TEXT_MAX}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('phone.sandbox.placeholder')}
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
            {to.length ? t('phone.sandbox.sendTo', { count: to.length }) : t('phone.sandbox.sendNobody')}
          </button>
        </form>
      </section>
      <section className="panel stack" aria-labelledby="sandbox-inbox">
        <h2 id="sandbox-inbox">{t('phone.sandbox.inbox', { count: view.received })}</h2>
        {view.inbox.length === 0 && <p className="muted">{t('phone.sandbox.empty')}</p>}
        <ul className="messages">
          {keyed(view.inbox, (m) => m.id)
            .reverse()
            .map(({ key, item: m }) => (
              <li key={key} className={m.duplicate ? 'dup' : ''}>
                <div>
                  <b>{name(m.from)}:</b> {sandboxText(t, m, m.from, view.you, name)}
                </div>
                <div className="meta">
                  {t('phone.sandbox.took', { ms: Math.max(0, Math.round(m.receivedAt - m.sentAt)) })} ·{' '}
                  <Term id="lamport" word={t('phone.sandbox.lamportWord')}>
                    {t('phone.sandbox.lamport', { clock: m.lamport })}
                  </Term>
                  {m.duplicate && ` · ${t('phone.sandbox.duplicate')}`}
                </div>
              </li>
            ))}
        </ul>
      </section>
    </div>
  );
}

/** One line after the round: what you sent and what reached you. */
export function SandboxRecap({ view, node }: PhoneGameProps<SandboxView>) {
  const t = useT();
  const dups = view.inbox.filter((m) => m.duplicate).length;
  const cls = asSandboxClassRecap(node.lastRound?.classRecap);
  return (
    <p className="recap" data-testid="recap">
      {t('phone.sandbox.recap', { sent: view.sent.length, received: view.received })}
      {dups > 0 && ` ${t('phone.sandbox.recapDups', { dups })}`}
      {cls && (
        <>
          {' '}
          <span data-testid="recap-class">{sandboxClassRecapText(t, cls)}</span>
        </>
      )}
    </p>
  );
}
