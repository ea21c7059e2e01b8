// Writes a session's recording: one JSON line per event, appended in groups (group commit).
// A batch starts on the turn of the event loop after the first append (not on a timer that a
// busy loop could stretch), and while one batch is being written and fdatasync'ed the next
// gathers, so a single fdatasync (or one write, on a file opened with O_DSYNC) makes every
// event of its batch durable. `durable()` resolves once what was appended is on disk: that is
// when an action may be acknowledged.
//
// With a journal (server/journal.ts, one process without a cluster), a batch is made durable by
// the process's journal, together with other rooms' batches, and the lines reach this file up to
// FILE_EVERY_MS later in one write of several batches (at once when someone needs the file
// itself: a download, the session's end, shutdown).
//
// What must stay true:
// - The file only ever holds whole lines. After a failed or partial write the file is cut back
//   to its last whole line before anything else is written.
// - No line is dropped: a batch that could not be written is kept (its lines pending, or the
//   bytes the journal was given for them), is retried every RETRY_MS, and the writer reports
//   itself unavailable (with the reason) until one succeeds.

import path from 'node:path';
import type { RecordingHeader, SessionEvent } from '../shared/protocol/recordingFormat';
import { serializeEvent, serializeHeader } from '../shared/session/recording';
import { realClock, type Clock, type TimerHandle } from './clock';
import type { Journal } from './journal';
import { diskFiles, writeDurably, type RecordingFile, type RecordingFiles } from './recordingFiles';

export const RETRY_MS = 2_000;
/** With a journal: how long lines the journal has may wait before they go to the recording's own file. */
export const FILE_EVERY_MS = 500;

export type UnavailableReason = 'disk_full' | 'permission' | 'io';

export type RecordingStatus =
  | { state: 'ok' }
  | {
      state: 'unavailable';
      reason: UnavailableReason;
      /** What is wrong, in a sentence ("The disk is full (ENOSPC)."). */
      cause: string;
      /** The same, for a log line. */
      message: string;
      /** The error code the system gave (ENOSPC, EIO…). */
      code: string;
      /** Wall-clock ms of the first failure. */
      since: number;
    };

const REASONS: Record<UnavailableReason, string> = {
  disk_full: 'the disk is full',
  permission: 'the server is not allowed to write the recording',
  io: 'the disk reported an input/output error',
};

const sentence = (reason: UnavailableReason, code: string) => {
  const why = REASONS[reason];
  return `${why.charAt(0).toUpperCase()}${why.slice(1)} (${code}).`;
};

/** Which of the three kinds of trouble an error from the file system is. */
export function reasonOf(err: unknown): { reason: UnavailableReason; code: string } {
  const code = String((err as NodeJS.ErrnoException)?.code ?? 'EIO');
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return { reason: 'disk_full', code };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { reason: 'permission', code };
  return { reason: 'io', code };
}

/** Creating a recording failed: the room cannot be created. */
export class RecordingUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    readonly code: string,
  ) {
    super(`The recording cannot be written: ${REASONS[reason]} (${code}).`);
  }
}

export interface WriterOptions {
  clock?: Clock;
  files?: RecordingFiles;
  /** Runs a flush soon, after the current turn (tests may run it by hand). */
  defer?: (fn: () => void) => void;
  /**
   * Cluster mode: whether this process still owns the room, asked before each batch is written.
   * Once it says no, the writer is abandoned: nothing more is written.
   */
  fence?: () => boolean;
  /** The process's journal: batches are made durable there, and reach the file later (see above). */
  journal?: Journal | null;
}

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** Resolves the waiters whose lines are all in (up to `count`); returns the others. */
function resolveUpTo(waiters: Waiter[], count: number): Waiter[] {
  const still: Waiter[] = [];
  for (const w of waiters) {
    if (w.upTo <= count) w.resolve();
    else still.push(w);
  }
  return still;
}

