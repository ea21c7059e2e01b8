// Stale leaders [E15]: a node that still believes it leads although it cannot reach a majority
// of the cluster, or a leader of a later term has been elected (so a majority has moved on and
// will never acknowledge it again). A mere higher term somewhere, say of a node cut off on its
// own that keeps standing, does not make a leader with a majority stale. The node itself cannot know this
// (that is the lesson); the engine can, because it sees the faults and every node's term.
// Worked out again only when leaders, terms or faults change, never per message.

import type { NodeId } from '../../protocol/ids';
import { canReach } from '../../net/network';
import { mark, nodeOf, type Step } from './step';
import { nodeParam } from '../../protocol/notice';
import type { ElectionState, StalePeriod, StaleReason } from './state';

/** Ended periods kept for the console and the result; totals cover all of them. */
export const STALE_KEPT = 200;

function reachesMajority(st: Step, leader: NodeId): boolean {
  const { s, ctx } = st;
  let count = 1;
  if (count >= s.majority) return true;
  for (const n of s.nodes) {
    if (n === leader || nodeOf(s, n).down || (ctx.everyoneUp !== true && ctx.isDown(n))) continue;
    if (canReach(ctx.faults, leader, n) && canReach(ctx.faults, n, leader) && ++count >= s.majority) return true;
  }
  return false;
}

export function staleReason(st: Step, leader: NodeId): StaleReason | null {
  const n = nodeOf(st.s, leader);
  if (st.s.maxLeaderTerm > n.term) return 'superseded';
  return reachesMajority(st, leader) ? null : 'minority';
}

export function refreshStale(st: Step): void {
  const { s, ctx } = st;
  for (const leader of s.leaders) {
    const reason = staleReason(st, leader);
    const open = s.staleNow[leader];
    if (reason && !open) {
      const term = nodeOf(s, leader).term;
      s.staleNow[leader] = { node: leader, term, from: ctx.now, to: null, reason };
      mark(
        st,
        leader,
        'stale',
        { node: nodeParam(leader), term, reason },
        {
          event: 'stale',
          term,
          reason,
        },
      );
    } else if (reason && open) {
      open.reason = reason;
    } else if (!reason && open) {
      closeStale(s, leader, ctx.now);
    }
  }
  for (const node of Object.keys(s.staleNow)) if (!s.leaders.includes(node)) closeStale(s, node, ctx.now);
}

export function closeStale(s: ElectionState, node: NodeId, now: number): void {
  const open = s.staleNow[node];
  if (!open) return;
  delete s.staleNow[node];
  const done: StalePeriod = { ...open, to: now };
  const ms = now - open.from;
  s.staleTotals.count += 1;
  s.staleTotals.ms += ms;
  s.staleTotals.longestMs = Math.max(s.staleTotals.longestMs, ms);
  s.staleDone.push(done);
  if (s.staleDone.length > STALE_KEPT) s.staleDone.splice(0, s.staleDone.length - STALE_KEPT);
}
