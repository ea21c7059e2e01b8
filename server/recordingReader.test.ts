import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../shared/protocol/recordingFormat';
import { EventEncoder, parseRecording, serializeEvent, serializeHeader } from '../shared/session/recording';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RecordingIndex } from '../shared/replay/recordingIndex';
import { toShiViz } from '../shared/replay/shiviz';
import { fold } from '../shared/session/fold';
import { sandboxGame } from '../shared/games/sandbox';
import { createGames } from '../shared/games/types';
import { RoomRecording } from './roomRecording';
import { VirtualClock } from './clock';
import { MemoryFiles } from './memoryFiles';
import { RecordingWriter } from './recorder';
import { restoreRecording } from './recordingReader';
import { testHeader } from './testHeader';

const FILE = '/rec/s1.jsonl';
const header = testHeader('s1');
const mark = (seq: number): SessionEvent => ({ seq, t: seq * 10, type: 'mark', label: `event ${seq}` });
const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => serializeEvent(mark(from + i))).join('');

function disk(text: string): MemoryFiles {
  const files = new MemoryFiles();
  files.files.set(FILE, { data: Buffer.from(text), synced: Buffer.from(text) });
  return files;
}

describe('restoreRecording', () => {
  it('reads an intact recording as it is and touches nothing', async () => {
    const text = serializeHeader(header) + lines(1, 5);
    const files = disk(text);
    const r = await restoreRecording(FILE, files);
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(r).toMatchObject({ torn: false, setAside: null, size: Buffer.byteLength(text) });
    expect(files.text(FILE)).toBe(text);
  });

  it('cuts a torn last line (even one that is valid JSON but has no line break)', async () => {
    const whole = serializeHeader(header) + lines(1, 3);
    for (const tail of ['{"seq":4,"t":4', serializeEvent(mark(4)).trimEnd()]) {
      const files = disk(whole + tail);
      const r = await restoreRecording(FILE, files);
      expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(r.torn).toBe(true);
      expect(r.setAside).toBeNull();
      expect(files.text(FILE)).toBe(whole);
    }
  });

  it('the lines set aside are still on the disk after a machine crash (the file and its name)', async () => {
    const good = serializeHeader(header) + lines(1, 4);
    const rest = `${serializeEvent(mark(5)).slice(0, 12)}${lines(9, 12)}`;
    const files = disk(good + rest);
    await files.syncDir(path.dirname(FILE));
    await restoreRecording(FILE, files);
    files.crash();
    expect(files.text(FILE)).toBe(good);
    expect(files.text(`${FILE}.damaged`)).toBe(rest);
  });

  it('a damaged middle line: restores everything before it and sets the rest aside beside the file', async () => {
    // What the old writer left after a full disk: half a line, then later appends after it.
    const good = serializeHeader(header) + lines(1, 4);
    const rest = `${serializeEvent(mark(5)).slice(0, 12)}${lines(9, 12)}`;
    const files = disk(good + rest);
    const r = await restoreRecording(FILE, files);
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(r.setAside).toEqual({
      file: `${FILE}.damaged`,
      fromLine: 6,
      lines: 4,
      bytes: Buffer.byteLength(rest),
      why: 'it is not JSON',
    });
    expect(files.text(`${FILE}.damaged`)).toBe(rest);
    expect(files.text(FILE)).toBe(good);
    expect(r.size).toBe(Buffer.byteLength(good));
    // A second damage later gets its own file; the first is kept.
    files.files.set(FILE, { data: Buffer.from(good + rest), synced: Buffer.from(good + rest) });
    expect((await restoreRecording(FILE, files)).setAside?.file).toBe(`${FILE}.damaged.2`);
    expect(files.text(`${FILE}.damaged`)).toBe(rest);
  });

  it('a gap in seq or an unknown event type also ends the good part', async () => {
    const good = serializeHeader(header) + lines(1, 2);
    const gap = await restoreRecording(FILE, disk(good + lines(4, 5)));
    expect(gap.events).toHaveLength(2);
    expect(gap.setAside).toMatchObject({ fromLine: 4, lines: 2, why: 'its event 4 follows event 2' });
    const alien = await restoreRecording(FILE, disk(`${good}{"seq":3,"t":1,"type":"alien"}\n${lines(4, 4)}`));
    expect(alien.events).toHaveLength(2);
    expect(alien.setAside?.why).toMatch(/unknown/);
  });

  it('the room carries on after a repair: appends continue the file and it reads back whole', async () => {
    const good = serializeHeader(header) + lines(1, 4);
    const files = disk(`${good}{"seq":5,"t"${lines(9, 10)}`);
    const r = await restoreRecording(FILE, files);
    const writer = await RecordingWriter.reopen(FILE, { clock: new VirtualClock(), files }, r.size);
    writer.append(mark(5));
    writer.append(mark(6));
    await writer.durable();
    const back = parseRecording(files.text(FILE));
    expect(back.torn).toBe(false);
    expect(back.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('a file with no readable header cannot be restored (it says why)', async () => {
    await expect(restoreRecording(FILE, disk('not a recording\n'))).rejects.toThrow(/not a Human Cluster recording/);
    await expect(restoreRecording(FILE, disk(''))).rejects.toThrow(/empty/);
  });
});

describe('a recording of format version 1 (test/fixtures/recording-v1.jsonl, written by the version 1 writer)', () => {
  const GAMES = createGames([sandboxGame]);
  const v1Text = readFileSync(path.join(import.meta.dirname, '../test/fixtures/recording-v1.jsonl'), 'utf8');

  it('opens in the replay as before, and reads the same written again in version 2 short lines', () => {
    const v1 = parseRecording(v1Text);
    expect(v1.header.version).toBe(1);
    expect(v1.torn).toBe(false);
    const types = new Set(v1.events.map((e) => e.type));
    for (const k of ['node:acted', 'envelope:sent', 'envelope:delivered', 'round:ended'] as const) expect(types).toContain(k);
    const index = RecordingIndex.from(v1, GAMES);
    expect(index.count).toBe(v1.events.length);
    const encoder = new EventEncoder(2);
    const v2Text = serializeHeader({ ...v1.header, version: 2 }) + v1.events.map((e) => encoder.encode(e)).join('');
    const v2 = parseRecording(v2Text);
    expect(v2.events).toEqual(v1.events);
    expect(v2Text.length).toBeLessThan(v1Text.length);
    const folded = (r: typeof v1) => ({ ...fold(r.header, r.events, GAMES, { vectors: true }), header: null });
    expect(folded(v2)).toEqual(folded(v1));
    expect(toShiViz(v2.header, v2.events, GAMES)).toBe(toShiViz(v1.header, v1.events, GAMES));
  });

  it('restored, a room goes on in version 1: its new lines are read back with the old ones', async () => {
    const files = disk(v1Text);
    const r = await restoreRecording(FILE, files);
    expect(r.header.version).toBe(1);
    const writer = await RecordingWriter.reopen(FILE, { clock: new VirtualClock(), files }, r.size);
    const room = new RoomRecording(writer, 'at-once', null, r.events.length, r.header.version);
    const last = r.events.at(-1)!;
    const more: SessionEvent[] = [
      {
        seq: last.seq + 1,
        t: last.t + 1,
        type: 'node:acted',
        node: 'n1',
        action: { type: 'send', to: ['n2'], text: 'after the restart' },
        by: 'node',
      },
      {
        seq: last.seq + 2,
        t: last.t + 1,
        type: 'envelope:sent',
        env: { id: 'm999', from: 'n1', to: 'n2', kind: 'sandbox:text', body: { text: 'after the restart' } },
        at: [last.t + 30],
      },
    ];
    for (const e of more) room.stage(e);
    room.commit();
    await writer.durable();
    const text = files.text(FILE);
    expect(text.endsWith(more.map((e) => `${JSON.stringify(e)}\n`).join(''))).toBe(true);
    expect(parseRecording(text).events).toEqual([...r.events, ...more]);
  });
});