export class RecordingWriter {
  /**
   * Lines not yet in the file, oldest first (a failed batch stays at the front). With a journal,
   * only those the journal does not have yet: the ones it has wait in `journaledChunks`.
   */
  private pending: string[] = [];
  /**
   * With a journal: the bytes of the first `journaled` lines not yet in the file, as the journal
   * was given them (a batch each). Kept as bytes, not strings, for the up to FILE_EVERY_MS they
   * wait: the collector copies strings that live that long twice before it moves them to the
   * old generation (under 100 rooms of 30 phones they were a tenth of what each young-generation
   * collection promoted).
   */
  private journaledChunks: Buffer[] = [];
  /** Lines appended since the writer opened, how many of them are durable, and how many are in the file. */
  private appended = 0;
  private synced = 0;
  private inFile = 0;
  /** With a journal: the lines in `journaledChunks` (`journaledBytes` long), durable there. */
  private journaled = 0;
  private journaledBytes = 0;
  /** When the oldest of them was journaled (they go to the file FILE_EVERY_MS later). */
  private journaledAt = 0;
  private fileTimer: TimerHandle | null = null;
  /** Waiting for lines to be in the file itself (`settled`, `finish`). */
  private fileWaiters: Waiter[] = [];
  /** The last write to the file failed: the room stays unavailable until one succeeds, whatever the journal does. */
  private fileFailing = false;
  private abandoned = false;
  /** Bytes of whole lines on disk: where the next batch goes. */
  private size: number;
  /** The file may hold bytes past `size` (a failed write): cut them before writing. */
  private dirty = false;
  private writing: Promise<void> | null = null;
  private scheduled = false;
  private retryTimer: TimerHandle | null = null;
  private waiters: Waiter[] = [];
  private listeners = new Set<(s: RecordingStatus) => void>();
  private closing = false;
  private closed = false;
  /** Set by `close` and `abandon` (not by `finish`: an ended session's own refusals say why). */
  private stopped = false;
  status: RecordingStatus = { state: 'ok' };

  private constructor(
    readonly file: string,
    private readonly handle: RecordingFile,
    size: number,
    private readonly opts: Required<WriterOptions>,
  ) {
    this.size = size;
  }

  private static options(o: WriterOptions): Required<WriterOptions> {
    return { clock: realClock, files: diskFiles, defer: (fn) => setImmediate(fn), fence: () => true, journal: null, ...o };
  }

  /** Creates a new recording file with its header line, durably (fails if it exists). */
  static async create(file: string, header: RecordingHeader, options: WriterOptions = {}): Promise<RecordingWriter> {
    const opts = RecordingWriter.options(options);
    const data = Buffer.from(serializeHeader(header));
    let handle: RecordingFile | null = null;
    try {
      handle = await opts.files.create(file);
      await writeDurably(handle, data, 0);
      // The file's name too: a room whose creation was answered must be there after a crash.
      await opts.files.syncDir(path.dirname(file));
    } catch (err) {
      // A header that did not reach the disk must not leave a half-file to restore later.
      await handle?.close().catch(() => {});
      if (handle) await opts.files.remove(file).catch(() => {});
      const { reason, code } = reasonOf(err);
      throw new RecordingUnavailableError(reason, code);
    }
    return new RecordingWriter(file, handle, data.length, opts);
  }

  /**
   * Opens a recording to append after its first `size` bytes (its whole good lines, as
   * `restoreRecording` found them; by default up to its last line break).
   */
  static async reopen(file: string, options: WriterOptions = {}, size?: number): Promise<RecordingWriter> {
    const opts = RecordingWriter.options(options);
    size ??= (await opts.files.read(file)).lastIndexOf(0x0a) + 1;
    const handle = await opts.files.open(file);
    const writer = new RecordingWriter(file, handle, size, opts);
    // Whatever lies past `size` (a torn last line) is cut before the first batch.
    writer.dirty = true;
    return writer;
  }

  get available(): boolean {
    return this.status.state === 'ok';
  }

