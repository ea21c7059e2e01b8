// The process's journal: one file that makes every room's new lines durable together.
//
// A recording's lines must be on disk before their action is answered `ok`. Written to each
// room's own file, that is one synchronous write per room per batch, each a trip through
// libuv's thread pool, a commit of the file system's journal and a flush of the disk's cache
// (under 100 rooms of 30 phones, 17,418 in a server's life for 60,000 messages). With the
// journal, the batches of every room gathered over a few milliseconds go to disk in one write
// (group commit across rooms), and each room's own file gets its lines a little later (up to
// RecordingWriter's FILE_EVERY_MS), in fewer, larger writes. The same pattern as a database's
// write-ahead log.
//
// What must stay true:
// - A line is acknowledged only once the journal has it on disk (or its own file has).
// - Every line the journal has is also in its room's file, durably, before the journal's
//   segment holding it is deleted (`written` says how far a file is durable).
// - After a crash, `recover` puts every whole record of every segment left back into its
//   file (at the byte offset it was written for) before any room is restored. Replaying is
//   idempotent: a file holds the same bytes at that offset, or had not got them yet.
// - A record is whole or ignored: each carries its length and a CRC-32 of itself, so a record
//   torn by the crash (never acknowledged) is found and left out.
//
// One process writes a journal, for the recordings folder beside it: cluster mode does not use
// one (a room moves between processes, and another process could not tell which of a dead
// owner's records came after its room was taken over), and does not start on a journal a single
// process left with records in it (that process must be started once alone to put them back).
//
// A record: `<crc32 of the rest, 8 hex digits> <data bytes> <file offset> <file name>\n<data>`,
// where the file name is the recording's name in the recordings folder, URI-encoded (so any
// name a recording may have is one ASCII word).

import path from 'node:path';
import { crc32 } from 'node:zlib';
import { realClock, type Clock } from './clock';
import { writeAll, writeDurably, type RecordingFile, type RecordingFiles } from './recordingFiles';

/** A batch waits at most this long after the previous one started, gathering other rooms' lines. */
export const JOURNAL_GAP_MS = 4;
/** A segment older than this is closed and the next one started; the old one goes once its files have its lines. */
export const SEGMENT_MS = 2_000;

const SEGMENT = /^journal-(\d+)\.log$/;
const segmentName = (n: number) => `journal-${String(n).padStart(10, '0')}.log`;

