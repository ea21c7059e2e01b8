// Raft's election [E2]-[E8], crashes and restarts [E14]. Humans and bots are treated alike:
// an expired timer only lets a node stand and a vote request waits for an answer; bots (and
// phones on autopilot) take those actions through the same checks as a student's taps.

import type { NodeId } from '../../protocol/ids';
import { nodeParam, nodesParam } from '../../protocol/notice';
import type { Envelope } from '../types';
import { observeTerm, toFollower } from './follow';
import { heartbeat, violate } from './log';
import {
  armElection,
  cancelTimer,
  cancelTimers,
  lastLogTerm,
  mark,
  nodeOf,
  notify,
  raiseMaxTerm,
  send,
  setTimer,
  TIMER,
  upToDate,
  type Step,
} from './step';
import { KIND } from './config';
import {
  PENDING_MAX,
  type ElectionState,
  type PreVoteBody,
  type PreVoteRequestBody,
  type TermRecord,
  type VoteBody,
  type VoteRequestBody,
} from './state';

/** Term records kept for the console's timeline and the result; older ones are summarised. */
export const TERMS_KEPT = 500;
const LEADER_IDS_MAX = 1_000;

export function termRecord(s: ElectionState, term: number, now: number): TermRecord {
  const key = String(term);
  let rec = s.terms[key];
  if (!rec) {
    rec = { term, startedAt: now, candidates: {}, leaders: [], wonAt: null };
    s.terms[key] = rec;
    const keys = Object.keys(s.terms);
    if (keys.length > TERMS_KEPT) {
      // Integer keys iterate in ascending order: the first is the oldest term.
      const oldestKey = keys[0];
      const oldest = oldestKey === undefined ? undefined : s.terms[oldestKey];
      if (oldestKey !== undefined && oldest) {
        delete s.terms[oldestKey];
        s.dropped.terms += 1;
        if (isSplit(oldest)) s.dropped.splitVotes += 1;
      }
    }
  }
  return rec;
}

/** Two or more candidates stood and none of them won. */
export function isSplit(rec: TermRecord): boolean {
  return rec.leaders.length === 0 && Object.keys(rec.candidates).length >= 2;
}

/** The election timer ran out [E3][E8]: the node may stand now (it does not stand by itself). */
export function onElectionTimer(st: Step, node: NodeId): void {
  const n = nodeOf(st.s, node);
  if (n.role === 'leader') return;
  n.expired = true;
  if (n.role === 'candidate') notify(st, node, 'timer.expired_candidate', { term: n.term, next: n.term + 1 });
  else notify(st, node, 'timer.expired');
}

/**
 * The node stands [E3]. With pre-vote [E19] it first asks whether a majority would vote for it
 * in its next term, and raises its term only once they said yes; otherwise it campaigns at once.
 */
export function stand(st: Step, node: NodeId): void {
  if (st.s.config.preVote === true) preStand(st, node);
  else campaign(st, node);
}

/** Term + 1, a vote for itself, RequestVote to every other node [E3]. */
export function campaign(st: Step, node: NodeId): void {
  const { s, ctx } = st;
  const n = nodeOf(s, node);
  n.preVote = null;
  n.term += 1;
  n.role = 'candidate';
  n.votedFor = node;
  n.votes = { [node]: true };
  n.voteCount = 1;
  n.refused = {};
  n.refusedCount = 0;
  n.leaderId = null;
  n.heard = { count: 0, at: null };
  raiseMaxTerm(st, n.term);
  s.elections += 1;
  termRecord(s, n.term, ctx.now).candidates[node] = 1;
  armElection(st, node);
  mark(st, node, 'stands', { node: nodeParam(node), term: n.term }, { event: 'candidate', term: n.term });
  notify(st, node, 'stood', { term: n.term, majority: s.majority });
  const body: VoteRequestBody = { term: n.term, lastLogIndex: n.log.length, lastLogTerm: lastLogTerm(n) };
  for (const to of s.nodes) if (to !== node) send(st, node, to, KIND.voteRequest, body);
  if (n.voteCount >= s.majority) becomeLeader(st, node);
}

/**
 * Pre-vote [E19] (Ongaro's thesis, section 9.6): the node keeps its term and asks every other
 * node whether it would vote for it in term + 1. A fresh election timer lets it ask again.
 */
function preStand(st: Step, node: NodeId): void {
  const { s } = st;
  const n = nodeOf(s, node);
  n.preVote = { term: n.term + 1, votes: { [node]: true }, count: 1 };
  n.leaderId = null;
  armElection(st, node);
  mark(st, node, 'pre_candidate', { node: nodeParam(node), term: n.term + 1 }, { event: 'pre-candidate', term: n.term + 1 });
  notify(st, node, 'pre_vote', { others: s.majority - 1, term: n.term + 1, current: n.term });
  const body: PreVoteRequestBody = { term: n.term + 1, lastLogIndex: n.log.length, lastLogTerm: lastLogTerm(n) };
  for (const to of s.nodes) if (to !== node) send(st, node, to, KIND.preVoteRequest, body);
  if (n.preVote.count >= s.majority) campaign(st, node);
}

