// Type a room's recovery code to get its instructor key back on this browser (a lost or wiped
// one): the room, if still open, can be reopened from here, and its recordings listed.

import { useState } from 'react';
import type { ErrorInfo } from '../../../shared/protocol/result';
import { useT } from '../i18n/I18nProvider';
import { wordError } from '../i18n/words';
import { remember, savedRooms, type SavedRoom } from './useConsoleSession';

interface Recovered {
  key: string;
  rooms: { code: string; session: string; ended: boolean }[];
}

/** Asks the server for the key a recovery code gives back; keeps it (and its rooms) in this browser. */
export async function recoverRooms(recovery: string): Promise<{ ok: true; rooms: SavedRoom[] } | { ok: false; error: ErrorInfo }> {
  let body: { ok: true; data: Recovered } | { ok: false; error: ErrorInfo };
  try {
    const res = await fetch('/api/recover', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recovery }),
    });
    body = (await res.json()) as typeof body;
  } catch {
    return { ok: false, error: { code: 'offline', message: 'The server could not be reached.' } };
  }
  if (!body.ok) return body;
  const known = new Map(savedRooms().map((r) => [r.code, r]));
  const rooms = body.data.rooms.map((r) => {
    const saved: SavedRoom = {
      ...known.get(r.code),
      code: r.code,
      key: body.data.key,
      createdAt: known.get(r.code)?.createdAt ?? new Date().toISOString(),
      session: r.session,
      ended: r.ended,
      recovery,
    };
    remember(saved);
    return saved;
  });
  return { ok: true, rooms };
}

export function RecoverForm({ onRecovered }: { onRecovered(rooms: SavedRoom[]): void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel stack"
      aria-labelledby="recover-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const r = await recoverRooms(code);
        setBusy(false);
        if (!r.ok) return setError(wordError(t, r.error));
        setCode('');
        onRecovered(r.rooms);
      }}
    >
      <h2 id="recover-title" style={{ margin: 0 }}>
        {t('console.recover.title')}
      </h2>
      <p className="muted">{t('console.recover.help')}</p>
      <div className="field">
        <label htmlFor="recover-code">{t('console.recover.label')}</label>
        <input
          id="recover-code"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          placeholder="ABCDE-FGHJK-MNPQR-STVWX"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" disabled={busy || code.trim().length < 20}>
        {t('console.recover.submit')}
      </button>
    </form>
  );
}
