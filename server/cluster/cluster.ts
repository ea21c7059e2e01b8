// Cluster mode (REDIS_URL set): many server processes serve as one. Redis holds, for the whole
// cluster, the room codes (a hash code → session), each room's lease and fencing token
// (./leases.ts), and which processes are alive. Socket.IO's Redis adapter carries what a room
// broadcasts to its phones, consoles and stages, wherever they are connected (a broadcast to
// sockets all connected to the owner stays on it).
//
// A room is owned by one process, which runs every request of the room. A socket connected to
// another process has its events forwarded to the owner over Redis (on the owner's channel,
// from one connection, so in the order the socket sent them); the owner runs them against a
// stand-in for the socket (./ghosts.ts) and sends the answer back, with what to do to the real
// socket (join a channel…), on the same connection the adapter publishes on, so a phone is in
// its room's channels before anything is broadcast to them.
//
// When an owner dies its leases run out; every process looks for rooms without a lease twice
// a second, and the first to take one restores the room from its recording in the shared
// DATA_DIR. It then tells every process, which closes the transport of its sockets in that
// room: the phones and consoles reconnect and resume as themselves (as after any network cut),
// now on the new owner.

import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { normaliseRoomCode } from '../../shared/protocol/ids';
import { fail, type Result } from '../../shared/protocol/result';
import type { LogFn } from '../log';
import type { RegistryCluster, RoomRegistry } from '../rooms';
import type { IO, Sock } from '../transport';
import { Ghost, GhostDirectory, type GhostOp } from './ghosts';
import { Leases, leaseKey } from './leases';

export interface ClusterOptions {
  redisUrl: string;
  /** The lease's time to live (ms): a dead owner's rooms are taken over within about this. */
  leaseMs: number;
  log: LogFn;
  /** How often rooms without an owner are looked for (ms). */
  scanMs?: number;
}

const ROOMS = 'hc:rooms';
/** An ended room's session, kept after the room is forgotten (a late phone hears "ended"). */
const endedKey = (code: string) => `hc:ended:${code}`;
/** The share link of an ended room's replay. */
const replayKey = (code: string) => `hc:replay:${code}`;
/** How long the cluster remembers an ended room's code and replay link (ms): a week. */
const PAST_MS = 7 * 24 * 3_600_000;
const aliveKey = (process: string) => `hc:alive:${process}`;
/** How long a process counts as alive after it last said so (the lease thread says it too, ./leases.ts). */
const aliveMs = (leaseMs: number) => Math.max(3_000, leaseMs * 2);
const inbox = (process: string) => `hc:to:${process}`;
const EVERYONE = 'hc:all';
/** How long a forwarded request may wait for its answer before the phone is told to try again. */
const REPLY_TIMEOUT_MS = 10_000;
/** Events that name the room they are for (the others are for the room the socket is in). */
const NAMES_ROOM = new Set(['room:check', 'room:join', 'room:resume', 'console:attach', 'remote:claim', 'stage:watch']);
/** Gathered messages for one process go at once when they reach this many characters. */
const OUTBOX_MAX_CHARS = 256 * 1024;
const TRY_AGAIN = 'The server is moving this room to another machine; try again in a moment.';

/** A promise and what settles it: a request's answer, waited for by the socket's disconnect. */
function deferred(): { settled: Promise<void>; done: () => void } {
  let done = () => {};
  const settled = new Promise<void>((resolve) => {
    done = resolve;
  });
  return { settled, done };
}

