// The composition root: one HTTP server carrying the express app and Socket.IO, the room
// registry, the clock, and the games rooms may play. Tests create it on a random port (with
// games of their own if they like); main.ts runs it for a class.

import { mkdir } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { createAdapter } from '@socket.io/redis-adapter';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { Server } from 'socket.io';
import { byzantineGame } from '../shared/games/byzantine';
import { cartGame } from '../shared/games/cart';
import { electionGame } from '../shared/games/election';
import { gossipGame } from '../shared/games/gossip';
import { sandboxGame } from '../shared/games/sandbox';
import { createGames, type Games } from '../shared/games/types';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol/events';
import { realClock, type Clock } from './clock';
import type { Config } from './config';
import { createHttpApp } from './http';
import { logFn, type LogFn } from './log';
import { RoomRegistry, type RegistryOptions } from './rooms';
import { SOCKET_HEADERS } from './security';
import { Cluster } from './cluster/cluster';
import { RedisTokenBuckets } from './cluster/limits';
import { attachTransport, socketOutput, TRANSPORT_MAX_BYTES, type SocketData } from './transport';
import { jsonParser } from './jsonParser';
import { Journal } from './journal';
import { diskFiles } from './recordingFiles';

/** The games a class can play: every room of this server offers them. */
export const GAMES: Games = createGames([sandboxGame, gossipGame, electionGame, byzantineGame, cartGame]);

export interface ApplicationOptions {
  games?: Games;
  clock?: Clock;
  log?: LogFn;
  /** Where recordings are written (tests hand in a disk that fails) and when an `ok` may go. */
  recordings?: Omit<RegistryOptions, 'log'>;
}

export interface Application {
  httpServer: HttpServer;
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  registry: RoomRegistry;
  /** Cluster mode (REDIS_URL): this process's part of the cluster; null for one process alone. */
  cluster: Cluster | null;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** The address phones should open. */
  joinUrl(): string;
  close(): Promise<void>;
}

/** The first non-internal IPv4 address: what phones on the same Wi-Fi can reach. */
export function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

export async function createApplication(config: Config, options: ApplicationOptions = {}): Promise<Application> {
  const { games = GAMES, clock = realClock, log = logFn(), recordings = {} } = options;
  const httpServer = createServer();
  let port = config.port;
  const joinUrl = () => config.publicUrl ?? `http://${lanAddress() ?? 'localhost'}:${port}`;
  const cluster = config.redisUrl ? new Cluster({ redisUrl: config.redisUrl, leaseMs: config.clusterLeaseMs, log }) : null;
  // One process alone writes a journal (server/journal.ts). What one left (a crash, a stop with a
  // file that could not be written) goes back into the recordings before any room is restored
  // from them; a recording that cannot take its lines (a full disk) is not restored this time
  // (its room would lack what it acknowledged) and they are kept for the next start. If the
  // journal cannot be written here, each recording is made durable by itself.
  const journalOptions = {
    files: recordings.files ?? diskFiles,
    dir: path.join(config.dataDir, 'journal'),
    recordingsDir: path.join(config.dataDir, 'recordings'),
    clock,
    log: (message: string, err?: unknown) => log(message, { err }),
  };
  let journal: Journal | null = null;
  let unrestorable = new Map<string, string>();
  if (cluster) {
    // The processes of a cluster start together: none may put a single process's journal back
    // while another already runs the rooms. That one process must be started once, alone.
    if (await Journal.holdsRecords(journalOptions)) {
      throw new Error(
        `${journalOptions.dir} holds lines a server without a cluster acknowledged: start it once without REDIS_URL to put them back into the recordings, stop it, then start the cluster.`,
      );
    }
  } else {
    const recovered = await Journal.recover(journalOptions);
    if (recovered.records) log(`journal: ${recovered.records} batches put back into ${recovered.files} recordings`);
    unrestorable = recovered.failed;
    journal = await Journal.start(journalOptions, recovered.last).catch((err: unknown) => {
      log('journal: cannot be written here; each recording is made durable by itself', { err });
      return null;
    });
  }
  const registry = new RoomRegistry(
    config,
    clock,
    socketOutput(() => io, cluster ? () => cluster.ghosts : undefined),
    games,
    { ...recordings, log, ...(cluster ? { cluster: cluster.registryHooks() } : {}), ...(journal ? { journal } : {}) },
  );
  // Express first: Socket.IO then takes its own path and hands every other request to it.
  httpServer.on('request', createHttpApp({ config, registry, joinUrl, startedAt: Date.now() }));
  const io: Application['io'] = new Server(httpServer, {
    // Up to this, handlers answer an oversized request with payload_too_large (MAX_PAYLOAD_BYTES);
    // past it Socket.IO drops the connection before any handler sees the message.
    maxHttpBufferSize: TRANSPORT_MAX_BYTES,
    // Every event is JSON: packets go out without the default encoder's search for binary.
    parser: jsonParser,
    pingInterval: 10_000,
    pingTimeout: 20_000,
    // No connectionStateRecovery: a phone that comes back resumes with its token and gets its
    // whole view again, which also covers the minutes-long gaps recovery cannot.
    serveClient: false,
    // Cluster mode: what a room broadcasts reaches its sockets on every process.
    ...(cluster ? { adapter: createAdapter(cluster.pub, cluster.sub) } : {}),
  });
  io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, SOCKET_HEADERS));
  if (cluster) {
    // The cluster's rooms come to a process by takeover; recordings nobody owns are offered.
    await mkdir(registry.recordingsDir, { recursive: true });
    await cluster.adopt(registry.recordingsDir);
    const guessLimiter = new RateLimiterRedis({ storeClient: cluster.pub, points: 10, duration: 60, keyPrefix: 'hc:guess' });
    // Room creation limits and wrong-key counts hold for the whole cluster.
    const createBuckets = {
      perAddress: new RedisTokenBuckets(cluster.pub, 'address', config.createLimit.perAddress),
      perKey: new RedisTokenBuckets(cluster.pub, 'key', config.createLimit.perKey),
    };
    const onConnection = attachTransport(
      { io, registry, config, joinUrl, clock, directory: cluster.ghosts, guessLimiter, createBuckets },
      { connect: false },
    );
    await cluster.start(io, registry, onConnection);
  } else {
    await registry.restore(log, unrestorable);
    attachTransport({ io, registry, config, joinUrl, clock });
  }
  const sweep = setInterval(() => registry.sweepIdle(), 60_000);
  sweep.unref();

  return {
    httpServer,
    io,
    registry,
    cluster,
    joinUrl,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          port = typeof address === 'object' && address ? address.port : config.port;
          resolve(port);
        });
      }),
    close: async () => {
      clearInterval(sweep);
      // Cluster mode: no request reaches a room once its recording is closing.
      cluster?.quiesce();
      await registry.closeAll();
      await journal?.close();
      // Only once the rooms' recordings are closed may another process take them.
      await cluster?.stop();
      await io.close();
      await cluster?.disconnect();
      httpServer.closeAllConnections?.();
    },
  };
}
