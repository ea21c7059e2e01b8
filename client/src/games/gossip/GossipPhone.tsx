// The gossip game on a student's phone: whether you know the rumour (and the word once you
// do), the round and its countdown, and the one thing to do now: tell (or ask) people by
// tapping names or with "pick at random". The server decides everything: taps only ask.

import { useEffect, useRef, useState } from 'react';
import type { GossipAction } from '../../../../shared/games/gossip/config';
import type { GossipNodeView } from '../../../../shared/games/gossip/view';
import type { NodeView } from '../../../../shared/protocol/views';
import { PeerPicker } from '../../phone/PeerPicker';
import { buzz, type PhoneGameProps } from '../types';
import { secondsLeft, useSessionNow } from './clock';
import './gossip.css';
import { keyed } from '../../keyed';
import { useOnChange } from '../../useOnChange';
import { NowLine, Term } from '../../phone/Term';
import { useT } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';
import { errorText } from '../../phone/errorText';
import { ErrorText } from '../../i18n/Words';

type Names = Map<string, string>;

export function GossipPhone({ view: v, node, roster, act }: PhoneGameProps<GossipNodeView>) {
  const t = useT();
  const names: Names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const name = (id: string) => names.get(id) ?? t('phone.someoneWhoLeft');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [pending, setPending] = useState<string[]>([]);
  const autopilot = node.you.autopilot;
  useBuzz(v, autopilot);
  // A refusal or a "sent" note is about the round it happened in.
  useOnChange(v.round, () => {
    setError(null);
    setNote(null);
    setPending([]);
  });

  const send = async (action: GossipAction, to: string[]) => {
    setError(null);
    setNote(null);
    setPending((p) => [...p, ...to]);
    const err = await act(action);
    setPending((p) => p.filter((id) => !to.includes(id)));
    if (err) setError(errorText(t, err, name, 'gossip'));
    else setNote(to.length ? t('gossip.sent.to', { names: t.list(to.map(name)) }) : t('gossip.sent.random'));
  };

  return (
    <div className="go-phone stack" data-testid="gossip-phone" data-knows={v.knows ? 'yes' : 'no'}>
      <NowLine>{nowLine(t, v, autopilot)}</NowLine>
      {v.cards ? <CardHero c={v.cards} name={name} /> : <Hero v={v} name={name} />}
      <RoundBar v={v} node={node} />
      {autopilot && (
        <p className="notice" role="status">
          <b>{t('gossip.autopilot.title')}</b> {t('gossip.autopilot.text')}
        </p>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <PickPanel v={v} names={names} pending={pending} locked={autopilot} send={send} note={error ? null : note} onAgain={setNote} />
      {v.pullRequests.length > 0 && <Requests v={v} name={name} />}
      <p className="muted go-sent">{t('gossip.sentCount', { count: v.sent })}</p>
    </div>
  );
}

/** Vibrate when the node learns the rumour (or sees a higher card), and on a new "do you know it?". */
function useBuzz(v: GossipNodeView, autopilot: boolean): void {
  // The origin "learns" as the game starts: buzz it too (not on a reload later in the game).
  const origin = v.knows && v.learned?.from === null && v.round === 1 && v.sent === 0;
  const knew = useRef(v.knows && !origin);
  const best = useRef(v.cards?.best.value ?? -1);
  const asked = useRef(v.pullRequests.length);
  useEffect(() => {
    if (v.knows && !knew.current) buzz([120, 60, 120, 60, 200]);
    knew.current = v.knows;
  }, [v.knows]);
  const bestNow = v.cards?.best.value ?? -1;
  useEffect(() => {
    if (bestNow > best.current && best.current >= 0) buzz([80, 50, 80]);
    best.current = bestNow;
  }, [bestNow]);
  useEffect(() => {
    if (!autopilot && v.pullRequests.length > asked.current) buzz(60);
    asked.current = v.pullRequests.length;
  }, [v.pullRequests.length, autopilot]);
}

function Hero({ v, name }: { v: GossipNodeView; name(id: string): string }) {
  const t = useT();
  if (v.knows && v.word !== null) {
    return (
      <section className="go-hero go-hero-knows" aria-label={t('gossip.hero.label')} data-testid="rumour-status">
        <span className="go-hero-tag">
          <span aria-hidden="true">✓ </span>
          <Term id="rumour" word={t('gossip.rumourWord')}>
            {t('gossip.hero.know')}
          </Term>
        </span>
        <span className="go-word" data-testid="rumour-word">
          {v.word}
        </span>
        <span className="go-hero-from" data-testid="told-by">
          {v.learned?.from ? t('gossip.hero.toldBy', { name: name(v.learned.from), round: v.learned.round }) : t('gossip.hero.started')}
        </span>
      </section>
    );
  }
  return (
    <section className="go-hero go-hero-waiting" aria-label={t('gossip.hero.label')} data-testid="rumour-status">
      <span className="go-hero-mark" aria-hidden="true">
        ?
      </span>
      <span className="go-hero-tag">
        <Term id="rumour" word={t('gossip.rumourWord')}>
          {t('gossip.hero.notHeard')}
        </Term>
      </span>
      {/* Push: the now-line above already says to wait; pull: how to learn it. */}
      {v.mode !== 'push' && <span className="go-hero-from">{t('gossip.hero.askPull')}</span>}
    </section>
  );
}

function CardHero({ c, name }: { c: NonNullable<GossipNodeView['cards']>; name(id: string): string }) {
  const t = useT();
  const same = c.best.value === c.yours.value;
  return (
    <section className="go-hero go-hero-cards" aria-label={t('gossip.cards.label')} data-testid="rumour-status">
      <div className="go-cards">
        <span className="go-card-box">
          <span className="go-card-label">{t('gossip.cards.yours')}</span>
          <span className={`go-card${c.yours.red ? ' red' : ''}`}>{c.yours.label}</span>
        </span>
        <span className="go-card-box">
          <span className="go-card-label">{t('gossip.cards.best')}</span>
          <span className={`go-card go-card-best${c.best.red ? ' red' : ''}`} data-testid="best-card">
            {c.best.label}
          </span>
        </span>
      </div>
      <span className="go-hero-from">
        {same ? t('gossip.cards.own') : t('gossip.cards.from', { name: c.bestFrom ? name(c.bestFrom) : '?', round: c.bestRound })}{' '}
        {t('gossip.cards.goal')}
      </span>
    </section>
  );
}

function RoundBar({ v, node }: { v: GossipNodeView; node: NodeView }) {
  const t = useT();
  const paused = node.room.paused;
  const now = useSessionNow(node.t, paused, 100);
  const endsAt = node.timers[v.timerKey] ?? v.roundEndsAt;
  const left = Math.max(0, endsAt - now);
  const fraction = Math.min(1, left / Math.max(1, v.roundMs));
  return (
    <section className="go-round" aria-label={t('gossip.round.label', { round: v.round })}>
      <span className="go-round-number" data-testid="round">
        {t('gossip.round.word')} <b>{v.round}</b>
      </span>
      <span className="go-round-left" data-testid="countdown">
        {paused ? t('gossip.round.paused') : t('gossip.round.left', { time: secondsLeft(left) })}
      </span>
      <div
        className="go-bar"
        role="progressbar"
        aria-label={t('gossip.round.timeLeft')}
        aria-valuemin={0}
        aria-valuemax={v.roundMs}
        aria-valuenow={Math.round(left)}
        aria-valuetext={t('gossip.round.left', { time: secondsLeft(left) })}
      >
        <div className="go-bar-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
    </section>
  );
}

interface PickProps {
  v: GossipNodeView;
  names: Names;
  pending: string[];
  locked: boolean;
  note: string | null;
  send(action: GossipAction, to: string[]): Promise<void>;
  onAgain(text: string): void;
}

function PickPanel({ v, names, pending, locked, note, send, onAgain }: PickProps) {
  const t = useT();
  const name = (id: string) => names.get(id) ?? t('phone.someoneWhoLeft');
  if (v.verb === null) {
    // Not knowing in push gossip: the hero above already says to wait.
    if (v.idle?.code === 'not_known' && v.picks.length === 0) return null;
    return (
      <section className="panel go-idle" aria-label={t('gossip.now.label')} data-testid="pick-panel">
        <p className="go-idle-text">{v.idle ? <ErrorText error={v.idle} game="gossip" nameOf={name} /> : t('gossip.idle.none')}</p>
        {v.picks.length > 0 && <p className="muted">{t('gossip.pick.picked', { names: t.list(v.picks.map(name)) })}</p>}
      </section>
    );
  }
  const tell = v.verb === 'tell';
  const { cards } = v;
  const taken = [...v.picks, ...pending.filter((p) => !v.picks.includes(p))];
  const left = Math.max(0, v.picks.length + v.picksLeft - taken.length);
  if (left === 0 && pending.length === 0) {
    return (
      <section className="panel go-done" aria-label={t('gossip.now.label')} data-testid="pick-panel">
        <p className="go-done-text">
          <span aria-hidden="true">✓ </span>
          {t(tell ? 'gossip.pick.doneTold' : 'gossip.pick.doneAsked', { round: v.round, names: t.list(v.picks.map(name)) })}
        </p>
        <p className="muted">{t('gossip.pick.waitNext', { round: v.round + 1 })}</p>
        {note && (
          <p className="go-note" role="status">
            {note}
          </p>
        )}
      </section>
    );
  }
  const peers = [...names.keys()].filter((id) => id !== v.you);
  const more = left !== v.fanout;
  const heading = tell
    ? cards
      ? t('gossip.pick.showCard', { card: cards.best.label, count: left })
      : more
        ? t('gossip.pick.tellMore', { count: left })
        : t('gossip.pick.tell', { count: left })
    : more
      ? t('gossip.pick.askMore', { count: left })
      : t('gossip.pick.ask', { count: left });
  const onPick = (next: string[]) => {
    const added = next.filter((id) => !taken.includes(id));
    if (added.length) void send({ type: tell ? 'tell' : 'ask', to: added }, added);
    const again = taken.find((id) => !next.includes(id));
    if (again) onAgain(t(tell ? 'gossip.pick.alreadyTold' : 'gossip.pick.alreadyAsked', { name: name(again) }));
  };
  const disabled = locked || left === 0;
  return (
    <section className="panel stack go-pick" aria-labelledby="go-pick-title" data-testid="pick-panel">
      <h2 id="go-pick-title">{heading}</h2>
      <button
        type="button"
        className="big go-random"
        disabled={disabled}
        onClick={() => void send({ type: tell ? 'tell-random' : 'ask-random' }, [])}
      >
        <Die /> {t('gossip.pick.random')}
      </button>
      <p className="go-or">{t(tell ? 'gossip.pick.orTapTell' : 'gossip.pick.orTapAsk', { count: left })}</p>
      <PeerPicker
        peers={peers}
        names={names}
        selected={taken}
        onChange={onPick}
        max={taken.length + left}
        disabled={disabled}
        label={tell ? t('gossip.pick.tapTell') : t('gossip.pick.tapAsk')}
      />
      {note && (
        <p className="go-note" role="status">
          {note}
        </p>
      )}
      <p className="muted go-hint">{t('gossip.pick.hint')}</p>
    </section>
  );
}

function Requests({ v, name }: { v: GossipNodeView; name(id: string): string }) {
  const t = useT();
  return (
    <section className="panel stack" aria-labelledby="go-req-title">
      <h2 id="go-req-title">{t('gossip.asked.title')}</h2>
      <ul className="go-requests">
        {keyed(v.pullRequests, (r) => `${r.from}-${r.at}`)
          .slice(0, 8)
          .map(({ key, item: r }) => (
            <li key={key} className={r.answered ? 'yes' : 'no'}>
              {t('gossip.asked.who', { name: name(r.from), round: r.round })}{' '}
              {r.answered ? (
                <span>
                  <span aria-hidden="true">✓ </span>
                  {t('gossip.asked.answered')}
                </span>
              ) : (
                <span>
                  <span aria-hidden="true">✕ </span>
                  {t('gossip.asked.notAnswered')}
                </span>
              )}
            </li>
          ))}
      </ul>
    </section>
  );
}

/** A die face beside "Pick at random" (drawn, so it shows on phones without an emoji font). */
function Die() {
  return (
    <svg width="30" height="30" viewBox="0 0 30 30" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="26" height="26" rx="6" fill="#fff" stroke="currentColor" strokeWidth="2" />
      {[
        [9, 9],
        [21, 9],
        [15, 15],
        [9, 21],
        [21, 21],
      ].map(([cx, cy]) => (
        <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="2.6" fill="#14213d" />
      ))}
    </svg>
  );
}

/** What to do now, in one line. */
function nowLine(t: Translator, v: GossipNodeView, autopilot: boolean): string {
  if (autopilot) return t('phone.autopilotNow');
  const left = v.picksLeft;
  if (v.verb === 'tell' && left > 0) return v.cards ? t('gossip.now.showCard', { count: left }) : t('gossip.now.tell', { count: left });
  if (v.verb === 'ask' && left > 0) return t('gossip.now.ask', { count: left });
  if (v.verb !== null) return t('gossip.now.done', { round: v.round });
  return v.knows ? t('gossip.now.waitNext') : t('gossip.now.wait');
}

/** One line after the round: what you did, and how far the rumour went. */
export function GossipRecap({ view: v, roster }: PhoneGameProps<GossipNodeView>) {
  const t = useT();
  const names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const name = (id: string) => names.get(id) ?? t('phone.someoneWhoLeft');
  const you = v.cards
    ? t('gossip.recap.cards', { card: v.cards.best.label, sent: v.sent })
    : v.learned?.from
      ? t('gossip.recap.heard', { name: name(v.learned.from), round: v.learned.round, sent: v.sent })
      : v.learned
        ? t('gossip.recap.started', { sent: v.sent })
        : t('gossip.recap.never');
  const e = v.ending;
  const cls = e
    ? t(v.cards ? 'gossip.recap.classCards' : 'gossip.recap.class', {
        informed: e.informed,
        of: e.of,
        rounds: e.rounds,
        all: e.informed === e.of ? 'yes' : 'no',
      })
    : null;
  return (
    <p className="recap" data-testid="recap">
      {you}
      {cls ? ` ${cls}` : ''}
    </p>
  );
}
