// What the projector stage shows the whole class of a cart round [C16]: every list side by side
// with its mark (the divergence map), the split's sides, and at the heal the merge played out
// (the lists agreeing, the time it took, the updates lost or the writes refused). The cart
// keeps no secrets from the class (each phone sees only its own list, but the lesson is to
// compare them all), so `revealed` changes nothing. Also the verdict of a finished round.

import type { NodeId } from '../../protocol/ids';
import type { ItemId, CartMode } from './config';
import { consoleView } from './console';
import type { LostGroup } from './lww';
import type { CartState, SideCount } from './state';

/** Lost updates named on the stage (the console lists more). */
export const STAGE_LOST = 6;

export interface CartStageView {
  game: 'cart';
  mode: CartMode;
  n: number;
  majority: number;
  split: boolean;
  healedAt: number | null;
  agreeSince: number | null;
  /** ms from the last heal until the lists agreed (null: not healed, or not agreeing). */
  convergeMs: number | null;
  live: number;
  distinct: number;
  holders: number;
  majorityList: Record<ItemId, number> | null;
  replicas: Record<NodeId, { list: Record<ItemId, number>; state: number; agrees: boolean; down: boolean }>;
  sides: Record<string, SideCount>;
  totals: { attempted: number; accepted: number; refused: number; pending: number };
  /** Writes tapped while the network was split. */
  duringSplit: SideCount;
  lost: { writes: number; groups: LostGroup[] };
}

export function stageView(state: CartState, _revealed: boolean): CartStageView {
  const c = consoleView(state);
  const replicas: CartStageView['replicas'] = {};
  for (const [id, r] of Object.entries(c.replicas)) replicas[id] = { list: r.list, state: r.state, agrees: r.agrees, down: r.down };
  const duringSplit = { attempted: 0, accepted: 0, refused: 0 };
  for (const w of state.writes) {
    if (w.split === null) continue;
    duringSplit.attempted++;
    if (w.status !== 'pending') duringSplit[w.status]++;
  }
  return {
    game: 'cart',
    mode: c.mode,
    n: c.n,
    majority: c.majority,
    split: c.split,
    healedAt: c.healedAt,
    agreeSince: c.agreeSince,
    convergeMs: c.healedAt !== null && !c.split && c.agreeSince !== null ? Math.max(0, c.agreeSince - c.healedAt) : null,
    live: c.live,
    distinct: c.distinct,
    holders: c.holders,
    majorityList: c.majorityList,
    replicas,
    sides: c.sides,
    totals: c.totals,
    duringSplit,
    lost: { writes: c.lost.writes, groups: c.lost.groups.slice(0, STAGE_LOST) },
  };
}
