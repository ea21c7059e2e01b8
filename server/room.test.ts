// The live room on virtual time: a VirtualClock decides when its timers run, an in-memory disk
// takes its recording (and fails when told), and a fake output keeps what it would have sent.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SandboxView } from '../shared/games/sandbox/config';
import { sandbox } from '../shared/games/sandbox/engine';
import { sandboxGame } from '../shared/games/sandbox';
import { createGames } from '../shared/games/types';
import { defaultFaults } from '../shared/net/faults';
import type { RecordingNotice, ServerEvent } from '../shared/protocol/events';
import type { NodeId } from '../shared/protocol/ids';
import type { NodeView } from '../shared/protocol/views';
import { fold } from '../shared/session/fold';
import { makeHeader } from '../shared/session/header';
import { parseRecording } from '../shared/session/recording';
import { VirtualClock } from './clock';
import { MemoryFiles } from './memoryFiles';
import { RETRY_MS, RecordingWriter } from './recorder';
import { Room, type RoomOutput } from './room';
import { RECORDING_UNAVAILABLE } from './roomRecording';

const FILE = '/rec/room.jsonl';
const games = createGames([sandboxGame]);

interface Sent {
  to: string;
  event: ServerEvent;
  payload: unknown;
}

function fakeOutput(consoles = true, stages = 0) {
  const sent: Sent[] = [];
  const output: RoomOutput = {
    toNode: (_code, node, event, ...args) => void sent.push({ to: node, event, payload: args[0] }),
    toRoom: (_code, event, ...args) => void sent.push({ to: 'room', event, payload: args[0] }),
    toConsoles: (_code, event, ...args) => void sent.push({ to: 'consoles', event, payload: args[0] }),
    toRoomAs: (_code, _patches, event, ...args) => void sent.push({ to: 'room', event, payload: args[0] }),
    toConsolesAs: (_code, _patches, event, ...args) => void sent.push({ to: 'consoles', event, payload: args[0] }),
    listeners: (_code, who) => ({ patches: 0, whole: who === 'stages' ? stages : who === 'consoles' && !consoles ? 0 : 1 }),
    hasConsoles: () => consoles,
    toStages: (_code, event, ...args) => void sent.push({ to: 'stages', event, payload: args[0] }),
    toStagesAs: (_code, _patches, event, ...args) => void sent.push({ to: 'stages', event, payload: args[0] }),
    stages: () => stages,
    dropNode: () => {},
  };
  return { output, sent };
}

/** Runs deferred disk writes when the test says so. */
function manualDefer() {
  const queue: (() => void)[] = [];
  return {
    defer: (fn: () => void) => void queue.push(fn),
    run: () => {
      for (const fn of queue.splice(0)) fn();
    },
  };
}

const settle = () => new Promise<void>((r) => setImmediate(r));

async function setup(latency = { base: 100, jitter: 0 }) {
  const clock = new VirtualClock();
  const files = new MemoryFiles();
  const d = manualDefer();
  const header = makeHeader({ room: 'K7QX3', startedAt: new Date(clock.now()).toISOString(), faults: defaultFaults(latency) });
  const writer = await RecordingWriter.create(FILE, header, { clock, files, defer: d.defer });
  const { output, sent } = fakeOutput();
  const logs: string[] = [];
  const room = new Room(header, {
    clock,
    writer,
    output,
    games,
    log: (line, fields) => logs.push(`room ${fields?.room}: ${line}: ${fields?.err instanceof Error ? fields.err.message : ''}`),
  });
  /** Lets the disk write what is pending, and every promise waiting on it settle. */
  const disk = async () => {
    d.run();
    await settle();
  };
  const join = async (name: string) => {
    const p = room.join(name);
    await disk();
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    room.socketAttached(r.data.node);
    return r.data.node;
  };
  const recorded = () => parseRecording(files.text(FILE));
  return { clock, files, d, room, sent, logs, disk, join, recorded, writer };
}

/** Ada and Grace, whose phones take patches, in a sandbox round with no latency; nothing sent yet. */
async function twoPatchingPhones() {
  const { clock, room, sent, disk, join } = await setup({ base: 0, jitter: 0 });
  const a = await join('Ada');
  const b = await join('Grace');
  room.attachView(a, true);
  room.attachView(b, true);
  const started = room.startRound('sandbox', {});
  await disk();
  await started;
  clock.advance(10);
  sent.length = 0;
  const patchesTo = (n: NodeId) => sent.filter((x) => x.to === n && x.event === 'node:patch');
  return { clock, room, disk, a, b, patchesTo };
}

