// The rooms this server hosts: created by instructors, found by code, restored from their
// recordings when the server restarts, and forgotten once ended.

import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { defaultFaults } from '../shared/net/faults';
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordingHeader } from '../shared/protocol/recordingFormat';
import type { Games } from '../shared/games/types';
import { fold } from '../shared/session/fold';
import { parseRecordingHeader } from '../shared/session/recording';
import { seedFrom } from '../shared/rng';
import { normaliseRoomCode } from '../shared/protocol/ids';
import { fail, ok, type Result } from '../shared/protocol/result';
import { formatRecovery, hashSecret, keyFromRecovery, newRecoveryCode, newRoomCode, newSessionId } from './auth';
import type { Clock } from './clock';
import type { Config } from './config';
import type { LogFn } from './log';
import type { Journal } from './journal';
import { RecordingUnavailableError, RecordingWriter } from './recorder';
import { diskFiles, type RecordingFiles } from './recordingFiles';
import { restoreRecording } from './recordingReader';
import { Room, type RoomDeps, type RoomOutput } from './room';
import type { RoomCheck, SetAsideNotice } from '../shared/protocol/events';
import type { AckPolicy } from './roomRecording';

export interface RegistryOptions {
  /** The file system recordings are written to (tests hand in one that fails). */
  files?: RecordingFiles;
  acknowledge?: AckPolicy;
  log?: LogFn;
  /** Cluster mode: room codes and ownership in Redis (server/cluster/cluster.ts). */
  cluster?: RegistryCluster;
  /** One process alone: the journal that makes the rooms' lines durable together (server/journal.ts). */
  journal?: Journal;
}

/** What the registry asks of the cluster: a code reserved for the whole cluster, and the room's lease. */
export interface RegistryCluster {
  /**
   * Takes the lease of a new room's code, then reserves the code for this session across the
   * cluster (in that order: a code is never seen without an owner); its fencing token, or null
   * if the code is taken.
   */
  claim(code: string, session: string): Promise<{ fence: number } | null>;
  /** Whether this process owns the room right now (asked before every input). */
  owns(code: string): boolean;
  /** The room is forgotten: its code and lease are given back. */
  forget(code: string): void;
  /** The session a room code of the cluster has (whichever process owns it, or an ended one's), or null. */
  sessionOf(code: string): Promise<string | null>;
  /** The room's session has ended: every process answers "ended" for its code from now on, even once it is forgotten. */
  ended(code: string, session: string): void;
  /** The share link of an ended room's replay, for every process to offer its phones. */
  setReplay(code: string, url: string): void;
  /** What the cluster remembers of a room's code that this process does not hold: ended, with its replay link. */
  past(code: string): Promise<{ replay: string | null } | null>;
}

/** Codes of ended rooms are remembered so a late phone hears "ended", not "unknown". */
const ENDED_REMEMBERED = 10_000;

/** The room code in a recording's header line, or null. */
function headerCode(text: Buffer): string | null {
  const end = text.indexOf(0x0a);
  try {
    return parseRecordingHeader(text.subarray(0, end < 0 ? text.length : end).toString('utf8')).room;
  } catch {
    return null;
  }
}

export interface RecordingInfo {
  session: string;
  room: string;
  startedAt: string;
  bytes: number;
  ended: boolean;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly ended = new Set<string>();
  /**
   * Codes of rooms whose recordings the journal could not complete at the start: not restored,
   * not given to a new room, and a phone is told the room cannot be opened now.
   */
  private readonly unrestorable = new Set<string>();
  /** Their recordings' file names: the files lack lines only the journal holds. */
  private readonly heldFiles = new Set<string>();
  /** Share links of rooms' replays, by room code: offered to the room's phones once it has ended. */
  private readonly replays = new Map<string, string>();
  readonly recordingsDir: string;

