import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxGame } from '../shared/games/sandbox';
import { createGames } from '../shared/games/types';
import { parseRecording } from '../shared/session/recording';
import { VirtualClock } from './clock';
import { loadConfig } from './config';
import { MemoryFiles } from './memoryFiles';
import { RecordingStore } from './recordings';
import type { RoomOutput } from './room';
import { type RegistryCluster, RoomRegistry } from './rooms';

const games = createGames([sandboxGame]);

const silent: RoomOutput = {
  toNode: () => {},
  toRoom: () => {},
  toConsoles: () => {},
  toRoomAs: () => {},
  toConsolesAs: () => {},
  toStagesAs: () => {},
  listeners: () => ({ patches: 0, whole: 0 }),
  hasConsoles: () => false,
  toStages: () => {},
  stages: () => 0,
  dropNode: () => {},
};

/** A cluster of one code and one lease, always this process's. */
const cluster: RegistryCluster = {
  claim: async () => ({ fence: 1 }),
  owns: () => true,
  forget: () => {},
  sessionOf: async () => null,
  ended: () => {},
  setReplay: () => {},
  past: async () => null,
};

describe('a room taken over from a dead owner (cluster mode)', () => {
  let dataDir: string | null = null;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = null;
  });

  it('after a machine crash, its recording under its own name is the fenced copy with the new owner in it', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hc-rooms-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    const files = new MemoryFiles();
    const clock = new VirtualClock();
    const first = new RoomRegistry(config, clock, silent, games, { files, cluster });
    const created = await first.create();
    if (!created.ok) throw new Error(created.error.message);
    const { room } = created.data;
    await room.flushRecording();
    const session = room.state.header.session;

    // Another process takes the room over with the next fencing token and records itself.
    const second = new RoomRegistry(config, clock, silent, games, { files, cluster });
    const taken = await second.takeOver(room.code, session, 2);
    await taken?.flushRecording();

    files.crash();
    const file = path.join(dataDir, 'recordings', `${session}.jsonl`);
    const owners = parseRecording(files.text(file)).events.flatMap((e) => (e.type === 'room:owner' ? [e.fence] : []));
    expect(owners).toEqual([1, 2]);
    expect([...files.files.keys()].filter((f) => f.includes('.fence-'))).toEqual([]);
  });
});

describe('a recording the journal could not complete at the start', () => {
  let dataDir: string | null = null;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = null;
  });

  it('is not restored, and its room code is held: phones hear why, and no new room gets it', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hc-rooms-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    const files = new MemoryFiles();
    const first = new RoomRegistry(config, new VirtualClock(), silent, games, { files });
    const made = await first.create();
    if (!made.ok) throw new Error(made.error.message);
    const code = made.data.room.code;
    const name = path.basename(first.fileFor(made.data.room.state.header.session));
    await first.closeAll();
    // (the registry lists the recordings folder on the real disk: put the name there too)
    await mkdir(first.recordingsDir, { recursive: true });
    await writeFile(path.join(first.recordingsDir, name), files.text(first.fileFor(made.data.room.state.header.session)));
    const again = new RoomRegistry(config, new VirtualClock(), silent, games, { files });
    expect(await again.restore(() => {}, new Map([[name, 'EACCES']]))).toBe(0);
    expect(again.find(code)).toMatchObject({ ok: false, error: { code: 'recording_unavailable' } });
    // Its file lacks what the journal keeps: it is neither sent as it stands nor deleted.
    const session = made.data.room.state.header.session;
    expect(again.held(session)).toBe(true);
    const store = new RecordingStore(config.dataDir, again);
    const header = made.data.room.state.header;
    expect(await store.fileToSend(session, header)).toMatchObject({ ok: false, error: { code: 'recording_held', params: { room: code } } });
    expect(await store.remove(session, header)).toMatchObject({ ok: false, error: { code: 'recording_held' } });
    expect(await store.share(session, header)).toMatchObject({ ok: false, error: { code: 'recording_held' } });
    // The instructor's list says so up front.
    expect(await store.list([made.data.key])).toMatchObject([{ session, held: true }]);
    expect(existsSync(path.join(first.recordingsDir, name))).toBe(true);
    // Another recording of the server is sent as before.
    const other = await again.create();
    if (!other.ok) throw new Error(other.error.message);
    const otherSession = other.data.room.state.header.session;
    expect(again.held(otherSession)).toBe(false);
    expect(await store.fileToSend(otherSession, other.data.room.state.header)).toMatchObject({ ok: true });
  });
});
