// The student's phone: join with a code and a nickname, wait in the lobby, play the node.

import { Suspense, useEffect, useState, type FormEvent } from 'react';
import type { RoomCheck } from '../../../shared/protocol/events';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { NodeView } from '../../../shared/protocol/views';
import { checkNickname, NICKNAME_MAX, nicknameLength, normaliseRoomCode, type NicknameProblem } from '../../../shared/protocol/codes';
import { PHONE_RECAPS, PHONE_SCREENS, prefetchPhoneScreens } from '../games/phoneScreens';
import { usePhoneSession, type PhoneSession } from './usePhoneSession';
import { useWakeLock } from './useWakeLock';
import { APP_NAME, useTitle } from '../useTitle';
import { LanguagePicker } from '../i18n/LanguagePicker';
import './phone.css';
import { Nick } from './Nick';

export function PhoneApp({ initialCode: linked }: { initialCode: string }) {
  const session = usePhoneSession();
  // The code the page was opened with (a link, a QR code); forgotten when the student asks for another room.
  const [initialCode, setInitialCode] = useState(linked);
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
          ) : session.endedCode ? (
            <EndedRoom
              session={session}
              code={session.endedCode}
              onAnother={() => {
                setInitialCode('');
                session.clearEnded();
              }}
            />
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
        <span className="who" data-testid="nickname" title={view.you.nickname}>
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

type Checked = { code: string; status: RoomCheck['status']; replay: string | null };

/**
 * Joining in two steps, as Kahoot does with its PIN: the room code first (checked with the
 * server at once, so a wrong code is said before any nickname is typed), then the nickname,
 * with a counter and the server's own rules checked as the student types.
 */
function JoinForm({ session, initialCode }: { session: PhoneSession; initialCode: string }) {
  const [code, setCode] = useState(() => normaliseRoomCode(initialCode) ?? initialCode.toUpperCase());
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const online = session.connection === 'online';
  const check = async (typed: string) => {
    setError(null);
    const normal = normaliseRoomCode(typed);
    if (!normal) return setError('A room code has 5 letters and digits, like K7QX3.');
    setBusy(true);
    const r = await session.check(normal);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    if (r.data.status === 'locked') return setError(`Room ${normal} is locked: the instructor lets nobody else in now.`);
    if (r.data.status === 'full') return setError(`Room ${normal} is full.`);
    setChecked(r.data);
  };
  // A link or a QR code brings the code: check it as soon as the connection is up.
  const linked = normaliseRoomCode(initialCode);
  const [autoChecked, setAutoChecked] = useState(false);
  useEffect(() => {
    if (!linked || autoChecked || !online) return;
    setAutoChecked(true);
    void check(linked);
  });

  if (checked?.status === 'ended') {
    return (
      <SessionOver
        code={checked.code}
        replay={checked.replay}
        onAnother={() => {
          setChecked(null);
          setCode('');
        }}
      />
    );
  }
  if (checked) return <NicknameStep session={session} code={checked.code} onBack={() => setChecked(null)} />;
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void check(code);
      }}
      aria-labelledby="join-title"
    >
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
      <p className="muted">Step 1 of 2: the code on the projector.</p>
      <div className="field">
        <label htmlFor="join-code">Room code</label>
        <input
          id="join-code"
          className="code-input"
          value={code}
          onChange={(e) => {
            setCode(e.target.value.toUpperCase());
            setError(null);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={8}
          inputMode="text"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'join-error' : undefined}
        />
      </div>
      {error && (
        <div className="error" role="alert" id="join-error">
          {error}
        </div>
      )}
      <button className="big" type="submit" disabled={busy}>
        {busy ? 'Checking…' : 'Next'}
      </button>
      {!online && (
        <p className="muted" role="status">
          Connecting to the server…
        </p>
      )}
    </form>
  );
}

