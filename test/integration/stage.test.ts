// The projector stage over real sockets: the instructor key opens it, it follows the room
// live, it can change nothing, and across a whole Byzantine round with a traitor commander
// nothing it receives names a traitor until the console reveals the roles.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Patch, patched } from '../../shared/protocol/patch';
import type { StageData } from '../../shared/protocol/events';
import type { StageSnapshot } from '../../shared/protocol/views';
import { ask, askThen, connect, createRoom, startServer, until, type TestServer, type TestSocket } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

interface Stage {
  socket: TestSocket;
  snapshots: StageSnapshot[];
  /** Everything it received, as JSON. */
  received: string[];
  joinUrl: string;
}

/** A stage, following whole pictures, or (`patches`) the patches to the one it holds, as the stage's page does. */
async function watch(code: string, key: string, patches = false): Promise<Stage> {
  const socket = await connect(server.url);
  const received: string[] = [];
  const snapshots: StageSnapshot[] = [];
  let version: number | null = null;
  socket.onAny((event: string, ...payload: unknown[]) => received.push(`${event} ${JSON.stringify(payload)}`));
  socket.on('stage:snapshot', (s) => snapshots.push(s));
  socket.on('stage:patch', (p: Patch) => {
    if (p.base !== version) throw new Error(`stage patch ${p.base}→${p.version} on version ${version}`);
    version = p.version;
    snapshots.push(patched(snapshots.at(-1) as StageSnapshot, p.delta));
  });
  const r = await askThen(socket, 'stage:watch', [{ code, key, ...(patches ? { patches } : {}) }], (r) => {
    if (!r.ok) return;
    const data = r.data as StageData;
    // In the answer's callback: a patch that came in the same read follows it.
    version = data.version ?? null;
    snapshots.push(data.snapshot);
    received.push(`ack ${JSON.stringify(data)}`);
  });
  if (!r.ok) throw new Error(r.error.message);
  const data = r.data as StageData;
  if (patches && typeof data.version !== 'number') throw new Error('a stage that asked for patches got no version');
  if (!patches && data.version !== undefined) throw new Error('a stage that did not ask for patches got a version');
  return { socket, snapshots, received, joinUrl: data.joinUrl };
}

const latest = (s: Stage) => s.snapshots.at(-1) as StageSnapshot;

