// The network benchmark: N real socket.io clients in one room exchange node-to-node messages
// through the simulated network (no injected latency), and the same clients do the same
// through a bare Socket.IO relay in the same run. Figures, not assertions.

import { io, type Socket } from 'socket.io-client';
import type { SandboxView } from '../../shared/games/sandbox/config';
import type { NodeView } from '../../shared/protocol/views';
import { quantile } from '../../shared/sim/stats';
import { spawnServer, type Spawned } from './spawn';

export interface LoadOptions {
  nodes: number;
  /** Messages per second, all clients together. */
  rate: number;
  seconds: number;
}

export interface LoadFigures {
  sent: number;
  delivered: number;
  messagesPerSecond: number;
  latencyMs: { p50: number | null; p99: number | null };
  server: { rssMb: number; eventLoopDelayMs: { p50: number; p99: number; max: number } };
}

interface Client {
  id: string;
  send(to: string, text: string): void;
}

interface Target {
  name: string;
  url: string;
  /** Connects n clients; `onText` gets every text a client receives. */
  setup(n: number, onText: (text: string) => void): Promise<{ clients: Client[]; close(): void }>;
}

type AnySocket = Socket;

async function connectClient(url: string): Promise<AnySocket> {
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

function productTarget(url: string): Target {
  return {
    name: 'human-cluster',
    url,
    async setup(n, onText) {
      const instructor = await connectClient(url);
      const created = await instructor.emitWithAck('console:create', {});
      if (!created.ok) throw new Error(created.error.message);
      const code = created.data.code as string;
      const sockets: AnySocket[] = [];
      const clients = await inBatches(n, 25, async (i) => {
        const s = await connectClient(url);
        sockets.push(s);
        const r = await s.emitWithAck('room:join', { code, nickname: `bench-${i}` });
        if (!r.ok) throw new Error(r.error.message);
        const seen = new Set<string>();
        s.on('node:view', (view: NodeView) => {
          const game = view.game as SandboxView | null;
          for (const m of game?.inbox ?? []) {
            if (seen.has(m.id)) continue;
            seen.add(m.id);
            onText(m.text);
          }
        });
        return {
          id: r.data.node as string,
          send: (to: string, text: string) => s.emit('node:act', { action: { type: 'send', to: [to], text } }),
        };
      });
      const started = await instructor.emitWithAck('console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0 } });
      if (!started.ok) throw new Error(started.error.message);
      return {
        clients,
        close: () => {
          for (const s of [instructor, ...sockets]) s.disconnect();
        },
      };
    },
  };
}

function relayTarget(url: string): Target {
  return {
    name: 'bare relay',
    url,
    async setup(n, onText) {
      const sockets: AnySocket[] = [];
      const clients = await inBatches(n, 25, async (i) => {
        const s = await connectClient(url);
        sockets.push(s);
        const id = `c${i}`;
        await s.emitWithAck('relay:join', { id });
        s.on('relay:msg', (m: { text: string }) => onText(m.text));
        return { id, send: (to: string, text: string) => s.emit('relay:send', { to: [to], text, from: id }) };
      });
      return {
        clients,
        close: () => {
          for (const s of sockets) s.disconnect();
        },
      };
    },
  };
}

async function runLoad(target: Target, opts: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  let delivered = 0;
  let measuring = false;
  const { clients, close } = await target.setup(opts.nodes, (text) => {
    const stamp = Number(text.slice(text.indexOf(':') + 1));
    if (!measuring || !Number.isFinite(stamp)) return;
    delivered++;
    latencies.push(performance.now() - stamp);
  });
  // A short warm-up, then reset the server's event-loop histogram and measure.
  await new Promise((r) => setTimeout(r, 500));
  await fetch(`${target.url}/api/metrics`);
  let sent = 0;
  let seq = 0;
  let rngState = 12345;
  const rand = (n: number) => {
    rngState = (rngState * 1103515245 + 12345) % 2147483648;
    return rngState % n;
  };
  measuring = true;
  const start = performance.now();
  const tickMs = 10;
  await new Promise<void>((resolve) => {
    let owed = 0;
    const timer = setInterval(() => {
      const elapsed = performance.now() - start;
      if (elapsed >= opts.seconds * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      owed += (opts.rate * tickMs) / 1000;
      for (; owed >= 1; owed--) {
        const from = clients[rand(clients.length)]!;
        let to = clients[rand(clients.length)]!;
        if (to === from) to = clients[(clients.indexOf(from) + 1) % clients.length]!;
        from.send(to.id, `b${seq++}:${performance.now().toFixed(3)}`);
        sent++;
      }
    }, tickMs);
  });
  // Let what is in flight arrive, then read the server's figures for the whole window.
  const deadline = performance.now() + 3000;
  while (delivered < sent && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const elapsed = (performance.now() - start) / 1000;
  measuring = false;
  const server = (await (await fetch(`${target.url}/api/metrics`)).json()) as LoadFigures['server'];
  close();
  return {
    sent,
    delivered,
    messagesPerSecond: Math.round(delivered / elapsed),
    latencyMs: { p50: round2(quantile(latencies, 0.5)), p99: round2(quantile(latencies, 0.99)) },
    server: { rssMb: server.rssMb, eventLoopDelayMs: server.eventLoopDelayMs },
  };
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export async function networkBench(opts: LoadOptions): Promise<{ product: LoadFigures; relay: LoadFigures }> {
  const servers: Spawned[] = [];
  try {
    const product = await spawnServer('server/main.ts', {
      SKIP_CLIENT_BUILD: '1',
      DEFAULT_LATENCY_MS: '0',
      DEFAULT_JITTER_MS: '0',
      RATE_LIMIT_PER_SECOND: '10000',
    });
    servers.push(product);
    const productFigures = await runLoad(productTarget(product.url), opts);
    const relay = await spawnServer('test/bench/relay-server.ts', {});
    servers.push(relay);
    const relayFigures = await runLoad(relayTarget(relay.url), opts);
    return { product: productFigures, relay: relayFigures };
  } finally {
    for (const s of servers) s.stop();
  }
}
