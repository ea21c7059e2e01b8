// Reading a recording back: the header line, then events, one JSON object per line. A torn
// last line (the server died mid-write) is skipped; anything else unreadable is an error that
// says where. Pure text in, data out: the server and the replay viewer both use it.

import { z } from 'zod';
import type { Faults } from '../net/faults';
import { EVENT_TYPES, RECORDING_FORMAT, RECORDING_VERSION, type RecordingHeader, type SessionEvent } from '../protocol/recordingFormat';
import type { Notice } from '../protocol/notice';
import { formatIssues } from '../protocol/result';

export interface ParsedRecording {
  header: RecordingHeader;
  events: SessionEvent[];
  /** The last line was cut off and skipped. */
  torn: boolean;
}

/** Why a file cannot be read as a recording: a code and params for the reader's language (`error.<code>`), English in `message`. */
export class RecordingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params?: Notice['params'],
  ) {
    super(message);
  }
}

const KNOWN = new Set<string>(EVENT_TYPES);

const faultsSchema = z.object({
  partition: z.object({ groups: z.record(z.string(), z.string()), open: z.array(z.string()) }),
  loss: z.number(),
  linkLoss: z.record(z.string(), z.number()),
  latency: z.object({ base: z.number(), jitter: z.number() }),
  dup: z.number(),
  crashed: z.array(z.string()),
}) satisfies z.ZodType<Faults>;

/** The header line's one schema: the replay and the server's recordings list both read headers with it. */
const headerSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  session: z.string(),
  room: z.string(),
  startedAt: z.string(),
  seed: z.number(),
  capacity: z.number(),
  keyHash: z.string(),
  faults: faultsSchema,
  vectorClocks: z.boolean(),
}) satisfies z.ZodType<RecordingHeader>;

/** A recording's first line as its header, or a RecordingError that says what is wrong with it. */
export function parseRecordingHeader(line: string): RecordingHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new RecordingError('recording.not_json', 'This file is not a Human Cluster recording (its first line is not JSON).');
  }
  const fields: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...raw } : {};
  if (fields.format !== RECORDING_FORMAT) {
    throw new RecordingError('recording.no_header', 'This file is not a Human Cluster recording (no recording header).');
  }
  if (fields.version !== RECORDING_VERSION) {
    throw new RecordingError(
      'recording.version',
      `This recording has format version ${String(fields.version)}; this server reads version ${RECORDING_VERSION}.`,
      { version: String(fields.version), reads: RECORDING_VERSION },
    );
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success)
    throw new RecordingError(
      'recording.bad_header',
      `This recording's header is damaged (${formatIssues(parsed.error.issues, 'header')}).`,
    );
  return parsed.data;
}

/** A recording's lines, the header first; an empty file is a RecordingError. */
export function recordingLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const first = lines[0];
  if (first === undefined || first.trim() === '') throw new RecordingError('recording.empty', 'This file is empty: it is not a recording.');
  return lines;
}

/**
 * The events after the header line, one at a time, so that a reader may pause between them (the
 * server summarises big recordings without holding up its rooms). Returns whether the last line
 * was torn; throws a RecordingError at a line that cannot be read.
 */
export function* readEvents(lines: readonly string[]): Generator<SessionEvent, boolean, undefined> {
  let prev: SessionEvent | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    let event: SessionEvent;
    try {
      event = JSON.parse(line) as SessionEvent;
    } catch {
      // Only the very last line may be torn (a crash mid-write); a bad line inside is corruption.
      if (i === lines.length - 1) return true;
      throw new RecordingError('recording.bad_line', `Line ${i + 1} of this recording is damaged.`, { line: i + 1 });
    }
    if (typeof event?.seq !== 'number' || typeof event.t !== 'number' || !KNOWN.has(event.type)) {
      throw new RecordingError('recording.unknown_event', `Line ${i + 1} of this recording is not an event this version knows.`, {
        line: i + 1,
      });
    }
    if (prev && event.seq !== prev.seq + 1) {
      throw new RecordingError(
        'recording.missing_events',
        `Line ${i + 1}: event ${event.seq} follows event ${prev.seq}; events are missing.`,
        {
          line: i + 1,
          seq: event.seq,
          prev: prev.seq,
        },
      );
    }
    prev = event;
    yield event;
  }
  return false;
}

export function parseRecording(text: string): ParsedRecording {
  const lines = recordingLines(text);
  const header = parseRecordingHeader(lines[0] ?? '');
  const events: SessionEvent[] = [];
  const reader = readEvents(lines);
  let next = reader.next();
  while (!next.done) {
    events.push(next.value);
    next = reader.next();
  }
  return { header, events, torn: next.value };
}

export const serializeHeader = (header: RecordingHeader): string => `${JSON.stringify(header)}\n`;
export const serializeEvent = (event: SessionEvent): string => `${JSON.stringify(event)}\n`;
