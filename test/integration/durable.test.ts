// Honest acknowledgements with a real server and real sockets: a disk that fills up (injected
// through the recorder's file interface, and for real on a small tmpfs where the machine lets
// us mount one), a recording damaged in the middle, an engine that throws, one socket per node.

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GAMES } from '../../server/app';
import type { SandboxAction, SandboxView } from '../../shared/games/sandbox/config';
import { sandbox } from '../../shared/games/sandbox/engine';
import { createGames, defineGame } from '../../shared/games/types';
import type { RecordingNotice } from '../../shared/protocol/events';
import { parseRecording } from '../../shared/session/recording';
import { MemoryFiles } from '../../server/memoryFiles';
import { RECORDING_UNAVAILABLE } from '../../server/roomRecording';
import {
  ask,
  connect,
  joinNode,
  recordingWithJournal,
  startServer,
  until,
  type TestNode,
  type TestServer,
  type TestSocket,
} from './harness';
import { mountTmpfs } from './tmpfs';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const s = await startServer(...args);
  servers.push(s);
  return s;
}

/** A console that keeps every recording notice it is sent (first the one its answer carries). */
async function openConsole(url: string) {
  const socket = await connect(url);
  const notices: RecordingNotice[] = [];
  socket.on('console:recording', (n) => notices.push(n));
  const r = await ask(socket, 'console:create', {});
  if (!r.ok) throw new Error(r.error.message);
  notices.unshift(r.data.recording);
  return { socket, code: r.data.code as string, key: r.data.key as string, notices };
}

/** A sandbox round with `names` in it. */
async function round(url: string, names: string[], game = 'sandbox') {
  const console_ = await openConsole(url);
  const nodes: TestNode[] = [];
  for (const n of names) nodes.push(await joinNode(url, console_.code, n));
  expect(await ask(console_.socket, 'console:round', { action: 'start', game, config: { botDelayMs: 0 } })).toMatchObject({
    ok: true,
  });
  return { console: console_, nodes };
}

const send = (from: TestNode, to: TestNode, text: string) =>
  ask(from.socket, 'node:act', { action: { type: 'send', to: [to.node], text } });
const actedTexts = (text: string) =>
  parseRecording(text)
    .events.filter((e) => e.type === 'node:acted')
    .map((e) => (e.action as { text: string }).text);

describe('a full disk (failures injected through the recorder file interface)', () => {
  it('refuses new actions, tells the console, loses nothing acknowledged, and carries on when it can write', async () => {
    const files = new MemoryFiles();
    const server = await serve({}, undefined, { files });
    const { console: c, nodes } = await round(server.url, ['Ada', 'Grace']);
    const [ada, grace] = nodes as [TestNode, TestNode];
    expect(await send(ada, grace, 'before')).toMatchObject({ ok: true });
    // Delivered and on disk: the next thing to write is the held action (nothing of the network's).
    await until(() => (grace.views.at(-1)?.game as SandboxView | null)?.inbox.length === 1, [grace.socket]);
    const room = server.app.registry.find(c.code);
    if (room.ok) await room.data.flushRecording();
    files.capacity = files.used + 40; // the next batch fits only in part
    const held = send(ada, grace, 'held');
    await until(() => c.notices.some((n) => !n.saving), [c.socket]);
    expect(c.notices.at(-1)).toMatchObject({ saving: false, reason: 'disk_full' });
    expect(c.notices.at(-1)!.message).toMatch(/disk is full \(ENOSPC\)/);
    expect(await send(grace, ada, 'refused')).toEqual({
      ok: false,
      error: { code: 'recording_unavailable', message: RECORDING_UNAVAILABLE },
    });
    expect(await ask(c.socket, 'console:lock', { locked: true })).toMatchObject({ ok: false, error: { code: 'recording_unavailable' } });
    // A console that attaches now hears it in its answer.
    const late = await connect(server.url);
    const attached = await ask(late, 'console:attach', { code: c.code, key: c.key });
    expect(attached.ok && attached.data.recording).toMatchObject({ saving: false, reason: 'disk_full' });
    // The file holds whole lines only, and the held action is not acknowledged.
    const file = [...files.files.keys()].find((f) => f.endsWith('.jsonl'))!;
    expect(files.text(file).endsWith('\n')).toBe(true);
    expect(actedTexts(files.text(file))).toEqual(['before']);
    // Space again: within a retry the held action is written and acknowledged, and the banner goes.
    files.capacity = null;
    expect(await held).toMatchObject({ ok: true });
    await until(() => c.notices.at(-1)?.saving, [c.socket]);
    expect(await send(grace, ada, 'after')).toMatchObject({ ok: true });
    if (room.ok) await room.data.flushRecording();
    expect(actedTexts(files.text(file))).toEqual(['before', 'held', 'after']);
  });

  it('a room whose recording cannot be started is not created', async () => {
    const files = new MemoryFiles();
    const server = await serve({}, undefined, { files });
    files.failNext('write', 'ENOSPC', 20);
    const s = await connect(server.url);
    const r = await ask(s, 'console:create', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'recording_unavailable' } });
    expect(r.ok ? '' : r.error.message).toMatch(/disk is full \(ENOSPC\)/);
    expect([...files.files.keys()].filter((f) => f.endsWith('.jsonl'))).toEqual([]);
    expect(server.app.registry.size).toBe(0);
    expect(await ask(s, 'console:create', {})).toMatchObject({ ok: true });
  });
});

