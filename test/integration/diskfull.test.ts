// A full disk, for real: the recorder on a tmpfs of a few KiB. It is the same scenario as the
// recorder's unit tests on injected failures (server/recorder.test.ts), once more against the
// kernel's own ENOSPC and short writes.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecording } from '../../shared/session/recording';
import { VirtualClock } from '../../server/clock';
import { RETRY_MS, RecordingWriter, type RecordingStatus } from '../../server/recorder';
import { mountTmpfs } from './tmpfs';
import { testHeader } from '../../server/testHeader';

const fs = mountTmpfs(64);
const skipped = 'skipped' in fs ? fs.skipped : null;
if (skipped) console.log(`disk-full tests on a real tmpfs: skipped (${skipped})`);
afterAll(() => {
  if (!('skipped' in fs)) fs.unmount();
});

const header = testHeader('tmpfs');

describe.skipIf(skipped !== null)('a real full disk (tmpfs)', () => {
  it('the recorder stops at its last whole line, keeps what it could not write, and catches up when space comes back', async () => {
    const dir = (fs as { dir: string }).dir;
    const file = path.join(dir, 'rec.jsonl');
    const filler = path.join(dir, 'filler');
    // Most of the disk taken by something else, so the recording fills it quickly.
    writeFileSync(filler, Buffer.alloc(48 * 1024));
    const clock = new VirtualClock();
    const writer = await RecordingWriter.create(file, header, { clock });
    const statuses: RecordingStatus[] = [];
    writer.watch((s) => statuses.push(s));
    const acked: number[] = [];
    let seq = 0;
    while (writer.available && seq < 5000) {
      // Bursts of events, each acknowledged only once durable.
      for (let i = 0; i < 20; i++) {
        const s = ++seq;
        void writer.durable(writer.append({ seq: s, t: s, type: 'mark', label: `${s} ${'x'.repeat(100)}` })).then(() => acked.push(s));
      }
      // Until the burst is on disk, or the disk says no.
      await Promise.race([writer.durable(), new Promise<void>((r) => writer.watch(() => r()))]);
    }
    expect(writer.status).toMatchObject({ state: 'unavailable', reason: 'disk_full', code: 'ENOSPC' });
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk.endsWith('\n')).toBe(true);
    const seqs = parseRecording(onDisk).events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    for (const a of acked) expect(a).toBeLessThanOrEqual(seqs.length);
    expect(acked.length).toBeLessThan(seq);
    // Space comes back; the next retry writes everything that was waiting.
    rmSync(filler);
    const done = writer.durable();
    clock.advance(RETRY_MS);
    await done;
    expect(statuses.map((s) => s.state)).toEqual(['unavailable', 'ok']);
    expect(parseRecording(readFileSync(file, 'utf8')).events.map((e) => e.seq)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    await writer.close();
  });
});