interface Entry {
  name: string;
  /** Where its lines end in the recording. */
  end: number;
  record: Buffer;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Segment {
  n: number;
  file: string;
  handle: RecordingFile;
  size: number;
  openedAt: number;
  /** Per recording: the end of the lines this segment holds for it that its file may not have durably yet. */
  owed: Map<string, number>;
}

export interface JournalOptions {
  files: RecordingFiles;
  /** The journal's folder. */
  dir: string;
  /** The recordings' folder: a record names its file there. */
  recordingsDir: string;
  clock?: Clock;
  /** Runs a flush soon, after the current turn (tests may run it by hand). */
  defer?: (fn: () => void) => void;
  log?: (message: string, err?: unknown) => void;
}

/** One record, as written. */
export function encodeRecord(name: string, at: number, data: Buffer): Buffer {
  if (!name) throw new Error('journal: a recording needs a name');
  const rest = Buffer.from(` ${data.length} ${at} ${encodeURIComponent(name)}\n`);
  const crc = crc32(data, crc32(rest)).toString(16).padStart(8, '0');
  return Buffer.concat([Buffer.from(crc), rest, data]);
}

/** A record as read back: the lines `data` of the recording `name`, which go at byte `at` of its file. */
interface JournalRecord {
  name: string;
  at: number;
  data: Buffer;
}

/** The error code of a failed file operation (or the error itself, as text), as `failed` records it. */
const codeOf = (err: unknown): string => String((err as NodeJS.ErrnoException)?.code ?? err);

/**
 * A record's head: the name is URI-encoded (`encodeRecord`), so it has none of the characters a
 * recording's JSON lines end with (`"`, `}`); no line of a recording reads as a head.
 */
const NAME = "[A-Za-z0-9%._~!*'()-]+";
const HEAD = new RegExp(`^([0-9a-f]{8}) (\\d+) (\\d+) (${NAME})$`);

/** A record's head at the end of a line (damage may run into the line it starts). */
const HEAD_AT_END = new RegExp(`[0-9a-f]{8} \\d+ \\d+ ${NAME}$`);

/** The whole records of a segment, in order: what a stop tore at its end is left out, and so is damage before whole records. */
export function decodeRecords(buf: Buffer): JournalRecord[] {
  return decodeSegment(buf).records;
}

/**
 * The same, and where the last whole record ends (the segment's length if nothing after it was
 * torn). Bytes that are not a whole record but have whole records after them are damage (a
 * torn write is only ever the last thing in a segment: a failed write is cut off before the
 * next): they are passed over, said in `damaged`, and the records after them read on. Where
 * the next record starts is found by its head (the end of a line: every record's data ends with
 * a newline, though damage may not) and its CRC; a recording's lines are JSON, which ends with a
 * character no head ends with, so none of them reads as one.
 */
function decodeSegment(buf: Buffer): { records: JournalRecord[]; end: number; damaged: { at: number; bytes: number }[] } {
  const out: JournalRecord[] = [];
  const damaged: { at: number; bytes: number }[] = [];
  let pos = 0;
  let end = 0;
  while (pos < buf.length) {
    const found = recordAt(buf, pos);
    if (found) {
      out.push(found.record);
      pos = end = found.end;
      continue;
    }
    const next = nextRecord(buf, pos);
    if (next < 0) break;
    damaged.push({ at: pos, bytes: next - pos });
    pos = next;
  }
  return { records: out, end, damaged };
}

/** The whole, sound record that starts at `pos`, and where it ends; null if there is none. */
function recordAt(buf: Buffer, pos: number): { record: JournalRecord; end: number } | null {
  const eol = buf.indexOf(0x0a, pos);
  if (eol < 0 || eol - pos < 14) return null;
  const head = buf.subarray(pos, eol).toString('latin1');
  const m = HEAD.exec(head);
  if (!m) return null;
  const len = Number(m[2]);
  const start = eol + 1;
  // Lines, each ending with a newline: checked before the CRC, so a false start costs little.
  if (len === 0 || start + len > buf.length || buf[start + len - 1] !== 0x0a) return null;
  const data = buf.subarray(start, start + len);
  const rest = buf.subarray(pos + 8, start);
  if (crc32(data, crc32(rest)) !== Number.parseInt(m[1] as string, 16)) return null;
  let name: string;
  try {
    name = decodeURIComponent(m[4] as string);
  } catch {
    return null;
  }
  // A recording's file name, in the recordings folder: never a path.
  if (path.basename(name) !== name || name.includes('\0')) return null;
  return { record: { name, at: Number(m[3]), data }, end: start + len };
}

/** Where the first whole record after `from` starts, or -1. */
function nextRecord(buf: Buffer, from: number): number {
  let lineStart = from;
  for (let nl = buf.indexOf(0x0a, from); nl >= 0; nl = buf.indexOf(0x0a, lineStart)) {
    const m = HEAD_AT_END.exec(buf.subarray(lineStart, nl).toString('latin1'));
    const at = m ? lineStart + m.index : -1;
    if (at > from && recordAt(buf, at)) return at;
    lineStart = nl + 1;
  }
  return -1;
}

export interface Recovered {
  /** Records put back, and into how many recordings. */
  records: number;
  files: number;
  /** Recordings that could not be given their lines (by file name, with the error's code): not to be restored. */
  failed: Map<string, string>;
  /** The last segment's number. */
  last: number;
}

/**
 * A segment's bytes for recovery. One that cannot be read (its permissions after a start as
 * another user, a failing disk) stops the start with what to do: it may hold lines whose
 * actions were acknowledged, which starting without it would lose for good.
 */
async function readSegment(files: RecordingFiles, dir: string, name: string): Promise<Buffer> {
  const file = path.join(dir, name);
  try {
    return await files.read(file);
  } catch (err) {
    const code = codeOf(err);
    throw new Error(
      `the journal segment ${file} cannot be read (${code}). It may hold actions that were acknowledged but are not yet in their recordings, so the server does not start without it: make the files in ${dir} readable and writable by the user the server runs as, then start it again.`,
    );
  }
}

/**
 * Makes the journal's folder if it is not there (null). When a file is where the folder (or one
 * above it) should be, the error that says so: there is no folder, so no segment to put back,
 * and the journal cannot start either (each recording is then made durable by itself). Any other
 * failure (no permission) may hide segments: it throws, and the start stops.
 */
async function fileInFolderPlace(opts: Pick<JournalOptions, 'files' | 'dir'>): Promise<unknown> {
  try {
    await opts.files.mkdir(opts.dir);
    return null;
  } catch (err) {
    const code = codeOf(err);
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw err;
    return err;
  }
}

export class Journal {
  private queue: Entry[] = [];
  private writing = false;
  /** The wait for the gap after the last batch: real time, whatever clock the rooms run on. */
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  /** Segments closed for writing, kept until every file they hold lines for has them durably. */
  private retired: Segment[] = [];
  /** The current segment cannot be trusted past its size (a failed write could not be cut back): start the next. */
  private broken = false;
  private closed = false;
  private readonly clock: Clock;
  private readonly defer: (fn: () => void) => void;

