// The instructor console on the projector: the room code and QR for latecomers, the roster,
// rounds, the network's faults, and each game's own panel.

import { useState } from 'react';
import { GAME_UIS } from '../games';
import { NetworkPanel } from './NetworkPanel';
import { QrCode } from './QrCode';
import { Roster } from './Roster';
import { RoundPanel } from './RoundPanel';
import { Results } from './Results';
import { savedRooms, useConsoleSession, type ConsoleSession } from './useConsoleSession';

export function ConsoleApp() {
  const session = useConsoleSession();
  if (!session.room || !session.snapshot) return <RoomPicker session={session} />;
  return <Dashboard session={session} />;
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
      {session.error && <div className="error" role="alert">{session.error.message}</div>}
      <button
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
      {rooms.length > 0 && (
        <section className="panel stack">
          <h2>Rooms you created</h2>
          <ul className="log">
            {rooms.map((r) => (
              <li key={r.code} className="row">
                <span className="mono" style={{ fontSize: '1.3rem', fontWeight: 800 }}>{r.code}</span>
                <span className="muted">{new Date(r.createdAt).toLocaleString()}</span>
                <span className="spacer" />
                <button className="small secondary" disabled={!session.online} onClick={() => void session.attach(r)}>
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

function Dashboard({ session }: { session: ConsoleSession }) {
  const snapshot = session.snapshot!;
  const active = snapshot.nodes.filter((n) => n.status === 'active');
  const round = snapshot.round;
  const ui = round ? GAME_UIS[round.game] : undefined;
  const end = () => {
    if (window.confirm('End this session for everyone? The recording is kept.')) void session.command('console:end', {});
  };
  return (
    <div className="console">
      <header className="console-top">
        <div>
          <div className="muted" style={{ color: '#e6e9f2' }}>Room code</div>
          <div className="room-code" data-testid="room-code">{snapshot.room.code}</div>
        </div>
        <QrCode text={session.joinUrl} label={`QR code to join room ${snapshot.room.code}`} />
        <div className="stack" style={{ gap: '0.25rem' }}>
          <div className="join-url mono" data-testid="join-url">{session.joinUrl}</div>
          <div>
            <span className="count" data-testid="node-count">{active.length}</span> nodes
            {snapshot.room.locked && <span className="pill" style={{ marginLeft: 8 }}>🔒 locked</span>}
            {!session.online && <span className="pill reconnecting" style={{ marginLeft: 8, color: '#ffd27a' }}>reconnecting…</span>}
          </div>
        </div>
        <span className="spacer" />
        <div className="row">
          <button className="secondary" onClick={() => void session.command('console:lock', { locked: !snapshot.room.locked })}>
            {snapshot.room.locked ? 'Unlock room' : 'Lock room'}
          </button>
          <button className="danger" onClick={end} disabled={snapshot.room.ended}>End session</button>
        </div>
      </header>
      {snapshot.room.ended ? (
        <main className="landing">
          <div className="notice">This session has ended. Its recording is kept on the server.</div>
        </main>
      ) : (
        <div className="console-body">
          <Roster snapshot={snapshot} session={session} />
          <div className="stack">
            <RoundPanel snapshot={snapshot} session={session} />
            {round && ui && (
              <section className="panel" aria-label={`${round.title} live`}>
                <ui.Console view={round.view} snapshot={snapshot} />
              </section>
            )}
            <NetworkPanel snapshot={snapshot} session={session} />
            <Results snapshot={snapshot} />
          </div>
        </div>
      )}
    </div>
  );
}
