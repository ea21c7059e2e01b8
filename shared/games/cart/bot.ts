// The autopilot [C14]: a shopper who taps about once every botEveryMs (plus up to botJitterMs),
// on an item picked at random, + more often than −, and only where its phone would let it. It
// sees only its own view. It stops at botsStopAt (after the round's start), if set.

import type { Rng } from '../../rng';
import type { BotCtx } from '../types';
import type { CartAction, CartConfig } from './config';
import type { CartState } from './state';
import type { CartNodeView } from './view';

/** The share of taps on + when both + and − are possible. */
export const BOT_ADD_SHARE = 0.6;

export function cartBot(v: CartNodeView | null, ctx: BotCtx<CartConfig>): CartAction[] {
  if (!v || v.over) return [];
  const stop = ctx.config.botsStopAt;
  if (stop !== null && ctx.now >= v.startedAt + stop) return [];
  const choices = v.items.filter((i) => i.canAdd || i.canRemove);
  if (!choices.length) return [];
  const pick = ctx.rng.pick(choices);
  const add = pick.canAdd && (!pick.canRemove || ctx.rng.chance(BOT_ADD_SHARE));
  return [{ type: 'add', item: pick.item, delta: add ? 1 : -1 }];
}

export function botDelay(state: CartState, rng: Rng): number {
  const { botEveryMs, botJitterMs } = state.config;
  return botEveryMs + (botJitterMs > 0 ? rng.int(botJitterMs + 1) : 0);
}