/**
 * A pre-vote request, answered by the server for the node [E19]: yes if the term asked for is
 * above the node's, the asker's log is at least as up to date, and the node has not heard from
 * a leader within the minimum election timeout (a leader never says yes). Nothing changes at
 * the node: not its term, not its vote, not its timer.
 */
export function onPreVoteRequest(st: Step, env: Envelope): void {
  const { s, ctx } = st;
  const node = env.to;
  const n = nodeOf(s, node);
  const b = env.body as PreVoteRequestBody;
  const leaderRecently = n.role === 'leader' || (n.heard.at !== null && ctx.now - n.heard.at < s.timing.timeoutMs[0]);
  const granted = b.term > n.term && !leaderRecently && upToDate(b.lastLogTerm, b.lastLogIndex, lastLogTerm(n), n.log.length);
  send(st, node, env.from, KIND.preVote, { term: granted ? b.term : Math.max(n.term, b.term - 1), granted } satisfies PreVoteBody);
}

/** An answer to the node's pre-vote request: a majority of yeses and it stands for real [E19]. */
export function onPreVote(st: Step, env: Envelope): void {
  const node = env.to;
  const n = nodeOf(st.s, node);
  const b = env.body as PreVoteBody;
  if (!b.granted) {
    // A refusal carries the voter's term: a node behind learns it, as from any message.
    observeTerm(st, node, b.term, env.from);
    return;
  }
  const pv = n.preVote;
  if (!pv || b.term !== pv.term || pv.votes[env.from]) return;
  pv.votes[env.from] = true;
  pv.count += 1;
  st.changed.add(node);
  if (pv.count >= st.s.majority) campaign(st, node);
}

/** A node receives a vote request: it waits for the node's answer (the student or its bot). */
export function onVoteRequest(st: Step, env: Envelope): void {
  const node = env.to;
  const n = nodeOf(st.s, node);
  const b = env.body as VoteRequestBody;
  observeTerm(st, node, b.term, env.from);
  // One request per candidate: a newer one replaces it, an older copy is ignored.
  const i = n.pending.findIndex((p) => p.candidate === env.from);
  const earlier = n.pending[i];
  if (earlier) {
    if (earlier.term > b.term) return;
    n.pending.splice(i, 1);
  }
  n.pending.push({
    candidate: env.from,
    term: b.term,
    lastLogIndex: b.lastLogIndex,
    lastLogTerm: b.lastLogTerm,
    receivedAt: st.ctx.now,
  });
  if (n.pending.length > PENDING_MAX) n.pending.shift();
  st.changed.add(node);
}

/** Grant or refuse, once `check` has accepted it [E4][E5]. */
export function answerVote(st: Step, node: NodeId, candidate: NodeId, grant: boolean): void {
  const n = nodeOf(st.s, node);
  const i = n.pending.findIndex((p) => p.candidate === candidate);
  const req = n.pending[i];
  if (!req) throw new Error(`election: ${node} has no vote request from ${candidate} to answer`);
  n.pending.splice(i, 1);
  const who = nodeParam(candidate);
  if (grant) {
    n.votedFor = candidate;
    // Granting a vote resets the election timer, like a heartbeat.
    armElection(st, node);
    notify(st, node, 'voted', { node: who, term: n.term });
  } else {
    notify(st, node, 'refused', { node: who, term: req.term });
  }
  send(st, node, candidate, KIND.vote, { term: n.term, granted: grant } satisfies VoteBody);
}

/** A candidate counts votes from distinct nodes in its current term only [E6][E17]. */
export function onVote(st: Step, env: Envelope): void {
  const node = env.to;
  const n = nodeOf(st.s, node);
  const b = env.body as VoteBody;
  if (observeTerm(st, node, b.term, env.from)) return;
  if (n.role !== 'candidate' || b.term !== n.term) return;
  if (b.granted) {
    if (n.votes[env.from]) return;
    n.votes[env.from] = true;
    n.voteCount += 1;
    termRecord(st.s, n.term, st.ctx.now).candidates[node] = n.voteCount;
    st.changed.add(node);
    if (n.voteCount >= st.s.majority) becomeLeader(st, node);
  } else if (!n.refused[env.from]) {
    n.refused[env.from] = true;
    n.refusedCount += 1;
    st.changed.add(node);
  }
}

