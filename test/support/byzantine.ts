// Test helpers: a session on virtual time with humans and bots playing a Byzantine round.
// Not a test file itself; the Byzantine tests (shared/games/byzantine/, the client's) use it.

import type { FaultOp } from '../../shared/net/faults';
import type { NodeId } from '../../shared/protocol/ids';
import { SessionCore } from '../../shared/session/core';
import type { SessionEvent } from '../../shared/protocol/recordingFormat';
import { fold } from '../../shared/session/fold';
import { makeHeader } from '../../shared/session/header';
import type { ByzantineResult } from '../../shared/games/byzantine/analysis';
import type { ByzantineState } from '../../shared/games/byzantine/state';
import type { ByzantineConsoleView } from '../../shared/games/byzantine/console';
import type { ByzantineView } from '../../shared/games/byzantine/view';
import { byzantine } from '../../shared/games/byzantine/engine';
import { GAMES } from './games';

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
    this.core = SessionCore.create(this.header, GAMES, (e) => this.events.push(structuredClone(e)));
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
    return byzantine.view(this.state, node);
  }

  console(): ByzantineConsoleView {
    return byzantine.consoleView(this.state);
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
    return fold(this.header, this.events, GAMES);
  }
}