  /**
   * The server is shutting down (`close`) or another process owns the room (`abandon`): a line
   * appended now would never be written, so nothing may be accepted that would need one.
   */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Calls `fn` whenever the status changes; returns the way to stop. */
  watch(fn: (s: RecordingStatus) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Queues an event; returns its ticket for `durable`. */
  append(event: SessionEvent): number {
    return this.appendLine(serializeEvent(event));
  }

  /** Queues an event already written as its line (`serializeEvent`). */
  appendLine(line: string): number {
    if (this.closing) return this.appended;
    this.pending.push(line);
    this.appended++;
    this.schedule();
    return this.appended;
  }

  /**
   * Resolves when every line up to `ticket` (default: all so far) is on disk. While the disk
   * fails it keeps waiting: the lines are kept and retried, never given up on (except by `close`).
   */
  durable(ticket = this.appended): Promise<void> {
    if (this.synced >= ticket) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: ticket, resolve, reject }));
  }

  /**
   * Resolves once what was appended so far is on disk, or at once if the disk is failing (a
   * download then gets what is on disk; it must not wait for the disk to come back).
   */
  settled(): Promise<void> {
    if (!this.available) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.watch(() => {
        stop();
        resolve();
      });
      void this.written().then(
        () => {
          stop();
          resolve();
        },
        () => {
          stop();
          resolve();
        },
      );
    });
  }

  /** Resolves once every line appended so far is in the file itself (with a journal, durable sooner). */
  private written(ticket = this.appended): Promise<void> {
    if (this.inFile >= ticket) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.fileWaiters.push({ upTo: ticket, resolve, reject });
      this.schedule();
    });
  }

  /**
   * With a journal, while the file cannot be written: the recording's durable lines (the
   * file's, then those only the journal has), for a download that must not lack what was
   * acknowledged. Null when the file has them all (send the file). Read without holding the
   * server up (the disk is failing: a read may take long): the file's first `size` bytes and
   * the journal's lines after them are taken now, and those bytes stay as they are whatever is
   * written after them meanwhile.
   */
  async durableTextIfFileBehind(): Promise<string | null> {
    if (!this.journaled) return null;
    const size = this.size;
    const journaled = Buffer.concat(this.journaledChunks);
    const file = await this.opts.files.read(this.file);
    return file.subarray(0, size).toString('utf8') + journaled.toString('utf8');
  }

  /** The recording as it stands, written or not: the file's whole lines, then those only the journal has, then what is pending. */
  contentsSync(): string {
    const prefix = this.opts.files.readPrefixSync(this.file, this.size).toString('utf8');
    return prefix + Buffer.concat(this.journaledChunks).toString('utf8') + this.pending.join('');
  }

  /** Seals the recording once everything is durable, however long the disk takes (session ended). */
  async finish(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.written();
    await this.release();
  }

  /**
   * Server shutdown: one last attempt to write what is pending, then the file is closed. Lines
   * that still could not be written were never acknowledged (acknowledgements wait for disk).
   */
  async close(): Promise<number> {
    this.closing = true;
    this.stopped = true;
    if (this.retryTimer) this.opts.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.writing;
    if (this.pending.length || this.journaled) await this.drain();
    // Lines the journal has are not lost: the next start puts them into the file.
    const lost = this.pending.length;
    const err = new Error(`recording ${this.file}: closed with ${lost} lines unwritten`);
    for (const w of this.waiters.splice(0)) w.reject(err);
    for (const w of this.fileWaiters.splice(0)) w.reject(err);
    await this.release();
    return lost;
  }

  /**
   * Cluster mode: another process owns the room now. Nothing more is written, not even what is
   * pending (none of it was acknowledged: acknowledgements wait for the disk), and whoever waits
   * for it is told it was not saved.
   */
  abandon(): void {
    if (this.closed) return;
    this.closing = true;
    this.stopped = true;
    this.abandoned = true;
    this.pending = [];
    this.journaledChunks = [];
    this.journaled = this.journaledBytes = 0;
    const err = new Error(`recording ${this.file}: another process owns this room now`);
    for (const w of this.waiters.splice(0)) w.reject(err);
    for (const w of this.fileWaiters.splice(0)) w.reject(err);
    void (async () => {
      await this.writing;
      await this.release();
    })();
  }

  private async release(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) this.opts.clock.clearTimeout(this.retryTimer);
    if (this.fileTimer) this.opts.clock.clearTimeout(this.fileTimer);
    this.retryTimer = this.fileTimer = null;
    await this.handle.close().catch(() => {});
  }

  private schedule(): void {
    if (this.scheduled || this.writing || !this.available) return;
    this.scheduled = true;
    this.opts.defer(() => {
      this.scheduled = false;
      if (!this.writing) void this.drain();
    });
  }

  /**
   * Writes batches until no line waits (pending, or only in the journal), or, with a journal,
   * none is due in the file yet, or a write fails.
   */
  private drain(): Promise<void> {
    if (this.writing) return this.writing;
    if (this.closed || !(this.pending.length || this.journaled)) return Promise.resolve();
    this.writing = (async () => {
      // Suspend first, so `finally` cannot run before `writing` is set.
      await null;
      try {
        while ((this.pending.length || this.journaled) && !this.closed) {
          const journal = this.opts.journal;
          if (!journal) {
            if (!(await this.writeBatch(true))) return;
          } else if (this.pending.length && (!this.fileFailing || this.waiters.length > 0 || this.closing)) {
            // The journal failing (a full disk, an I/O error, a name it cannot carry) does not
            // stop the room while its own file can be written: everything goes there, durably.
            if (!(await this.journalBatch(journal)) && !(await this.writeBatch(true))) return;
          } else if (this.pending.length) {
            // While the file fails, lines nobody waits for (a timer's, a bot's: the room refuses
            // requests meanwhile) wait for the file: journaled, each retry would keep another of
            // the journal's segments until this file has its lines, however long that takes. The
            // price: a crash of the machine during the outage loses them (none was acknowledged;
            // phones may have seen them), where a stop journals them (`closing`).
            if (!(await this.writeBatch(true))) return;
          } else if (this.fileDue()) {
            if (!(await this.writeBatch(false))) return;
          } else {
            this.armFileTimer();
            return;
          }
        }
      } finally {
        this.writing = null;
      }
    })();
    return this.writing;
  }

  /** With a journal: whether the lines it has should go to the file now. */
  private fileDue(): boolean {
    return this.closing || this.fileWaiters.length > 0 || this.opts.clock.now() - this.journaledAt >= FILE_EVERY_MS;
  }

  private armFileTimer(): void {
    if (this.fileTimer) return;
    const wait = Math.max(0, this.journaledAt + FILE_EVERY_MS - this.opts.clock.now());
    this.fileTimer = this.opts.clock.setTimeout(() => {
      this.fileTimer = null;
      void this.drain();
    }, wait);
  }

  /** Makes the lines the journal does not have yet durable there; false if that failed. */
  private async journalBatch(journal: Journal): Promise<boolean> {
    if (!this.opts.fence()) {
      this.abandon();
      return false;
    }
    const count = this.pending.length;
    const data = Buffer.from(this.pending.join(''));
    try {
      await journal.append(this.file, this.size + this.journaledBytes, data);
    } catch {
      return false;
    }
    // Abandoned meanwhile (another process owns the room): nothing is left to write, and the
    // file must not be written for it (false would send everything to the file instead).
    if (this.abandoned) return true;
    if (this.journaled === 0) this.journaledAt = this.opts.clock.now();
    // Lines appended meanwhile stay pending, after these.
    this.pending.splice(0, count);
    this.journaledChunks.push(data);
    this.journaled += count;
    this.journaledBytes += data.length;
    this.synced += count;
    this.resolveWaiters();
    // While the file itself fails, the room stays unavailable (and its banner on) until it is written.
    if (!this.fileFailing) this.setStatus({ state: 'ok' });
    return true;
  }

  /**
   * Writes the lines the journal has, and with `all` every pending line after them, to the
   * file, durably; false if that failed. The journal's are durable already: only the file
   * catches up with them.
   */
  private async writeBatch(all: boolean): Promise<boolean> {
    if (!this.opts.fence()) {
      this.abandon();
      return false;
    }
    const pendingCount = all ? this.pending.length : 0;
    const count = this.journaled + pendingCount;
    const chunkCount = this.journaledChunks.length;
    const parts = pendingCount ? [...this.journaledChunks, Buffer.from(this.pending.join(''))] : this.journaledChunks;
    const data = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    try {
      if (this.dirty) {
        await this.handle.truncate(this.size);
        this.dirty = false;
      }
      this.dirty = true;
      await writeDurably(this.handle, data, this.size);
      this.dirty = false;
    } catch (err) {
      // Cut the torn bytes now if the disk lets us (a full disk usually does); else before the
      // retry. Cut first, then tell: whoever hears of the failure finds only whole lines on disk.
      if (this.dirty) {
        try {
          await this.handle.truncate(this.size);
          this.dirty = false;
        } catch {}
      }
      this.fileFailing = true;
      this.fail(err);
      return false;
    }
    this.fileFailing = false;
    if (this.abandoned) return false;
    // Every batch written starts with all the lines the journal has (`count` ≥ `journaled`).
    const before = this.journaled;
    this.journaled = this.journaledBytes = 0;
    this.size += data.length;
    this.journaledChunks.splice(0, chunkCount);
    this.pending.splice(0, pendingCount);
    this.inFile += count;
    this.synced += count - before;
    this.resolveWaiters();
    if (this.opts.journal) {
      if (this.fileTimer) this.opts.clock.clearTimeout(this.fileTimer);
      this.fileTimer = null;
      this.opts.journal.written(this.file, this.size);
    }
    this.fileWaiters = resolveUpTo(this.fileWaiters, this.inFile);
    // A journal that failed this time, with the file written, is not a reason to refuse anything.
    this.setStatus({ state: 'ok' });
    return true;
  }

  private resolveWaiters(): void {
    this.waiters = resolveUpTo(this.waiters, this.synced);
  }

  private fail(err: unknown): void {
    const { reason, code } = reasonOf(err);
    const since = this.status.state === 'unavailable' ? this.status.since : this.opts.clock.now();
    // The retry is armed before anyone hears of the failure, so nothing they do can miss it.
    if (!this.closing || this.waiters.length || this.fileWaiters.length) {
      this.retryTimer ??= this.opts.clock.setTimeout(() => {
        this.retryTimer = null;
        // The failed pass may still be cutting its torn bytes: retry after it, not inside it.
        void (async () => {
          await this.writing;
          await this.drain();
        })();
      }, RETRY_MS);
    }
    this.setStatus({
      state: 'unavailable',
      reason,
      code,
      since,
      cause: sentence(reason, code),
      message: `The recording cannot be written: ${REASONS[reason]} (${code}).`,
    });
  }

  private setStatus(next: RecordingStatus): void {
    const prev = this.status;
    if (prev.state === next.state && (next.state === 'ok' || (prev.state === 'unavailable' && prev.code === next.code))) return;
    this.status = next;
    for (const fn of this.listeners) fn(next);
  }
}
