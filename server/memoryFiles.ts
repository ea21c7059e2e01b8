// Recording files in memory, with the disk's failures on demand: a capacity (writes past it are
// cut short, then fail with ENOSPC, as a real full disk does), errors injected into the next
// operations, and `crash()`, which forgets everything not yet fdatasync'ed (a machine crash),
// file names included: a file created or renamed is found after a crash only once its
// directory was synced.

import path from 'node:path';
import type { RecordingFile, RecordingFiles } from './recordingFiles';

type Op = 'create' | 'open' | 'write' | 'datasync' | 'truncate' | 'read' | 'remove' | 'mkdir' | 'syncDir';

interface Stored {
  data: Buffer;
  /** What a machine crash leaves: the contents as of the last datasync. */
  synced: Buffer;
}

const errno = (code: string, op: string, file: string) => Object.assign(new Error(`${code}: ${op} '${file}'`), { code });

export class MemoryFiles implements RecordingFiles {
  readonly files = new Map<string, Stored>();
  /** The names a machine crash leaves: each directory's files as of its last sync. */
  private readonly durableNames = new Map<string, Stored>();
  /** Total bytes the "disk" holds, or null for no limit. */
  capacity: number | null = null;
  private failures: { op: Op; code: string; partial: number }[] = [];
  /** Every datasync that succeeded, per file (a test counts group commits with it). */
  readonly syncs = new Map<string, number>();

  /**
   * The next `op` fails with `code` (queue several by calling again). A failing write may first
   * put `partial` bytes in the file, as a write torn by an I/O error can.
   */
  failNext(op: Op, code: string, partial = 0): void {
    this.failures.push({ op, code, partial });
  }

  /** Text of a file as it is now. */
  text(file: string): string {
    return this.stored(file).data.toString('utf8');
  }

  /** A machine crash: every name and every file goes back to what was last made durable. */
  crash(): void {
    this.files.clear();
    for (const [name, f] of this.durableNames) {
      f.data = Buffer.from(f.synced);
      this.files.set(name, f);
    }
  }

  get used(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.data.length;
    return n;
  }

  /** The failure queued for `op`, taken off the queue. */
  private take(op: Op): { code: string; partial: number } | undefined {
    const i = this.failures.findIndex((f) => f.op === op);
    return i >= 0 ? this.failures.splice(i, 1)[0] : undefined;
  }

  private check(op: Op, file: string): void {
    const f = this.take(op);
    if (f) throw errno(f.code, op, file);
  }

  /** Puts `data` (or what fits on the disk) at `position`; returns the bytes written. */
  private put(f: Stored, data: Buffer, position: number): number {
    const free = this.capacity === null ? Number.POSITIVE_INFINITY : this.capacity - this.used;
    // Overwriting bytes already there costs no space; growing the file does.
    const fit = Math.max(0, Math.min(data.length, f.data.length - position + free));
    if (fit === 0) return 0;
    const end = Math.max(f.data.length, position + fit);
    const next = Buffer.alloc(end);
    f.data.copy(next, 0, 0, Math.min(f.data.length, end));
    data.copy(next, position, 0, fit);
    f.data = next;
    return fit;
  }

  private stored(file: string): Stored {
    const f = this.files.get(file);
    if (!f) throw errno('ENOENT', 'open', file);
    return f;
  }

  private handle(file: string): RecordingFile {
    let closed = false;
    const live = () => {
      if (closed) throw errno('EBADF', 'use', file);
      return this.stored(file);
    };
    return {
      write: async (data, position) => {
        const f = live();
        const failure = this.take('write');
        if (failure) {
          this.put(f, data.subarray(0, Math.min(failure.partial, data.length)), position);
          throw errno(failure.code, 'write', file);
        }
        const n = this.put(f, data, position);
        if (n === 0) throw errno('ENOSPC', 'write', file);
        return n;
      },
      datasync: async () => {
        const f = live();
        this.check('datasync', file);
        f.synced = Buffer.from(f.data);
        this.syncs.set(file, (this.syncs.get(file) ?? 0) + 1);
      },
      truncate: async (length) => {
        const f = live();
        this.check('truncate', file);
        f.data = f.data.subarray(0, Math.min(length, f.data.length));
      },
      close: async () => {
        closed = true;
      },
    };
  }

  async create(file: string): Promise<RecordingFile> {
    this.check('create', file);
    if (this.files.has(file)) throw errno('EEXIST', 'open', file);
    this.files.set(file, { data: Buffer.alloc(0), synced: Buffer.alloc(0) });
    return this.handle(file);
  }

  async open(file: string): Promise<RecordingFile> {
    this.check('open', file);
    this.stored(file);
    return this.handle(file);
  }

  async read(file: string): Promise<Buffer> {
    this.check('read', file);
    return Buffer.from(this.stored(file).data);
  }

  readPrefixSync(file: string, bytes: number): Buffer {
    return Buffer.from(this.stored(file).data.subarray(0, bytes));
  }

  async rename(from: string, to: string): Promise<void> {
    this.files.set(to, this.stored(from));
    this.files.delete(from);
  }

  async remove(file: string): Promise<void> {
    this.check('remove', file);
    this.stored(file);
    this.files.delete(file);
  }

  async mkdir(dir: string): Promise<void> {
    this.check('mkdir', dir);
  }

  async list(dir: string): Promise<string[]> {
    return [...this.files.keys()].filter((name) => path.dirname(name) === dir).map((name) => path.basename(name));
  }

  async syncDir(dir: string): Promise<void> {
    this.check('syncDir', dir);
    for (const name of [...this.durableNames.keys()]) if (path.dirname(name) === dir) this.durableNames.delete(name);
    for (const [name, f] of this.files) if (path.dirname(name) === dir) this.durableNames.set(name, f);
  }
}
