import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../shared/protocol/recordingFormat';
import { parseRecording } from '../shared/session/recording';
import { VirtualClock } from './clock';
import { decodeRecords, encodeRecord, Journal, JOURNAL_GAP_MS, SEGMENT_MS } from './journal';
import { MemoryFiles } from './memoryFiles';
import { FILE_EVERY_MS, RETRY_MS, RecordingWriter } from './recorder';
import { testHeader } from './testHeader';

const REC = '/data/recordings';
const DIR = '/data/journal';

const header = testHeader;

const mark = (seq: number) => ({ seq, t: seq, type: 'mark' as const, label: `event ${seq}` }) satisfies SessionEvent;

/** Lets every pending promise callback and deferred flush run (the fake files resolve in microtasks). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const seqs = (text: string) => parseRecording(text).events.map((e) => e.seq);

async function setup(files = new MemoryFiles()) {
  const clock = new VirtualClock();
  const options = { files, dir: DIR, recordingsDir: REC, clock };
  const journal = await Journal.open(options);
  const writer = (session: string) => RecordingWriter.create(`${REC}/${session}.jsonl`, header(session), { clock, files, journal });
  /** How many writes the journal's segments have had (each followed by its datasync on these files). */
  const journalWrites = () => [...files.syncs].filter(([f]) => f.startsWith(DIR)).reduce((n, [, c]) => n + c, 0);
  return { files, clock, journal, writer, options, journalWrites };
}

/** A disk whose writes to the files under one folder go through `before` first (to hold or fail them). */
abstract class InterceptedFiles extends MemoryFiles {
  protected abstract readonly under: string;
  protected abstract before(file: string): Promise<void> | void;

  override async create(file: string) {
    const handle = await super.create(file);
    if (!file.startsWith(this.under)) return handle;
    return {
      ...handle,
      write: async (data: Buffer, position: number) => {
        await this.before(file);
        return handle.write(data, position);
      },
    };
  }
}

/** A disk whose journal writes can be held back (`hold`), to act while one is under way. */
class GatedFiles extends InterceptedFiles {
  protected readonly under = DIR;
  private gate: Promise<void> | null = null;
  private reached: () => void = () => {};

  /** From now on the journal's writes wait: `writing` resolves once one does, `release` lets them go. */
  hold(): { writing: Promise<void>; release: () => void } {
    let release = () => {};
    this.gate = new Promise<void>((r) => {
      release = () => {
        this.gate = null;
        r();
      };
    });
    const writing = new Promise<void>((r) => {
      this.reached = r;
    });
    return { writing, release };
  }

  protected async before(): Promise<void> {
    if (!this.gate) return;
    this.reached();
    await this.gate;
  }
}

/** A disk on which the recordings' own files fail every write while `broken` (the journal's still work). */
class BrokenFiles extends InterceptedFiles {
  protected readonly under = REC;
  broken = false;

  protected before(file: string): void {
    if (this.broken) throw Object.assign(new Error(`EIO: i/o error, write '${file}'`), { code: 'EIO' });
  }
}

