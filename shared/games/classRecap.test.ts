// What every phone is told about the class after a round (issue 12, item 8): worked out from
// the round's result, counts only.

import { describe, expect, it } from 'vitest';
import { cartClassRecap, type CartResult } from './cart/analysis';
import { sandbox } from './sandbox/engine';

describe('class recaps from a round result', () => {
  it('sandbox: sent, arrived, and every dropped message whatever dropped it', () => {
    const result = {
      game: 'sandbox' as const,
      nodes: 4,
      sent: 10,
      delivered: 6,
      duplicated: 1,
      dropped: { crashed: 1, partition: 2, loss: 1 },
    };
    expect(sandbox.classRecap?.(result)).toEqual({ game: 'sandbox', sent: 10, arrived: 6, dropped: 4, duplicated: 1 });
  });

  it('cart: kept is accepted minus lost (lww), with refused and pending as recorded', () => {
    const result = { mode: 'lww', writes: { attempted: 9, accepted: 7, refused: 1, pending: 1 }, lost: 3 } as unknown as CartResult;
    expect(cartClassRecap(result)).toEqual({ game: 'cart', mode: 'lww', changes: 9, kept: 4, lost: 3, refused: 1, pending: 1 });
  });
});
