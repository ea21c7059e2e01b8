// The highest-card deal [G10]: one unique card per node, from as many decks as it takes.
// A card is stored as its rank in the deal (a number) so comparing two cards is `>`; the
// label is derived from it. The deal is drawn from the game's own seeded rng.

import { must } from '../../must';
import type { Rng } from '../../rng';

export const RANKS = ['2', '3', '4', '5', '6', '7', '8', '9', '10', 'J', 'Q', 'K', 'A'] as const;
/** Bridge order, lowest first: a tie in rank is broken by the suit, then by the deck. */
export const SUITS = ['♣', '♦', '♥', '♠'] as const;
export const DECK_SIZE = RANKS.length * SUITS.length;

export interface CardInfo {
  /** Higher beats lower; unique in the round. */
  value: number;
  /** "A♠", or "A♠·2" for the ace of spades of the second deck. */
  label: string;
  /** Hearts and diamonds (screens still show the suit symbol: colour is never the only sign). */
  red: boolean;
}

export const decksFor = (nodes: number): number => Math.max(1, Math.ceil(nodes / DECK_SIZE));

/** value = (rank × 4 + suit) × decks + (deck − 1): rank first, then suit, then deck. */
export function cardInfo(value: number, decks: number): CardInfo {
  const deck = (value % decks) + 1;
  const face = Math.floor(value / decks);
  const rank = RANKS[Math.floor(face / SUITS.length)] ?? '?';
  const suit = SUITS[face % SUITS.length] ?? '?';
  return { value, label: `${rank}${suit}${decks > 1 ? `·${deck}` : ''}`, red: suit === '♥' || suit === '♦' };
}

/** `count` distinct card values out of `decks` decks, in deal order. Linear in the deck size. */
export function dealValues(count: number, decks: number, rng: Rng): number[] {
  const pool = Array.from({ length: decks * DECK_SIZE }, (_, i) => i);
  // A partial Fisher-Yates: only as many draws as there are nodes.
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(pool.length - i);
    const drawn = must(pool[j], `value ${j} of the pool`);
    pool[j] = must(pool[i], `value ${i} of the pool`);
    pool[i] = drawn;
  }
  return pool.slice(0, count);
}
