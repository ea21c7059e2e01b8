// The instructor's console, a cockpit on the laptop: the room code and QR for latecomers, the
// network's controls, the live map with the round below it, the round's controls and the nodes;
// each column scrolls on its own, so no control ever scrolls the map away. The class reads the
// projector stage (/stage), opened from here in its own window.

import { ShortcutsDialog } from './ShortcutsDialog';
import { useMemo, useRef, useState } from 'react';
import type { DrillName } from '../../../shared/net/drills';
import type { FaultOp } from '../../../shared/net/faults';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { DrillPanel } from './DrillPanel';
import { LiveMap } from './LiveMap';
import { keyLabel, SHORTCUTS, useShortcuts } from './useShortcuts';
import { GAME_UIS } from '../games';
import { NetworkPanel } from './NetworkPanel';
import { QrCode } from './QrCode';
import { RecordingBanner } from './RecordingBanner';
import { Roster } from './Roster';
import { RoundPanel } from './RoundPanel';
import { Results } from './Results';
import { SessionSummary } from './SessionSummary';
import { AccessPanel } from './AccessPanel';
import { RemoteApp } from './RemoteApp';
import { RecoverForm } from './RecoverForm';
import { savedRooms, useConsoleSession, type ConsoleSession } from './useConsoleSession';
import { APP_NAME, useTitle } from '../useTitle';
import { RoomLanguageControl } from '../i18n/LanguagePicker';
import { useT } from '../i18n/I18nProvider';
import { gameName, wordError } from '../i18n/words';

export function ConsoleApp() {
  // The instructor's phone, handed the controls by a console's QR code.
  if (window.location.pathname.startsWith('/remote')) return <RemoteApp />;
  return <Console />;
}

function Console() {
  const session = useConsoleSession();
  const t = useT();
  useTitle(session.room && session.snapshot ? t('console.pageTitle', { code: session.room.code }) : APP_NAME);
  if (!session.room || !session.snapshot) return <RoomPicker session={session} />;
  return <Dashboard session={session} snapshot={session.snapshot} />;
}

