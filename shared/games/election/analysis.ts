// The round's analysis, recorded as its result and shown when it ends: how the election went,
// whether safety held, what was decided, and what the network carried.

import type { NodeId } from '../../protocol/ids';
import type { NetStats } from '../types';
import type { Pace, Timing } from './config';
import { isSplit } from './election';
import { termView, type TermView } from './console';
import { cardRef, type CardRef } from './view';
import type { ElectionState, StaleReason, Violation } from './state';

/** Terms of the timeline kept in the result (the latest). */
export const RESULT_TERMS = 200;

export interface StalePeriodView extends CardRef {
  term: number;
  from: number;
  to: number;
  ms: number;
  reason: StaleReason;
  /** Still stale when the round ended. */
  open: boolean;
}

export interface ElectionResult {
  game: 'election';
  nodes: number;
  majority: number;
  pace: Pace;
  timing: Timing;
  /** Round time until the first node became leader (ms), or null if none did. */
  firstLeaderMs: number | null;
  firstLeader: (CardRef & { term: number }) | null;
  /** The highest term reached. */
  terms: number;
  /** Times a node stood for election. */
  elections: number;
  /** Terms in which two or more candidates stood and nobody won. */
  splitVotes: number;
  /** Should be 1 (or 0 with no leader): more is a broken election. */
  maxLeadersPerTerm: number;
  /** Who led which term, in order. */
  leadersPerTerm: { term: number; leaders: CardRef[] }[];
  /** Leaders in the order they won. */
  leaderIds: NodeId[];
  stale: { count: number; totalMs: number; longestMs: number; periods: StalePeriodView[] };
  /** Committed entries in commit order. */
  committed: { index: number; term: number; value: string; by: CardRef; at: number }[];
  committedValues: string[];
  safety: { ok: boolean; violations: Violation[] };
  /** The term timeline (latest terms kept), for the console. */
  termRecords: TermView[];
  messages: NetStats & { byKind: Record<string, { sent: number; delivered: number }> };
}

export function electionResult(s: ElectionState, net: NetStats): ElectionResult {
  const end = s.lastT;
  const periods: StalePeriodView[] = s.staleDone.map((p) => ({
    ...cardRef(s, p.node),
    term: p.term,
    from: p.from,
    to: p.to ?? end,
    ms: (p.to ?? end) - p.from,
    reason: p.reason,
    open: false,
  }));
  let openMs = 0;
  let longest = s.staleTotals.longestMs;
  for (const p of Object.values(s.staleNow)) {
    const ms = end - p.from;
    openMs += ms;
    longest = Math.max(longest, ms);
    periods.push({ ...cardRef(s, p.node), term: p.term, from: p.from, to: end, ms, reason: p.reason, open: true });
  }
  const records = Object.values(s.terms);
  let splitVotes = s.dropped.splitVotes;
  const leadersPerTerm: ElectionResult['leadersPerTerm'] = [];
  for (const rec of records) {
    if (isSplit(rec) && rec.term < s.maxTerm) splitVotes += 1;
    if (rec.leaders.length) leadersPerTerm.push({ term: rec.term, leaders: rec.leaders.map((l) => cardRef(s, l)) });
  }
  const byKind: Record<string, { sent: number; delivered: number }> = {};
  for (const kind of new Set([...Object.keys(s.messages.sent), ...Object.keys(s.messages.delivered)])) {
    byKind[kind] = { sent: s.messages.sent[kind] ?? 0, delivered: s.messages.delivered[kind] ?? 0 };
  }
  const first = s.leaderIds[0];
  return {
    game: 'election',
    nodes: s.nodes.length,
    majority: s.majority,
    pace: s.config.pace,
    timing: s.timing,
    firstLeaderMs: s.firstLeaderAt === null ? null : s.firstLeaderAt - s.startedAt,
    firstLeader: first ? { ...cardRef(s, first), term: s.firstLeaderTerm ?? 0 } : null,
    terms: s.maxTerm,
    elections: s.elections,
    splitVotes,
    maxLeadersPerTerm: s.maxLeadersPerTerm,
    leadersPerTerm,
    leaderIds: s.leaderIds.slice(),
    stale: {
      count: s.staleTotals.count + Object.keys(s.staleNow).length,
      totalMs: s.staleTotals.ms + openMs,
      longestMs: longest,
      periods,
    },
    committed: s.committed.map((c) => ({ index: c.index, term: c.term, value: c.value, by: cardRef(s, c.by), at: c.at })),
    committedValues: s.committed.map((c) => c.value),
    safety: { ok: s.violations.length === 0 && s.maxLeadersPerTerm <= 1, violations: s.violations.slice() },
    termRecords: records.slice(-RESULT_TERMS).map((rec) => termView(s, rec)),
    messages: { ...net, dropped: { ...net.dropped }, byKind },
  };
}