  private constructor(
    private readonly opts: JournalOptions,
    private current: Segment,
  ) {
    this.clock = opts.clock ?? realClock;
    this.defer = opts.defer ?? ((fn) => setImmediate(fn));
  }

  /**
   * Puts back what segments left by an earlier run hold (see `recover`), then starts a new
   * segment. Call before any room is restored from its recording.
   */
  static async open(opts: JournalOptions): Promise<Journal> {
    const { last } = await Journal.recover(opts);
    return Journal.start(opts, last);
  }

  /** Starts writing, in a new segment after segment `last` (what `recover` returned). */
  static async start(opts: JournalOptions, last: number): Promise<Journal> {
    const segment = await Journal.startSegment(opts, last, (opts.clock ?? realClock).now());
    return new Journal(opts, segment);
  }

  /**
   * After a crash (or a stop that left segments): every whole record goes back into its
   * recording, each file is synced, and the segments are deleted. A recording that is gone
   * (deleted since) is skipped; one that cannot take its records is reported in `failed`, and
   * its records kept in a new segment (see below). Returns how many records were applied and
   * the last segment's number.
   */
  static async recover(opts: JournalOptions): Promise<Recovered> {
    const { files, dir, recordingsDir } = opts;
    const inPlace = await fileInFolderPlace(opts);
    if (inPlace) {
      opts.log?.(`journal: a file is where its folder ${dir} should be; nothing to put back`, inPlace);
      return { records: 0, files: 0, failed: new Map(), last: 0 };
    }
    const segments = await Journal.segments(opts);
    const handles = new Map<string, RecordingFile | null>();
    /** Recordings that could not be given their lines, with why. */
    const failed = new Map<string, string>();
    /** Every recording a record was for. Records are not kept: one segment is in memory at a time. */
    const names = new Set<string>();
    let records = 0;
    try {
      for (const s of segments) {
        const bytes = await readSegment(files, dir, s.name);
        const { records: whole, end, damaged } = decodeSegment(bytes);
        // A write a stop tore leaves bytes after the last whole record (never acknowledged).
        if (end < bytes.length) {
          opts.log?.(
            `journal: ${bytes.length - end} bytes at the end of ${s.name}, after its ${whole.length} whole records, are not a whole record and were not put back (a write cut short by a stop; or damage)`,
          );
        }
        // Damage the disk did: the records after it are put back; the lines in it are lost unless
        // their recording's file already has them (a restore cuts a file at a damaged line).
        for (const d of damaged) {
          opts.log?.(
            `journal: ${d.bytes} bytes of ${s.name} from byte ${d.at} are damaged, not a whole record: the whole records after them were put back; lines in them are lost unless their recordings' files already had them (a recording that lacks them keeps its lines before them: its file is cut there when the room is restored)`,
          );
        }
        for (const r of whole) {
          names.add(r.name);
          if (failed.has(r.name)) continue;
          try {
            let handle = handles.get(r.name);
            if (handle === undefined) {
              handle = await files.open(path.join(recordingsDir, r.name)).catch((err: NodeJS.ErrnoException) => {
                // Deleted since (the instructor removed it): nothing to put back.
                if (err?.code === 'ENOENT') return null;
                throw err;
              });
              handles.set(r.name, handle);
            }
            if (!handle) continue;
            await writeAll(handle, r.data, r.at);
            records++;
          } catch (err) {
            failed.set(r.name, codeOf(err));
          }
        }
      }
      for (const [name, h] of handles) {
        if (!h || h.writesAreDurable || failed.has(name)) continue;
        await h.datasync().catch((err: unknown) => failed.set(name, codeOf(err)));
      }
    } finally {
      for (const h of handles.values()) await h?.close().catch(() => {});
    }
    // Only once every file has its lines durably may the segments go. The records of a
    // recording that could not take them (a full disk, no permission) are kept, alone, in a
    // segment of their own for the next start, and that recording is not restored meanwhile
    // (its room would lack lines it acknowledged). Nothing else may be replayed again later: a
    // restored room's file is cut when it holds a damaged line, and written on past the cut.
    let last = segments.at(-1)?.n ?? 0;
    if (failed.size) {
      try {
        const kept = await Journal.startSegment(opts, last, (opts.clock ?? realClock).now());
        try {
          // Read again (so that only these recordings' records are ever held at once).
          const again: Buffer[] = [];
          for (const s of segments) {
            for (const r of decodeRecords(await readSegment(files, dir, s.name))) {
              if (failed.has(r.name)) again.push(encodeRecord(r.name, r.at, r.data));
            }
          }
          const data = Buffer.concat(again);
          await writeDurably(kept.handle, data, 0);
        } finally {
          await kept.handle.close().catch(() => {});
        }
        last = kept.n;
      } catch (err) {
        // No room for them elsewhere: every segment stays, and no recording with lines in them is restored.
        const code = codeOf(err);
        for (const name of names) if (!failed.has(name)) failed.set(name, code);
        return { records, files: 0, failed, last };
      }
    }
    for (const s of segments) await files.remove(path.join(dir, s.name));
    if (segments.length) await files.syncDir(dir);
    const applied = [...handles].filter(([name, h]) => h && !failed.has(name)).length;
    return { records, files: applied, failed, last };
  }

