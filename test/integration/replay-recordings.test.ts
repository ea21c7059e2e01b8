// The recordings page's server side: listing by instructor keys, download, delete, share links.

import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/auth';
import { makeHeader } from '../../shared/session/header';
import type { SessionEvent } from '../../shared/protocol/recordingFormat';
import { parseRecording, serializeEvent, serializeHeader } from '../../shared/session/recording';
import { ask, createRoom, joinNode, startServer, until, type TestServer } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

// biome-ignore lint/suspicious/noExplicitAny: the test reads whichever fields the answer it expects has.
async function list(keys: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/recordings/list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ keys }),
  });
  return { status: res.status, body: await res.json() };
}

/** A room with a short sandbox round and a partition; returns its session id. */
async function playedRoom() {
  const room = await createRoom(server.url);
  const ada = await joinNode(server.url, room.code, 'Ada');
  const grace = await joinNode(server.url, room.code, 'Grace');
  await ask(room.socket, 'console:round', { action: 'start', game: 'sandbox' });
  await ask(room.socket, 'console:fault', { op: { op: 'split', groups: [[ada.node], [grace.node]] } });
  await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node], text: 'cut off' } });
  await ask(room.socket, 'console:fault', { op: { op: 'heal' } });
  await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node], text: 'healed' } });
  await until(() => grace.views.at(-1)?.game && (grace.views.at(-1)!.game as { inbox: unknown[] }).inbox.length === 1, [grace.socket]);
  await ask(room.socket, 'console:round', { action: 'stop' });
  const found = server.app.registry.find(room.code);
  if (!found.ok) throw new Error(found.error.message);
  return { ...room, session: found.data.state.header.session, nodes: [ada, grace] };
}

