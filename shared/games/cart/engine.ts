// The split-brain cart: every node is a replica of the class's shopping list; the instructor
// picks how replicas answer a partition (majority quorum, last-writer-wins, or a CRDT) and the
// class sees what each keeps, refuses and loses. Rules, with IDs, are in README.md.

import { isPartitioned } from '../../net/faults';
import { notice } from '../../protocol/notice';
import type { Effect, EngineCtx, GameEngine } from '../types';
import { cartClassRecap, cartResult, type CartResult } from './analysis';
import { botDelay, cartBot } from './bot';
import { cartAction, cartConfig, DEADLINE_PREFIX, END_KEY, GAME_ID, TICK_KEY, type CartAction, type CartConfig } from './config';
import { consoleView, type CartConsoleView } from './console';
import { convergedMark } from './marks';
import { onDeadline } from './quorum';
import { refreshAgreement, touch } from './replica';
import { antiEntropy, receive } from './replicate';
import { applyAction, checkAction } from './rules';
import { createState, replicaOf, type CartState } from './state';
import { stageView } from './stage';
import { nodeView, type CartNodeView } from './view';

export const cart: GameEngine<CartConfig, CartState, CartAction, CartNodeView | null, CartConsoleView, CartResult> = {
  id: GAME_ID,
  title: 'Split-brain cart: quorum, last-writer-wins or CRDT',
  config: cartConfig,
  action: cartAction,
  minNodes: 2,

  init(config, ctx) {
    const state = createState(config, ctx);
    for (const n of state.nodes) touch(state, replicaOf(state, n));
    noteDown(state, ctx);
    if (isPartitioned(ctx.faults)) startSplit(state, ctx.now);
    const effects: Effect[] = [
      { type: 'timer', key: TICK_KEY, delay: config.syncMs },
      { type: 'timer', key: END_KEY, delay: config.durationMs },
      { type: 'changed', nodes: 'all' },
    ];
    return { state, effects };
  },

  check: (state, node, action) => checkAction(state, node, action),

  act: (state, node, action, ctx) => applyAction(state, node, action, ctx),

  deliver(state, env, ctx) {
    if (state.over !== null) return [];
    const me = state.replicas[env.to];
    if (!me || !state.replicas[env.from]) return [];
    const before = me.digest;
    const changes = me.changes.length === 0 ? null : me.changes.at(-1);
    const effects = receive(state, me, env, ctx);
    touch(state, me);
    if (me.digest !== before || me.changes.at(-1) !== changes) {
      effects.push({ type: 'changed', nodes: [env.to] });
      if (refreshAgreement(state, ctx)) effects.push(convergedMark(state, ctx.now));
    }
    return effects;
  },

  timer(state, key, ctx) {
    if (state.over !== null) return [];
    if (key === TICK_KEY) {
      noteDown(state, ctx);
      return [...antiEntropy(state, ctx), { type: 'timer', key: TICK_KEY, delay: state.config.syncMs }];
    }
    if (key === END_KEY) return finish(state, 'cart.time_up');
    if (key.startsWith(DEADLINE_PREFIX)) {
      const id = Number(key.slice(DEADLINE_PREFIX.length));
      const w = state.writes[id - 1];
      const effects = onDeadline(state, id, ctx);
      return w && effects.length ? [...effects, { type: 'changed', nodes: [w.node] }] : effects;
    }
    return [];
  },

  faultsChanged(state, _prev, next, ctx) {
    if (state.over !== null) return [];
    const effects: Effect[] = [];
    noteDown(state, ctx);
    const split = isPartitioned(next);
    if (split && !state.split) {
      startSplit(state, ctx.now);
      effects.push({ type: 'mark', notice: notice('cart.mark.split'), data: { split: state.splits } });
    } else if (!split && state.split) {
      state.split = false;
      state.healedAt = ctx.now;
      effects.push({ type: 'mark', notice: notice('cart.mark.healed'), data: { healed: true } });
    }
    if (refreshAgreement(state, ctx)) effects.push(convergedMark(state, ctx.now));
    return effects;
  },

  view: (state, node) => nodeView(state, node),
  consoleView: (state) => consoleView(state),
  stageView: (state, revealed) => stageView(state, revealed),
  result: (state, net, ctx) => cartResult(state, net, ctx?.now ?? state.endsAt, ctx ? (n) => ctx.isDown(n) : () => false),
  classRecap: cartClassRecap,
  bot: cartBot,
  botDelay,
};

function startSplit(state: CartState, now: number): void {
  state.split = true;
  state.splits++;
  state.splitAt = now;
  state.sides = {};
}

function finish(state: CartState, reason: string): Effect[] {
  state.over = reason;
  return [
    { type: 'cancel', key: TICK_KEY },
    { type: 'end', reason },
  ];
}

/** Which replicas are down (crashed or gone), for the console's divergence map. O(N). */
function noteDown(state: CartState, ctx: EngineCtx): void {
  for (const n of state.nodes) replicaOf(state, n).down = ctx.isDown(n);
}