  /** Whether any segment in the journal's folder holds a record (a journal not yet put back). */
  static async holdsRecords(opts: Pick<JournalOptions, 'files' | 'dir'>): Promise<boolean> {
    if (await fileInFolderPlace(opts)) return false;
    for (const s of await Journal.segments(opts)) {
      if (decodeRecords(await opts.files.read(path.join(opts.dir, s.name))).length) return true;
    }
    return false;
  }

  /** The segments in the journal's folder, oldest first. */
  static async segments(opts: Pick<JournalOptions, 'files' | 'dir'>): Promise<{ name: string; n: number }[]> {
    await opts.files.mkdir(opts.dir);
    return (await opts.files.list(opts.dir))
      .map((name) => ({ name, n: Number(SEGMENT.exec(name)?.[1] ?? Number.NaN) }))
      .filter((s) => Number.isFinite(s.n))
      .sort((a, b) => a.n - b.n);
  }

  private static async startSegment(opts: JournalOptions, after: number, now: number): Promise<Segment> {
    // The next number free: a segment left by a failed start (created, never synced) is skipped.
    let n = after + 1;
    let handle: RecordingFile | null = null;
    let file = '';
    for (let tries = 0; !handle; tries++, n++) {
      file = path.join(opts.dir, segmentName(n));
      handle = await opts.files.create(file).catch((err: NodeJS.ErrnoException) => {
        if (err?.code === 'EEXIST' && tries < 100) return null;
        throw err;
      });
    }
    n--;
    try {
      // Its name must be durable before anything acknowledged rests on it.
      await opts.files.syncDir(opts.dir);
    } catch (err) {
      await handle.close().catch(() => {});
      await opts.files.remove(file).catch(() => {});
      throw err;
    }
    return { n, file, handle, size: 0, openedAt: now, owed: new Map() };
  }

