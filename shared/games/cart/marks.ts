// The cart's marks on the replay's timeline [C16]: write saved / refused / overwritten, every
// replica agreeing. The label is an English sentence for logs; `data.notice` is the code and
// parameters the client words in the reader's language (shared/protocol/notice.ts).

import type { Effect } from '../types';
import type { CartState, CartWrite } from './state';

export const signed = (d: number): string => (d > 0 ? `+${d}` : `${d}`);

export function markData(code: string, w: CartWrite, extra: Record<string, string | number | null> = {}) {
  return {
    notice: { code, params: { node: { node: w.node }, item: w.item, delta: w.delta, ...extra } },
    write: w.id,
    item: w.item,
    delta: w.delta,
    status: w.status,
  };
}

export function convergedMark(state: CartState, now: number): Effect {
  const after = state.healedAt !== null ? now - state.healedAt : null;
  return {
    type: 'mark',
    label:
      after !== null ? `every live replica holds the same list (${after} ms after the heal)` : 'every live replica holds the same list',
    data: { notice: { code: 'cart.mark.converged', params: { afterMs: after } }, converged: true, afterMs: after },
  };
}
