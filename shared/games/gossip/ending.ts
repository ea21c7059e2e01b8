// How a gossip game ends [G11]: the check after a node learns or the faults change, the round
// timer, and the stuck marks. Shared by the engine and its seat rules (seats.ts).

import { notice, type Notice } from '../../protocol/notice';
import type { Effect, EngineCtx } from '../types';
import { TICK_KEY } from './config';
import { refreshReach } from './reach';
import type { GossipState, Outcome } from './state';

/**
 * Ends the game when every live node knows [G11]. After a node learned it rechecks only when
 * no node was known to be waiting any more (so it stays O(1) per message); on fault changes
 * it always rechecks (they can cut, heal, crash or restart anyone).
 */
export function checkEnd(state: GossipState, ctx: EngineCtx, always = false): Effect[] {
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
export function endOfRound(state: GossipState, ctx: EngineCtx): Effect[] {
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
