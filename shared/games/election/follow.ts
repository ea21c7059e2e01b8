// Becoming a follower: the one transition every message handler may need [E7].

import type { NodeId } from '../../protocol/ids';
import { nodeParam } from '../../protocol/notice';
import { armElection, cancelTimer, mark, nodeOf, notify, raiseMaxTerm, TIMER, type Step } from './step';

/**
 * A message from `from` carries `term`. If it is higher than the node's, the node adopts it,
 * forgets its vote (it has not voted in the new term) and becomes a follower. Returns whether
 * the term was higher.
 */
export function observeTerm(st: Step, node: NodeId, term: number, from: NodeId): boolean {
  const n = nodeOf(st.s, node);
  if (term <= n.term) return false;
  const was = n.role;
  const old = n.term;
  n.term = term;
  n.votedFor = null;
  n.leaderId = null;
  n.heard = { count: 0, at: null };
  raiseMaxTerm(st, term);
  toFollower(st, node, null, old);
  const who = nodeParam(from);
  if (was === 'leader') notify(st, node, 'stepped_down', { node: who, term, old });
  else if (was === 'candidate') notify(st, node, 'gave_up', { node: who, term });
  else notify(st, node, 'moved_up', { node: who, term });
  return true;
}

/** The node becomes (or stays) a follower in its current term. `oldTerm` is for the mark. */
export function toFollower(st: Step, node: NodeId, leaderId: NodeId | null, oldTerm?: number): void {
  const { s } = st;
  const n = nodeOf(s, node);
  if (n.role === 'leader') {
    s.leaders = s.leaders.filter((l) => l !== node);
    n.lead = null;
    cancelTimer(st, TIMER.heartbeat, node);
    cancelTimer(st, TIMER.quorum, node);
    armElection(st, node);
    st.dirty = true;
    const term = oldTerm ?? n.term;
    mark(
      st,
      node,
      'stepped_down',
      { node: nodeParam(node), term },
      {
        event: 'stepped-down',
        term,
        newTerm: n.term,
      },
    );
  }
  n.role = 'follower';
  n.preVote = null;
  n.votes = {};
  n.voteCount = 0;
  n.refused = {};
  n.refusedCount = 0;
  if (leaderId !== null) n.leaderId = leaderId;
  st.changed.add(node);
}
