// Before the first class: one room, played in memory, so that the room's own code (the session
// core, the network model, the sandbox, the recording's encoder, the view and console patches)
// is compiled and optimised before phones send their first messages. Cold, that code runs
// several times slower for the first second of load, and every phone of the first busy second
// waits for it (100 rooms × 30 phones: p99 of the first 10 s several times that of the rest).
// The room is a real Room on a virtual clock, writing its recording to a sink that keeps
// nothing, with an output that only encodes what it would send: nothing reaches the network or
// the data folder. Socket.IO's own code and the journal are not played here (the phones' joins
// warm the first; the second is a few short functions).

import type { Games } from '../shared/games/types';
import { defaultFaults } from '../shared/net/faults';
import type { NodeId } from '../shared/protocol/ids';
import type { Result } from '../shared/protocol/result';
import { createRng, seedFrom } from '../shared/rng';
import { makeHeader } from '../shared/session/header';
import { PacketType } from 'socket.io-parser';
import { VirtualClock } from './clock';
import type { Config } from './config';
import { jsonParser } from './jsonParser';
import { logger } from './log';
import { RecordingWriter } from './recorder';
import type { RecordingFile, RecordingFiles } from './recordingFiles';
import { Room, type RoomOutput } from './room';

export interface WarmUpOptions {
  /** Nodes in the room. */
  nodes: number;
  /** Messages sent, each to one other node. */
  messages: number;
}

export interface WarmedUp {
  /** Messages sent and answered `ok`. */
  messages: number;
  /** Payloads the room gave its output, each encoded, by event (node:patch, console:patch…). */
  sent: Record<string, number>;
  ms: number;
}

/** A disk that keeps nothing: every write is whole and durable at once. */
const nothingKept: RecordingFile = {
  write: async (data) => data.length,
  writesAreDurable: true,
  datasync: async () => {},
  truncate: async () => {},
  close: async () => {},
};
const sink: RecordingFiles = {
  create: async () => nothingKept,
  open: async () => nothingKept,
  read: async () => Buffer.alloc(0),
  readPrefixSync: () => Buffer.alloc(0),
  rename: async () => {},
  remove: async () => {},
  syncDir: async () => {},
  mkdir: async () => {},
  list: async () => [],
};

/** Plays a sandbox round of `messages` messages among `nodes` nodes in memory. */
export async function warmUp(games: Games, opts: WarmUpOptions = { nodes: 30, messages: 3000 }): Promise<WarmedUp> {
  const started = performance.now();
  const clock = new VirtualClock();
  const header = makeHeader({
    room: 'WARMUP',
    startedAt: new Date(clock.now()).toISOString(),
    faults: defaultFaults({ base: 0, jitter: 0 }),
  });
  const writer = await RecordingWriter.create('/warmup/room.jsonl', header, { clock, files: sink, defer: (fn) => queueMicrotask(fn) });
  // What a socket would be sent, encoded by the server's own packet encoder.
  const encoder = new jsonParser.Encoder();
  const sent: Record<string, number> = {};
  const encode = (_code: string, event: string, ...args: unknown[]) => {
    encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [event, ...args] });
    sent[event] = (sent[event] ?? 0) + 1;
  };
  const output: RoomOutput = {
    toNode: (code, _node, event, ...args) => encode(code, event, ...args),
    toRoom: encode,
    toConsoles: encode,
    toRoomAs: (code, _patches, event, ...args) => encode(code, event, ...args),
    toConsolesAs: (code, _patches, event, ...args) => encode(code, event, ...args),
    toStagesAs: () => {},
    listeners: (_code, who) => (who === 'stages' ? { patches: 0, whole: 0 } : { patches: 1, whole: 0 }),
    hasConsoles: () => true,
    toStages: () => {},
    stages: () => 0,
    dropNode: () => {},
  };
  // What went wrong, if the room reports it (an input that threw): the warm-up's error says it.
  let failure = '';
  const log = (line: string, fields?: { err?: unknown }) => {
    failure ||= `${line}${fields?.err instanceof Error ? `: ${fields.err.message}` : ''}`;
  };
  const room = new Room(header, { clock, writer, output, games, log });
  try {
    room.attachConsole(true);
    const nodes: NodeId[] = [];
    for (let i = 0; i < opts.nodes; i++) {
      const joined = await room.join(`warm ${i}`);
      if (!joined.ok) throw new Error(`warm-up: ${failure || joined.error.message}`);
      nodes.push(joined.data.node);
      room.socketAttached(joined.data.node);
      room.attachView(joined.data.node, true);
    }
    const round = await room.startRound('sandbox', { botDelayMs: 0 });
    if (!round.ok) throw new Error(`warm-up: ${failure || round.error.message}`);
    let messages = 0;
    const rng = createRng(seedFrom('warm-up'));
    while (messages < opts.messages) {
      const batch: Promise<Result<unknown>>[] = [];
      for (const [i, from] of nodes.entries()) {
        // Any node but the sender.
        const k = rng.int(nodes.length - 1);
        const to = nodes[k >= i ? k + 1 : k] as NodeId;
        batch.push(room.act(from, { type: 'send', to: [to], text: `warm-up message ${messages}`.padEnd(20, '~') }));
        if (++messages >= opts.messages) break;
      }
      for (const r of await Promise.all(batch)) if (!r.ok) throw new Error(`warm-up: ${failure || r.error.message}`);
      clock.advance(50);
    }
    clock.advance(1000);
    return { messages, sent, ms: Math.round(performance.now() - started) };
  } finally {
    room.abandon();
  }
}

/**
 * `npm start`, and each cluster worker, before it takes connections: the warm-up the config asks
 * for (WARM_UP_MESSAGES). One that fails is reported and skipped: the server starts as it would
 * have without it, only slower for its first busy second.
 */
export async function warmUpBeforeListening(config: Config, games: Games): Promise<void> {
  if (!config.warmUpMessages) return;
  try {
    const warmed = await warmUp(games, { nodes: 30, messages: config.warmUpMessages });
    logger.info(warmed, "Warmed up: the rooms' code is compiled");
  } catch (err) {
    logger.warn({ err }, 'The warm-up failed; starting without it (WARM_UP_MESSAGES=0 skips it)');
  }
}
