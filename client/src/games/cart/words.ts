// The cart's words, from the catalogue (client/src/i18n/messages/cart): item names, modes, what
// a tap became, how a list changed, lost updates. Typed keys only: every message used here is
// named literally, so the catalogue test sees it in use.

import type { CartClassRecap } from '../../../../shared/games/cart/analysis';
import type { ItemId, CartMode } from '../../../../shared/games/cart/config';
import type { LostGroup } from '../../../../shared/games/cart/lww';
import type { Change, RefuseReason } from '../../../../shared/games/cart/state';
import type { WriteFeedback } from '../../../../shared/games/cart/view';
import type { NameOf } from '../../i18n/words';
import type { MessageKey, Translator } from '../../i18n/translate';

const ITEM_KEYS = {
  apples: 'cart.item.apples',
  bread: 'cart.item.bread',
  cheese: 'cart.item.cheese',
  juice: 'cart.item.juice',
  pizza: 'cart.item.pizza',
  cake: 'cart.item.cake',
} as const satisfies Record<ItemId, MessageKey>;

export const itemName = (t: Translator, item: ItemId): string => t(ITEM_KEYS[item]);

const MODE_KEYS = {
  quorum: { title: 'cart.mode.quorum', text: 'cart.mode.quorum.text' },
  lww: { title: 'cart.mode.lww', text: 'cart.mode.lww.text' },
  crdt: { title: 'cart.mode.crdt', text: 'cart.mode.crdt.text' },
} as const satisfies Record<CartMode, { title: MessageKey; text: MessageKey }>;

export const modeTitle = (t: Translator, mode: CartMode): string => t(MODE_KEYS[mode].title);
export const modeText = (t: Translator, mode: CartMode): string => t(MODE_KEYS[mode].text);

/** "+1", "−2" (a true minus sign). */
export function signed(t: Translator, d: number): string {
  const n = t.number(Math.abs(d));
  return d > 0 ? `+${n}` : d < 0 ? `−${n}` : n;
}

const REFUSED_KEYS = {
  'no-majority': 'cart.write.refused.noMajority',
  behind: 'cart.write.refused.behind',
  conflict: 'cart.write.refused.conflict',
} as const satisfies Record<RefuseReason, MessageKey>;

export const refusedReason = (t: Translator, reason: RefuseReason): string => t(REFUSED_KEYS[reason]);

/** What your last tap became [C12]. */
export function feedbackText(t: Translator, mode: CartMode, w: WriteFeedback, n: number): string {
  if (w.status === 'pending') return t('cart.write.saving', { votes: w.votes, n, needed: w.needed });
  if (w.status === 'refused') {
    return w.reason === 'no-majority'
      ? t('cart.write.refused.noMajority.count', { votes: w.votes, n, needed: w.needed })
      : refusedReason(t, w.reason ?? 'conflict');
  }
  if (mode === 'quorum') return t('cart.write.saved.quorum', { votes: w.votes, n });
  return t('cart.write.saved.local', { seen: w.seen, others: n - 1 });
}

/** How a list changed because of others [C12]; `you` is the reader's node ("your +1 was overwritten"). */
export function changeText(t: Translator, c: Change, nameOf: NameOf, you: string): string {
  const item = itemName(t, c.item);
  const by = t.list(c.by.map(nameOf));
  const from = c.from;
  const to = c.to;
  switch (c.why) {
    case 'overwrote':
      if (c.lost?.nodes.length === 1 && c.lost.nodes[0] === you) {
        return t('cart.change.overwroteYours', { item, from, to, by, delta: signed(t, c.lost.delta) });
      }
      return t('cart.change.overwrote', {
        item,
        from,
        to,
        by,
        lost: t.list((c.lost?.nodes ?? []).map(nameOf)),
        delta: signed(t, c.lost?.delta ?? 0),
      });
    case 'update':
      return t('cart.change.update', { item, from, to, by });
    case 'merged':
      return t('cart.change.merged', { item, from, to, by });
    case 'saved':
      return t('cart.change.saved', { item, from, to, by });
    case 'caught-up':
      return t('cart.change.caughtUp', { item, from, to });
  }
}

/** "Ben’s +2 apples were overwritten by Ana’s +1" [C7]. */
export function lostText(t: Translator, g: LostGroup, nameOf: NameOf): string {
  return t('cart.lost.line', {
    node: nameOf(g.node),
    delta: signed(t, g.delta),
    item: itemName(t, g.item),
    writes: g.writes,
    by: t.list(g.by.map(nameOf)),
    byDelta: signed(t, g.byDelta),
  });
}

/** "1.2 s", "350 ms". */
export function msText(t: Translator, ms: number): string {
  return ms < 1000 ? t('cart.ms', { ms: Math.round(ms) }) : t('cart.seconds', { s: Math.round(ms / 100) / 10 });
}

/** "40 %" */
export const percent = (t: Translator, x: number): string => t.number(x, { style: 'percent', maximumFractionDigits: 0 });

/** The class's half of a phone's ending after a cart round: the class's changes and what became of them in this mode. */
export function cartClassRecapText(t: Translator, r: CartClassRecap): string {
  return t('phone.cart.recapClass', {
    mode: r.mode,
    changes: r.changes,
    kept: r.kept,
    lost: r.lost,
    refused: r.refused,
    pending: r.pending,
  });
}

/** The class recap the server put in the phone's view after a cart round, if it is one. */
export function asCartClassRecap(x: unknown): CartClassRecap | null {
  return typeof x === 'object' && x !== null && (x as { game?: unknown }).game === 'cart' ? (x as CartClassRecap) : null;
}
