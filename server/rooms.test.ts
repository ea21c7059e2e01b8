import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxGame } from '../shared/games/sandbox';
import { createGames } from '../shared/games/types';
import { parseRecording } from '../shared/session/recording';
import { VirtualClock } from './clock';
import { loadConfig } from './config';
import { MemoryFiles } from './memoryFiles';
import type { RoomOutput } from './room';
import { type RegistryCluster, RoomRegistry } from './rooms';

const games = createGames([sandboxGame]);

const silent: RoomOutput = {
  toNode: () => {},
  toRoom: () => {},
  toConsoles: () => {},
  toRoomAs: () => {},
  toConsolesAs: () => {},
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
