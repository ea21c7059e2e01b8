// The decision phase: Raft log replication and commit [E9]-[E13]. The leader's proposals go
// into a replicated log; AppendEntries (a heartbeat is an empty one) carries them with the
// prevLogIndex/prevLogTerm consistency check; followers acknowledge automatically; the leader
// commits an entry of its own term once a majority stores it, and followers learn the commit
// index from the next AppendEntries. The engine also checks, at every commit, that no
// committed entry is ever lost or changed [E16].

import type { NodeId } from '../../protocol/ids';
import { nodeParam, nodesParam, notice, type Notice } from '../../protocol/notice';
import type { Envelope } from '../types';
import { observeTerm, toFollower } from './follow';
import { armElection, armHeartbeat, entryAt, leadOf, mark, nodeOf, notify, send, type Step } from './step';
import { KIND } from './config';
import { ENTRIES_PER_MESSAGE, type AppendBody, type AppendReplyBody, type LogEntry } from './state';

/** Violations kept (a correct engine has none; the fuzz test asserts that). */
const VIOLATIONS_MAX = 100;

/** A broken safety property: kept for the result and marked on the timeline (`election.violation.<code>`). */
export function violate(st: Step, code: string, params: Notice['params']): void {
  const what = notice(`election.violation.${code}`, params);
  if (st.s.violations.length < VIOLATIONS_MAX) st.s.violations.push({ ...what, at: st.ctx.now });
  if (st.out) st.out.mark();
  else st.fx.push({ type: 'mark', notice: what, data: { event: 'violation' } });
}

export function sendAppend(st: Step, leader: NodeId, to: NodeId): void {
  const n = nodeOf(st.s, leader);
  const lead = leadOf(n, leader);
  const prev = (lead.nextIndex[to] ?? lead.base + 1) - 1;
  const body: AppendBody = {
    term: n.term,
    prevLogIndex: prev,
    prevLogTerm: prev > 0 ? entryAt(n.log, prev).term : 0,
    entries: prev >= n.log.length ? [] : n.log.slice(prev, prev + ENTRIES_PER_MESSAGE).map((e) => ({ ...e })),
    leaderCommit: n.commitIndex,
  };
  send(st, leader, to, KIND.append, body);
}

/** The server sends the leader's heartbeats for it, on its heartbeat timer [E9]. */
export function heartbeat(st: Step, leader: NodeId): void {
  const { s, ctx } = st;
  const lead = leadOf(nodeOf(s, leader), leader);
  if (lead.heartbeats > 0) lead.lastRoundAnswered = lead.answeredCount;
  lead.answered = {};
  lead.answeredCount = 0;
  lead.heartbeats += 1;
  lead.lastHeartbeatAt = ctx.now;
  for (const to of s.nodes) if (to !== leader) sendAppend(st, leader, to);
  armHeartbeat(st, leader);
  st.changed.add(leader);
}

export function propose(st: Step, leader: NodeId, value: string): void {
  const { s } = st;
  const n = nodeOf(s, leader);
  n.log.push({ term: n.term, value, by: leader });
  leadOf(n, leader).proposedThisTerm = true;
  const index = n.log.length;
  mark(st, leader, 'proposed', { node: nodeParam(leader), value, term: n.term }, { event: 'proposed', term: n.term, index, value });
  notify(st, leader, 'you_proposed', { value, majority: s.majority, total: s.nodes.length });
  // Replicate at once rather than waiting for the next heartbeat.
  for (const to of s.nodes) if (to !== leader) sendAppend(st, leader, to);
  advanceCommit(st, leader);
}

/** A follower (or candidate, or stale leader) receives AppendEntries [E7][E11]. */
export function onAppend(st: Step, env: Envelope): void {
  const node = env.to;
  const n = nodeOf(st.s, node);
  const b = env.body as AppendBody;
  if (b.term < n.term) {
    // A leader of an old term: the reply's term makes it step down.
    replyAppend(st, env, n.term, false, 0);
    return;
  }
  observeTerm(st, node, b.term, env.from);
  if (n.role === 'leader') {
    violate(st, 'leaders', { count: 2, term: b.term, nodes: nodesParam([node, env.from]) });
    return;
  }
  if (n.role === 'candidate') {
    toFollower(st, node, env.from);
    notify(st, node, 'lost', { node: nodeParam(env.from), term: n.term });
  }
  // A leader of this term is alive: no pre-vote of its own is needed any more [E19].
  n.preVote = null;
  if (n.leaderId !== env.from) {
    n.leaderId = env.from;
    n.heard = { count: 0, at: null };
  }
  n.heard = { count: n.heard.count + 1, at: st.ctx.now };
  if (n.pending.length) {
    // The election is over as far as this node knows: unanswered requests (all of this term or
    // older) would change nothing, so the phone stops asking.
    n.pending = [];
    notify(st, node, 'requests_closed', { node: nodeParam(env.from), term: n.term });
  }
  // A heartbeat from the leader resets the election timer [E2].
  armElection(st, node);

  const prev = b.prevLogIndex;
  if (prev > n.log.length || (prev > 0 && entryAt(n.log, prev).term !== b.prevLogTerm)) {
    replyAppend(st, env, n.term, false, conflictHint(n.log, prev));
    return;
  }
  for (let i = 0; i < b.entries.length; i++) {
    const e = b.entries[i] as LogEntry;
    const index = prev + 1 + i;
    const mine = n.log[index - 1];
    if (mine && mine.term === e.term) continue;
    if (mine) {
      // A conflicting entry and everything after it go: the leader's log wins.
      if (index <= n.commitIndex) violate(st, 'overwrite', { node: nodeParam(node), index });
      n.log.length = index - 1;
    }
    n.log.push({ ...e });
  }
  const lastNew = prev + b.entries.length;
  learnCommit(st, node, Math.min(b.leaderCommit, lastNew));
  replyAppend(st, env, n.term, true, lastNew);
}

