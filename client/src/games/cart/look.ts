// How the cart looks on the network map [C16]: each replica marked by the list it holds (✓: the
// list most live replicas hold, ≠, ≠2…: others), with a fill per list. The mark says it
// without colour. Message kinds keep the protocol's own short names.

import { KINDS as WIRE } from '../../../../shared/games/cart/config';
import type { CartConsoleView } from '../../../../shared/games/cart/console';
import type { CartResult } from '../../../../shared/games/cart/analysis';
import type { KindLook, NodeDecoration } from '../types';
import type { Translator } from '../../i18n/translate';
import { formatMs } from '../../i18n/format';

/** Light fills (dark ink stays readable on each, AA): A green, then amber, rose, blue, violet, grey. */
export const STATE_FILLS = ['#8fd9a8', '#ffd98a', '#ffc9c2', '#c5d8ff', '#e2c9f5', '#dde1e8'] as const;

/**
 * The mark of a list: ✓ for the list most live replicas hold, ≠, ≠2, ≠3… for the others (not
 * letters: the map already names partition groups A, B…).
 */
export const stateLetter = (k: number): string => (k === 0 ? '✓' : k === 1 ? '≠' : `≠${k}`);

export const KINDS: Record<string, KindLook> = {
  [WIRE.write]: { color: '#146c2e', label: 'cart.look.kind.write' },
  [WIRE.seen]: { color: '#5c677d', label: 'cart.look.kind.seen' },
  [WIRE.sync]: { color: '#0b7285', label: 'cart.look.kind.sync' },
  [WIRE.propose]: { color: '#1f4fbf', label: 'cart.look.kind.propose' },
  [WIRE.vote]: { color: '#8a1c7c', label: 'cart.look.kind.vote' },
  [WIRE.commit]: { color: '#146c2e', label: 'cart.look.kind.commit' },
  [WIRE.abort]: { color: '#b42318', label: 'cart.look.kind.abort' },
};

export function decorate(view: CartConsoleView): Record<string, NodeDecoration> {
  return view?.game === 'cart' ? decorateReplicas(view.replicas) : {};
}

/** Each replica's mark and fill, from which list it holds (the console's view and the stage's alike). */
export function decorateReplicas(
  replicas: Record<string, { state: number; agrees: boolean; down: boolean }>,
): Record<string, NodeDecoration> {
  const out: Record<string, NodeDecoration> = {};
  for (const [id, r] of Object.entries(replicas)) {
    out[id] = {
      short: stateLetter(r.state),
      fill: STATE_FILLS[r.state % STATE_FILLS.length],
      alert: !r.agrees && !r.down,
    };
  }
  return out;
}

/** One line for the session's results table: mode, availability during the split, lost, converged. */
export function summary(r: CartResult, t: Translator): string {
  if (r?.game !== 'cart') return t('common.dash');
  const parts = [
    t('cart.look.summary.writes', { mode: t(`cart.mode.${r.mode}`), accepted: r.writes.accepted, attempted: r.writes.attempted }),
  ];
  if (r.duringSplit.attempted)
    parts.push(t('cart.look.summary.split', { accepted: r.duringSplit.accepted, attempted: r.duringSplit.attempted }));
  parts.push(t('cart.look.summary.lost', { count: r.lost }));
  parts.push(
    !r.converged
      ? t('cart.look.summary.differ')
      : r.convergeMs !== null
        ? t('cart.look.summary.agreedAfter', { after: formatMs(t, r.convergeMs) })
        : t('cart.look.summary.agree'),
  );
  return parts.join(' · ');
}