function RoomPicker({ session }: { session: ConsoleSession }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [, setRecovered] = useState(0);
  const rooms = savedRooms();
  return (
    <main className="landing stack">
      <section className="hero">
        <h1>{t('console.picker.title')}</h1>
        <p>{t('console.picker.intro')}</p>
      </section>
      {session.error && (
        <div className="error" role="alert">
          {session.error.code === 'revoked' ? t('console.remote.revoked') : wordError(t, session.error)}
        </div>
      )}
      <button
        type="button"
        className="big"
        disabled={!session.online || busy}
        onClick={async () => {
          setBusy(true);
          await session.create();
          setBusy(false);
        }}
      >
        {session.online ? t('console.picker.create') : t('console.picker.connecting')}
      </button>
      <a className="button secondary" href="/replay" style={{ background: 'var(--card)', color: 'var(--brand)' }}>
        {t('console.picker.recordings')}
      </a>
      {rooms.length > 0 && (
        <section className="panel stack">
          <h2>{t('console.picker.rooms')}</h2>
          <ul className="log">
            {rooms.map((r) => (
              <li key={r.code} className="row">
                <span className="mono" style={{ fontSize: '1.3rem', fontWeight: 800 }}>
                  {r.code}
                </span>
                <span className="muted">{t.date(new Date(r.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</span>
                {r.ended && <span className="pill">{t('console.picker.ended')}</span>}
                <span className="spacer" />
                {r.ended ? (
                  <a className="button small secondary" href={r.session ? `/replay/${r.session}` : '/replay'}>
                    {t('console.picker.replay')}
                  </a>
                ) : (
                  <button type="button" className="small secondary" disabled={!session.online} onClick={() => void session.attach(r)}>
                    {t('console.picker.reopen')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <RecoverForm
        onRecovered={(found) => {
          setRecovered((n) => n + 1);
          const open = found.find((r) => !r.ended);
          if (open) void session.attach(open);
        }}
      />
    </main>
  );
}

function Dashboard({ session, snapshot }: { session: ConsoleSession; snapshot: ConsoleSnapshot }) {
  const t = useT();
  const active = snapshot.nodes.filter((n) => n.status === 'active');
  const ended = snapshot.room.ended;
  const round = snapshot.round;
  const ui = round ? GAME_UIS[round.game] : undefined;
  const [projector, setProjector] = useState(() => localStorage.getItem('human-cluster:projector') === '1');
  const [help, setHelp] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [flash, setFlash] = useState<string | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const tRef = useRef(t);
  tRef.current = t;
  const pausedRef = useRef(snapshot.paused);
  pausedRef.current = snapshot.paused;

  const { command } = session;
  const handlers = useMemo(() => {
    const report = (p: Promise<ErrorInfo | null>) =>
      void p.then((err) => {
        setFlash(err ? wordError(tRef.current, err) : null);
      });
    return {
      drill: (name: DrillName) => report(command('console:drill', { name })),
      fault: (op: FaultOp) => report(command('console:fault', { op })),
      togglePause: () => report(command('console:pause', { paused: !pausedRef.current })),
      toggleProjector: () =>
        setProjector((p) => {
          localStorage.setItem('human-cluster:projector', p ? '0' : '1');
          return !p;
        }),
      toggleHelp: () => setHelp((x) => !x),
      clearSelection: () => {
        setSelected(new Set());
        setHelp(false);
      },
      selected: () => [...selectedRef.current],
      report,
    };
  }, [command]);
  useShortcuts(handlers);

  const end = () => {
    if (window.confirm(t('console.top.endConfirm'))) void session.command('console:end', {});
  };
  return (
    <div className={`console cockpit${projector ? ' projector' : ''}`}>
      <header className="console-top">
        <div>
          <div className="room-code" data-testid="room-code">
            {snapshot.room.code}
          </div>
          {!ended && (
            <div className="join-url mono" data-testid="join-url">
              {session.joinUrl}
            </div>
          )}
        </div>
        {!ended && <QrCode text={session.joinUrl} label={t('console.top.qr', { code: snapshot.room.code })} />}
        {!ended && (
          <div>
            <span className="count" data-testid="node-count">
              {t.number(active.length)}
            </span>{' '}
            {t('console.top.nodes', { count: active.length })}
            {snapshot.room.locked && (
              <span className="pill" style={{ marginLeft: 8 }}>
                {t('console.top.locked')}
              </span>
            )}
            {!session.online && (
              <span className="pill reconnecting" style={{ marginLeft: 8, color: '#ffd27a' }}>
                {t('console.top.reconnecting')}
              </span>
            )}
          </div>
        )}
        <span className="spacer" />
        <div className="row console-actions">
          {!ended && (
            <button
              type="button"
              className="secondary"
              aria-label={t('console.top.stageLabel')}
              title={t('console.top.stageTitle')}
              onClick={() => window.open(`/stage?room=${snapshot.room.code}`, `human-cluster-stage-${snapshot.room.code}`)}
            >
              {t('console.top.stage')}
            </button>
          )}
          {!ended && (snapshot.round || snapshot.rounds.length > 0) && (
            <button
              type="button"
              className="secondary"
              aria-pressed={!!snapshot.stage?.revealed}
              title={t('console.top.revealTitle')}
              onClick={() => handlers.report(session.command('console:reveal', { revealed: !snapshot.stage?.revealed }))}
            >
              {snapshot.stage?.revealed ? t('console.top.hide') : t('console.top.reveal')}
            </button>
          )}
          {!ended && (
            <button type="button" className="secondary" aria-pressed={projector} onClick={handlers.toggleProjector}>
              {t('console.top.projector')}
            </button>
          )}
          <a className="button secondary" href="/replay" target="_blank" rel="noreferrer">
            {t('console.top.recordings')}
          </a>
          {!ended && (
            <button type="button" className="secondary" onClick={() => setHelp(true)} aria-label={t('console.top.shortcuts')}>
              ?
            </button>
          )}
          <RoomLanguageControl
            value={snapshot.room.language ?? null}
            disabled={ended}
            onChange={(language) => void session.command('console:language', { language })}
          />
          {!ended && (
            <button
              type="button"
              className="secondary"
              onClick={() => handlers.report(session.command('console:lock', { locked: !snapshot.room.locked }))}
            >
              {snapshot.room.locked ? t('console.top.unlock') : t('console.top.lock')}
            </button>
          )}
          {!ended && (
            <button type="button" className="danger" onClick={end}>
              {t('console.top.end')}
            </button>
          )}
        </div>
      </header>
      <RecordingBanner notice={session.recording} />
      {flash && (
        <div className="error row" role="alert" style={{ margin: '0.5rem 1rem 0' }}>
          <span>{flash}</span>
          <span className="spacer" />
          <button type="button" className="small secondary" onClick={() => setFlash(null)}>
            {t('console.dismiss')}
          </button>
        </div>
      )}
      {snapshot.room.ended ? (
        <SessionSummary snapshot={snapshot} session={session} />
      ) : (
        <div className="cockpit-body">
          <aside className="cockpit-side" aria-label={t('console.columns.network')}>
            <NetworkPanel snapshot={snapshot} session={session} />
            <DrillPanel snapshot={snapshot} session={session} />
          </aside>
          <main className="cockpit-center">
            <LiveMap session={session} snapshot={snapshot} scale={projector ? 1.35 : 1} selected={selected} setSelected={setSelected} />
            {/* Below the map, in a box of its own: reading it never scrolls the map away. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must take the focus, or keyboard users cannot scroll it (WCAG 2.1.1) */}
            <section className="cockpit-below" tabIndex={0} aria-label={t('console.columns.below')}>
              {round && ui && (
                <section className="panel" aria-label={t('console.gamePanel', { title: gameName(t, round.game) })}>
                  <ui.Console view={round.view} snapshot={snapshot} />
                </section>
              )}
              <Results snapshot={snapshot} />
            </section>
          </main>
          <aside className="cockpit-side" aria-label={t('console.columns.round')}>
            <RoundPanel snapshot={snapshot} session={session} />
            <Roster snapshot={snapshot} session={session} />
            <AccessPanel snapshot={snapshot} session={session} />
          </aside>
        </div>
      )}
      {help && (
        <ShortcutsDialog
          shortcuts={SHORTCUTS.map(([key, what]) => [keyLabel(t, key), t(what)])}
          note={t('console.keys.note')}
          onClose={() => setHelp(false)}
        />
      )}
    </div>
  );
}