  /**
   * Makes `data` (whole lines of the recording `file`, to go at byte `at` of it) durable.
   * Resolves once the journal has it on disk; rejects if the write failed (nothing of it
   * counts then: the caller keeps the lines and tries again).
   */
  append(file: string, at: number, data: Buffer): Promise<void> {
    if (this.closed) return Promise.reject(Object.assign(new Error('journal: closed'), { code: 'EIO' }));
    const name = path.basename(file);
    let record: Buffer;
    try {
      record = encodeRecord(name, at, data);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ name, end: at + data.length, record, resolve, reject });
      this.schedule();
    });
  }

  /** The recording `file` is durable up to byte `size`: segments that only it still needed may go. */
  written(file: string, size: number): void {
    const name = path.basename(file);
    let free = false;
    for (const s of [...this.retired, this.current]) {
      const owed = s.owed.get(name);
      if (owed !== undefined && owed <= size) s.owed.delete(name);
      if (!s.owed.size && s !== this.current) free = true;
    }
    if (free) void this.dropRetired();
  }

  /**
   * Stops taking lines. The recordings are closed first, so their files have everything: the
   * segments are deleted then, except one a file still needs (a write that failed), which the
   * next start puts back.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing || this.queue.length) {
      if (!this.writing) await this.flush();
      else await new Promise((r) => setTimeout(r, 1));
    }
    this.retired.push(this.current);
    await this.dropRetired();
    for (const s of this.retired) await s.handle.close().catch(() => {});
  }

  private schedule(): void {
    if (this.writing || this.scheduled || this.timer) return;
    const wait = this.lastStart + JOURNAL_GAP_MS - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, wait);
      return;
    }
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing || !this.queue.length) return;
    this.writing = true;
    this.lastStart = performance.now();
    const batch = this.queue;
    this.queue = [];
    try {
      await this.rotateIfDue();
      const seg = this.current;
      const data = Buffer.concat(batch.map((e) => e.record));
      try {
        await writeDurably(seg.handle, data, seg.size);
      } catch (err) {
        // Cut what the failed write left, or, if that fails too, write the next batch elsewhere.
        await seg.handle.truncate(seg.size).catch(() => {
          this.broken = true;
        });
        throw err;
      }
      seg.size += data.length;
      for (const e of batch) seg.owed.set(e.name, Math.max(seg.owed.get(e.name) ?? 0, e.end));
      for (const e of batch) e.resolve();
    } catch (err) {
      for (const e of batch) e.reject(err);
    } finally {
      this.writing = false;
      if (this.queue.length) this.schedule();
    }
  }

  /**
   * Starts the next segment when the current one is old enough (and holds something) or broken.
   * If that fails, an old segment goes on being written (tried again a segment's time later); a
   * broken one cannot be, and the batch fails (its rooms write their own files instead).
   */
  private async rotateIfDue(): Promise<void> {
    const seg = this.current;
    const due = this.broken || (seg.size > 0 && this.clock.now() - seg.openedAt >= SEGMENT_MS);
    if (!due) return;
    try {
      this.current = await Journal.startSegment(this.opts, seg.n, this.clock.now());
    } catch (err) {
      if (this.broken) throw err;
      this.opts.log?.('journal: the next segment cannot be started; the current one goes on', err);
      seg.openedAt = this.clock.now();
      return;
    }
    this.broken = false;
    this.retired.push(seg);
    if (!seg.owed.size) await this.dropRetired();
  }

  /** Deletes the retired segments whose files all have their lines durably. */
  private async dropRetired(): Promise<void> {
    const done = this.retired.filter((s) => !s.owed.size);
    if (!done.length) return;
    this.retired = this.retired.filter((s) => s.owed.size);
    let removed = 0;
    for (const s of done) {
      // Each on its own: one that cannot be deleted does not keep the others' handles open.
      await s.handle.close().catch(() => {});
      try {
        await this.opts.files.remove(s.file);
        removed++;
      } catch (err) {
        // Left on disk, a segment is only replayed again after a restart (the same bytes).
        this.opts.log?.('journal: a finished segment could not be deleted', err);
      }
    }
    if (removed)
      await this.opts.files
        .syncDir(this.opts.dir)
        .catch((err: unknown) => this.opts.log?.('journal: the folder could not be synced after deleting segments', err));
  }
}
