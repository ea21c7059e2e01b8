// The instructor's phone as a remote (/remote): it claims the single-use code the console's QR
// code carries, keeps the phone's own key (revocable on the console), and offers the controls a
// class needs with one hand, laid out for a 390 px phone: start and stop a round, pause, the
// one-click drills, loss, heal, and the stage's reveal.

import { useEffect, useRef, useState } from 'react';
import { DRILLS, type DrillName } from '../../../shared/net/drills';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { GAME_UIS } from '../games';
import { GAMES } from '../games/registry';
import { useT } from '../i18n/I18nProvider';
import { gameName, wordError } from '../i18n/words';
import { APP_NAME, useTitle } from '../useTitle';
import { drillWord, Slider } from './NetworkPanel';
import { startConfigOf } from './startConfig';
import { type ConsoleSession, useConsoleSession } from './useConsoleSession';

/** The hand-off code in the address (`/remote#room=K7QX3&token=…`), or null. */
function handoffInAddress(): { room: string; token: string } | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const room = params.get('room')?.toUpperCase();
  const token = params.get('token');
  return room && token ? { room, token } : null;
}

export function RemoteApp() {
  const session = useConsoleSession();
  const t = useT();
  const tried = useRef(false);
  useTitle(session.room ? t('console.remote.pageTitle', { code: session.room.code }) : APP_NAME);
  useEffect(() => {
    if (!session.online || tried.current) return;
    const handoff = handoffInAddress();
    if (!handoff) return;
    tried.current = true;
    // The code is used up either way: the address stops carrying it.
    window.history.replaceState(null, '', `/remote?room=${handoff.room}`);
    void session.claim(handoff.room, handoff.token, t('console.remote.label'));
  }, [session, t]);

  if (!session.room || !session.snapshot) {
    return (
      <main className="remote stack">
        <h1>{t('console.remote.title')}</h1>
        {session.error ? (
          <p className="error" role="alert">
            {session.error.code === 'revoked' ? t('console.remote.revoked') : wordError(t, session.error)}
          </p>
        ) : session.online && !handoffInAddress() && !tried.current ? (
          <p>{t('console.remote.scan')}</p>
        ) : (
          <p role="status">{t('console.remote.connecting')}</p>
        )}
      </main>
    );
  }
  return <Remote session={session} snapshot={session.snapshot} />;
}

function Remote({ session, snapshot }: { session: ConsoleSession; snapshot: ConsoleSnapshot }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const games = [...GAMES.values()].map((g) => g.engine).filter((e) => GAME_UIS[e.id]);
  const [game, setGame] = useState(games[0]?.id ?? 'sandbox');
  const run = async (p: Promise<ErrorInfo | null>) => {
    setError(null);
    const err = await p;
    if (err) setError(wordError(t, err));
    return !err;
  };
  const active = snapshot.nodes.filter((n) => n.status === 'active').length;
  const round = snapshot.round;
  return (
    <main className="remote stack" data-testid="remote">
      <header className="row">
        <b className="mono" style={{ fontSize: '1.6rem' }}>
          {snapshot.room.code}
        </b>
        <span>{t('console.remote.nodes', { count: active })}</span>
        <span className="spacer" />
        {!session.online && <span className="pill reconnecting">{t('console.top.reconnecting')}</span>}
      </header>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <section className="panel stack" aria-labelledby="remote-round">
        <h2 id="remote-round" style={{ margin: 0 }}>
          {round ? t('console.round.current', { index: round.index, title: gameName(t, round.game) }) : t('console.round.next')}
        </h2>
        {round ? (
          <button type="button" className="danger big" onClick={() => void run(session.command('console:round', { action: 'stop' }))}>
            {t('console.round.stop')}
          </button>
        ) : (
          <>
            <label htmlFor="remote-game">{t('console.round.game')}</label>
            <select id="remote-game" value={game} onChange={(e) => setGame(e.target.value)}>
              {games.map((g) => (
                <option key={g.id} value={g.id}>
                  {gameName(t, g.id)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="good big"
              onClick={() => void run(session.command('console:round', { action: 'start', game, config: startConfigOf(game, t) }))}
            >
              {t('console.round.start')}
            </button>
          </>
        )}
      </section>
      <section className="panel stack" aria-labelledby="remote-net">
        <h2 id="remote-net" style={{ margin: 0 }}>
          {t('console.net.title')}
        </h2>
        <button
          type="button"
          className={`big ${snapshot.paused ? 'good' : ''}`}
          onClick={() => void run(session.command('console:pause', { paused: !snapshot.paused }))}
        >
          {snapshot.paused ? t('console.net.resume') : t('console.net.pause')}
        </button>
        <button type="button" className="good big" onClick={() => void run(session.command('console:drill', { name: 'heal-all' }))}>
          {drillWord(t, 'heal-all')}
        </button>
        <fieldset className="remote-drills plain-group" aria-label={t('console.net.drills')}>
          {(Object.keys(DRILLS) as DrillName[])
            .filter((d) => d !== 'heal-all')
            .map((name) => (
              <button type="button" key={name} className="secondary" onClick={() => void run(session.command('console:drill', { name }))}>
                {drillWord(t, name)}
              </button>
            ))}
        </fieldset>
        <Slider
          id="remote-loss"
          label={t('console.net.loss')}
          value={snapshot.faults.loss}
          min={0}
          max={1}
          step={0.05}
          format={(v) => t('console.net.percent', { value: Math.round(v * 100) })}
          onCommit={(rate) => run(session.command('console:fault', { op: { op: 'loss', rate } }))}
        />
      </section>
      {(round || snapshot.rounds.length > 0) && (
        <button
          type="button"
          className="secondary big"
          aria-pressed={!!snapshot.stage?.revealed}
          onClick={() => void run(session.command('console:reveal', { revealed: !snapshot.stage?.revealed }))}
        >
          {snapshot.stage?.revealed ? t('console.top.hide') : t('console.top.reveal')}
        </button>
      )}
    </main>
  );
}
