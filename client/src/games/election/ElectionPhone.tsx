// The election game on a student's phone: your card, role and term; the election timer; the
// vote requests to answer; as leader the heartbeats and the restaurant to propose; as follower
// the proposal and whether it is committed. The server decides everything: buttons only ask.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RESTAURANTS } from '../../../../shared/games/election/bot';
import { VALUE_MAX, type ElectionAction } from '../../../../shared/games/election/config';
import type { CardRef, ElectionView, EntryView, PendingVoteView } from '../../../../shared/games/election/view';
import type { NodeView } from '../../../../shared/protocol/views';
import { buzz, type PhoneGameProps } from '../types';
import { CardFace, CardTag } from './CardFace';
import { seconds, useTick, useViewClock, type ViewClock } from './clock';
import { ROLE_LOOK } from './look';
import './election.css';
import { useOnChange } from '../../useOnChange';
import { NowLine, Term } from '../../phone/Term';

type Names = Map<string, string>;

export function ElectionPhone({ view: v, node, roster, act }: PhoneGameProps<ElectionView>) {
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
    if (err) setError(err.message);
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
          <h2>Your node has crashed</h2>
          <p>
            It keeps its term ({v.term}) and its vote, and forgets the rest. It comes back as a follower when the instructor restarts it.
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="el-phone stack" data-testid="election-phone" data-role={v.role}>
      <NowLine>{nowLine(v, autopilot)}</NowLine>
      <Hero v={v} />
      {autopilot && (
        <p className="notice" role="status">
          <b>Autopilot is playing your node.</b> Watch what it does, or switch it off below to play yourself.
        </p>
      )}
      {v.notice && (
        <p className="el-notice" role="status" aria-live="polite">
          {v.notice.text}
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
  const look = ROLE_LOOK[v.role];
  return (
    <section className="el-hero" aria-label="Your node">
      <CardFace card={v.card} />
      <div className="el-hero-text">
        <span className={`el-role el-role-${v.role}`} data-testid="role">
          <span aria-hidden="true">{look.icon}</span> {look.word}
        </span>
        <span className="el-term" data-testid="term">
          <Term id="term">Term</Term> <b>{v.term}</b>
        </span>
        <span className="el-hero-note">
          Your <Term id="card">card</Term> is <b className={v.card.red ? 'el-red' : ''}>{v.card.label}</b>: the other phones call you by it
          this round. {v.clusterSize} nodes: {v.majority} make a <Term id="majority">majority</Term>.
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
  const [first] = v.pendingVotes;
  return (
    <section className="panel stack el-requests" aria-labelledby="el-requests-title">
      <h2 id="el-requests-title">A vote request</h2>
      {first && <Request key={`${first.candidate.node}:${first.term}`} p={first} v={v} names={names} disabled={disabled} send={send} />}
      {v.pendingVotes.length > 1 && (
        <p className="muted">
          {v.pendingVotes.length - 1} more {v.pendingVotes.length === 2 ? 'request waits' : 'requests wait'} after this one.
        </p>
      )}
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
  const who = `${p.candidate.card}${names.has(p.candidate.node) ? ` (${names.get(p.candidate.node)})` : ''}`;
  return (
    <div className="el-request" data-testid="vote-request">
      <p className="el-big-line">
        <CardTag card={p.candidate} name={names.get(p.candidate.node)} /> asks for your vote in <b>term {p.term}</b>.
      </p>
      {p.grantBlocked ? (
        <p className="el-warn">
          <span aria-hidden="true">⚠ </span>The server will refuse a Grant: {p.grantBlocked}
        </p>
      ) : (
        <p className="muted">
          {v.votedFor && v.votedFor.node === p.candidate.node && v.term === p.term
            ? 'You already gave it your vote for this term.'
            : 'One vote per term: grant it to the first candidate you trust.'}
        </p>
      )}
      <div className="el-two">
        <button
          type="button"
          className="good big"
          disabled={disabled}
          aria-label={`Grant your vote to ${who}`}
          onClick={() => void send({ type: 'vote', candidate: p.candidate.node, grant: true })}
        >
          ✓ Grant
        </button>
        <button
          type="button"
          className="danger big"
          disabled={disabled}
          aria-label={`Refuse your vote to ${who}`}
          onClick={() => void send({ type: 'vote', candidate: p.candidate.node, grant: false })}
        >
          ✕ Refuse
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
  const firesAt = node.timers[v.timer.key];
  if (v.timer.expired && waitsForVote) {
    return (
      <section className="panel stack" aria-labelledby="el-timer-title">
        <h2 id="el-timer-title">Your election timer ran out</h2>
        <p className="muted">Answer the vote request above first. If you grant it, your timer starts again; if not, you may then stand.</p>
      </section>
    );
  }
  if (v.timer.expired) {
    const again = v.role === 'candidate';
    return (
      <section className="panel stack el-expired" aria-labelledby="el-timer-title">
        <h2 id="el-timer-title">{again ? `No one won term ${v.term} in time` : 'Your election timer ran out: no heartbeat came'}</h2>
        <button type="button" className="big el-stand" disabled={disabled || !v.canStand} onClick={() => void send({ type: 'stand' })}>
          {again ? `Stand again (term ${v.term + 1})` : 'Stand for election'}
        </button>
      </section>
    );
  }
  if (firesAt === undefined) return null;
  return (
    <section className="panel stack" aria-labelledby="el-timer-title">
      <h2 id="el-timer-title">Election timer</h2>
      <Countdown firesAt={firesAt} clock={clock} scaleMs={v.timer.rangeMs[1]} label="Election timer" />
      <p className="muted">
        {v.role === 'candidate'
          ? 'If no one wins before it runs out, you may stand again.'
          : 'A heartbeat from the leader starts it again. If it runs out, you may stand for election.'}
      </p>
    </section>
  );
}

function Countdown({ firesAt, clock, scaleMs, label }: { firesAt: number; clock: ViewClock; scaleMs: number; label: string }) {
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
        aria-valuetext={`${seconds(left)} left`}
      >
        <div className="el-bar-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}

function Votes({ v, votes, names }: { v: ElectionView; votes: NonNullable<ElectionView['votes']>; names: Names }) {
  return (
    <section className="panel stack" aria-labelledby="el-votes-title">
      <h2 id="el-votes-title">Your votes in term {v.term}</h2>
      <p className="el-votes-count" data-testid="votes">
        <b>{votes.granted}</b> of <b>{votes.needed}</b> needed
      </p>
      <ul className="el-chips" aria-label="Votes you have">
        {votes.from.map((c) => (
          <li key={c.node}>
            <CardTag card={c} name={c.node === v.you ? 'you' : names.get(c.node)} />
          </li>
        ))}
      </ul>
      {votes.refused > 0 && <p className="muted">{votes.refused} refused.</p>}
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
          <span aria-hidden="true">★ </span>You lead term {v.term}
        </h2>
        {v.votes && (
          <p className="muted">
            Elected with {v.votes.granted} votes ({v.votes.needed} needed)
            {v.votes.from.length > 0 && <>: {v.votes.from.map((c) => (c.node === v.you ? 'you' : c.card)).join(', ')}</>}.
          </p>
        )}
        <div className="el-stats">
          <span className="el-stat">
            <b data-testid="heartbeats-sent">{lead.heartbeatsSent}</b>heartbeats sent
          </span>
          <span className="el-stat">
            <b>{lead.lastRoundAnswered === null ? '…' : `${lead.lastRoundAnswered}/${lead.peers}`}</b>answered the last one
          </span>
        </div>
        {next !== undefined && <NextHeartbeat firesAt={next} clock={clock} />}
        <p className="muted">The server sends a heartbeat to every node for you: it keeps their election timers from running out.</p>
      </section>
      <section className="panel stack" aria-labelledby="el-propose-title">
        <h2 id="el-propose-title">Propose the restaurant</h2>
        {lead.proposal ? (
          <div className="stack">
            <p className="el-big-line">“{lead.proposal.value}”</p>
            <p>
              Stored by <b>{lead.proposal.storedBy}</b> of <b>{lead.proposal.needed}</b> needed. It commits when a majority stores it.
            </p>
          </div>
        ) : lead.proposeBlocked ? (
          <p className="el-warn">{lead.proposeBlocked}</p>
        ) : (
          <form className="stack" onSubmit={submit}>
            <label htmlFor="el-value">Restaurant for the dinner party</label>
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
              Propose
            </button>
            {lead.proposedThisTerm && <p className="muted">Your last proposal is committed: you may propose another.</p>}
          </form>
        )}
      </section>
      {v.decision.latest && !v.decision.latest.committed && v.decision.latest.by.node !== v.you && (
        <p className="muted">
          An earlier leader's proposal (<Who e={v.decision.latest} names={names} />) is not committed yet: it commits with your next one.
        </p>
      )}
    </>
  );
}

function NextHeartbeat({ firesAt, clock }: { firesAt: number; clock: ViewClock }) {
  useTick(100);
  return (
    <p className="el-pulse">
      Next heartbeat in <b>{seconds(Math.max(0, firesAt - clock.now()))}</b>
    </p>
  );
}

function FollowerPanel({ v, clock, names }: { v: ElectionView; clock: ViewClock; names: Names }) {
  useTick(500, v.heard.lastAt !== null);
  return (
    <section className="panel stack" aria-labelledby="el-follow-title">
      <h2 id="el-follow-title">Leader</h2>
      {v.leader ? (
        <p className="el-big-line" data-testid="leader">
          <CardTag card={v.leader} name={names.get(v.leader.node)} /> leads term {v.term}.
        </p>
      ) : (
        <p className="el-big-line" data-testid="leader">
          No leader known in term {v.term} yet.
        </p>
      )}
      {v.heard.count > 0 && (
        <p>
          <b>{v.heard.count}</b> <Term id="heartbeat">{v.heard.count === 1 ? 'heartbeat' : 'heartbeats'}</Term> received
          {v.heard.lastAt !== null && <>, the last {seconds(clock.now() - v.heard.lastAt)} ago</>}.
        </p>
      )}
      {v.votedFor && (
        <p className="muted">
          In term {v.term} you voted for {v.votedFor.node === v.you ? 'yourself' : v.votedFor.card}.
        </p>
      )}
    </section>
  );
}

function Decision({ v, names }: { v: ElectionView; names: Names }) {
  const { latest, committed } = v.decision;
  return (
    <section className="panel stack el-decision" aria-labelledby="el-decision-title">
      <h2 id="el-decision-title">Dinner party</h2>
      {committed ? (
        <p className="el-committed" data-testid="committed">
          <span aria-hidden="true">✓ </span>
          <Term id="commit">Committed</Term>: <b>“{committed.value}”</b>
        </p>
      ) : (
        <p className="muted" data-testid="committed">
          Nothing committed yet.
        </p>
      )}
      {latest && !latest.committed && (
        <p className="el-proposed" data-testid="proposal">
          <span aria-hidden="true">… </span>Proposed: <b>“{latest.value}”</b> by <Who e={latest} names={names} /> — not committed yet: it
          needs a majority ({v.majority} of {v.clusterSize}) to store it.
        </p>
      )}
      {committed && (
        <p className="muted">
          Proposed by <Who e={committed} names={names} /> in term {committed.term}.
        </p>
      )}
      {!latest && <p className="muted">The leader proposes the restaurant; it is decided once a majority stores it.</p>}
    </section>
  );
}

function Who({ e, names }: { e: EntryView; names: Names }) {
  const by: CardRef = e.by;
  return <CardTag card={by} name={names.get(by.node)} />;
}

function LogList({ v }: { v: ElectionView }) {
  return (
    <details className="panel">
      <summary>
        Your log: {v.logLength} entr{v.logLength === 1 ? 'y' : 'ies'}, {v.commitIndex} committed
      </summary>
      <ol className="el-log">
        {v.log.map((e) => (
          <li key={e.index} value={e.index}>
            “{e.value}”{' '}
            <span className="muted">
              term {e.term}, by {e.by.card}
            </span>{' '}
            {e.committed ? <b>✓ committed</b> : <span className="muted">not committed</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** What to do now, in one line, in the order the rules make sense. */
function nowLine(v: ElectionView, autopilot: boolean): string {
  if (autopilot) return 'The autopilot plays for you: watch what it does.';
  if (v.pendingVotes.length > 0) return 'Someone asks for your vote: grant it or refuse it.';
  if (v.role === 'leader') {
    if (v.lead?.proposal) return 'You lead: wait until a majority stores your proposal.';
    return v.decision.committed ? 'You lead: you may propose another restaurant.' : 'You lead: propose the restaurant.';
  }
  if (v.timer.expired && v.canStand) return v.role === 'candidate' ? 'No one won: stand again.' : 'No heartbeat came: stand for election.';
  if (v.role === 'candidate') return 'You stand for election: wait for the votes.';
  if (v.leader) return 'Follow the leader: nothing to do while its heartbeats arrive.';
  return 'Wait. If your timer runs out before a heartbeat comes, stand for election.';
}

const clockText = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** One line after the round: what you did, and what happened to the class. */
export function ElectionRecap({ view: v, roster }: PhoneGameProps<ElectionView>) {
  const names = new Map(roster.nodes.map((n) => [n.id, n.nickname]));
  const who = (c: CardRef) => (c.node === v.you ? 'you' : (names.get(c.node) ?? c.card));
  const parts: string[] = [];
  if (v.role === 'leader') parts.push(`You led term ${v.term}`);
  else if (v.votedFor)
    parts.push(v.votedFor.node === v.you ? `You stood in term ${v.term}` : `You voted for ${who(v.votedFor)} in term ${v.term}`);
  else parts.push(`You did not vote in term ${v.term}`);
  const lead = v.recap.leader;
  if (lead)
    parts.push(`${lead.by.node === v.you ? 'you' : who(lead.by)} led term ${lead.term} with ${lead.votes} of ${v.clusterSize} votes`);
  else parts.push('no one was elected');
  parts.push(
    v.recap.committed
      ? `“${v.recap.committed.value}” was committed at ${clockText(v.recap.committed.at - v.recap.startedAt)}`
      : 'no restaurant was committed',
  );
  const line = parts.join('; ');
  return (
    <p className="recap" data-testid="recap">
      {line.charAt(0).toUpperCase() + line.slice(1)}.
    </p>
  );
}
