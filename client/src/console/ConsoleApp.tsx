// The instructor console on the projector: the room code and QR for latecomers, the roster,
// rounds, the network's faults, and each game's own panel.

import { ShortcutsDialog } from './ShortcutsDialog';
import { useMemo, useRef, useState } from 'react';
import type { DrillName } from '../../../shared/net/drills';
import type { FaultOp } from '../../../shared/net/faults';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { DrillPanel } from './DrillPanel';
import { LiveMap } from './LiveMap';
import { SHORTCUTS, useShortcuts } from './useShortcuts';
import { GAME_UIS } from '../games';
import { NetworkPanel } from './NetworkPanel';
import { QrCode } from './QrCode';
import { RecordingBanner } from './RecordingBanner';
import { Roster } from './Roster';
import { RoundPanel } from './RoundPanel';
import { Results } from './Results';
import { savedRooms, useConsoleSession, type ConsoleSession } from './useConsoleSession';
import { APP_NAME, useTitle } from '../useTitle';
import { RoomLanguageControl } from '../i18n/LanguagePicker';

export function ConsoleApp() {
  const session = useConsoleSession();
  useTitle(`Console — ${session.room && session.snapshot ? session.room.code : APP_NAME}`);
  if (!session.room || !session.snapshot) return <RoomPicker session={session} />;
  return <Dashboard session={session} snapshot={session.snapshot} />;
}

function RoomPicker({ session }: { session: ConsoleSession }) {
  const [busy, setBusy] = useState(false);
  const rooms = savedRooms();
  return (
    <main className="landing stack">
      <section className="hero">
        <h1>Instructor console</h1>
        <p>Create a room for your class. Phones join with its code; this browser keeps the room's instructor key.</p>
      </section>
      {session.error && (
        <div className="error" role="alert">
          {session.error.message}
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
        {session.online ? 'Create a room' : 'Connecting to the server…'}
      </button>
      <a className="button secondary" href="/replay" style={{ background: 'var(--card)', color: 'var(--brand)' }}>
        Recordings of your sessions
      </a>
      {rooms.length > 0 && (
        <section className="panel stack">
          <h2>Rooms you created</h2>
          <ul className="log">
            {rooms.map((r) => (
              <li key={r.code} className="row">
                <span className="mono" style={{ fontSize: '1.3rem', fontWeight: 800 }}>
                  {r.code}
                </span>
                <span className="muted">{new Date(r.createdAt).toLocaleString()}</span>
                <span className="spacer" />
                <button type="button" className="small secondary" disabled={!session.online} onClick={() => void session.attach(r)}>
                  Reopen
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function Dashboard({ session, snapshot }: { session: ConsoleSession; snapshot: ConsoleSnapshot }) {
  const active = snapshot.nodes.filter((n) => n.status === 'active');
  const round = snapshot.round;
  const ui = round ? GAME_UIS[round.game] : undefined;
  const [projector, setProjector] = useState(() => localStorage.getItem('human-cluster:projector') === '1');
  const [help, setHelp] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [flash, setFlash] = useState<string | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const pausedRef = useRef(snapshot.paused);
  pausedRef.current = snapshot.paused;

  const { command } = session;
  const handlers = useMemo(() => {
    const report = (p: Promise<{ message: string } | null>) =>
      void p.then((err) => {
        setFlash(err ? err.message : null);
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
    };
  }, [command]);
  useShortcuts(handlers);

  const end = () => {
    if (window.confirm('End this session for everyone? The recording is kept.')) void session.command('console:end', {});
  };
  return (
    <div className={`console cockpit${projector ? ' projector' : ''}`}>
      <header className="console-top">
        <div>
          <div className="room-code" data-testid="room-code">
            {snapshot.room.code}
          </div>
          <div className="join-url mono" data-testid="join-url">
            {session.joinUrl}
          </div>
        </div>
        <QrCode text={session.joinUrl} label={`QR code to join room ${snapshot.room.code}`} />
        <div>
          <span className="count" data-testid="node-count">
            {active.length}
          </span>{' '}
          nodes
          {snapshot.room.locked && (
            <span className="pill" style={{ marginLeft: 8 }}>
              🔒 locked
            </span>
          )}
          {!session.online && (
            <span className="pill reconnecting" style={{ marginLeft: 8, color: '#ffd27a' }}>
              reconnecting…
            </span>
          )}
        </div>
        <span className="spacer" />
        <div className="row console-actions">
          <button
            type="button"
            className="secondary"
            aria-label="Open the stage"
            title="Open the projector stage in its own window"
            onClick={() => window.open(`/stage?room=${snapshot.room.code}`, `human-cluster-stage-${snapshot.room.code}`)}
          >
            Stage ↗
          </button>
          {(snapshot.round || snapshot.rounds.length > 0) && (
            <button
              type="button"
              className="secondary"
              aria-pressed={!!snapshot.stage?.revealed}
              title="Show the round's secret roles, words and cards on the stage (for the debrief)"
              onClick={() => void session.command('console:reveal', { revealed: !snapshot.stage?.revealed })}
            >
              {snapshot.stage?.revealed ? 'Hide on stage' : 'Reveal on stage'}
            </button>
          )}
          <button type="button" className="secondary" aria-pressed={projector} onClick={handlers.toggleProjector}>
            Projector mode
          </button>
          <a className="button secondary" href="/replay" target="_blank" rel="noreferrer">
            Recordings
          </a>
          <button type="button" className="secondary" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
            ?
          </button>
          <RoomLanguageControl
            value={snapshot.room.language ?? null}
            disabled={snapshot.room.ended}
            onChange={(language) => void session.command('console:language', { language })}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => void session.command('console:lock', { locked: !snapshot.room.locked })}
          >
            {snapshot.room.locked ? 'Unlock room' : 'Lock room'}
          </button>
          <button type="button" className="danger" onClick={end} disabled={snapshot.room.ended}>
            End session
          </button>
        </div>
      </header>
      <RecordingBanner notice={session.recording} />
      {flash && (
        <div className="error row" role="alert" style={{ margin: '0.5rem 1rem 0' }}>
          <span>{flash}</span>
          <span className="spacer" />
          <button type="button" className="small secondary" onClick={() => setFlash(null)}>
            Dismiss
          </button>
        </div>
      )}
      {snapshot.room.ended ? (
        <main className="landing">
          <div className="notice">This session has ended. Its recording is kept on the server.</div>
        </main>
      ) : (
        <div className="cockpit-body">
          <aside className="cockpit-side" aria-label="Network controls">
            <NetworkPanel snapshot={snapshot} session={session} />
            <DrillPanel snapshot={snapshot} session={session} />
          </aside>
          <main className="cockpit-center">
            <LiveMap session={session} snapshot={snapshot} scale={projector ? 1.35 : 1} selected={selected} setSelected={setSelected} />
            {/* Below the map, in a box of its own: reading it never scrolls the map away. */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must take the focus, or keyboard users cannot scroll it (WCAG 2.1.1) */}
            <section className="cockpit-below" tabIndex={0} aria-label="The round and its results">
              {round && ui && (
                <section className="panel" aria-label={`${round.title} live`}>
                  <ui.Console view={round.view} snapshot={snapshot} />
                </section>
              )}
              <Results snapshot={snapshot} />
            </section>
          </main>
          <aside className="cockpit-side" aria-label="Round and nodes">
            <RoundPanel snapshot={snapshot} session={session} />
            <Roster snapshot={snapshot} session={session} />
          </aside>
        </div>
      )}
      {help && <ShortcutsDialog shortcuts={SHORTCUTS} onClose={() => setHelp(false)} />}
    </div>
  );
}
