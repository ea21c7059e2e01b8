// A lean lock-step driver for bots-only gossip on a fault-free network, for the statistical
// test [G16]: many trials of 1,024 nodes through the whole session core would take minutes.
// It calls the engine exactly as a session with latency 0 and a fixed bot delay does: at each
// gossip round's start every node's bot looks at its own view and acts (each action checked
// first), then every message is delivered, then the round's timer fires. A test checks that
// it agrees with the simulator (shared/sim/runner.ts) on the same settings.

import type { NodeId } from '../../shared/protocol/ids';
import { defaultFaults } from '../../shared/net/faults';
import { createRng, deriveSeed } from '../../shared/rng';
import type { Effect, EngineCtx, Envelope } from '../../shared/games/types';
import type { GossipResult } from '../../shared/games/gossip/analysis';
import { TICK_KEY, type GossipConfig } from '../../shared/games/gossip/config';
import { gossip } from '../../shared/games/gossip/engine';

export function runLockstep(config: GossipConfig, nodeCount: number, seed: number): GossipResult {
  const nodes: NodeId[] = Array.from({ length: nodeCount }, (_, i) => `n${i + 1}`);
  const faults = defaultFaults();
  const isDown = () => false;
  const ctx: EngineCtx = { now: 0, nodes, faults, isDown };
  const botRng = createRng(deriveSeed(seed, 'lockstep:bots'));
  const queue: Envelope[] = [];
  let ended = false;
  let ids = 0;
  const apply = (effects: Effect[]) => {
    for (const e of effects) {
      if (e.type === 'send') {
        queue.push({ id: `m${++ids}`, from: e.from, to: e.to, kind: e.kind, body: e.body, sentAt: ctx.now, lamport: 0 });
      } else if (e.type === 'end') ended = true;
    }
  };
  const { state, effects } = gossip.init(config, { ...ctx, seed });
  apply(effects);
  while (!ended) {
    const start = ctx.now;
    ctx.now = start + config.botDelayMs;
    for (const node of nodes) {
      const actions = gossip.bot(gossip.view(state, node), { node, nodes, now: ctx.now, rng: botRng, config });
      for (const action of actions) if (!gossip.check(state, node, action, ctx)) apply(gossip.act(state, node, action, ctx));
    }
    for (let i = 0; i < queue.length && !ended; i++) apply(gossip.deliver(state, queue[i]!, ctx));
    queue.length = 0;
    if (ended) break;
    ctx.now = start + config.roundMs;
    apply(gossip.timer(state, TICK_KEY, ctx));
  }
  return gossip.result(state, { sent: ids, delivered: ids, duplicated: 0, dropped: { crashed: 0, partition: 0, loss: 0 } }) as GossipResult;
}