/** The receiver's answer to an AppendEntries (a function of its own, not a closure made per message). */
function replyAppend(st: Step, env: Envelope, term: number, success: boolean, matchIndex: number): void {
  send(st, env.to, env.from, KIND.appendReply, { term, success, matchIndex } satisfies AppendReplyBody);
}

/** Where the leader should retry from: skip back over the whole conflicting term at once. */
function conflictHint(log: readonly LogEntry[], prev: number): number {
  if (prev > log.length) return log.length;
  const term = entryAt(log, prev).term;
  let i = prev - 1;
  while (i > 0 && entryAt(log, i).term === term) i--;
  return i;
}

/** The leader hears back from a follower [E12][E17]. */
export function onAppendReply(st: Step, env: Envelope): void {
  const leader = env.to;
  const n = nodeOf(st.s, leader);
  const b = env.body as AppendReplyBody;
  if (observeTerm(st, leader, b.term, env.from)) return;
  // Replies to an earlier term, or arriving after stepping down, count for nothing.
  if (n.role !== 'leader' || b.term !== n.term || !n.lead) return;
  const lead = n.lead;
  const f = env.from;
  lead.lastReplyAt[f] = st.ctx.now;
  if (!lead.answered[f]) {
    lead.answered[f] = true;
    lead.answeredCount += 1;
  }
  const match = lead.matchIndex[f] ?? 0;
  const next = lead.nextIndex[f] ?? lead.base + 1;
  if (b.success) {
    const m = Math.min(b.matchIndex, n.log.length);
    if (m <= match) return;
    lead.matchIndex[f] = m;
    if (m + 1 > next) lead.nextIndex[f] = m + 1;
    // Each follower counts once per index, and only above the commit index.
    for (let i = Math.max(match, n.commitIndex) + 1; i <= m; i++) lead.acks[i] = (lead.acks[i] ?? 0) + 1;
    if (m >= n.log.length) st.changed.add(leader);
    advanceCommit(st, leader);
    // A follower far behind gets the next batch now.
    if (m < n.log.length) sendAppend(st, leader, f);
    return;
  }
  const retry = Math.max(match + 1, Math.min(next - 1, b.matchIndex + 1));
  if (retry < next) {
    lead.nextIndex[f] = retry;
    sendAppend(st, leader, f);
  }
}

/** Commits the highest index a majority stores, if the entry there is of the leader's term. */
function advanceCommit(st: Step, leader: NodeId): void {
  const { s } = st;
  const n = nodeOf(s, leader);
  const lead = leadOf(n, leader);
  let commit = n.commitIndex;
  for (let i = n.commitIndex + 1; i <= n.log.length; i++) {
    if (1 + (lead.acks[i] ?? 0) < s.majority) break;
    // An entry of an earlier term is committed only by committing one of this term after it.
    if (entryAt(n.log, i).term === n.term) commit = i;
  }
  if (commit <= n.commitIndex) return;
  for (let i = n.commitIndex + 1; i <= commit; i++) recordCommit(st, leader, i);
  n.commitIndex = commit;
  for (const key of Object.keys(lead.acks)) if (Number(key) <= commit) delete lead.acks[key];
  notify(st, leader, 'committed', { value: entryAt(n.log, commit).value });
}

/** The first commit of each index is the truth; any later commit of it must agree [E16]. */
function recordCommit(st: Step, leader: NodeId, index: number): void {
  const { s, ctx } = st;
  const n = nodeOf(s, leader);
  const e = entryAt(n.log, index);
  const known = s.committed[index - 1];
  if (known) {
    if (known.term !== e.term || known.value !== e.value) {
      violate(st, 'recommitted', { index, old: known.value, value: e.value, node: nodeParam(leader) });
    }
    return;
  }
  s.committed.push({ index, term: e.term, value: e.value, by: e.by, at: ctx.now, leaderTerm: n.term });
  mark(st, leader, 'committed', { value: e.value, index, term: e.term }, { event: 'committed', index, term: e.term, value: e.value });
}

/** A follower learns the commit index from its leader [E12]. */
function learnCommit(st: Step, node: NodeId, upTo: number): void {
  const { s } = st;
  const n = nodeOf(s, node);
  if (upTo <= n.commitIndex) return;
  for (let i = n.commitIndex + 1; i <= upTo; i++) {
    const e = entryAt(n.log, i);
    const known = s.committed[i - 1];
    if (!known || known.term !== e.term || known.value !== e.value) {
      violate(st, 'diverged', { node: nodeParam(node), value: e.value, index: i });
    }
  }
  n.commitIndex = upTo;
  notify(st, node, 'learned_commit', { value: entryAt(n.log, upTo).value });
}

/** The node's own proposal of its current term that is not committed yet, if any [E10]. */
export function pendingOwn(n: { term: number; log: LogEntry[]; commitIndex: number }, node: NodeId): LogEntry | null {
  for (let i = n.log.length; i > n.commitIndex; i--) {
    const e = entryAt(n.log, i);
    if (e.term < n.term) break;
    if (e.by === node) return e;
  }
  return null;
}
