// A room's side of its recording: what one input recorded is staged and handed to the writer
// only when the input finished without an error (so an engine that throws leaves nothing of
// that input in the file), an answer `ok` waits until the writer has the input's events on
// disk, and while the disk fails, requests that would change the room are refused.

import type { RecordingNotice, SetAsideNotice } from '../shared/protocol/events';
import type { SessionEvent } from '../shared/protocol/recordingFormat';
import { fail, type Result } from '../shared/protocol/result';
import { EventEncoder } from '../shared/session/recording';
import { RETRY_MS, type RecordingStatus, type RecordingWriter } from './recorder';

export const RECORDING_UNAVAILABLE = 'The server cannot save this session right now; your instructor has been told.';

/**
 * When an answer `ok` may go: `durable` (the product: after fdatasync) or `at-once` (the old
 * behaviour, kept only as the benchmark's baseline).
 */
export type AckPolicy = 'durable' | 'at-once';

export class RoomRecording {
  private staged: { line: string; event: SessionEvent }[] = [];
  /** The last event handed to the writer. */
  committedSeq: number;
  /** Lines in the file's version, leaving out what lines already handed to the writer said. */
  private readonly encoder: EventEncoder;

  constructor(
    readonly writer: RecordingWriter,
    private readonly policy: AckPolicy,
    private readonly setAside: SetAsideNotice | null,
    seq: number,
    /** The recording's format version (a room restored from an older recording goes on in its version). */
    version?: number,
    /** Cluster mode: whether this process still owns the room (asked again once the disk has an input). */
    private readonly owns: () => boolean = () => true,
  ) {
    this.committedSeq = seq;
    this.encoder = new EventEncoder(version);
  }

  /** An event the core just recorded; written as it is now, before anything can change it. */
  stage(event: SessionEvent): void {
    this.staged.push({ line: this.encoder.encode(event), event });
  }

  /** The input finished: its events go to the writer. Returns them, in order. */
  commit(): SessionEvent[] {
    if (!this.staged.length) return [];
    const events: SessionEvent[] = [];
    for (const { line, event } of this.staged) {
      this.writer.appendLine(line);
      events.push(event);
    }
    this.committedSeq = events.at(-1)?.seq ?? this.committedSeq;
    this.staged = [];
    this.encoder.commit();
    return events;
  }

  /** The input failed: nothing it recorded is kept. */
  discard(): void {
    this.staged = [];
    this.encoder.rollback();
  }

  /**
   * `recording_unavailable` while the disk fails or once the recording is being closed (the
   * server is stopping): what such a request changed could never be written, so it must not
   * change the room nor get an ok. Else null.
   */
  refusal(): Result<never> | null {
    return this.writer.available && !this.writer.stopping ? null : fail('recording_unavailable', RECORDING_UNAVAILABLE);
  }

  /** The answer to a request, once what it changed is on disk (refusals changed nothing: at once). */
  async acknowledge<T>(r: Result<T>): Promise<Result<T>> {
    if (!r.ok || this.policy === 'at-once') return r;
    try {
      await this.writer.durable();
    } catch {
      // The server is shutting down with the disk still failing: this was never saved.
      return fail('recording_unavailable', RECORDING_UNAVAILABLE);
    }
    // Cluster mode: on disk, but this process may have lost the room meanwhile (it was paused
    // past its lease): then the next owner may have restored the room without these lines.
    if (!this.owns()) return fail('recording_unavailable', RECORDING_UNAVAILABLE);
    return r;
  }

  /** Everything committed, as the text of a recording (to rebuild the room from). */
  contents(): string {
    return this.writer.contentsSync();
  }

  notice(status: RecordingStatus = this.writer.status): RecordingNotice {
    if (status.state === 'ok') return { saving: true, reason: null, message: null, since: null, setAside: this.setAside };
    return {
      saving: false,
      reason: status.reason,
      message: `${status.cause} Students' actions are refused until the recording can be written again; the server retries every ${RETRY_MS / 1000} s.`,
      since: status.since,
      setAside: this.setAside,
    };
  }
}
