// The gossip game's state (plain JSON data: the fold of a recording must equal the live state)
// and the one place a node learns, so the counters that make the engine linear stay right.

import type { NodeId } from '../../protocol/ids';
import { nodeParam, notice } from '../../protocol/notice';
import { must } from '../../must';
import { createRng, deriveSeed } from '../../rng';
import type { Effect, InitCtx } from '../types';
import { dealValues, decksFor } from './cards';
import { WORDS, type GossipConfig } from './config';

/** Pull requests a node keeps (the phone shows the latest). */
export const REQUESTS_KEPT = 20;

export interface PullRequest {
  from: NodeId;
  /** Gossip round the request arrived in. */
  round: number;
  at: number;
  /** The asked node knew (since an earlier round) and sent the rumour back. */
  answered: boolean;
}

export type DownReason = 'crashed' | 'left';

export interface GossipNode {
  /** Knows the rumour; in highest-card mode: holds the true highest card. */
  knows: boolean;
  /** Gossip round it learned in (0: it started with it), −1 while it does not know. */
  learnedRound: number;
  learnedAt: number;
  /** Who told it first (null: it started with it, or does not know). */
  toldBy: NodeId | null;
  /** Rumour-carrying messages it received (first and repeats). */
  heard: number;
  /** Messages it sent (tells, asks, replies). */
  sent: number;
  /** The gossip round `picks` belongs to: picks from an earlier round count as none. */
  picksRound: number;
  picks: NodeId[];
  requests: PullRequest[];
  /** highest-card mode: its own card and the best card seen (−1 in other modes). */
  card: number;
  best: number;
  bestFrom: NodeId | null;
  bestRound: number;
  /** As of the last reachability check: down (crashed or gone), or cut off from the rumour. */
  down: DownReason | null;
  cut: boolean;
}

export interface ReachSummary {
  /** Session time of the check. */
  at: number;
  live: number;
  liveUninformed: number;
  /** Live nodes that do not know yet but that the rumour can still reach. */
  waiting: number;
  /** Live nodes that do not know and that no live knower can reach (partition, or all knowers down). */
  cut: number;
  knowersAlive: number;
}

export type Outcome = 'everyone' | 'stalled' | 'max-rounds';

export interface GossipState {
  config: GossipConfig;
  nodes: NodeId[];
  /** The game's own rng state (word, origin, deal, "pick at random"). */
  rng: number;
  /** The secret word (null in highest-card mode). */
  word: string | null;
  /** Who started with the rumour (highest-card: who was dealt the highest card). */
  origin: NodeId | null;
  originBy: 'config' | 'chance';
  decks: number;
  /** highest-card mode: the highest card dealt (−1 in other modes). */
  top: number;
  /** Current gossip round, from 1. */
  round: number;
  roundStartedAt: number;
  roundEndsAt: number;
  per: Record<NodeId, GossipNode>;
  informed: number;
  /** Index 0: at the start; index r: by the end of gossip round r (the last entry is live). */
  informedPerRound: number[];
  sentPerRound: number[];
  redundantPerRound: number[];
  sent: { push: number; pull: number; reply: number; card: number };
  delivered: number;
  /** Rumour-carrying messages that reached a node that already knew (or had as good a card). */
  redundant: number;
  lastLearnedRound: number;
  lastLearnedAt: number;
  reach: ReachSummary;
  /** Since when nobody the rumour can reach is left while live nodes still do not know (null: not stuck). */
  stuckSince: number | null;
  /** Gossip rounds ended in a row while stuck: after healWaitRounds of them the game ends. */
  stalledRounds: number;
  outcome: Outcome | null;
  /** The reason given with the engine's `end` effect, once it gave one. */
  over: string | null;
}

/**
 * The lists a node starts with, one pair for every node (a 100,000-node round made 200,000
 * empty lists, most of them never used): frozen, and replaced by a list of its own before the
 * first entry (takePicksBy, takePull).
 */
export const NONE_PICKED: NodeId[] = Object.freeze([]) as unknown as NodeId[];
export const NONE_ASKED: PullRequest[] = Object.freeze([]) as unknown as PullRequest[];

function blankNode(): GossipNode {
  return {
    knows: false,
    learnedRound: -1,
    learnedAt: -1,
    toldBy: null,
    heard: 0,
    sent: 0,
    picksRound: 0,
    picks: NONE_PICKED,
    requests: NONE_ASKED,
    card: -1,
    best: -1,
    bestFrom: null,
    bestRound: -1,
    down: null,
    cut: false,
  };
}

/** Each state's node records in the order of its nodes (nodesInOrder), made by createState or on first use. */
const inOrder = new WeakMap<GossipState, GossipNode[]>();

