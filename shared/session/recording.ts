// Reading a recording back: the header line, then events, one JSON object per line. A torn
// last line (the server died mid-write) is skipped; anything else unreadable is an error that
// says where. Pure text in, data out: the server and the replay viewer both use it.

import { z } from 'zod';
import type { Faults } from '../net/faults';
import {
  EVENT_TYPES,
  READABLE_VERSIONS,
  RECORDING_FORMAT,
  RECORDING_VERSION,
  type RecordingHeader,
  type SessionEvent,
} from '../protocol/recordingFormat';
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
  version: z.number().refine((v) => READABLE_VERSIONS.includes(v)),
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
  if (typeof fields.version !== 'number' || !READABLE_VERSIONS.includes(fields.version)) {
    throw new RecordingError(
      'recording.version',
      `This recording has format version ${String(fields.version)}; this server reads versions ${READABLE_VERSIONS.join(' and ')}.`,
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
export function* readEvents(lines: readonly string[], version = headerVersion(lines[0])): Generator<SessionEvent, boolean, undefined> {
  let prev: SessionEvent | null = null;
  const decoder = new EventDecoder(version);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    let event: SessionEvent;
    try {
      event = decoder.decode(JSON.parse(line));
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

/**
 * One event as a line of the current version, on its own (no reference to earlier lines). A
 * recording's writer uses an EventEncoder, which also leaves out what earlier lines said.
 */
export const serializeEvent = (event: SessionEvent): string => new EventEncoder(RECORDING_VERSION).encode(event);

/** The version in a header line, if it reads as one (else the current version: the header check says what is wrong). */
function headerVersion(line: string | undefined): number {
  try {
    const v = (JSON.parse(line ?? '') as { version?: unknown })?.version;
    return typeof v === 'number' ? v : RECORDING_VERSION;
  } catch {
    return RECORDING_VERSION;
  }
}

// ---- version 2's short lines ----
//
// Version 1 wrote every event as its object. Version 2 writes four events, the bulk of any
// recording, in a short form with a one-letter `k` instead of `type` (other events are written
// as in version 1):
//   node:acted          {"seq","t","k":"A","n":node,"x":action}            "b":1 when by a bot
//   envelope:sent       {"seq","t","k":"S","i":id,"f":from,"o":to,"q":kind,"b":body,"@":delays}
//   envelope:delivered  {"seq","t","k":"D","i":id}                          "c":copy when not 0
//   envelope:dropped    {"seq","t","k":"X","i":id,"x":reason}              "c":copy when not 0
// An id `m123` is written as the number 123. In envelope:sent, `@` is each copy's arrival less
// `t` (one number for one copy; `a` holds the arrivals themselves when a difference would not
// give them back exactly) or `x` the drop reason. A writer may leave out, and a reader then
// takes from the lines before:
//   "f"  the sender, when it is the node of the last node:acted line;
//   "q"  the kind, when it is the kind of the last envelope:sent line;
//   "b"  the body, when "r" lists its keys and each one's value (a string) is the value of the
//        same key in the last node:acted line's action (the text a node sent, stored once).

interface Memory {
  /** The last node:acted line: its node and the string fields of its action. */
  node: string | null;
  strings: Record<string, string>;
  kind: string | null;
}

const blank = (): Memory => ({ node: null, strings: {}, kind: null });

function stringFields(action: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof action === 'object' && action !== null && !Array.isArray(action)) {
    for (const [k, v] of Object.entries(action)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

const idNumber = (id: string): number | null => {
  if (!/^m[1-9][0-9]{0,14}$/.test(id)) return null;
  return Number(id.slice(1));
};

/**
 * Writes a recording's events as lines of `version`, remembering what earlier lines said so a
 * line can leave it out. `commit` says the lines so far are in the file; `rollback` forgets the
 * lines since (an input that failed is not written).
 */
export class EventEncoder {
  private memory = blank();
  private committed = blank();

  constructor(private readonly version: number = RECORDING_VERSION) {}

  encode(event: SessionEvent): string {
    return `${JSON.stringify(this.version >= 2 ? this.short(event) : event)}\n`;
  }

  commit(): void {
    this.committed = { ...this.memory };
  }

  rollback(): void {
    this.memory = { ...this.committed };
  }

  private short(e: SessionEvent): unknown {
    const m = this.memory;
    switch (e.type) {
      case 'node:acted': {
        m.node = e.node;
        m.strings = stringFields(e.action);
        return e.by === 'bot'
          ? { seq: e.seq, t: e.t, k: 'A', n: e.node, x: e.action, b: 1 }
          : { seq: e.seq, t: e.t, k: 'A', n: e.node, x: e.action };
      }
      case 'envelope:sent': {
        const { env } = e;
        const line: Record<string, unknown> = { seq: e.seq, t: e.t, k: 'S', i: idNumber(env.id) ?? env.id };
        if (env.from !== m.node) line.f = env.from;
        line.o = env.to;
        if (env.kind !== m.kind) line.q = env.kind;
        m.kind = env.kind;
        const refs = this.references(env.body);
        if (refs) line.r = refs;
        else if (env.body !== undefined) line.b = env.body;
        if ('drop' in e) line.x = e.drop;
        else {
          const delays = e.at.map((at) => at - e.t);
          if (delays.every((d, i) => e.t + d === e.at[i])) line['@'] = delays.length === 1 ? delays[0] : delays;
          else line.a = e.at;
        }
        return line;
      }
      case 'envelope:delivered':
        return e.copy === 0
          ? { seq: e.seq, t: e.t, k: 'D', i: idNumber(e.id) ?? e.id }
          : { seq: e.seq, t: e.t, k: 'D', i: idNumber(e.id) ?? e.id, c: e.copy };
      case 'envelope:dropped': {
        const line: Record<string, unknown> = { seq: e.seq, t: e.t, k: 'X', i: idNumber(e.id) ?? e.id, x: e.reason };
        if (e.copy !== 0) line.c = e.copy;
        return line;
      }
      default:
        return e;
    }
  }

  /** The body's keys, when every value is a string the last node:acted action holds under the same key. */
  private references(body: unknown): string[] | null {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    const keys = Object.keys(body);
    if (keys.length === 0) return null;
    const strings = this.memory.strings;
    for (const k of keys) {
      const v = (body as Record<string, unknown>)[k];
      if (typeof v !== 'string' || strings[k] !== v || !Object.hasOwn(strings, k)) return null;
    }
    return keys;
  }
}

const SHORT_TYPES: Record<string, SessionEvent['type']> = {
  A: 'node:acted',
  S: 'envelope:sent',
  D: 'envelope:delivered',
  X: 'envelope:dropped',
};

/** Reads a recording's lines (parsed JSON) of `version` back into events, remembering as the writer did. */
export class EventDecoder {
  private readonly memory = blank();

  constructor(private readonly version: number) {}

  /** The event a line holds; throws when a short line cannot be read (the caller says where). */
  decode(raw: unknown): SessionEvent {
    if (this.version < 2 || typeof raw !== 'object' || raw === null || !('k' in raw)) return raw as SessionEvent;
    const line = raw as Record<string, unknown>;
    const type = SHORT_TYPES[String(line.k)];
    if (!type) return { ...line, type: `short:${String(line.k)}` } as unknown as SessionEvent;
    const m = this.memory;
    const base = { seq: line.seq as number, t: line.t as number };
    const id = () => {
      const i = line.i;
      if (typeof i === 'number') return `m${i}`;
      if (typeof i === 'string') return i;
      throw new Error('no envelope id');
    };
    switch (type) {
      case 'node:acted': {
        if (typeof line.n !== 'string') throw new Error('no node');
        m.node = line.n;
        m.strings = stringFields(line.x);
        return { ...base, type, node: line.n, action: line.x, by: line.b === 1 ? 'bot' : 'node' };
      }
      case 'envelope:sent': {
        const from = line.f ?? m.node;
        const kind = line.q ?? m.kind;
        if (typeof from !== 'string' || typeof kind !== 'string' || typeof line.o !== 'string') throw new Error('incomplete envelope');
        m.kind = kind;
        let body: unknown = line.b;
        if (Array.isArray(line.r)) {
          const out: Record<string, string> = {};
          for (const k of line.r) {
            const v = typeof k === 'string' && Object.hasOwn(m.strings, k) ? m.strings[k] : undefined;
            if (v === undefined) throw new Error('a body refers to nothing');
            out[k] = v;
          }
          body = out;
        }
        const env = body === undefined ? { id: id(), from, to: line.o, kind } : { id: id(), from, to: line.o, kind, body };
        if (typeof line.x === 'string') return { ...base, type, env: env as never, drop: line.x as never };
        const delays = line['@'];
        const at = Array.isArray(line.a)
          ? (line.a as number[])
          : Array.isArray(delays)
            ? (delays as number[]).map((d) => base.t + d)
            : typeof delays === 'number'
              ? [base.t + delays]
              : null;
        if (!at) throw new Error('no arrival');
        return { ...base, type, env: env as never, at };
      }
      case 'envelope:delivered':
        return { ...base, type, id: id(), copy: typeof line.c === 'number' ? line.c : 0 };
      default:
        return { ...base, type: 'envelope:dropped', id: id(), copy: typeof line.c === 'number' ? line.c : 0, reason: line.x as never };
    }
  }
}
