// Helpers for the cart tests: an engine driven by hand (no session), and a session on virtual
// time whose recording is kept in memory.

import { defaultFaults, type Faults } from '../../shared/net/faults';
import { isCrashed } from '../../shared/net/network';
import type { NodeId } from '../../shared/protocol/ids';
import type { SessionEvent } from '../../shared/protocol/recordingFormat';
import { SessionCore } from '../../shared/session/core';
import { makeHeader } from '../../shared/session/header';
import type { Effect, EngineCtx, Envelope, InitCtx, Rejection } from '../../shared/games/types';
import { cartConfig, type CartConfig } from '../../shared/games/cart/config';
import { cart } from '../../shared/games/cart/engine';
import type { CartState } from '../../shared/games/cart/state';
import { GAMES } from './games';

export const ids = (n: number): NodeId[] => Array.from({ length: n }, (_, i) => `n${i + 1}`);

export type Send = Extract<Effect, { type: 'send' }>;
export const sends = (effects: Effect[]): Send[] => effects.filter((e): e is Send => e.type === 'send');

/**
 * A round on `n` replicas driven by hand: the test decides which envelope arrives when (or
 * never), so partitions, loss, duplication and reordering are all the test's own choice.
 */
export function table(n: number, config: Partial<CartConfig> = {}, seed = 1) {
  const nodes = ids(n);
  const down = new Set<NodeId>();
  const ctx: EngineCtx & { faults: Faults } = {
    now: 0,
    nodes,
    faults: defaultFaults(),
    isDown: (node) => down.has(node) || isCrashed(ctx.faults, node),
  };
  const initCtx: InitCtx = { ...ctx, seed };
  const { state } = cart.init(cartConfig.parse(config), initCtx);
  let next = 1;
  const envelope = (s: Send): Envelope => ({
    id: `m${next++}`,
    from: s.from,
    to: s.to,
    kind: s.kind,
    body: structuredClone(s.body),
    sentAt: ctx.now,
    lamport: 0,
  });
  return {
    state: state as CartState,
    ctx,
    down,
    /** check then act, as the session does: the rejection, or the effects. */
    tap(node: NodeId, item: string, delta: 1 | -1): Effect[] | Rejection {
      const parsed = cart.action.safeParse({ type: 'add', item, delta });
      if (!parsed.success) return { code: 'bad_action' };
      return cart.check(state, node, parsed.data, ctx) ?? cart.act(state, node, parsed.data, ctx);
    },
    deliver(s: Send): Effect[] {
      return cart.deliver(state, envelope(s), ctx);
    },
    timer(key: string): Effect[] {
      return cart.timer(state, key, ctx);
    },
  };
}

/** A session on virtual time with `bots` bots and an in-memory recording (vector clocks on). */
export function session(bots: number, seed = 1, faults: Faults = defaultFaults(), vectorClocks = false) {
  const events: SessionEvent[] = [];
  const header = makeHeader({ seed, faults, vectorClocks, capacity: Math.max(300, bots) });
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
  const game = () => core.state.round?.engineState as CartState | undefined;
  return { core, events, header, runUntil, now: () => now, game };
}
