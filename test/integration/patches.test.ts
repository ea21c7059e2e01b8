// Screens that ask for patches (the phone, the console) hold, after every patch, exactly what a
// screen sent whole values holds: the same views, the same roster, the same snapshots. A socket
// that resumes starts again from a whole view; a student's program that never asks gets whole
// values as before.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxView } from '../../shared/games/sandbox/config';
import type { ConsoleSnapshot } from '../../shared/protocol/views';
import {
  ask,
  askFollowing,
  askThen,
  connect,
  createRoom,
  followViews,
  joinNode,
  startServer,
  until,
  type TestNode,
  type TestServer,
} from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ defaultLatency: { base: 0, jitter: 0 } });
});
afterEach(async () => {
  await server.close();
});

const json = (v: unknown) => JSON.parse(JSON.stringify(v));
/** A view without its time: the session's clock moves on after a node's last change, its view does not. */
const untimed = (v: unknown) => JSON.stringify({ ...(json(v) as object), t: 0 });

describe('patches', () => {
  it('a phone kept by patches holds the view the server would send whole, message after message', async () => {
    const room = await createRoom(server.url);
    const patched = await joinNode(server.url, room.code, 'Ada');
    const whole = await joinNode(server.url, room.code, 'Grace', { patches: false });
    const others: TestNode[] = [];
    for (const name of ['Linus', 'Ken']) others.push(await joinNode(server.url, room.code, name));
    expect(await ask(room.socket, 'console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0 } })).toMatchObject({
      ok: true,
    });
    const live = server.app.registry.find(room.code);
    if (!live.ok) throw new Error('no room');
    const everyone = [patched, whole, ...others];
    // 40 messages each way, more than the 30 an inbox shows, so old items slide out.
    for (let i = 0; i < 40; i++) {
      for (const [k, from] of everyone.entries()) {
        const to = everyone[(k + 1 + (i % 3)) % everyone.length]!;
        await ask(from.socket, 'node:act', { action: { type: 'send', to: [to.node], text: `m${i} ${from.node}→${to.node}` } });
      }
    }
    const sockets = [room.socket, ...everyone.map((n) => n.socket)];
    for (const n of [patched, whole]) {
      await until(() => untimed(n.views.at(-1)) === untimed(live.data.viewFor(n.node)), sockets);
      expect((n.views.at(-1)!.game as SandboxView).inbox).toHaveLength(30);
    }
    // Patches are small: nothing like a whole view per message.
    expect(patched.views.length).toBeGreaterThan(40);
  });

  it("the answer to a phone's action carries what it changed in its own view, in place of a patch; anything else still comes at once", async () => {
    const room = await createRoom(server.url);
    const ada = await joinNode(server.url, room.code, 'Ada');
    const grace = await joinNode(server.url, room.code, 'Grace');
    const linus = await joinNode(server.url, room.code, 'Linus', { patches: false });
    expect(await ask(room.socket, 'console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0 } })).toMatchObject({
      ok: true,
    });
    const live = server.app.registry.find(room.code);
    if (!live.ok) throw new Error('no room');
    const sockets = [room.socket, ada.socket, grace.socket, linus.socket];
    await until(() => (ada.views.at(-1)?.game as SandboxView | null)?.game === 'sandbox', sockets);
    const patches: number[] = [];
    ada.socket.on('node:patch', (p) => patches.push(p.version));
    const sentBefore = (ada.views.at(-1)!.game as SandboxView).sent.length;
    const r = await ask(ada.socket, 'node:act', { action: { type: 'send', to: [grace.node], text: 'one message' } });
    if (!r.ok) throw new Error(r.error.message);
    // The answer holds the patch (the harness applied it, as the phone does): Ada's sent list
    // shows the message the moment the answer says it is on disk, with no node:patch for it.
    const carried = (r.data as { patch: { base: number; version: number } }).patch;
    expect(carried.version).toBe(carried.base + 1);
    expect((ada.views.at(-1)!.game as SandboxView).sent.map((m) => m.text)).toHaveLength(sentBefore + 1);
    expect((ada.views.at(-1)!.game as SandboxView).sent.at(-1)!.text).toBe('one message');
    expect(untimed(ada.views.at(-1))).toBe(untimed(live.data.viewFor(ada.node)));
    // Grace gets hers as a patch.
    await until(() => (grace.views.at(-1)!.game as SandboxView).inbox.some((m) => m.text === 'one message'), sockets);
    expect(patches).toEqual([]);
    // A message that reaches Ada while her own is being answered is not held back for it.
    await ask(grace.socket, 'node:act', { action: { type: 'send', to: [ada.node], text: 'to Ada' } });
    await until(() => (ada.views.at(-1)!.game as SandboxView).inbox.some((m) => m.text === 'to Ada'), sockets);
    expect(patches).toHaveLength(1);
    // A refusal carries nothing and changes nothing.
    const before = patches.length;
    expect(await ask(ada.socket, 'node:act', { action: { type: 'send', to: [ada.node], text: 'me' } })).toMatchObject({ ok: false });
    expect(patches).toHaveLength(before);
    // A program sent whole views gets `null` and a whole view, as before.
    const views = linus.views.length;
    expect(await ask(linus.socket, 'node:act', { action: { type: 'send', to: [ada.node], text: 'from Linus' } })).toEqual({
      ok: true,
      data: null,
    });
    await until(() => linus.views.length > views, sockets);
    expect((linus.views.at(-1)!.game as SandboxView).sent.at(-1)!.text).toBe('from Linus');
    // An action sent without a callback: its change comes as a node:patch.
    (ada.socket.emit as (e: string, p: unknown) => void).call(ada.socket, 'node:act', {
      action: { type: 'send', to: [grace.node], text: 'no callback' },
    });
    await until(() => (ada.views.at(-1)!.game as SandboxView).sent.some((m) => m.text === 'no callback'), sockets);
    // In the end every view is the one the server would send whole.
    await until(() => untimed(ada.views.at(-1)) === untimed(live.data.viewFor(ada.node)), sockets);
  });

  it('a phone that resumes starts again from a whole view, then patches again; a program that never asks gets whole views', async () => {
    const room = await createRoom(server.url);
    const ada = await joinNode(server.url, room.code, 'Ada');
    const grace = await joinNode(server.url, room.code, 'Grace');
    await ask(room.socket, 'console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0 } });
    const live = server.app.registry.find(room.code);
    if (!live.ok) throw new Error('no room');
    await ask(grace.socket, 'node:act', { action: { type: 'send', to: [ada.node], text: 'one' } });
    // Ada's phone reloads: a new socket resumes.
    ada.socket.disconnect();
    const again = await connect(server.url);
    const views: TestNode['views'] = [];
    const r = await askThen(again, 'room:resume', [{ code: room.code, token: ada.token, patches: true }], (r) => {
      if (r.ok) followViews(again, views, r.data);
    });
    if (!r.ok) throw new Error(r.error.message);
    await ask(grace.socket, 'node:act', { action: { type: 'send', to: [ada.node], text: 'two' } });
    await until(() => (views.at(-1)?.game as SandboxView | null)?.inbox.length === 2, [again, grace.socket]);
    expect(json(views.at(-1))).toEqual(json(live.data.viewFor(ada.node)));
    // The same socket asks again, without patches: whole views from then on.
    // Listening before asking: a patch sent right after the answer could come in the same read.
    const wholeViews: unknown[] = [];
    again.on('node:view', (v) => wholeViews.push(v));
    again.on('node:patch', () => wholeViews.push('a patch'));
    const plain = await ask(again, 'room:resume', { code: room.code, token: ada.token });
    expect(plain.ok && plain.data.version).toBeUndefined();
    await ask(grace.socket, 'node:act', { action: { type: 'send', to: [ada.node], text: 'three' } });
    await until(() => wholeViews.length > 0, [again]);
    expect(wholeViews.includes('a patch')).toBe(false);
  });

  it('rosters kept by patches follow joins, kicks and leaves, also for a node that joined after a patch was made', async () => {
    const room = await createRoom(server.url);
    const nodes: TestNode[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) nodes.push(await joinNode(server.url, room.code, name));
    const whole = await joinNode(server.url, room.code, 'w', { patches: false });
    await ask(room.socket, 'console:kick', { node: nodes[1]!.node });
    await ask(nodes[2]!.socket, 'room:leave', {});
    const late = await joinNode(server.url, room.code, 'late');
    const live = server.app.registry.find(room.code);
    if (!live.ok) throw new Error('no room');
    const expected = live.data.roster();
    expect(expected.count).toBe(5);
    for (const n of [nodes[0]!, nodes[3]!, nodes[4]!, whole, late]) {
      await until(() => JSON.stringify(n.roster) === JSON.stringify(expected), [n.socket], 3000).catch(() => {
        throw new Error(`${n.node}: ${JSON.stringify(n.roster)} instead of ${JSON.stringify(expected)}`);
      });
    }
  });

  it('a console kept by patches holds the snapshot a console sent whole snapshots holds; one that attaches later joins in', async () => {
    const room = await createRoom(server.url);
    const wholeSocket = await connect(server.url);
    const { reply: a, followed: whole } = await askFollowing(wholeSocket, 'console:attach', { code: room.code, key: room.key });
    expect(a.version).toBeUndefined();
    const nodes: TestNode[] = [];
    for (const name of ['a', 'b', 'c']) nodes.push(await joinNode(server.url, room.code, name));
    await ask(room.socket, 'console:bots', { add: 3 });
    await ask(room.socket, 'console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0, chatterMs: 50 } });
    const lateSocket = await connect(server.url);
    const { followed: late } = await askFollowing(lateSocket, 'console:attach', { code: room.code, key: room.key, patches: true });
    await ask(room.socket, 'console:fault', {
      op: {
        op: 'split',
        groups: [
          ['n1', 'n2'],
          ['n3', 'n4', 'n5', 'n6'],
        ],
      },
    });
    const sockets = [room.socket, wholeSocket, lateSocket];
    await until(() => late.snapshots.length > 5 && (late.snapshots.at(-1)?.net.sent ?? 0) > 20, sockets, 10_000);
    await ask(room.socket, 'console:round', { action: 'stop' });
    // After the stop the consoles are flushed at once: all three hold the same picture.
    const last = (s: ConsoleSnapshot[]) => JSON.stringify(s.at(-1));
    await until(() => last(room.snapshots) === last(whole.snapshots) && last(late.snapshots) === last(whole.snapshots), sockets);
    expect(whole.snapshots.at(-1)?.rounds).toHaveLength(1);
  });
});
