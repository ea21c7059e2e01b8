// Reading a recording back: the header line, then events, one JSON object per line. A torn
// last line (the server died mid-write) is skipped; anything else unreadable is an error that
// says where. Pure text in, data out: the server and the replay viewer both use it.

import { EVENT_TYPES, RECORDING_FORMAT, RECORDING_VERSION, type RecordingHeader, type SessionEvent } from '../protocol/recordingFormat';

export interface ParsedRecording {
  header: RecordingHeader;
  events: SessionEvent[];
  /** The last line was cut off and skipped. */
  torn: boolean;
}

export class RecordingError extends Error {}

const KNOWN = new Set<string>(EVENT_TYPES);

export function parseRecording(text: string): ParsedRecording {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const first = lines[0];
  if (first === undefined || first.trim() === '') throw new RecordingError('This file is empty: it is not a recording.');
  let header: RecordingHeader;
  try {
    header = JSON.parse(first) as RecordingHeader;
  } catch {
    throw new RecordingError('This file is not a Human Cluster recording (its first line is not JSON).');
  }
  if (header?.format !== RECORDING_FORMAT) {
    throw new RecordingError('This file is not a Human Cluster recording (no recording header).');
  }
  if (header.version !== RECORDING_VERSION) {
    throw new RecordingError(
      `This recording has format version ${String(header.version)}; this server reads version ${RECORDING_VERSION}.`,
    );
  }
  const events: SessionEvent[] = [];
  let torn = false;
  for (const [i, line] of lines.entries()) {
    if (i === 0 || line.trim() === '') continue;
    let event: SessionEvent;
    try {
      event = JSON.parse(line) as SessionEvent;
    } catch {
      // Only the very last line may be torn (a crash mid-write); a bad line inside is corruption.
      if (i === lines.length - 1) {
        torn = true;
        break;
      }
      throw new RecordingError(`Line ${i + 1} of this recording is damaged.`);
    }
    if (typeof event?.seq !== 'number' || typeof event.t !== 'number' || !KNOWN.has(event.type)) {
      throw new RecordingError(`Line ${i + 1} of this recording is not an event this version knows.`);
    }
    const prev = events.at(-1);
    if (prev && event.seq !== prev.seq + 1) {
      throw new RecordingError(`Line ${i + 1}: event ${event.seq} follows event ${prev.seq}; events are missing.`);
    }
    events.push(event);
  }
  return { header, events, torn };
}

export const serializeHeader = (header: RecordingHeader): string => `${JSON.stringify(header)}\n`;
export const serializeEvent = (event: SessionEvent): string => `${JSON.stringify(event)}\n`;
