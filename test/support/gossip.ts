// Helpers for the gossip tests: an engine context over hand-made faults, and a session on
// virtual time whose recording is kept in memory (as in shared/session/core.test.ts).

import { defaultFaults, type Faults } from '../../shared/net/faults';
import { isCrashed } from '../../shared/net/network';
import type { NodeId } from '../../shared/protocol/ids';
import { SessionCore } from '../../shared/session/core';
import type { SessionEvent } from '../../shared/protocol/recordingFormat';
import { makeHeader } from '../../shared/session/header';
import type { Effect, EngineCtx, InitCtx, Rejection } from '../../shared/games/types';
import { gossipConfig, type GossipConfig } from '../../shared/games/gossip/config';
import { gossip } from '../../shared/games/gossip/engine';
import type { GossipState } from '../../shared/games/gossip/state';
import { GAMES } from './games';

export const ids = (n: number): NodeId[] => Array.from({ length: n }, (_, i) => `n${i + 1}`);

export interface Table {
  state: GossipState;
  ctx: EngineCtx & { faults: Faults };
  init: Effect[];
  /** Runs an action through check then act, as the session does; returns the rejection or the effects. */
  act(node: NodeId, action: unknown): Effect[] | Rejection;
}

/** A game on `n` nodes driven by hand: no session, no network, no timers. */
export function table(n: number, config: Partial<GossipConfig> = {}, seed = 1): Table {
  const nodes = ids(n);
  const ctx = { now: 0, nodes, faults: defaultFaults(), isDown: (node: NodeId) => isCrashed(ctx.faults, node) };
  const initCtx: InitCtx = { ...ctx, seed };
  const { state, effects } = gossip.init(gossipConfig.parse(config), initCtx);
  return {
    state,
    ctx,
    init: effects,
    act(node, raw) {
      const parsed = gossip.action.safeParse(raw);
      if (!parsed.success) return { code: 'bad_action', params: { detail: parsed.error.message } };
      const rejected = gossip.check(state, node, parsed.data, ctx);
      return rejected ?? gossip.act(state, node, parsed.data, ctx);
    },
  };
}

export const sends = (effects: Effect[]) => effects.filter((e): e is Extract<Effect, { type: 'send' }> => e.type === 'send');

/** A session on virtual time with `bots` bots and an in-memory recording. */
export function session(bots: number, seed = 1, faults: Faults = defaultFaults()) {
  const events: SessionEvent[] = [];
  const header = makeHeader({ seed, faults, vectorClocks: false, capacity: Math.max(300, bots) });
  const core = SessionCore.create(header, GAMES, (e) => events.push(structuredClone(e)));
  core.addBots(0, bots);
  let now = 0;
  const runUntil = (t: number) => {
    for (let at = core.nextWakeAt(); at !== null && at <= t; at = core.nextWakeAt()) {
      now = at;
      core.advance(at);
    }
    now = Math.max(now, t);
  };
  const game = () => core.state.round?.engineState as GossipState | undefined;
  return { core, events, header, runUntil, now: () => now, game };
}