describe('the projector stage', () => {
  it('opens with the instructor key only, and a connection that plays a node cannot be one', async () => {
    const { socket: console_, code, key } = await createRoom(server.url);
    const stranger = await connect(server.url);
    const wrong = await ask(stranger, 'stage:watch', { code, key: 'x'.repeat(24) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const phone = await connect(server.url);
    expect((await ask(phone, 'room:join', { code, nickname: 'Ada' })).ok).toBe(true);
    expect(await ask(phone, 'stage:watch', { code, key })).toMatchObject({ ok: false, error: { code: 'is_node' } });
    const stage = await watch(code, key);
    expect(stage.joinUrl).toMatch(new RegExp(`/join/${code}$`));
    expect(latest(stage)).toMatchObject({ room: { code }, round: null, verdict: null, revealed: false });
    expect(latest(stage).nodes.map((n) => n.nickname)).toEqual(['Ada']);
    for (const s of [console_, stranger, phone, stage.socket]) s.disconnect();
  });

  it('can change nothing in the room', async () => {
    const { socket: console_, code, key } = await createRoom(server.url);
    const stage = await watch(code, key);
    expect(await ask(stage.socket, 'console:fault', { op: { op: 'loss', rate: 0.5 } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(stage.socket, 'console:reveal', { revealed: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(stage.socket, 'node:act', { action: {} })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    console_.disconnect();
    stage.socket.disconnect();
  });

  it('follows a partition made on the console', async () => {
    const { socket: console_, code, key } = await createRoom(server.url);
    const bots = await ask(console_, 'console:bots', { add: 4 });
    expect(bots.ok).toBe(true);
    const stage = await watch(code, key);
    const split = await ask(console_, 'console:drill', { name: 'halves' });
    expect(split.ok).toBe(true);
    const groups = await until(() => {
      const g = new Set(latest(stage).nodes.map((n) => n.group));
      return g.size === 2 ? g : null;
    }, [stage.socket]);
    expect(groups.size).toBe(2);
    console_.disconnect();
    stage.socket.disconnect();
  });

  it('Byzantine: nothing the stage receives names a traitor before the reveal, and the reveal shows them', async () => {
    const { socket: console_, code, key, onSnapshot } = await createRoom(server.url);
    let snapshot: { stage?: { revealed: boolean; screens: number } } | null = null;
    onSnapshot((s) => {
      snapshot = s;
    });
    expect((await ask(console_, 'console:bots', { add: 5 })).ok).toBe(true);
    const stage = await watch(code, key);
    // The stage's page takes patches: what they carry is held to the same rule.
    const kept = await watch(code, key, true);
    const stages = [stage, kept];
    const sockets = stages.map((s) => s.socket);
    expect(await ask(console_, 'console:reveal', { revealed: true })).toMatchObject({ ok: false, error: { code: 'no_round' } });
    const started = await ask(console_, 'console:round', {
      action: 'start',
      game: 'byzantine',
      config: { traitorIds: ['n1', 'n3'], commander: 'n1', phaseMs: 1_000, botDelayMs: 5, strategy: 'split' },
    });
    expect(started.ok).toBe(true);
    await until(() => stages.every((s) => latest(s).verdict !== null), sockets, 20_000);
    expect(snapshot).toMatchObject({ stage: { revealed: false, screens: 2 } });
    for (const s of stages) {
      const everything = s.received.join('\n');
      expect(everything).not.toMatch(/"traitor/);
      expect(everything).not.toMatch(/"(attack|retreat)"/);
      expect(everything).not.toContain('traitorIds');
    }
    expect(kept.received.some((r) => r.startsWith('stage:patch'))).toBe(true);
    expect(kept.received.some((r) => r.startsWith('stage:snapshot'))).toBe(false);
    expect(await ask(console_, 'console:reveal', { revealed: true })).toMatchObject({ ok: true });
    for (const s of stages) {
      const shown = await until(() => {
        const v = latest(s).verdict?.view as { secret: { traitors: string[]; commanderTraitor: boolean } | null } | undefined;
        return v?.secret ?? null;
      }, sockets);
      expect(shown).toMatchObject({ traitors: ['n1', 'n3'], commanderTraitor: true });
    }
    // A new round starts hidden again.
    expect((await ask(console_, 'console:round', { action: 'start', game: 'sandbox', config: {} })).ok).toBe(true);
    await until(() => stages.every((s) => latest(s).round?.game === 'sandbox' && !latest(s).revealed), sockets);
    console_.disconnect();
    for (const s of sockets) s.disconnect();
  });

  it('a stage that watches after every stage taking patches has gone starts from the picture as it is now', async () => {
    const { socket: console_, code, key } = await createRoom(server.url);
    expect((await ask(console_, 'console:bots', { add: 3 })).ok).toBe(true);
    const first = await watch(code, key, true);
    first.socket.disconnect();
    await until(() => !server.app.io.of('/').adapter.rooms.get(`s:${code}`)?.size, [console_]);
    // Nobody follows the room's picture now; the instructor pauses the network meanwhile.
    expect((await ask(console_, 'console:pause', { paused: true })).ok).toBe(true);
    const later = await watch(code, key, true);
    expect(latest(later)).toMatchObject({ paused: true });
    console_.disconnect();
    later.socket.disconnect();
  });

  it('a stage kept by patches holds the picture a stage sent whole pictures holds; one that watches later joins in', async () => {
    const { socket: console_, code, key } = await createRoom(server.url);
    const whole = await watch(code, key);
    const kept = await watch(code, key, true);
    expect((await ask(console_, 'console:bots', { add: 6 })).ok).toBe(true);
    expect(
      await ask(console_, 'console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0, chatterMs: 50 } }),
    ).toMatchObject({
      ok: true,
    });
    const late = await watch(code, key, true);
    const stages = [whole, kept, late];
    const sockets = [console_, ...stages.map((s) => s.socket)];
    expect((await ask(console_, 'console:drill', { name: 'halves' })).ok).toBe(true);
    await until(
      () => late.snapshots.length > 5 && (late.snapshots.at(-1)?.round?.view as { perNode?: object } | null)?.perNode !== undefined,
      sockets,
      10_000,
    );
    expect((await ask(console_, 'console:round', { action: 'stop' })).ok).toBe(true);
    // After the stop the stages are flushed at once: all three hold the same picture.
    const last = (s: Stage) => JSON.stringify(latest(s));
    await until(() => last(kept) === last(whole) && last(late) === last(whole), sockets);
    expect(latest(whole).verdict).toMatchObject({ game: 'sandbox' });
    expect(new Set(latest(whole).nodes.map((n) => n.group)).size).toBe(2);
    for (const s of [kept, late]) {
      expect(s.received.filter((r) => r.startsWith('stage:patch')).length).toBeGreaterThan(3);
      expect(s.received.some((r) => r.startsWith('stage:snapshot'))).toBe(false);
    }
    console_.disconnect();
    for (const s of stages) s.socket.disconnect();
  });
});
