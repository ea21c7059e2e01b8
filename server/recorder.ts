// Writes a session's recording: one JSON line per event, appended in groups and made durable
// with fdatasync at least every 200 ms and whenever a round ends (flushNow).

import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import type { RecordingHeader, SessionEvent } from '../shared/protocol/recordingFormat';
import { serializeEvent, serializeHeader } from '../shared/session/recording';
import { logger } from './log';

export const FLUSH_EVERY_MS = 200;

export class RecordingWriter {
  private lines: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  /** The last write error, if any (a full disk must not crash the class). */
  lastError: Error | null = null;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates a new recording file with its header line (fails if it exists). */
  static async create(file: string, header: RecordingHeader): Promise<RecordingWriter> {
    const handle = await open(file, 'wx');
    await handle.write(serializeHeader(header));
    await handle.datasync();
    return new RecordingWriter(file, handle);
  }

  /** Reopens a recording to append to it, first cutting off a torn last line. */
  static async reopen(file: string): Promise<RecordingWriter> {
    const text = await readFile(file, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) await truncate(file, Buffer.byteLength(text.slice(0, end)));
    return new RecordingWriter(file, await open(file, 'a'));
  }

  append(event: SessionEvent): void {
    if (this.closed) return;
    this.lines.push(serializeEvent(event));
    this.timer ??= setTimeout(() => void this.flushNow(), FLUSH_EVERY_MS);
  }

  /** Writes and syncs everything appended so far. Resolves when it is on disk. */
  flushNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const data = this.lines.join('');
    this.lines = [];
    if (data) {
      this.chain = this.chain.then(async () => {
        try {
          await this.handle.write(data);
          await this.handle.datasync();
        } catch (err) {
          this.lastError = err as Error;
          logger.error({ err, file: this.file }, 'recording: write failed');
        }
      });
    }
    return this.chain;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushNow();
    this.closed = true;
    await this.handle.close();
  }
}