/** Resolves when `p` does, or after `ms` at the latest. */
function within(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

type Message =
  | { t: 'req'; from: string; sid: string; addr: string; code: string | null; n: number; e: string; a: unknown[]; ack: boolean }
  | { t: 'res'; sid: string; n: number; r: Result<unknown> | null; code: string | null }
  | { t: 'stale'; sid: string; n: number }
  | ({ t: 'op'; sid: string } & GhostOp)
  | { t: 'gone'; sid: string }
  | { t: 'moved'; code: string; owner: string; fence: number };

interface Pending {
  sid: string;
  code: string | null;
  /** Resolves once answered (or given up on). */
  settled: Promise<void>;
  done: () => void;
  ack: ((r: Result<unknown>) => void) | null;
  timer: NodeJS.Timeout;
  retry: () => void;
  tries: number;
}

export class Cluster {
  readonly id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  /**
   * Commands, and every publish (the adapter's and the forwarding's): one connection, one order
   * of publishes. Forwarded messages leave at the end of the turn that sent them (`flushOutbox`),
   * after the commands issued in that turn.
   */
  readonly pub: Redis;
  /** Subscriptions: the adapter's and this process's channels. */
  readonly sub: Redis;
  readonly leases: Leases;
  readonly ghosts = new GhostDirectory(this.id);
  private readonly owners = new Map<string, string>();
  private readonly restoring = new Map<string, Promise<void>>();
  private readonly pending = new Map<string, Pending>();
  /** Per socket, the forwarding of its events one after the other (the owner lookup is async). */
  private readonly queues = new Map<string, Promise<void>>();
  /** Per socket, how many of its events wait in (or still run from) its queue. */
  private readonly queued = new Map<string, number>();
  /** Per socket connected here, the answers it waits for to requests run here at once (`runHere`). */
  private readonly answering = new Map<string, Set<Promise<void>>>();
  /** Per socket connected here, the room it is in as its owner last said. */
  private readonly routes = new Map<string, string>();
  private io: IO | null = null;
  private registry: RoomRegistry | null = null;
  private onConnection: ((s: Sock) => void) | null = null;
  private scanTimer: NodeJS.Timeout | null = null;
  private seq = 0;
  private stopped = false;
  /** Messages for other processes gathered this turn, by process, in order (`flushOutbox`). */
  private readonly outbox = new Map<string, { texts: string[]; chars: number }>();
  private outboxQueued = false;
  /** The connection's own publish, without the flush in front. */
  private readonly publish: (channel: string, message: string) => Promise<number>;

  constructor(private readonly options: ClusterOptions) {
    this.pub = new Redis(options.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    // Every publish on the connection (the adapter's broadcasts, `moved`) goes after the messages
    // this turn has gathered for other processes (`flushOutbox`): a phone is already in its
    // room's channels when something is broadcast to them.
    this.publish = this.pub.publish.bind(this.pub) as (channel: string, message: string) => Promise<number>;
    this.pub.publish = ((channel: string, message: string) => {
      this.flushOutbox();
      return this.publish(channel, message);
    }) as Redis['publish'];
    this.sub = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    for (const c of [this.pub, this.sub]) c.on('error', (err) => options.log('Redis connection error', { err: err.message }));
    this.leases = new Leases(this.pub, this.id, {
      ttlMs: options.leaseMs,
      onLost: (code) => this.lost(code),
      // Renewed off the event loop: a process behind under load keeps its rooms.
      thread: { redisUrl: options.redisUrl, alive: { key: aliveKey(this.id), ttlMs: aliveMs(options.leaseMs) }, log: options.log },
    });
  }

  /** What the room registry asks of the cluster. */
  registryHooks(): RegistryCluster {
    return {
      claim: async (code, session) => {
        // The code of an ended session is not given to a new room while the cluster remembers it.
        if (await this.pub.exists(endedKey(code))) return null;
        const lease = await this.leases.acquire(code);
        if (!lease) return null;
        if ((await this.pub.hsetnx(ROOMS, code, session)) !== 1) {
          await this.leases.release(code);
          return null;
        }
        this.owners.set(code, this.id);
        return lease;
      },
      owns: (code) => this.leases.owns(code),
      sessionOf: async (code) => (await this.pub.hget(ROOMS, code)) ?? (await this.pub.get(endedKey(code))),
      ended: (code, session) => {
        void this.pub
          .set(endedKey(code), session, 'PX', PAST_MS)
          .catch((err) => this.options.log('cluster: ended room not remembered', { err }));
      },
      setReplay: (code, url) => {
        void this.pub.set(replayKey(code), url, 'PX', PAST_MS).catch((err) => this.options.log('cluster: replay link not stored', { err }));
      },
      past: async (code) => {
        const [session, replay] = await this.pub.mget(endedKey(code), replayKey(code));
        return session ? { replay: replay ?? null } : null;
      },
      forget: (code) => {
        void this.leases.release(code).catch(() => {});
        void this.pub.hdel(ROOMS, code).catch(() => {});
      },
    };
  }

  /** Starts serving: subscriptions, heartbeat, lease renewal and the search for orphaned rooms. */
  async start(io: IO, registry: RoomRegistry, onConnection: (s: Sock) => void): Promise<void> {
    this.io = io;
    this.registry = registry;
    this.onConnection = onConnection;
    this.sub.on('message', (channel: string, text: string) => {
      if (channel !== inbox(this.id) && channel !== EVERYONE) return;
      let parsed: Message | Message[];
      try {
        parsed = JSON.parse(text) as Message | Message[];
      } catch (err) {
        return this.options.log('bad cluster message', { err });
      }
      // Several messages from one process's turn come as one array (`flushOutbox`), in order.
      for (const m of Array.isArray(parsed) ? parsed : [parsed]) {
        try {
          this.receive(m);
        } catch (err) {
          this.options.log('bad cluster message', { err });
        }
      }
    });
    await this.sub.subscribe(inbox(this.id), EVERYONE);
    await this.heartbeat();
    this.leases.start();
    io.on('connection', (socket) => this.connect(socket));
    const scanMs = this.options.scanMs ?? Math.max(100, Math.min(500, Math.floor(this.options.leaseMs / 5)));
    this.scanTimer = setInterval(() => void this.scan().catch((err) => this.options.log('cluster scan failed', { err })), scanMs);
    this.scanTimer.unref();
  }

  /** Stopping: no request is taken any more (before the registry closes the rooms). */
  quiesce(): void {
    this.stopped = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
  }

  /** Graceful stop: the rooms are closed by the registry first, then their leases are given back at once. */
  async stop(): Promise<void> {
    this.quiesce();
    // The thread first, so that it says nothing more (alive, renewed) once the keys are gone.
    await this.leases.stop();
    await this.leases.releaseAll();
    await this.pub.del(aliveKey(this.id)).catch(() => {});
    for (const p of this.pending.values()) clearTimeout(p.timer);
  }

  /** After Socket.IO has closed: QUIT goes after the adapter's last unsubscribes, which it does not wait for. */
  async disconnect(): Promise<void> {
    await Promise.all([this.sub.quit().catch(() => {}), this.pub.quit().catch(() => {})]);
  }

  /** Recordings in DATA_DIR that are not ended and that the cluster does not know (Redis was emptied): offered for takeover. */
  async adopt(recordingsDir: string): Promise<number> {
    let adopted = 0;
    for (const name of (await readdir(recordingsDir).catch(() => [] as string[])).filter((f) => f.endsWith('.jsonl'))) {
      try {
        const text = await readFile(path.join(recordingsDir, name), 'utf8');
        const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { room?: string; session?: string };
        if (!header.room || !header.session || text.includes('"type":"session:ended"')) continue;
        if ((await this.pub.hsetnx(ROOMS, header.room, header.session)) === 1) adopted++;
      } catch {
        // Not a recording this server can read: the single-process restore reports those.
      }
    }
    return adopted;
  }

  // ---- the process a socket is connected to ----

  private connect(socket: Sock): void {
    const io = this.io;
    if (!io) return;
    socket.onAny((event: string, ...args: unknown[]) => {
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (last as (r: Result<unknown>) => void) : null;
      const payload = ack ? args.slice(0, -1) : args;
      if (this.runHere(socket, String(event), payload, ack)) return;
      this.enqueue(socket, () => this.forward(socket, String(event), payload, ack));
    });
    socket.on('disconnect', () => {
      // After what it sent has been answered, its room's owner forgets it (the handlers detach it).
      this.enqueue(socket, async () => {
        await Promise.all([
          ...[...this.pending.values()].filter((p) => p.sid === socket.id).map((p) => p.settled),
          // As long as a forwarded request's answer is waited for, at most (a disk that fails
          // holds an answer back until it writes again).
          ...[...(this.answering.get(socket.id) ?? [])].map((p) => within(p, REPLY_TIMEOUT_MS)),
        ]);
        const code = this.routes.get(socket.id);
        this.routes.delete(socket.id);
        this.queues.delete(socket.id);
        const owner = code ? await this.ownerOf(code) : null;
        if (owner) this.send(owner, { t: 'gone', sid: socket.id });
      });
    });
  }

  private enqueue(socket: Sock, fn: () => Promise<void>): void {
    if (this.stopped) return;
    const id = socket.id;
    this.queued.set(id, (this.queued.get(id) ?? 0) + 1);
    const prev = this.queues.get(id) ?? Promise.resolve();
    const next = prev
      .then(fn)
      .catch((err) => this.options.log('forwarding failed', { err }))
      .finally(() => {
        const left = (this.queued.get(id) ?? 1) - 1;
        if (left > 0) this.queued.set(id, left);
        else this.queued.delete(id);
      });
    this.queues.set(id, next);
  }

  /**
   * A request for the room this process owns, from a socket connected here with nothing of its
   * own still queued (so nothing it sent earlier is overtaken): run at once on the socket's
   * stand-in, as `run` would after the trip through `forward`, without the message, the timer
   * and the turns that trip takes. False when it must take the trip.
   */
  private runHere(socket: Sock, event: string, payload: unknown[], ack: ((r: Result<unknown>) => void) | null): boolean {
    const sid = socket.id;
    if (this.stopped || this.queued.has(sid) || NAMES_ROOM.has(event) || event === 'console:create') return false;
    const code = this.routes.get(sid);
    if (!code || this.owners.get(code) !== this.id || this.restoring.has(code) || !this.leases.owns(code)) return false;
    const ghost = this.ghosts.ghost(sid);
    if (!ghost || ghost.origin !== this.id) return false;
    if (!ack) {
      // The handlers report a failure themselves (as server:error, through the ghost).
      this.dispatchOn(ghost, event, payload, false, (_r, room) => this.route(sid, room));
      return true;
    }
    // The socket's disconnect waits for this answer, as for a forwarded one.
    const waiting = this.answering.get(sid) ?? new Set<Promise<void>>();
    this.answering.set(sid, waiting);
    const { settled, done } = deferred();
    waiting.add(settled);
    this.dispatchOn(ghost, event, payload, true, (r, room) => {
      waiting.delete(settled);
      if (!waiting.size && this.answering.get(sid) === waiting) this.answering.delete(sid);
      done();
      this.route(sid, room);
      if (r) ack(r);
    });
    return true;
  }

  /**
   * Runs an event on a socket's stand-in (`run`, `runHere`). `answered` gets the handler's
   * result (null without an ack: the handlers report a failure as server:error themselves) and
   * the room the socket is in now; a stand-in in no room is dropped, as none is needed here.
   */
  private dispatchOn(
    g: Ghost,
    event: string,
    args: unknown[],
    withAck: boolean,
    answered: (r: Result<unknown> | null, code: string | null) => void,
  ): void {
    const answer = (r: Result<unknown> | null) => {
      const code = g.data.code ?? null;
      if (!code && !g.gone) g.drop();
      answered(r, code);
    };
    g.dispatch(event, withAck ? [...args, (r: Result<unknown>) => answer(r)] : args);
    if (!withAck) answer(null);
  }

  /** The room a socket connected here is in, as its owner's answer said (null: none). */
  private route(sid: string, code: string | null): void {
    if (code) this.routes.set(sid, code);
    else this.routes.delete(sid);
  }

  /** Which room an event is for: the one it names, else the socket's. */
  private codeFor(socket: Sock, event: string, payload: unknown[]): { code: string | null; leaves: boolean } {
    const named = (payload[0] as { code?: unknown } | undefined)?.code;
    if (NAMES_ROOM.has(event) && typeof named === 'string') {
      const code = normaliseRoomCode(named);
      // A socket that joins or watches another room leaves its own (room:check changes nothing).
      return { code, leaves: event !== 'room:check' && code !== this.routes.get(socket.id) };
    }
    if (event === 'console:create') return { code: null, leaves: true };
    return { code: this.routes.get(socket.id) ?? null, leaves: false };
  }

  private async forward(socket: Sock, event: string, payload: unknown[], ack: ((r: Result<unknown>) => void) | null): Promise<void> {
    const { code, leaves } = this.codeFor(socket, event, payload);
    const current = this.routes.get(socket.id);
    if (leaves && current) {
      const previous = await this.ownerOf(current);
      if (previous) this.send(previous, { t: 'gone', sid: socket.id });
      this.routes.delete(socket.id);
    }
    // A code no room of the cluster has goes to this process, whose handlers answer for it.
    const owner = code ? ((await this.ownerOf(code)) ?? this.id) : this.id;
    const n = ++this.seq;
    const key = `${socket.id}:${n}`;
    const message: Message = {
      t: 'req',
      from: this.id,
      sid: socket.id,
      addr: socket.handshake.address || 'unknown',
      // The room the owner must hold the lease of (none for a code no room of the cluster has).
      code: code && owner !== this.id ? code : code && this.leases.owns(code) ? code : null,
      n,
      e: event,
      a: payload,
      ack: !!ack,
    };
    const { settled, done } = deferred();
    const pending: Pending = {
      sid: socket.id,
      code,
      settled,
      done,
      ack,
      tries: 0,
      timer: setTimeout(() => this.settle(key, fail('room_moving', TRY_AGAIN)), REPLY_TIMEOUT_MS),
      retry: () => {
        // The process asked was not the owner (any more): ask again who is, a few times.
        if (++pending.tries > 5 || !code) return this.settle(key, fail('room_moving', TRY_AGAIN));
        this.owners.delete(code);
        setTimeout(
          () =>
            void this.ownerOf(code).then((o) => {
              if (!this.pending.has(key)) return;
              this.send(o ?? this.id, { ...message, code: o ? code : null });
            }),
          100 * pending.tries,
        );
      },
    };
    this.pending.set(key, pending);
    this.send(owner, message);
  }

  /**
   * The answer to a forwarded request reached the socket's process, with the room the socket is
   * in now (`code`; left out when the request was given up on: the owner said nothing).
   */
  private settle(key: string, r: Result<unknown> | null, code?: string | null): void {
    const p = this.pending.get(key);
    if (!p) return;
    this.pending.delete(key);
    clearTimeout(p.timer);
    p.done();
    if (code !== undefined) this.route(p.sid, code);
    const socket = this.io?.sockets.sockets.get(p.sid);
    if (socket && r) {
      if (p.ack) p.ack(r);
      else if (!r.ok) socket.emit('server:error', r.error);
    }
  }

  /** Who owns the room: this process's last word on it, else Redis; a room nobody owns is taken here. */
  private async ownerOf(code: string): Promise<string | null> {
    const known = this.owners.get(code);
    if (known) return known;
    const owner = await this.leases.ownerOf(code);
    if (owner) {
      this.owners.set(code, owner.process);
      return owner.process;
    }
    // Nobody owns it: a cluster room whose owner died (take it), or no room at all.
    const session = await this.pub.hget(ROOMS, code);
    if (!session) return null;
    await this.takeOver(code, session);
    return (await this.leases.ownerOf(code))?.process ?? null;
  }

  // ---- the owner ----

  private receive(m: Message): void {
    // Stopping: the rooms are closed, and nothing may reach them or Redis any more.
    if (this.stopped) return;
    if (m.t === 'req') void this.run(m);
    else if (m.t === 'res') this.settle(`${m.sid}:${m.n}`, m.r, m.code);
    else if (m.t === 'stale') this.pending.get(`${m.sid}:${m.n}`)?.retry();
    else if (m.t === 'op') this.apply(m.sid, m);
    else if (m.t === 'gone') this.ghosts.ghost(m.sid)?.end();
    else if (m.t === 'moved') this.moved(m.code, m.owner);
  }

  /** A request for a room this process owns (or for no room), from a socket connected anywhere. */
  private async run(m: Extract<Message, { t: 'req' }>): Promise<void> {
    const { registry, onConnection } = this;
    if (!registry || !onConnection) return;
    if (m.code) {
      await this.restoring.get(m.code);
      if (!this.leases.owns(m.code)) return this.send(m.from, { t: 'stale', sid: m.sid, n: m.n });
    }
    let ghost = this.ghosts.ghost(m.sid);
    if (!ghost) {
      ghost = new Ghost(m.sid, m.from, m.addr, this.ghosts, (op) => this.toSocket(m.from, m.sid, op));
      this.ghosts.register(ghost);
      onConnection(ghost as unknown as Sock);
    }
    // Without an ack the socket's process only learns which room it is in.
    this.dispatchOn(ghost, m.e, m.a, m.ack, (r, code) => this.send(m.from, { t: 'res', sid: m.sid, n: m.n, r, code }));
  }

  /** What a ghost does, done to the real socket: here, or on its own process. */
  private toSocket(origin: string, sid: string, op: GhostOp): void {
    if (origin === this.id) this.apply(sid, op);
    else this.send(origin, { t: 'op', sid, ...op });
  }

  private apply(sid: string, op: GhostOp): void {
    const socket = this.io?.sockets.sockets.get(sid);
    if (!socket) return;
    switch (op.op) {
      case 'join':
        return void socket.join(op.ch);
      case 'leave':
        return void socket.leave(op.ch);
      case 'emit':
        return void (socket as unknown as { emit(e: string, ...a: unknown[]): boolean }).emit(op.e, ...op.a);
      case 'disconnect':
        this.routes.delete(sid);
        return void socket.disconnect(true);
    }
  }

  private send(to: string, m: Message): void {
    if (this.stopped) return;
    if (to === this.id) {
      // To itself: the same path, one turn later (as if it came back from Redis).
      queueMicrotask(() => this.receive(m));
      return;
    }
    const text = JSON.stringify(m);
    const gathered = this.outbox.get(to);
    if (gathered) {
      gathered.texts.push(text);
      gathered.chars += text.length;
      // A burst (a room's whole state after a takeover) goes in several publishes, not one huge one.
      if (gathered.chars >= OUTBOX_MAX_CHARS) this.flushOutbox();
    } else this.outbox.set(to, { texts: [text], chars: text.length });
    if (!this.outboxQueued) {
      this.outboxQueued = true;
      queueMicrotask(() => this.flushOutbox());
    }
  }

  /**
   * What this turn sent to each process, in one publish per process: a room's view patches and
   * answers for phones on another process leave together (one Redis command, one message for
   * that process to read, instead of one each). Every other publish on the connection sends
   * these first (the constructor), so the order of all publishes stays the order they were made.
   */
  private flushOutbox(): void {
    this.outboxQueued = false;
    if (!this.outbox.size) return;
    const batches = [...this.outbox];
    this.outbox.clear();
    for (const [to, { texts }] of batches) {
      const text = texts.length === 1 ? (texts[0] as string) : `[${texts.join(',')}]`;
      void this.publish(inbox(to), text).catch((err) => this.options.log('cluster publish failed', { err }));
    }
  }

  // ---- ownership ----

  /** Looks for rooms whose owner is gone, and takes them; keeps this process marked alive. */
  private async scan(): Promise<void> {
    if (this.stopped) return;
    await this.heartbeat();
    const rooms = await this.pub.hgetall(ROOMS);
    const codes = Object.keys(rooms);
    if (codes.length) {
      const owners = await this.pub.mget(codes.map(leaseKey));
      const orphans = codes.filter((_, i) => !owners[i]);
      // In a random order, so that several processes share a dead one's rooms.
      orphans.sort(() => Math.random() - 0.5);
      for (const code of orphans) await this.takeOver(code, rooms[code] as string);
    }
    // Stand-ins for sockets of a process that died: those sockets are gone.
    const origins = [...new Set([...this.ghosts.all()].map((g) => g.origin))].filter((o) => o !== this.id);
    if (origins.length) {
      const alive = await this.pub.mget(origins.map(aliveKey));
      const dead = new Set(origins.filter((_, i) => !alive[i]));
      for (const g of [...this.ghosts.all()]) if (dead.has(g.origin)) g.end();
    }
  }

  private async heartbeat(): Promise<void> {
    await this.pub.set(aliveKey(this.id), '1', 'PX', aliveMs(this.options.leaseMs));
  }

  /** Takes a room nobody owns and restores it from its recording. */
  private async takeOver(code: string, session: string): Promise<void> {
    if (this.stopped || this.restoring.has(code) || !this.registry) return;
    const registry = this.registry;
    const lease = await this.leases.acquire(code);
    if (!lease) return;
    const started = performance.now();
    const done = (async () => {
      try {
        // An ended session is not run again: the registry remembers its code and gives the lease back.
        if (!(await registry.takeOver(code, session, lease.fence, this.options.log))) return;
        this.owners.set(code, this.id);
        this.options.log(`owner of room ${code} from now on (fence ${lease.fence}, ${Math.round(performance.now() - started)} ms)`, {
          room: code,
        });
        await this.pub.publish(EVERYONE, JSON.stringify({ t: 'moved', code, owner: this.id, fence: lease.fence } satisfies Message));
      } catch (err) {
        this.options.log(`could not take over room ${code}`, { room: code, err });
        await this.leases.release(code).catch(() => {});
        // A code whose recording is gone (its creator died before writing it) is given back.
        if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') await this.pub.hdel(ROOMS, code).catch(() => {});
      }
    })();
    this.restoring.set(code, done);
    await done;
    this.restoring.delete(code);
  }

  /** A room has a new owner: this process's sockets in it reconnect (and resume there). */
  private moved(code: string, owner: string): void {
    this.owners.set(code, owner);
    const io = this.io;
    if (!io) return;
    for (const [sid, room] of [...this.routes]) {
      if (room !== code) continue;
      this.routes.delete(sid);
      // Closing the transport (not the socket) makes the client reconnect and resume on its own.
      io.sockets.sockets.get(sid)?.conn.close();
    }
    for (const [key, p] of [...this.pending]) if (p.code === code) this.settle(key, fail('room_moving', TRY_AGAIN));
  }

  /** This process lost a room's lease (it was paused past it, or another took it): it stops at once. */
  private lost(code: string): void {
    this.owners.delete(code);
    this.registry?.lost(code);
    for (const g of [...this.ghosts.all()]) if (g.data.code === code) g.drop();
    this.options.log(`no longer the owner of room ${code}: stopped applying and recording it`, { room: code });
  }
}
