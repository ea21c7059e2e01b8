import { constants, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskFiles } from './recordingFiles';

/** The open flags of this process's descriptors of `file`, as the kernel reports them. */
function openFlags(file: string): number[] {
  const flags: number[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (target !== file) continue;
    const line = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').match(/^flags:\s+([0-7]+)$/m);
    if (line?.[1]) flags.push(Number.parseInt(line[1], 8));
  }
  return flags;
}

describe('recording files on the disk', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it.runIf(process.platform === 'linux')('are opened with O_DSYNC, so a write is durable once it returns', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hc-files-'));
    const file = path.join(dir, 'r.jsonl');
    const created = await diskFiles.create(file);
    expect(created.writesAreDurable).toBe(true);
    expect(await created.write(Buffer.from('{"a":1}\n'), 0)).toBe(8);
    const [flags] = openFlags(file);
    expect(flags! & constants.O_DSYNC).toBe(constants.O_DSYNC);
    await created.close();
    // Opened again (a room restored from its recording goes on writing it): still O_DSYNC.
    const reopened = await diskFiles.open(file);
    expect(reopened.writesAreDurable).toBe(true);
    const [again] = openFlags(file);
    expect(again! & constants.O_DSYNC).toBe(constants.O_DSYNC);
    expect(await reopened.write(Buffer.from('{"b":2}\n'), 8)).toBe(8);
    await reopened.close();
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
    // Creating a file that exists fails, as before.
    await expect(diskFiles.create(file)).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('sync a directory, so a file just created or renamed there keeps its name after a crash', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'hc-files-'));
    await expect(diskFiles.syncDir(dir)).resolves.toBeUndefined();
    // A folder that is not there is an error the caller sees, not a silent success.
    await expect(diskFiles.syncDir(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
