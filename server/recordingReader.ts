// Reading a recording back to restore its room after a restart. A torn last line (the server
// died mid-write) is cut off. A damaged line in the middle does not cost the whole room: every
// event before it is restored, and the damaged rest is moved to a file beside the recording for
// inspection, so the recording itself ends on its last good line and can be appended to again.

import path from 'node:path';
import { EVENT_TYPES, type RecordingHeader, type SessionEvent } from '../shared/protocol/recordingFormat';
import { EventDecoder, parseRecordingHeader, RecordingError } from '../shared/session/recording';
import { diskFiles, writeAll, type RecordingFiles } from './recordingFiles';

export interface SetAside {
  /** Where the damaged rest now is. */
  file: string;
  /** The first damaged line (1-based; the header is line 1). */
  fromLine: number;
  lines: number;
  bytes: number;
  /** What was wrong with that line. */
  why: string;
}

export interface RestoredRecording {
  header: RecordingHeader;
  events: SessionEvent[];
  /** Bytes of whole good lines: where appending continues. */
  size: number;
  /** An unfinished last line was cut off. */
  torn: boolean;
  setAside: SetAside | null;
}

const KNOWN = new Set<string>(EVENT_TYPES);
const NL = 0x0a;

/** Why a line cannot follow event `prevSeq`, or null if it can. */
function damage(line: string, prevSeq: number, decoder: EventDecoder): { why: string } | { event: SessionEvent } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { why: 'it is not JSON' };
  }
  let event: SessionEvent;
  try {
    event = decoder.decode(raw);
  } catch {
    return { why: 'its short form refers to nothing before it' };
  }
  if (typeof event !== 'object' || event === null || typeof event.seq !== 'number' || typeof event.t !== 'number') {
    return { why: 'it is not an event' };
  }
  if (!KNOWN.has(event.type)) return { why: `its event type "${String(event.type).slice(0, 40)}" is unknown` };
  if (event.seq !== prevSeq + 1) return { why: `its event ${event.seq} follows event ${prevSeq}` };
  return { event };
}

/** A name beside `file` that is not taken yet. */
async function freeName(file: string, files: RecordingFiles): Promise<string> {
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${file}.damaged` : `${file}.damaged.${i}`;
    try {
      await files.read(name);
    } catch {
      return name;
    }
  }
}

/**
 * Reads a recording for its room to carry on, repairing the file first if it must: a torn
 * last line is cut, a damaged middle and everything after it are set aside. A file whose
 * header is unreadable throws (RecordingError): there is nothing to restore.
 */
export async function restoreRecording(file: string, files: RecordingFiles = diskFiles): Promise<RestoredRecording> {
  const buf = await files.read(file);
  if (buf.length === 0) throw new RecordingError('recording.empty', 'This file is empty: it is not a recording.');
  const headerEnd = buf.indexOf(NL) + 1;
  const header = parseRecordingHeader(buf.subarray(0, headerEnd || buf.length).toString('utf8'));
  if (!headerEnd) throw new RecordingError('recording.no_header', 'The recording has no complete header line.');
  const wholeEnd = buf.lastIndexOf(NL) + 1;
  const events: SessionEvent[] = [];
  const decoder = new EventDecoder(header.version);
  let at = headerEnd;
  let line = 2;
  let bad: { why: string } | null = null;
  while (at < wholeEnd) {
    const end = buf.indexOf(NL, at);
    const text = buf.subarray(at, end).toString('utf8');
    if (text.trim() !== '') {
      const r = damage(text, events.at(-1)?.seq ?? 0, decoder);
      if ('why' in r) {
        bad = r;
        break;
      }
      events.push(r.event);
    }
    at = end + 1;
    line++;
  }
  const torn = !bad && wholeEnd < buf.length;
  let setAside: SetAside | null = null;
  if (bad) {
    const rest = buf.subarray(at);
    const aside = await freeName(file, files);
    // The damaged rest is on disk beside the recording before the recording is cut.
    const out = await files.create(aside);
    try {
      await writeAll(out, rest, 0);
      await out.datasync();
    } finally {
      await out.close();
    }
    // Its name too, before the lines it holds are cut from the recording.
    await files.syncDir(path.dirname(aside));
    let lines = 0;
    for (const b of rest) if (b === NL) lines++;
    if (rest.at(-1) !== NL) lines++;
    setAside = { file: aside, fromLine: line, lines, bytes: rest.length, why: bad.why };
  }
  if (bad || torn) {
    const f = await files.open(file);
    try {
      await f.truncate(at);
      await f.datasync();
    } finally {
      await f.close();
    }
  }
  return { header, events, size: at, torn, setAside };
}
