// Configuration from environment variables, read once at start-up.

import path from 'node:path';
import { ROOM_CAPACITY_MAX } from '../shared/protocol/events';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Nodes per room, unless the console asks for fewer (at most ROOM_CAPACITY_MAX, 5,000). */
  capacity: number;
  /**
   * Room creation: each address, and each instructor key a console shows, has a bucket of
   * `burst` rooms that refills at `perMinute` (a school behind one NAT address can open 50
   * classes at once; a script cannot open rooms without end).
   */
  createLimit: { perAddress: CreateLimit; perKey: CreateLimit };
  /** Overrides the LAN address phones are told to open (e.g. behind a reverse proxy). */
  publicUrl: string | null;
  /** Where the built client is served from. */
  clientDir: string;
  /**
   * How the client is built: 'production', or 'bench' for the e2e tests and `npm run bench`
   * (it adds the window.__hc… figures they read; client/src/testHooks.ts).
   */
  clientMode: ClientMode;
  /** Latency every new room starts with, so messages visibly travel on the map (ms). */
  defaultLatency: { base: number; jitter: number };
  /** Inbound events per second a socket may send before it is told to slow down. */
  rateLimitPerSecond: number;
  /** Rooms idle for this long are ended (ms). */
  idleRoomMs: number;
  /** Sites that may show the replay and the stage in a frame (EMBED_ORIGINS); no other page may be framed. */
  embedOrigins: string[];
  /** Cluster mode (REDIS_URL): processes sharing this Redis and DATA_DIR serve as one; null: one process alone. */
  redisUrl: string | null;
  /** Cluster mode: a room's lease in Redis lives this long unless renewed (CLUSTER_LEASE_MS). */
  clusterLeaseMs: number;
  /** Messages of the in-memory room the server plays before it takes connections (server/warmup.ts; 0: none). */
  warmUpMessages: number;
}

export interface CreateLimit {
  burst: number;
  perMinute: number;
}

export const CLIENT_MODES = ['production', 'bench'] as const;
export type ClientMode = (typeof CLIENT_MODES)[number];

function clientMode(env: NodeJS.ProcessEnv): ClientMode {
  const raw = env.CLIENT_MODE || 'production';
  const mode = CLIENT_MODES.find((m) => m === raw);
  if (!mode) throw new Error(`CLIENT_MODE must be one of: ${CLIENT_MODES.join(', ')} (got "${raw}").`);
  return mode;
}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${key} must be a whole number from ${min} to ${max} (got "${raw}").`);
  return n;
}

/** EMBED_ORIGINS="https://moodle.example.edu https://slides.example.org": origins, nothing else. */
function origins(env: NodeJS.ProcessEnv, key: string): string[] {
  const list = (env[key] ?? '').split(/[\s,]+/).filter(Boolean);
  for (const o of list) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o)) throw new Error(`${key} must list origins like https://example.org (got "${o}").`);
  }
  return list;
}

function redisUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  if (!/^rediss?:\/\/\S+$/.test(raw)) throw new Error(`REDIS_URL must look like redis://host:6379 (got "${raw}").`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const mode = clientMode(env);
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(root, env.DATA_DIR || './data'),
    capacity: int(env, 'ROOM_CAPACITY', 300, 1, ROOM_CAPACITY_MAX),
    createLimit: {
      perAddress: {
        burst: int(env, 'ROOM_CREATE_BURST', 50, 1, 100_000),
        perMinute: int(env, 'ROOM_CREATE_PER_MINUTE', 10, 1, 100_000),
      },
      perKey: {
        burst: int(env, 'ROOM_CREATE_KEY_BURST', 20, 1, 100_000),
        perMinute: int(env, 'ROOM_CREATE_KEY_PER_MINUTE', 10, 1, 100_000),
      },
    },
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    // One folder per mode, so a bench run and `npm start` do not rebuild over each other.
    clientDir: path.resolve(root, env.CLIENT_DIR || (mode === 'production' ? './dist/client' : `./dist/client-${mode}`)),
    clientMode: mode,
    defaultLatency: {
      base: int(env, 'DEFAULT_LATENCY_MS', 300, 0, 60_000),
      jitter: int(env, 'DEFAULT_JITTER_MS', 200, 0, 60_000),
    },
    rateLimitPerSecond: int(env, 'RATE_LIMIT_PER_SECOND', 40, 1, 100_000),
    idleRoomMs: int(env, 'IDLE_ROOM_HOURS', 12, 1, 24 * 365) * 3_600_000,
    embedOrigins: origins(env, 'EMBED_ORIGINS'),
    redisUrl: redisUrl(env),
    clusterLeaseMs: int(env, 'CLUSTER_LEASE_MS', 2_500, 200, 60_000),
    warmUpMessages: int(env, 'WARM_UP_MESSAGES', 3_000, 0, 20_000),
  };
}
