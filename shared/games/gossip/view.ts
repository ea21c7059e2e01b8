// What a phone is shown. A node's view is O(1) in the size of the round (it never lists the
// room: phones get the roster separately) and never contains the word before the node learns
// it, nor who else knows [G13]. The projector's view is in console.ts.

import type { NodeId } from '../../protocol/ids';
import type { Rejection } from '../types';
import { cardInfo, type CardInfo } from './cards';
import { TICK_KEY, type GossipMode } from './config';
import { allowedVerb, type Verb } from './rules';
import { picksNow, type GossipState, type PullRequest } from './state';

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
  /**
   * Once the game has ended by itself (everyone knows, or it is stuck): how many of the round's
   * nodes knew at the end (highest card: had seen the top card), after how many gossip rounds.
   * Null while it runs: during the game a node never learns how far the rumour went ([G13]).
   */
  ending: { informed: number; of: number; rounds: number } | null;
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
    ending: state.over === null ? null : { informed: state.informed, of: state.nodes.length, rounds: state.round },
  };
}
