// Why a node may not do an action now. The server enforces every rule here; the client words
// each refusal for the student's phone (`error.election.<code>`). Never changes the state.

import type { NodeId } from '../../protocol/ids';
import { nodeParam } from '../../protocol/notice';
import type { EngineCtx, Rejection } from '../types';
import { pendingOwn } from './log';
import { lastLogTerm, upToDate } from './step';
import type { ElectionAction } from './config';
import { LOG_MAX, type ElectionState, type NodeState, type PendingVote } from './state';

export function checkAction(s: ElectionState, node: NodeId, action: ElectionAction, ctx: EngineCtx): Rejection | null {
  const n = s.node[node];
  if (!n) return { code: 'not_playing' };
  if (n.down || (ctx.everyoneUp !== true && ctx.isDown(node))) return { code: 'crashed' };
  switch (action.type) {
    case 'stand':
      return checkStand(n);
    case 'vote': {
      const req = n.pending.find((p) => p.candidate === action.candidate);
      if (!req) return { code: 'no_request', params: { node: nodeParam(action.candidate) } };
      return action.grant ? whyNotGrant(s, node, n, req) : null;
    }
    case 'propose':
      return checkPropose(n, node);
  }
}

function checkStand(n: NodeState): Rejection | null {
  if (n.role === 'leader') return { code: 'already_leader', params: { term: n.term } };
  if (!n.expired) return { code: 'timer_running' };
  return null;
}

/** Why granting this request would break Raft [E4][E5], or null. Shown on the phone too. */
export function whyNotGrant(_s: ElectionState, voter: NodeId, n: NodeState, req: PendingVote): Rejection | null {
  const who = nodeParam(req.candidate);
  if (req.term < n.term) return { code: 'stale_request', params: { node: who, asked: req.term, term: n.term } };
  if (n.votedFor !== null && n.votedFor !== req.candidate) {
    return { code: 'already_voted', params: { self: n.votedFor === voter, node: nodeParam(n.votedFor), term: n.term } };
  }
  if (!upToDate(req.lastLogTerm, req.lastLogIndex, lastLogTerm(n), n.log.length)) {
    return {
      code: 'log_behind',
      params: { node: who, theirIndex: req.lastLogIndex, theirTerm: req.lastLogTerm, myIndex: n.log.length, myTerm: lastLogTerm(n) },
    };
  }
  return null;
}

function checkPropose(n: NodeState, node: NodeId): Rejection | null {
  if (n.role !== 'leader') return { code: 'not_leader', params: { role: n.role, term: n.term } };
  const own = pendingOwn(n, node);
  if (own) return { code: 'proposal_pending', params: { value: own.value } };
  if (n.log.length >= LOG_MAX) return { code: 'log_full', params: { max: LOG_MAX } };
  return null;
}
