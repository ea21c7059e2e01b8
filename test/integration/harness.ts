// A real server on a random port with its own data directory, and real socket.io clients.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createApplication, type Application } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { decodeRecords } from '../../server/journal';
import { NODE_FLAGS } from '../../server/nodeFlags';
import type { Games } from '../../shared/games/types';
import type { RegistryOptions } from '../../server/rooms';
import type { ActedData, ClientToServerEvents, Roster, ServerToClientEvents } from '../../shared/protocol/events';
import { type Patch, patched } from '../../shared/protocol/patch';
import type { Result } from '../../shared/protocol/result';
import { applyRosterPatch } from '../../shared/protocol/roster';
import type { ConsoleSnapshot, NodeView } from '../../shared/protocol/views';
import { freePort } from '../bench/spawn';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  app: Application;
  config: Config;
  close(): Promise<void>;
}

/** A server offering `games` (the server's own list when not given), its recordings written through `recordings`' files. */
export async function startServer(
  overrides: Partial<Config> = {},
  games?: Games,
  recordings: Omit<RegistryOptions, 'log'> = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(tmpdir(), 'hc-it-'));
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    defaultLatency: { base: 5, jitter: 0 },
    ...overrides,
  };
  const app = await createApplication(config, { log: () => {}, recordings, ...(games ? { games } : {}) });
  const port = await app.listen();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    config,
    close: () => app.close(),
  };
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed, stdout and stderr. */
  log: string[];
}

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * `npm start`'s server in a process of its own (to kill -9 or pause), on `dataDir`, with `env`
 * on top of a free port; resolves once it says it is running. Without the warm-up
 * (server/warmup.ts), which these tests restart too often to pay for; the e2e tests' `npm start`
 * plays it.
 */
