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
import { useT, WithParts } from '../i18n/I18nProvider';
import { prefetchParts } from '../i18n/load';
import { ALL_PARTS } from '../i18n/parts';
import type { Translator } from '../i18n/translate';
import { errorText } from './errorText';
import { prerendered, takeSubmitted } from './prerendered';

export function PhoneApp({ initialCode: linked }: { initialCode: string }) {
  const session = usePhoneSession();
  // The code the page was opened with (a link, a QR code, or the server's form sent before the
  // script ran); forgotten when the student asks for another room.
  const [initialCode, setInitialCode] = useState(() => linked || (prerendered().submittedCode ?? ''));
  const { view, connection, resuming } = session;
  useWakeLock(!!view);
  const inRoom = !!view;
  const t = useT();
  const locale = t.locale;
  useEffect(() => {
    // In the lobby the phone has time and bandwidth to spare: fetch the games' screens and
    // their words then (the join page fetched only the phone's part of the catalogue).
    if (!inRoom) return;
    const timer = setTimeout(() => {
      prefetchParts(locale);
      prefetchPhoneScreens();
    }, 500);
    return () => clearTimeout(timer);
  }, [inRoom, locale]);
  const linkCode = normaliseRoomCode(initialCode);
  useTitle(
    view
      ? t('phone.title.inRoom', { nickname: view.you.nickname, code: view.room.code })
      : linkCode
        ? t('phone.title.joinCode', { code: linkCode })
        : t('phone.title.join', { app: APP_NAME }),
  );

  const banner =
    connection !== 'online' && (view || resuming) ? (
      <div className="banner reconnecting" role="status">
        {t('phone.banner.reconnecting')}
      </div>
    ) : view?.room.paused ? (
      <div className="banner paused" role="status">
        {t('phone.banner.paused')}
      </div>
    ) : null;

  if (!view) {
    return (
      <div className="phone phone-bare">
        {banner}
        <main className="phone-main">
          {resuming ? (
            <p className="lobby-big" role="status">
              {t('phone.resuming')}
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
          <span className="sr-only">{t('phone.roomLabel')} </span>
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

/** A room code checked with the server, or (`assumed`) the code of a link, not checked yet. */
type Checked = { code: string; status: RoomCheck['status']; replay: string | null; assumed?: boolean };

/**
 * Joining in two steps, as Kahoot does with its PIN: the room code first (checked with the
 * server at once, so a wrong code is said before any nickname is typed), then the nickname,
 * with a counter and the server's own rules checked as the student types.
 */
function JoinForm({ session, initialCode }: { session: PhoneSession; initialCode: string }) {
  const t = useT();
  const [code, setCode] = useState(() => normaliseRoomCode(initialCode) ?? (initialCode || (prerendered().code ?? '')).toUpperCase());
  const linked = normaliseRoomCode(initialCode);
  // A link or a QR code brings the code: the nickname step shows at once, so the student types
  // while the connection comes up on a slow Wi-Fi; the code is checked as soon as it is up, and
  // a room that cannot be joined brings the code step back with the reason.
  const [checked, setChecked] = useState<Checked | null>(() =>
    linked ? { code: linked, status: 'open', replay: null, assumed: true } : null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const online = session.connection === 'online';
  const check = async (typed: string) => {
    setError(null);
    const normal = normaliseRoomCode(typed);
    if (!normal) return setError(t('phone.join.badCode'));
    setBusy(true);
    const r = await session.check(normal);
    setBusy(false);
    const refuse = (message: string) => {
      setChecked(null);
      setError(message);
    };
    if (!r.ok) return refuse(r.error.code === 'unknown_room' ? t('phone.join.unknownRoom', { code: normal }) : errorText(t, r.error));
    if (r.data.status === 'locked') return refuse(t('phone.join.locked', { code: normal }));
    if (r.data.status === 'full') return refuse(t('phone.join.full', { code: normal }));
    setChecked(r.data);
  };
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
  // Why this phone left its room (taken over by another screen…) is said on the code step.
  if (checked && !(checked.assumed && session.notice)) {
    return <NicknameStep session={session} code={checked.code} onBack={() => setChecked(null)} />;
  }
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void check(code);
      }}
      aria-labelledby="join-title"
    >
      <h1 id="join-title">{t('phone.join.title')}</h1>
      {session.notice && (
        <div className="notice stack" role="status">
          <span>{errorText(t, session.notice)}</span>
          {session.notice.code === 'replaced' && (
            <button type="button" className="big" onClick={session.takeOver}>
              {t('phone.join.takeOver')}
            </button>
          )}
        </div>
      )}
      <p className="muted">{t('phone.join.step1')}</p>
      <div className="field">
        <label htmlFor="join-code">{t('phone.join.codeLabel')}</label>
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
        {busy ? t('phone.join.checking') : t('phone.join.next')}
      </button>
      {!online && (
        <p className="muted" role="status">
          {t('phone.join.connecting')}
        </p>
      )}
      <LanguagePicker className="language-picker join-language" />
    </form>
  );
}

/** Step 2: the nickname, counted as the server counts it, refused (never cut) when too long. */
function NicknameStep({ session, code, onBack }: { session: PhoneSession; code: string; onBack(): void }) {
  const t = useT();
  // What was typed into the server's form before the script took over (prerendered.ts).
  const [nickname, setNickname] = useState(() => prerendered().nickname ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const length = nicknameLength(nickname);
  const over = length > NICKNAME_MAX;
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    const local = checkNickname(nickname);
    if (!local.ok) return setError(nicknameProblem(t, local.problem));
    setBusy(true);
    const err = await session.join(code, nickname);
    setBusy(false);
    if (err) setError(joinError(t, err));
  };
  // A nickname sent with the server's form before the script ran: join with it (once) as soon
  // as the session has its socket (the page's effects run after this one's).
  const [sent] = useState(() => prerendered().submitted === true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the socket exists
  useEffect(() => {
    if (sent && session.socket && takeSubmitted()) void submit();
  }, [sent, session.socket]);
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="join-title" noValidate>
      <h1 id="join-title">{t('phone.join.roomTitle', { code })}</h1>
      <p className="muted">{t('phone.join.step2')}</p>
      <div className="field">
        <label htmlFor="join-nickname">{t('phone.join.nicknameLabel')}</label>
        <input
          id="join-nickname"
          value={nickname}
          onChange={(e) => {
            setNickname(e.target.value);
            setError(null);
          }}
          autoComplete="nickname"
          placeholder={t('phone.join.nicknamePlaceholder')}
          aria-invalid={over || error ? true : undefined}
          aria-describedby="join-count"
        />
        <span id="join-count" className={`join-count${over ? ' over' : ''}`} aria-live="polite">
          {over
            ? t('phone.join.countOver', { length, max: NICKNAME_MAX, over: length - NICKNAME_MAX })
            : t('phone.join.count', { length, max: NICKNAME_MAX })}
        </span>
      </div>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <button className="big" type="submit" disabled={busy}>
        {busy ? t('phone.join.joining') : t('phone.join.join')}
      </button>
      <button type="button" className="secondary" onClick={onBack}>
        {t('phone.join.otherCode')}
      </button>
    </form>
  );
}

function nicknameProblem(t: Translator, problem: NicknameProblem): string {
  if (problem === 'too_long') return t('phone.join.tooLong', { max: NICKNAME_MAX });
  return problem === 'control' ? t('phone.join.control') : t('phone.join.empty');
}

function joinError(t: Translator, err: ErrorInfo): string {
  if (err.code === 'nickname_too_long') return nicknameProblem(t, 'too_long');
  if (err.code === 'nickname_invalid') return nicknameProblem(t, err.params?.problem === 'control' ? 'control' : 'empty');
  if (err.code === 'nickname_taken') return t('phone.join.taken', { nickname: String(err.params?.nickname ?? '') });
  return errorText(t, err);
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
  const t = useT();
  return (
    <section className="stack session-over" aria-labelledby="over-title" data-testid="session-over">
      <h1 id="over-title">{t('phone.over.title')}</h1>
      <p>{t('phone.over.text', { code })}</p>
      {replay ? (
        <a className="button big" href={replay}>
          {t('phone.over.replay')}
        </a>
      ) : (
        <p className="muted">{t('phone.over.noReplay')}</p>
      )}
      <button
        type="button"
        className={replay ? 'secondary big' : 'big'}
        onClick={() => {
          window.history.replaceState(null, '', '/join');
          onAnother();
        }}
      >
        {t('phone.over.another')}
      </button>
    </section>
  );
}

const roundOver = async () => ({ code: 'round_over', message: 'This round is over.' });

function NodeScreen({ session, view }: { session: PhoneSession; view: NodeView }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const last = view.lastRound;
  if (view.room.ended) {
    return <p className="lobby-big">{t('phone.over.short')}</p>;
  }
  if (view.you.crashed) {
    return (
      <div className="crashed-screen" role="alert">
        <h2>{t('phone.crashed.title')}</h2>
        <p>{t('phone.crashed.text')}</p>
      </div>
    );
  }
  const Screen = view.round ? PHONE_SCREENS[view.round.game] : undefined;
  const LastScreen = last ? PHONE_SCREENS[last.game] : undefined;
  const Recap = last ? PHONE_RECAPS[last.game] : undefined;
  const toggleAutopilot = async (on: boolean) => {
    setError(null);
    const err = await session.setAutopilot(on);
    if (err) setError(errorText(t, err));
  };
  const gameName = (game: string, title: string) => t.dynamic(`phone.game.${game}`) ?? title;
  return (
    <>
      {!view.round && last && LastScreen && (
        <section className="panel stack" aria-labelledby="last-round">
          <h2 id="last-round">{t('phone.last.title', { index: last.index })}</h2>
          {Recap && (
            <WithParts parts={ALL_PARTS}>
              <Suspense fallback={null}>
                <Recap view={last.view} node={view} roster={session.roster} act={roundOver} />
              </Suspense>
            </WithParts>
          )}
          <p className="muted">{t('phone.last.projector', { game: gameName(last.game, last.title) })}</p>
          <details open>
            <summary>{t('phone.last.yourNode')}</summary>
            <LastRoundView Screen={LastScreen} last={last} node={view} roster={session.roster} />
          </details>
        </section>
      )}
      {!view.round && (
        <section className="stack" aria-live="polite">
          <p className="lobby-big">{t('phone.lobby.in', { nickname: view.you.nickname })}</p>
          <p className="node-count" data-testid="node-count">
            {session.roster.count}
          </p>
          <p className="muted" style={{ textAlign: 'center' }}>
            {t('phone.lobby.count', { count: session.roster.count })}
          </p>
        </section>
      )}
      {view.round && !view.playing && (
        <p className="notice" role="status">
          {t('phone.lobby.late', { game: gameName(view.round.game, view.round.title) })}
        </p>
      )}
      {view.round && view.playing && Screen && view.game !== null && (
        <WithParts parts={ALL_PARTS} fallback={<GameLoading />}>
          <Suspense fallback={<GameLoading />}>
            <Screen view={view.game} node={view} roster={session.roster} act={session.act} />
          </Suspense>
        </WithParts>
      )}
      {view.round && view.playing && !Screen && <p className="error">{t('phone.unknownGame', { game: view.round.game })}</p>}
      {view.round && view.playing && (
        <label className="switch">
          <span>
            <b>{t('phone.autopilot')}</b>
            <br />
            <span className="muted">{t('phone.autopilot.help')}</span>
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
          {t('phone.footer.youPlay')} <Nick name={view.you.nickname} />
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            if (window.confirm(t('phone.leave.confirm'))) void session.leave();
          }}
        >
          {t('phone.leave')}
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
      <WithParts parts={ALL_PARTS} fallback={<GameLoading />}>
        <Suspense fallback={<GameLoading />}>
          <Screen view={last.view} node={node} roster={roster} act={roundOver} />
        </Suspense>
      </WithParts>
    </div>
  );
}

function GameLoading() {
  const t = useT();
  return (
    <p className="lobby-big" role="status">
      {t('phone.loadingGame')}
    </p>
  );
}
