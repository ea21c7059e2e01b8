// `npm run start:cluster -- --workers 2`: one port, two worker processes behind Node's cluster
// module, sticky sessions for Socket.IO's long polling. Clients that only poll (no websocket)
// create a room, join it and play: each poll must reach the worker holding its session.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/spawn';
import { startRedis, type TestRedis } from '../support/redis';
import type { NodeView } from '../../shared/protocol/views';
import { ask, askThen, followViews, type TestSocket, until } from './harness';
import { NODE_FLAGS } from '../../server/nodeFlags';

const root = path.resolve(import.meta.dirname, '../..');
let redis: TestRedis;
let child: ChildProcess;
let url = '';
const log: string[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', 'server/cluster/main.ts', '--workers', '2'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hc-sticky-')),
      PUBLIC_URL: url,
      SKIP_CLIENT_BUILD: '1',
      DEFAULT_LATENCY_MS: '5',
      DEFAULT_JITTER_MS: '0',
      REDIS_URL: redis.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      log.push(c.toString());
      if (log.join('').includes('Human Cluster is running (cluster mode)')) resolve();
    });
    child.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
    child.once('exit', (code) => reject(new Error(`start:cluster exited (${code}):\n${log.join('')}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await redis?.stop();
});

/** A client that only long-polls: every request after the handshake carries its session id. */
function polling(): Promise<TestSocket> {
  const s: TestSocket = io(url, { transports: ['polling'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

describe('start:cluster with sticky sessions', () => {
  it('serves long-polling clients on two workers as one server, and stops cleanly', { timeout: 60_000 }, async () => {
    const console_ = await polling();
    const created = await ask(console_, 'console:create', {});
    if (!created.ok) throw new Error(created.error.message);
    const { code } = created.data as { code: string };
    const phones = await Promise.all(Array.from({ length: 6 }, () => polling()));
    const views = phones.map((): NodeView[] => []);
    const joined = await Promise.all(
      phones.map((s, i) =>
        askThen(s, 'room:join', [{ code, nickname: `poll ${i}` }], (r) => {
          if (r.ok) followViews(s, views[i]!, r.data);
        }),
      ),
    );
    expect(joined.map((r) => r.ok)).toEqual(phones.map(() => true));
    const nodes = joined.map((r) => (r.ok ? (r.data as { node: string }).node : ''));
    expect((await ask(console_, 'console:round', { action: 'start', game: 'sandbox', config: {} })).ok).toBe(true);
    for (let k = 0; k < 3; k++) {
      const acts = await Promise.all(
        phones.map((s, i) => ask(s, 'node:act', { action: { type: 'send', to: [nodes[(i + 1) % 6]], text: `poll ${k}` } })),
      );
      expect(acts.map((r) => r.ok)).toEqual(phones.map(() => true));
    }
    // Views reach polling phones on either worker: each one's inbox shows the text sent to it.
    await Promise.all(phones.map((s, i) => ask(s, 'node:act', { action: { type: 'send', to: [nodes[(i + 1) % 6]], text: `nudge ${i}` } })));
    await Promise.all(views.map((v, i) => until(() => JSON.stringify(v.at(-1)).includes(`nudge ${(i + 5) % 6}`), [phones[i]!], 15_000)));
    for (const s of [console_, ...phones]) s.disconnect();
    const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
