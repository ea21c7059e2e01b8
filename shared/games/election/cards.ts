// Dealing the playing cards that name the nodes in a round [E1]. The deal is a pure function
// of the round's seed, so a replay deals the same cards. Cards are public: every screen shows
// a node as its card.

import type { NodeId } from '../../protocol/ids';
import { must } from '../../must';
import { createRng, deriveSeed } from '../../rng';

export const RANKS = ['A', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'J', 'Q', 'K'] as const;
export const SUITS = ['♠', '♥', '♦', '♣'] as const;
export const DECK_SIZE = RANKS.length * SUITS.length;

export type Rank = (typeof RANKS)[number];
export type Suit = (typeof SUITS)[number];

export interface Card {
  rank: Rank;
  suit: Suit;
  /** Which deck the card comes from: 1 for the first 52 nodes, 2, 3… beyond. */
  deck: number;
  /** The node's name in this round: "7♥", and "7♥·2" for a card of the second deck. */
  label: string;
  /** Hearts and diamonds are red (screens still show the suit symbol, never colour alone). */
  red: boolean;
}

export function cardOf(index: number): Card {
  const deck = Math.floor(index / DECK_SIZE) + 1;
  const within = index % DECK_SIZE;
  const rank = must(RANKS[within % RANKS.length], `the rank of card ${index}`);
  const suit = must(SUITS[Math.floor(within / RANKS.length)], `the suit of card ${index}`);
  return { rank, suit, deck, label: `${rank}${suit}${deck > 1 ? `·${deck}` : ''}`, red: suit === '♥' || suit === '♦' };
}

/**
 * One unique card per node, in seat order. With more than 52 nodes several decks are used,
 * each card marked with its deck, so labels stay unique. Linear in the number of nodes.
 */
export function dealCards(nodes: readonly NodeId[], seed: number): Record<NodeId, Card> {
  const decks = Math.max(1, Math.ceil(nodes.length / DECK_SIZE));
  const rng = createRng(deriveSeed(seed, 'election:cards'));
  // A partial Fisher-Yates: only as many draws as there are nodes.
  // (A loop: Array.from with a mapping function is slow, and a simulation deals for every trial.)
  const pool: number[] = [];
  for (let i = 0; i < decks * DECK_SIZE; i++) pool.push(i);
  const out: Record<NodeId, Card> = {};
  nodes.forEach((node, i) => {
    const j = i + rng.int(pool.length - i);
    const drawn = must(pool[j], `card ${j} of the pool`);
    pool[j] = must(pool[i], `card ${i} of the pool`);
    pool[i] = drawn;
    out[node] = cardOf(drawn);
  });
  return out;
}
