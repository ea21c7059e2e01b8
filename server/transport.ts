// The Socket.IO layer: parses every inbound payload, checks who may do what, calls the room,
// and answers with a Result. Nothing that arrives on a socket can throw out of a handler.
// One listener per socket answers every event of the protocol's table (shared/protocol/events.ts).

import type { Server, Socket } from 'socket.io';
import { type RateLimiterAbstract, RateLimiterMemory } from 'rate-limiter-flexible';
import {
  CLIENT_EVENT_NAMES,
  CLIENT_EVENTS,
  type ClientEvent,
  type ClientToServerEvents,
  type ActedData,
  type JoinedData,
  type Payload,
  type ReplyData,
  type ServerToClientEvents,
} from '../shared/protocol/events';
import type { NodeId } from '../shared/protocol/ids';
import { fail, formatIssues, ok, type Result } from '../shared/protocol/result';
import { hashSecret } from './auth';
import type { Clock } from './clock';
import type { Config } from './config';
import { TokenBuckets } from './limits';
import type { Room, RoomOutput } from './room';
import type { RoomRegistry } from './rooms';

/** What the server remembers about a socket. */
export interface SocketData {
  code?: string;
  node?: NodeId;
  console?: boolean;
  /** A projector stage: it receives only `stage:*` events and can change nothing. */
  stage?: boolean;
  /** A console's holder of rights: the room key, or the id of a phone it was handed to. */
  device?: string;
}

export type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type Sock = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Largest payload a handler will read (bytes of JSON); bigger gets `payload_too_large`. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/**
 * Socket.IO's own limit on one message (its `maxHttpBufferSize`): a message over it never
 * reaches a handler, and Socket.IO closes that connection. Up to it, an oversized request is
 * answered with `payload_too_large`.
 */
export const TRANSPORT_MAX_BYTES = 1024 * 1024;

/**
 * Whether `value` as JSON is surely at most `max` characters, by a bound counted without
 * writing it out (each character of a string as six, the most an escape takes; numbers as 25):
 * the usual request (a tap, a text) passes at once, and only one that may be over the limit is
 * written out to be measured exactly. Anything but plain data is measured exactly.
 */
export function surelyWithin(value: unknown, max: number): boolean {
  let left = max;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    switch (typeof v) {
      case 'string':
        left -= 2 + 6 * v.length;
        break;
      case 'number':
      case 'boolean':
        // -0.0000012345678901234567 is 25 characters of JSON, the longest a number writes.
        left -= 25;
        break;
      case 'object': {
        if (v === null) {
          left -= 4;
          break;
        }
        if (Array.isArray(v)) {
          left -= 2 + v.length;
          for (let k = 0; k < v.length; k++) stack.push(v[k]);
          break;
        }
        if (Object.getPrototypeOf(v) !== Object.prototype) return false;
        left -= 2;
        for (const key in v) {
          left -= 4 + 6 * key.length;
          stack.push((v as Record<string, unknown>)[key]);
        }
        break;
      }
      case 'undefined':
        left -= 4;
        break;
      default:
        return false;
    }
    if (left < 0) return false;
  }
  return true;
}

/**
 * A request's Result goes back through its ack, or as `server:error` if it has none. An action
 * sent without one still gets what it changed in its node's view, as the `node:patch` the
 * answer would have carried.
 */
function answer(socket: Sock, ack: ((r: Result<unknown>) => void) | null, r: Result<unknown>): void {
  if (ack) ack(r);
  else if (!r.ok) socket.emit('server:error', r.error);
  else {
    const patch = (r.data as ActedData | undefined)?.patch;
    if (patch) socket.emit('node:patch', patch);
  }
}

const REPLACED = { reason: 'replaced', message: 'You opened this node on another screen.' } as const;

const nodeChannel = (code: string, node: NodeId) => `n:${code}:${node}`;
const roomChannel = (code: string) => `r:${code}`;
const consoleChannel = (code: string) => `c:${code}`;
const stageChannel = (code: string) => `s:${code}`;
/** Beside the room's (or its consoles') channel, one for the sockets that take patches and one for those that do not. */
const asChannel = (channel: string, patches: boolean) => `${channel}:${patches ? 'p' : 'w'}`;
const channels = (channel: string) => [channel, asChannel(channel, true), asChannel(channel, false)];

