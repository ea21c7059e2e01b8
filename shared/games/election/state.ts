// The election game's data: the envelopes nodes exchange and the engine's state. All plain
// JSON: the replay fold rebuilds it and compares it with toEqual.

import type { NodeId } from '../../protocol/ids';
import type { Card } from './cards';
import type { ElectionConfig, Timing } from './config';
import type { Notice } from '../../protocol/notice';

/** Most entries a round's log may hold: proposals stop being accepted beyond it. */
export const LOG_MAX = 200;
/** Most entries one AppendEntries carries; a follower far behind catches up over several. */
export const ENTRIES_PER_MESSAGE = 64;
/** Unanswered vote requests a node keeps (one per candidate; the oldest go first). */
export const PENDING_MAX = 50;

export const ROLES = ['follower', 'candidate', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/** One proposal in the replicated log. Index i (1-based) is `log[i - 1]`. */
export interface LogEntry {
  /** The term of the leader that proposed it. */
  term: number;
  value: string;
  /** The node that proposed it. */
  by: NodeId;
}

/** RequestVote. */
export interface VoteRequestBody {
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
}

/** The answer to a RequestVote. */
export interface VoteBody {
  term: number;
  granted: boolean;
}

/** A pre-vote request [E19]: "would you vote for me in `term`?" (the sender's term + 1; its own term is unchanged). */
export type PreVoteRequestBody = VoteRequestBody;

/** The answer to a pre-vote request: granted for `term`, or refused (`term` is then the voter's, if higher). */
export interface PreVoteBody {
  term: number;
  granted: boolean;
}

/** A node asking for pre-votes [E19]: for which term, and who said yes (itself included). */
export interface PreVoteState {
  term: number;
  votes: Record<NodeId, true>;
  count: number;
}

/** AppendEntries; a heartbeat is one with no entries. */
export interface AppendBody {
  term: number;
  prevLogIndex: number;
  prevLogTerm: number;
  entries: LogEntry[];
  leaderCommit: number;
}

/**
 * The answer to an AppendEntries. On success `matchIndex` is the last index the follower now
 * shares with the leader; on failure it is a hint: the leader may retry from `matchIndex + 1`.
 */
export interface AppendReplyBody {
  term: number;
  success: boolean;
  matchIndex: number;
}

export interface PendingVote {
  candidate: NodeId;
  term: number;
  lastLogIndex: number;
  lastLogTerm: number;
  receivedAt: number;
}

/** What only a leader keeps, for its current term (reset on every election). */
export interface LeaderState {
  /** Log length when it won: the default next index is base + 1 for every follower. */
  base: number;
  nextIndex: Record<NodeId, number>;
  matchIndex: Record<NodeId, number>;
  /** index → followers that store it (only indices above the commit index). */
  acks: Record<string, number>;
  heartbeats: number;
  lastHeartbeatAt: number | null;
  /** Followers that answered since the last heartbeat went out, and how many answered the one before. */
  answered: Record<NodeId, true>;
  answeredCount: number;
  lastRoundAnswered: number | null;
  proposedThisTerm: boolean;
  /** When each follower last answered an AppendEntries of this term (CheckQuorum [E20]). */
  lastReplyAt: Record<NodeId, number>;
}

/** A line on the node's phone saying what just happened to it (a notice code, worded by the client), and when. */
export interface NodeNotice extends Notice {
  at: number;
}

export interface NodeState {
  // Persistent: survives a crash [E14].
  term: number;
  votedFor: NodeId | null;
  log: LogEntry[];
  commitIndex: number;
  // Volatile: lost in a crash.
  role: Role;
  /** Crashed or gone, as far as the engine has seen. */
  down: boolean;
  /** The leader of the current term, once heard from. */
  leaderId: NodeId | null;
  /** The election timer ran out: the node may stand [E3]. */
  expired: boolean;
  /** As candidate: who granted a vote in the current term (distinct nodes, self included). */
  votes: Record<NodeId, true>;
  voteCount: number;
  refused: Record<NodeId, true>;
  refusedCount: number;
  pending: PendingVote[];
  lead: LeaderState | null;
  /** Heartbeats received from the leader of the current term. */
  heard: { count: number; at: number | null };
  notice: NodeNotice | null;
  /** Messages received and not handled yet, oldest first (processing time [E18]). */
  inbox: QueuedEnvelope[];
  /** Asking for pre-votes, before standing [E19]; null otherwise. */
  preVote: PreVoteState | null;
}

/** A message waiting in a node's queue: the envelope as it arrived. */
export interface QueuedEnvelope {
  id: string;
  from: NodeId;
  to: NodeId;
  kind: string;
  body: unknown;
  sentAt: number;
  lamport: number;
}

/** A broken safety property [E16]: when, and what (an `election.violation.*` notice). */
export interface Violation extends Notice {
  at: number;
}

export interface TermRecord {
  term: number;
  startedAt: number;
  /** Candidate → votes it received in this term (its own included). */
  candidates: Record<NodeId, number>;
  /** Every node that became leader of this term: never more than one [E16]. */
  leaders: NodeId[];
  wonAt: number | null;
}

export interface CommittedEntry {
  index: number;
  term: number;
  value: string;
  by: NodeId;
  /** When a leader first counted a majority for it, and that leader's term. */
  at: number;
  leaderTerm: number;
}

export interface StalePeriod {
  node: NodeId;
  term: number;
  from: number;
  /** null while it lasts. */
  to: number | null;
  /** Why it no longer really leads: it cannot reach a majority, or a later term has a leader. */
  reason: StaleReason;
}
export type StaleReason = 'minority' | 'superseded';

export interface ElectionState {
  config: ElectionConfig;
  timing: Timing;
  nodes: NodeId[];
  majority: number;
  startedAt: number;
  /** Latest session time the engine has seen (the result has no clock of its own). */
  lastT: number;
  /** The engine's own seeded random stream. */
  rng: number;
  cards: Record<NodeId, Card>;
  node: Record<NodeId, NodeState>;
  /** Nodes whose role is leader right now (a handful at most). */
  leaders: NodeId[];
  /** The highest term any node has reached. */
  maxTerm: number;
  /** The highest term in which some node became leader. */
  maxLeaderTerm: number;
  // Bookkeeping for the analysis and the console.
  firstLeaderAt: number | null;
  firstLeaderTerm: number | null;
  elections: number;
  /** The latest terms (older ones are summarised in `dropped`). */
  terms: Record<string, TermRecord>;
  dropped: { terms: number; splitVotes: number };
  maxLeadersPerTerm: number;
  /** Leaders in the order they won (one per term). */
  leaderIds: NodeId[];
  committed: CommittedEntry[];
  violations: Violation[];
  /** Leaders stale right now. */
  staleNow: Record<NodeId, StalePeriod>;
  /** Stale periods that ended (the latest ones), and totals over all of them. */
  staleDone: StalePeriod[];
  staleTotals: { count: number; ms: number; longestMs: number };
  /** Envelopes this game sent and that reached an engine, by kind. */
  messages: { sent: Record<string, number>; delivered: Record<string, number> };
}
