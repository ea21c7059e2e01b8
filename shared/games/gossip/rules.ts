// What a node may do in a gossip round, and what its picks do. Every rule the server enforces
// is here, quoted by its README ID. Each function is O(picks), never O(nodes) for big rounds.

import type { NodeId } from '../../protocol/ids';
import { nodeParam, nodesParam } from '../../protocol/notice';
import type { Rng } from '../../rng';
import type { Effect, Rejection } from '../types';
import { cardInfo } from './cards';
import { KINDS, type CardBody, type GossipAction, type RumourBody } from './config';
import { NONE_ASKED, NONE_PICKED, nodeOf, picksNow, picksOf, REQUESTS_KEPT, withRng, type GossipNode, type GossipState } from './state';

export type Verb = 'tell' | 'ask';

/** What picking a name does for `node` right now, or why it can pick nobody [G5][G7][G8][G10]. */
export function allowedVerb(state: GossipState, node: NodeId): Verb | Rejection {
  return allowedVerbOf(state, state.per[node]);
}

/** allowedVerb for a node of the round already looked up (or none). */
export function allowedVerbOf(state: GossipState, me: GossipNode | undefined): Verb | Rejection {
  if (!me) return { code: 'not_playing' };
  if (state.over !== null) return { code: 'game_over' };
  const mode = state.config.mode;
  if (mode === 'highest-card') return 'tell';
  if (me.knows) {
    if (mode === 'pull') return { code: 'nothing_to_do' };
    if (me.learnedRound >= state.round) return { code: 'too_soon', params: { learned: me.learnedRound, next: me.learnedRound + 1 } };
    return 'tell';
  }
  if (mode === 'push') return { code: 'not_known', params: { mode } };
  return 'ask';
}

export function checkAction(state: GossipState, node: NodeId, action: GossipAction): Rejection | null {
  const wanted: Verb = action.type === 'tell' || action.type === 'tell-random' ? 'tell' : 'ask';
  const mode = state.config.mode;
  if (state.per[node] && state.over === null) {
    if ((wanted === 'ask' && (mode === 'push' || mode === 'highest-card')) || (wanted === 'tell' && mode === 'pull')) {
      return { code: 'wrong_mode', params: { mode } };
    }
  }
  const verb = allowedVerb(state, node);
  if (typeof verb !== 'string') return verb;
  if (wanted !== verb) {
    return wanted === 'ask' ? { code: 'already_known' } : { code: 'not_known', params: { mode } };
  }
  const round = state.round;
  const picks = picksNow(state, node);
  const left = state.config.fanout - picks.length;
  if (left <= 0) {
    return { code: 'no_picks_left', params: { count: picks.length, nodes: nodesParam(picks), round, next: round + 1 } };
  }
  if (action.type === 'tell-random' || action.type === 'ask-random') {
    const want = action.count ?? left;
    if (want > left) return tooMany(left, want, round);
    if (state.nodes.length - 1 - picks.length <= 0) return { code: 'no_one_left' };
    return null;
  }
  for (const [i, to] of action.to.entries()) {
    if (to === node) return { code: 'bad_target', params: { why: 'self', verb } };
    // Not in the round: the id is all there is to show (it may name nobody).
    if (!state.per[to]) return { code: 'bad_target', params: { why: 'unknown', verb, id: to } };
    if (action.to.indexOf(to) !== i) return { code: 'repeated_target', params: { why: 'twice', verb, node: nodeParam(to), round } };
    if (picks.includes(to)) return { code: 'repeated_target', params: { why: 'already', verb, node: nodeParam(to), round } };
  }
  if (action.to.length > left) return tooMany(left, action.to.length, round);
  return null;
}

function tooMany(left: number, want: number, round: number): Rejection {
  return { code: 'too_many', params: { left, round, want } };
}

/** Applies an accepted pick: the messages leave at once [G5][G6][G8][G10]. */
export function applyAction(state: GossipState, node: NodeId, action: GossipAction): Effect[] {
  const me = nodeOf(state, node);
  const targets =
    action.type === 'tell' || action.type === 'ask'
      ? action.to
      : randomTargets(state, node, action.count ?? state.config.fanout - picksOf(state, me).length);
  const verb: Verb = action.type === 'tell' || action.type === 'tell-random' ? 'tell' : 'ask';
  const [kind, body] = message(state, node, verb);
  takePicks(state, me, kind, targets);
  const effects: Effect[] = targets.map((to) => ({ type: 'send', from: node, to, kind, body }));
  effects.push({ type: 'changed', nodes: [node] });
  return effects;
}