  constructor(
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly output: RoomOutput,
    private readonly games: Games,
    private readonly options: RegistryOptions = {},
  ) {
    this.recordingsDir = path.join(config.dataDir, 'recordings');
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Looks a room up by what a student typed; the error says why it cannot be joined. */
  find(input: string): Result<Room> {
    const code = normaliseRoomCode(input);
    if (!code) return fail('bad_code', 'A room code has 5 letters and digits, like K7QX3.');
    const room = this.rooms.get(code);
    if (room && !room.state.ended) return ok(room);
    if (room || this.ended.has(code)) return fail('room_ended', `Room ${code} has ended.`);
    if (this.unrestorable.has(code))
      return fail(
        'recording_unavailable',
        `Room ${code} cannot be opened right now: the server could not read its recording back. Your instructor has been told.`,
      );
    return fail('unknown_room', `There is no room ${code}. Check the code on the projector.`, { code });
  }

  /**
   * What a phone learns from a code before the nickname: no change to anything. In cluster mode
   * an ended room's code and its replay link are remembered in Redis, so any process can answer.
   */
  async check(input: string): Promise<Result<RoomCheck>> {
    const code = normaliseRoomCode(input);
    if (!code) return fail('bad_code', 'A room code has 5 letters and digits, like K7QX3.');
    const room = this.rooms.get(code);
    const cluster = this.options.cluster;
    if (!room || room.state.ended) {
      const known = !!room || this.ended.has(code);
      const local = this.replays.get(code);
      const past = cluster && (!known || !local) ? await cluster.past(code) : null;
      if (!known && !past) return fail('unknown_room', `There is no room ${code}. Check the code on the projector.`, { code });
      return ok({ code, status: 'ended', replay: local ?? past?.replay ?? null });
    }
    const s = room.state;
    const status = s.locked ? 'locked' : s.active >= s.header.capacity ? 'full' : 'open';
    return ok({ code, status, replay: null });
  }

  /** The instructor shared the replay of `code`'s session: its phones may be offered the link once it ends. */
  setReplayLink(code: string, url: string): void {
    this.replays.delete(code);
    this.replays.set(code, url);
    if (this.replays.size > ENDED_REMEMBERED) this.replays.delete(this.replays.keys().next().value as string);
    this.options.cluster?.setReplay(code, url);
  }

  /** A new room; refused when its recording cannot be started (the disk is full…). */
  async create(capacity = this.config.capacity): Promise<Result<{ room: Room; key: string; recovery: string }>> {
    await mkdir(this.recordingsDir, { recursive: true });
    const cluster = this.options.cluster;
    const session = newSessionId();
    let code = newRoomCode();
    let lease: { fence: number } | null = null;
    for (;;) {
      if (!this.rooms.has(code) && !this.ended.has(code) && !this.unrestorable.has(code)) {
        if (!cluster) break;
        lease = await cluster.claim(code, session);
        if (lease) break;
      }
      code = newRoomCode();
    }
    // The key comes from the recovery code, so typing the code on any browser gives the key back.
    const recovery = newRecoveryCode();
    const key = keyFromRecovery(recovery);
    const startedAt = new Date(this.clock.now()).toISOString();
    const header: RecordingHeader = {
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      session,
      room: code,
      startedAt,
      seed: seedFrom(`${session}:${startedAt}`),
      capacity,
      keyHash: hashSecret(key),
      faults: defaultFaults(this.config.defaultLatency),
      vectorClocks: true,
    };
    let writer: RecordingWriter;
    try {
      writer = await RecordingWriter.create(this.fileFor(session), header, this.writerOptions(code));
    } catch (err) {
      if (cluster) cluster.forget(code);
      if (!(err instanceof RecordingUnavailableError)) throw err;
      return fail('recording_unavailable', `A new room cannot be recorded: ${err.message}`);
    }
    const room = new Room(header, this.roomDeps(code, writer, null));
    this.rooms.set(code, room);
    if (lease) room.recordOwner(lease.fence);
    return ok({ room, key, recovery: formatRecovery(recovery) });
  }

  private writerOptions(code?: string) {
    const cluster = this.options.cluster;
    return {
      clock: this.clock,
      files: this.options.files ?? diskFiles,
      ...(cluster && code ? { fence: () => cluster.owns(code) } : {}),
      // A room moves between the processes of a cluster: there, each writes its room's own file.
      journal: cluster ? null : (this.options.journal ?? null),
    };
  }

  /**
   * Cluster mode: this process took the lease of a room whose owner is gone, with token `fence`.
   * First the recording is fenced: its whole lines are copied to a new file that is renamed
   * over it, so a former owner that is only paused, and still holds the old file open, can
   * write nothing the room's readers will see. Then the room is restored from it, as after a
   * restart, and records its new owner.
   */
  async takeOver(code: string, session: string, fence: number, log: LogFn = () => {}): Promise<Room | null> {
    const files = this.options.files ?? diskFiles;
    const file = this.fileFor(session);
    const data = await files.read(file);
    const copy = `${file}.fence-${fence}`;
    const out = await files.create(copy);
    try {
      let at = 0;
      while (at < data.length) at += await out.write(data.subarray(at), at);
      await out.datasync();
    } finally {
      await out.close();
    }
    await files.rename(copy, file);
    // Durably renamed before this process writes into it: after a machine crash the room's
    // file must be the fenced copy with the new owner's lines, not the old one without them.
    await files.syncDir(path.dirname(file));
    const parsed = await restoreRecording(file, files);
    const state = fold(parsed.header, parsed.events, this.games);
    if (state.ended) {
      // Its owner died after the session ended: nothing to run. Its code is remembered as
      // ended for the whole cluster and given back, so no process takes it over again.
      this.remember(code);
      this.options.cluster?.ended(code, session);
      this.options.cluster?.forget(code);
      log(`took over ended room ${code} (fence ${fence}): remembered as ended, lease given back`, { room: code });
      return null;
    }
    const aside = parsed.setAside;
    const setAside = aside ? { file: path.basename(aside.file), fromLine: aside.fromLine, lines: aside.lines, why: aside.why } : null;
    const writer = await RecordingWriter.reopen(file, this.writerOptions(code), parsed.size);
    const room = new Room(state, this.roomDeps(code, writer, setAside));
    this.rooms.set(code, room);
    room.recordOwner(fence);
    log(`took over room ${code} (fence ${fence}, ${state.active} nodes, ${parsed.events.length} events)`, { room: code });
    return room;
  }

  /** Cluster mode: another process owns the room now; this one stops it at once and forgets it. */
  lost(code: string): void {
    const room = this.rooms.get(code);
    room?.abandon();
    this.rooms.delete(code);
    this.ended.delete(code);
  }

  private roomDeps(code: string, writer: RecordingWriter, setAside: SetAsideNotice | null): RoomDeps {
    const cluster = this.options.cluster;
    return {
      ...(cluster ? { owns: () => cluster.owns(code) } : {}),
      clock: this.clock,
      writer,
      output: this.output,
      games: this.games,
      acknowledge: this.options.acknowledge,
      setAside,
      log: this.options.log,
      onEnded: (r: Room) => this.onEnded(r),
    };
  }

  /**
   * Brings back every room whose recording has not ended (a server restart must not end a
   * class). Unreadable recordings are reported and left alone, and so are those in `skip` (by
   * file name: the journal could not give them their last lines).
   */
  async restore(log: LogFn = () => {}, skip: ReadonlyMap<string, string> = new Map()): Promise<number> {
    await mkdir(this.recordingsDir, { recursive: true });
    let restored = 0;
    const files = this.options.files ?? diskFiles;
    for (const name of skip.keys()) {
      this.heldFiles.add(name);
      const text = await files.read(path.join(this.recordingsDir, name)).catch(() => null);
      const code = text ? headerCode(text) : null;
      if (code) this.unrestorable.add(code);
      log(
        `${name}: not restored, the journal could not give it its last lines (${skip.get(name)}); room ${code ?? '?'} is held until a start that can`,
        {
          room: code ?? undefined,
        },
      );
    }
    for (const name of (await readdir(this.recordingsDir)).filter((f) => f.endsWith('.jsonl') && !skip.has(f))) {
      const file = path.join(this.recordingsDir, name);
      try {
        const files = this.options.files ?? diskFiles;
        const parsed = await restoreRecording(file, files);
        const state = fold(parsed.header, parsed.events, this.games);
        const code = parsed.header.room;
        const aside = parsed.setAside;
        if (aside) {
          log(
            `${name}: line ${aside.fromLine} is damaged (${aside.why}); the ${aside.lines} lines from there were moved to ${path.basename(aside.file)}, everything before it is restored`,
            { room: code },
          );
        }
        if (state.ended || this.rooms.has(code)) {
          this.ended.add(code);
          continue;
        }
        const writer = await RecordingWriter.reopen(file, this.writerOptions(), parsed.size);
        const setAside = aside ? { file: path.basename(aside.file), fromLine: aside.fromLine, lines: aside.lines, why: aside.why } : null;
        const room = new Room(state, this.roomDeps(code, writer, setAside));
        this.rooms.set(code, room);
        restored++;
        log(`restored room ${code} (${state.active} nodes, ${parsed.events.length} events${parsed.torn ? ', torn last line cut' : ''})`, {
          room: code,
        });
      } catch (err) {
        log(`could not restore ${name}`, { err });
      }
    }
    return restored;
  }

  /** Ends rooms nobody has used for a long time. */
  sweepIdle(): void {
    const now = this.clock.now();
    for (const room of this.rooms.values()) {
      if (now - room.lastActivity > this.config.idleRoomMs) void room.end('idle');
    }
  }

  /** The recording of a room's session (one room code is one session). */
  async recordingsOf(room: Room): Promise<RecordingInfo[]> {
    const h = room.state.header;
    const file = this.fileFor(h.session);
    const bytes = (await stat(file)).size;
    return [{ session: h.session, room: h.room, startedAt: h.startedAt, bytes, ended: room.state.ended }];
  }

  /** Finds a room by code, ended or not (for its recordings). */
  /** The open rooms this instructor key (the room key itself) opens. */
  openedBy(key: string): Room[] {
    return [...this.rooms.values()].filter((r) => !r.state.ended && r.checkKey(key)?.kind === 'owner');
  }

  anyRoom(code: string): Room | undefined {
    return this.rooms.get(code);
  }

  /**
   * Cluster mode: the session of a room of the cluster that this process does not hold (another
   * owns it), with whether it has ended as its recording says; null when there is none.
   */
  async elsewhere(code: string): Promise<{ session: string; ended: boolean } | null> {
    const cluster = this.options.cluster;
    if (!cluster || this.rooms.has(code)) return null;
    const session = await cluster.sessionOf(code);
    if (!session) return null;
    const text = await (this.options.files ?? diskFiles).read(this.fileFor(session)).catch(() => null);
    if (!text) return null;
    return { session, ended: text.includes('"type":"session:ended"') };
  }

  fileFor(session: string): string {
    return path.join(this.recordingsDir, `${session}.jsonl`);
  }

  /**
   * Whether the session's recording was held at the start (`restore`): its file lacks lines the
   * journal keeps for a start that can write them back, so it is neither sent as it stands (a
   * replay of it would end early without saying so) nor deleted (the journal would be left
   * holding lines for a file that is gone).
   */
  held(session: string): boolean {
    return this.heldFiles.has(path.basename(this.fileFor(session)));
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((r) => r.close()));
  }

  private remember(code: string): void {
    this.ended.add(code);
    if (this.ended.size > ENDED_REMEMBERED) this.ended.delete(this.ended.values().next().value as string);
  }

  private onEnded(room: Room): void {
    // An ended room keeps answering for its recordings for a while, then is forgotten.
    this.remember(room.code);
    this.options.cluster?.ended(room.code, room.state.header.session);
    this.clock.setTimeout(() => {
      if (this.rooms.get(room.code) === room) {
        this.rooms.delete(room.code);
        this.options.cluster?.forget(room.code);
      }
    }, 6 * 3_600_000);
  }
}
