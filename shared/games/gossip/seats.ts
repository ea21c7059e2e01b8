// The gossip game's messages and autopilot over seats (GameEngine.seats), for the simulator's
// fast path: a 100,000-node trial sends a million and a half messages, and an envelope object,
// a list of effects and a look-up of both ends by id for each of them was most of its cost.
// Here a message is (from seat, to seat, kind), a node is found by its seat, and every rule is
// the engine's own function on the same state (learn, takePull, takePicksBy, pickPeers, checkEnd,
// botIdleOf, allowedVerbOf), called in the order the engine calls them.
//
// highest-card mode keeps to envelopes (its messages carry cards): null, and the simulator
// plays it through the engine.

import type { NodeId } from '../../protocol/ids';
import type { SeatRules } from '../types';
import { botIdleOf } from './bot';
import { KINDS } from './config';
import { checkEnd } from './ending';
import { allowedVerbOf, pickPeers, takePicksBy, takePull } from './rules';
import { learn, nodesInOrder, picksOf, redundant, type GossipNode, type GossipState } from './state';

/** The kinds of message, by number. */
const PUSH = 0;
const PULL = 1;
const REPLY = 2;

export function gossipSeats(state: GossipState, nodes: readonly NodeId[]): SeatRules | null {
  if (state.config.mode === 'highest-card') return null;
  // Seats are the positions in `nodes`; the round's own list must be the same.
  if (nodes.length !== state.nodes.length || nodes.some((n, i) => state.nodes[i] !== n)) return null;
  const bySeat = nodesInOrder(state);
  const seats = nodes.map((_, i) => i);
  let seatOfId: Map<NodeId, number> | null = null;
  const seatOf = (n: NodeId): number => {
    seatOfId ??= new Map(nodes.map((id, i) => [id, i]));
    return seatOfId.get(n) ?? -1;
  };
  const none: readonly number[] = [];
  const scratch: number[] = [];
  const name = (t: number): NodeId => nodes[t] as NodeId;

  return {
    // The engine's deliver for push, pull and reply.
    deliver(from, to, kind, ctx, out) {
      if (state.over !== null) return;
      const me = bySeat[to] as GossipNode;
      state.delivered++;
      if (kind === PULL) {
        out.changed(to);
        if (takePull(state, me, nodes[from] as NodeId, ctx.now)) out.send(to, from, REPLY);
        return;
      }
      me.heard++;
      if (me.knows) {
        redundant(state);
        return;
      }
      out.changed(to);
      out.apply(learn(state, nodes[to] as NodeId, nodes[from] as NodeId, ctx.now));
      out.apply(checkEnd(state, ctx));
    },

    // botIdle, then gossipBotAct's pick, then applyAction's.
    botTurn(s, rng, out) {
      const me = bySeat[s];
      if (!me || botIdleOf(state, me)) return;
      const verb = allowedVerbOf(state, me);
      if (typeof verb !== 'string') return;
      const picks = picksOf(state, me);
      const left = state.config.fanout - picks.length;
      scratch.length = 0;
      const to = pickPeers(seats, s, picks.length ? picks.map(seatOf) : none, left, rng, scratch);
      if (to.length === 0) return;
      // Distinct seats other than its own, not picked yet this round, no more than it has left:
      // the action checkAction would accept.
      out.accept();
      const kind = verb === 'tell' ? PUSH : PULL;
      takePicksBy(state, me, kind === PUSH ? KINDS.push : KINDS.pull, to, name);
      for (const t of to) out.send(s, t, kind);
      out.changed(s);
    },
  };
}