/** A fresh game: the origin knows (or the cards are dealt), gossip round 1 starts now [G1][G2][G10]. */
export function createState(config: GossipConfig, ctx: InitCtx): GossipState {
  const rng = createRng(deriveSeed(ctx.seed, 'gossip'));
  const nodes = [...ctx.nodes];
  const per: Record<NodeId, GossipNode> = {};
  const records = nodes.map((n) => {
    const record = blankNode();
    per[n] = record;
    return record;
  });
  const cardMode = config.mode === 'highest-card';
  const decks = decksFor(nodes.length);
  let origin: NodeId | null = null;
  let originBy: GossipState['originBy'] = 'chance';
  let top = -1;
  if (cardMode) {
    const values = dealValues(nodes.length, decks, rng);
    nodes.forEach((n, i) => {
      const node = must(per[n], `node ${n}`);
      node.card = must(values[i], `card ${i} of the deal`);
      node.best = node.card;
      node.bestRound = 0;
      if (node.card > top) {
        top = node.card;
        origin = n;
      }
    });
  } else if (config.origin !== undefined && per[config.origin]) {
    origin = config.origin;
    originBy = 'config';
  } else if (nodes.length > 0) {
    origin = rng.pick(nodes);
  }
  const word = cardMode ? null : (config.word ?? rng.pick(WORDS));
  const state: GossipState = {
    config,
    nodes,
    rng: rng.state,
    word,
    origin,
    originBy,
    decks,
    top,
    round: 1,
    roundStartedAt: ctx.now,
    roundEndsAt: ctx.now + config.roundMs,
    per,
    informed: 0,
    informedPerRound: [0, 0],
    sentPerRound: [0, 0],
    redundantPerRound: [0, 0],
    sent: { push: 0, pull: 0, reply: 0, card: 0 },
    delivered: 0,
    redundant: 0,
    lastLearnedRound: 0,
    lastLearnedAt: ctx.now,
    reach: { at: ctx.now, live: 0, liveUninformed: 0, waiting: 0, cut: 0, knowersAlive: 0 },
    stuckSince: null,
    stalledRounds: 0,
    outcome: null,
    over: null,
  };
  inOrder.set(state, records);
  if (origin !== null) {
    const o = must(per[origin], `the origin ${origin}`);
    o.knows = true;
    o.learnedRound = 0;
    o.learnedAt = ctx.now;
    state.informed = 1;
    state.informedPerRound = [1, 1];
  }
  return state;
}

/**
 * The round's node records in the order of `state.nodes` (the same objects as `state.per`),
 * made once per state: an O(N) pass over them costs no look-up by id. The records are made
 * once, by createState, and never replaced, so the list stays right.
 */

export function nodesInOrder(state: GossipState): GossipNode[] {
  let list = inOrder.get(state);
  if (!list) {
    list = state.nodes.map((n) => nodeOf(state, n));
    inOrder.set(state, list);
  }
  return list;
}

/** A node of the round (every caller has checked, or made, that it is one). */
export function nodeOf(state: GossipState, node: NodeId): GossipNode {
  const n = state.per[node];
  if (!n) throw new Error(`gossip: ${node} is not in this round`);
  return n;
}

/** Marks `node` as knowing, keeping the counters right. Returns the effects of the transition. */
export function learn(state: GossipState, node: NodeId, from: NodeId, now: number): Effect[] {
  learnOf(state, nodeOf(state, node), from, now);
  const what = notice('gossip.mark.learned', {
    node: nodeParam(node),
    from: nodeParam(from),
    round: state.round,
    card: state.top >= 0 ? 'yes' : 'no',
  });
  return [{ type: 'mark', node, notice: what, data: { round: state.round, from } }];
}

/** learn() without its mark (one `mark` effect): for the simulator's seat rules, which record nothing. */
export function learnOf(state: GossipState, n: GossipNode, from: NodeId, now: number): void {
  n.knows = true;
  n.learnedRound = state.round;
  n.learnedAt = now;
  n.toldBy = from;
  state.informed += 1;
  state.informedPerRound[state.round] = state.informed;
  state.lastLearnedRound = state.round;
  state.lastLearnedAt = now;
  if (state.reach.waiting > 0) state.reach.waiting -= 1;
}

/** The picks `node` made in the current gossip round. */
export function picksNow(state: GossipState, node: NodeId): readonly NodeId[] {
  return picksOf(state, state.per[node]);
}

const NO_PICKS: readonly NodeId[] = Object.freeze([]);

/** The picks a node of the round (or none) made in the current gossip round. */
export function picksOf(state: GossipState, me: GossipNode | undefined): readonly NodeId[] {
  return me && me.picksRound === state.round ? me.picks : NO_PICKS;
}

/** A rumour-carrying message reached a node that already knew (or had as good a card). */
export function redundant(state: GossipState): void {
  state.redundant++;
  state.redundantPerRound[state.round] = (state.redundantPerRound[state.round] ?? 0) + 1;
}

/** Draws from the game's own rng and stores its new state, so "pick at random" replays. */
export function withRng<T>(state: GossipState, draw: (rng: ReturnType<typeof createRng>) => T): T {
  const rng = createRng(state.rng);
  const out = draw(rng);
  state.rng = rng.state;
  return out;
}
