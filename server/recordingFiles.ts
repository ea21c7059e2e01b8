// The few file operations a recording needs, behind an interface: the live server uses the
// disk, tests hand in files that fail part-way (a full disk, an I/O error) without root.

import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';

/** One open recording file. Writes are positional: the writer knows where its last whole line ends. */
export interface RecordingFile {
  /** Writes `data` at byte `position`; resolves with how many bytes were written (maybe fewer). */
  write(data: Buffer, position: number): Promise<number>;
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
}

function wrap(handle: FileHandle): RecordingFile {
  return {
    write: async (data, position) => (await handle.write(data, 0, data.length, position)).bytesWritten,
    datasync: () => handle.datasync(),
    truncate: (length) => handle.truncate(length),
    close: () => handle.close(),
  };
}

export const diskFiles: RecordingFiles = {
  create: async (file) => wrap(await open(file, 'wx')),
  open: async (file) => wrap(await open(file, 'r+')),
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
};
