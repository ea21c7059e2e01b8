// The gossip game's messages and autopilot over seats (GameEngine.seats), for the simulator's
// fast path: a 100,000-node trial sends a million and a half messages, and an envelope object,
// a list of effects and a look-up of both ends by id for each of them was most of its cost.
// Here a message is (from seat, to seat, kind), a node is found by its seat, and every rule is
// the engine's own function on the same state (learn, takePull, takePicksBy, pickPeers, checkEnd,
// botIdleOf, allowedVerbOf), called in the order the engine calls them. What is read and
// written most (who knows, since when, how often each node heard, and in push mode each node's
// picks and messages sent) is kept by seat in typed arrays, and written into the records by
// settle() before anything else reads the state.
//
// highest-card mode keeps to envelopes (its messages carry cards): null, and the simulator
// plays it through the engine.

import type { NodeId } from '../../protocol/ids';
import type { Rng } from '../../rng';
import type { SeatOut, SeatRules } from '../types';
import { botIdleOf } from './bot';
import { KINDS } from './config';
import { checkEnd } from './ending';
import { allowedVerbOf, pickPeers, takePicksBy, takePull } from './rules';
import { learnOf, NONE_PICKED, nodesInOrder, picksOf, redundant, type GossipNode, type GossipState } from './state';

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
  const size = nodes.length;
  const fanout = state.config.fanout;
  const push = state.config.mode === 'push';
  // What the rules read and write most, by seat, where the records are spread over memory (a
  // record read is a cache miss in a 100,000-node round). A node learns only in deliver()
  // below once the seat rules play the round, so `knows` and `learned` stay the records'.
  const knows = new Uint8Array(size);
  const learned = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const me = bySeat[i] as GossipNode;
    knows[i] = me.knows ? 1 : 0;
    learned[i] = me.learnedRound;
  }
  // Kept aside until settle(): rumour-carrying messages received (GossipNode.heard), and in
  // push mode each node's picks of its picking round and the messages it sent (picks,
  // picksRound, sent), for the seats in `touched`.
  const heard = new Uint32Array(size);
  const sent = push ? new Uint32Array(size) : null;
  const pickRound = push ? new Int32Array(size) : null;
  const pickCount = push ? new Uint8Array(size) : null;
  const picked = push ? new Int32Array(size * fanout) : null;
  const isTouched = push ? new Uint8Array(size) : null;
  const touched = push ? new Int32Array(size) : null;
  let touchedCount = 0;
  let unsettled = false;

  /** botTurn in push mode, on the seat arrays: the same checks, draws and messages. */
  function pushTurn(s: number, rng: Rng, out: SeatOut): void {
    // botIdleOf: the game is over, the node does not know, or it learned this round (allowedVerbOf's too_soon).
    if (knows[s] === 0 || state.over !== null || (learned[s] as number) >= state.round) return;
    const rounds = pickRound as Int32Array;
    const counts = pickCount as Uint8Array;
    const list = picked as Int32Array;
    const have = rounds[s] === state.round ? (counts[s] as number) : 0;
    const left = fanout - have;
    if (left <= 0) return;
    while (scratch.length) scratch.pop();
    const taken = have ? Array.from(list.subarray(s * fanout, s * fanout + have)) : none;
    const to = pickSeats(seats, s, taken, left, rng, scratch);
    if (to.length === 0) return;
    out.accept();
    // takePicksBy and countSentOf, the node's part aside.
    if (rounds[s] !== state.round) {
      rounds[s] = state.round;
      counts[s] = 0;
    }
    let k = counts[s] as number;
    for (const t of to) list[s * fanout + k++] = t;
    counts[s] = k;
    (sent as Uint32Array)[s] = ((sent as Uint32Array)[s] as number) + to.length;
    if ((isTouched as Uint8Array)[s] === 0) {
      (isTouched as Uint8Array)[s] = 1;
      (touched as Int32Array)[touchedCount++] = s;
    }
    unsettled = true;
    state.sent.push += to.length;
    state.sentPerRound[state.round] = (state.sentPerRound[state.round] ?? 0) + to.length;
    for (const t of to) out.send(s, t, PUSH);
    out.changed(s);
  }

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
      learned[to] = state.round;
      if (state.over === null && state.reach.waiting === 0) out.apply(checkEnd(state, ctx));
    },

    settle() {
      if (!unsettled) return;
      unsettled = false;
      for (let i = 0; i < size; i++) {
        const n = heard[i] as number;
        if (n === 0) continue;
        (bySeat[i] as GossipNode).heard += n;
        heard[i] = 0;
      }
      if (!touched) return;
      // Each touched record as takePicksBy and countSentOf would have left it.
      for (let j = 0; j < touchedCount; j++) {
        const s = touched[j] as number;
        (isTouched as Uint8Array)[s] = 0;
        const me = bySeat[s] as GossipNode;
        me.sent += (sent as Uint32Array)[s] as number;
        (sent as Uint32Array)[s] = 0;
        const round = (pickRound as Int32Array)[s] as number;
        const count = (pickCount as Uint8Array)[s] as number;
        if (me.picks === NONE_PICKED) me.picks = [];
        const list = me.picks;
        me.picksRound = round;
        for (let k = 0; k < count; k++) list[k] = nodes[(picked as Int32Array)[s * fanout + k] as number] as NodeId;
        if (list.length !== count) list.length = count;
      }
      touchedCount = 0;
    },

    // botIdle, then gossipBotAct's pick, then applyAction's.
    botTurn(s, rng, out) {
      if (push) {
        pushTurn(s, rng, out);
        return;
      }
      const me = bySeat[s];
      if (!me || botIdleOf(state, me)) return;
      const verb = allowedVerbOf(state, me);
      if (typeof verb !== 'string') return;
      const picks = picksOf(state, me);
      const left = state.config.fanout - picks.length;
      while (scratch.length) scratch.pop();
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
