// The student's phone: join with a code and a nickname, wait in the lobby, play the node.

import { Suspense, useEffect, useState, type FormEvent } from 'react';
import type { NodeView } from '../../../shared/protocol/views';
import { NICKNAME_MAX, normaliseRoomCode } from '../../../shared/protocol/codes';
import { PHONE_SCREENS, prefetchPhoneScreens } from '../games/phoneScreens';
import { usePhoneSession, type PhoneSession } from './usePhoneSession';
import { useWakeLock } from './useWakeLock';
import { APP_NAME, useTitle } from '../useTitle';
import { LanguagePicker } from '../i18n/LanguagePicker';

export function PhoneApp({ initialCode }: { initialCode: string }) {
  const session = usePhoneSession();
  const { view, connection, resuming } = session;
  useWakeLock(!!view);
  const inRoom = !!view;
  useEffect(() => {
    // In the lobby the phone has time and bandwidth to spare: fetch the games' screens then.
    if (!inRoom) return;
    const timer = setTimeout(prefetchPhoneScreens, 500);
    return () => clearTimeout(timer);
  }, [inRoom]);
  const linkCode = normaliseRoomCode(initialCode);
  useTitle(view ? `${view.you.nickname} — room ${view.room.code}` : linkCode ? `Join ${linkCode}` : `Join a room — ${APP_NAME}`);

  const banner =
    connection !== 'online' && (view || resuming) ? (
      <div className="banner reconnecting" role="status">
        Reconnecting… you keep your place.
      </div>
    ) : view?.room.paused ? (
      <div className="banner paused" role="status">
        The instructor paused the network: messages wait.
      </div>
    ) : null;

  if (!view) {
    return (
      <div className="phone">
        {banner}
        <main className="phone-main">
          {resuming ? (
            <p className="lobby-big" role="status">
              Getting your place back…
            </p>
          ) : (
            <JoinForm session={session} initialCode={initialCode} />
          )}
        </main>
      </div>
    );
  }

  return (
    <div className="phone">
      <header className="phone-top">
        <span className="who" data-testid="nickname">
          {view.you.nickname}
        </span>
        <span className="spacer" />
        <LanguagePicker />
        <span className="code">
          <span className="sr-only">Room </span>
          {view.room.code}
        </span>
      </header>
      {banner}
      <main className="phone-main">
        <NodeScreen session={session} view={view} />
      </main>
    </div>
  );
}

function JoinForm({ session, initialCode }: { session: PhoneSession; initialCode: string }) {
  const [code, setCode] = useState(() => normaliseRoomCode(initialCode) ?? initialCode.toUpperCase());
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const normal = normaliseRoomCode(code);
    if (!normal) return setError('A room code has 5 letters and digits, like K7QX3.');
    if (!nickname.trim()) return setError('Pick a nickname so the class knows who you are.');
    setBusy(true);
    const err = await session.join(normal, nickname);
    setBusy(false);
    if (err) setError(err.message);
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="join-title">
      <h1 id="join-title">Join the cluster</h1>
      {session.notice && (
        <div className="notice stack" role="status">
          <span>{session.notice.message}</span>
          {session.notice.code === 'replaced' && (
            <button type="button" className="big" onClick={session.takeOver}>
              Play on this screen
            </button>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor="join-code">Room code</label>
        <input
          id="join-code"
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={8}
          inputMode="text"
        />
      </div>
      <div className="field">
        <label htmlFor="join-nickname">Nickname</label>
        <input
          id="join-nickname"
          value={nickname}
          onChange={(e) => setNickname(e.target.value)}
          maxLength={NICKNAME_MAX}
          autoComplete="nickname"
          placeholder="What should the class call you?"
        />
      </div>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <button className="big" type="submit" disabled={busy}>
        {busy ? 'Joining…' : 'Join'}
      </button>
      {session.connection !== 'online' && (
        <p className="muted" role="status">
          Connecting to the server…
        </p>
      )}
    </form>
  );
}

const roundOver = async () => ({ code: 'round_over', message: 'This round is over: wait for the next one.' });

function NodeScreen({ session, view }: { session: PhoneSession; view: NodeView }) {
  const [error, setError] = useState<string | null>(null);
  const last = view.lastRound;
  if (view.room.ended) {
    return <p className="lobby-big">This session has ended. Thank you for playing!</p>;
  }
  if (view.you.crashed) {
    return (
      <div className="crashed-screen" role="alert">
        <h2>Your node has crashed</h2>
        <p>The instructor crashed it. It sends nothing and hears nothing until it is restarted. Keep this page open.</p>
      </div>
    );
  }
  const Screen = view.round ? PHONE_SCREENS[view.round.game] : undefined;
  const LastScreen = last ? PHONE_SCREENS[last.game] : undefined;
  const toggleAutopilot = async (on: boolean) => {
    setError(null);
    const err = await session.setAutopilot(on);
    if (err) setError(err.message);
  };
  return (
    <>
      {!view.round && last && LastScreen && (
        <section className="panel stack" aria-labelledby="last-round">
          <h2 id="last-round">Round {last.index} is over</h2>
          <p>{last.title}: the results are on the projector.</p>
          <details open>
            <summary>Your node at the end of the round</summary>
            <LastRoundView Screen={LastScreen} last={last} node={view} roster={session.roster} />
          </details>
        </section>
      )}
      {!view.round && (
        <section className="stack" aria-live="polite">
          <p className="lobby-big">You are in, {view.you.nickname}!</p>
          <p className="node-count" data-testid="node-count">
            {session.roster.count}
          </p>
          <p className="muted" style={{ textAlign: 'center' }}>
            {session.roster.count === 1 ? 'node' : 'nodes'} in the room. Wait for the instructor to start a round.
          </p>
        </section>
      )}
      {view.round && !view.playing && (
        <p className="notice" role="status">
          A round of {view.round.title} is on. You joined after it started: you will play in the next one.
        </p>
      )}
      {view.round && view.playing && Screen && view.game !== null && (
        <Suspense fallback={<GameLoading />}>
          <Screen view={view.game} node={view} roster={session.roster} act={session.act} />
        </Suspense>
      )}
      {view.round && view.playing && !Screen && (
        <p className="error">This phone does not know the game "{view.round.game}". Reload the page.</p>
      )}
      {view.round && view.playing && (
        <label className="switch">
          <span>
            <b>Autopilot</b>
            <br />
            <span className="muted">The built-in bot plays your node while you watch.</span>
          </span>
          <input type="checkbox" checked={view.you.autopilot} onChange={(e) => void toggleAutopilot(e.target.checked)} />
        </label>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <footer className="row">
        <span className="muted">You are node {view.you.nickname}.</span>
        <span className="spacer" />
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            if (window.confirm('Leave this room? You would join again as a new node.')) void session.leave();
          }}
        >
          Leave
        </button>
      </footer>
    </>
  );
}

/** The game's own screen over the round's final state, read-only. */
function LastRoundView({
  Screen,
  last,
  node,
  roster,
}: {
  Screen: NonNullable<(typeof PHONE_SCREENS)[string]>;
  last: NonNullable<NodeView['lastRound']>;
  node: NodeView;
  roster: PhoneSession['roster'];
}) {
  return (
    <div className="last-round" inert>
      <Suspense fallback={<GameLoading />}>
        <Screen view={last.view} node={node} roster={roster} act={roundOver} />
      </Suspense>
    </div>
  );
}

function GameLoading() {
  return (
    <p className="lobby-big" role="status">
      Loading the game…
    </p>
  );
}