describe('journal records', () => {
  it('read back whole, and stop at a torn or damaged one', () => {
    const a = encodeRecord('s1.jsonl', 120, Buffer.from('{"seq":1}\n'));
    const b = encodeRecord('s2.jsonl', 0, Buffer.from('{"seq":1}\n{"seq":2}\n'));
    const both = Buffer.concat([a, b]);
    expect(decodeRecords(both).map((r) => [r.name, r.at, r.data.toString()])).toEqual([
      ['s1.jsonl', 120, '{"seq":1}\n'],
      ['s2.jsonl', 0, '{"seq":1}\n{"seq":2}\n'],
    ]);
    // Torn by a crash: the second record's last bytes never reached the disk.
    expect(decodeRecords(both.subarray(0, both.length - 3))).toHaveLength(1);
    // A byte changed in the data (or zeros where the record should be).
    const damaged = Buffer.from(both);
    damaged[damaged.length - 5] = 0x41;
    expect(decodeRecords(damaged)).toHaveLength(1);
    expect(decodeRecords(Buffer.concat([a, Buffer.alloc(40)]))).toHaveLength(1);
    // Damage with whole records after it (the disk's, not a stop's: a torn write is always the
    // segment's last): passed over, and the records after it read.
    const c = encodeRecord('s3.jsonl', 7, Buffer.from('{"seq":3}\n'));
    const three = Buffer.concat([a, b, c]);
    const inMiddle = Buffer.from(three);
    inMiddle[a.length + b.length - 5] = 0x41;
    expect(decodeRecords(inMiddle).map((r) => r.name)).toEqual(['s1.jsonl', 's3.jsonl']);
    expect(decodeRecords(Buffer.concat([a, Buffer.alloc(40), c])).map((r) => r.name)).toEqual(['s1.jsonl', 's3.jsonl']);
    const atStart = Buffer.from(three);
    atStart[0] = 0x7a;
    expect(decodeRecords(atStart).map((r) => r.name)).toEqual(['s2.jsonl', 's3.jsonl']);
    // A phone's text that ends a line as a head would (here with a CRC that fits it) is not taken
    // for a record after damage: a head's name is URI-encoded, and a JSON line ends with `}`.
    const rest = ' 0 0 AAAA"}}\n';
    const forged = `${crc32(Buffer.alloc(0), crc32(Buffer.from(rest)))
      .toString(16)
      .padStart(8, '0')}${rest.slice(0, -1)}`;
    const line = Buffer.from(`{"x":{"text":"${forged.slice(0, -3)}"}}\n`);
    expect(line.toString().endsWith(`${forged}\n`)).toBe(true);
    const d = encodeRecord('s4.jsonl', 9, Buffer.from('{"seq":4}\n'));
    expect(decodeRecords(Buffer.concat([a, Buffer.alloc(40, 0x41), line, d])).map((r) => r.name)).toEqual(['s1.jsonl', 's4.jsonl']);
    // Any name a recording may have is carried (URI-encoded), spaces and accents included.
    const odd = encodeRecord('cours réseaux à 9h.jsonl', 3, Buffer.from('{"seq":1}\n'));
    expect(decodeRecords(Buffer.concat([odd, a])).map((r) => r.name)).toEqual(['cours réseaux à 9h.jsonl', 's1.jsonl']);
  });
});

