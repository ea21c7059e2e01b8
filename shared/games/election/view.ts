// What each phone is sent: its own node only (consoleView.ts has the projector's view).
// Cards are public: a node's card is its name on every screen in this round.

import type { NodeId } from '../../protocol/ids';
import type { Rejection } from '../types';
import type { Card } from './cards';
import { whyNotGrant } from './rules';
import type { Pace, Range, Timing } from './config';
import { pendingOwn } from './log';
import { heartbeatKey, lastLogTerm, leadOf, nodeOf, timeoutKey } from './step';
import { LOG_MAX, type ElectionState, type NodeNotice, type Role } from './state';

/** Entries of its log a phone sees (the latest ones). */
export const VIEW_LOG = 10;
/** Voters a candidate's phone lists by card (the count is always exact). */
export const VIEW_VOTERS = 20;

/** Another node, by its card (its name in this round) and id (for the roster's nickname). */
export interface CardRef {
  node: NodeId;
  card: string;
  red: boolean;
}

export interface PendingVoteView {
  candidate: CardRef;
  /** The term the candidate stands for. */
  term: number;
  /** The candidate's log: its last entry's index and term (for the election restriction). */
  lastLogIndex: number;
  lastLogTerm: number;
  receivedAt: number;
  /** Why the server would refuse a Grant now (shown before the student taps), or null. */
  /** Why the server would refuse a Grant (a refusal code and params, worded by the client), or null. */
  grantBlocked: Rejection | null;
}

export interface EntryView {
  /** 1-based position in the log. */
  index: number;
  term: number;
  value: string;
  by: CardRef;
  /** This node knows it is committed. */
  committed: boolean;
}

export interface LeadView {
  heartbeatsSent: number;
  lastHeartbeatAt: number | null;
  /** Key of the heartbeat timer in NodeView.timers (when the next heartbeat goes out). */
  heartbeatTimer: string;
  /** Followers that answered the previous heartbeat (null before the second one), out of `peers`. */
  lastRoundAnswered: number | null;
  peers: number;
  /** Your uncommitted proposal of this term, and how many nodes store it (you included). */
  proposal: { value: string; index: number; storedBy: number; needed: number } | null;
  /** Why you cannot propose now, or null. */
  /** Why the server would refuse a proposal now, or null. */
  proposeBlocked: Rejection | null;
  proposedThisTerm: boolean;
}

export interface ElectionView {
  game: 'election';
  you: NodeId;
  /** Your card, shown large: your name in this round. */
  card: Card;
  crashed: boolean;
  role: Role;
  term: number;
  /** Whom you voted for in this term (yourself when you stood). */
  votedFor: CardRef | null;
  /** The leader of your term as far as you know (yourself when you lead). */
  leader: CardRef | null;
  clusterSize: number;
  /** Votes (or acknowledgements) needed: floor(N/2)+1 of the whole round. */
  majority: number;
  /**
   * Your election timer: NodeView.timers[key] is when it runs out (absent while you lead or
   * are crashed). `expired` means it ran out: you may stand (vibrate once when it turns true).
   */
  timer: { key: string; expired: boolean; rangeMs: Range };
  canStand: boolean;
  /** Vote requests waiting for your Grant / Refuse, oldest first (vibrate on a new one). */
  pendingVotes: PendingVoteView[];
  /** Asking for pre-votes before standing [E19]: for which term, how many said yes (you included), how many are needed. */
  preVote: { term: number; granted: number; needed: number } | null;
  /** As candidate or leader: the votes of your current term. */
  votes: { granted: number; refused: number; needed: number; from: CardRef[] } | null;
  /** As follower: heartbeats from the leader of your term. */
  heard: { count: number; lastAt: number | null };
  /** As leader. */
  lead: LeadView | null;
  /** The dinner-party decision as you know it: the latest proposal, and the latest committed one. */
  decision: { latest: EntryView | null; committed: EntryView | null };
  log: EntryView[];
  logLength: number;
  commitIndex: number;
  lastLogTerm: number;
  /** What just happened to you (an `election.*` notice code, worded by the client), and when. */
  notice: NodeNotice | null;
  pace: Pace;
  timing: Timing;
  /**
   * What happened to the class, for the phone's line after the round (public: the projector
   * shows it too): the latest term that elected a leader, with its votes; the first value
   * committed and when (session ms); when the round started.
   */
  recap: {
    leader: { term: number; by: CardRef; votes: number } | null;
    committed: { value: string; at: number } | null;
    startedAt: number;
  };
}

