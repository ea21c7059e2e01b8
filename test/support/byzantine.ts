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
  /**
   * Loyal human lieutenants press Send as soon as they hold a message (a loyal relay is the
   * lieutenant's own Send, [B4]; SM: as soon as the level's phase starts), as a class that reads its phones at once would; false leaves
   * every Send to the test (or the phase timer).
   */
  passOn?: boolean;
}

/** A room: humans first (n1…), then bots, a recording kept in memory, time moved by hand. */
export class Room {
  readonly events: SessionEvent[] = [];
  readonly header;
  readonly core: SessionCore;
  readonly passOn: boolean;
  now = 0;

  constructor(opts: RoomOptions = {}) {
    this.header = makeHeader({ seed: opts.seed ?? 1 });
    this.core = SessionCore.create(this.header, GAMES, (e) => this.events.push(structuredClone(e)));
    this.passOn = opts.passOn ?? false;
    for (let i = 0; i < (opts.humans ?? 0); i++) this.core.join(0, `person ${i + 1}`);
    if (opts.bots) this.core.addBots(0, opts.bots);
    this.core.changeFaults(0, { op: 'latency', base: opts.latency ?? 10, jitter: 0 });
    for (const op of opts.faults ?? []) this.core.changeFaults(0, op);
  }

  start(config: Record<string, unknown> = {}): this {
    const r = this.core.startRound(this.now, 'byzantine', config);
    if (!r.ok) throw new Error(r.error.message);
    if (this.passOn) this.sendLoyalRelays();
    return this;
  }

  /**
   * Every loyal human lieutenant (or only `nodes`) that owes relays sends them now, each
   * unchanged, to everyone it has not told yet: what its phone's Send does ([B4]).
   */
  sendLoyalRelays(nodes?: readonly NodeId[]): void {
    const round = this.core.state.round;
    if (!round) return;
    for (const node of nodes ?? round.spec.nodes) {
      const rec = this.core.state.nodes[node];
      if (!rec || rec.kind === 'bot' || rec.autopilot) continue;
      const v = this.view(node);
      if (v.role !== 'lieutenant' || v.traitor) continue;
      if (v.relay) {
        // SM: one relay per level, exactly what SM says.
        if (v.relay.sent !== null) continue;
        const r = this.core.act(this.now, node, { type: 'relay', level: v.relay.level, values: v.relay.due });
        if (!r.ok) throw new Error(`${node}'s relay was refused: ${r.error.message}`);
        continue;
      }
      for (const p of v.pending) {
        const values = Object.fromEntries(p.recipients.filter((r) => p.sent[r] === undefined).map((r) => [r, p.value]));
        if (Object.keys(values).length === 0) continue;
        const r = this.core.act(this.now, node, { type: 'send', values, path: p.path ?? undefined });
        if (!r.ok) throw new Error(`${node}'s Send was refused: ${r.error.message}`);
      }
    }
  }

  /** Runs everything due up to `t` (ms), then sets the clock to `t`. */
  runUntil(t: number): this {
    for (let at = this.core.nextWakeAt(); at !== null && at <= t; at = this.core.nextWakeAt()) {
      this.now = at;
      this.core.advance(at);
      if (this.passOn && this.core.state.round) this.sendLoyalRelays();
    }
    this.now = Math.max(this.now, t);
    return this;
  }

  run(ms: number): this {
    return this.runUntil(this.now + ms);
  }

  act(node: NodeId, action: unknown) {
    const r = this.core.act(this.now, node, action);
    if (this.passOn && this.core.state.round) this.sendLoyalRelays();
    return r;
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
