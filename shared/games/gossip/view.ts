// What a phone and the projector are shown. A node's view is O(1) in the size of the round
// (it never lists the room: phones get the roster separately) and never contains the word
// before the node learns it, nor who else knows [G13].

import type { NodeId } from '../../protocol/ids';
import type { Rejection } from '../types';
import { cardInfo, type CardInfo } from './cards';
import { TICK_KEY, type GossipMode } from './config';
import { allowedVerb, type Verb } from './rules';
import { picksNow, type DownReason, type GossipState, type Outcome, type PullRequest, type ReachSummary } from './state';
import { PUSH_FORMULA, pushCurve, pushRounds } from './theory';

/** The phone's view of its own node. */
export interface GossipNodeView {
  game: 'gossip';
  you: NodeId;
  mode: GossipMode;
  fanout: number;
  /** The current gossip round (from 1); the UI calls these "rounds". */
  round: number;
  maxRounds: number;
  roundMs: number;
  roundStartedAt: number;
  /**
   * Session time the round is due to end, as scheduled when it started. For the countdown use
   * the session's NodeView.timers[timerKey] (the round-wide timer `gossip:tick`): it stays
   * right when the instructor pauses the network, this does not.
   */
  roundEndsAt: number;
  timerKey: string;
  /** You know the rumour. Always false in highest-card mode (nobody can tell their best card is the highest: see `cards`). */
  knows: boolean;
  /** The secret word, only once you know it. */
  word: string | null;
  /** When you learned it and who told you first (`from` null: you started with it). */
  learned: { round: number; at: number; from: NodeId | null } | null;
  /** What tapping a name does now: tell (send the rumour or your best card), ask (pull), or nothing. */
  verb: Verb | null;
  /** Why you can pick nobody right now (when `verb` is null), as a sentence for the phone. */
  idle: Rejection | null;
  /** Whom you picked this round, and how many picks you have left. */
  picks: NodeId[];
  picksLeft: number;
  /** Messages you sent this game (tells, asks, the server's answers on your behalf). */
  sent: number;
  /** Pull requests you received, newest first (at most 20). */
  pullRequests: PullRequest[];
  /** highest-card mode: your card and the highest card you have seen (yours until someone beats it). */
  cards: { yours: CardInfo; best: CardInfo; bestFrom: NodeId | null; bestRound: number } | null;
}

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
  /** Push-gossip theory for this N and fanout (drawn for every mode, exact only for push). */
  theory: { formula: string; rounds: number; curve: number[] };
  perNode: Record<NodeId, GossipConsoleNode>;
}

export function nodeView(state: GossipState, node: NodeId): GossipNodeView | null {
  const me = state.per[node];
  if (!me) return null;
  const cardMode = state.config.mode === 'highest-card';
  const verb = allowedVerb(state, node);
  const picks = picksNow(state, node);
  const knows = !cardMode && me.knows;
  return {
    game: 'gossip',
    you: node,
    mode: state.config.mode,
    fanout: state.config.fanout,
    round: state.round,
    maxRounds: state.config.maxRounds,
    roundMs: state.config.roundMs,
    roundStartedAt: state.roundStartedAt,
    roundEndsAt: state.roundEndsAt,
    timerKey: TICK_KEY,
    knows,
    word: knows ? state.word : null,
    learned: knows ? { round: me.learnedRound, at: me.learnedAt, from: me.toldBy } : null,
    verb: typeof verb === 'string' ? verb : null,
    idle: typeof verb === 'string' ? null : verb,
    picks: [...picks],
    picksLeft: typeof verb === 'string' ? Math.max(0, state.config.fanout - picks.length) : 0,
    sent: me.sent,
    pullRequests: me.requests.slice().reverse(),
    cards: cardMode
      ? {
          yours: cardInfo(me.card, state.decks),
          best: cardInfo(me.best, state.decks),
          bestFrom: me.bestFrom,
          bestRound: me.bestRound,
        }
      : null,
  };
}

export function consoleView(state: GossipState): GossipConsoleView {
  const { config } = state;
  const cardMode = config.mode === 'highest-card';
  const perNode: Record<NodeId, GossipConsoleNode> = {};
  for (const n of state.nodes) {
    const p = state.per[n]!;
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
  const theoryRounds = pushRounds(n, config.fanout);
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
      formula: PUSH_FORMULA,
      rounds: theoryRounds,
      curve: pushCurve(n, config.fanout, Math.min(config.maxRounds, Math.ceil(theoryRounds * 2) + 2)),
    },
    perNode,
  };
}
