// After "End session": what the session was (its rounds and messages), and what comes next:
// open its replay, share it with the class (a link and a QR code), or start a new room.
// Nothing of the live room is left to press (no stale QR code, no "Lock room").

import { useState } from 'react';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { useT } from '../i18n/I18nProvider';
import { wordError } from '../i18n/words';
import { shareRecording } from '../replay/api';
import { QrCode } from './QrCode';
import { Results } from './Results';
import type { ConsoleSession } from './useConsoleSession';

export function SessionSummary({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const t = useT();
  const [share, setShare] = useState<{ url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const replay = `/replay/${snapshot.room.session}`;
  const key = session.room?.key;
  const doShare = async () => {
    if (!key) return;
    setError(null);
    const r = await shareRecording(snapshot.room.session, key);
    if (!r.ok) return setError(wordError(t, r.error));
    setShare({ url: r.data.url });
  };
  return (
    <main className="cockpit-summary stack" data-testid="session-summary">
      <section className="panel stack">
        <h2>{t('console.summary.title', { code: snapshot.room.code })}</h2>
        <p>
          {t('console.summary.text', { rounds: snapshot.rounds.length, nodes: snapshot.nodes.filter((n) => n.status !== 'kicked').length })}
        </p>
        <div className="row">
          <a className="button" href={replay} target="_blank" rel="noreferrer">
            {t('console.summary.replay')}
          </a>
          <button type="button" className="secondary" disabled={!key} onClick={() => void doShare()}>
            {t('console.summary.share')}
          </button>
          <button
            type="button"
            className="good"
            disabled={!session.online || busy}
            onClick={async () => {
              setBusy(true);
              await session.create();
              setBusy(false);
            }}
          >
            {t('console.summary.newRoom')}
          </button>
        </div>
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
        {share && (
          <div className="row share-box" data-testid="share-link">
            <QrCode text={share.url} label={t('console.summary.shareQr')} size="180px" />
            <div className="stack" style={{ gap: '0.25rem', minWidth: 0 }}>
              <b>{t('console.summary.shareText')}</b>
              <span className="mono" style={{ wordBreak: 'break-all' }}>
                {share.url}
              </span>
            </div>
          </div>
        )}
      </section>
      <Results snapshot={snapshot} />
    </main>
  );
}
