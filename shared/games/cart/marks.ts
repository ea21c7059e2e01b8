// The cart's marks on the replay's timeline [C16]: write saved / refused / overwritten, every
// replica agreeing. Each mark is a notice (a code and params, worded by the client's catalogue:
// notice.cart.mark.*) with the write's facts as data.

import { notice } from '../../protocol/notice';
import type { Effect } from '../types';
import type { CartState, CartWrite } from './state';

/** The facts a write's mark carries (for the timeline's details and for tests). */
export function writeFacts(w: CartWrite) {
  return { write: w.id, item: w.item, delta: w.delta, status: w.status };
}

export function convergedMark(state: CartState, now: number): Effect {
  const after = state.healedAt !== null ? now - state.healedAt : null;
  return {
    type: 'mark',
    notice: notice('cart.mark.converged', { afterMs: after }),
    data: { converged: true, afterMs: after },
  };
}
