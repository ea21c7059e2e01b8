// The autopilot: Raft's own policy, played from the node's view alone. It is the reference a
// student's program can copy: answer vote requests per Raft, stand when the timer runs out,
// and as leader propose a restaurant once per term.

import type { BotCtx } from '../types';
import type { ElectionConfig } from './config';
import type { ElectionAction } from './config';
import type { NodeId } from '../../protocol/ids';
import type { ElectionState, NodeState } from './state';
import type { ElectionView } from './view';

export const RESTAURANTS = [
  'Chez Quorum',
  'The Heartbeat Diner',
  'Bistro Majority',
  'Term Limits Grill',
  'Café Consensus',
  'The Split Vote',
  'Log & Lantern',
  'The Follower’s Fork',
] as const;

/** Raft's election restriction, as the voter sees it. */
function logOk(candTerm: number, candIndex: number, myTerm: number, myIndex: number): boolean {
  return candTerm !== myTerm ? candTerm > myTerm : candIndex >= myIndex;
}

/**
 * The autopilot surely does nothing now (without building the view): its node is crashed or
 * not in the round, or it has no vote request to answer, may not stand, and does not lead
 * without a proposal this term (a leader that may propose is left to the bot, which also checks
 * whether a proposal is blocked).
 */
export function electionBotIdle(s: ElectionState, node: NodeId): boolean {
  const n = s.node[node];
  if (!n || !s.cards[node]) return true;
  return botIdleOf(n);
}

/** electionBotIdle for a node of the round (dealt a card) whose state the caller holds. */
export function botIdleOf(n: NodeState): boolean {
  if (n.down) return true;
  if (n.pending.length > 0) return false;
  if (n.expired && n.role !== 'leader') return false;
  if (n.role === 'leader' && n.lead && !n.lead.proposedThisTerm) return false;
  return true;
}

export function electionBot(v: ElectionView | null, ctx: BotCtx<ElectionConfig>): ElectionAction[] {
  if (!v || v.crashed) return [];
  const out: ElectionAction[] = [];
  // Votes first: granting one resets the timer, so the node does not also stand.
  let votedFor = v.votedFor?.node ?? null;
  for (const req of v.pendingVotes) {
    const who = req.candidate.node;
    const grant =
      req.term === v.term &&
      (votedFor === null || votedFor === who) &&
      logOk(req.lastLogTerm, req.lastLogIndex, v.lastLogTerm, v.logLength);
    if (grant) votedFor = who;
    out.push({ type: 'vote', candidate: who, grant });
  }
  const granted = out.some((a) => a.type === 'vote' && a.grant);
  if (v.canStand && !granted) out.push({ type: 'stand' });
  if (v.role === 'leader' && v.lead && !v.lead.proposedThisTerm && v.lead.proposeBlocked === null) {
    out.push({ type: 'propose', value: ctx.rng.pick(RESTAURANTS) });
  }
  return out;
}
