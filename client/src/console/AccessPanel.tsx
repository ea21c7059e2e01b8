// Instructor access: hand the controls to a phone (a single-use QR code), show the room's
// recovery code (to write down: it takes the room over from any browser), and every phone that
// holds instructor rights, each revocable.

import { useState } from 'react';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { useT } from '../i18n/I18nProvider';
import { wordError } from '../i18n/words';
import { QrCode } from './QrCode';
import { SecretDialog } from './SecretDialog';
import type { ConsoleSession } from './useConsoleSession';

export function AccessPanel({ snapshot, session }: { snapshot: ConsoleSnapshot; session: ConsoleSession }) {
  const t = useT();
  const [open, setOpen] = useState<'phone' | 'recovery' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const devices = snapshot.instructors ?? [];
  const recovery = session.room?.recovery;

  const showHandoff = async () => {
    const s = await session.handoff();
    if ('code' in s) return <p className="error">{wordError(t, s)}</p>;
    return (
      <div className="stack" style={{ alignItems: 'center' }}>
        <QrCode text={s.url} label={t('console.access.qr')} size="min(60vh, 320px)" />
        <p>{t('console.access.qrHelp', { seconds: Math.max(0, Math.round((s.expiresAt - Date.now()) / 1000)) })}</p>
      </div>
    );
  };

  return (
    <section className="panel stack" aria-labelledby="access-title">
      <h2 id="access-title" style={{ margin: 0 }}>
        {t('console.access.title')}
      </h2>
      <div className="row">
        <button type="button" className="secondary" onClick={() => setOpen('phone')}>
          {t('console.access.phone')}
        </button>
        {recovery && (
          <button type="button" className="secondary" onClick={() => setOpen('recovery')}>
            {t('console.access.recovery')}
          </button>
        )}
      </div>
      <ul className="log" aria-label={t('console.access.devices')}>
        <li>{t('console.access.roomKey')}</li>
        {devices.map((d) => (
          <li key={d.id} className="row">
            <span>{t('console.access.device', { label: d.label, since: t.date(d.since, { timeStyle: 'short' }) })}</span>
            <span className="spacer" />
            <button
              type="button"
              className="small danger"
              aria-label={t('console.access.revokeLabel', { label: d.label })}
              onClick={async () => {
                setError(null);
                const err = await session.command('console:revoke', { device: d.id });
                if (err) setError(wordError(t, err));
              }}
            >
              {t('console.access.revoke')}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {open === 'phone' && (
        <SecretDialog
          title={t('console.access.phoneTitle')}
          warning={t('console.access.phoneWarning')}
          show={showHandoff}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'recovery' && recovery && (
        <SecretDialog
          title={t('console.access.recoveryTitle')}
          warning={t('console.access.recoveryWarning')}
          show={async () => (
            <div className="stack">
              <p className="mono recovery-code" data-testid="recovery-code">
                {recovery}
              </p>
              <p>{t('console.access.recoveryHelp')}</p>
            </div>
          )}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
