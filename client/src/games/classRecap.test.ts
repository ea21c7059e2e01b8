// The class's half of a phone's ending (issue 12, item 8): after a cart or sandbox round, each
// phone says what the whole class did, from the counts the server put in its view.

import { describe, expect, it } from 'vitest';
import type { CartClassRecap } from '../../../shared/games/cart/analysis';
import type { SandboxClassRecap } from '../../../shared/games/sandbox/config';
import en from '../i18n/messages/en';
import es from '../i18n/messages/es';
import fr from '../i18n/messages/fr';
import { createTranslator, type Catalogue } from '../i18n/translate';
import { asCartClassRecap, cartClassRecapText } from './cart/words';
import { asSandboxClassRecap, sandboxClassRecapText } from './sandbox/words';

const tEn = createTranslator('en', en as unknown as Catalogue);
const tEs = createTranslator('es', es as unknown as Catalogue);
const tFr = createTranslator('fr', fr as unknown as Catalogue);
const cart = (over: Partial<CartClassRecap>): CartClassRecap => ({
  game: 'cart',
  mode: 'quorum',
  changes: 0,
  kept: 0,
  lost: 0,
  refused: 0,
  pending: 0,
  ...over,
});

describe('the class recap on a phone after a round', () => {
  it('cart, quorum: changes saved by a majority and refused', () => {
    expect(cartClassRecapText(tEn, cart({ mode: 'quorum', changes: 12, kept: 9, refused: 3 }))).toBe(
      'The class made 12 changes: 9 saved by a majority, 3 refused.',
    );
    expect(cartClassRecapText(tEs, cart({ mode: 'quorum', changes: 1, kept: 1 }))).toBe(
      'La clase hizo 1 cambio: 1 guardado por una mayoría, 0 rechazados.',
    );
    expect(cartClassRecapText(tFr, cart({ mode: 'quorum', changes: 5, kept: 4, refused: 1 }))).toBe(
      'La classe a fait 5 modifications : 4 enregistrées par une majorité, 1 refusée.',
    );
  });

  it('cart, last-writer-wins: the changes lost to a concurrent write are said', () => {
    expect(cartClassRecapText(tEn, cart({ mode: 'lww', changes: 10, kept: 7, lost: 3 }))).toBe(
      'The class made 10 changes: 7 kept, 3 lost (overwritten by another change), 0 refused.',
    );
    expect(cartClassRecapText(tEs, cart({ mode: 'lww', changes: 2, kept: 1, lost: 1 }))).toContain(
      '1 perdido (otro cambio lo sobrescribió)',
    );
    expect(cartClassRecapText(tFr, cart({ mode: 'lww', changes: 4, kept: 2, lost: 2 }))).toContain(
      '2 perdues (écrasées par d’autres modifications)',
    );
  });

  it('cart, CRDT: merged, none lost; writes still waiting at the end are counted apart', () => {
    expect(cartClassRecapText(tEn, cart({ mode: 'crdt', changes: 6, kept: 6 }))).toBe(
      'The class made 6 changes: 6 merged and kept, none lost, 0 refused.',
    );
    expect(cartClassRecapText(tEn, cart({ mode: 'quorum', changes: 4, kept: 2, refused: 1, pending: 1 }))).toBe(
      'The class made 4 changes: 2 saved by a majority, 1 refused, 1 still waiting when the round ended.',
    );
  });

  it('sandbox: what the class sent, what arrived and what was lost', () => {
    const r: SandboxClassRecap = { game: 'sandbox', sent: 14, arrived: 11, dropped: 3, duplicated: 0 };
    expect(sandboxClassRecapText(tEn, r)).toBe('The class sent 14 messages: 11 arrived, 3 were lost on the way.');
    expect(sandboxClassRecapText(tEn, { ...r, sent: 1, arrived: 0, dropped: 1 })).toBe(
      'The class sent 1 message: 0 arrived, 1 was lost on the way.',
    );
    expect(sandboxClassRecapText(tEs, r)).toBe('La clase envió 14 mensajes: 11 llegaron y 3 se perdieron por el camino.');
    expect(sandboxClassRecapText(tFr, r)).toBe('La classe a envoyé 14 messages : 11 sont arrivés, 3 se sont perdus en route.');
    // A duplicated message arrives twice: the extra copies are said, so more may arrive than were sent.
    const dup = { ...r, sent: 4, arrived: 5, dropped: 0, duplicated: 1 };
    expect(sandboxClassRecapText(tEn, dup)).toBe(
      'The class sent 4 messages, and the network made 1 extra copy: 5 arrived, 0 were lost on the way.',
    );
    expect(sandboxClassRecapText(tEs, { ...dup, duplicated: 2, arrived: 6 })).toBe(
      'La clase envió 4 mensajes, y la red hizo 2 copias de más: 6 llegaron y 0 se perdieron por el camino.',
    );
    expect(sandboxClassRecapText(tFr, dup)).toBe(
      'La classe a envoyé 4 messages, et le réseau en a fait 1 copie en plus : 5 sont arrivés, 0 s’est perdu en route.',
    );
  });

  it("a phone shows only its own game's recap (anything else in the view is ignored)", () => {
    expect(asCartClassRecap({ game: 'sandbox', sent: 1 })).toBeNull();
    expect(asSandboxClassRecap(null)).toBeNull();
    expect(asSandboxClassRecap({ game: 'sandbox', sent: 1, arrived: 1, dropped: 0 })).not.toBeNull();
  });
});
