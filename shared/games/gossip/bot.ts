// The autopilot [G12]: as soon as its node may pick, it picks all its picks uniformly at random
// among the round's other nodes (the textbook gossip node, with no memory of who knows).
// It sees only its own view; peers come from BotCtx.nodes, so the view need not list the room.

import type { NodeId } from '../../protocol/ids';
import type { Rng } from '../../rng';
import type { BotCtx } from '../types';
import type { GossipAction, GossipConfig } from './config';
import { allowedVerb, pickPeers } from './rules';
import { picksNow, picksOf, type GossipNode, type GossipState } from './state';
import type { GossipNodeView } from './view';

export function gossipBot(v: GossipNodeView | null, ctx: BotCtx<GossipConfig>): GossipAction[] {
  if (!v || v.verb === null || v.picksLeft <= 0) return [];
  const to = pickPeers(ctx.nodes, ctx.node, v.picks, v.picksLeft, ctx.rng);
  return to.length ? [{ type: v.verb, to }] : [];
}

/** What gossipBot does with nodeView(state, node), from the state (the simulator's fast path). */
export function gossipBotAct(state: GossipState, node: NodeId, ctx: BotCtx<GossipConfig>): GossipAction[] {
  if (!state.per[node]) return [];
  const verb = allowedVerb(state, node);
  if (typeof verb !== 'string') return [];
  const picks = picksNow(state, node);
  const left = state.config.fanout - picks.length;
  if (left <= 0) return [];
  const to = pickPeers(ctx.nodes, node, picks, left, ctx.rng);
  return to.length ? [{ type: verb, to }] : [];
}

/**
 * The autopilot surely does nothing now: its node may pick nobody (allowedVerb gives no verb:
 * the game is over, push mode and the node does not know, pull mode and it knows, or it learned
 * this round) or has no picks left. Without building the view, for a 100,000-node simulation
 * where every round's tick changes every view.
 */
export function botIdle(state: GossipState, node: NodeId): boolean {
  return botIdleOf(state, state.per[node]);
}

/** botIdle for a node of the round already looked up (or none). */
export function botIdleOf(state: GossipState, me: GossipNode | undefined): boolean {
  if (!me || state.over !== null) return true;
  const mode = state.config.mode;
  const may = mode === 'highest-card' || (me.knows ? mode !== 'pull' && me.learnedRound < state.round : mode !== 'push');
  return !may || state.config.fanout - picksOf(state, me).length <= 0;
}

/**
 * How long the autopilot waits after its view changes: a human-looking pause for phones
 * (botDelayMs plus up to botJitterMs), never so long that it misses the round.
 */
export function botDelay(state: GossipState, rng: Rng): number {
  const { botDelayMs, botJitterMs, roundMs } = state.config;
  const delay = botDelayMs + (botJitterMs > 0 ? rng.int(botJitterMs + 1) : 0);
  return Math.min(delay, Math.floor(roundMs * 0.9));
}