export async function spawnServerProcess(name: string, dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      SKIP_CLIENT_BUILD: '1',
      WARM_UP_MESSAGES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      log.push(c.toString());
      if (log.join('').includes('Human Cluster is running')) resolve();
    });
    child.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) while starting:\n${log.join('')}`)));
  });
  return { url, child, log };
}

/** SIGKILL, resolved once the process is gone (at once if it already is). */
export async function killNow(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

export async function connect(url: string): Promise<TestSocket> {
  const socket: TestSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

// biome-ignore lint/suspicious/noExplicitAny: replies differ by event; each test reads the fields its event answers with.
type AnyReply = Result<any>;

/** Sends an event and returns the server's answer. */
export async function ask(socket: TestSocket, event: string, ...payload: unknown[]): Promise<AnyReply> {
  return askThen(socket, event, payload, () => {});
}

/**
 * `ask`, with `then` run in the answer's callback, before anything else the socket receives:
 * listeners for what the answer starts (a join's views) go there, as a phone's do. Added after
 * `await`, they would miss an event that came in the same read as the answer (a view pushed
 * right after it): the rest of that read is handled before the promise's continuation runs.
 */
export async function askThen(socket: TestSocket, event: string, payload: unknown[], then: (r: AnyReply) => void): Promise<AnyReply> {
  // Acted on in the answer's callback, in order with the events around it, as the phone does.
  return new Promise<AnyReply>((resolve, reject) => {
    const emit = socket.timeout(5000).emit as unknown as (e: string, ...a: unknown[]) => void;
    emit.call(socket.timeout(5000), event, ...payload, (err: unknown, r: AnyReply) => {
      if (err) return reject(err);
      if (event === 'node:act') followAnswer(socket, r);
      try {
        then(r);
      } catch (e) {
        return reject(e);
      }
      resolve(r);
    });
  });
}

/** The answer to an action carries what it changed in the node's view: applied as the phone does. */
export function followAnswer(socket: TestSocket, r: { ok: boolean; data?: unknown }): void {
  const patch = r.ok ? (r.data as ActedData)?.patch : undefined;
  if (patch) viewPatches.get(socket)?.(patch);
}

/** Per socket whose views a test follows: applies a view patch (`followViews`). */
const viewPatches = new WeakMap<TestSocket, (p: Patch) => void>();

/**
 * Like the phone and the console, the tests' clients ask for patches unless told otherwise
 * (`{ patches: false }`, as a student's program may): every view and snapshot a test reads
 * went through them.
 */
export interface Screens {
  patches?: boolean;
}

export interface TestConsole {
  socket: TestSocket;
  code: string;
  key: string;
  /** Every snapshot received (the first is the create's), latest last. */
  snapshots: ConsoleSnapshot[];
  /** Calls `fn` with each snapshot from now on. */
  onSnapshot(fn: (s: ConsoleSnapshot) => void): void;
}

/** Keeps a console's picture from its first snapshot and the patches or snapshots after it. */
export function followSnapshots(socket: TestSocket, first: ConsoleSnapshot, version: number | undefined) {
  const snapshots = [first];
  const listeners: ((s: ConsoleSnapshot) => void)[] = [];
  let held = first;
  let at = version ?? 0;
  const got = (s: ConsoleSnapshot) => {
    held = s;
    snapshots.push(s);
    for (const l of listeners) l(s);
  };
  socket.on('console:snapshot', got);
  socket.on('console:patch', (p) => {
    if (p.base !== at) throw new Error(`console patch ${p.base}→${p.version} on version ${at}`);
    at = p.version;
    got(patched(held, p.delta));
  });
  return { snapshots, onSnapshot: (fn: (s: ConsoleSnapshot) => void) => void listeners.push(fn) };
}

/**
 * A console's `console:create` or `console:attach`, its snapshots followed from the answer's
 * callback (`askThen`); a refusal throws.
 */
export async function askFollowing(
  socket: TestSocket,
  event: 'console:create' | 'console:attach',
  payload: unknown,
): Promise<{
  reply: { code: string; key: string; snapshot: ConsoleSnapshot; version?: number };
  followed: ReturnType<typeof followSnapshots>;
}> {
  let followed = null as ReturnType<typeof followSnapshots> | null;
  const r = await askThen(socket, event, [payload], (r) => {
    if (r.ok) followed = followSnapshots(socket, r.data.snapshot, r.data.version);
  });
  if (!r.ok) throw new Error(r.error.message);
  if (!followed) throw new Error(`${event}: not followed`);
  return { reply: r.data, followed };
}

export async function createRoom(url: string, { patches = true }: Screens = {}): Promise<TestConsole> {
  const socket = await connect(url);
  const { reply, followed } = await askFollowing(socket, 'console:create', patches ? { patches } : {});
  return { socket, code: reply.code, key: reply.key, ...followed };
}

export interface TestNode {
  socket: TestSocket;
  node: string;
  token: string;
  /** Every view received (whole, or patched), latest last. */
  views: NodeView[];
  /** Calls `fn` with each view from now on. */
  onView(fn: (v: NodeView) => void): void;
  /** The roster as this socket holds it, and its head count. */
  roster: Roster;
  rosterCount: number;
}

/**
 * Keeps a node's view from the one its join or resume answered with and the patches or views
 * after it. A patch for another version than the one held fails the test.
 */
export function followViews(socket: TestSocket, views: NodeView[], start: { view: NodeView; version?: number }) {
  const listeners: ((v: NodeView) => void)[] = [];
  let at = start.version ?? 0;
  const got = (v: NodeView) => {
    views.push(v);
    for (const l of listeners) l(v);
  };
  views.push(start.view);
  socket.on('node:view', got);
  const apply = (p: Patch) => {
    if (p.base !== at) throw new Error(`view patch ${p.base}→${p.version} on version ${at}`);
    at = p.version;
    got(patched(views.at(-1) as NodeView, p.delta));
  };
  socket.on('node:patch', apply);
  viewPatches.set(socket, apply);
  return {
    onView: (fn: (v: NodeView) => void) => void listeners.push(fn),
    /** A resume answered with a new starting view. */
    restart: (next: { view: NodeView; version?: number }) => {
      at = next.version ?? 0;
      got(next.view);
    },
  };
}

export async function joinNode(url: string, code: string, nickname: string, { patches = true }: Screens = {}): Promise<TestNode> {
  const socket = await connect(url);
  const views: NodeView[] = [];
  let node = null as TestNode | null;
  const r = await askThen(socket, 'room:join', [patches ? { code, nickname, patches } : { code, nickname }], (r) => {
    if (!r.ok) return;
    const { onView } = followViews(socket, views, r.data);
    const joined: TestNode = {
      socket,
      node: r.data.node,
      token: r.data.token,
      views,
      onView,
      roster: r.data.roster,
      rosterCount: r.data.roster.count,
    };
    socket.on('room:roster', (roster) => {
      joined.roster = roster;
      joined.rosterCount = roster.count;
    });
    socket.on('room:patch', (p) => {
      joined.roster = applyRosterPatch(joined.roster, p);
      joined.rosterCount = joined.roster.count;
    });
    node = joined;
  });
  if (!r.ok || !node) throw new Error(`${nickname}: ${r.ok ? 'no node' : r.error.message}`);
  return node;
}

/** Resolves when `check` passes, re-checking on every event the sockets get (no fixed sleeps). */
export async function until<T>(check: () => T | undefined | false | null, sockets: TestSocket[], timeoutMs = 5000): Promise<T> {
  const first = check();
  if (first) return first;
  return new Promise<T>((resolve, reject) => {
    const listeners: [TestSocket, (...a: unknown[]) => void][] = [];
    let finished = false;
    const done = (fn: () => void) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearInterval(poll);
      for (const [s, l] of listeners) s.offAny(l);
      fn();
    };
    const recheck = () => {
      const v = check();
      if (v) done(() => resolve(v));
    };
    // The failure names its condition: a suite has dozens of these.
    const timer = setTimeout(
      () => done(() => reject(new Error(`condition not met in ${timeoutMs} ms: ${String(check).replace(/\s+/g, ' ').slice(0, 300)}`))),
      timeoutMs,
    );
    // Server-side effects (the recording, a restored room) come with no event: look again often.
    const poll = setInterval(recheck, 25);
    for (const s of sockets) {
      s.onAny(recheck);
      listeners.push([s, recheck]);
    }
  });
}

/**
 * A recording as the next start of the server will find it: its file, with every record the
 * process's journal (DATA_DIR/journal) holds for it put back at its offset, as `Journal.recover`
 * does. Acknowledged lines are in one or the other.
 */
export function recordingWithJournal(dataDir: string, file: string): string {
  let buf = readFileSync(file);
  const dir = path.join(dataDir, 'journal');
  const segments = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.log'))
        .sort()
    : [];
  for (const segment of segments) {
    for (const r of decodeRecords(readFileSync(path.join(dir, segment)))) {
      if (r.name !== path.basename(file)) continue;
      const next = Buffer.alloc(Math.max(buf.length, r.at + r.data.length));
      buf.copy(next);
      r.data.copy(next, r.at);
      buf = next;
    }
  }
  return buf.toString('utf8');
}
