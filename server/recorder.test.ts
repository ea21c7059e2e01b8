import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../shared/protocol/recordingFormat';
import { parseRecording } from '../shared/session/recording';
import { VirtualClock } from './clock';
import { MemoryFiles } from './memoryFiles';
import { RETRY_MS, RecordingUnavailableError, RecordingWriter, type RecordingStatus } from './recorder';
import type { RecordingFile, RecordingFiles } from './recordingFiles';
import { testHeader } from './testHeader';

const FILE = '/rec/s1.jsonl';

const header = testHeader('s1');

const mark = (seq: number) => ({ seq, t: seq, type: 'mark' as const, label: `event ${seq} ${'x'.repeat(40)}` }) satisfies SessionEvent;

/** Runs deferred flushes only when the test says so. */
function manualDefer() {
  const queue: (() => void)[] = [];
  return {
    defer: (fn: () => void) => queue.push(fn),
    run: () => {
      for (const fn of queue.splice(0)) fn();
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** Lets every pending promise callback run (the fake files resolve in microtasks). */
const settle = () => new Promise<void>((r) => setImmediate(r));

/** Every line is whole and parses, and the events run 1, 2, 3… with no gap. */
function seqsIn(files: MemoryFiles): number[] {
  const text = files.text(FILE);
  expect(text.endsWith('\n')).toBe(true);
  const parsed = parseRecording(text);
  expect(parsed.torn).toBe(false);
  return parsed.events.map((e) => e.seq);
}

async function setup(files = new MemoryFiles()) {
  const clock = new VirtualClock();
  const d = manualDefer();
  const writer = await RecordingWriter.create(FILE, header, { clock, files, defer: d.defer });
  const statuses: RecordingStatus[] = [];
  writer.watch((s) => statuses.push(s));
  return { files, clock, d, writer, statuses };
}

describe('group commit', () => {
  it('one fdatasync makes every event of a batch durable', async () => {
    const { files, d, writer } = await setup();
    expect(files.syncs.get(FILE)).toBe(1); // the header
    let durable = 0;
    for (let i = 1; i <= 100; i++) void writer.durable(writer.append(mark(i))).then(() => durable++);
    expect(d.waiting).toBe(1);
    d.run();
    await settle();
    expect(durable).toBe(100);
    expect(files.syncs.get(FILE)).toBe(2);
    expect(seqsIn(files)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('starts the batch on the next turn, with no timer: a clock that never moves still gets its data written', async () => {
    const files = new MemoryFiles();
    const clock = new VirtualClock();
    const writer = await RecordingWriter.create(FILE, header, { clock, files });
    writer.append(mark(1));
    await writer.durable();
    expect(seqsIn(files)).toEqual([1]);
  });

  it('gathers the next batch while one is being written, and writes it right after', async () => {
    const mem = new MemoryFiles();
    let release: (() => void) | null = null;
    // A disk whose fdatasync waits until the test lets it finish.
    const slow: RecordingFiles = {
      open: (file) => mem.open(file),
      read: (file) => mem.read(file),
      readPrefixSync: (file, bytes) => mem.readPrefixSync(file, bytes),
      rename: (from, to) => mem.rename(from, to),
      remove: (file) => mem.remove(file),
      syncDir: (dir) => mem.syncDir(dir),
      mkdir: (dir) => mem.mkdir(dir),
      list: (dir) => mem.list(dir),
      create: async (file) => {
        const f = await mem.create(file);
        return {
          ...f,
          datasync: async () => {
            if (mem.text(file).length > 0 && mem.syncs.get(file)) await new Promise<void>((r) => (release = r));
            await f.datasync();
          },
        } satisfies RecordingFile;
      },
    };
    const { d, writer } = await setup(slow as unknown as MemoryFiles);
    const first = writer.durable(writer.append(mark(1)));
    d.run();
    await settle();
    expect(release).not.toBeNull();
    // Ten more arrive while the first batch's fdatasync is running.
    const later = [];
    for (let i = 2; i <= 11; i++) later.push(writer.durable(writer.append(mark(i))));
    expect(d.waiting).toBe(0); // no second writer: the running one takes them next
    const r1 = release!;
    release = null;
    r1();
    await first;
    await settle();
    expect(release).not.toBeNull(); // the second batch is syncing: all ten in one
    release!();
    await Promise.all(later);
    expect(mem.syncs.get(FILE)).toBe(3);
    expect(parseRecording(mem.text(FILE)).events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('on a file whose writes are durable (O_DSYNC), a batch is one write and no fdatasync', async () => {
    const mem = new MemoryFiles();
    let writes = 0;
    // Each write lands on the disk as it returns, as with O_DSYNC; an fdatasync is a mistake.
    const durableWrites = async (f: RecordingFile): Promise<RecordingFile> => ({
      ...f,
      writesAreDurable: true,
      write: async (data, position) => {
        writes++;
        const n = await f.write(data, position);
        await f.datasync();
        return n;
      },
      datasync: () => Promise.reject(new Error('fdatasync after a durable write')),
    });
    const files = {
      open: async (file: string) => durableWrites(await mem.open(file)),
      create: async (file: string) => durableWrites(await mem.create(file)),
      read: (file: string) => mem.read(file),
      readPrefixSync: (file: string, bytes: number) => mem.readPrefixSync(file, bytes),
      rename: (from: string, to: string) => mem.rename(from, to),
      remove: (file: string) => mem.remove(file),
      syncDir: (dir: string) => mem.syncDir(dir),
      mkdir: (dir: string) => mem.mkdir(dir),
      list: (dir: string) => mem.list(dir),
    } satisfies RecordingFiles;
    const { d, writer, statuses } = await setup(files as unknown as MemoryFiles);
    expect(writes).toBe(1); // the header
    const acked = [];
    for (let i = 1; i <= 20; i++) acked.push(writer.durable(writer.append(mark(i))));
    d.run();
    await Promise.all(acked);
    expect(writes).toBe(2);
    expect(statuses).toEqual([]);
    mem.crash();
    expect(parseRecording(mem.text(FILE)).events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a recording created is still there after a machine crash: its name was synced with its header', async () => {
    const { files } = await setup();
    files.crash();
    expect(seqsIn(files)).toEqual([]);
    // The same crash forgets a file whose directory was never synced.
    const orphan = await files.create('/elsewhere/orphan.jsonl');
    await orphan.datasync();
    files.crash();
    expect(files.files.has('/elsewhere/orphan.jsonl')).toBe(false);
  });

  it('a recording whose directory cannot be synced is not created', async () => {
    const files = new MemoryFiles();
    files.failNext('syncDir', 'EIO');
    await expect(RecordingWriter.create(FILE, header, { files })).rejects.toBeInstanceOf(RecordingUnavailableError);
    expect(files.files.has(FILE)).toBe(false);
  });

  it('what durable() promised survives a machine crash', async () => {
    const { files, d, writer } = await setup();
    for (let i = 1; i <= 5; i++) writer.append(mark(i));
    d.run();
    await writer.durable();
    writer.append(mark(6)); // not yet flushed: may be lost, was never acknowledged
    files.crash();
    expect(seqsIn(files)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('a disk that fails', () => {
  it('ENOSPC part-way through a batch: nothing half-kept, nothing lost, unavailable until space comes back', async () => {
    const { files, clock, d, writer, statuses } = await setup();
    for (let i = 1; i <= 3; i++) writer.append(mark(i));
    d.run();
    await writer.durable();
    // Room for about one and a half more lines.
    files.capacity = files.used + Math.floor(mark(4).label.length * 1.8);
    let acked = 0;
    for (let i = 4; i <= 10; i++) void writer.durable(writer.append(mark(i))).then(() => acked++);
    d.run();
    await settle();
    expect(acked).toBe(0);
    expect(writer.available).toBe(false);
    expect(statuses).toEqual([expect.objectContaining({ state: 'unavailable', reason: 'disk_full', code: 'ENOSPC' })]);
    // The file ends on its last whole line: the batch's partial bytes were cut off.
    expect(seqsIn(files)).toEqual([1, 2, 3]);
    // More events while the disk is full are kept, and no write is attempted before the retry.
    for (let i = 11; i <= 12; i++) writer.append(mark(i));
    expect(d.waiting).toBe(0);
    clock.advance(RETRY_MS);
    await settle();
    expect(writer.available).toBe(false); // still full: retried, failed again, still whole lines
    expect(seqsIn(files)).toEqual([1, 2, 3]);
    expect(statuses).toHaveLength(1);
    files.capacity = null;
    clock.advance(RETRY_MS);
    await settle();
    expect(writer.available).toBe(true);
    expect(statuses.at(-1)).toEqual({ state: 'ok' });
    expect(acked).toBe(7);
    expect(seqsIn(files)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('EIO after part of a batch was written: the torn bytes are cut before the retry', async () => {
    const { files, clock, d, writer, statuses } = await setup();
    writer.append(mark(1));
    d.run();
    await writer.durable();
    files.failNext('write', 'EIO', 17);
    // Neither the cut right after the failure nor the one at the first retry works.
    files.failNext('truncate', 'EIO');
    files.failNext('truncate', 'EIO');
    for (let i = 2; i <= 4; i++) writer.append(mark(i));
    d.run();
    await settle();
    expect(statuses.at(-1)).toMatchObject({ state: 'unavailable', reason: 'io', code: 'EIO' });
    expect(files.text(FILE).endsWith('\n')).toBe(false); // the torn bytes are still there
    clock.advance(RETRY_MS);
    await settle();
    expect(writer.available).toBe(false);
    clock.advance(RETRY_MS);
    await writer.durable();
    expect(seqsIn(files)).toEqual([1, 2, 3, 4]);
  });

  it('a retry that falls due while the failed pass is still cutting its torn bytes is not lost', async () => {
    const { files, clock, d, writer } = await setup();
    files.capacity = files.used + 30;
    // The moment the writer reports the failure, space comes back and the retry falls due.
    writer.watch((s) => {
      if (s.state !== 'unavailable') return;
      files.capacity = null;
      clock.advance(RETRY_MS);
    });
    writer.append(mark(1));
    writer.append(mark(2));
    d.run();
    await writer.durable();
    expect(seqsIn(files)).toEqual([1, 2]);
  });

  it('a failed fdatasync rewrites the batch in place (no line twice)', async () => {
    const { files, clock, d, writer } = await setup();
    files.failNext('datasync', 'EIO');
    writer.append(mark(1));
    writer.append(mark(2));
    d.run();
    await settle();
    expect(writer.available).toBe(false);
    clock.advance(RETRY_MS);
    await writer.durable();
    expect(seqsIn(files)).toEqual([1, 2]);
  });

  it('names the reason: permission and read-only are "permission", the rest "io"', async () => {
    for (const [code, reason] of [
      ['EACCES', 'permission'],
      ['EROFS', 'permission'],
      ['EDQUOT', 'disk_full'],
      ['EIO', 'io'],
    ] as const) {
      const { files, d, writer } = await setup();
      files.failNext('write', code);
      writer.append(mark(1));
      d.run();
      await settle();
      expect(writer.status).toMatchObject({ state: 'unavailable', reason, code });
      expect((writer.status as { message: string }).message).toMatch(/cannot be written/);
    }
  });

  it('a recording that cannot even get its header refuses to be created and leaves no file', async () => {
    const files = new MemoryFiles();
    files.failNext('write', 'ENOSPC', 10);
    await expect(RecordingWriter.create(FILE, header, { clock: new VirtualClock(), files })).rejects.toBeInstanceOf(
      RecordingUnavailableError,
    );
    expect(files.files.has(FILE)).toBe(false);
  });

  it('finish() waits for the disk however long it takes; close() gives up after one try and says how much', async () => {
    const a = await setup();
    a.files.capacity = a.files.used;
    a.writer.append(mark(1));
    a.d.run();
    await settle();
    let finished = false;
    void a.writer.finish().then(() => (finished = true));
    a.clock.advance(RETRY_MS * 3);
    await settle();
    expect(finished).toBe(false);
    a.files.capacity = null;
    a.clock.advance(RETRY_MS);
    await settle();
    expect(finished).toBe(true);
    expect(seqsIn(a.files)).toEqual([1]);

    const b = await setup();
    b.files.capacity = b.files.used;
    const waiting = b.writer.durable(b.writer.append(mark(1)));
    b.d.run();
    await settle();
    expect(await b.writer.close()).toBe(1);
    await expect(waiting).rejects.toThrow(/1 lines unwritten/);
    expect(seqsIn(b.files)).toEqual([]);
  });

  it('contentsSync: the whole lines on disk, then what is still pending', async () => {
    const { files, d, writer } = await setup();
    writer.append(mark(1));
    d.run();
    await writer.durable();
    files.capacity = files.used;
    writer.append(mark(2));
    d.run();
    await settle();
    expect(parseRecording(writer.contentsSync()).events.map((e) => e.seq)).toEqual([1, 2]);
  });
});

describe('the acceptance scenario: a tiny disk under a stream of acknowledged actions', () => {
  it('every event durable() acknowledged is in the file; the file never has a damaged line', async () => {
    const { files, clock, d, writer, statuses } = await setup();
    files.capacity = 16 * 1024;
    const acked: number[] = [];
    let seq = 0;
    for (let round = 0; round < 40; round++) {
      // A burst of actions; each is acknowledged when durable.
      if (writer.available) {
        for (let i = 0; i < 10; i++) {
          const s = ++seq;
          void writer.durable(writer.append(mark(s))).then(() => acked.push(s));
        }
      }
      d.run();
      await settle();
      for (const s of seqsIn(files)) expect(s).toBeLessThanOrEqual(seq);
      expect(seqsIn(files).length).toBeGreaterThanOrEqual(acked.length);
      if (round === 25) files.capacity = null; // space freed
      clock.advance(RETRY_MS);
    }
    await writer.durable();
    expect(statuses.map((s) => s.state)).toEqual(['unavailable', 'ok']);
    expect(acked.length).toBe(seq);
    expect(seqsIn(files)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
  });
});
