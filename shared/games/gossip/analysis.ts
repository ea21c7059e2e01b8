// The round's result, recorded when the gossip game ends [G15]: how many rounds it took (or
// "never", with who never learned and why), the messages, the redundant ones, the network's
// drops by reason, and the infection count per round.

import type { NodeId } from '../../protocol/ids';
import type { NetStats } from '../types';
import { cardInfo } from './cards';
import type { GossipMode } from './config';
import { nodesInOrder, type GossipNode, type GossipState, type Outcome } from './state';
import { modeRounds, FORMULAS } from './theory';

/** Nodes listed by name in a result; the counts by reason cover all of them. */
export const NEVER_LISTED = 300;

export const NEVER_REASONS = ['crashed', 'left', 'partition', 'knowers-down', 'not-told'] as const;
/**
 * crashed / left: the node was down at the end. partition: live, but no live knower could
 * reach it through the partition. knowers-down: every node that knew was down. not-told:
 * reachable, but nobody told it (or answered it) before the game stopped.
 */
export type NeverReason = (typeof NEVER_REASONS)[number];

export interface GossipResult {
  game: 'gossip';
  mode: GossipMode;
  fanout: number;
  nodes: number;
  origin: NodeId | null;
  word: string | null;
  /** highest-card mode: the highest card dealt. */
  topCard: string | null;
  /** How the game ended: on its own (everyone / stalled / max-rounds) or stopped from outside. */
  outcome: Outcome | 'stopped';
  /** The round in which the last live node learned; null ("never") if a live node never did. */
  rounds: number | null;
  /** The round in which the last node learned, whether or not everyone did. */
  lastLearnedRound: number;
  /** Gossip rounds played (the last one possibly cut short). */
  gossipRounds: number;
  informed: number;
  /** Every node of the round learned (crashed ones included). */
  everyone: boolean;
  informedPerRound: number[];
  /** Messages the game sent (tells, asks, answers), by kind. */
  messages: number;
  messagesByKind: { push: number; pull: number; reply: number; card: number };
  /** Rumour-carrying messages that reached a node that already knew. */
  redundant: number;
  dropped: NetStats['dropped'];
  net: NetStats;
  never: Record<NeverReason, number>;
  /** The first NEVER_LISTED nodes that never learned, with why. */
  neverLearned: { node: NodeId; reason: NeverReason }[];
  /** Theory for the mode played ([G16]; without loss). */
  theory: { formula: string; rounds: number };
}

export function gossipResult(state: GossipState, net: NetStats): GossipResult {
  const never: Record<NeverReason, number> = { crashed: 0, left: 0, partition: 0, 'knowers-down': 0, 'not-told': 0 };
  const neverLearned: GossipResult['neverLearned'] = [];
  let liveMissing = 0;
  const records = nodesInOrder(state);
  for (let i = 0; i < records.length; i++) {
    const n = state.nodes[i] as NodeId;
    const p = records[i] as GossipNode;
    if (p.knows) continue;
    const reason: NeverReason = p.down ?? (p.cut ? (state.reach.knowersAlive === 0 ? 'knowers-down' : 'partition') : 'not-told');
    if (!p.down) liveMissing++;
    never[reason]++;
    if (neverLearned.length < NEVER_LISTED) neverLearned.push({ node: n, reason });
  }
  const sent = state.sent;
  return {
    game: 'gossip',
    mode: state.config.mode,
    fanout: state.config.fanout,
    nodes: state.nodes.length,
    origin: state.origin,
    word: state.word,
    topCard: state.top >= 0 ? cardInfo(state.top, state.decks).label : null,
    outcome: state.outcome ?? 'stopped',
    rounds: liveMissing === 0 ? state.lastLearnedRound : null,
    lastLearnedRound: state.lastLearnedRound,
    gossipRounds: state.round,
    informed: state.informed,
    everyone: state.informed === state.nodes.length,
    informedPerRound: [...state.informedPerRound],
    messages: sent.push + sent.pull + sent.reply + sent.card,
    messagesByKind: { ...sent },
    redundant: state.redundant,
    dropped: { ...net.dropped },
    net: { ...net, dropped: { ...net.dropped } },
    never,
    neverLearned,
    theory: {
      formula: FORMULAS[state.config.mode],
      rounds: modeRounds(state.config.mode, state.nodes.length, state.config.fanout),
    },
  };
}
