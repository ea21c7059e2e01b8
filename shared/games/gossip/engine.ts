// The gossip rumour game (epidemic spreading): one node starts with a secret word and, round
// after round, every node that knows tells `fanout` others (push), or asks (pull), or both; or
// every node spreads the highest card it has seen. Rules, with IDs, are in README.md.
//
// Linear in the nodes: each message costs O(1), each gossip round O(N) (every phone's round
// counter changes), and the "who can still learn" check is O(N) and runs per round, per fault
// change, and when the last node known to be waiting learns.

import type { Effect, EngineCtx, Envelope, GameEngine } from '../types';
import { gossipResult, type GossipResult } from './analysis';
import { botDelay, botIdle, gossipBot, gossipBotAct } from './bot';
import { GAME_ID, gossipAction, gossipConfig, KINDS, TICK_KEY, type CardBody, type GossipAction, type GossipConfig } from './config';
import { checkEnd, endOfRound } from './ending';
import { applyAction, checkAction, takePull } from './rules';
import { gossipSeats } from './seats';
import { createState, learn, nodeOf, redundant, type GossipState } from './state';
import { consoleView, type GossipConsoleView } from './console';
import { stageView } from './stage';
import { nodeView, type GossipNodeView } from './view';
import { nodeParam, notice } from '../../protocol/notice';

export const gossip: GameEngine<GossipConfig, GossipState, GossipAction, GossipNodeView | null, GossipConsoleView, GossipResult> = {
  id: GAME_ID,
  title: 'Gossip: spread the rumour',
  config: gossipConfig,
  action: gossipAction,
  minNodes: 2,

  init(config, ctx) {
    const state = createState(config, ctx);
    const effects: Effect[] = [];
    if (state.origin !== null) {
      const origin = nodeParam(state.origin);
      const mark =
        config.mode === 'highest-card'
          ? notice('gossip.mark.highest_dealt', { node: origin })
          : state.originBy === 'chance' && config.origin !== undefined
            ? notice('gossip.mark.origin_instead', { node: origin, chosen: config.origin })
            : notice('gossip.mark.origin', { node: origin });
      effects.push({ type: 'mark', node: state.origin, notice: mark, data: { round: 0 } });
    }
    effects.push(...checkEnd(state, ctx, true));
    if (state.over === null) effects.push({ type: 'timer', key: TICK_KEY, delay: config.roundMs });
    effects.push({ type: 'changed', nodes: 'all' });
    return { state, effects };
  },

  check: (state, node, action) => checkAction(state, node, action),

  act: (state, node, action) => applyAction(state, node, action),

  deliver(state, env, ctx) {
    if (state.over !== null) return [];
    const me = state.per[env.to];
    if (!me || !state.per[env.from]) return [];
    state.delivered++;
    // A message that brings nothing new changes no phone's screen (the phone shows who told
    // it first, not how often): no 'changed', so a big run does not wake a bot per message.
    switch (env.kind) {
      case KINDS.push:
      case KINDS.reply:
        me.heard++;
        if (me.knows) {
          redundant(state);
          return [];
        }
        return [{ type: 'changed', nodes: [env.to] }, ...learn(state, env.to, env.from, ctx.now), ...checkEnd(state, ctx)];
      case KINDS.pull:
        return [{ type: 'changed', nodes: [env.to] }, ...answerPull(state, env, ctx)];
      case KINDS.card:
        return takeCard(state, env as Envelope<CardBody>, ctx);
      default:
        return [];
    }
  },

  timer(state, key, ctx) {
    if (key !== TICK_KEY || state.over !== null) return [];
    return endOfRound(state, ctx);
  },

  faultsChanged(state, _prev, _next, ctx) {
    return checkEnd(state, ctx, true);
  },

  view: (state, node) => nodeView(state, node),
  consoleView: (state) => consoleView(state),
  stageView: (state, revealed) => stageView(state, revealed),
  result: (state, net) => gossipResult(state, net),
  bot: gossipBot,
  botIdle,
  botAct: gossipBotAct,
  botDelay,
  seats: gossipSeats,
};

/** [G8] An asked node that has known since an earlier round answers at once with the rumour. */
function answerPull(state: GossipState, env: Envelope, ctx: EngineCtx): Effect[] {
  if (!takePull(state, nodeOf(state, env.to), env.from, ctx.now)) return [];
  return [{ type: 'send', from: env.to, to: env.from, kind: KINDS.reply, body: { word: state.word } }];
}

/** [G10] A node keeps the highest card it has seen; holding the highest card dealt is "knowing". */
function takeCard(state: GossipState, env: Envelope<CardBody>, ctx: EngineCtx): Effect[] {
  const me = nodeOf(state, env.to);
  const card = env.body?.card;
  if (typeof card !== 'number') return [];
  me.heard++;
  if (card <= me.best) {
    redundant(state);
    return [];
  }
  me.best = card;
  me.bestFrom = env.from;
  me.bestRound = state.round;
  const changed: Effect = { type: 'changed', nodes: [env.to] };
  if (card !== state.top || me.knows) return [changed];
  return [changed, ...learn(state, env.to, env.from, ctx.now), ...checkEnd(state, ctx)];
}
