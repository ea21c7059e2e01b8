// The election game on a student's phone: your card, role and term; the election timer; the
// vote requests to answer; as leader the heartbeats and the restaurant to propose; as follower
// the proposal and whether it is committed. The server decides everything: buttons only ask.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RESTAURANTS } from '../../../../shared/games/election/bot';
import type { ElectionAction } from '../../../../shared/games/election/config';
import { VALUE_MAX } from '../../../../shared/games/election/limits';
import type { CardRef, ElectionView, EntryView, PendingVoteView } from '../../../../shared/games/election/view';
import type { NodeView } from '../../../../shared/protocol/views';
import { buzz, type PhoneGameProps } from '../types';
import { CardFace, CardTag } from './CardFace';
import { seconds, useTick, useViewClock, type ViewClock } from './clock';
import { ROLE_LOOK } from './look';
import './election.css';
import { useOnChange } from '../../useOnChange';
import { NowLine, Term } from '../../phone/Term';
import { useT } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';
import { errorText } from '../../phone/errorText';
import { ErrorText, NoticeText } from '../../i18n/Words';

type Names = Map<string, string>;

export function ElectionPhone({ view: v, node, roster, act }: PhoneGameProps<ElectionView>) {
  const t = useT();
  const names: Names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const clock = useViewClock(node);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const autopilot = node.you.autopilot;
  useBuzz(v, autopilot);
  // A refusal is about the moment it happened: a new term or role makes it old news.
  useOnChange(`${v.term}:${v.role}`, () => setError(null));

  const send = async (action: ElectionAction): Promise<boolean> => {
    setError(null);
    setBusy(true);
    const err = await act(action);
    setBusy(false);
    if (err) setError(errorText(t, err, (id) => names.get(id) ?? t('phone.someoneWhoLeft'), 'election'));
    return err === null;
  };
  const locked = busy || autopilot;
  // One primary action at a time: a vote request is answered before anything else (the rules'
  // order: a node that grants a vote restarts its timer and need not stand).
  const answering = v.pendingVotes.length > 0;
  const timer = v.role !== 'leader' && (
    <TimerPanel v={v} node={node} clock={clock} disabled={locked} send={send} waitsForVote={answering} />
  );
  // What to do comes first: standing once the timer ran out; a follower with a leader reads who leads first.
  const timerFirst = v.timer.expired || (v.role === 'follower' && !v.leader);

  if (v.crashed) {
    return (
      <div className="el-phone stack">
        <Hero v={v} />
        <div className="crashed-screen" role="alert">
          <h2>{t('phone.crashed.title')}</h2>
          <p>{t('election.crashed', { term: v.term })}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="el-phone stack" data-testid="election-phone" data-role={v.role}>
      <NowLine>{nowLine(t, v, autopilot)}</NowLine>
      <Hero v={v} />
      {autopilot && (
        <p className="notice" role="status">
          <b>{t('election.autopilot.title')}</b> {t('election.autopilot.text')}
        </p>
      )}
      {/* A timer that ran out is said by the now-line and the timer's own panel: not a third time here. */}
      {v.notice && v.notice.code !== 'election.timer.expired' && (
        <p className="el-notice" role="status" aria-live="polite">
          <NoticeText notice={v.notice} nameOf={(id) => names.get(id) ?? t('phone.someoneWhoLeft')} />
        </p>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {answering && <VoteRequests v={v} names={names} disabled={locked} send={send} />}
      {timerFirst && timer}
      {v.votes && v.role === 'candidate' && <Votes v={v} votes={v.votes} names={names} />}
      {v.role === 'leader' && <LeaderPanel v={v} node={node} clock={clock} disabled={locked} send={send} names={names} />}
      {v.role === 'follower' && <FollowerPanel v={v} clock={clock} names={names} />}
      {!timerFirst && timer}
      <Decision v={v} names={names} />
      {v.log.length > 0 && <LogList v={v} />}
    </div>
  );
}

/** Vibrate on a new vote request and when the election timer runs out (not on autopilot). */
function useBuzz(v: ElectionView, autopilot: boolean): void {
  const { pendingVotes } = v;
  /** The vote requests already seen (null before the first view: those are not new). */
  const seen = useRef<Set<string> | null>(null);
  const expired = useRef(v.timer.expired);
  useEffect(() => {
    const keys = pendingVotes.map((p) => `${p.candidate.node}:${p.term}`);
    const before = seen.current;
    if (before && !autopilot && keys.some((k) => !before.has(k))) buzz([70, 50, 70]);
    seen.current = new Set(keys);
  }, [pendingVotes, autopilot]);
  useEffect(() => {
    if (!autopilot && v.timer.expired && !expired.current) buzz(250);
    expired.current = v.timer.expired;
  }, [v.timer.expired, autopilot]);
}

function Hero({ v }: { v: ElectionView }) {
  const t = useT();
  const look = ROLE_LOOK[v.role];
  const role =
    v.role === 'leader' ? t('election.role.leader') : v.role === 'candidate' ? t('election.role.candidate') : t('election.role.follower');
  return (
    <section className="el-hero" aria-label={t('election.hero.label')}>
      <CardFace card={v.card} />
      <div className="el-hero-text">
        <span className={`el-role el-role-${v.role}`} data-testid="role">
          <span aria-hidden="true">{look.icon}</span> {role}
        </span>
        <span className="el-term" data-testid="term">
          <Term id="term">{t('election.hero.term')}</Term> <b>{v.term}</b>
        </span>
        <span className="el-hero-note">
          <Term id="card" word={t('election.hero.cardWord')}>
            {t('election.hero.card', { card: v.card.label })}
          </Term>{' '}
          <Term id="majority" word={t('election.hero.majorityWord')}>
            {t('election.hero.majority', { nodes: v.clusterSize, majority: v.majority })}
          </Term>
        </span>
      </div>
    </section>
  );
}

function VoteRequests({
  v,
  names,
  disabled,
  send,
}: {
  v: ElectionView;
  names: Names;
  disabled: boolean;
  send(a: ElectionAction): Promise<boolean>;
}) {
  const t = useT();
  const [first] = v.pendingVotes;
  return (
    <section className="panel stack el-requests" aria-labelledby="el-requests-title">
      <h2 id="el-requests-title">{t('election.request.title')}</h2>
      {first && <Request key={`${first.candidate.node}:${first.term}`} p={first} v={v} names={names} disabled={disabled} send={send} />}
      {v.pendingVotes.length > 1 && <p className="muted">{t('election.request.more', { count: v.pendingVotes.length - 1 })}</p>}
    </section>
  );
}

function Request({
  p,
  v,
  names,
  disabled,
  send,
}: {
  p: PendingVoteView;
  v: ElectionView;
  names: Names;
  disabled: boolean;
  send(a: ElectionAction): Promise<boolean>;
}) {
  const t = useT();
  const nick = names.get(p.candidate.node);
  const who = nick ? t('election.cardAndName', { card: p.candidate.card, name: nick }) : p.candidate.card;
  return (
    <div className="el-request" data-testid="vote-request">
      <p className="el-big-line">
        <CardTag card={p.candidate} name={nick} /> {t('election.request.asks', { term: p.term })}
      </p>
      {p.grantBlocked ? (
        <p className="el-warn">
          <span aria-hidden="true">⚠ </span>
          {t('election.request.blocked')}{' '}
          <ErrorText error={p.grantBlocked} game="election" nameOf={(id) => names.get(id) ?? t('phone.someoneWhoLeft')} />
        </p>
      ) : (
        <p className="muted">
          {v.votedFor && v.votedFor.node === p.candidate.node && v.term === p.term
            ? t('election.request.already')
            : t('election.request.oneVote')}
        </p>
      )}
      <div className="el-two">
        <button
          type="button"
          className="good big"
          disabled={disabled}
          aria-label={t('election.request.grantLabel', { who })}
          onClick={() => void send({ type: 'vote', candidate: p.candidate.node, grant: true })}
        >
          ✓ {t('election.request.grant')}
        </button>
        <button
          type="button"
          className="danger big"
          disabled={disabled}
          aria-label={t('election.request.refuseLabel', { who })}
          onClick={() => void send({ type: 'vote', candidate: p.candidate.node, grant: false })}
        >
          ✕ {t('election.request.refuse')}
        </button>
      </div>
    </div>
  );
}

function TimerPanel({
  v,
  node,
  clock,
  disabled,
  send,
  waitsForVote,
}: {
  v: ElectionView;
  node: NodeView;
  clock: ViewClock;
  disabled: boolean;
  send(a: ElectionAction): Promise<boolean>;
  /** A vote request is on screen: it is answered first, so Stand is not offered beside it. */
  waitsForVote: boolean;
}) {
  const t = useT();
  const firesAt = node.timers[v.timer.key];
  if (v.timer.expired && waitsForVote) {
    return (
      <section className="panel stack" aria-labelledby="el-timer-title">
        <h2 id="el-timer-title">{t('election.timer.ranOut')}</h2>
        <p className="muted">{t('election.timer.answerFirst')}</p>
      </section>
    );
  }
  if (v.timer.expired) {
    const again = v.role === 'candidate';
    return (
      <section className="panel stack el-expired" aria-labelledby="el-timer-title">
        <h2 id="el-timer-title">{again ? t('election.timer.noOneWon', { term: v.term }) : t('election.timer.noHeartbeat')}</h2>
        <button type="button" className="big el-stand" disabled={disabled || !v.canStand} onClick={() => void send({ type: 'stand' })}>
          {again ? t('election.timer.standAgain', { term: v.term + 1 }) : t('election.timer.stand')}
        </button>
      </section>
    );
  }
  if (firesAt === undefined) return null;
  return (
    <section className="panel stack" aria-labelledby="el-timer-title">
      <h2 id="el-timer-title">{t('election.timer.title')}</h2>
      <Countdown firesAt={firesAt} clock={clock} scaleMs={v.timer.rangeMs[1]} label={t('election.timer.title')} />
      <p className="muted">{v.role === 'candidate' ? t('election.timer.candidateHelp') : t('election.timer.followerHelp')}</p>
    </section>
  );
}

function Countdown({ firesAt, clock, scaleMs, label }: { firesAt: number; clock: ViewClock; scaleMs: number; label: string }) {
  const t = useT();
  useTick(100);
  const left = Math.max(0, firesAt - clock.now());
  const fraction = Math.min(1, left / Math.max(1, scaleMs));
  return (
    <div className="el-countdown">
      <span className="el-countdown-number" data-testid="countdown">
        {seconds(left)}
      </span>
      <div
        className="el-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={Math.round(scaleMs)}
        aria-valuenow={Math.round(left)}
        aria-valuetext={t('election.timer.left', { time: seconds(left) })}
      >
        <div className="el-bar-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}

function Votes({ v, votes, names }: { v: ElectionView; votes: NonNullable<ElectionView['votes']>; names: Names }) {
  const t = useT();
  return (
    <section className="panel stack" aria-labelledby="el-votes-title">
      <h2 id="el-votes-title">{t('election.votes.title', { term: v.term })}</h2>
      <p className="el-votes-count" data-testid="votes">
        {t('election.votes.count', { granted: votes.granted, needed: votes.needed })}
      </p>
      <ul className="el-chips" aria-label={t('election.votes.label')}>
        {votes.from.map((c) => (
          <li key={c.node}>
            <CardTag card={c} name={c.node === v.you ? t('election.you') : names.get(c.node)} />
          </li>
        ))}
      </ul>
      {votes.refused > 0 && <p className="muted">{t('election.votes.refused', { count: votes.refused })}</p>}
    </section>
  );
}

function LeaderPanel({
  v,
  node,
  clock,
  disabled,
  send,
  names,
}: {
  v: ElectionView;
  node: NodeView;
  clock: ViewClock;
  disabled: boolean;
  send(a: ElectionAction): Promise<boolean>;
  names: Names;
}) {
  const t = useT();
  const lead = v.lead;
  const [value, setValue] = useState('');
  if (!lead) return null;
  const next = node.timers[lead.heartbeatTimer];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await send({ type: 'propose', value: value.trim() })) setValue('');
  };
  return (
    <>
      <section className="panel stack el-lead" aria-labelledby="el-lead-title">
        <h2 id="el-lead-title">
          <span aria-hidden="true">★ </span>
          {t('election.lead.title', { term: v.term })}
        </h2>
        {v.votes && (
          <p className="muted">
            {v.votes.from.length > 0
              ? t('election.lead.electedBy', {
                  granted: v.votes.granted,
                  needed: v.votes.needed,
                  voters: t.list(v.votes.from.map((c) => (c.node === v.you ? t('election.you') : c.card))),
                })
              : t('election.lead.elected', { granted: v.votes.granted, needed: v.votes.needed })}
          </p>
        )}
        <div className="el-stats">
          <span className="el-stat">
            <b data-testid="heartbeats-sent">{lead.heartbeatsSent}</b>
            {t('election.lead.heartbeatsSent', { count: lead.heartbeatsSent })}
          </span>
          <span className="el-stat">
            <b>{lead.lastRoundAnswered === null ? '…' : `${lead.lastRoundAnswered}/${lead.peers}`}</b>
            {t('election.lead.answered')}
          </span>
        </div>
        {next !== undefined && <NextHeartbeat firesAt={next} clock={clock} />}
        <p className="muted">
          <Term id="heartbeat" word={t('election.heartbeatWord')}>
            {t('election.lead.serverSends')}
          </Term>
        </p>
      </section>
      <section className="panel stack" aria-labelledby="el-propose-title">
        <h2 id="el-propose-title">{t('election.propose.title')}</h2>
        {lead.proposal ? (
          <div className="stack">
            <p className="el-big-line">“{lead.proposal.value}”</p>
            <p>{t('election.propose.stored', { stored: lead.proposal.storedBy, needed: lead.proposal.needed })}</p>
          </div>
        ) : lead.proposeBlocked ? (
          <p className="el-warn">
            <ErrorText error={lead.proposeBlocked} game="election" nameOf={(id) => names.get(id) ?? t('phone.someoneWhoLeft')} />
          </p>
        ) : (
          <form className="stack" onSubmit={submit}>
            <label htmlFor="el-value">{t('election.propose.label')}</label>
            <input
              id="el-value"
              value={value}
              maxLength={VALUE_MAX}
              list="el-restaurants"
              placeholder={RESTAURANTS[0]}
              onChange={(e) => setValue(e.target.value)}
            />
            <datalist id="el-restaurants">
              {RESTAURANTS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
            <button className="big good" type="submit" disabled={disabled || value.trim() === ''}>
              {t('election.propose.button')}
            </button>
            {lead.proposedThisTerm && <p className="muted">{t('election.propose.another')}</p>}
          </form>
        )}
      </section>
      {v.decision.latest && !v.decision.latest.committed && v.decision.latest.by.node !== v.you && (
        <p className="muted">
          {t('election.propose.earlier')} <Who e={v.decision.latest} names={names} />
        </p>
      )}
    </>
  );
}

function NextHeartbeat({ firesAt, clock }: { firesAt: number; clock: ViewClock }) {
  const t = useT();
  useTick(100);
  return (
    <p className="el-pulse">
      {t('election.lead.next')} <b>{seconds(Math.max(0, firesAt - clock.now()))}</b>
    </p>
  );
}

function FollowerPanel({ v, clock, names }: { v: ElectionView; clock: ViewClock; names: Names }) {
  const t = useT();
  useTick(500, v.heard.lastAt !== null);
  return (
    <section className="panel stack" aria-labelledby="el-follow-title">
      <h2 id="el-follow-title">{t('election.follow.title')}</h2>
      {v.leader ? (
        <p className="el-big-line" data-testid="leader">
          <CardTag card={v.leader} name={names.get(v.leader.node)} /> {t('election.follow.leads', { term: v.term })}
        </p>
      ) : (
        <p className="el-big-line" data-testid="leader">
          {t('election.follow.none', { term: v.term })}
        </p>
      )}
      {v.heard.count > 0 && (
        <p>
          <Term id="heartbeat" word={t('election.heartbeatWord')}>
            {v.heard.lastAt !== null
              ? t('election.follow.heardLast', { count: v.heard.count, ago: seconds(clock.now() - v.heard.lastAt) })
              : t('election.follow.heard', { count: v.heard.count })}
          </Term>
        </p>
      )}
      {v.votedFor && (
        <p className="muted">
          {v.votedFor.node === v.you
            ? t('election.follow.votedSelf', { term: v.term })
            : t('election.follow.voted', { term: v.term, card: v.votedFor.card })}
        </p>
      )}
    </section>
  );
}

function Decision({ v, names }: { v: ElectionView; names: Names }) {
  const t = useT();
  const { latest, committed } = v.decision;
  return (
    <section className="panel stack el-decision" aria-labelledby="el-decision-title">
      <h2 id="el-decision-title">{t('election.decision.title')}</h2>
      {committed ? (
        <p className="el-committed" data-testid="committed">
          <span aria-hidden="true">✓ </span>
          <Term id="commit" word={t('election.commitWord')}>
            {t('election.decision.committed', { value: committed.value })}
          </Term>
        </p>
      ) : (
        <p className="muted" data-testid="committed">
          {t('election.decision.nothing')}
        </p>
      )}
      {latest && !latest.committed && (
        <p className="el-proposed" data-testid="proposal">
          <span aria-hidden="true">… </span>
          {t('election.decision.proposed', { value: latest.value, majority: v.majority, nodes: v.clusterSize })}{' '}
          <span className="muted">{t('election.decision.by')}</span> <Who e={latest} names={names} />
        </p>
      )}
      {committed && (
        <p className="muted">
          {t('election.decision.committedTerm', { term: committed.term })} <Who e={committed} names={names} />
        </p>
      )}
      {!latest && <p className="muted">{t('election.decision.how')}</p>}
    </section>
  );
}

function Who({ e, names }: { e: EntryView; names: Names }) {
  const by: CardRef = e.by;
  return <CardTag card={by} name={names.get(by.node)} />;
}

function LogList({ v }: { v: ElectionView }) {
  const t = useT();
  return (
    <details className="panel">
      <summary>{t('election.log.summary', { entries: v.logLength, committed: v.commitIndex })}</summary>
      <ol className="el-log">
        {v.log.map((e) => (
          <li key={e.index} value={e.index}>
            “{e.value}” <span className="muted">{t('election.log.entry', { term: e.term, card: e.by.card })}</span>{' '}
            {e.committed ? <b>✓ {t('election.log.committed')}</b> : <span className="muted">{t('election.log.notCommitted')}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** What to do now, in one line, in the order the rules make sense. */
function nowLine(t: Translator, v: ElectionView, autopilot: boolean): string {
  if (autopilot) return t('phone.autopilotNow');
  if (v.pendingVotes.length > 0) return t('election.now.vote');
  if (v.role === 'leader') {
    if (v.lead?.proposal) return t('election.now.leadWait');
    return v.decision.committed ? t('election.now.leadAnother') : t('election.now.leadPropose');
  }
  if (v.timer.expired && v.canStand) return v.role === 'candidate' ? t('election.now.standAgain') : t('election.now.stand');
  if (v.role === 'candidate') return t('election.now.candidate');
  if (v.leader) return t('election.now.follow');
  return t('election.now.wait');
}

const clockText = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** One line after the round: what you did, and what happened to the class. */
export function ElectionRecap({ view: v, roster }: PhoneGameProps<ElectionView>) {
  const t = useT();
  const names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const who = (c: CardRef) => names.get(c.node) ?? c.card;
  const you =
    v.role === 'leader'
      ? t('election.recap.led', { term: v.term })
      : !v.votedFor
        ? t('election.recap.noVote', { term: v.term })
        : v.votedFor.node === v.you
          ? t('election.recap.stood', { term: v.term })
          : t('election.recap.voted', { name: who(v.votedFor), term: v.term });
  const lead = v.recap.leader;
  const leader = !lead
    ? t('election.recap.noLeader')
    : lead.by.node === v.you
      ? t('election.recap.youLed', { term: lead.term, votes: lead.votes, nodes: v.clusterSize })
      : t('election.recap.leader', { name: who(lead.by), term: lead.term, votes: lead.votes, nodes: v.clusterSize });
  const committed = v.recap.committed
    ? t('election.recap.committed', { value: v.recap.committed.value, at: clockText(v.recap.committed.at - v.recap.startedAt) })
    : t('election.recap.notCommitted');
  return (
    <p className="recap" data-testid="recap">
      {you} {leader} {committed}
    </p>
  );
}
