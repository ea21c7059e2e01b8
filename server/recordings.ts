// The recordings kept on this server (DATA_DIR/recordings/<session>.jsonl): listed for the
// instructor keys a browser holds, downloaded, deleted, and shared read-only with students.
//
// Who may do what: a recording's header holds the sha-256 of its room's instructor key; the
// key lists, downloads, deletes and shares it. A share token opens exactly one recording,
// read-only; tokens live in sidecar files (DATA_DIR/shares/<session>.json) as sha-256 hashes,
// never inside the recording and never in clear. Session ids are checked against their
// alphabet before they touch a path.

import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RecordingHeader } from '../shared/protocol/recordingFormat';
import { RecordingSummarizer, type RecordingSummary } from '../shared/replay/summary';
import { parseRecordingHeader, readEvents, RecordingError, recordingLines } from '../shared/session/recording';
import { fail, ok, type Result } from '../shared/protocol/result';
import { hashesEqual, hashSecret, newSecret } from './auth';
import type { Room } from './room';
import type { RoomRegistry } from './rooms';
import type { RecordingEntry } from '../shared/protocol/recordings';
import { syncDir } from './recordingFiles';

/** nanoid's alphabet; the server makes 12-character ids, older or foreign ones may differ. */
const SESSION_ID = /^[A-Za-z0-9_-]{6,64}$/;
/** Share links one recording may have at once. */
const MAX_SHARES = 20;
/** The header is the first line: a few hundred bytes, never more than this. */
const HEADER_MAX = 256 * 1024;

export type { RecordingEntry };

export const isSessionId = (id: string): boolean => SESSION_ID.test(id);

export type Access = 'owner' | 'share';

interface ShareFile {
  session: string;
  tokens: { hash: string; createdAt: string }[];
}

interface Summarised {
  size: number;
  mtimeMs: number;
  entry: Omit<RecordingEntry, 'live' | 'held' | 'shares'>;
}

const heldRecording = (room: string) =>
  fail(
    'recording_held',
    `The recording of room ${room} lacks its last lines: the server keeps them in its journal and could not write them back at its start (see its log). It can be opened once a start has put them back.`,
    { room },
  );

export class RecordingStore {
  readonly recordingsDir: string;
  readonly sharesDir: string;
  private readonly summaries = new Map<string, Summarised>();

  constructor(
    dataDir: string,
    private readonly registry: RoomRegistry,
  ) {
    this.recordingsDir = registry.recordingsDir;
    this.sharesDir = path.join(dataDir, 'shares');
  }

  /** The registry's file for a session, once the id is known to be safe in a path. */
  fileFor(session: string): string {
    if (!isSessionId(session)) throw new Error(`bad session id ${JSON.stringify(session)}`);
    return this.registry.fileFor(session);
  }

