// What the projector stage shows of an election: nothing here is secret (a card is a node's
// name in the round, roles and terms are what the class is meant to watch), so the stage gets
// the console's picture, cut down to what the stage draws. Votes (who voted for whom) stay on
// the console.

import type { Pace } from './config';
import { consoleView, type ConsoleNodeView, type StaleView, type TermView } from './console';
import type { NodeId } from '../../protocol/ids';
import type { ElectionState } from './state';
import type { CardRef } from './view';

/** Terms the stage lists (the latest). */
export const STAGE_TERMS = 6;

export interface ElectionStageView {
  game: 'election';
  pace: Pace;
  clusterSize: number;
  majority: number;
  maxTerm: number;
  leader: (CardRef & { term: number }) | null;
  nodes: Pick<ConsoleNodeView, 'id' | 'card' | 'role' | 'term' | 'crashed' | 'stale'>[];
  terms: TermView[];
  staleLeaders: StaleView[];
  committedValue: string | null;
  committedCount: number;
  firstLeaderAt: number | null;
  elections: number;
  safety: { maxLeadersPerTerm: number; violations: number };
}

/** `leader`: the leader of the highest term among live nodes (the engine's `currentLeader`). */
export function stageView(s: ElectionState, leader: NodeId | null): ElectionStageView {
  const c = consoleView(s, leader);
  return {
    game: 'election',
    pace: c.pace,
    clusterSize: c.clusterSize,
    majority: c.majority,
    maxTerm: c.maxTerm,
    leader: c.leader,
    nodes: c.nodes.map(({ id, card, role, term, crashed, stale }) => ({ id, card, role, term, crashed, stale })),
    terms: c.terms.slice(-STAGE_TERMS),
    staleLeaders: c.staleLeaders,
    committedValue: c.committedValue,
    committedCount: s.committed.length,
    firstLeaderAt: c.firstLeaderAt,
    elections: c.elections,
    safety: { maxLeadersPerTerm: c.safety.maxLeadersPerTerm, violations: c.safety.violations.length },
  };
}