export function cardRef(s: ElectionState, node: NodeId): CardRef {
  const c = s.cards[node];
  return { node, card: c?.label ?? node, red: c?.red ?? false };
}

function entryView(s: ElectionState, node: NodeId, index: number): EntryView | null {
  const n = nodeOf(s, node);
  const e = n.log[index - 1];
  if (!e) return null;
  return { index, term: e.term, value: e.value, by: cardRef(s, e.by), committed: index <= n.commitIndex };
}

export function nodeView(s: ElectionState, node: NodeId): ElectionView | null {
  const n = s.node[node];
  const card = s.cards[node];
  if (!n || !card) return null;
  const voting = n.role !== 'follower';
  const from: CardRef[] = [];
  if (voting) {
    for (const v of Object.keys(n.votes)) {
      if (from.length >= VIEW_VOTERS) break;
      from.push(cardRef(s, v));
    }
  }
  const logStart = Math.max(1, n.log.length - VIEW_LOG + 1);
  const log: EntryView[] = [];
  for (let i = logStart; i <= n.log.length; i++) {
    const entry = entryView(s, node, i);
    if (entry) log.push(entry);
  }
  return {
    game: 'election',
    you: node,
    card,
    crashed: n.down,
    role: n.role,
    term: n.term,
    votedFor: n.votedFor === null ? null : cardRef(s, n.votedFor),
    leader: n.leaderId === null ? null : cardRef(s, n.leaderId),
    clusterSize: s.nodes.length,
    majority: s.majority,
    timer: { key: timeoutKey(node), expired: n.expired, rangeMs: s.timing.timeoutMs },
    canStand: !n.down && n.expired && n.role !== 'leader',
    pendingVotes: n.down
      ? []
      : n.pending.map((p) => ({
          candidate: cardRef(s, p.candidate),
          term: p.term,
          lastLogIndex: p.lastLogIndex,
          lastLogTerm: p.lastLogTerm,
          receivedAt: p.receivedAt,
          grantBlocked: whyNotGrant(s, node, n, p),
        })),
    preVote: n.preVote ? { term: n.preVote.term, granted: n.preVote.count, needed: s.majority } : null,
    votes: voting ? { granted: n.voteCount, refused: n.refusedCount, needed: s.majority, from } : null,
    heard: { count: n.heard.count, lastAt: n.heard.at },
    lead: n.role === 'leader' && n.lead ? leadView(s, node) : null,
    decision: { latest: entryView(s, node, n.log.length), committed: entryView(s, node, n.commitIndex) },
    log,
    logLength: n.log.length,
    commitIndex: n.commitIndex,
    lastLogTerm: lastLogTerm(n),
    notice: n.notice,
    pace: s.config.pace,
    timing: s.timing,
    recap: recapOf(s),
  };
}

function recapOf(s: ElectionState): ElectionView['recap'] {
  let leader: ElectionView['recap']['leader'] = null;
  for (const rec of Object.values(s.terms)) {
    const won = rec.leaders[0];
    if (won !== undefined && (!leader || rec.term > leader.term))
      leader = { term: rec.term, by: cardRef(s, won), votes: rec.candidates[won] ?? 0 };
  }
  const first = s.committed[0];
  return { leader, committed: first ? { value: first.value, at: first.at } : null, startedAt: s.startedAt };
}

function leadView(s: ElectionState, node: NodeId): LeadView {
  const n = nodeOf(s, node);
  const lead = leadOf(n, node);
  const own = pendingOwn(n, node);
  let proposal: LeadView['proposal'] = null;
  if (own) {
    const index = n.log.lastIndexOf(own) + 1;
    proposal = { value: own.value, index, storedBy: 1 + (lead.acks[index] ?? 0), needed: s.majority };
  }
  return {
    heartbeatsSent: lead.heartbeats,
    lastHeartbeatAt: lead.lastHeartbeatAt,
    heartbeatTimer: heartbeatKey(node),
    lastRoundAnswered: lead.lastRoundAnswered,
    peers: s.nodes.length - 1,
    proposal,
    proposeBlocked: own
      ? { code: 'proposal_pending', params: { value: own.value } }
      : n.log.length >= LOG_MAX
        ? { code: 'log_full', params: { max: LOG_MAX } }
        : null,
    proposedThisTerm: lead.proposedThisTerm,
  };
}
