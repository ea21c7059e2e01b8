// What the projector shows: every node, the term timeline, stale leaders, what was committed.
// The console may show everything (roles, votes, every node's log position).

import type { NodeId } from '../../protocol/ids';
import type { Card } from './cards';
import type { Pace, Timing } from './config';
import { isSplit } from './election';
import type { ElectionState, Role, StaleReason, TermRecord, Violation } from './state';
import { cardFor, nodeOf } from './step';
import { cardRef, type CardRef } from './view';

export interface ConsoleNodeView {
  id: NodeId;
  card: Card;
  role: Role;
  term: number;
  crashed: boolean;
  /** Set when this node believes it leads but no longer really does. */
  stale: StaleReason | null;
  votedFor: NodeId | null;
  /** As candidate or leader: votes in its current term. */
  votes: number;
  expired: boolean;
  pendingVotes: number;
  logLength: number;
  commitIndex: number;
}

export interface TermView {
  term: number;
  startedAt: number;
  candidates: (CardRef & { votes: number })[];
  /** Who led this term (never more than one; a second one is a safety violation). */
  leaders: CardRef[];
  wonAt: number | null;
  /** Two or more candidates, nobody won, and a later term has begun. */
  split: boolean;
}

export interface StaleView extends CardRef {
  term: number;
  since: number;
  reason: StaleReason;
}

export interface ElectionConsoleView {
  game: 'election';
  pace: Pace;
  timing: Timing;
  clusterSize: number;
  majority: number;
  maxTerm: number;
  /** The leader of the highest term among live nodes ("isolate the leader" acts on it). */
  leader: (CardRef & { term: number }) | null;
  /** Every node that believes it leads right now, stale ones included. */
  leaders: (CardRef & { term: number; stale: StaleReason | null })[];
  nodes: ConsoleNodeView[];
  /** The term timeline, latest terms (up to CONSOLE_TERMS). */
  terms: TermView[];
  /** Leaders that still believe they lead although they cannot (shown as a warning). */
  staleLeaders: StaleView[];
  committed: { index: number; term: number; value: string; by: CardRef; at: number }[];
  /** The latest committed value (the restaurant), or null. */
  committedValue: string | null;
  firstLeaderAt: number | null;
  elections: number;
  safety: { maxLeadersPerTerm: number; violations: Violation[] };
}

export const CONSOLE_TERMS = 50;
export const CONSOLE_COMMITTED = 50;

export function termView(s: ElectionState, rec: TermRecord): TermView {
  return {
    term: rec.term,
    startedAt: rec.startedAt,
    candidates: Object.entries(rec.candidates).map(([node, votes]) => ({ ...cardRef(s, node), votes })),
    leaders: rec.leaders.map((l) => cardRef(s, l)),
    wonAt: rec.wonAt,
    split: isSplit(rec) && rec.term < s.maxTerm,
  };
}

export function consoleView(s: ElectionState, leader: NodeId | null): ElectionConsoleView {
  const last = s.committed.at(-1);
  return {
    game: 'election',
    pace: s.config.pace,
    timing: s.timing,
    clusterSize: s.nodes.length,
    majority: s.majority,
    maxTerm: s.maxTerm,
    leader: leader ? { ...cardRef(s, leader), term: nodeOf(s, leader).term } : null,
    leaders: s.leaders.map((l) => ({ ...cardRef(s, l), term: nodeOf(s, l).term, stale: s.staleNow[l]?.reason ?? null })),
    nodes: s.nodes.map((id) => {
      const n = nodeOf(s, id);
      return {
        id,
        card: cardFor(s, id),
        role: n.role,
        term: n.term,
        crashed: n.down,
        stale: s.staleNow[id]?.reason ?? null,
        votedFor: n.votedFor,
        votes: n.voteCount,
        expired: n.expired,
        pendingVotes: n.pending.length,
        logLength: n.log.length,
        commitIndex: n.commitIndex,
      };
    }),
    terms: Object.values(s.terms)
      .slice(-CONSOLE_TERMS)
      .map((t) => termView(s, t)),
    staleLeaders: Object.values(s.staleNow).map((p) => ({ ...cardRef(s, p.node), term: p.term, since: p.from, reason: p.reason })),
    committed: s.committed
      .slice(-CONSOLE_COMMITTED)
      .map((c) => ({ index: c.index, term: c.term, value: c.value, by: cardRef(s, c.by), at: c.at })),
    committedValue: last?.value ?? null,
    firstLeaderAt: s.firstLeaderAt,
    elections: s.elections,
    safety: { maxLeadersPerTerm: s.maxLeadersPerTerm, violations: s.violations.slice() },
  };
}
