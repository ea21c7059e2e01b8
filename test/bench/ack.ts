// The acknowledgement benchmark: N real socket.io clients in one sandbox round each tap (send
// an action) about once a second, and every tap's time to its `ok` is measured. The same load
// runs against the server as it ships (the `ok` waits until the action's event is written and
// fdatasync'ed) and, in the same run, against the same server acknowledging at once (the old
// behaviour: the baseline). Figures, not assertions.

import { io, type Socket } from 'socket.io-client';
import { maximum, quantile } from '../../shared/sim/stats';
import { spawnServer, type Spawned } from './spawn';

export interface AckOptions {
  nodes: number;
  /** Taps per second, all clients together. */
  rate: number;
  seconds: number;
}

export interface AckFigures {
  taps: number;
  acknowledged: number;
  refused: number;
  ackMs: { p50: number | null; p99: number | null; max: number | null };
  server: { eventLoopDelayMs: { p50: number; p99: number; max: number } };
}

async function connectClient(url: string): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

async function inBatches<T>(n: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, k) => make(i + k)))));
  return out;
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

async function runTaps(url: string, opts: AckOptions): Promise<AckFigures> {
  const instructor = await connectClient(url);
  const created = await instructor.emitWithAck('console:create', {});
  if (!created.ok) throw new Error(created.error.message);
  const code = created.data.code as string;
  const clients = await inBatches(opts.nodes, 25, async (i) => {
    const s = await connectClient(url);
    const r = await s.emitWithAck('room:join', { code, nickname: `tap-${i}` });
    if (!r.ok) throw new Error(r.error.message);
    return { socket: s, node: r.data.node as string };
  });
  const started = await instructor.emitWithAck('console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0 } });
  if (!started.ok) throw new Error(started.error.message);
  await fetch(`${url}/api/metrics`); // resets the server's event-loop histogram

  const latencies: number[] = [];
  let taps = 0;
  let refused = 0;
  let answered = 0;
  let rngState = 4242;
  const rand = (n: number) => {
    rngState = (rngState * 1103515245 + 12345) % 2147483648;
    return rngState % n;
  };
  const start = performance.now();
  await new Promise<void>((resolve) => {
    let owed = 0;
    const timer = setInterval(() => {
      if (performance.now() - start >= opts.seconds * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      owed += (opts.rate * 10) / 1000;
      for (; owed >= 1; owed--) {
        const from = clients[rand(clients.length)]!;
        let to = clients[rand(clients.length)]!;
        if (to === from) to = clients[(clients.indexOf(from) + 1) % clients.length]!;
        const t0 = performance.now();
        taps++;
        from.socket.emit('node:act', { action: { type: 'send', to: [to.node], text: `tap ${taps}` } }, (r: { ok: boolean }) => {
          answered++;
          if (r.ok) latencies.push(performance.now() - t0);
          else refused++;
        });
      }
    }, 10);
  });
  const deadline = performance.now() + 5000;
  while (answered < taps && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const server = (await (await fetch(`${url}/api/metrics`)).json()) as AckFigures['server'];
  instructor.disconnect();
  for (const c of clients) c.socket.disconnect();
  return {
    taps,
    acknowledged: latencies.length,
    refused,
    ackMs: {
      p50: round2(quantile(latencies, 0.5)),
      p99: round2(quantile(latencies, 0.99)),
      max: round2(maximum(latencies)),
    },
    server: { eventLoopDelayMs: server.eventLoopDelayMs },
  };
}

export async function ackBench(opts: AckOptions): Promise<{ durable: AckFigures; atOnce: AckFigures }> {
  const servers: Spawned[] = [];
  const env = { SKIP_CLIENT_BUILD: '1', DEFAULT_LATENCY_MS: '0', DEFAULT_JITTER_MS: '0', RATE_LIMIT_PER_SECOND: '10000' };
  try {
    // The baseline: the same server, acknowledging before the disk has the action.
    const atOnceServer = await spawnServer('test/bench/ack-at-once-server.ts', env);
    servers.push(atOnceServer);
    const atOnce = await runTaps(atOnceServer.url, opts);
    const product = await spawnServer('server/main.ts', env);
    servers.push(product);
    const durable = await runTaps(product.url, opts);
    return { durable, atOnce };
  } finally {
    for (const s of servers) s.stop();
  }
}