describe('recordings across rooms', () => {
  it('lists only the recordings the given instructor keys open, newest first, with what the page shows', async () => {
    const a = await playedRoom();
    const b = await createRoom(server.url);
    const onlyA = await list([a.key]);
    expect(onlyA.status).toBe(200);
    expect(onlyA.body.data).toHaveLength(1);
    expect(onlyA.body.data[0]).toMatchObject({
      session: a.session,
      room: a.code,
      games: ['sandbox'],
      rounds: 1,
      nodes: 2,
      live: true,
      shares: 0,
      torn: false,
    });
    const both = await list([a.key, b.key, 'not-a-key']);
    expect(both.body.data.map((r: { room: string }) => r.room).sort()).toEqual([a.code, b.code].sort());
    expect((await list([])).body.data).toEqual([]);
    expect((await list(['nobody'])).body.data).toEqual([]);
    expect((await list('a-string')).status).toBe(400);
    expect((await list(Array.from({ length: 101 }, (_, i) => `k${i}`))).status).toBe(400);
    const broken = await fetch(`${server.url}/api/recordings/list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"keys": [',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const huge = await fetch(`${server.url}/api/recordings/list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ keys: ['x'.repeat(40_000)] }),
    });
    expect(huge.status).toBe(413);

    // Once the session ends, the file is read: the figures are the recording's.
    await ask(a.socket, 'console:end', {});
    const ended = (await list([a.key])).body.data[0];
    const res = await fetch(`${server.url}/api/recordings/${a.session}`, { headers: bearer(a.key) });
    const parsed = parseRecording(await res.text());
    expect(ended).toMatchObject({
      live: false,
      events: parsed.events.length,
      durationMs: parsed.events.at(-1)!.t,
      games: ['sandbox'],
      rounds: 1,
      nodes: 2,
    });
  });

  it('downloads with the key or a share token, and refuses a wrong secret, a bad id and path tricks', async () => {
    const a = await playedRoom();
    const url = `${server.url}/api/recordings/${a.session}`;
    const byKey = await fetch(url, { headers: bearer(a.key) });
    expect(byKey.status).toBe(200);
    expect(byKey.headers.get('x-recording-access')).toBe('owner');
    const text = await byKey.text();
    const { header, events } = parseRecording(text);
    expect(header.room).toBe(a.code);
    expect(events.some((e) => e.type === 'envelope:sent' && 'drop' in e && e.drop === 'partition')).toBe(true);

    const attachment = await fetch(`${url}?download`, { headers: bearer(a.key) });
    expect(attachment.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="?human-cluster-${a.code}-`));

    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: bearer('wrong') })).status).toBe(403);
    const other = await createRoom(server.url);
    expect((await fetch(url, { headers: bearer(other.key) })).status).toBe(403);
    expect((await fetch(`${server.url}/api/recordings/nosuchsession1`, { headers: bearer(a.key) })).status).toBe(404);
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', '..%2Fshares%2Fx', 'a.b.c', '%00abcdef']) {
      const res = await fetch(`${server.url}/api/recordings/${bad}`, { headers: bearer(a.key) });
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('root:');
    }

    const shared = await fetch(`${url}/share`, { method: 'POST', headers: bearer(a.key) });
    expect(shared.status).toBe(200);
    const { token, url: link, shares } = (await shared.json()).data;
    expect(shares).toBe(1);
    expect(link).toMatch(new RegExp(`/replay/${a.session}#share=${token}$`));
    const byShare = await fetch(url, { headers: bearer(token) });
    expect(byShare.status).toBe(200);
    expect(byShare.headers.get('x-recording-access')).toBe('share');
    expect(parseRecording(await byShare.text()).header.session).toBe(a.session);
    expect((await fetch(`${url}?share=${token}`)).status).toBe(200);
    // The token is stored hashed, beside the recordings, never in them.
    const sidecars = readdirSync(path.join(server.config.dataDir, 'shares'));
    expect(sidecars).toEqual([`${a.session}.json`]);
    expect(readdirSync(path.join(server.config.dataDir, 'recordings')).every((f) => f.endsWith('.jsonl'))).toBe(true);
    const stored = readFileSync(path.join(server.config.dataDir, 'shares', `${a.session}.json`), 'utf8');
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashSecret(token));
  });

  it('a share token only reads: it cannot delete, share, or list, and opens no other recording', async () => {
    const a = await playedRoom();
    const b = await playedRoom();
    const { token } = (
      await (await fetch(`${server.url}/api/recordings/${a.session}/share`, { method: 'POST', headers: bearer(a.key) })).json()
    ).data;
    expect((await fetch(`${server.url}/api/recordings/${a.session}`, { method: 'DELETE', headers: bearer(token) })).status).toBe(403);
    expect((await fetch(`${server.url}/api/recordings/${a.session}/share`, { method: 'POST', headers: bearer(token) })).status).toBe(403);
    expect((await fetch(`${server.url}/api/recordings/${b.session}`, { headers: bearer(token) })).status).toBe(403);
    expect((await list([token])).body.data).toEqual([]);
    // Withdrawn links stop working.
    expect((await fetch(`${server.url}/api/recordings/${a.session}/share`, { method: 'DELETE', headers: bearer(a.key) })).status).toBe(200);
    expect((await fetch(`${server.url}/api/recordings/${a.session}`, { headers: bearer(token) })).status).toBe(403);
  });

  it("deletes an ended session's recording and its share links, but not a running one", async () => {
    const a = await playedRoom();
    await fetch(`${server.url}/api/recordings/${a.session}/share`, { method: 'POST', headers: bearer(a.key) });
    const live = await fetch(`${server.url}/api/recordings/${a.session}`, { method: 'DELETE', headers: bearer(a.key) });
    expect(live.status).toBe(409);
    expect((await live.json()).error.message).toMatch(/still running/);
    await ask(a.socket, 'console:end', {});
    const gone = await fetch(`${server.url}/api/recordings/${a.session}`, { method: 'DELETE', headers: bearer(a.key) });
    expect(gone.status).toBe(200);
    expect((await list([a.key])).body.data).toEqual([]);
    expect((await fetch(`${server.url}/api/recordings/${a.session}`, { headers: bearer(a.key) })).status).toBe(404);
    expect(existsSync(path.join(server.config.dataDir, 'shares', `${a.session}.json`))).toBe(false);
    // The room's own download answers clearly instead of failing.
    expect((await fetch(`${server.url}/api/rooms/${a.code}/recording`, { headers: bearer(a.key) })).status).toBe(404);
  });

  it('lists a recording whose last line is torn, and ignores files that are not recordings', async () => {
    const key = 'k'.repeat(32);
    const dir = path.join(server.config.dataDir, 'recordings');
    const header = makeHeader({ session: 'tornsession1', room: 'TORNX', keyHash: hashSecret(key), startedAt: '2030-01-01T10:00:00.000Z' });
    const file = path.join(dir, 'tornsession1.jsonl');
    writeFileSync(file, serializeHeader(header));
    appendFileSync(file, serializeEvent({ seq: 1, t: 10, type: 'node:joined', node: 'n1', nickname: 'Ada', kind: 'human' }));
    appendFileSync(file, serializeEvent({ seq: 2, t: 20, type: 'room:locked', locked: true }));
    appendFileSync(file, '{"seq":3,"t":30,"type":"room:lo');
    writeFileSync(path.join(dir, 'garbage1.jsonl'), '\u0000\u0001 not json');
    writeFileSync(path.join(dir, 'otherkey1.jsonl'), serializeHeader(makeHeader({ session: 'otherkey1', keyHash: 'zz' })));
    const { body } = await list([key]);
    expect(body.data).toEqual([
      expect.objectContaining({ session: 'tornsession1', room: 'TORNX', events: 2, durationMs: 20, nodes: 1, torn: true, live: false }),
    ]);
    const res = await fetch(`${server.url}/api/recordings/tornsession1`, { headers: bearer(key) });
    expect(parseRecording(await res.text())).toMatchObject({ torn: true, events: [{ seq: 1 }, { seq: 2 }] });
  });

  it('summarises what a recording says, not how it is spelled: any key order or spacing; a damaged line ends the count; a broken header is not listed', async () => {
    const key = 'q'.repeat(32);
    const dir = path.join(server.config.dataDir, 'recordings');
    const header = (session: string) =>
      makeHeader({ session, room: 'SPELL', keyHash: hashSecret(key), startedAt: '2030-01-02T10:00:00.000Z' });
    // Keys in reverse order and spaces after the colons: what another tool might write.
    const respelled = (e: object) => `${JSON.stringify(Object.fromEntries(Object.entries(e).reverse())).replaceAll('":', '": ')}\n`;
    const round = { index: 1, game: 'gossip', config: {}, seed: 1, nodes: ['n1', 'n2'] };
    const events = [
      { seq: 1, t: 10, type: 'node:joined', node: 'n1', nickname: 'Ada', kind: 'human' },
      { seq: 2, t: 20, type: 'node:joined', node: 'n2', nickname: 'Grace', kind: 'human' },
      { seq: 3, t: 30, type: 'round:started', round },
      { seq: 4, t: 45, type: 'round:ended', index: 1, reason: 'stopped', result: null },
    ];
    writeFileSync(path.join(dir, 'respelled1.jsonl'), serializeHeader(header('respelled1')) + events.map(respelled).join(''));
    const damaged = events.map((e) => serializeEvent(e as SessionEvent));
    damaged[2] = '{"seq": 3, "t": 30, "type": "round:sta\n';
    writeFileSync(path.join(dir, 'damaged01.jsonl'), serializeHeader(header('damaged01')) + damaged.join(''));
    const { keyHash: _dropped, ...noKeyHash } = header('nokeyhash1');
    writeFileSync(path.join(dir, 'nokeyhash1.jsonl'), `${JSON.stringify({ ...noKeyHash, keyHash: 7 })}\n`);

    const { body } = await list([key]);
    const bySession = Object.fromEntries((body.data as { session: string }[]).map((e) => [e.session, e]));
    expect(Object.keys(bySession).sort()).toEqual(['damaged01', 'respelled1']);
    expect(bySession.respelled1).toMatchObject({ events: 4, durationMs: 45, nodes: 2, rounds: 1, games: ['gossip'], torn: false });
    expect(bySession.damaged01).toMatchObject({ events: 2, durationMs: 20, nodes: 2, rounds: 0, games: [] });
  });
});