const tmpfs = mountTmpfs(256);
const noTmpfs = 'skipped' in tmpfs ? tmpfs.skipped : null;
if (noTmpfs) console.log(`the server on a real full disk: skipped (${noTmpfs})`);
afterAll(async () => {
  for (const s of servers.splice(0)) await s.close();
  if (!('skipped' in tmpfs)) tmpfs.unmount();
});

describe.skipIf(noTmpfs !== null)('the server on a real full disk (a 256 KiB tmpfs)', () => {
  it('keeps every acknowledged action, writes no broken line, and restores the room after space comes back', async () => {
    const dir = (tmpfs as { dir: string }).dir;
    const server = await serve({ dataDir: dir, rateLimitPerSecond: 100_000 });
    const { console: c, nodes } = await round(server.url, ['Ada', 'Grace']);
    const [ada, grace] = nodes as [TestNode, TestNode];
    // Most of the disk taken by something else.
    const filler = path.join(dir, 'filler');
    writeFileSync(filler, Buffer.alloc(200 * 1024));
    const acked: string[] = [];
    const full = until(() => c.notices.some((n) => !n.saving && n.reason === 'disk_full'), [c.socket], 20_000);
    let held: Promise<unknown> | null = null;
    let refused = false;
    for (let i = 0; !held && !refused && i < 5000; i++) {
      const text = `m${i} ${'x'.repeat(100)}`;
      const r = send(i % 2 ? grace : ada, i % 2 ? ada : grace, text);
      // Each is acknowledged once on disk. One that meets the full disk waits for it; after
      // that (or if the network's own events filled it first) they are refused.
      const first = await Promise.race([r, full.then(() => 'full' as const)]);
      if (first === 'full') held = r.then((a) => a.ok && acked.push(`m${i}`));
      else if (first.ok) acked.push(`m${i}`);
      else if (first.error.code === 'recording_unavailable') refused = true;
      else throw new Error(first.error.message);
    }
    await full;
    expect(await send(ada, grace, 'refused')).toMatchObject({ ok: false, error: { code: 'recording_unavailable' } });
    const file = path.join(dir, 'recordings', readdirSync(path.join(dir, 'recordings'))[0]!);
    // Acknowledged means in the recording or in the journal the next start puts back into it.
    const whileFull = recordingWithJournal(dir, file);
    expect(whileFull.endsWith('\n')).toBe(true);
    const texts = actedTexts(whileFull).map((t) => t.split(' ')[0]);
    for (const a of acked) expect(texts).toContain(a);
    rmSync(filler);
    await until(() => c.notices.at(-1)?.saving, [c.socket], 10_000);
    await held;
    expect(await send(ada, grace, 'after')).toMatchObject({ ok: true });
    // A restart restores the room from that file: the same state, every acknowledged action in it.
    const live = server.app.registry.find(c.code);
    const before = live.ok ? JSON.stringify(live.data.state) : '';
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const again = await serve({ dataDir: dir });
    const restored = again.app.registry.find(c.code);
    expect(restored.ok && JSON.stringify(restored.data.state)).toBe(before);
    const finalTexts = actedTexts(readFileSync(file, 'utf8')).map((t) => t.split(' ')[0]);
    expect(acked.filter((a) => !finalTexts.includes(a))).toEqual([]);
    expect(finalTexts.filter((t) => !acked.includes(t!))).toEqual(['after']);
  });
});