  /** The recordings whose instructor key is one of `keys`, newest first. */
  async list(keys: readonly string[]): Promise<RecordingEntry[]> {
    const hashes = [...new Set(keys)].filter((k) => k.length > 0).map(hashSecret);
    if (!hashes.length) return [];
    let names: string[];
    try {
      names = (await readdir(this.recordingsDir)).filter((f) => f.endsWith('.jsonl'));
    } catch {
      return [];
    }
    const out: RecordingEntry[] = [];
    for (const name of names) {
      const session = name.slice(0, -'.jsonl'.length);
      if (!isSessionId(session)) continue;
      const header = await this.header(session);
      if (!header || !hashes.some((h) => hashesEqual(h, header.keyHash))) continue;
      const entry = await this.entry(session, header);
      if (entry) out.push(entry);
    }
    return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** What `secret` (an instructor key or a share token) may do with a recording. */
  async access(session: string, secret: string): Promise<Result<{ access: Access; header: RecordingHeader }>> {
    if (!isSessionId(session)) return fail('bad_session', 'That is not a recording id.');
    const header = await this.header(session);
    if (!header) return fail('unknown_recording', 'There is no such recording on this server (it may have been deleted).');
    if (!secret) return fail('forbidden', 'This recording needs its instructor key or a share link.');
    const hash = hashSecret(secret);
    if (hashesEqual(hash, header.keyHash)) return ok({ access: 'owner', header });
    const shares = await this.readShares(session);
    if (shares.tokens.some((t) => hashesEqual(hash, t.hash))) return ok({ access: 'share', header });
    return fail('forbidden', 'This key or share link does not open this recording (a share link may have been withdrawn).');
  }

  /**
   * The file to send, with everything the live room has recorded so far on disk; or, while its
   * file cannot be written, the recording's text with what only the journal has.
   */
  async fileToSend(session: string, header: RecordingHeader): Promise<Result<{ file: string } | { text: string }>> {
    if (this.registry.held(session)) return heldRecording(header.room);
    // An ended room too: its last lines may still be on their way to the file (only the journal has them).
    const room = this.registry.anyRoom(header.room);
    const text = room && room.state.header.session === session ? await room.flushRecording() : null;
    return ok(text === null ? { file: this.fileFor(session) } : { text });
  }

  async remove(session: string, header: RecordingHeader): Promise<Result<null>> {
    if (this.registry.held(session)) return heldRecording(header.room);
    const elsewhere = await this.registry.elsewhere(header.room);
    if (this.liveRoom(session, header) || (elsewhere?.session === session && !elsewhere.ended)) {
      return fail('recording_live', `Room ${header.room} is still running: end its session in the console first.`, {
        room: header.room,
      });
    }
    await rm(this.fileFor(session), { force: true });
    await rm(this.shareFile(session), { force: true });
    // Deleted for good once answered: a crash must not bring the recording or its links back.
    await syncDir(path.dirname(this.fileFor(session)));
    await this.syncShares();
    this.summaries.delete(session);
    return ok(null);
  }

  /** A new read-only link token for one recording (shown once; only its hash is kept). */
  async share(session: string, header: RecordingHeader): Promise<Result<{ token: string; shares: number }>> {
    // A link that could only ever answer recording_held is not made.
    if (this.registry.held(session)) return heldRecording(header.room);
    const shares = await this.readShares(session);
    if (shares.tokens.length >= MAX_SHARES) {
      return fail('too_many_shares', `This recording already has ${MAX_SHARES} share links: withdraw them and make a new one.`, {
        max: MAX_SHARES,
      });
    }
    const token = newSecret();
    shares.tokens.push({ hash: hashSecret(token), createdAt: new Date().toISOString() });
    await this.writeShares(session, shares);
    return ok({ token, shares: shares.tokens.length });
  }

  /** Withdraws every share link of a recording. */
  async unshare(session: string): Promise<void> {
    await rm(this.shareFile(session), { force: true });
    // Withdrawn for good once answered.
    await this.syncShares();
  }

  // ---- internals ----

  private liveRoom(session: string, header: RecordingHeader): Room | null {
    const room = this.registry.anyRoom(header.room);
    return room && room.state.header.session === session && !room.state.ended ? room : null;
  }

  /** The header line, or null when the file is missing or is not a recording. */
  private async header(session: string): Promise<RecordingHeader | null> {
    const handle = await open(this.fileFor(session), 'r').catch(() => null);
    if (!handle) return null;
    try {
      const buf = Buffer.alloc(HEADER_MAX);
      const { bytesRead } = await handle.read(buf, 0, HEADER_MAX, 0);
      const text = buf.subarray(0, bytesRead).toString('utf8');
      const end = text.indexOf('\n');
      const header = parseRecordingHeader(end < 0 ? text : text.slice(0, end));
      return header.session === session ? header : null;
    } catch {
      return null;
    } finally {
      await handle.close();
    }
  }

  private async entry(session: string, header: RecordingHeader): Promise<RecordingEntry | null> {
    const room = this.liveRoom(session, header);
    const shares = (await this.readShares(session)).tokens.length;
    const info = await stat(this.fileFor(session)).catch(() => null);
    if (!info) return null;
    if (room) {
      // A running room: its state is more current than its file.
      const s = room.state;
      const games = [...new Set([...s.rounds.map((r) => r.game), ...(s.round ? [s.round.spec.game] : [])])];
      return {
        session,
        room: header.room,
        startedAt: header.startedAt,
        bytes: info.size,
        events: s.seq,
        durationMs: Math.max(s.t, room.now()),
        games,
        nodes: s.order.length,
        rounds: s.rounds.length + (s.round ? 1 : 0),
        live: true,
        torn: false,
        held: false,
        shares,
      };
    }
    let summarised = this.summaries.get(session);
    if (!summarised || summarised.size !== info.size || summarised.mtimeMs !== info.mtimeMs) {
      const text = await readFile(this.fileFor(session), 'utf8');
      summarised = {
        size: info.size,
        mtimeMs: info.mtimeMs,
        entry: { ...(await summarize(text)), session, room: header.room, startedAt: header.startedAt, bytes: info.size },
      };
      this.summaries.set(session, summarised);
    }
    // Cluster mode: a room another process runs is live too.
    const elsewhere = await this.registry.elsewhere(header.room);
    return { ...summarised.entry, live: elsewhere?.session === session && !elsewhere.ended, held: this.registry.held(session), shares };
  }

  private shareFile(session: string): string {
    if (!isSessionId(session)) throw new Error(`bad session id ${JSON.stringify(session)}`);
    return path.join(this.sharesDir, `${session}.json`);
  }

  private async readShares(session: string): Promise<ShareFile> {
    try {
      const data = JSON.parse(await readFile(this.shareFile(session), 'utf8')) as ShareFile;
      if (data.session === session && Array.isArray(data.tokens)) return data;
    } catch {
      // No sidecar (never shared, or withdrawn) or an unreadable one: no links open it.
    }
    return { session, tokens: [] };
  }

  /** Syncs the share links' folder (none yet: nothing was ever shared, nothing to sync). */
  private async syncShares(): Promise<void> {
    await syncDir(this.sharesDir).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  private async writeShares(session: string, shares: ShareFile): Promise<void> {
    await mkdir(this.sharesDir, { recursive: true });
    const file = this.shareFile(session);
    const tmp = `${file}.${process.pid}.tmp`;
    // The link handed out must open the recording after a crash too: the new list is on disk
    // (its data, then its name) before `share` answers with the token.
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(JSON.stringify(shares));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    await syncDir(this.sharesDir);
  }
}

/** Events summarised between two pauses: a big recording never holds up the rooms for long. */
const EVENTS_PER_SLICE = 5_000;

/**
 * The recordings page's figures for a recording on disk, from the same reader and summariser as
 * the replay. A damaged line inside (never written by this server) ends the count there; opening
 * the recording says where it is damaged.
 */
async function summarize(text: string): Promise<RecordingSummary> {
  const summary = new RecordingSummarizer();
  try {
    const events = readEvents(recordingLines(text));
    let next = events.next();
    for (let n = 1; !next.done; n++) {
      summary.add(next.value);
      if (n % EVENTS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      next = events.next();
    }
    return summary.result(next.value);
  } catch (err) {
    if (err instanceof RecordingError) return summary.result(false);
    throw err;
  }
}
