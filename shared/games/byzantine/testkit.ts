// Test helpers: a session on virtual time with humans and bots playing a Byzantine round.
// Not a test file itself; the *.test.ts files beside it use it.

import type { FaultOp } from '../../net/faults';
import type { NodeId } from '../../protocol/ids';
import { SessionCore } from '../../session/core';
import type { SessionEvent } from '../../protocol/recordingFormat';
import { fold } from '../../session/fold';
import { makeHeader } from '../../session/header';
import type { ByzantineResult } from './analysis';
import type { ByzantineState } from './state';
import type { ByzantineConsoleView } from './console';
import type { ByzantineView } from './view';
import { byzantine } from './engine';

export interface RoomOptions {
  humans?: number;
  bots?: number;
  seed?: number;
  latency?: number;
  faults?: FaultOp[];
}

/** A room: humans first (n1…), then bots, a recording kept in memory, time moved by hand. */
export class Room {
  readonly events: SessionEvent[] = [];
  readonly header;
  readonly core: SessionCore;
  now = 0;

  constructor(opts: RoomOptions = {}) {
    this.header = makeHeader({ seed: opts.seed ?? 1 });
    this.core = new SessionCore(this.header, (e) => this.events.push(structuredClone(e)));
    for (let i = 0; i < (opts.humans ?? 0); i++) this.core.join(0, `person ${i + 1}`);
    if (opts.bots) this.core.addBots(0, opts.bots);
    this.core.changeFaults(0, { op: 'latency', base: opts.latency ?? 10, jitter: 0 });
    for (const op of opts.faults ?? []) this.core.changeFaults(0, op);
  }

  start(config: Record<string, unknown> = {}): this {
    const r = this.core.startRound(this.now, 'byzantine', config);
    if (!r.ok) throw new Error(r.error.message);
    return this;
  }

  /** Runs everything due up to `t` (ms), then sets the clock to `t`. */
  runUntil(t: number): this {
    for (let at = this.core.nextWakeAt(); at !== null && at <= t; at = this.core.nextWakeAt()) {
      this.now = at;
      this.core.advance(at);
    }
    this.now = Math.max(this.now, t);
    return this;
  }

  run(ms: number): this {
    return this.runUntil(this.now + ms);
  }

  act(node: NodeId, action: unknown) {
    return this.core.act(this.now, node, action);
  }

  get state(): ByzantineState {
    const round = this.core.state.round;
    if (!round) throw new Error('no round running');
    return round.engineState as ByzantineState;
  }

  view(node: NodeId): ByzantineView {
    return byzantine.view(this.state, node) as ByzantineView;
  }

  console(): ByzantineConsoleView {
    return byzantine.consoleView(this.state) as ByzantineConsoleView;
  }

  /** The last finished round's result. */
  result(): ByzantineResult {
    const last = this.core.state.rounds.at(-1);
    if (!last) throw new Error('no round has ended');
    return last.result as ByzantineResult;
  }

  get running(): boolean {
    return this.core.state.round !== null;
  }

  folded() {
    return fold(this.header, this.events);
  }
}
