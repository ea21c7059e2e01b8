// Export to ShiViz (https://bestchai.bitbucket.io/shiviz/), the space-time diagram tool for
// logs with vector clocks: one line per send and per receive, with its host and the host's
// vector clock right after the event. The clocks are the ones the fold computes (the same
// `step` the live room runs), so the export agrees with the replay and with every envelope.
//
//   Ada_n1 "send m12 election:vote-request to Grace_n2 @ 12.345 s" {"Ada_n1":3,"Grace_n2":1}
//
// The file opens as it is with ShiViz's "Select a file": ShiViz reads a file's first line as the
// log parsing expression and its second as the delimiter between executions (empty: one
// execution), and the log from the third line on. Each host's own clock entry is 1 at its first
// line and steps by 1, and every receive carries its send's clock merged in: ShiViz refuses
// anything else.

import type { Games } from '../games/types';
import type { NodeId } from '../protocol/ids';
import type { RecordingHeader, SessionEvent } from '../protocol/recordingFormat';
import { step } from '../session/fold';
import { clockOf, createSessionState } from '../session/state';
import { ReplayError } from './recordingIndex';

/** The log-parsing expression to give ShiViz for this export. */
export const SHIVIZ_REGEX = '(?<host>\\w+) "(?<event>.*)" (?<clock>\\{.*\\})';

/** The file's first two lines: the parsing expression, and no delimiter (a session is one execution). */
export const SHIVIZ_PREAMBLE = [SHIVIZ_REGEX, ''] as const;

/** Host names ShiViz accepts (\w+), readable and unique: the nickname, or it with the node id. */
export function shivizHosts(events: readonly SessionEvent[]): Map<NodeId, string> {
  const hosts = new Map<NodeId, string>();
  const taken = new Set<string>();
  for (const e of events) {
    if (e.type !== 'node:joined' || hosts.has(e.node)) continue;
    const base = e.nickname
      .normalize('NFKD')
      .replace(/[^\w]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 24);
    let name = base && !taken.has(base.toLowerCase()) ? base : `${base ? `${base}_` : ''}${e.node.replace(/\W/g, '_')}`;
    while (taken.has(name.toLowerCase())) name += '_';
    taken.add(name.toLowerCase());
    hosts.set(e.node, name);
  }
  return hosts;
}

const quote = (text: string) => text.replace(/["\r\n]+/g, "'");
const seconds = (t: number) => `${(t / 1000).toFixed(3)} s`;

/**
 * The ShiViz file, one line at a time (a generator, so a viewer can write a long session in
 * slices without freezing): the preamble, then one line per event. Throws ReplayError when the
 * recording has no vector clocks.
 */
export function* shivizLines(header: RecordingHeader, events: readonly SessionEvent[], games: Games): Generator<string, void, undefined> {
  if (!header.vectorClocks) {
    throw new ReplayError(
      'replay.no_clocks',
      'This recording was made without vector clocks (a large simulation), so it cannot be exported to ShiViz.',
    );
  }
  const hosts = shivizHosts(events);
  const state = createSessionState(header, { vectors: true });
  const host = (id: NodeId) => hosts.get(id) ?? id.replace(/\W/g, '_');
  const clockText = (node: NodeId) => {
    const { vector } = clockOf(state, node);
    const out: Record<string, number> = {};
    for (const [id, v] of Object.entries(vector)) out[host(id)] = v;
    return JSON.stringify(out);
  };
  yield* SHIVIZ_PREAMBLE;
  for (const e of events) {
    // The fold ticks the receiver's clock only for an envelope still travelling: look first.
    const arriving = e.type === 'envelope:delivered' ? state.inFlight[e.id] : undefined;
    step(state, e, games);
    if (e.type === 'envelope:sent') {
      const env = e.env;
      const what = 'drop' in e ? `, dropped: ${e.drop}` : e.at.length > 1 ? ', duplicated by the network' : '';
      const text = `send ${env.id} ${env.kind} to ${host(env.to)} @ ${seconds(e.t)}${what}`;
      yield `${host(env.from)} "${quote(text)}" ${clockText(env.from)}`;
    } else if (e.type === 'envelope:delivered' && arriving) {
      const env = arriving.env;
      const text = `receive ${env.id} ${env.kind} from ${host(env.from)} @ ${seconds(e.t)}${e.copy > 0 ? ' (copy)' : ''}`;
      yield `${host(env.to)} "${quote(text)}" ${clockText(env.to)}`;
    }
  }
}

/** The whole ShiViz log as one string (tests, small sessions). */
export function toShiViz(header: RecordingHeader, events: readonly SessionEvent[], games: Games): string {
  let out = '';
  for (const line of shivizLines(header, events, games)) out += `${line}\n`;
  return out;
}