/** Step 2: the nickname, counted as the server counts it, refused (never cut) when too long. */
function NicknameStep({ session, code, onBack }: { session: PhoneSession; code: string; onBack(): void }) {
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const length = nicknameLength(nickname);
  const over = length > NICKNAME_MAX;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const local = checkNickname(nickname);
    if (!local.ok) return setError(NICKNAME_PROBLEM[local.problem]);
    setBusy(true);
    const err = await session.join(code, nickname);
    setBusy(false);
    if (err) setError(joinError(err));
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="join-title" noValidate>
      <h1 id="join-title">Join room {code}</h1>
      <p className="muted">Step 2 of 2: the name the class will see.</p>
      <div className="field">
        <label htmlFor="join-nickname">Nickname</label>
        <input
          id="join-nickname"
          value={nickname}
          onChange={(e) => {
            setNickname(e.target.value);
            setError(null);
          }}
          autoComplete="nickname"
          placeholder="What should the class call you?"
          aria-invalid={over || error ? true : undefined}
          aria-describedby="join-count"
        />
        <span id="join-count" className={`join-count${over ? ' over' : ''}`} aria-live="polite">
          {over ? `${length} of ${NICKNAME_MAX} characters: ${length - NICKNAME_MAX} too many` : `${length} of ${NICKNAME_MAX} characters`}
        </span>
      </div>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <button className="big" type="submit" disabled={busy}>
        {busy ? 'Joining…' : 'Join'}
      </button>
      <button type="button" className="secondary" onClick={onBack}>
        Another room code
      </button>
    </form>
  );
}

const NICKNAME_PROBLEM: Record<NicknameProblem, string> = {
  empty: 'Pick a nickname with at least one letter or digit you can see.',
  too_long: `That is too long: a nickname has at most ${NICKNAME_MAX} characters. Shorten it.`,
  control: 'A nickname cannot contain control characters.',
};

function joinError(err: ErrorInfo): string {
  if (err.code === 'nickname_too_long') return NICKNAME_PROBLEM.too_long;
  if (err.code === 'nickname_invalid') return err.params?.problem === 'control' ? NICKNAME_PROBLEM.control : NICKNAME_PROBLEM.empty;
  if (err.code === 'nickname_taken')
    return `Someone in this room is already called “${String(err.params?.nickname ?? '')}”. Pick another name.`;
  return err.message;
}

/** How often a phone left on "This session is over" asks whether the replay has been shared. */
const REPLAY_POLL_MS = 20_000;

/** The room this phone was in has ended: the screen says so and keeps asking for the replay's link. */
function EndedRoom({ session, code, onAnother }: { session: PhoneSession; code: string; onAnother(): void }) {
  const [replay, setReplay] = useState<string | null>(null);
  const { check } = session;
  useEffect(() => {
    if (replay) return;
    let live = true;
    const ask = async () => {
      const r = await check(code);
      if (live && r.ok && r.data.replay) setReplay(r.data.replay);
    };
    void ask();
    const timer = setInterval(() => void ask(), REPLAY_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [check, code, replay]);
  return <SessionOver code={code} replay={replay} onAnother={onAnother} />;
}

/** The session is over: say so, offer another room, and the replay if the instructor shared it. */
function SessionOver({ code, replay, onAnother }: { code: string; replay: string | null; onAnother(): void }) {
  return (
    <section className="stack session-over" aria-labelledby="over-title" data-testid="session-over">
      <h1 id="over-title">This session is over</h1>
      <p>Room {code} has ended. Thank you for playing!</p>
      {replay ? (
        <a className="button big" href={replay}>
          Watch the replay
        </a>
      ) : (
        <p className="muted">If the instructor shares the replay, its link appears here.</p>
      )}
      <button
        type="button"
        className={replay ? 'secondary big' : 'big'}
        onClick={() => {
          window.history.replaceState(null, '', '/join');
          onAnother();
        }}
      >
        Join another room
      </button>
    </section>
  );
}

const roundOver = async () => ({ code: 'round_over', message: 'This round is over: wait for the next one.' });

function NodeScreen({ session, view }: { session: PhoneSession; view: NodeView }) {
  const [error, setError] = useState<string | null>(null);
  const last = view.lastRound;
  if (view.room.ended) {
    return <p className="lobby-big">This session is over. Thank you for playing!</p>;
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
  const Recap = last ? PHONE_RECAPS[last.game] : undefined;
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
          {Recap && (
            <Suspense fallback={null}>
              <Recap view={last.view} node={view} roster={session.roster} act={roundOver} />
            </Suspense>
          )}
          <p className="muted">{last.title}: the results are on the projector.</p>
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
      <footer className="phone-footer">
        <span className="muted">
          You play as <Nick name={view.you.nickname} />.
        </span>
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
