import { describe, expect, it } from 'vitest';
import { makeHeader } from './header';
import { parseRecording, parseRecordingHeader, RecordingError, serializeEvent, serializeHeader } from './recording';
import type { SessionEvent } from '../protocol/recordingFormat';

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
