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
import type { Rng } from '../../rng';
import type { SeatRules } from '../types';
import { botIdleOf } from './bot';
import { KINDS } from './config';
import { checkEnd } from './ending';
import { allowedVerbOf, pickPeers, takePicksBy, takePull } from './rules';
import { learnOf, nodesInOrder, picksOf, redundant, type GossipNode, type GossipState } from './state';

/** The kinds of message, by number. */
const PUSH = 0;
const PULL = 1;
const REPLY = 2;

/**
 * pickPeers over the seats (seats[i] is i): the same draws and picks, without reading the list
 * of seats in a big round (a random place in 100,000 numbers is a cache miss).
 */
function pickSeats(seats: readonly number[], self: number, taken: readonly number[], k: number, rng: Rng, into: number[]): number[] {
  const n = seats.length;
  const free = n - 1 - taken.length;
  const want = Math.max(0, Math.min(k, free));
  if (free <= 4 * want + 8) return pickPeers(seats, self, taken, k, rng, into);
  // pickPeers' rejection sampling, rng.pick(seats) being seats[rng.int(n)].
  while (into.length < want) {
    const t = rng.int(n);
    if (t !== self && !taken.includes(t) && !into.includes(t)) into.push(t);
  }
  return into;
}

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
  const push = state.config.mode === 'push';
  // Who knows, by seat (1 byte each, where the records are spread over memory): a node learns
  // only in deliver() below once the seat rules play the round.
  const knows = new Uint8Array(nodes.length);
  for (let i = 0; i < bySeat.length; i++) if (bySeat[i]?.knows) knows[i] = 1;
  // Rumour-carrying messages each node received since the last settle() (GossipNode.heard).
  const heard = new Uint32Array(nodes.length);
  let unsettled = false;

  return {
    // The engine's deliver for push, pull and reply.
    deliver(from, to, kind, ctx, out) {
      if (state.over !== null) return;
      state.delivered++;
      if (kind === PULL) {
        out.changed(to);
        if (takePull(state, bySeat[to] as GossipNode, nodes[from] as NodeId, ctx.now)) out.send(to, from, REPLY);
        return;
      }
      // Counted aside (the receiver's record is not read for a message it already knew).
      heard[to] = (heard[to] as number) + 1;
      unsettled = true;
      if (knows[to] === 1) {
        redundant(state);
        return;
      }
      const me = bySeat[to] as GossipNode;
      out.changed(to);
      // learn()'s one effect is its mark; checkEnd() has none while a node is known to be waiting.
      learnOf(state, me, nodes[from] as NodeId, ctx.now);
      out.mark();
      knows[to] = 1;
      if (state.over === null && state.reach.waiting === 0) out.apply(checkEnd(state, ctx));
    },

    settle() {
      if (!unsettled) return;
      unsettled = false;
      for (let i = 0; i < heard.length; i++) {
        const n = heard[i] as number;
        if (n === 0) continue;
        (bySeat[i] as GossipNode).heard += n;
        heard[i] = 0;
      }
    },

    // botIdle, then gossipBotAct's pick, then applyAction's.
    botTurn(s, rng, out) {
      // A push node that does not know may pick nobody (botIdleOf), and its record need not be read.
      if (push && knows[s] === 0) return;
      const me = bySeat[s];
      if (!me || botIdleOf(state, me)) return;
      const verb = allowedVerbOf(state, me);
      if (typeof verb !== 'string') return;
      const picks = picksOf(state, me);
      const left = state.config.fanout - picks.length;
      scratch.length = 0;
      const to = pickSeats(seats, s, picks.length ? picks.map(seatOf) : none, left, rng, scratch);
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