const views = (sent: Sent[], node: NodeId) =>
  sent.filter((s) => s.to === node && s.event === 'node:view').map((s) => s.payload as NodeView);
const inbox = (v: NodeView | undefined) => (v?.game as SandboxView | undefined)?.inbox ?? [];

/** The room's state and the fold of its recording are the same thing. */
function expectFoldEqualsLive(room: Room, recorded: () => ReturnType<typeof parseRecording>) {
  const { header, events } = recorded();
  expect(JSON.parse(JSON.stringify(fold(header, events, games)))).toEqual(JSON.parse(JSON.stringify(room.state)));
}

afterEach(() => vi.restoreAllMocks());

describe('Room on virtual time', () => {
  it('wakes for a delivery exactly when it is due, and pushes the receiver one fresh view', async () => {
    const { clock, room, sent, disk, join } = await setup();
    const a = await join('Ada');
    const b = await join('Grace');
    const started = room.startRound('sandbox', {});
    await disk();
    expect(await started).toMatchObject({ ok: true });
    clock.advance(50);
    const acted = room.act(a, { type: 'send', to: [b], text: 'hello' });
    await disk();
    expect(await acted).toEqual({ ok: true, data: null });
    sent.length = 0;
    clock.advance(99);
    expect(inbox(views(sent, b).at(-1))).toHaveLength(0);
    clock.advance(1); // 100 ms after the send: delivered, and the receiver's view goes at once
    expect(views(sent, b)).toHaveLength(1);
    clock.advance(2);
    expect(views(sent, b)).toHaveLength(1);
    expect(inbox(views(sent, b)[0])).toMatchObject([{ from: a, text: 'hello', sentAt: 50, receivedAt: 150 }]);
  });

  it("a phone's own action's change goes in its answer; a change from anything else is not held back for it", async () => {
    const { clock, room, disk, a, b, patchesTo } = await twoPatchingPhones();
    // Ada sends; the disk has not written it yet: her view waits for the answer.
    const acted = room.act(a, { type: 'send', to: [b], text: 'first' });
    clock.advance(5);
    expect(patchesTo(a)).toHaveLength(0);
    expect(patchesTo(b)).toHaveLength(1); // Grace's inbox does not wait for Ada's answer
    await disk();
    const r = await acted;
    expect(r).toMatchObject({ ok: true, data: { patch: { base: 2, version: 3 } } });
    expect(patchesTo(a)).toHaveLength(0);
    // Ada sends again and, before that is on disk, Grace's message reaches her: her view goes at
    // once, with both changes, and the answer then carries nothing.
    const again = room.act(a, { type: 'send', to: [b], text: 'second' });
    const reply = room.act(b, { type: 'send', to: [a], text: 'to Ada' });
    clock.advance(5);
    expect(patchesTo(a)).toHaveLength(1);
    expect(JSON.stringify(patchesTo(a)[0]!.payload)).toContain('to Ada');
    expect(JSON.stringify(patchesTo(a)[0]!.payload)).toContain('second');
    await disk();
    expect(await again).toEqual({ ok: true, data: null });
    // Grace's answer carries nothing either: Ada's second message reached her meanwhile.
    expect(await reply).toEqual({ ok: true, data: null });
    // A refused action carries nothing; nothing it held is lost.
    const refused = room.act(a, { type: 'send', to: [a], text: 'me' });
    clock.advance(5);
    await disk();
    expect(await refused).toMatchObject({ ok: false });
    expect(patchesTo(a)).toHaveLength(1);
  });

  it('a view held for an answer goes as usual after a second (a slow disk), and when a change was already waiting', async () => {
    const { clock, room, disk, a, b, patchesTo } = await twoPatchingPhones();
    // The disk takes 1.5 s: Ada's view goes after a second, the answer then carries nothing.
    const slow = room.act(a, { type: 'send', to: [b], text: 'slow' });
    clock.advance(999);
    expect(patchesTo(a)).toHaveLength(0);
    clock.advance(3);
    expect(patchesTo(a)).toHaveLength(1);
    expect(JSON.stringify(patchesTo(a)[0]!.payload)).toContain('slow');
    clock.advance(500);
    await disk();
    expect(await slow).toEqual({ ok: true, data: null });
    // Grace's message reaches Ada: her view goes as it arrives, not after a batch.
    await disk();
    const toAda = room.act(b, { type: 'send', to: [a], text: 'to Ada' });
    await disk();
    await toAda;
    const delivered = patchesTo(a).length;
    clock.advance(0); // delivered now (no latency)
    expect(patchesTo(a)).toHaveLength(delivered + 1);
    expect(JSON.stringify(patchesTo(a).at(-1)!.payload)).toContain('to Ada');
    // The instructor locks the room; Ada acts before that change has gone (within the 2 ms batch):
    // the view goes at once with both, and is not held for her answer.
    const locked = room.lock(true);
    const before = patchesTo(a).length;
    const acted = room.act(a, { type: 'send', to: [b], text: 'right after' });
    clock.advance(2);
    expect(patchesTo(a)).toHaveLength(before + 1);
    const last = JSON.stringify(patchesTo(a).at(-1)!.payload);
    expect(last).toContain('"locked"');
    expect(last).toContain('right after');
    await disk();
    expect(await acted).toEqual({ ok: true, data: null });
    expect(await locked).toMatchObject({ ok: true });
  });

  it('batches view pushes: many changes within the batch window make one view per phone', async () => {
    const { clock, room, sent, disk, join } = await setup({ base: 0, jitter: 0 });
    const nodes = [await join('a'), await join('b'), await join('c')];
    const started = room.startRound('sandbox', {});
    await disk();
    await started;
    clock.advance(10);
    sent.length = 0;
    for (let i = 0; i < 5; i++) void room.act(nodes[0]!, { type: 'send', to: [nodes[1]!, nodes[2]!], text: `m${i}` });
    clock.advance(5);
    for (const n of nodes) expect(views(sent, n)).toHaveLength(1);
    expect(inbox(views(sent, nodes[1]!)[0])).toHaveLength(5);
  });

  it('streams recorded events and snapshots to consoles on their own clocks', async () => {
    const { clock, room, sent, disk, join } = await setup({ base: 0, jitter: 0 });
    const a = await join('a');
    const b = await join('b');
    const started = room.startRound('sandbox', {});
    await disk();
    await started;
    clock.advance(300);
    sent.length = 0;
    void room.act(a, { type: 'send', to: [b], text: 'x' });
    clock.advance(99);
    expect(sent.filter((s) => s.event === 'console:events')).toHaveLength(0);
    clock.advance(1);
    const streamed = sent.filter((s) => s.event === 'console:events').flatMap((s) => s.payload as { type: string }[]);
    expect(streamed.map((e) => e.type)).toEqual(['envelope:sent', 'envelope:delivered']);
    clock.advance(100);
    expect(sent.filter((s) => s.event === 'console:snapshot')).toHaveLength(1);
  });

  it("answers ok only once the action's event is on disk (its effects do not wait)", async () => {
    const { clock, room, sent, files, disk, join, recorded } = await setup({ base: 0, jitter: 0 });
    const a = await join('a');
    const b = await join('b');
    const started = room.startRound('sandbox', {});
    await disk();
    await started;
    let answer: unknown = null;
    void room.act(a, { type: 'send', to: [b], text: 'durable?' }).then((r) => (answer = r));
    clock.advance(5);
    await settle();
    // Delivered, and b's phone shows it, but the disk has not been written: no ok yet.
    expect(inbox(views(sent, b).at(-1))).toHaveLength(1);
    expect(answer).toBeNull();
    expect(files.text(FILE)).not.toContain('durable?');
    await disk();
    expect(answer).toEqual({ ok: true, data: null });
    expect(recorded().events.some((e) => e.type === 'node:acted')).toBe(true);
  });

  it('while the server shuts the room down: a request that comes in is refused, changes nothing, and is never answered ok', async () => {
    const { room, disk, join, recorded } = await setup({ base: 0, jitter: 0 });
    const a = await join('a');
    const b = await join('b');
    const started = room.startRound('sandbox', {});
    await disk();
    await started;
    const before = room.act(a, { type: 'send', to: [b], text: 'before' });
    const closing = room.close();
    // Came in while the recording closes: its line could never be written.
    const during = await room.act(a, { type: 'send', to: [b], text: 'during' });
    expect(during).toMatchObject({ ok: false, error: { code: 'recording_unavailable' } });
    expect(await room.join('late')).toMatchObject({ ok: false, error: { code: 'recording_unavailable' } });
    await disk();
    await closing;
    // What was taken before the shutdown is on disk and answered ok; nothing of the refused one.
    expect(await before).toEqual({ ok: true, data: null });
    const texts = recorded()
      .events.filter((e) => e.type === 'node:acted')
      .map((e) => (e.action as { text: string }).text);
    expect(texts).toEqual(['before']);
  });

  it('while the disk is full: refuses what would change the room, tells the consoles, and carries on when it can write again', async () => {
    const { clock, room, sent, files, disk, join, recorded } = await setup({ base: 0, jitter: 0 });
    const a = await join('a');
    const b = await join('b');
    const started = room.startRound('sandbox', {});
    await disk();
    await started;
    files.capacity = files.used + 10;
    let held: unknown = null;
    void room.act(a, { type: 'send', to: [b], text: 'kept' }).then((r) => (held = r));
    await disk();
    // The batch could not be written: no ok, and nothing new is accepted.
    expect(held).toBeNull();
    const notices = () => sent.filter((s) => s.event === 'console:recording').map((s) => s.payload as RecordingNotice);
    expect(notices()).toEqual([expect.objectContaining({ saving: false, reason: 'disk_full' })]);
    expect(notices()[0]!.message).toMatch(/disk is full/);
    expect(room.recordingNotice().saving).toBe(false);
    expect(await room.act(a, { type: 'send', to: [b], text: 'refused' })).toEqual({
      ok: false,
      error: { code: 'recording_unavailable', message: RECORDING_UNAVAILABLE },
    });
    expect(await room.join('late')).toMatchObject({ ok: false, error: { code: 'recording_unavailable' } });
    expect(await room.startRound('sandbox', {})).toMatchObject({ ok: false, error: { code: 'recording_unavailable' } });
    // Space comes back: the retry writes what waited, the held ok goes, the banner goes.
    files.capacity = null;
    clock.advance(RETRY_MS);
    await disk();
    expect(held).toEqual({ ok: true, data: null });
    expect(notices().at(-1)).toMatchObject({ saving: true, reason: null });
    const after = room.act(a, { type: 'send', to: [b], text: 'after' });
    await disk();
    expect(await after).toEqual({ ok: true, data: null });
    const texts = recorded()
      .events.filter((e) => e.type === 'node:acted')
      .map((e) => (e.action as { text: string }).text);
    expect(texts).toEqual(['kept', 'after']);
    expectFoldEqualsLive(room, recorded);
  });

  it('an engine that throws on an action: refused with internal, nothing of it recorded, logged once, the room as before', async () => {
    const { room, disk, join, recorded, logs } = await setup({ base: 0, jitter: 0 });
    const a = await join('a');
    const b = await join('b');
    const started = room.startRound('sandbox', {});
    await disk();
    await started;
    const seqBefore = room.state.seq;
    const real = sandbox.act.bind(sandbox);
    vi.spyOn(sandbox, 'act').mockImplementationOnce((state, node, action, ctx) => {
      // Half-changes the state, then fails: the room must not keep the half.
      real(state, node, action, ctx);
      throw new Error('engine bug');
    });
    const r = await room.act(a, { type: 'send', to: [b], text: 'boom' });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(room.state.seq).toBe(seqBefore);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(new RegExp(`room K7QX3: a request failed at event ${seqBefore + 1}.*engine bug`, 's'));
    await disk();
    expectFoldEqualsLive(room, recorded);
    expect(JSON.stringify(recorded().events)).not.toContain('boom');
    // The room goes on.
    const next = room.act(a, { type: 'send', to: [b], text: 'fine' });
    await disk();
    expect(await next).toEqual({ ok: true, data: null });
    expectFoldEqualsLive(room, recorded);
  });

  it('an engine that throws on a delivery: nothing of it recorded, the network paused for the instructor, restorable', async () => {
    const { clock, room, disk, join, recorded, logs } = await setup({ base: 50, jitter: 0 });
    const a = await join('a');
    const b = await join('b');
    const started = room.startRound('sandbox', {});
    await disk();
    await started;
    vi.spyOn(sandbox, 'deliver').mockImplementationOnce(() => {
      throw new Error('deliver bug');
    });
    const acted = room.act(a, { type: 'send', to: [b], text: 'poison' });
    await disk();
    expect(await acted).toEqual({ ok: true, data: null });
    clock.advance(60);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/room K7QX3: the network failed at event \d+.*deliver bug/s);
    expect(room.state.pausedAt).not.toBeNull();
    clock.advance(10_000); // paused: the failing delivery is not retried in a loop
    expect(logs).toHaveLength(1);
    await disk();
    expectFoldEqualsLive(room, recorded);
    // Resumed, the delivery goes through (the engine no longer fails).
    const resumed = room.setPaused(false);
    await disk();
    expect(await resumed).toEqual({ ok: true, data: null });
    clock.advance(5);
    expect(inbox(JSON.parse(JSON.stringify(room.viewFor(b))))).toHaveLength(1);
    await disk();
    expectFoldEqualsLive(room, recorded);
  });
});
