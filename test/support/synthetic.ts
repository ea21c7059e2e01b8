// Recordings made on virtual time, for tests and the benchmark: bots play rounds of a game
// through the session core (the live room's core) while the network is cut in halves and
// healed, lossy and duplicating; the events are written as the recorder writes them.

import type { Games } from '../../shared/games/types';
import { defaultFaults } from '../../shared/net/faults';
import { SessionCore } from '../../shared/session/core';
import type { SessionEvent } from '../../shared/protocol/recordingFormat';
import { makeHeader } from '../../shared/session/header';
import { EventDecoder, EventEncoder, serializeHeader } from '../../shared/session/recording';
import type { SessionState } from '../../shared/session/state';
import { GAMES } from './games';

export interface SyntheticOptions {
  game?: string;
  /** Round settings; the game's simulator settings (fast bots) by default. */
  config?: unknown;
  nodes?: number;
  /** Stop once this many events are recorded (rounds follow each other until then). */
  events?: number;
  seed?: number;
  latency?: { base: number; jitter: number };
  loss?: number;
  dup?: number;
  /** Cut the room in halves, then heal, every this many ms (0: never). */
  splitEveryMs?: number;
  /** Freeze the network for a while once, at this time (ms; 0: never). */
  pauseAt?: number;
  /** A round that has not ended by itself is stopped after this long (ms). */
  roundMs?: number;
  /** Rounds at most. */
  rounds?: number;
  vectorClocks?: boolean;
  /** The games on offer (the tests' list by default). */
  games?: Games;
}

export interface Synthetic {
  text: string;
  events: SessionEvent[];
  /** The live core's final state (what the fold of `text` must give back). */
  state: SessionState;
}

export function synthesize(opts: SyntheticOptions = {}): Synthetic {
  const game = opts.game ?? 'sandbox';
  const games = opts.games ?? GAMES;
  const definition = games.get(game);
  if (!definition) throw new Error(`unknown game "${game}"`);
  const { engine } = definition;
  const nodes = Math.max(opts.nodes ?? 6, engine.minNodes);
  const target = opts.events ?? 2_000;
  const header = makeHeader({
    session: 'synthetic',
    room: 'SYNTH',
    seed: opts.seed ?? 7,
    capacity: Math.max(300, nodes),
    faults: defaultFaults(opts.latency ?? { base: 40, jitter: 60 }),
    vectorClocks: opts.vectorClocks ?? true,
  });
  const lines = [serializeHeader(header)];
  const events: SessionEvent[] = [];
  // The lines a room's recording writes (short lines leave out what earlier ones said), and the events read back from them.
  const encoder = new EventEncoder(header.version);
  const decoder = new EventDecoder(header.version);
  const core = SessionCore.create(header, games, (e) => {
    const line = encoder.encode(e);
    lines.push(line);
    events.push(decoder.decode(JSON.parse(line)));
  });
  const config = opts.config ?? definition.sim?.config({}, nodes) ?? {};
  const roundMs = opts.roundMs ?? 20_000;
  const splitEvery = opts.splitEveryMs ?? 3_000;
  const maxRounds = opts.rounds ?? 1_000;

  let now = 0;
  const added = core.addBots(now, nodes);
  if (!added.ok) throw new Error(added.error.message);
  const ids = added.data.nodes;
  const half = Math.ceil(ids.length / 2);
  if (opts.loss) core.changeFaults(now, { op: 'loss', rate: opts.loss });
  if (opts.dup) core.changeFaults(now, { op: 'dup', rate: opts.dup });

  let rounds = 0;
  let split = false;
  let nextCut = splitEvery > 0 ? splitEvery : Infinity;
  let paused = !opts.pauseAt;
  while (events.length < target && rounds < maxRounds) {
    const started = core.startRound(now, game, config);
    if (!started.ok) throw new Error(started.error.message);
    rounds++;
    const endBy = now + roundMs;
    while (core.state.round && events.length < target) {
      const wake = core.nextWakeAt();
      const at = Math.min(wake ?? Infinity, nextCut, endBy);
      if (at === Infinity) break;
      now = Math.max(now, at);
      if (now >= endBy) break;
      if (now >= nextCut) {
        core.changeFaults(now, split ? { op: 'heal' } : { op: 'split', groups: [ids.slice(0, half), ids.slice(half)] });
        split = !split;
        nextCut = now + splitEvery;
        continue;
      }
      if (!paused && now >= opts.pauseAt!) {
        paused = true;
        core.pause(now);
        now += 500;
        core.resume(now);
        continue;
      }
      core.advance(now);
    }
    if (core.state.round) core.endRound(now);
    now += 100;
  }
  return { text: lines.join(''), events, state: core.state };
}
