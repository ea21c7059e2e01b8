// A real server on a random port with its own data directory, and real socket.io clients.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createApplication, type Application } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import type { Games } from '../../shared/games/types';
import type { RegistryOptions } from '../../server/rooms';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events';
import type { Result } from '../../shared/protocol/result';
import type { NodeView } from '../../shared/protocol/views';

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
  return (socket.timeout(5000).emitWithAck as unknown as (e: string, ...a: unknown[]) => Promise<AnyReply>).call(
    socket.timeout(5000),
    event,
    ...payload,
  );
}

export async function createRoom(url: string): Promise<{ socket: TestSocket; code: string; key: string }> {
  const socket = await connect(url);
  const r = await ask(socket, 'console:create', {});
  if (!r.ok) throw new Error(r.error.message);
  return { socket, code: r.data.code, key: r.data.key };
}

export interface TestNode {
  socket: TestSocket;
  node: string;
  token: string;
  /** Every view received, latest last. */
  views: NodeView[];
  /** The last head count the room sent. */
  rosterCount: number;
}

export function trackViews(socket: TestSocket, views: NodeView[]): void {
  socket.on('node:view', (v) => views.push(v));
}

export async function joinNode(url: string, code: string, nickname: string): Promise<TestNode> {
  const socket = await connect(url);
  const views: NodeView[] = [];
  trackViews(socket, views);
  const r = await ask(socket, 'room:join', { code, nickname });
  if (!r.ok) throw new Error(`${nickname}: ${r.error.message}`);
  views.push(r.data.view);
  const node: TestNode = { socket, node: r.data.node, token: r.data.token, views, rosterCount: r.data.roster.count };
  socket.on('room:roster', (roster) => (node.rosterCount = roster.count));
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
    const timer = setTimeout(() => done(() => reject(new Error('condition not met in time'))), timeoutMs);
    // Server-side effects (the recording, a restored room) come with no event: look again often.
    const poll = setInterval(recheck, 25);
    for (const s of sockets) {
      s.onAny(recheck);
      listeners.push([s, recheck]);
    }
  });
}