export function becomeLeader(st: Step, node: NodeId): void {
  const { s, ctx } = st;
  const n = nodeOf(s, node);
  n.role = 'leader';
  n.leaderId = node;
  n.expired = false;
  n.lead = {
    base: n.log.length,
    nextIndex: {},
    matchIndex: {},
    acks: {},
    heartbeats: 0,
    lastHeartbeatAt: null,
    answered: {},
    answeredCount: 0,
    lastRoundAnswered: null,
    proposedThisTerm: false,
    lastReplyAt: {},
  };
  if (s.config.checkQuorum === true) armQuorumCheck(st, node);
  s.leaders.push(node);
  s.maxLeaderTerm = Math.max(s.maxLeaderTerm, n.term);
  st.dirty = true;
  cancelTimer(st, TIMER.timeout, node);

  const rec = termRecord(s, n.term, ctx.now);
  if (!rec.leaders.includes(node)) rec.leaders.push(node);
  rec.wonAt ??= ctx.now;
  if (rec.leaders.length > 1) violate(st, 'leaders', { count: rec.leaders.length, term: n.term, nodes: nodesParam(rec.leaders) });
  s.maxLeadersPerTerm = Math.max(s.maxLeadersPerTerm, rec.leaders.length);
  if (s.firstLeaderAt === null) {
    s.firstLeaderAt = ctx.now;
    s.firstLeaderTerm = n.term;
  }
  if (s.leaderIds.length < LEADER_IDS_MAX) s.leaderIds.push(node);
  // Leader completeness: a leader's log holds every entry committed in an earlier term [E16].
  // (A late majority can still make a node leader of a term older than a commit: not a fault.)
  for (const c of s.committed) {
    if (c.leaderTerm >= n.term) continue;
    const e = n.log[c.index - 1];
    if (!e || e.term !== c.term || e.value !== c.value) {
      violate(st, 'missing_commit', { node: nodeParam(node), term: n.term, index: c.index, value: c.value });
      break;
    }
  }
  mark(st, node, 'leader', { node: nodeParam(node), term: n.term }, { event: 'leader', term: n.term, votes: n.voteCount });
  notify(st, node, 'won', { term: n.term, votes: n.voteCount, total: s.nodes.length });
  heartbeat(st, node);
}

/** CheckQuorum [E20]: the next check, one minimum election timeout from now. */
function armQuorumCheck(st: Step, node: NodeId): void {
  setTimer(st, TIMER.quorum, st.s.timing.timeoutMs[0], node);
}

/**
 * CheckQuorum [E20] (Ongaro's thesis, section 6.2): a leader that has not heard from a
 * majority (itself included) within the last minimum election timeout steps down.
 */
export function onQuorumCheck(st: Step, node: NodeId): void {
  const { s, ctx } = st;
  const n = nodeOf(s, node);
  if (s.config.checkQuorum !== true || n.role !== 'leader' || !n.lead) return;
  const since = ctx.now - s.timing.timeoutMs[0];
  const heard = 1 + Object.values(n.lead.lastReplyAt).filter((at) => at >= since).length;
  if (heard >= s.majority) {
    armQuorumCheck(st, node);
    return;
  }
  mark(st, node, 'check_quorum', { node: nodeParam(node), term: n.term }, { event: 'check-quorum', term: n.term, heard });
  toFollower(st, node, null);
  n.leaderId = null;
  notify(st, node, 'check_quorum', { heard, total: s.nodes.length });
}

/** The node crashed (or left): it loses what it kept in memory [E14]. */
export function crash(st: Step, node: NodeId): void {
  const { s } = st;
  const n = nodeOf(s, node);
  n.down = true;
  if (n.role === 'leader') {
    s.leaders = s.leaders.filter((l) => l !== node);
    mark(st, node, 'leader_crashed', { node: nodeParam(node), term: n.term }, { event: 'leader-crashed', term: n.term });
  }
  n.role = 'follower';
  n.lead = null;
  n.votes = {};
  n.voteCount = 0;
  n.refused = {};
  n.refusedCount = 0;
  n.pending = [];
  n.inbox = [];
  n.preVote = null;
  n.expired = false;
  n.leaderId = null;
  n.heard = { count: 0, at: null };
  cancelTimers(st, node);
  st.dirty = true;
  notify(st, node, 'crashed');
}

/** Back from a crash: a follower with its term, vote and log, and a fresh timer [E14]. */
export function restart(st: Step, node: NodeId): void {
  const n = nodeOf(st.s, node);
  n.down = false;
  armElection(st, node);
  st.dirty = true;
  notify(st, node, 'restarted', { term: n.term });
}

/** Brings the engine's idea of who is down in line with the session's. */
export function syncDown(st: Step): void {
  for (const node of st.s.nodes) {
    const down = st.ctx.isDown(node);
    const n = nodeOf(st.s, node);
    if (down && !n.down) crash(st, node);
    else if (!down && n.down) restart(st, node);
  }
}
