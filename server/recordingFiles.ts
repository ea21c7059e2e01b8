// The few file operations a recording needs, behind an interface: the live server uses the
// disk, tests hand in files that fail part-way (a full disk, an I/O error) without root.

import { closeSync, constants, openSync, readSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';

/** One open recording file. Writes are positional: the writer knows where its last whole line ends. */
export interface RecordingFile {
  /** Writes `data` at byte `position`; resolves with how many bytes were written (maybe fewer). */
  write(data: Buffer, position: number): Promise<number>;
  /**
   * True when a write is on the disk once it resolves (the file was opened with O_DSYNC): then
   * no `datasync` needs to follow it.
   */
  readonly writesAreDurable?: boolean;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface RecordingFiles {
  /** Creates a new file (fails if it exists). */
  create(file: string): Promise<RecordingFile>;
  /** Opens an existing file to write into it. */
  open(file: string): Promise<RecordingFile>;
  read(file: string): Promise<Buffer>;
  /** The first `bytes` bytes, read at once (a room rebuilding itself after an engine error). */
  readPrefixSync(file: string, bytes: number): Buffer;
  rename(from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
  /**
   * Makes the names in a directory durable: a file just created or renamed there is found
   * after a machine crash only once its directory was synced (fsync on the file writes its
   * data, not the entry that names it).
   */
  syncDir(dir: string): Promise<void>;
  /** Makes a directory (and its parents) if it is not there. */
  mkdir(dir: string): Promise<void>;
  /** The names of the files in a directory. */
  list(dir: string): Promise<string[]>;
}

/** Writes all of `data` at `position` (a write may take only part of it); EIO if one takes nothing. */
export async function writeAll(file: RecordingFile, data: Buffer, position: number): Promise<void> {
  let at = 0;
  while (at < data.length) {
    const n = await file.write(data.subarray(at), position + at);
    if (n <= 0) throw Object.assign(new Error('nothing was written'), { code: 'EIO' });
    at += n;
  }
}

/** `writeAll`, then on disk: at once on a file opened with O_DSYNC, else after an fdatasync. */
export async function writeDurably(file: RecordingFile, data: Buffer, position: number): Promise<void> {
  await writeAll(file, data, position);
  if (!file.writesAreDurable) await file.datasync();
}

function wrap(handle: FileHandle, writesAreDurable: boolean): RecordingFile {
  return {
    write: async (data, position) => (await handle.write(data, 0, data.length, position)).bytesWritten,
    writesAreDurable,
    datasync: () => handle.datasync(),
    truncate: (length) => handle.truncate(length),
    close: () => handle.close(),
  };
}

/**
 * On Linux, recordings are opened with O_DSYNC: each write returns once its data is on the disk,
 * as a write and an fdatasync would, in one call instead of two. Under the load of 100 rooms that
 * is a quarter less CPU per group commit (most of it the kernel's, on libuv's threads) and one
 * trip through the thread pool fewer before an ok. Elsewhere a write is followed by an fdatasync
 * as before: on macOS Node's fdatasync is F_FULLFSYNC, which also empties the drive's cache, and
 * an O_DSYNC write does not.
 */
const DSYNC = process.platform === 'linux' ? (constants.O_DSYNC ?? 0) : 0;

export const diskFiles: RecordingFiles = {
  create: async (file) => wrap(await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | DSYNC), DSYNC !== 0),
  open: async (file) => wrap(await open(file, constants.O_RDWR | DSYNC), DSYNC !== 0),
  read: (file) => readFile(file),
  readPrefixSync: (file, bytes) => {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      let at = 0;
      while (at < bytes) {
        const n = readSync(fd, buf, at, bytes - at, at);
        if (n === 0) break;
        at += n;
      }
      return buf.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  },
  rename: (from, to) => rename(from, to),
  remove: (file) => unlink(file),
  syncDir,
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
  list: (dir) => readdir(dir),
};

/** fsync on a directory (Windows has no such call: its file system journals names itself). */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