describe('a recording written through the journal', () => {
  it('acknowledges once the journal has the lines, before the file; a crash loses none of them', async () => {
    const { files, clock, writer, options } = await setup();
    const w = await writer('s1');
    const acked = [1, 2, 3].map((i) => w.durable(w.append(mark(i))));
    await settle();
    await Promise.all(acked);
    // Durable in the journal; the recording's own file has only its header so far.
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([]);
    files.crash();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([]);
    const recovered = await Journal.recover(options);
    expect(recovered.records).toBe(1);
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3]);
    // Put back durably, and the segments gone: a second crash changes nothing.
    expect(await files.list(DIR)).toEqual([]);
    files.crash();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3]);
    void clock;
  });

  it('recovery says how many bytes after the last whole record of a segment it could not put back', async () => {
    const { files, writer, options } = await setup();
    const w = await writer('s1');
    await w.durable(w.append(mark(1)));
    const [segment] = await files.list(DIR);
    const file = `${DIR}/${segment}`;
    const before = await files.read(file);
    const size = before.length;
    const whole = decodeRecords(before).length;
    // A record cut short: its head, and part of its data.
    const record = encodeRecord('s1.jsonl', 0, Buffer.from('{"seq":2}\n'));
    const torn = record.subarray(0, record.length - 3);
    const handle = await files.open(file);
    await handle.write(torn, size);
    await handle.datasync();
    files.crash();
    const said: string[] = [];
    const recovered = await Journal.recover({ ...options, log: (message) => said.push(message) });
    expect(recovered.records).toBe(whole);
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1]);
    expect(said).toEqual([
      expect.stringMatching(
        new RegExp(`^journal: ${torn.length} bytes at the end of ${segment}, after its ${whole} whole records, are not a whole record`),
      ),
    ]);
  });

  it('recovery puts back the whole records after damage in the middle of a segment, and says where the damage is', async () => {
    const { files, writer, options } = await setup();
    const [s1, s2, s3] = await Promise.all(['s1', 's2', 's3'].map((s) => writer(s)));
    // Three journal writes, one record each: s1's line, s2's line, s3's line.
    for (const w of [s1, s2, s3]) await w!.durable(w!.append(mark(1)));
    const [segment] = await files.list(DIR);
    const file = `${DIR}/${segment}`;
    const bytes = await files.read(file);
    const records = decodeRecords(bytes);
    expect(records.map((r) => r.name)).toEqual(['s1.jsonl', 's2.jsonl', 's3.jsonl']);
    // The disk changes a byte of the second record's data.
    const second = bytes.indexOf('s2.jsonl') + 's2.jsonl'.length + 3;
    const handle = await files.open(file);
    await handle.write(Buffer.from('X'), second);
    await handle.datasync();
    files.crash();
    const said: string[] = [];
    const recovered = await Journal.recover({ ...options, log: (message) => said.push(message) });
    expect(recovered.records).toBe(2);
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1]);
    expect(seqs(files.text(`${REC}/s3.jsonl`))).toEqual([1]);
    expect(seqs(files.text(`${REC}/s2.jsonl`))).toEqual([]);
    expect(said).toEqual([expect.stringMatching(new RegExp(`^journal: \\d+ bytes of ${segment} from byte \\d+ are damaged`))]);
  });

  it('gathers several rooms into one journal write, and each file gets its lines later in one write', async () => {
    const { files, clock, writer, journalWrites } = await setup();
    const rooms = await Promise.all(['s1', 's2', 's3'].map((s) => writer(s)));
    const before = journalWrites();
    const acked = rooms.flatMap((w) => [1, 2].map((i) => w.durable(w.append(mark(i)))));
    await settle();
    await Promise.all(acked);
    expect(journalWrites() - before).toBe(1);
    // More lines within the gap wait for it, then go together.
    const more = rooms.map((w) => w.durable(w.append(mark(3))));
    await Promise.all(more);
    expect(journalWrites() - before).toBe(2);
    const fileSyncs = (s: string) => files.syncs.get(`${REC}/${s}.jsonl`) ?? 0;
    const header = fileSyncs('s1');
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([]);
    clock.advance(FILE_EVERY_MS);
    await settle();
    for (const s of ['s1', 's2', 's3']) expect(seqs(files.text(`${REC}/${s}.jsonl`))).toEqual([1, 2, 3]);
    expect(fileSyncs('s1') - header).toBe(1);
  });

  it("the recording as it stands: the file's lines, then those only the journal has, then those not yet durable", async () => {
    const { files, writer } = await setup();
    const w = await writer('s1');
    await Promise.all([1, 2].map((i) => w.durable(w.append(mark(i)))));
    await w.durable(w.append(mark(3)));
    w.append(mark(4));
    // 1–3 are in the journal only (two batches), 4 nowhere yet; the file has its header.
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([]);
    expect(seqs(w.contentsSync())).toEqual([1, 2, 3, 4]);
    expect(seqs((await w.durableTextIfFileBehind()) ?? '')).toEqual([1, 2, 3]);
  });

  it('a download read while the file catches up has each line once', async () => {
    /** A disk whose reads take the file as it is, then arrive only once `release`d. */
    class SlowReads extends MemoryFiles {
      gate: Promise<void> = Promise.resolve();
      override async read(file: string) {
        const data = await super.read(file);
        await this.gate;
        return data;
      }
    }
    const files = new SlowReads();
    const { clock, writer } = await setup(files);
    const w = await writer('s1');
    await Promise.all([1, 2, 3].map((i) => w.durable(w.append(mark(i)))));
    let release = () => {};
    files.gate = new Promise<void>((r) => {
      release = r;
    });
    const text = w.durableTextIfFileBehind();
    // The read has the file as it was (its header); meanwhile the file gets lines 1–3, and the
    // journal's copy of them is let go.
    clock.advance(FILE_EVERY_MS);
    await settle();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3]);
    release();
    expect(seqs((await text) ?? '')).toEqual([1, 2, 3]);
  });

  it('lines appended while the journal writes come after its batch, in the journal and in the file', async () => {
    const files = new GatedFiles();
    const { clock, writer } = await setup(files);
    const w = await writer('s1');
    const held = files.hold();
    const first = w.durable(w.append(mark(1)));
    await held.writing;
    // Line 1's batch is being written to the journal: 2 and 3 come meanwhile.
    const more = [2, 3].map((i) => w.durable(w.append(mark(i))));
    expect(seqs(w.contentsSync())).toEqual([1, 2, 3]);
    held.release();
    await Promise.all([first, ...more]);
    expect(seqs(w.contentsSync())).toEqual([1, 2, 3]);
    expect(seqs((await w.durableTextIfFileBehind()) ?? '')).toEqual([1, 2, 3]);
    clock.advance(FILE_EVERY_MS);
    await settle();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3]);
    expect(await w.durableTextIfFileBehind()).toBeNull();
  });

  it('a room abandoned while the journal writes (another process owns it) writes nothing more, and its waiters are told', async () => {
    const files = new GatedFiles();
    const { writer } = await setup(files);
    const w = await writer('s1');
    const statuses: string[] = [];
    w.watch((st) => statuses.push(st.state));
    const held = files.hold();
    const first = w.durable(w.append(mark(1)));
    await held.writing;
    w.abandon();
    await expect(first).rejects.toThrow(/another process owns this room/);
    held.release();
    await settle();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([]);
    expect(w.contentsSync()).not.toContain('"seq":1');
    expect(statuses).toEqual([]);
  });

  it('deletes a segment once every file has its lines on disk', async () => {
    const { files, clock, writer } = await setup();
    const w = await writer('s1');
    const first = await files.list(DIR);
    expect(first).toHaveLength(1);
    await w.durable(w.append(mark(1)));
    // Line 1 reaches its file; line 2 is journaled just before the segment is old enough.
    clock.advance(SEGMENT_MS - 1);
    await settle();
    await w.durable(w.append(mark(2)));
    clock.advance(1);
    // The next batch starts the next segment; the first still holds line 2, not yet in its file.
    await w.durable(w.append(mark(3)));
    const both = (await files.list(DIR)).sort();
    expect(both).toEqual([first[0], expect.stringMatching(/journal-0+2\.log/)]);
    clock.advance(FILE_EVERY_MS);
    await settle();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3]);
    expect(await files.list(DIR)).toEqual([both[1]]);
  });

  it('a journal write that fails acknowledges nothing, leaves no torn record, and is retried', async () => {
    const { files, clock, writer } = await setup();
    const w = await writer('s1');
    await w.durable(w.append(mark(1)));
    // A full disk: the journal's write is torn, then the room's own file cannot take it either.
    files.failNext('write', 'ENOSPC', 7);
    files.failNext('write', 'ENOSPC', 5);
    let acked = false;
    void w.durable(w.append(mark(2))).then(() => (acked = true));
    // (after the gap the journal leaves after a batch, in real time)
    for (let i = 0; i < 100 && w.available; i++) await pause(JOURNAL_GAP_MS);
    await settle();
    expect(acked).toBe(false);
    expect(w.status).toMatchObject({ state: 'unavailable', reason: 'disk_full' });
    const [segment] = await files.list(DIR);
    expect(decodeRecords(Buffer.from(files.text(`${DIR}/${segment}`)))).toHaveLength(1);
    clock.advance(RETRY_MS);
    for (let i = 0; i < 100 && !acked; i++) await pause(JOURNAL_GAP_MS);
    expect(acked).toBe(true);
    expect(w.available).toBe(true);
    files.crash();
    await Journal.recover({ files, dir: DIR, recordingsDir: REC, clock });
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2]);
  });

  it('a download waits for the file itself, and the end of a session leaves nothing in the journal', async () => {
    const { files, writer } = await setup();
    const w = await writer('s1');
    w.append(mark(1));
    w.append(mark(2));
    await w.settled();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2]);
    w.append(mark(3));
    await w.finish();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3]);
    files.crash();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3]);
  });

  it('recovery skips a recording deleted since, and puts the others back', async () => {
    const { files, writer, options } = await setup();
    const a = await writer('s1');
    const b = await writer('s2');
    await Promise.all([a.durable(a.append(mark(1))), b.durable(b.append(mark(1)))]);
    await files.remove(`${REC}/s1.jsonl`);
    await files.syncDir(REC);
    files.crash();
    const recovered = await Journal.recover(options);
    expect(recovered).toMatchObject({ records: 1, files: 1 });
    expect(files.files.has(`${REC}/s1.jsonl`)).toBe(false);
    expect(seqs(files.text(`${REC}/s2.jsonl`))).toEqual([1]);
  });
});

