// Cluster mode in one test process: two servers sharing a real Redis and a data directory.
// A room created on one is played from phones on the other; requests reach the owner, in
// order, and the answers and views come back.

import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, connect, createRoom, joinNode, startServer, type TestServer, until } from './harness';
import { parseRecording } from '../../shared/session/recording';
import { startRedis, type TestRedis } from '../support/redis';

let redis: TestRedis;
const servers: TestServer[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hc-cluster-'));
  for (let i = 0; i < 2; i++) servers.push(await startServer({ dataDir, redisUrl: redis.url, clusterLeaseMs: 1_000 }));
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await redis?.stop();
});

describe('cluster mode: two processes, one Redis', () => {
  it('a room created on one process is joined and played from the other, in order, with answers and views coming back', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const console_ = await createRoom(a.url);
    const checked = await ask(await connect(b.url), 'room:check', { code: console_.code });
    expect(checked).toMatchObject({ ok: true, data: { status: 'open' } });
    const p1 = await joinNode(b.url, console_.code, 'ana');
    const p2 = await joinNode(a.url, console_.code, 'bo');
    expect(p1.node).not.toBe(p2.node);
    await until(() => console_.snapshots.at(-1)!.nodes.length === 2, [console_.socket]);
    const started = await ask(console_.socket, 'console:round', { action: 'start', game: 'sandbox', config: {} });
    expect(started.ok).toBe(true);
    // Twenty actions sent at once from the other process: all answered ok, recorded in the order sent.
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ask(p1.socket, 'node:act', { action: { type: 'send', to: [p2.node], text: `m${i}` } })),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    // p2 (on the owner's process) receives them through the network.
    await until(() => JSON.stringify(p2.views.at(-1)).includes('m19'), [p2.socket], 10_000);
    // p1's own view (on the other process) follows too.
    await until(() => JSON.stringify(p1.views.at(-1)).includes('m19'), [p1.socket], 10_000);
    // The order: the recording's actions of p1 are m0…m19 in sequence.
    const room = a.app.registry.anyRoom(console_.code)!;
    await room.flushRecording();
    expect(b.app.registry.anyRoom(console_.code)).toBeUndefined();
    const recording = parseRecording(readFileSync(a.app.registry.fileFor(room.state.header.session), 'utf8'));
    const texts = recording.events
      .filter((e) => e.type === 'node:acted' && e.node === p1.node)
      .map((e) => (e as { action: { text: string } }).action.text);
    expect(texts).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    // The owner's fencing token is the recording's first event.
    expect(recording.events[0]).toMatchObject({ seq: 1, type: 'room:owner', fence: 1 });
  });

  it("phones connected to their room's owner are served there alone: in order, and nothing goes through Redis", async () => {
    const [a] = servers as [TestServer, TestServer];
    const console_ = await createRoom(a.url);
    const p1 = await joinNode(a.url, console_.code, 'fay');
    const p2 = await joinNode(a.url, console_.code, 'gus');
    expect((await ask(console_.socket, 'console:round', { action: 'start', game: 'sandbox', config: {} })).ok).toBe(true);
    await until(() => JSON.stringify(p1.views.at(-1)).includes('"inbox"'), [p1.socket]);
    const publishes = async () => Number(/cmdstat_publish:calls=(\d+)/.exec(await a.app.cluster!.pub.info('commandstats'))?.[1] ?? 0);
    const before = await publishes();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ask(p1.socket, 'node:act', { action: { type: 'send', to: [p2.node], text: `h${i}` } })),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    await until(() => JSON.stringify(p2.views.at(-1)).includes('h19'), [p2.socket], 10_000);
    // The console (also on the owner) follows the round: its broadcasts stay on the process.
    await until(() => JSON.stringify(console_.snapshots.at(-1)).includes('"sent":20'), [console_.socket], 10_000);
    expect(await publishes()).toBe(before);
    const room = a.app.registry.anyRoom(console_.code)!;
    await room.flushRecording();
    const texts = parseRecording(readFileSync(a.app.registry.fileFor(room.state.header.session), 'utf8'))
      .events.filter((e) => e.type === 'node:acted' && e.node === p1.node)
      .map((e) => (e as { action: { text: string } }).action.text);
    expect(texts).toEqual(Array.from({ length: 20 }, (_, i) => `h${i}`));
  });

  it('an owner whose lease is taken stops applying and recording the room at once; the other process takes it over', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const console_ = await createRoom(a.url);
    const phone = await joinNode(b.url, console_.code, 'cy');
    const other = await joinNode(b.url, console_.code, 'di');
    expect((await ask(console_.socket, 'console:round', { action: 'start', game: 'sandbox', config: {} })).ok).toBe(true);
    const room = a.app.registry.anyRoom(console_.code)!;
    const file = a.app.registry.fileFor(room.state.header.session);
    // Its lease ends in Redis (as after a long pause) before a message in flight is delivered.
    expect((await ask(phone.socket, 'node:act', { action: { type: 'send', to: [other.node], text: 'in flight' } })).ok).toBe(true);
    await a.app.cluster!.pub.del(`hc:lease:${console_.code}`);
    await a.app.cluster!.leases.renewAll();
    expect(room.isAbandoned).toBe(true);
    const frozen = readFileSync(file, 'utf8');
    // Whatever the old room had pending (the delivery's timer) is never applied nor written.
    await new Promise((r) => setTimeout(r, 300));
    expect(readFileSync(file, 'utf8').startsWith(frozen)).toBe(true);
    // Some process takes the room over from its recording (fence 2), and the phones go on there.
    let owner = await a.app.cluster!.leases.ownerOf(console_.code);
    for (let i = 0; i < 100 && owner?.fence !== 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      owner = await a.app.cluster!.leases.ownerOf(console_.code);
    }
    expect(owner?.fence).toBe(2);
    const events = parseRecording(readFileSync(file, 'utf8')).events;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'room:owner').map((e) => (e as { fence: number }).fence)).toEqual([1, 2]);
  });

  it("a room's recordings are served by any process, and a running room's recording cannot be deleted from another", async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const console_ = await createRoom(a.url);
    await joinNode(b.url, console_.code, 'ed');
    const auth = { authorization: `Bearer ${console_.key}` };
    const listed = (await (await fetch(`${b.url}/api/rooms/${console_.code}/recordings`, { headers: auth })).json()) as {
      ok: boolean;
      data: { session: string; ended: boolean }[];
    };
    expect(listed).toMatchObject({ ok: true, data: [{ ended: false }] });
    const session = listed.data[0]!.session;
    const file = await fetch(`${b.url}/api/rooms/${console_.code}/recording`, { headers: auth });
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('"nickname":"ed"');
    expect(
      (await fetch(`${b.url}/api/rooms/${console_.code}/recordings`, { headers: { authorization: 'Bearer nope-nope-nope' } })).status,
    ).toBe(403);
    const removed = await fetch(`${b.url}/api/recordings/${session}`, { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(409);
    // The recordings page, served by the other process, shows it running.
    const list = (await (
      await fetch(`${b.url}/api/recordings/list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ keys: [console_.key] }),
      })
    ).json()) as { ok: boolean; data: { session: string; live: boolean }[] };
    expect(list.data?.find((e) => e.session === session)?.live, JSON.stringify(list).slice(0, 300)).toBe(true);
  });

  it('rooms created at once on both processes, while they look for rooms without an owner, all get a code of their own', async () => {
    const consoles = await Promise.all(Array.from({ length: 24 }, (_, i) => createRoom(servers[i % 2]!.url)));
    const codes = consoles.map((c) => c.code);
    expect(new Set(codes).size).toBe(24);
    // Each is owned by the process it was created on, with the first fence.
    for (const [i, c] of consoles.entries()) {
      expect(servers[i % 2]!.app.registry.anyRoom(c.code)).toBeDefined();
      expect((await servers[0]!.app.cluster!.leases.ownerOf(c.code))?.fence).toBe(1);
    }
    for (const c of consoles) c.socket.disconnect();
  });

  it("a process that starts offers the unfinished recordings the cluster does not know (Redis emptied, or a single server's) for takeover", async () => {
    // A room of a server alone, stopped mid-session.
    const single = await startServer();
    const c = await createRoom(single.url);
    const p = await joinNode(single.url, c.code, 'fay');
    const session = single.app.registry.anyRoom(c.code)!.state.header.session;
    await single.close();
    const shared = servers[0]!.config.dataDir;
    copyFileSync(path.join(single.config.dataDir, 'recordings', `${session}.jsonl`), path.join(shared, 'recordings', `${session}.jsonl`));
    // A third process joins the cluster on the same DATA_DIR: the room comes back, and the phone resumes as itself.
    servers.push(await startServer({ dataDir: shared, redisUrl: redis.url, clusterLeaseMs: 1_000 }));
    const s = await connect(servers[1]!.url);
    let r = await ask(s, 'room:resume', { code: c.code, token: p.token });
    for (let i = 0; i < 40 && !r.ok; i++) {
      await new Promise((done) => setTimeout(done, 50));
      r = await ask(s, 'room:resume', { code: c.code, token: p.token });
    }
    expect(r).toMatchObject({ ok: true, data: { node: p.node } });
  });

  it("an ended room's code and its shared replay are known to every process, also once its owner died and nobody runs it", async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const console_ = await createRoom(a.url);
    const phone = await joinNode(b.url, console_.code, 'gus');
    expect((await ask(console_.socket, 'console:end', {})).ok).toBe(true);
    const session = a.app.registry.anyRoom(console_.code)!.state.header.session;
    // The instructor shares the replay through the other process.
    const shared = await fetch(`${b.url}/api/recordings/${session}/share`, {
      method: 'POST',
      headers: { authorization: `Bearer ${console_.key}` },
    });
    const url = ((await shared.json()) as { data: { url: string } }).data.url;
    expect(url).toContain(session);
    const ended = { ok: true, data: { code: console_.code, status: 'ended', replay: url } };
    expect(await ask(phone.socket, 'room:check', { code: console_.code })).toMatchObject(ended);
    expect(await ask(await connect(a.url), 'room:check', { code: console_.code })).toMatchObject(ended);
    // Its owner loses the room (as when it dies); another process takes the ended room over only
    // to remember it as ended and give its lease back: nobody keeps renewing it.
    await a.app.cluster!.pub.del(`hc:lease:${console_.code}`);
    await a.app.cluster!.leases.renewAll();
    for (let i = 0; i < 100 && (await a.app.cluster!.pub.hexists('hc:rooms', console_.code)); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await a.app.cluster!.pub.hexists('hc:rooms', console_.code)).toBe(0);
    await new Promise((r) => setTimeout(r, 600));
    expect(await a.app.cluster!.leases.ownerOf(console_.code)).toBeNull();
    for (const s of servers) expect(s.app.registry.anyRoom(console_.code)).toBeUndefined();
    for (const s of servers.slice(0, 2))
      expect(await ask(await connect(s.url), 'room:check', { code: console_.code })).toMatchObject(ended);
    // Its recording is still found by its code, and the code is not given to a new room.
    const auth = { authorization: `Bearer ${console_.key}` };
    expect((await fetch(`${b.url}/api/rooms/${console_.code}/recording`, { headers: auth })).status).toBe(200);
    expect(await b.app.cluster!.registryHooks().claim(console_.code, 'another-session')).toBeNull();
  });

  it('an unknown code, and a request before joining, are answered from any process', async () => {
    const s = await connect(servers[1]!.url);
    expect(await ask(s, 'room:check', { code: 'ZZZZZ' })).toMatchObject({ ok: false, error: { code: 'unknown_room' } });
    expect(await ask(s, 'node:act', { action: {} })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });
});
