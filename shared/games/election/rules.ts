// Why a node may not do an action now. The server enforces every rule here; the messages are
// read by students on their phones. Never changes the state.

import type { NodeId } from '../../protocol/ids';
import type { EngineCtx, Rejection } from '../types';
import { pendingOwn } from './log';
import { cardOf, lastLogTerm, upToDate } from './step';
import type { ElectionAction } from './config';
import { LOG_MAX, type ElectionState, type NodeState, type PendingVote } from './state';

export function checkAction(s: ElectionState, node: NodeId, action: ElectionAction, ctx: EngineCtx): Rejection | null {
  const n = s.node[node];
  if (!n) return { code: 'not_playing', message: 'You joined after this round started: you will play in the next one.' };
  if (n.down || ctx.isDown(node)) {
    return { code: 'crashed', message: 'Your node is crashed: it can do nothing until the instructor restarts it.' };
  }
  switch (action.type) {
    case 'stand':
      return checkStand(n);
    case 'vote': {
      const req = n.pending.find((p) => p.candidate === action.candidate);
      if (!req) {
        return { code: 'no_request', message: `There is no vote request from ${cardOf(s, action.candidate)} to answer.` };
      }
      return action.grant ? whyNotGrant(s, node, n, req) : null;
    }
    case 'propose':
      return checkPropose(n, node);
  }
}

function checkStand(n: NodeState): Rejection | null {
  if (n.role === 'leader') return { code: 'already_leader', message: `You are already the leader of term ${n.term}.` };
  if (!n.expired) {
    return {
      code: 'timer_running',
      message: 'Your election timer is still running: you may stand for election only when it has run out.',
    };
  }
  return null;
}

/** Why granting this request would break Raft [E4][E5], or null. Shown on the phone too. */
export function whyNotGrant(s: ElectionState, voter: NodeId, n: NodeState, req: PendingVote): Rejection | null {
  const who = cardOf(s, req.candidate);
  if (req.term < n.term) {
    return {
      code: 'stale_request',
      message: `${who} asked for your vote in term ${req.term}, but you are in term ${n.term} now: that request is out of date.`,
    };
  }
  if (n.votedFor !== null && n.votedFor !== req.candidate) {
    return {
      code: 'already_voted',
      message:
        n.votedFor === voter
          ? `You voted for yourself in term ${n.term} when you stood: one vote per term.`
          : `You already voted for ${cardOf(s, n.votedFor)} in term ${n.term}: one vote per term.`,
    };
  }
  if (!upToDate(req.lastLogTerm, req.lastLogIndex, lastLogTerm(n), n.log.length)) {
    return {
      code: 'log_behind',
      message:
        `${who}'s log is behind yours (it ends at entry ${req.lastLogIndex} of term ${req.lastLogTerm}; ` +
        `yours at entry ${n.log.length} of term ${lastLogTerm(n)}): Raft only elects a candidate whose log is at least as up to date as yours.`,
    };
  }
  return null;
}

function checkPropose(n: NodeState, node: NodeId): Rejection | null {
  if (n.role !== 'leader') {
    return { code: 'not_leader', message: `Only the leader can propose the restaurant; you are a ${n.role} in term ${n.term}.` };
  }
  const own = pendingOwn(n, node);
  if (own) {
    return {
      code: 'proposal_pending',
      message: `Your proposal "${own.value}" is not committed yet: wait until a majority stores it.`,
    };
  }
  if (n.log.length >= LOG_MAX) return { code: 'log_full', message: `The log is full (${LOG_MAX} entries): no more proposals this round.` };
  return null;
}
