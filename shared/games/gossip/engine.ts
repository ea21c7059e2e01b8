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
import { refreshReach } from './reach';
import { applyAction, checkAction, countSent } from './rules';
import { createState, learn, nodeOf, REQUESTS_KEPT, type GossipState, type Outcome } from './state';
import { consoleView, type GossipConsoleView } from './console';
import { stageView } from './stage';
import { nodeView, type GossipNodeView } from './view';
import { nodeParam, notice, type Notice } from '../../protocol/notice';

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
};

function redundant(state: GossipState): void {
  state.redundant++;
  state.redundantPerRound[state.round] = (state.redundantPerRound[state.round] ?? 0) + 1;
}

/** [G8] An asked node that has known since an earlier round answers at once with the rumour. */
function answerPull(state: GossipState, env: Envelope, ctx: EngineCtx): Effect[] {
  const me = nodeOf(state, env.to);
  const answered = me.knows && me.learnedRound < state.round && state.word !== null;
  me.requests.push({ from: env.from, round: state.round, at: ctx.now, answered });
  if (me.requests.length > REQUESTS_KEPT) me.requests.splice(0, me.requests.length - REQUESTS_KEPT);
  if (!answered) return [];
  countSent(state, env.to, KINDS.reply, 1);
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

/**
 * Ends the game when every live node knows [G11]. After a node learned it rechecks only when
 * no node was known to be waiting any more (so it stays O(1) per message); on fault changes
 * it always rechecks (they can cut, heal, crash or restart anyone).
 */
function checkEnd(state: GossipState, ctx: EngineCtx, always = false): Effect[] {
  if (state.over !== null || (!always && state.reach.waiting > 0)) return [];
  const reach = refreshReach(state, ctx);
  if (reach.live > 0 && reach.liveUninformed === 0) {
    return finish(state, 'everyone', { card: state.config.mode === 'highest-card' ? 'yes' : 'no', round: state.lastLearnedRound });
  }
  return noteStuck(state, ctx.now);
}

/**
 * Keeps `stuckSince` (when the rumour last ran out of nodes it can reach while live nodes
 * still do not know) and marks the moment it happens, for the timeline.
 */
function noteStuck(state: GossipState, now: number): Effect[] {
  const { reach } = state;
  if (reach.waiting > 0 || reach.liveUninformed === 0) {
    state.stuckSince = null;
    state.stalledRounds = 0;
    return [];
  }
  if (state.stuckSince !== null) return [];
  state.stuckSince = now;
  return [
    {
      type: 'mark',
      notice: notice('gossip.mark.stuck', {
        round: state.lastLearnedRound,
        count: reach.liveUninformed,
        why: reach.knowersAlive === 0 ? 'down' : 'partition',
      }),
      data: { round: state.round, cut: reach.cut, knowersAlive: reach.knowersAlive },
    },
  ];
}

/** [G3][G11] The round timer: count the round, stop if stuck or out of rounds, else start the next. */
function endOfRound(state: GossipState, ctx: EngineCtx): Effect[] {
  const reach = refreshReach(state, ctx);
  if (reach.live > 0 && reach.liveUninformed === 0) {
    return finish(state, 'everyone', { card: state.config.mode === 'highest-card' ? 'yes' : 'no', round: state.lastLearnedRound });
  }
  const effects = noteStuck(state, ctx.now);
  if (state.stuckSince !== null) {
    state.stalledRounds++;
    if (state.stalledRounds > state.config.healWaitRounds) {
      return [...effects, ...finish(state, 'stalled', { count: reach.liveUninformed })];
    }
  }
  if (state.round >= state.config.maxRounds) {
    return [...effects, ...finish(state, 'max-rounds', { rounds: state.config.maxRounds })];
  }
  state.round++;
  state.roundStartedAt = ctx.now;
  state.roundEndsAt = ctx.now + state.config.roundMs;
  state.informedPerRound.push(state.informed);
  state.sentPerRound.push(0);
  state.redundantPerRound.push(0);
  effects.push({ type: 'timer', key: TICK_KEY, delay: state.config.roundMs }, { type: 'changed', nodes: 'all' });
  return effects;
}

/** The game ends: its outcome is the round's end reason (`gossip.everyone`…), its mark the same with figures. */
function finish(state: GossipState, outcome: Outcome, params: Notice['params']): Effect[] {
  const reason = `gossip.${outcome}`;
  state.outcome = outcome;
  state.over = reason;
  return [
    {
      type: 'mark',
      notice: notice(`gossip.mark.${outcome}`, params),
      data: { outcome, round: state.round, lastLearnedRound: state.lastLearnedRound },
    },
    { type: 'cancel', key: TICK_KEY },
    { type: 'end', reason },
  ];
}
