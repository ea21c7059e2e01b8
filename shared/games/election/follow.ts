// Becoming a follower: the one transition every message handler may need [E7].

import type { NodeId } from '../../protocol/ids';
import { armElection, cardOf, heartbeatKey, mark, nodeOf, notify, raiseMaxTerm, type Step } from './step';

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
  const who = cardOf(st.s, from);
  notify(
    st,
    node,
    was === 'leader'
      ? `You stepped down: ${who} is in term ${term}, later than your term ${old}.`
      : was === 'candidate'
        ? `You gave up your election: ${who} is already in term ${term}.`
        : `${who} is in term ${term}: you moved up to term ${term}.`,
  );
  return true;
}

/** The node becomes (or stays) a follower in its current term. `oldTerm` is for the mark. */
export function toFollower(st: Step, node: NodeId, leaderId: NodeId | null, oldTerm?: number): void {
  const { s } = st;
  const n = nodeOf(s, node);
  if (n.role === 'leader') {
    s.leaders = s.leaders.filter((l) => l !== node);
    n.lead = null;
    st.fx.push({ type: 'cancel', key: heartbeatKey(node) });
    armElection(st, node);
    st.dirty = true;
    const term = oldTerm ?? n.term;
    mark(st, node, `${cardOf(s, node)} steps down (was leader of term ${term})`, {
      event: 'stepped-down',
      term,
      newTerm: n.term,
    });
  }
  n.role = 'follower';
  n.votes = {};
  n.voteCount = 0;
  n.refused = {};
  n.refusedCount = 0;
  if (leaderId !== null) n.leaderId = leaderId;
  st.changed.add(node);
}
