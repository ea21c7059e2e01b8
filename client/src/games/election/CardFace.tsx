// A playing card drawn in HTML: the node's name in this round. Red suits are red, and the suit
// symbol is always there, so colour is never the only signal.

import type { Card } from '../../../../shared/games/election/cards';
import type { CardRef } from '../../../../shared/games/election/view';
import { useT } from '../../i18n/I18nProvider';
import type { Translator } from '../../i18n/translate';

export function CardFace({ card, size = 'big' }: { card: Card; size?: 'big' | 'medium' }) {
  const t = useT();
  return (
    <div
      className={`el-card el-card-${size}${card.red ? ' red' : ''}`}
      role="img"
      aria-label={t('election.card.yours', { card: spokenIn(t, card.label) })}
    >
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
          {t('election.card.deckShort', { deck: card.deck })}
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

/** "9♠" → "9 of spades", in the reader's language, for screen readers. */
export function spokenIn(t: Translator, label: string): string {
  const m = /^(?<rank>10|[2-9AJQK])(?<suit>[♠♥♦♣])(?:·(?<deck>\d+))?$/.exec(label);
  const { rank, suit, deck } = m?.groups ?? {};
  if (!rank || !suit) return label;
  const rankWord =
    rank === 'A'
      ? t('election.card.ace')
      : rank === 'J'
        ? t('election.card.jack')
        : rank === 'Q'
          ? t('election.card.queen')
          : rank === 'K'
            ? t('election.card.king')
            : rank;
  const suitWord =
    suit === '♠'
      ? t('election.card.spades')
      : suit === '♥'
        ? t('election.card.hearts')
        : suit === '♦'
          ? t('election.card.diamonds')
          : t('election.card.clubs');
  const spoken = t('election.card.spoken', { rank: rankWord, suit: suitWord });
  return deck ? t('election.card.deck', { card: spoken, deck: Number(deck) }) : spoken;
}