/**
 * Where the handlers find the sockets in a channel (a node's, a room's consoles…). One process
 * alone: Socket.IO's own rooms. Cluster mode: the room owner's stand-ins for sockets that may
 * be connected to any process (server/cluster/ghosts.ts).
 */
export interface SocketDirectory {
  members(channel: string): ReadonlySet<string> | undefined;
  get(id: string): Sock | undefined;
  /**
   * Cluster mode: whether every socket in the channel is connected to this process (true for a
   * channel with none), so a broadcast to it need not go through Redis to every other process.
   */
  onlyHere?(channel: string): boolean;
}

export function localDirectory(io: () => IO): SocketDirectory {
  return {
    members: (channel) => io().sockets.adapter.rooms.get(channel),
    get: (id) => io().sockets.sockets.get(id),
  };
}

export function socketOutput(io: () => IO, directoryOf?: () => SocketDirectory): RoomOutput {
  const local = localDirectory(io);
  const directory = directoryOf ?? (() => local);
  const cast = (channel: string, event: string, args: unknown[]) => {
    const here = directory().onlyHere?.(channel) ?? false;
    (io()[here ? 'local' : 'sockets'].to(channel) as unknown as { emit(e: string, ...a: unknown[]): boolean }).emit(event, ...args);
  };
  return {
    // A node has one socket: emitting on it directly spares a broadcast through the adapter per view.
    toNode: (code, node, event, ...args) => {
      const dir = directory();
      for (const id of dir.members(nodeChannel(code, node)) ?? []) {
        (dir.get(id) as { emit(e: string, ...a: unknown[]): boolean } | undefined)?.emit(event, ...args);
      }
    },
    toRoom: (code, event, ...args) => cast(roomChannel(code), event, args),
    toConsoles: (code, event, ...args) => cast(consoleChannel(code), event, args),
    toRoomAs: (code, patches, event, ...args) => cast(asChannel(roomChannel(code), patches), event, args),
    toConsolesAs: (code, patches, event, ...args) => cast(asChannel(consoleChannel(code), patches), event, args),
    toStagesAs: (code, patches, event, ...args) => cast(asChannel(stageChannel(code), patches), event, args),
    listeners: (code, who) => {
      const channel = who === 'nodes' ? roomChannel(code) : who === 'consoles' ? consoleChannel(code) : stageChannel(code);
      const dir = directory();
      return { patches: dir.members(asChannel(channel, true))?.size ?? 0, whole: dir.members(asChannel(channel, false))?.size ?? 0 };
    },
    hasConsoles: (code) => (directory().members(consoleChannel(code))?.size ?? 0) > 0,
    toStages: (code, event, ...args) => cast(stageChannel(code), event, args),
    stages: (code) => directory().members(stageChannel(code))?.size ?? 0,
    dropNode: (code, node) => {
      const dir = directory();
      for (const s of [...(dir.members(nodeChannel(code, node)) ?? [])]) {
        const socket = dir.get(s);
        if (!socket) continue;
        void socket.leave(nodeChannel(code, node));
        for (const c of channels(roomChannel(code))) void socket.leave(c);
        socket.data.node = undefined;
        socket.data.code = undefined;
      }
    },
  };
}

export interface TransportDeps {
  io: IO;
  registry: RoomRegistry;
  config: Config;
  joinUrl: () => string;
  clock: Clock;
  /** Where handlers find other sockets (default: this process's Socket.IO rooms). */
  directory?: SocketDirectory;
  /**
   * Cluster mode: wrong keys and codes counted across every process (a limiter in Redis);
   * default: in this process's memory.
   */
  guessLimiter?: RateLimiterAbstract;
  /** Cluster mode: the room-creation buckets kept for the whole cluster; default: in this process. */
  createBuckets?: { perAddress: CreateBuckets; perKey: CreateBuckets };
}

