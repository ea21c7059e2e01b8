// `npm run start:cluster -- --workers N`: N server processes on this machine behind Node's
// cluster module, sharing one port, with sticky sessions (@socket.io/sticky): the primary reads
// the first bytes of each connection and hands a Socket.IO long-polling request to the worker
// that holds its session id, anything else to the next worker in turn. The
// workers serve as one through Redis (REDIS_URL, required) and the shared DATA_DIR. A worker
// that dies is replaced; its rooms are taken over by the others meanwhile.

import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupMaster, setupWorker } from '@socket.io/sticky';
import type { Server } from 'socket.io';
import { createApplication, GAMES } from '../app';
import { buildClientIfNeeded } from '../build-client';
import { loadConfig } from '../config';
import { stopOnSignals } from '../lifecycle';
import { logFn, logger } from '../log';
import { warmUpBeforeListening } from '../warmup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `--workers N` (or `--workers=N`); default: one per CPU core. */
export function workersArg(argv: string[], cores = availableParallelism()): number {
  const at = argv.findIndex((a) => a === '--workers' || a.startsWith('--workers='));
  if (at < 0) return Math.max(1, cores);
  const arg = argv[at] ?? '';
  const raw = arg.includes('=') ? arg.split('=')[1] : argv[at + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`--workers must be a whole number from 1 to 256 (got "${raw ?? ''}").`);
  return n;
}

async function primary(): Promise<void> {
  const config = loadConfig(process.env, root);
  if (!config.redisUrl) throw new Error('start:cluster needs REDIS_URL (for example REDIS_URL=redis://127.0.0.1:6379).');
  const workers = workersArg(process.argv.slice(2));
  if (process.env.SKIP_CLIENT_BUILD !== '1') await buildClientIfNeeded(root, config.clientDir, logFn(), config.clientMode);
  const httpServer = createServer();
  // Round robin, not least-connection: a session is announced to the primary twice (below and
  // by @socket.io/sticky itself), which would count it twice.
  setupMaster(httpServer, { loadBalancingMethod: 'round-robin' });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Buffers (the first bytes of a connection) reach the workers as Buffers, not as JSON.
  cluster.setupPrimary({ serialization: 'advanced' });
  let stopping = false;
  let ready = 0;
  const fork = () => cluster.fork({ SKIP_CLIENT_BUILD: '1', HC_PORT: String(port) });
  cluster.on('message', (worker, message: unknown) => {
    const m = message as { type?: string; data?: unknown };
    // The primary now sends this session's polls to that worker (@socket.io/sticky's own listener
    // ran first, for the same message): tell the worker it may answer the handshake.
    if (m?.type === 'sticky:connection') worker.send({ type: 'hc:sid-bound', data: m.data });
    if (m?.type !== 'hc:ready') return;
    if (++ready === workers) {
      logger.info(
        { console: `http://localhost:${port}/console`, workers, redis: config.redisUrl },
        'Human Cluster is running (cluster mode)',
      );
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.warn({ worker: worker.process.pid, code, signal }, 'A worker stopped; starting another (its rooms are taken over meanwhile)');
    fork();
  });
  for (let i = 0; i < workers; i++) fork();
  stopOnSignals({
    log: logFn(),
    stop: async (reason) => {
      stopping = true;
      logger.info(`Stopping (${reason}): each worker saves its recordings…`);
      const exits = Object.values(cluster.workers ?? {}).map(
        (w) =>
          new Promise<void>((resolve) => {
            if (!w || w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      );
      await Promise.all(exits);
      httpServer.close();
      logger.info('Stopped: recordings saved.');
    },
  });
}

async function worker(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: process.env.HC_PORT ?? process.env.PORT }, root);
  if (!config.redisUrl) throw new Error('A cluster worker needs REDIS_URL.');
  const app = await createApplication(config);
  // The primary listens; it hands this worker its connections (from now on: they wait for the
  // warm-up in the worker's queue, and are then served by compiled code).
  setupWorker(app.io as unknown as Server);
  bindSessionsBeforeHandshake(app.io as unknown as Server);
  await warmUpBeforeListening(config, GAMES);
  process.send?.({ type: 'hc:ready' });
  stopOnSignals({
    log: logFn(),
    stop: async () => {
      await app.close();
    },
  });
}

/**
 * @socket.io/sticky tells the primary which worker holds a session only after the handshake's
 * answer is on its way, so a client's next poll could reach the primary first and be sent to
 * another worker ("Session ID unknown", seen as "xhr poll error" under load). Here the id is
 * announced before the handshake is answered, and the answer waits (up to a second) until the
 * primary has it.
 */
/** How long an announced session id may go without a connection before the primary forgets it. */
const UNCONNECTED_MS = 30_000;

function bindSessionsBeforeHandshake(io: Server): void {
  const waiting = new Map<string, () => void>();
  // Ids announced whose handshake has not (yet) made a connection. One that never does (the
  // handshake failed after its id was made) is taken back from the primary, which would keep it
  // forever: @socket.io/sticky unbinds a session only when its connection closes.
  const unconnected = new Map<string, NodeJS.Timeout>();
  io.engine.on('connection', (socket: { id: string }) => {
    clearTimeout(unconnected.get(socket.id));
    unconnected.delete(socket.id);
  });
  process.on('message', (message: { type?: string; data?: unknown }) => {
    if (message?.type !== 'hc:sid-bound' || typeof message.data !== 'string') return;
    waiting.get(message.data)?.();
  });
  io.engine.generateId = () =>
    new Promise<string>((resolve) => {
      // 20 characters of [A-Za-z0-9_-], the form @socket.io/sticky looks for in a poll's URL.
      const id = randomBytes(15).toString('base64url');
      const done = () => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(id);
      };
      const timer = setTimeout(done, 1000);
      waiting.set(id, done);
      process.send?.({ type: 'sticky:connection', data: id });
      const forget = setTimeout(() => {
        unconnected.delete(id);
        process.send?.({ type: 'sticky:disconnection', data: id });
      }, UNCONNECTED_MS);
      forget.unref();
      unconnected.set(id, forget);
    });
}

process.on('uncaughtException', (err) => logger.error({ err }, 'Unexpected error (the server keeps running)'));
process.on('unhandledRejection', (err) => logger.error({ err }, 'Unexpected rejection (the server keeps running)'));

(cluster.isPrimary ? primary() : worker()).catch((err) => {
  logger.fatal(`Human Cluster could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
