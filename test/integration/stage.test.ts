// The projector stage over real sockets: the instructor key opens it, it follows the room
// live, it can change nothing, and across a whole Byzantine round with a traitor commander
// nothing it receives names a traitor until the console reveals the roles.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StageSnapshot } from '../../shared/protocol/views';
import { ask, connect, createRoom, startServer, until, type TestServer, type TestSocket } from './harness';

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

async function watch(code: string, key: string): Promise<Stage> {
  const socket = await connect(server.url);
  const received: string[] = [];
  const snapshots: StageSnapshot[] = [];
  socket.onAny((event: string, ...payload: unknown[]) => received.push(`${event} ${JSON.stringify(payload)}`));
  socket.on('stage:snapshot', (s) => snapshots.push(s));
  const r = await ask(socket, 'stage:watch', { code, key });
  if (!r.ok) throw new Error(r.error.message);
  snapshots.push(r.data.snapshot);
  received.push(`ack ${JSON.stringify(r.data)}`);
  return { socket, snapshots, received, joinUrl: r.data.joinUrl };
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
    expect(await ask(console_, 'console:reveal', { revealed: true })).toMatchObject({ ok: false, error: { code: 'no_round' } });
    const started = await ask(console_, 'console:round', {
      action: 'start',
      game: 'byzantine',
      config: { traitorIds: ['n1', 'n3'], commander: 'n1', phaseMs: 1_000, botDelayMs: 5, strategy: 'split' },
    });
    expect(started.ok).toBe(true);
    await until(() => latest(stage).verdict !== null, [stage.socket], 20_000);
    expect(snapshot).toMatchObject({ stage: { revealed: false, screens: 1 } });
    const everything = stage.received.join('\n');
    expect(everything).not.toMatch(/"traitor/);
    expect(everything).not.toMatch(/"(attack|retreat)"/);
    expect(everything).not.toContain('traitorIds');
    expect(await ask(console_, 'console:reveal', { revealed: true })).toMatchObject({ ok: true });
    const shown = await until(() => {
      const v = latest(stage).verdict?.view as { secret: { traitors: string[]; commanderTraitor: boolean } | null } | undefined;
      return v?.secret ?? null;
    }, [stage.socket]);
    expect(shown).toMatchObject({ traitors: ['n1', 'n3'], commanderTraitor: true });
    // A new round starts hidden again.
    expect((await ask(console_, 'console:round', { action: 'start', game: 'sandbox', config: {} })).ok).toBe(true);
    await until(() => latest(stage).round?.game === 'sandbox' && !latest(stage).revealed, [stage.socket]);
    console_.disconnect();
    stage.socket.disconnect();
  });
});
