// What the projector is shown: every node, the infection curve so far, and the theory beside
// it. The console may show everything (who knows, the word, every node's picks).

import type { NodeId } from '../../protocol/ids';
import { cardInfo, type CardInfo } from './cards';
import { TICK_KEY, type GossipMode } from './config';
import { nodeOf, picksNow, type DownReason, type GossipState, type Outcome, type ReachSummary } from './state';
import { FORMULAS, modeCurve, modeRounds } from './theory';

export interface GossipConsoleNode {
  knows: boolean;
  /** Gossip round it learned in (0: the origin), and when, and from whom. */
  round: number | null;
  at: number | null;
  from: NodeId | null;
  heard: number;
  sent: number;
  /** Its picks in the current round. */
  picks: NodeId[];
  /** As of the last reachability check: crashed or gone, or cut off from every live knower. */
  down: DownReason | null;
  cut: boolean;
  /** highest-card mode: its own card and its best card (labels). */
  card: string | null;
  best: string | null;
}

/** The projector's view. Drops by reason are the session's: ConsoleSnapshot.round.net.dropped. */
export interface GossipConsoleView {
  game: 'gossip';
  mode: GossipMode;
  fanout: number;
  roundMs: number;
  maxRounds: number;
  healWaitRounds: number;
  word: string | null;
  origin: NodeId | null;
  originBy: 'config' | 'chance';
  /** highest-card mode: the card everyone should end up with. */
  topCard: CardInfo | null;
  round: number;
  roundStartedAt: number;
  roundEndsAt: number;
  timerKey: string;
  nodes: number;
  informed: number;
  /** Index 0: at the start; index r: by the end of round r (the last entry is live). */
  informedPerRound: number[];
  sentPerRound: number[];
  redundantPerRound: number[];
  messages: { sent: number; push: number; pull: number; reply: number; card: number; delivered: number; redundant: number };
  /** The round in which the last node so far learned (0: only the origin knows). */
  lastLearnedRound: number;
  lastLearnedAt: number;
  reach: ReachSummary;
  /** Since when the rumour can reach nobody else while live nodes still do not know (null: it can). */
  stuckSince: number | null;
  stalledRounds: number;
  status: 'running' | 'stalled' | 'over';
  outcome: Outcome | null;
  /** Theory for this mode, N and fanout ([G16]): the formula, its rounds and the mean-field curve. */
  theory: { formula: string; rounds: number; curve: number[] };
  perNode: Record<NodeId, GossipConsoleNode>;
}

export function consoleView(state: GossipState): GossipConsoleView {
  const { config } = state;
  const cardMode = config.mode === 'highest-card';
  const perNode: Record<NodeId, GossipConsoleNode> = {};
  for (const n of state.nodes) {
    const p = nodeOf(state, n);
    perNode[n] = {
      knows: p.knows,
      round: p.knows ? p.learnedRound : null,
      at: p.knows ? p.learnedAt : null,
      from: p.toldBy,
      heard: p.heard,
      sent: p.sent,
      picks: [...picksNow(state, n)],
      down: p.down,
      cut: p.cut,
      card: cardMode ? cardInfo(p.card, state.decks).label : null,
      best: cardMode ? cardInfo(p.best, state.decks).label : null,
    };
  }
  const n = state.nodes.length;
  const theoryRounds = modeRounds(config.mode, n, config.fanout);
  return {
    game: 'gossip',
    mode: config.mode,
    fanout: config.fanout,
    roundMs: config.roundMs,
    maxRounds: config.maxRounds,
    healWaitRounds: config.healWaitRounds,
    word: state.word,
    origin: state.origin,
    originBy: state.originBy,
    topCard: cardMode ? cardInfo(state.top, state.decks) : null,
    round: state.round,
    roundStartedAt: state.roundStartedAt,
    roundEndsAt: state.roundEndsAt,
    timerKey: TICK_KEY,
    nodes: n,
    informed: state.informed,
    informedPerRound: [...state.informedPerRound],
    sentPerRound: [...state.sentPerRound],
    redundantPerRound: [...state.redundantPerRound],
    messages: {
      sent: state.sent.push + state.sent.pull + state.sent.reply + state.sent.card,
      ...state.sent,
      delivered: state.delivered,
      redundant: state.redundant,
    },
    lastLearnedRound: state.lastLearnedRound,
    lastLearnedAt: state.lastLearnedAt,
    reach: { ...state.reach },
    stuckSince: state.stuckSince,
    stalledRounds: state.stalledRounds,
    status: state.over !== null ? 'over' : state.stuckSince !== null ? 'stalled' : 'running',
    outcome: state.outcome,
    theory: {
      formula: FORMULAS[config.mode],
      rounds: theoryRounds,
      curve: modeCurve(config.mode, n, config.fanout, Math.min(config.maxRounds, Math.ceil(theoryRounds * 2) + 2)),
    },
    perNode,
  };
}