/** Room-creation token buckets: this process's (server/limits.ts) or the cluster's (server/cluster/limits.ts). */
export interface CreateBuckets {
  take(key: string): boolean | Promise<boolean>;
  giveBack(key: string): void | Promise<void>;
  waitSeconds(key: string): number | Promise<number>;
}

/**
 * Registers the protocol's handlers on every socket that connects. Returns them as one function
 * of a socket, which cluster mode also calls with its stand-ins for sockets of other processes
 * (and then connects the real sockets its own way: `connect: false`).
 */
export function attachTransport(
  { io, registry, config, joinUrl, clock, directory = localDirectory(() => io), guessLimiter: sharedGuesses, createBuckets }: TransportDeps,
  { connect = true }: { connect?: boolean } = {},
): (socket: Sock) => void {
  const perAddress: CreateBuckets = createBuckets?.perAddress ?? new TokenBuckets(config.createLimit.perAddress, clock);
  const perKey: CreateBuckets = createBuckets?.perKey ?? new TokenBuckets(config.createLimit.perKey, clock);
  /** Room creation: the key's bucket (when the console shows one) and the address's both give a token, or neither is charged. */
  const mayCreate = async (address: string, key: string | undefined): Promise<Result<null>> => {
    const keyId = key ? hashSecret(key) : null;
    if (keyId && !(await perKey.take(keyId))) {
      return fail('rate_limited', `This console has opened many rooms in a short time: wait ${await perKey.waitSeconds(keyId)} s.`);
    }
    if (!(await perAddress.take(address))) {
      if (keyId) await perKey.giveBack(keyId);
      return fail(
        'rate_limited',
        `Many rooms were opened from this network in a short time: wait ${await perAddress.waitSeconds(address)} s.`,
      );
    }
    return ok(null);
  };
  // Keys and hand-off codes that do not open a room: a few per minute and address, then nothing.
  const guessLimiter = sharedGuesses ?? new RateLimiterMemory({ points: 10, duration: 60 });
  /** Counts a wrong key or code from this address; `rate_limited` once it has tried too often. */
  const guessed = async (address: string): Promise<boolean> => {
    try {
      await guessLimiter.consume(address || 'unknown');
      return false;
    } catch {
      return true;
    }
  };
  const tooManyGuesses = async (address: string): Promise<boolean> => (await guessLimiter.get(address || 'unknown'))?.remainingPoints === 0;
  const known = new Set<string>(CLIENT_EVENT_NAMES);

  /**
   * One socket's side of the protocol: what it is (a node, a console, a stage) lives in
   * `socket.data`, and these methods change it. A class, so that the thousands of sockets of a
   * big room share one set of functions instead of each holding closures of its own.
   */
  class Connection {
    /**
     * The socket's requests in its current second (a fixed window from the first request in
     * it, counting refused ones too): two numbers here, where a limiter keyed by socket id kept
     * a record and a timer per socket and answered through a promise.
     */
    private windowEnds = 0;
    private requests = 0;

    constructor(readonly socket: Sock) {}

    /** Counts a request; false once the socket has sent more than its share this second. */
    admit(): boolean {
      // Wall time, as the limiter it replaces kept: a test's virtual clock must not make a burst of one second out of a whole test.
      const now = performance.now();
      if (now >= this.windowEnds) {
        this.windowEnds = now + 1000;
        this.requests = 0;
      }
      this.requests++;
      return this.requests <= config.rateLimitPerSecond;
    }

    /** The room this socket's node belongs to, if it is (still) a node. */
    nodeRoom(): Result<{ room: Room; node: NodeId }> {
      const { code, node } = this.socket.data;
      if (!code || !node) return fail('not_joined', 'Join a room first.');
      const found = registry.find(code);
      if (!found.ok) return found;
      return ok({ room: found.data, node });
    }

    consoleRoom(): Result<Room> {
      const { code } = this.socket.data;
      if (!code || !this.socket.data.console) return fail('forbidden', 'Only the instructor console can do that.');
      return registry.find(code);
    }

    attachNode(room: Room, node: NodeId, token: string, patches: boolean): Result<JoinedData> {
      // Resuming on a socket that is already this node's only refreshes the view.
      if (this.socket.data.code !== room.code || this.socket.data.node !== node) {
        this.detach();
        this.socket.data.code = room.code;
        this.socket.data.node = node;
        void this.socket.join([nodeChannel(room.code, node), roomChannel(room.code)]);
        room.socketAttached(node);
        // After this socket counts, so the node never looks disconnected in between.
        this.replaceOthers(room, node);
      }
      void this.socket.leave(asChannel(roomChannel(room.code), !patches));
      void this.socket.join(asChannel(roomChannel(room.code), patches));
      const start = room.attachView(node, patches);
      if (!start) return fail('internal', 'Your node could not be found.');
      return ok({ node, token, ...start, roster: room.roster() });
    }

    /** One socket per node: one that played this node before is told, and let go. */
    replaceOthers(room: Room, node: NodeId) {
      for (const id of [...(directory.members(nodeChannel(room.code, node)) ?? [])]) {
        const other = directory.get(id);
        if (!other || other === this.socket) continue;
        other.emit('node:removed', REPLACED);
        void other.leave(nodeChannel(room.code, node));
        for (const c of channels(roomChannel(room.code))) void other.leave(c);
        other.data = {};
        room.socketDetached(node);
        other.disconnect(true);
      }
    }

    /** A socket that plays a node does not silently become a console (and stop being the node). */
    refuseIfNode(): Result<never> | null {
      const { code, node } = this.socket.data;
      if (!code || !node) return null;
      return fail(
        'is_node',
        `This connection plays node ${node} in room ${code}; the console needs a connection of its own (open it in another tab).`,
      );
    }

    detach() {
      const { code, node } = this.socket.data;
      if (code && node) {
        registry.anyRoom(code)?.socketDetached(node);
        void this.socket.leave(nodeChannel(code, node));
        for (const c of channels(roomChannel(code))) void this.socket.leave(c);
      }
      if (code && this.socket.data.console) for (const c of channels(consoleChannel(code))) void this.socket.leave(c);
      if (code && this.socket.data.stage) for (const c of channels(stageChannel(code))) void this.socket.leave(c);
      this.socket.data = {};
    }

    /** This socket becomes the room's console: the snapshot it starts from is taken before it listens. */
    attachConsole(room: Room, patches: boolean, device: string) {
      this.detach();
      const start = room.attachConsole(patches);
      this.socket.data = { code: room.code, console: true, device };
      void this.socket.join([consoleChannel(room.code), asChannel(consoleChannel(room.code), patches)]);
      return start;
    }
  }

  /** Answers one request on a socket, once its payload has passed the event's schema. */
  type Handler<E extends ClientEvent> = (c: Connection, payload: Payload<E>) => Result<ReplyData<E>> | Promise<Result<ReplyData<E>>>;
  /** One handler for every event of the protocol: one missing, or one the protocol lacks, does not compile. */
  type Handlers = { [E in ClientEvent]: Handler<E> };

  /** A node's request: runs against the node's room, as that node. */
  const nodeRequest =
    <E extends ClientEvent>(fn: (room: Room, node: NodeId, p: Payload<E>) => Promise<Result<ReplyData<E>>>): Handler<E> =>
    (c, p) => {
      const r = c.nodeRoom();
      if (!r.ok) return r;
      return fn(r.data.room, r.data.node, p);
    };

  /** A console command: runs against the room, then pushes the console's picture at once. */
  const command =
    <E extends ClientEvent>(fn: (room: Room, p: Payload<E>) => Promise<Result<ReplyData<E>>>): Handler<E> =>
    async (c, p) => {
      const r = c.consoleRoom();
      if (!r.ok) return r;
      const result = fn(r.data, p);
      // The console sees the change at once; the answer waits until it is on disk.
      r.data.flushConsole();
      return result;
    };

  const handlers: Handlers = {
    // ---- nodes ----

    'room:check': (_c, { code }) => registry.check(code),

    'room:join': async (c, { code, nickname, patches }) => {
      const found = registry.find(code);
      if (!found.ok) return found;
      const joined = await found.data.join(nickname);
      if (!joined.ok) return joined;
      return c.attachNode(found.data, joined.data.node, joined.data.token, !!patches);
    },

    'room:resume': (c, { code, token, patches }) => {
      const found = registry.find(code);
      if (!found.ok) return found;
      const who = found.data.resume(token);
      if (!who.ok) return who;
      return c.attachNode(found.data, who.data.node, token, !!patches);
    },

    'room:leave': (c) => {
      const r = c.nodeRoom();
      if (!r.ok) return r;
      const refused = r.data.room.refusal();
      if (refused) return refused;
      c.detach();
      return r.data.room.leave(r.data.node);
    },

    'node:act': nodeRequest((room, node, { action }) => room.act(node, action)),
    'node:autopilot': nodeRequest((room, node, { on: enabled }) => room.setAutopilot(node, enabled)),

    // ---- the console ----

    'console:create': async (c, { capacity, key: shown, patches }) => {
      const isNode = c.refuseIfNode();
      if (isNode) return isNode;
      if (capacity !== undefined && capacity > config.capacity) {
        return fail('bad_request', `This server takes rooms of up to ${config.capacity} nodes (its ROOM_CAPACITY).`);
      }
      const allowed = await mayCreate(c.socket.handshake.address || 'unknown', shown);
      if (!allowed.ok) return allowed;
      const created = await registry.create(capacity ?? config.capacity);
      if (!created.ok) return created;
      const { room, key } = created.data;
      const start = c.attachConsole(room, !!patches, 'owner');
      return ok({
        code: room.code,
        key,
        recovery: created.data.recovery,
        joinUrl: `${joinUrl()}/join/${room.code}`,
        ...start,
        recording: room.recordingNotice(),
      });
    },

    'console:attach': async (c, { code, key, patches }) => {
      const address = c.socket.handshake.address;
      if (await tooManyGuesses(address)) return fail('rate_limited', 'Too many wrong keys from here; wait a minute.');
      const found = registry.find(code);
      if (!found.ok) return found;
      const holder = found.data.checkKey(key);
      if (!holder) {
        if (await guessed(address)) return fail('rate_limited', 'Too many wrong keys from here; wait a minute.');
        return fail('forbidden', 'That instructor key does not open this room.');
      }
      const isNode = c.refuseIfNode();
      if (isNode) return isNode;
      const start = c.attachConsole(found.data, !!patches, holder.kind === 'owner' ? 'owner' : holder.id);
      return ok({
        joinUrl: `${joinUrl()}/join/${found.data.code}`,
        ...start,
        recording: found.data.recordingNotice(),
      });
    },

    'console:kick': command((room, { node }) => room.kick(node)),
    'console:lock': command((room, { locked }) => room.lock(locked)),
    'console:language': command((room, { language }) => room.setLanguage(language)),
    'console:end': command((room) => room.end()),
    'console:bots': command((room, { add, remove }) => (add ? room.addBots(add) : room.removeBots(remove ?? 0))),
    'console:autopilot': command((room, { node, on: enabled }) => room.setAutopilot(node, enabled)),
    'console:fault': command((room, { op }) => room.changeFaults(op)),
    'console:drill': command((room, { name }) => room.drill(name)),
    'console:pause': command((room, { paused }) => room.setPaused(paused)),
    'console:script': command((room, p) => (p.action === 'start' ? room.startScript(p.script) : room.stopScript())),
    'console:round': command((room, p) => (p.action === 'start' ? room.startRound(p.game, p.config) : room.endRound())),
    'console:reveal': command(async (room, { revealed }) => room.reveal(revealed)),
    'console:handoff': command(async (room) => {
      const { token, expiresAt } = room.instructors.handoff();
      return ok({ url: `${joinUrl()}/remote#room=${room.code}&token=${token}`, expiresAt });
    }),
    'console:revoke': command(async (room, { device }) => {
      if (!room.instructors.revoke(device)) return fail('unknown_device', 'No such device holds rights in this room.', { device });
      // Its open connections stop being consoles at once.
      for (const id of [...(directory.members(consoleChannel(room.code)) ?? [])]) {
        const other = directory.get(id);
        if (!other || other.data.device !== device) continue;
        other.emit('console:revoked', { reason: 'revoked' });
        for (const c of channels(consoleChannel(room.code))) void other.leave(c);
        other.data = {};
      }
      return ok(null);
    }),

    // ---- the instructor's phone ----

    'remote:claim': async (c, { code, token, label }) => {
      const address = c.socket.handshake.address;
      if (await tooManyGuesses(address)) return fail('rate_limited', 'Too many wrong codes from here; wait a minute.');
      const found = registry.find(code);
      if (!found.ok) return found;
      const isNode = c.refuseIfNode();
      if (isNode) return isNode;
      const claimed = found.data.instructors.claim(token, label ?? '');
      if (!claimed.ok) {
        if (await guessed(address)) return fail('rate_limited', 'Too many wrong codes from here; wait a minute.');
        return claimed;
      }
      const start = c.attachConsole(found.data, false, claimed.data.device.id);
      found.data.flushConsole();
      return ok({
        key: claimed.data.key,
        device: claimed.data.device.id,
        joinUrl: `${joinUrl()}/join/${found.data.code}`,
        snapshot: start.snapshot,
        recording: found.data.recordingNotice(),
      });
    },

    // ---- the projector stage ----

    'stage:watch': (c, { code, key, patches }) => {
      const found = registry.find(code);
      if (!found.ok) return found;
      if (!found.data.checkKey(key)) return fail('forbidden', 'That instructor key does not open this room.');
      const isNode = c.refuseIfNode();
      if (isNode) return isNode;
      c.detach();
      c.socket.data = { code: found.data.code, stage: true };
      // Counted among the stages (the consoles' count changes) before the picture it starts from
      // is taken; listening for pictures only after: a patch sent before its answer would name a
      // version it never held.
      void c.socket.join(stageChannel(found.data.code));
      const start = found.data.attachStage(!!patches);
      void c.socket.join(asChannel(stageChannel(found.data.code), !!patches));
      return ok({ joinUrl: `${joinUrl()}/join/${found.data.code}`, ...start });
    },
  };

  /**
   * Answers one event of the protocol on a socket: rate limit, size limit, the event's schema,
   * then the handler; its Result (or an internal error) goes back through the ack, or as
   * `server:error` if there is none.
   */
  const handle = async (c: Connection, event: ClientEvent, args: unknown[]): Promise<void> => {
    const { socket } = c;
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (r: Result<unknown>) => void) : null;
    try {
      if (!c.admit()) return answer(socket, ack, fail('rate_limited', 'Too many requests: slow down a little.'));
      const payload = ack ? args.slice(0, -1)[0] : args[0];
      if (!surelyWithin(payload ?? null, MAX_PAYLOAD_BYTES) && (JSON.stringify(payload ?? null)?.length ?? 0) > MAX_PAYLOAD_BYTES)
        return answer(socket, ack, fail('payload_too_large', `Requests are limited to ${MAX_PAYLOAD_BYTES} bytes.`));
      const parsed = CLIENT_EVENTS[event].payload.safeParse(payload ?? {});
      if (!parsed.success) {
        const why = formatIssues(parsed.error.issues);
        return answer(socket, ack, fail('bad_request', `Invalid ${event} payload: ${why}`));
      }
      // The schema is the table's own for the event, so its output is the handler's payload;
      // the compiler cannot follow a key into the table.
      const handler = handlers[event] as (c: Connection, p: unknown) => Result<unknown> | Promise<Result<unknown>>;
      answer(socket, ack, await handler(c, parsed.data));
    } catch (err) {
      console.error(`${event} failed:`, err);
      answer(socket, ack, fail('internal', 'Something went wrong on the server. Try again.'));
    }
  };

  const onConnection = (socket: Sock) => {
    const c = new Connection(socket);
    // One listener for every event: the known ones are answered, the others refused.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (known.has(event)) {
        void handle(c, event as ClientEvent, args);
        return;
      }
      const last = args.at(-1);
      const error = { code: 'unknown_event', message: `The server has no event "${String(event).slice(0, 40)}".` };
      if (typeof last === 'function') (last as (r: Result<unknown>) => void)({ ok: false, error });
      else socket.emit('server:error', error);
    });
    socket.on('disconnect', () => c.detach());
  };
  if (connect) io.on('connection', onConnection);
  return onConnection;
}