describe('when the journal or a file fails', () => {
  it('a journal that cannot be written: each room writes its own file durably, and loses nothing', async () => {
    const { files, clock, writer } = await setup();
    const w = await writer('s1');
    await w.durable(w.append(mark(1)));
    // The journal's next write fails; the room's own file takes lines 1 and 2 at once.
    files.failNext('write', 'EIO');
    await pause(JOURNAL_GAP_MS);
    await w.durable(w.append(mark(2)));
    expect(w.available).toBe(true);
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2]);
    files.crash();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2]);
    void clock;
  });

  it('while the file fails, the room stays unavailable, and a download gets the lines only the journal has', async () => {
    const { files, clock, writer } = await setup();
    const w = await writer('s1');
    await w.durable(w.append(mark(1)));
    // Asked before the file's next write (the read runs meanwhile).
    const early = w.durableTextIfFileBehind();
    files.failNext('write', 'EIO');
    files.failNext('write', 'EIO');
    await w.settled();
    expect(seqs((await early) ?? '')).toEqual([1]);
    expect(w.status).toMatchObject({ state: 'unavailable', reason: 'io' });
    // Line 1 is acknowledged: in the journal, not in the file; a download must have it.
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([]);
    expect(seqs((await w.durableTextIfFileBehind()) ?? '')).toEqual([1]);
    // A line appended meanwhile does not make the room available again (its first retry meets
    // the second failure); the next retry writes both.
    w.append(mark(2));
    clock.advance(RETRY_MS);
    await pause(JOURNAL_GAP_MS);
    expect(w.available).toBe(false);
    for (let i = 0; i < 100 && seqs(files.text(`${REC}/s1.jsonl`)).length < 2; i++) {
      clock.advance(RETRY_MS);
      await pause(JOURNAL_GAP_MS);
    }
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2]);
    expect(w.available).toBe(true);
    expect(await w.durableTextIfFileBehind()).toBeNull();
  });

  /** A room whose line 1 is journaled, and whose own file fails from then on. */
  async function fileBroken() {
    const files = new BrokenFiles();
    const { clock, writer } = await setup(files);
    const w = await writer('s1');
    await w.durable(w.append(mark(1)));
    files.broken = true;
    return { files, clock, w };
  }

  it('while a file keeps failing, lines nobody waits for wait for it instead of keeping segment after segment of the journal', async () => {
    const { files, clock, w } = await fileBroken();
    clock.advance(FILE_EVERY_MS);
    for (let i = 0; i < 100 && w.available; i++) await pause(1);
    expect(w.status).toMatchObject({ state: 'unavailable', reason: 'io' });
    // The room's timers go on writing lines (nobody waits for them) over many segments' time.
    for (let seq = 2; seq <= 6; seq++) {
      w.append(mark(seq));
      clock.advance(Math.max(RETRY_MS, SEGMENT_MS));
      await pause(JOURNAL_GAP_MS);
      await settle();
    }
    expect(await files.list(DIR)).toHaveLength(1);
    // A line someone waits for is journaled at the next retry (acknowledged), and the room stays unavailable.
    const acked = w.durable(w.append(mark(7)));
    clock.advance(RETRY_MS);
    await acked;
    expect(w.available).toBe(false);
    expect(await files.list(DIR)).toHaveLength(2);
    // The file is back: every line goes there (at the next retry).
    files.broken = false;
    for (let i = 0; i < 100 && seqs(files.text(`${REC}/s1.jsonl`)).length < 7; i++) {
      clock.advance(RETRY_MS);
      await pause(JOURNAL_GAP_MS);
    }
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(w.available).toBe(true);
  });

  it('a finished segment that cannot be deleted does not keep the others', async () => {
    const { files, clock, w } = await fileBroken();
    // Lines someone waits for are journaled while the file fails, a segment's time apart.
    for (const seq of [2, 3]) {
      clock.advance(SEGMENT_MS);
      await w.durable(w.append(mark(seq)));
    }
    const before = (await files.list(DIR)).sort();
    expect(before).toHaveLength(3);
    files.broken = false;
    files.failNext('remove', 'EBUSY');
    for (let i = 0; i < 100 && seqs(files.text(`${REC}/s1.jsonl`)).length < 3; i++) {
      clock.advance(RETRY_MS);
      await pause(JOURNAL_GAP_MS);
    }
    await settle();
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1, 2, 3]);
    // The first could not be deleted (it is only replayed again after a restart); the second was.
    expect((await files.list(DIR)).sort()).toEqual([before[0], before[2]]);
  });

  it('a segment that cannot be started: the current one goes on', async () => {
    const { files, clock, writer } = await setup();
    const w = await writer('s1');
    await w.durable(w.append(mark(1)));
    clock.advance(SEGMENT_MS);
    files.failNext('create', 'ENOSPC');
    await pause(JOURNAL_GAP_MS);
    await w.durable(w.append(mark(2)));
    expect(w.available).toBe(true);
    expect(await files.list(DIR)).toHaveLength(1);
  });

  it("recovery: a file where the journal's folder should be is nothing to put back (the journal then cannot start); no permission stops the start", async () => {
    const { files, options } = await setup();
    files.failNext('mkdir', 'ENOTDIR');
    const said: string[] = [];
    expect(await Journal.recover({ ...options, log: (message) => said.push(message) })).toMatchObject({ records: 0, files: 0, last: 0 });
    expect(said).toEqual([expect.stringContaining('a file is where its folder')]);
    files.failNext('mkdir', 'EACCES');
    await expect(Journal.recover(options)).rejects.toThrow(/EACCES/);
    // A cluster's start asks the same folder whether it holds records: none, and it starts.
    files.failNext('mkdir', 'EEXIST');
    expect(await Journal.holdsRecords(options)).toBe(false);
    files.failNext('mkdir', 'EACCES');
    await expect(Journal.holdsRecords(options)).rejects.toThrow(/EACCES/);
  });

  it('recovery: a segment that cannot be read stops the start, says what to do, and is kept', async () => {
    const { files, writer, options } = await setup();
    const w = await writer('s1');
    await w.durable(w.append(mark(1)));
    files.crash();
    const segments = await files.list(DIR);
    files.failNext('read', 'EACCES');
    await expect(Journal.recover(options)).rejects.toThrow(
      /journal segment .* cannot be read \(EACCES\).*acknowledged.*readable and writable/,
    );
    // Nothing was lost: readable again, the next start puts the line back.
    expect(await files.list(DIR)).toEqual(segments);
    expect((await Journal.recover(options)).records).toBe(1);
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1]);
  });

  it('recovery: a recording that cannot take its lines is reported, and the journal kept for the next start', async () => {
    const { files, writer, options } = await setup();
    const a = await writer('s1');
    const b = await writer('s2');
    await Promise.all([a.durable(a.append(mark(1))), b.durable(b.append(mark(1)))]);
    files.crash();
    files.failNext('open', 'EACCES');
    const first = await Journal.recover(options);
    expect(first.failed.size).toBe(1);
    expect(first.records).toBe(1);
    // Only the failed recording's records are kept, in a segment of their own.
    const kept = await files.list(DIR);
    expect(kept).toHaveLength(1);
    expect(decodeRecords(Buffer.from(files.text(`${DIR}/${kept[0]}`))).map((r) => r.name)).toEqual(['s1.jsonl']);
    expect(await Journal.holdsRecords(options)).toBe(true);
    const again = await Journal.recover(options);
    expect(again.failed.size).toBe(0);
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1]);
    expect(seqs(files.text(`${REC}/s2.jsonl`))).toEqual([1]);
    expect(await Journal.holdsRecords(options)).toBe(false);
  });
});

describe('the journal at shutdown', () => {
  it('leaves no segment once the recordings are closed, and keeps one a file still needs', async () => {
    const { files, writer, journal, options } = await setup();
    const a = await writer('s1');
    await a.durable(a.append(mark(1)));
    await a.close();
    await journal.close();
    expect(await files.list(DIR)).toEqual([]);
    expect(seqs(files.text(`${REC}/s1.jsonl`))).toEqual([1]);

    const again = await setup(files);
    const b = await again.writer('s2');
    await b.durable(b.append(mark(1)));
    // The file cannot take the line at shutdown: the journal keeps it for the next start.
    // (close tries twice: once in the batch under way, once more itself)
    files.failNext('write', 'EIO');
    files.failNext('write', 'EIO');
    expect(await b.close()).toBe(0);
    await again.journal.close();
    expect(await files.list(DIR)).toHaveLength(1);
    expect(seqs(files.text(`${REC}/s2.jsonl`))).toEqual([]);
    await Journal.recover(options);
    expect(seqs(files.text(`${REC}/s2.jsonl`))).toEqual([1]);
  });
});
