// The bot scheduler: when a node on autopilot (a bot, or a phone switched to it) sees its view
// change, it gets one turn after the game's bot delay; at that turn the game's bot policy
// reads the node's view and its actions go through the same checks as a phone's.

import type { AnyEngine } from '../games/types';
import type { NodeId } from '../protocol/ids';
import type { Result } from '../protocol/result';
import type { Rng } from '../rng';
import { inRound, isAutomated, isNodeDown, type SessionState } from './state';

/** What the scheduler needs of the session core. */
export interface BotHost {
  readonly state: SessionState;
  /** The running round's engine. */
  engine(): AnyEngine;
  /** Session time (never behind the last event). */
  time(now: number): number;
  /** Queues the node's turn at `at`; `turn` is then called with it. */
  wakeAt(at: number, node: NodeId): void;
  act(now: number, node: NodeId, action: unknown, by: 'bot'): Result<null>;
}

export class BotScheduler {
  /** Nodes with a turn queued: one at a time each, however often their view changes. */
  private readonly pending = new Set<NodeId>();

  constructor(
    private readonly host: BotHost,
    private readonly rng: Rng,
  ) {}

  /** A round started or ended: turns queued for the old one are forgotten. */
  clear(): void {
    this.pending.clear();
  }

  /** These nodes' views changed: each automated one without a queued turn gets one. */
  viewsChanged(nodes: readonly NodeId[], now: number): void {
    const { state } = this.host;
    const round = state.round;
    if (!round || state.ended) return;
    const engine = this.host.engine();
    for (const n of nodes) {
      if (this.pending.has(n) || !isAutomated(state.nodes[n])) continue;
      this.pending.add(n);
      this.host.wakeAt(this.host.time(now) + engine.botDelay(round.engineState, this.rng), n);
    }
  }

  /** A queued turn is due: the bot reads its node's view and acts. */
  turn(node: NodeId, now: number): void {
    this.pending.delete(node);
    const { state } = this.host;
    const round = state.round;
    if (!round || !isAutomated(state.nodes[node]) || isNodeDown(state, node)) return;
    if (!inRound(round.spec, node)) return;
    const engine = this.host.engine();
    const view = engine.view(round.engineState, node);
    const actions = engine.bot(view, {
      node,
      now: this.host.time(now),
      rng: this.rng,
      config: round.spec.config,
      nodes: round.spec.nodes,
    });
    for (const action of actions) {
      // A refused action is skipped; once one ends the round, the rest belong to no round.
      if (state.round !== round) return;
      this.host.act(now, node, action, 'bot');
    }
  }
}
