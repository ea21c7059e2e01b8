// The ShiViz export of a session a real server recorded (a phone and bots chatting through a
// partition, loss, duplicates and a crash), checked against what ShiViz's "Select a file"
// requires: the first line is the parsing expression, the second the delimiter; every host's
// own clock starts at 1 and steps by 1; every entry names an event that exists; every receive
// has its send and its clock is exactly its previous event's merged with the send's
// (ShiViz refuses a log with "impermissible vector clocks" otherwise).

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SHIVIZ_REGEX, toShiViz } from '../../shared/replay/shiviz';
import { parseRecording } from '../../shared/session/recording';
import { GAMES } from '../support/games';
import { ask, createRoom, joinNode, startServer, until, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

type Clock = Record<string, number>;

/** What ShiViz would refuse in this file, as sentences (empty when it accepts it). */
function shivizProblems(file: string): string[] {
  const problems: string[] = [];
  const [first, second, ...rest] = file.split('\n');
  if (first !== SHIVIZ_REGEX) problems.push(`line 1 is not the parsing expression: ${first}`);
  if (second?.trim() !== '') problems.push(`line 2 is not empty (a delimiter): ${second}`);
  // As ShiViz applies it: anchored at each line of the log that follows the two lines.
  const regex = new RegExp(`^${first}$`, 'gm');
  const log = rest.join('\n');
  const events = [...log.matchAll(regex)].map((m) => {
    const g = m.groups as { host: string; event: string; clock: string };
    return { host: g.host, event: g.event, clock: JSON.parse(g.clock) as Clock };
  });
  const lines = rest.filter((l) => l.trim());
  if (events.length !== lines.length) problems.push(`${lines.length - events.length} lines do not match the expression`);

  const count = new Map<string, number>();
  for (const e of events) count.set(e.host, (count.get(e.host) ?? 0) + 1);
  const last = new Map<string, Clock>();
  const sends = new Map<string, Clock>();
  for (const [i, e] of events.entries()) {
    const where = `line ${i + 3} (${e.host} "${e.event}")`;
    const before = last.get(e.host) ?? {};
    if (e.clock[e.host] !== (before[e.host] ?? 0) + 1)
      problems.push(`${where}: own clock ${e.clock[e.host]} after ${before[e.host] ?? 'nothing'}`);
    for (const [h, v] of Object.entries(e.clock)) {
      if (!count.has(h) || v < 1 || v > count.get(h)!) problems.push(`${where}: ${h}:${v} names no event`);
    }
    const [verb, id] = e.event.split(' ');
    const expected: Clock = { ...before };
    if (verb === 'send') sends.set(id!, e.clock);
    else if (verb === 'receive') {
      const sent = sends.get(id!);
      if (!sent) problems.push(`${where}: receive without an earlier send`);
      for (const [h, v] of Object.entries(sent ?? {})) expected[h] = Math.max(expected[h] ?? 0, v);
    } else problems.push(`${where}: neither a send nor a receive`);
    expected[e.host] = (before[e.host] ?? 0) + 1;
    if (JSON.stringify(Object.entries(expected).sort()) !== JSON.stringify(Object.entries(e.clock).sort())) {
      problems.push(`${where}: clock ${JSON.stringify(e.clock)}, should be ${JSON.stringify(expected)}`);
    }
    last.set(e.host, e.clock);
  }
  return problems;
}

it('a recorded session exports to a ShiViz file that opens as it is: the two lines first, clocks from 1 by 1, every receive after its send', async () => {
  const room = await createRoom(server.url);
  const ada = await joinNode(server.url, room.code, 'Ada');
  const bots = await ask(room.socket, 'console:bots', { add: 4 });
  expect(bots.ok).toBe(true);
  const nodes = [ada.node, ...(bots.ok ? (bots.data as { nodes: string[] }).nodes : [])];
  await ask(room.socket, 'console:round', { action: 'start', game: 'sandbox', config: { chatterMs: 40, botDelayMs: 5 } });
  const snapshot = () => server.app.registry.find(room.code);
  const net = () => {
    const r = snapshot();
    return r.ok ? r.data.state.net : null;
  };
  const after = (n: number) => until(() => (net()?.delivered ?? 0) >= n, [room.socket], 10_000);
  await after(20);
  await ask(room.socket, 'console:fault', { op: { op: 'split', groups: [nodes.slice(0, 2), nodes.slice(2)] } });
  await ask(room.socket, 'console:fault', { op: { op: 'dup', rate: 0.3 } });
  await until(() => (net()?.dropped.partition ?? 0) >= 5, [room.socket], 10_000);
  await ask(room.socket, 'console:fault', { op: { op: 'heal' } });
  await ask(room.socket, 'console:fault', { op: { op: 'loss', rate: 0.2 } });
  await ask(room.socket, 'console:fault', { op: { op: 'crash', nodes: [nodes[4]!] } });
  await after((net()?.delivered ?? 0) + 30);
  await ask(room.socket, 'console:round', { action: 'stop' });

  const res = await fetch(`${server.url}/api/rooms/${room.code}/recording`, { headers: { Authorization: `Bearer ${room.key}` } });
  expect(res.status).toBe(200);
  const { header, events } = parseRecording(await res.text());
  const file = toShiViz(header, events, GAMES);

  expect(file.split('\n').slice(0, 2)).toEqual([SHIVIZ_REGEX, '']);
  expect(shivizProblems(file)).toEqual([]);
  // The session had what makes the check worth something.
  const log = file.split('\n').slice(2);
  expect(log.filter((l) => l.includes('dropped: partition')).length).toBeGreaterThan(0);
  expect(log.filter((l) => l.includes('(copy)')).length).toBeGreaterThan(0);
  expect(new Set(log.filter(Boolean).map((l) => l.split(' ')[0])).size).toBe(5);

  // The check itself refuses what ShiViz refuses: a clock that skips, a receive with no send.
  const lines = file.split('\n');
  const skipped = lines.map((l, i) => (i === 2 ? l.replace(/:1([,}])/, ':2$1') : l)).join('\n');
  expect(shivizProblems(skipped).length).toBeGreaterThan(0);
  const firstReceive = lines.findIndex((l) => l.includes('"receive '));
  const id = lines[firstReceive]!.split('"receive ')[1]!.split(' ')[0];
  const orphan = lines.filter((l) => !l.includes(`"send ${id} `)).join('\n');
  expect(shivizProblems(orphan).join('\n')).toContain('receive without an earlier send');

  room.socket.disconnect();
  ada.socket.disconnect();
});

it('the sample in docs/PROTOCOL.md is a complete file ShiViz accepts on its own', () => {
  const doc = readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('### For ShiViz'));
  const sample = /```\n([\s\S]*?)```/.exec(section)![1]!;
  expect(sample.split('\n').slice(0, 2)).toEqual([SHIVIZ_REGEX, '']);
  expect(sample.split('\n').filter((l) => l.includes('"')).length).toBeGreaterThanOrEqual(3);
  expect(shivizProblems(sample)).toEqual([]);
});
