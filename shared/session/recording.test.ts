import { describe, expect, it } from 'vitest';
import { makeHeader } from './header';
import { EventEncoder, parseRecording, parseRecordingHeader, RecordingError, serializeEvent, serializeHeader } from './recording';
import type { SessionEvent } from '../protocol/recordingFormat';
import { defaultFaults } from '../net/faults';
import { GAMES } from '../../test/support/games';
import { SessionCore } from './core';

const header = makeHeader({ room: 'ABCDE' });
const events: SessionEvent[] = [
  { seq: 1, t: 0, type: 'node:joined', node: 'n1', nickname: 'Ada', kind: 'human' },
  { seq: 2, t: 5, type: 'room:locked', locked: true },
];
const file = serializeHeader(header) + events.map(serializeEvent).join('');

describe('reading a recording', () => {
  it('reads the header and every event in order', () => {
    expect(parseRecording(file)).toEqual({ header, events, torn: false });
  });

  it('skips a torn last line and keeps everything before it', () => {
    const torn = `${file}{"seq":3,"t":9,"type":"room:loc`;
    expect(parseRecording(torn)).toEqual({ header, events, torn: true });
  });

  it('refuses a damaged line in the middle with its line number', () => {
    const lines = file.split('\n');
    lines[1] = '{"seq": 1, "t"';
    expect(() => parseRecording(lines.join('\n'))).toThrow(/Line 2/);
  });

  it('refuses an unknown format version, an empty file, garbage and missing events clearly', () => {
    expect(() => parseRecording(serializeHeader({ ...header, version: 99 }))).toThrow(/version 99/);
    expect(() => parseRecording('')).toThrow(RecordingError);
    expect(() => parseRecording('\u0000\u0001garbage\nmore')).toThrow(/not a Human Cluster recording/);
    expect(() => parseRecording('{"hello": "world"}\n')).toThrow(/no recording header/);
    const gap = serializeHeader(header) + serializeEvent(events[0]!) + serializeEvent({ ...events[1]!, seq: 5 });
    expect(() => parseRecording(gap)).toThrow(/missing/);
    const unknown = `${serializeHeader(header)}${JSON.stringify({ seq: 1, t: 0, type: 'alien:event' })}\n${serializeEvent(events[1]!)}`;
    expect(() => parseRecording(unknown)).toThrow(/Line 2/);
  });

  it('reads the header with one schema: a missing or mistyped field is named, unknown fields are dropped', () => {
    expect(parseRecordingHeader(JSON.stringify(header))).toEqual(header);
    expect(parseRecordingHeader(JSON.stringify({ ...header, extra: 1 }))).toEqual(header);
    const { keyHash: _keyHash, ...noKey } = header;
    expect(() => parseRecordingHeader(JSON.stringify(noKey))).toThrow(/header is damaged \(keyHash: /);
    const badFaults = { ...header, faults: { ...header.faults, loss: 'lots' } };
    expect(() => parseRecording(serializeHeader(badFaults as unknown as typeof header))).toThrow(/faults\.loss: /);
    expect(() => parseRecordingHeader('[1, 2]')).toThrow(/no recording header/);
    expect(() => parseRecordingHeader('null')).toThrow(/no recording header/);
  });
});

/**
 * A sandbox room with people and bots under loss, duplicates, jitter and a crash: what the core
 * recorded (each event copied as it was recorded) beside the lines a room's encoder wrote.
 */
function session(version: number) {
  const head = makeHeader({
    room: 'SHORT',
    seed: 5,
    version,
    faults: { ...defaultFaults({ base: 15, jitter: 25 }), loss: 0.1, dup: 0.2 },
  });
  const recorded: SessionEvent[] = [];
  const encoder = new EventEncoder(version);
  let text = serializeHeader(head);
  const core = SessionCore.create(head, GAMES, (e) => {
    recorded.push(structuredClone(e));
    text += encoder.encode(e);
  });
  const people: string[] = [];
  for (const name of ['Ada', 'Grace', 'Linus', 'Barbara']) {
    const r = core.join(0, name);
    if (r.ok) people.push(r.data.node);
  }
  core.addBots(0, 3);
  core.startRound(5, 'sandbox', { botDelayMs: 40, chatterMs: 300 });
  let t = 5;
  for (let k = 0; k < 60; k++) {
    t += 23;
    core.advance(t);
    const from = people[k % 4] as string;
    const to = k % 7 === 0 ? people.filter((n) => n !== from) : [people[(k + 1) % 4] as string];
    core.act(t, from, { type: 'send', to, text: `message ${k} to ${to.length} ~~~~`.slice(0, 20) });
    // The receiver crashes with the message on its way (dropped on arrival), and later restarts.
    if (k === 30) {
      const victim = people[3] as string;
      for (const p of people.slice(0, 3)) core.act(t, p, { type: 'send', to: [victim], text: 'last words, in flight' });
      core.changeFaults(t, { op: 'crash', nodes: [victim, 'n6'] });
    }
    if (k === 45) core.changeFaults(t, { op: 'restart', nodes: [people[31 % 4] as string, 'n6'] });
  }
  core.advance(t + 3_000);
  core.endRound(t + 3_000);
  return { head, recorded, text };
}

describe('version 2 short lines', () => {
  it('read back as exactly the events the core recorded (bodies, senders, kinds, arrivals, drops, duplicates)', () => {
    const { recorded, text } = session(2);
    const kinds = new Set(recorded.map((e) => e.type));
    for (const k of ['node:acted', 'envelope:sent', 'envelope:delivered', 'envelope:dropped'] as const) expect(kinds).toContain(k);
    expect(recorded.some((e) => e.type === 'node:acted' && e.by === 'bot')).toBe(true);
    expect(recorded.some((e) => e.type === 'envelope:sent' && 'at' in e && e.at.length === 2)).toBe(true);
    const parsed = parseRecording(text);
    expect(parsed.header.version).toBe(2);
    expect(parsed.events).toEqual(recorded);
    // Each text is written once: in its node:acted line, not again in its envelopes.
    expect(text.split('message 12 to 1').length - 1).toBe(1);
  });

  it('are smaller than version 1 lines of the same session, which still read back the same', () => {
    const v1 = session(1);
    const v2 = session(2);
    expect(v1.text).toContain('"type":"envelope:sent"');
    expect(parseRecording(v1.text).events).toEqual(v1.recorded);
    expect(v2.recorded).toEqual(v1.recorded);
    expect(v2.text.length).toBeLessThan(v1.text.length * 0.75);
  });

  it('written one at a time (serializeEvent) read back the same as with the encoder', () => {
    const { head, recorded } = session(2);
    expect(parseRecording(serializeHeader(head) + recorded.map(serializeEvent).join('')).events).toEqual(recorded);
  });

  it('leave out only what the lines handed to the file said: a rolled-back input is forgotten', () => {
    const encoder = new EventEncoder(2);
    const acted = (seq: number, text: string): SessionEvent => ({
      seq,
      t: seq,
      type: 'node:acted',
      node: 'n1',
      action: { type: 'send', to: ['n2'], text },
      by: 'node',
    });
    const sent = (seq: number, text: string): SessionEvent => ({
      seq,
      t: seq,
      type: 'envelope:sent',
      env: { id: `m${seq}`, from: 'n1', to: 'n2', kind: 'sandbox:text', body: { text } },
      at: [seq + 10],
    });
    let file = serializeHeader(header) + encoder.encode(acted(1, 'kept'));
    encoder.commit();
    encoder.encode(acted(2, 'thrown away'));
    encoder.rollback();
    file += encoder.encode(sent(2, 'kept'));
    expect(parseRecording(file).events).toEqual([acted(1, 'kept'), sent(2, 'kept')]);
    expect(file).not.toContain('"b":');
  });

  it('refuse a short line that refers to nothing before it, with its line number', () => {
    const line = JSON.stringify({ seq: 1, t: 0, k: 'S', i: 1, o: 'n2', q: 'sandbox:text', r: ['text'], '@': 0 });
    expect(() => parseRecording(`${serializeHeader(header)}${line}\n${serializeEvent(events[1]!)}`)).toThrow(/Line 2/);
  });
});