describe('restoring a recording damaged in the middle', () => {
  it('restores everything before the damaged line, sets the rest aside beside it, and tells the console', async () => {
    const server = await serve();
    const { console: c, nodes } = await round(server.url, ['Ada', 'Grace']);
    const [ada, grace] = nodes as [TestNode, TestNode];
    for (let i = 0; i < 5; i++) expect(await send(ada, grace, `kept ${i}`)).toMatchObject({ ok: true });
    const live = server.app.registry.find(c.code);
    if (live.ok) await live.data.flushRecording();
    const dataDir = server.config.dataDir;
    const dir = path.join(dataDir, 'recordings');
    const name = readdirSync(dir)[0]!;
    const good = readFileSync(path.join(dir, name), 'utf8');
    await server.close();
    servers.length = 0;
    // What the old writer left after a full disk: half a line, then later lines after it.
    const goodLines = good.trimEnd().split('\n');
    const later = `${JSON.stringify({ seq: goodLines.length + 5, t: 1, type: 'node:acted', node: 'n1', action: {}, by: 'node' })}\n`;
    writeFileSync(path.join(dir, name), `${good}{"seq":${goodLines.length},"t":12,"type":"node:ac${later}`);
    const again = await serve({ dataDir });
    expect(again.app.registry.find(c.code).ok).toBe(true);
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe(good);
    expect(readFileSync(path.join(dir, `${name}.damaged`), 'utf8')).toMatch(/^\{"seq":\d+,"t":12,"type":"node:ac\{/);
    const console2 = await connect(again.url);
    const attached = await ask(console2, 'console:attach', { code: c.code, key: c.key });
    expect(attached.ok && attached.data.recording).toMatchObject({
      saving: true,
      setAside: { file: `${name}.damaged`, fromLine: goodLines.length + 1, lines: 1, why: 'it is not JSON' },
    });
    // The nodes come back as themselves, and play on.
    const s = await connect(again.url);
    const r = await ask(s, 'room:resume', { code: c.code, token: ada.token });
    expect(r.ok && r.data.node).toBe(ada.node);
    expect(await ask(s, 'node:act', { action: { type: 'send', to: [grace.node], text: 'on' } })).toMatchObject({ ok: true });
  });
});

/** The sandbox with a bug: it changes its state for a "boom", then throws. */
const buggy = defineGame({
  engine: {
    ...sandbox,
    id: 'buggy',
    title: 'A sandbox with a bug',
    act(state, node, action: SandboxAction, ctx) {
      const effects = sandbox.act(state, node, action, ctx);
      if (action.text === 'boom') throw new Error('a bug in the game');
      return effects;
    },
  },
});
const withBuggy = createGames([...GAMES.values(), buggy]);

describe('an engine that throws', () => {
  it('the action is refused with internal, the room stays consistent and a restart restores it', async () => {
    const server = await serve({}, withBuggy);
    const { console: c, nodes } = await round(server.url, ['Ada', 'Grace'], 'buggy');
    const [ada, grace] = nodes as [TestNode, TestNode];
    expect(await send(ada, grace, 'one')).toMatchObject({ ok: true });
    expect(await send(ada, grace, 'boom')).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await send(ada, grace, 'three')).toMatchObject({ ok: true });
    const live = server.app.registry.find(c.code);
    const liveState = live.ok ? JSON.stringify(live.data.state) : '';
    const liveSent = live.ok ? live.data.state.round?.net.sent : null;
    expect(liveSent).toBe(2);
    await server.close();
    servers.length = 0;
    const again = await serve({ dataDir: server.config.dataDir }, withBuggy);
    const restored = again.app.registry.find(c.code);
    expect(restored.ok).toBe(true);
    expect(restored.ok && JSON.stringify(restored.data.state)).toBe(liveState);
    const file = path.join(server.config.dataDir, 'recordings', readdirSync(path.join(server.config.dataDir, 'recordings'))[0]!);
    expect(actedTexts(readFileSync(file, 'utf8'))).toEqual(['one', 'three']);
  });
});

describe('one socket per node', () => {
  it('resuming on a new socket tells the old one it was replaced and lets it go', async () => {
    const server = await serve();
    const { console: c, nodes } = await round(server.url, ['Ada', 'Grace']);
    const [ada, grace] = nodes as [TestNode, TestNode];
    const removed: unknown[] = [];
    ada.socket.on('node:removed', (n) => removed.push(n));
    const gone = new Promise<string>((r) => ada.socket.once('disconnect', (why) => r(why)));
    const second = await connect(server.url);
    const r = await ask(second, 'room:resume', { code: c.code, token: ada.token });
    expect(r.ok && r.data.node).toBe(ada.node);
    expect(await gone).toBe('io server disconnect');
    expect(removed).toEqual([{ reason: 'replaced', message: 'You opened this node on another screen.' }]);
    expect(await ask(second, 'node:act', { action: { type: 'send', to: [grace.node], text: 'from the new screen' } })).toMatchObject({
      ok: true,
    });
    // The node never looked disconnected: no connection events were recorded for the swap.
    const room = server.app.registry.find(c.code);
    expect(room.ok && room.data.state.nodes[ada.node]!.connected).toBe(true);
    if (room.ok) await room.data.flushRecording();
    const dir = path.join(server.config.dataDir, 'recordings');
    const events = parseRecording(readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8')).events;
    expect(events.filter((e) => e.type === 'node:disconnected' && e.node === ada.node)).toEqual([]);
  });

  it("a node's socket that makes console calls stays that node, and is told why it cannot", async () => {
    const server = await serve();
    const { console: c, nodes } = await round(server.url, ['Ada', 'Grace']);
    const [ada, grace] = nodes as [TestNode, TestNode];
    for (const [event, payload] of [
      ['console:create', {}],
      ['console:attach', { code: c.code, key: c.key }],
    ] as const) {
      const r = await ask(ada.socket, event, payload);
      expect(r).toMatchObject({ ok: false, error: { code: 'is_node' } });
      expect(r.ok ? '' : r.error.message).toMatch(new RegExp(`plays node ${ada.node} in room ${c.code}`));
    }
    expect(await send(ada, grace, 'still me')).toMatchObject({ ok: true });
  });
});

describe('payloads', () => {
  let socket: TestSocket;

  it('a payload over 16 KiB gets payload_too_large; one over the transport limit (1 MiB) closes the connection', async () => {
    const server = await serve();
    const { nodes } = await round(server.url, ['Ada', 'Grace']);
    socket = nodes[0]!.socket;
    const big = { action: { type: 'send', to: [nodes[1]!.node], text: 'x'.repeat(900 * 1024) } };
    expect(await ask(socket, 'node:act', big)).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    expect(socket.connected).toBe(true);
    const gone = new Promise<string>((r) => socket.once('disconnect', (why) => r(why)));
    // No answer can come: Socket.IO drops the connection before any handler reads the message.
    (socket.emit as unknown as (e: string, p: unknown) => void)('node:act', {
      action: { type: 'send', to: [nodes[1]!.node], text: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(await gone).toBe('transport close');
  });

  it('events without fields take {}, null or nothing; unknown nodes and games are named', async () => {
    const server = await serve();
    const { console: c, nodes } = await round(server.url, ['Ada', 'Grace', 'Linus']);
    expect(await ask(nodes[0]!.socket, 'room:leave', null)).toEqual({ ok: true, data: null });
    expect(await ask(nodes[1]!.socket, 'room:leave')).toEqual({ ok: true, data: null });
    expect(await ask(c.socket, 'console:kick', { node: 'n99' })).toMatchObject({ ok: false, error: { code: 'unknown_node' } });
    expect(await ask(c.socket, 'console:round', { action: 'start', game: 'chess' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_game' },
    });
    expect(await ask(c.socket, 'console:end', null)).toEqual({ ok: true, data: null });
  });
});
