import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxView } from '../../shared/games/sandbox/config';
import type { NodeView } from '../../shared/protocol/views';
import { fold } from '../../shared/session/fold';
import { parseRecording } from '../../shared/session/recording';
import { ask, connect, createRoom, joinNode, startServer, until, type TestNode, type TestServer } from './harness';
import { GAMES } from '../support/games';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const inbox = (views: { game: unknown }[]) => (views.at(-1)!.game as SandboxView | null)?.inbox ?? [];

describe('rooms', () => {
  it('creates a room whose code avoids look-alike characters, and five nodes join it', async () => {
    const { code } = await createRoom(server.url);
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
    const nodes: TestNode[] = [];
    for (const name of ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken']) nodes.push(await joinNode(server.url, code, name));
    expect(nodes.map((n) => n.node)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    const room = server.app.registry.find(code);
    expect(room.ok && room.data.state.active).toBe(5);
    // Everyone hears the new head count.
    await until(
      () => nodes.every((n) => n.rosterCount === 5),
      nodes.map((n) => n.socket),
    );
  });

  it('refuses a taken nickname (ignoring case), an invalid one, and an unknown or malformed code', async () => {
    const { code } = await createRoom(server.url);
    await joinNode(server.url, code, 'Ada');
    const s = await connect(server.url);
    expect(await ask(s, 'room:join', { code, nickname: '  ADA ' })).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    expect(await ask(s, 'room:join', { code, nickname: '   ' })).toMatchObject({ ok: false, error: { code: 'nickname_invalid' } });
    expect(await ask(s, 'room:join', { code, nickname: 'x'.repeat(21) })).toMatchObject({
      ok: false,
      error: { code: 'nickname_too_long' },
    });
    expect(await ask(s, 'room:join', { code, nickname: '\u202e' })).toMatchObject({ ok: false, error: { code: 'nickname_invalid' } });
    expect(await ask(s, 'room:join', { code: 'ZZZZZ', nickname: 'Bob' })).toMatchObject({ ok: false, error: { code: 'unknown_room' } });
    expect(await ask(s, 'room:join', { code: 'O0I1L', nickname: 'Bob' })).toMatchObject({ ok: false, error: { code: 'bad_code' } });
  });

  it('limits room creation per address, with a burst, and per instructor key shown; a room no bigger than ROOM_CAPACITY', async () => {
    await server.close();
    server = await startServer({
      capacity: 40,
      createLimit: { perAddress: { burst: 4, perMinute: 1 }, perKey: { burst: 2, perMinute: 1 } },
    });
    const s = await connect(server.url);
    const first = await ask(s, 'console:create', {});
    if (!first.ok) throw new Error(first.error.message);
    // The same instructor key shown twice more: its own bucket (2) runs out first.
    const key = first.data.key as string;
    for (let i = 0; i < 2; i++) expect((await ask(await connect(server.url), 'console:create', { key })).ok).toBe(true);
    expect(await ask(await connect(server.url), 'console:create', { key })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringContaining('This console has opened many rooms') },
    });
    // The address had 4: one left, then refused.
    expect((await ask(await connect(server.url), 'console:create', {})).ok).toBe(true);
    expect(await ask(await connect(server.url), 'console:create', {})).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: expect.stringMatching(/from this network .* wait 60 s/) },
    });
    // Asking for more nodes than the server takes is refused, and changes nothing.
    await server.close();
    server = await startServer({ capacity: 40 });
    expect(await ask(await connect(server.url), 'console:create', { capacity: 41 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const r = await ask(await connect(server.url), 'console:create', { capacity: 40 });
    expect(r.ok && r.data.snapshot.room.capacity).toBe(40);
    expect(server.app.registry.size).toBe(1);
  });

  it("the room's language and lock reach the phones already in it, at once", async () => {
    const { socket: instructor, code } = await createRoom(server.url);
    const phone = await joinNode(server.url, code, 'ana');
    expect(phone.views.at(-1)!.room).toMatchObject({ locked: false });
    expect(phone.views.at(-1)!.room.language).not.toBe('fr');
    expect(await ask(instructor, 'console:language', { language: 'fr' })).toEqual({ ok: true, data: null });
    await until(() => phone.views.at(-1)!.room.language === 'fr', [phone.socket]);
    expect(await ask(instructor, 'console:lock', { locked: true })).toEqual({ ok: true, data: null });
    await until(() => phone.views.at(-1)!.room.locked, [phone.socket]);
  });

  it('refuses joins to a locked, a full and an ended room', async () => {
    server.config.capacity = 2;
    const { socket: instructor, code } = await createRoom(server.url);
    await joinNode(server.url, code, 'a');
    await joinNode(server.url, code, 'b');
    const s = await connect(server.url);
    expect(await ask(s, 'room:join', { code, nickname: 'c' })).toMatchObject({ ok: false, error: { code: 'room_full' } });
    await ask(instructor, 'console:kick', { node: 'n1' });
    expect(await ask(instructor, 'console:lock', { locked: true })).toEqual({ ok: true, data: null });
    expect(await ask(s, 'room:join', { code, nickname: 'c' })).toMatchObject({ ok: false, error: { code: 'room_locked' } });
    await ask(instructor, 'console:end', {});
    expect(await ask(s, 'room:join', { code, nickname: 'c' })).toMatchObject({ ok: false, error: { code: 'room_ended' } });
  });

  it('room:check reads a code before the nickname: open, locked, full, ended (with the replay link once shared), unknown', async () => {
    server.config.capacity = 1;
    const { socket: instructor, code, key } = await createRoom(server.url);
    const s = await connect(server.url);
    expect(await ask(s, 'room:check', { code: code.toLowerCase() })).toEqual({ ok: true, data: { code, status: 'open', replay: null } });
    expect(await ask(s, 'room:check', { code: 'ZZZZZ' })).toMatchObject({ ok: false, error: { code: 'unknown_room' } });
    expect(await ask(s, 'room:check', { code: 'O0I1L' })).toMatchObject({ ok: false, error: { code: 'bad_code' } });
    await joinNode(server.url, code, 'a');
    expect(await ask(s, 'room:check', { code })).toMatchObject({ ok: true, data: { status: 'full' } });
    await ask(instructor, 'console:lock', { locked: true });
    expect(await ask(s, 'room:check', { code })).toMatchObject({ ok: true, data: { status: 'locked' } });
    await ask(instructor, 'console:end', {});
    expect(await ask(s, 'room:check', { code })).toEqual({ ok: true, data: { code, status: 'ended', replay: null } });
    // The instructor shares the replay: the room's phones are offered it.
    const room = server.app.registry.anyRoom(code)!;
    const shared = await fetch(`${server.url}/api/recordings/${room.state.header.session}/share`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
    }).then((r) => r.json() as Promise<{ ok: boolean; data: { url: string } }>);
    expect(shared.ok).toBe(true);
    expect(await ask(s, 'room:check', { code })).toEqual({ ok: true, data: { code, status: 'ended', replay: shared.data.url } });
  });

  it('resumes with the token: same node id and the same state after a disconnect', async () => {
    const { socket: instructor, code } = await createRoom(server.url);
    const ada = await joinNode(server.url, code, 'Ada');
    const grace = await joinNode(server.url, code, 'Grace');
    await ask(instructor, 'console:round', { action: 'start', game: 'sandbox' });
    expect((await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node], text: 'remember me' } })).ok).toBe(true);
    await until(() => inbox(grace.views).length === 1, [grace.socket], 15_000);
    grace.socket.disconnect();
    await until(
      () => {
        const room = server.app.registry.find(code);
        return room.ok && room.data.state.nodes[grace.node]!.connected === false;
      },
      [],
      15_000,
    );
    // The message sent while she was away still reaches her node.
    expect((await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node], text: 'while you were away' } })).ok).toBe(true);
    const again = await connect(server.url);
    // Listening before resuming, as a phone does: a view pushed right after the answer (the
    // message delivered then) may come in the same read as the answer.
    const pushed: NodeView[] = [];
    again.on('node:view', (v) => pushed.push(v));
    const r = await ask(again, 'room:resume', { code, token: grace.token });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.node).toBe(grace.node);
    const data = r.data;
    const views = () => [data.view, ...pushed];
    await until(() => inbox(views()).length === 2, [again], 15_000);
    expect(inbox(views()).map((m) => m.text)).toEqual(['remember me', 'while you were away']);
    // It is the same node: a message to it arrives on the resumed socket.
    expect((await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node], text: 'welcome back' } })).ok).toBe(true);
    await until(() => inbox(views()).length === 3, [again], 15_000);
  });

  it('does not let a kicked node come back', async () => {
    const { socket: instructor, code } = await createRoom(server.url);
    const ada = await joinNode(server.url, code, 'Ada');
    const removed = new Promise((resolve) => ada.socket.once('node:removed', resolve));
    expect(await ask(instructor, 'console:kick', { node: ada.node })).toEqual({ ok: true, data: null });
    expect(await removed).toMatchObject({ reason: 'kicked' });
    expect(await ask(ada.socket, 'node:act', { action: {} })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const again = await connect(server.url);
    expect(await ask(again, 'room:resume', { code, token: ada.token })).toMatchObject({ ok: false, error: { code: 'kicked' } });
  });

  it('refuses console events from a student socket and from a wrong key', async () => {
    const { code, key } = await createRoom(server.url);
    const ada = await joinNode(server.url, code, 'Ada');
    for (const [event, payload] of [
      ['console:kick', { node: 'n1' }],
      ['console:lock', { locked: true }],
      ['console:end', {}],
      ['console:bots', { add: 2 }],
      ['console:fault', { op: { op: 'heal' } }],
      ['console:round', { action: 'stop' }],
    ] as const) {
      expect(await ask(ada.socket, event, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const stranger = await connect(server.url);
    // Another last character (a key ending in x made "x" the right key, once in 64 runs).
    expect(await ask(stranger, 'console:attach', { code, key: `${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}` })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(stranger, 'console:attach', { code, key })).toMatchObject({ ok: true });
    const room = server.app.registry.find(code);
    expect(room.ok && room.data.state.locked).toBe(false);
  });

  it('answers malformed, oversized and unknown requests with errors and keeps serving', async () => {
    const { code } = await createRoom(server.url);
    const s = await connect(server.url);
    expect(await ask(s, 'room:join', { code })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ask(s, 'room:join', 'nonsense')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ask(s, 'room:join', { code, nickname: 'x', extra: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ask(s, 'room:join', { code, nickname: 'y'.repeat(30_000) })).toMatchObject({
      ok: false,
      error: { code: 'payload_too_large' },
    });
    expect(await ask(s, 'no:such:event', {})).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    expect(await ask(s, 'node:act', { action: { type: 'send' } })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const errors: unknown[] = [];
    s.on('server:error', (e) => errors.push(e));
    // Without an acknowledgement the error comes back as a `server:error` event.
    (s.emit as unknown as (e: string, p: unknown) => void)('room:join', { bad: true });
    await until(() => errors.length > 0, [s]);
    expect(errors[0]).toMatchObject({ code: 'bad_request' });
    // Still serving, on the same socket and on new ones.
    const ada = await joinNode(server.url, code, 'Ada');
    expect(ada.node).toBe('n1');
    expect(await ask(s, 'room:join', { code, nickname: 'Bob' })).toMatchObject({ ok: true });
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('refuses a socket more than its share of requests in a second, and only that socket', async () => {
    const { code } = await createRoom(server.url);
    const ada = await joinNode(server.url, code, 'Ada');
    const grace = await joinNode(server.url, code, 'Grace');
    const limit = server.config.rateLimitPerSecond;
    // All sent at once: they fall in one second (with the join, one more than the share).
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: limit + 5 }, () => ask(ada.socket, 'room:check', { code })));
    if (performance.now() - started < 1000) {
      const refused = answers.filter((a) => !a.ok && a.error.code === 'rate_limited');
      expect(refused.length).toBeGreaterThanOrEqual(5);
      expect(refused[0]).toMatchObject({ error: { message: 'Too many requests: slow down a little.' } });
      expect(answers.slice(0, limit - 1).every((a) => a.ok)).toBe(true);
    }
    // Another socket is not held back by Ada's burst, and Ada is served again a second later.
    expect(await ask(grace.socket, 'room:check', { code })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await ask(ada.socket, 'room:check', { code })).toMatchObject({ ok: true });
  });

  it("a node acts only through the game: bad actions are refused with the game's reason", async () => {
    const { socket: instructor, code } = await createRoom(server.url);
    const ada = await joinNode(server.url, code, 'Ada');
    expect(await ask(ada.socket, 'node:act', { action: { type: 'send', to: ['n1'], text: 'hi' } })).toMatchObject({
      ok: false,
      error: { code: 'no_round' },
    });
    await joinNode(server.url, code, 'Grace');
    await ask(instructor, 'console:round', { action: 'start', game: 'sandbox' });
    expect(await ask(ada.socket, 'node:act', { action: { type: 'send', to: [ada.node], text: 'me' } })).toMatchObject({
      ok: false,
      error: { code: 'bad_recipient' },
    });
    expect(await ask(ada.socket, 'node:act', { action: { type: 'fly' } })).toMatchObject({ ok: false, error: { code: 'bad_action' } });
  });
});

describe('the network and the recording', () => {
  it('drops envelopes across a partition with reason "partition", and the recording reads back in order', async () => {
    const { socket: instructor, code, key } = await createRoom(server.url);
    const ada = await joinNode(server.url, code, 'Ada');
    const grace = await joinNode(server.url, code, 'Grace');
    const linus = await joinNode(server.url, code, 'Linus');
    await ask(instructor, 'console:round', { action: 'start', game: 'sandbox' });
    expect(await ask(instructor, 'console:fault', { op: { op: 'split', groups: [[ada.node, linus.node], [grace.node]] } })).toEqual({
      ok: true,
      data: null,
    });
    await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node, linus.node], text: 'across the cut?' } });
    await until(() => inbox(linus.views).length === 1, [linus.socket]);
    await ask(instructor, 'console:fault', { op: { op: 'heal' } });
    await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node], text: 'after the heal' } });
    await until(() => inbox(grace.views).length === 1, [grace.socket]);
    expect(inbox(grace.views).map((m) => m.text)).toEqual(['after the heal']);
    await ask(instructor, 'console:round', { action: 'stop' });

    // The recording is flushed at every round end; download it with the instructor key.
    const denied = await fetch(`${server.url}/api/rooms/${code}/recording`);
    expect(denied.status).toBe(403);
    const res = await fetch(`${server.url}/api/rooms/${code}/recording`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    const { header, events, torn } = parseRecording(await res.text());
    expect(torn).toBe(false);
    expect(header.room).toBe(code);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.every((e, i) => i === 0 || e.t >= events[i - 1]!.t)).toBe(true);
    const sent = events.filter((e) => e.type === 'envelope:sent');
    const cut = sent.filter((e) => 'drop' in e && e.drop === 'partition');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ env: { from: ada.node, to: grace.node } });
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['node:joined', 'round:started', 'fault:changed', 'node:acted', 'envelope:delivered', 'round:ended']),
    );
    // The fold of the file is the room's state.
    const room = server.app.registry.find(code);
    expect(room.ok).toBe(true);
    if (room.ok) expect(fold(header, events, GAMES)).toEqual(room.data.state);

    const list = await fetch(`${server.url}/api/rooms/${code}/recordings`, { headers: { Authorization: `Bearer ${key}` } });
    expect(await list.json()).toMatchObject({ ok: true, data: [{ room: code }] });
  });

  it('restores open rooms from their recordings when the server restarts', async () => {
    const { socket: instructor, code, key } = await createRoom(server.url);
    const ada = await joinNode(server.url, code, 'Ada');
    const grace = await joinNode(server.url, code, 'Grace');
    await ask(instructor, 'console:round', { action: 'start', game: 'sandbox' });
    await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node], text: 'before the restart' } });
    await until(() => inbox(grace.views).length === 1, [grace.socket]);
    const before = server.app.registry.find(code);
    const stateBefore = before.ok ? structuredClone(before.data.state) : null;
    const dataDir = server.config.dataDir;
    await server.close();

    server = await startServer({ dataDir });
    const room = server.app.registry.find(code);
    expect(room.ok).toBe(true);
    if (!room.ok) return;
    expect(room.data.state.nodes).toEqual(stateBefore!.nodes);
    expect(room.data.state.round?.engineState).toEqual(stateBefore!.round?.engineState);
    const phone = await connect(server.url);
    const r = await ask(phone, 'room:resume', { code, token: grace.token });
    expect(r).toMatchObject({ ok: true, data: { node: grace.node } });
    if (r.ok) expect((r.data.view.game as SandboxView).inbox.map((m) => m.text)).toEqual(['before the restart']);
    const console2 = await connect(server.url);
    expect(await ask(console2, 'console:attach', { code, key })).toMatchObject({ ok: true });
  });
});
