// A playing card drawn in HTML: the node's name in this round. Red suits are red, and the suit
// symbol is always there, so colour is never the only signal.

import type { Card } from '../../../../shared/games/election/cards';
import type { CardRef } from '../../../../shared/games/election/view';

export function CardFace({ card, size = 'big' }: { card: Card; size?: 'big' | 'medium' }) {
  return (
    <div className={`el-card el-card-${size}${card.red ? ' red' : ''}`} role="img" aria-label={`Your card: ${spoken(card.label)}`}>
      <span className="el-card-corner" aria-hidden="true">
        {card.rank}
        <br />
        {card.suit}
      </span>
      <span className="el-card-centre" aria-hidden="true">
        {card.rank}
        {card.suit}
      </span>
      {card.deck > 1 && (
        <span className="el-card-deck" aria-hidden="true">
          deck {card.deck}
        </span>
      )}
      <span className="el-card-corner el-card-corner-end" aria-hidden="true">
        {card.rank}
        <br />
        {card.suit}
      </span>
    </div>
  );
}

/** A card inline in a sentence or a list: "9♠", red when its suit is. */
export function CardTag({ card, name }: { card: Pick<CardRef, 'card' | 'red'>; name?: string | undefined }) {
  return (
    <span className="el-tag-wrap">
      <span className={`el-tag${card.red ? ' red' : ''}`}>{card.card}</span>
      {name && <span className="el-tag-name"> {name}</span>}
    </span>
  );
}

const SUIT_WORDS: Record<string, string> = { '♠': 'spades', '♥': 'hearts', '♦': 'diamonds', '♣': 'clubs' };
const RANK_WORDS: Record<string, string> = { A: 'ace', J: 'jack', Q: 'queen', K: 'king' };

/** "9♠" → "9 of spades", for screen readers. */
export function spoken(label: string): string {
  const m = /^(?<rank>10|[2-9AJQK])(?<suit>[♠♥♦♣])(?:·(?<deck>\d+))?$/.exec(label);
  const { rank, suit, deck } = m?.groups ?? {};
  if (!rank || !suit) return label;
  return `${RANK_WORDS[rank] ?? rank} of ${SUIT_WORDS[suit]}${deck ? `, deck ${deck}` : ''}`;
}
