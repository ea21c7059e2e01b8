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
import { withNames } from './look';
import './gossip.css';
import { keyed } from '../../keyed';
import { useOnChange } from '../../useOnChange';
import { NowLine, Term } from '../../phone/Term';

type Names = Map<string, string>;

export function GossipPhone({ view: v, node, roster, act }: PhoneGameProps<GossipNodeView>) {
  const names: Names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const name = (id: string) => names.get(id) ?? id;
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
    if (err) setError(withNames(err.message, names));
    else
      setNote(
        to.length ? `Sent to ${to.map(name).join(' and ')}. Will it arrive?` : 'The server picked for you and sent it. Will it arrive?',
      );
  };

  return (
    <div className="go-phone stack" data-testid="gossip-phone" data-knows={v.knows ? 'yes' : 'no'}>
      <NowLine>{nowLine(v, autopilot)}</NowLine>
      {v.cards ? <CardHero c={v.cards} name={name} /> : <Hero v={v} name={name} />}
      <RoundBar v={v} node={node} />
      {autopilot && (
        <p className="notice" role="status">
          <b>Autopilot is playing your node.</b> It picks at random as soon as it may. Switch it off below to pick yourself.
        </p>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <PickPanel v={v} names={names} pending={pending} locked={autopilot} send={send} note={error ? null : note} onAgain={setNote} />
      {v.pullRequests.length > 0 && <Requests v={v} name={name} />}
      <p className="muted go-sent">
        You sent {v.sent} message{v.sent === 1 ? '' : 's'} this game.
      </p>
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
  if (v.knows && v.word !== null) {
    return (
      <section className="go-hero go-hero-knows" aria-label="The rumour" data-testid="rumour-status">
        <span className="go-hero-tag">
          <span aria-hidden="true">✓ </span>You know the <Term id="rumour">rumour</Term>
        </span>
        <span className="go-word" data-testid="rumour-word">
          {v.word}
        </span>
        <span className="go-hero-from" data-testid="told-by">
          {v.learned?.from ? (
            <>
              <b>{name(v.learned.from)}</b> told you in round {v.learned.round}.
            </>
          ) : (
            'You started with it: spread it!'
          )}
        </span>
      </section>
    );
  }
  return (
    <section className="go-hero go-hero-waiting" aria-label="The rumour" data-testid="rumour-status">
      <span className="go-hero-mark" aria-hidden="true">
        ?
      </span>
      <span className="go-hero-tag">
        You have not heard the <Term id="rumour">rumour</Term> yet
      </span>
      <span className="go-hero-from">
        {v.mode === 'push' ? 'Wait: someone who knows it may tell you.' : 'Ask people whether they know it: a node that knows answers.'}
      </span>
    </section>
  );
}

function CardHero({ c, name }: { c: NonNullable<GossipNodeView['cards']>; name(id: string): string }) {
  const same = c.best.value === c.yours.value;
  return (
    <section className="go-hero go-hero-cards" aria-label="Your cards" data-testid="rumour-status">
      <div className="go-cards">
        <span className="go-card-box">
          <span className="go-card-label">Your card</span>
          <span className={`go-card${c.yours.red ? ' red' : ''}`}>{c.yours.label}</span>
        </span>
        <span className="go-card-box">
          <span className="go-card-label">Highest seen</span>
          <span className={`go-card go-card-best${c.best.red ? ' red' : ''}`} data-testid="best-card">
            {c.best.label}
          </span>
        </span>
      </div>
      <span className="go-hero-from">
        {same ? (
          'Your own card is the highest you have seen so far.'
        ) : (
          <>
            From <b>{c.bestFrom ? name(c.bestFrom) : '?'}</b> in round {c.bestRound}.
          </>
        )}{' '}
        Spread the highest card you have seen: everyone must end up with the top card of the deal.
      </span>
    </section>
  );
}

function RoundBar({ v, node }: { v: GossipNodeView; node: NodeView }) {
  const paused = node.room.paused;
  const now = useSessionNow(node.t, paused, 100);
  const endsAt = node.timers[v.timerKey] ?? v.roundEndsAt;
  const left = Math.max(0, endsAt - now);
  const fraction = Math.min(1, left / Math.max(1, v.roundMs));
  return (
    <section className="go-round" aria-label={`Round ${v.round}`}>
      <span className="go-round-number" data-testid="round">
        Round <b>{v.round}</b>
      </span>
      <span className="go-round-left" data-testid="countdown">
        {paused ? 'paused' : `${secondsLeft(left)} left`}
      </span>
      <div
        className="go-bar"
        role="progressbar"
        aria-label="Time left in this round"
        aria-valuemin={0}
        aria-valuemax={v.roundMs}
        aria-valuenow={Math.round(left)}
        aria-valuetext={`${secondsLeft(left)} left`}
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
  const name = (id: string) => names.get(id) ?? id;
  if (v.verb === null) {
    // Not knowing in push gossip: the hero above already says to wait.
    if (v.idle?.code === 'not_known' && v.picks.length === 0) return null;
    return (
      <section className="panel go-idle" aria-label="What to do now" data-testid="pick-panel">
        <p className="go-idle-text">{withNames(v.idle?.message ?? 'Nothing to do right now.', names)}</p>
        {v.picks.length > 0 && <p className="muted">This round you picked {v.picks.map(name).join(', ')}.</p>}
      </section>
    );
  }
  const tell = v.verb === 'tell';
  const { cards } = v;
  const taken = [...v.picks, ...pending.filter((p) => !v.picks.includes(p))];
  const left = Math.max(0, v.picks.length + v.picksLeft - taken.length);
  if (left === 0 && pending.length === 0) {
    return (
      <section className="panel go-done" aria-label="What to do now" data-testid="pick-panel">
        <p className="go-done-text">
          <span aria-hidden="true">✓ </span>
          Done for round {v.round}: you {tell ? 'told' : 'asked'} <b>{v.picks.map(name).join(' and ')}</b>.
        </p>
        <p className="muted">Wait for round {v.round + 1}: you may pick again then.</p>
        {note && (
          <p className="go-note" role="status">
            {note}
          </p>
        )}
      </section>
    );
  }
  const peers = [...names.keys()].filter((id) => id !== v.you);
  const who = (k: number) => `${k} ${k === 1 ? 'person' : 'people'}`;
  const heading = tell
    ? cards
      ? `Show your highest card (${cards.best.label}) to ${who(left)}`
      : left === v.fanout
        ? `Tell ${who(left)} the rumour`
        : `Tell ${left} more ${left === 1 ? 'person' : 'people'} the rumour`
    : `Ask ${left === v.fanout ? '' : 'another '}${who(left)} whether they know it`;
  const onPick = (next: string[]) => {
    const added = next.filter((id) => !taken.includes(id));
    if (added.length) void send({ type: tell ? 'tell' : 'ask', to: added }, added);
    const again = taken.find((id) => !next.includes(id));
    if (again) onAgain(`You already ${tell ? 'told' : 'asked'} ${name(again)} this round: a message cannot be taken back.`);
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
        <Die /> Pick at random
      </button>
      <p className="go-or">
        …or tap {left === 1 ? 'a name' : 'names'} ({tell ? 'tells' : 'asks'} at once):
      </p>
      <PeerPicker
        peers={peers}
        names={names}
        selected={taken}
        onChange={onPick}
        max={taken.length + left}
        disabled={disabled}
        label={tell ? 'Tap a name to tell them' : 'Tap a name to ask them'}
      />
      {note && (
        <p className="go-note" role="status">
          {note}
        </p>
      )}
      <p className="muted go-hint">Picks do not carry over: if you pick nobody before the round ends, you send nothing this round.</p>
    </section>
  );
}

function Requests({ v, name }: { v: GossipNodeView; name(id: string): string }) {
  return (
    <section className="panel stack" aria-labelledby="go-req-title">
      <h2 id="go-req-title">Who asked you</h2>
      <ul className="go-requests">
        {keyed(v.pullRequests, (r) => `${r.from}-${r.at}`)
          .slice(0, 8)
          .map(({ key, item: r }) => (
            <li key={key} className={r.answered ? 'yes' : 'no'}>
              <b>{name(r.from)}</b> asked in round {r.round}:{' '}
              {r.answered ? (
                <span>
                  <span aria-hidden="true">✓ </span>you answered with the rumour
                </span>
              ) : (
                <span>
                  <span aria-hidden="true">✕ </span>not answered (you did not know it before this round)
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
function nowLine(v: GossipNodeView, autopilot: boolean): string {
  if (autopilot) return 'The autopilot plays for you: watch what it does.';
  const left = v.picksLeft;
  if (v.verb === 'tell' && left > 0)
    return v.cards
      ? `Show your highest card to ${left} ${left === 1 ? 'person' : 'people'}: tap names or pick at random.`
      : `Tell ${left} ${left === 1 ? 'person' : 'people'} the rumour: tap names or pick at random.`;
  if (v.verb === 'ask' && left > 0) return `Ask ${left} ${left === 1 ? 'person' : 'people'} whether they know the rumour.`;
  if (v.verb !== null) return `Done for round ${v.round}: wait for the next round.`;
  return v.knows ? 'Wait for the next round to spread it again.' : 'Wait: someone who knows the rumour may tell you.';
}

/** One line after the round: what you did, and how far the rumour went. */
export function GossipRecap({ view: v, roster }: PhoneGameProps<GossipNodeView>) {
  const names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const name = (id: string) => names.get(id) ?? 'someone who left';
  let you: string;
  if (v.cards)
    you = `You ended with ${v.cards.best.label} as the highest card you saw, and sent ${v.sent} message${v.sent === 1 ? '' : 's'}`;
  else if (v.learned?.from)
    you = `You heard the rumour from ${name(v.learned.from)} in round ${v.learned.round} and sent ${v.sent} message${v.sent === 1 ? '' : 's'}`;
  else if (v.learned) you = `You started with the rumour and sent ${v.sent} message${v.sent === 1 ? '' : 's'}`;
  else you = 'The rumour never reached you';
  const e = v.ending;
  const cls = e
    ? `${e.informed === e.of ? `all ${e.of}` : `${e.informed} of ${e.of}`} ${v.cards ? 'had seen the top card' : 'knew it'} after ${e.rounds} round${e.rounds === 1 ? '' : 's'}`
    : null;
  return (
    <p className="recap" data-testid="recap">
      {you}
      {cls ? `; ${cls}` : ''}.
    </p>
  );
}