/** What an accepted pick does to the picker's state: its picks of the round, the counts of what it sends. */
export function takePicks(state: GossipState, me: GossipNode, kind: string, targets: readonly NodeId[]): void {
  takePicksBy(state, me, kind, targets, (to) => to);
}

/** takePicks for targets named by `name` (the simulator's seats). */
export function takePicksBy<T>(state: GossipState, me: GossipNode, kind: string, targets: readonly T[], name: (t: T) => NodeId): void {
  // Last round's picks are nobody's any more (views and the console copy them): the list is reused.
  if (me.picks === NONE_PICKED) me.picks = [];
  const picks = me.picks;
  let k = picks.length;
  if (me.picksRound !== state.round) {
    me.picksRound = state.round;
    k = 0;
  }
  for (const to of targets) picks[k++] = name(to);
  if (picks.length !== k) picks.length = k;
  countSentOf(state, me, kind, targets.length);
}

function message(state: GossipState, node: NodeId, verb: Verb): [string, unknown] {
  if (verb === 'ask') return [KINDS.pull, {}];
  if (state.config.mode === 'highest-card') {
    const { best } = nodeOf(state, node);
    return [KINDS.card, { card: best, label: cardInfo(best, state.decks).label } satisfies CardBody];
  }
  return [KINDS.push, { word: state.word ?? '' } satisfies RumourBody];
}

/**
 * [G8] A pull request from `from` reaches `me`: kept for its phone, and answered at once (the
 * reply counted here, sent by the caller) if it has known since an earlier round. True if answered.
 */
export function takePull(state: GossipState, me: GossipNode, from: NodeId, now: number): boolean {
  const answered = me.knows && me.learnedRound < state.round && state.word !== null;
  if (me.requests === NONE_ASKED) me.requests = [];
  me.requests.push({ from, round: state.round, at: now, answered });
  if (me.requests.length > REQUESTS_KEPT) me.requests.splice(0, me.requests.length - REQUESTS_KEPT);
  if (answered) countSentOf(state, me, KINDS.reply, 1);
  return answered;
}

export function countSent(state: GossipState, node: NodeId, kind: string, n: number): void {
  countSentOf(state, nodeOf(state, node), kind, n);
}

export function countSentOf(state: GossipState, me: GossipNode, kind: string, n: number): void {
  // Each count by name (a store through a computed key is slow, and this runs per pick).
  const sent = state.sent;
  if (kind === KINDS.push) sent.push += n;
  else if (kind === KINDS.pull) sent.pull += n;
  else if (kind === KINDS.reply) sent.reply += n;
  else sent.card += n;
  me.sent += n;
  state.sentPerRound[state.round] = (state.sentPerRound[state.round] ?? 0) + n;
}

/**
 * Up to `want` distinct other nodes not yet picked this round, uniformly, from the game's rng
 * ("pick at random" is the server choosing, so the choice is recorded and replays) [G6].
 */
export function randomTargets(state: GossipState, node: NodeId, want: number): NodeId[] {
  return withRng(state, (rng) => pickPeers(state.nodes, node, picksNow(state, node), want, rng));
}

/**
 * Up to `k` distinct nodes other than `self` and `taken` (a subset of `nodes`), uniformly.
 * O(k²) in big rounds (k ≤ FANOUT_MAX, so no sets needed), O(N) only in small ones. The
 * simulator's fast path passes seat numbers for the ids, and draws the same numbers, and an
 * empty list `into` that big rounds fill and return (one list for all its bots).
 */
export function pickPeers<T>(nodes: readonly T[], self: T, taken: readonly T[], k: number, rng: Rng, into?: T[]): T[] {
  const free = nodes.length - 1 - taken.length;
  const want = Math.max(0, Math.min(k, free));
  const out: T[] = into ?? [];
  if (free > 4 * want + 8) {
    // Big round, few picks: rejection sampling.
    while (out.length < want) {
      const n = rng.pick(nodes);
      if (n !== self && !taken.includes(n) && !out.includes(n)) out.push(n);
    }
    return out;
  }
  for (const n of nodes) if (n !== self && !taken.includes(n)) out.push(n);
  return rng.sample(out, want);
}
