// The `recording` benchmark: the bytes a room's recording takes per envelope, in the current
// format version beside the previous one (version 1, every event written as its object) for the
// very same events. A sandbox room of N people, each sending a 20-character text a second to
// another picked at random (as the `rooms` load generators do), played in-process through the
// session core on virtual time, so the figures are the format's alone. Figures, not assertions.

import { SessionCore } from '../../shared/session/core';
import { makeHeader } from '../../shared/session/header';
import { defaultFaults } from '../../shared/net/faults';
import { EventEncoder, parseRecording, serializeHeader } from '../../shared/session/recording';
import { RECORDING_VERSION } from '../../shared/protocol/recordingFormat';
import { createRng } from '../../shared/rng';
import { GAMES } from '../support/games';

export interface RecordingOptions {
  nodes: number;
  seconds: number;
  /** Network latency (ms): base and jitter. */
  latency: number;
  jitter: number;
  runs: number;
}

export interface RecordingRun {
  envelopes: number;
  events: number;
  /** Bytes of the whole file (header and every event) per envelope sent. */
  current: number;
  previous: number;
}

/** Every text is 20 characters, as the load generators' (the send time, padded). */
const textFor = (ms: number) => (ms / 1000).toFixed(2).padEnd(20, '~');

export function recordingRun(opts: RecordingOptions, seed: number): RecordingRun {
  const header = makeHeader({
    session: 'benchrecording',
    room: 'BENCH',
    seed,
    capacity: Math.max(opts.nodes, 30),
    faults: defaultFaults({ base: opts.latency, jitter: opts.jitter }),
  });
  const current = new EventEncoder(RECORDING_VERSION);
  const previous = new EventEncoder(1);
  let now = serializeHeader(header);
  let old = serializeHeader({ ...header, version: 1 });
  let events = 0;
  const core = SessionCore.create(header, GAMES, (e) => {
    now += current.encode(e);
    old += previous.encode(e);
    events++;
  });
  const nodes: string[] = [];
  for (let i = 0; i < opts.nodes; i++) {
    const r = core.join(0, `student ${i + 1}`);
    if (r.ok) nodes.push(r.data.node);
  }
  const started = core.startRound(0, 'sandbox', {});
  if (!started.ok) throw new Error(started.error.message);
  const rng = createRng(seed);
  // Each node sends once a second, at its own offset within the second.
  const offset = nodes.map(() => rng.int(1000));
  for (let s = 0; s < opts.seconds; s++) {
    const due = nodes.map((n, i) => ({ n, at: s * 1000 + (offset[i] as number) })).sort((a, b) => a.at - b.at);
    for (const { n, at } of due) {
      core.advance(at);
      let to = rng.pick(nodes);
      while (to === n) to = rng.pick(nodes);
      core.act(at, n, { type: 'send', to: [to], text: textFor(at) });
    }
  }
  core.advance(opts.seconds * 1000 + 10_000);
  core.endRound(opts.seconds * 1000 + 10_000);
  // Both files read back as the same events (a figure for a file that does not is worthless).
  const a = parseRecording(now).events;
  const b = parseRecording(old).events;
  if (a.length !== events || JSON.stringify(a) !== JSON.stringify(b)) throw new Error('the two versions do not read back alike');
  const envelopes = a.filter((e) => e.type === 'envelope:sent').length;
  return {
    envelopes,
    events,
    current: Buffer.byteLength(now) / envelopes,
    previous: Buffer.byteLength(old) / envelopes,
  };
}

export function recordingBench(opts: RecordingOptions): RecordingRun[] {
  return Array.from({ length: opts.runs }, (_, i) => recordingRun(opts, i + 1));
}
