// The `rooms` and `big-room` benchmarks: R rooms of N nodes on one server process, played by
// load generators in processes of their own (loadgen.ts), each node sending one message a
// second to a random other node of its room, with no injected latency. The same nodes do the
// same through the bare Socket.IO relay (relay-server.ts) in the same run, which is the
// baseline every figure is set against. Each room of the product has its console attached
// (the projector), taking patches as the console does. Figures, not assertions.

import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { patched, type Patch } from '../../shared/protocol/patch';
import type { ConsoleSnapshot } from '../../shared/protocol/views';
import { maximum, quantile } from '../../shared/sim/stats';
import { parseRecording } from '../../shared/session/recording';
import type { FromGen, GenSlice, GenTarget, ToGen } from './loadgen';
import { spawnServer, type Spawned } from './spawn';

export interface RoomsOptions {
  rooms: number;
  nodes: number;
  seconds: number;
  /** Load generator processes. */
  generators: number;
  /** Length of a measuring window (s): CPU and latency are given window by window. */
  window: number;
  runs: number;
  /** Nodes ask for whole views instead of patches (as a student's program may). */
  wholeViews?: boolean;
  /** Each room of the product also has its projector stage, taking patches (as the stage's page does) or whole pictures. */
  stage?: 'patches' | 'whole';
  /** Write a CPU profile of each product server to this folder (node --cpu-prof). */
  profile?: string;
  /**
   * Write heap snapshots of each server (product and relay) to this folder: before the rooms
   * are made and once the load has stopped, each right after the full collection the heap
   * figure is read after (test/bench/heap-kinds.ts reads them).
   */
  heapSnapshot?: string;
}

export interface WindowFigures {
  sent: number;
  p99: number | null;
  cpuPct: number;
  /** Server CPU time per message sent in the window (µs). */
  cpuUsPerMessage: number | null;
}

export interface RunFigures {
  sent: number;
  delivered: number;
  latencyMs: { p50: number | null; p99: number | null; max: number | null };
  /** p99 of every window but the first (the server's code still being compiled, its heap growing). */
  warmP99Ms: number | null;
  windows: WindowFigures[];
  cpuPct: number;
  cpuUsPerMessage: number | null;
  /** Live heap the nodes added (after a full collection), per node. */
  heapKbPerNode: number;
  rssMb: number;
  loopDelayMaxMs: number;
  /** After sending stopped: how long until the last message arrived, and how many never did. */
  drainMs: number;
  undelivered: number;
  /** Sends the server refused, by error code. */
  refused: Record<string, number>;
  /** Recording bytes per envelope (product only): the whole recording over the envelopes sent. */
  recordingBytesPerEnvelope?: number;
  /** With `stage`: what each stage received a second while the load ran, as JSON (KB). */
  stageKbPerSecond?: number;
}

interface Metrics {
  heapUsedBytes: number;
  rssMb: number;
  cpuMs: number;
  wallMs: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

/** How long to wait, once sending stopped, for messages still in flight. */
const DRAIN_MS = 10_000;
const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

async function metrics(url: string, gc = false): Promise<Metrics> {
  return (await (await fetch(`${url}/api/metrics${gc ? '?gc=1' : ''}`)).json()) as Metrics;
}

async function connect(url: string): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

/** A console on the projector: keeps its picture up to date from the patches, as the console does. */
async function attachConsole(url: string, patches: boolean): Promise<{ code: string; key: string; socket: Socket }> {
  const socket = await connect(url);
  const created = await socket.emitWithAck('console:create', patches ? { patches } : {});
  if (!created.ok) throw new Error(`console:create: ${created.error.message}`);
  let snapshot: ConsoleSnapshot = created.data.snapshot;
  let version: number = created.data.version ?? 0;
  socket.on('console:patch', (p: Patch) => {
    if (p.base !== version) throw new Error(`console patch ${p.base}→${p.version} on version ${version}`);
    snapshot = patched(snapshot, p.delta);
    version = p.version;
  });
  socket.on('console:snapshot', (s: ConsoleSnapshot) => {
    snapshot = s;
  });
  return { code: created.data.code, key: created.data.key, socket };
}

/** A projector stage, keeping its picture as the stage's page does; `bytes` counts what it received, as JSON. */
async function attachStage(url: string, code: string, key: string, patches: boolean): Promise<{ socket: Socket; bytes: { n: number } }> {
  const socket = await connect(url);
  const bytes = { n: 0 };
  let picture: unknown = null;
  let version: number | undefined;
  socket.onAny((_event: string, ...args: unknown[]) => {
    bytes.n += JSON.stringify(args).length;
  });
  socket.on('stage:snapshot', (s: unknown) => {
    picture = s;
  });
  socket.on('stage:patch', (p: Patch) => {
    if (p.base !== version) throw new Error(`stage patch ${p.base}→${p.version} on version ${version}`);
    picture = patched(picture, p.delta);
    version = p.version;
  });
  await new Promise<void>((resolve, reject) => {
    // Taken in the answer's callback, before a patch that came in the same read.
    socket.emit(
      'stage:watch',
      { code, key, ...(patches ? { patches } : {}) },
      (r: { ok: boolean; data?: { snapshot: unknown; version?: number }; error?: { message: string } }) => {
        if (!r.ok || !r.data) return reject(new Error(`stage:watch: ${r.error?.message}`));
        picture = r.data.snapshot;
        version = r.data.version;
        resolve();
      },
    );
  });
  return { socket, bytes };
}

class Generator {
  readonly child: ChildProcess;
  private waiting: ((m: FromGen) => void) | null = null;

  constructor() {
    this.child = fork(path.join(import.meta.dirname, 'loadgen.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: FromGen) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
  }

  ask(m: ToGen): Promise<FromGen> {
    return new Promise((resolve, reject) => {
      this.waiting = (r) => (r.type === 'error' ? reject(new Error(`load generator: ${r.message}`)) : resolve(r));
      this.child.send(m);
    });
  }

  stop(): void {
    this.child.kill('SIGTERM');
  }
}

/** Splits R rooms × N nodes into one contiguous share per generator. */
function shares(codes: string[], nodes: number, generators: number): GenSlice[][] {
  const total = codes.length * nodes;
  const per = Math.ceil(total / generators);
  const out: GenSlice[][] = Array.from({ length: generators }, () => []);
  for (let g = 0; g < generators; g++) {
    for (let k = g * per; k < Math.min(total, (g + 1) * per); ) {
      const room = Math.floor(k / nodes);
      const first = k % nodes;
      const count = Math.min(nodes - first, Math.min(total, (g + 1) * per) - k);
      out[g]!.push({ room: codes[room]!, first, count });
      k += count;
    }
  }
  return out;
}

/** The product's environment for a rooms run. */
export function productEnv(opts: RoomsOptions): Record<string, string> {
  return {
    SKIP_CLIENT_BUILD: '1',
    DEFAULT_LATENCY_MS: '0',
    DEFAULT_JITTER_MS: '0',
    ROOM_CAPACITY: String(Math.max(opts.nodes, 1)),
    ROOM_CREATE_PER_MINUTE: String(Math.max(opts.rooms, 10)),
    ROOM_CREATE_BURST: String(Math.max(opts.rooms, 10)),
    LOG_LEVEL: 'warn',
  };
}

export async function runOnce(target: GenTarget, opts: RoomsOptions): Promise<RunFigures> {
  const nodeArgs = ['--expose-gc'];
  if (target === 'product' && opts.profile) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${opts.profile}`);
  const snapshots = opts.heapSnapshot ? path.join(opts.heapSnapshot, target) : null;
  if (snapshots) {
    mkdirSync(snapshots, { recursive: true });
    nodeArgs.push('--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`);
  }
  const server: Spawned = await spawnServer(
    target === 'product' ? 'server/main.ts' : 'test/bench/relay-server.ts',
    target === 'product' ? productEnv(opts) : {},
    nodeArgs,
  );
  const snapshot = snapshots ? () => heapSnapshot(server, snapshots) : undefined;
  try {
    return await measureRooms([server.url], target, opts, target === 'product' ? server.dataDir : null, undefined, snapshot);
  } finally {
    await server.stopped();
  }
}

/**
 * One measured run against servers already running: the rooms are created on them in turn (a
 * console each), load generator g plays its share of the nodes through server g (modulo their
 * count), and CPU, heap and memory are the servers' summed.
 */
export async function measureRooms(
  urls: string[],
  target: GenTarget,
  opts: RoomsOptions,
  dataDir: string | null,
  /** CPU ms of other processes the servers need (cluster mode: Redis), counted with theirs. */
  extraCpuMs: () => number = () => 0,
  /** Called before anything starts and once the load stopped, each time right after the heap was read (a heap snapshot). */
  atRest?: () => Promise<void>,
): Promise<RunFigures> {
  const patches = !opts.wholeViews;
  const gens = Array.from({ length: opts.generators }, () => new Generator());
  const consoles: Socket[] = [];
  const stages: { socket: Socket; bytes: { n: number } }[] = [];
  const all = async (gc = false): Promise<Metrics> => {
    const ms = await Promise.all(urls.map((u) => metrics(u, gc)));
    return {
      heapUsedBytes: ms.reduce((a, m) => a + m.heapUsedBytes, 0),
      rssMb: ms.reduce((a, m) => a + m.rssMb, 0),
      cpuMs: ms.reduce((a, m) => a + m.cpuMs, 0) + extraCpuMs(),
      wallMs: Math.max(...ms.map((m) => m.wallMs)),
      eventLoopDelayMs: {
        p50: Math.max(...ms.map((m) => m.eventLoopDelayMs.p50)),
        p99: Math.max(...ms.map((m) => m.eventLoopDelayMs.p99)),
        max: Math.max(...ms.map((m) => m.eventLoopDelayMs.max)),
      },
    };
  };
  try {
    const before = await all(true);
    await atRest?.();
    const codes: string[] = [];
    for (let r = 0; r < opts.rooms; r++) {
      if (target === 'relay') codes.push(`r${r}`);
      else {
        const c = await attachConsole(urls[r % urls.length]!, patches);
        consoles.push(c.socket);
        codes.push(c.code);
        if (opts.stage) stages.push(await attachStage(urls[r % urls.length]!, c.code, c.key, opts.stage === 'patches'));
      }
    }
    const joined = await Promise.all(
      shares(codes, opts.nodes, opts.generators).map((slices, g) =>
        gens[g]!.ask({ type: 'join', url: urls[g % urls.length]!, target, slices, patches }),
      ),
    );
    const peers: Record<string, string[]> = {};
    for (const j of joined) {
      if (j.type !== 'joined') continue;
      for (const n of j.nodes) {
        const list = peers[n.room] ?? [];
        list.push(n.id);
        peers[n.room] = list;
      }
    }
    for (const socket of consoles) {
      const started = await socket.emitWithAck('console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0 } });
      if (!started.ok) throw new Error(`console:round: ${started.error.message}`);
    }
    await sleep(1000);
    const windowMs = opts.window * 1000;
    const windowCount = Math.ceil((opts.seconds * 1000) / windowMs);
    const origin = wall() + 300;
    const stopped = Promise.all(gens.map((g) => g.ask({ type: 'start', peers, seconds: opts.seconds, windowMs, origin })));
    // The servers' CPU window by window: a reading at the origin, then at each window's end.
    while (wall() < origin) await sleep(2);
    await all();
    for (const s of stages) s.bytes.n = 0;
    const serverWindows: Metrics[] = [];
    let loopMax = 0;
    for (let w = 1; w <= windowCount; w++) {
      while (wall() < origin + w * windowMs) await sleep(Math.min(50, Math.max(1, origin + w * windowMs - wall())));
      const m = await all();
      serverWindows.push(m);
      loopMax = Math.max(loopMax, m.eventLoopDelayMs.max);
    }
    const stageBytes = stages.reduce((a, s) => a + s.bytes.n, 0);
    const after = await all(true);
    await atRest?.();
    // What is still in flight once sending stopped: waited for over all generators together,
    // since a generator's nodes receive what the others' nodes sent.
    const sentInAll = (await stopped).reduce((a, r) => a + (r.type === 'sent' ? r.sent : 0), 0);
    const drainUntil = performance.now() + DRAIN_MS;
    for (;;) {
      const counts = await Promise.all(gens.map((g) => g.ask({ type: 'count' })));
      const arrived = counts.reduce((a, r) => a + (r.type === 'count' ? r.delivered : 0), 0);
      if (arrived >= sentInAll || performance.now() >= drainUntil) break;
      await sleep(20);
    }
    const reports = (await Promise.all(gens.map((g) => g.ask({ type: 'finish' })))).filter(
      (r): r is Extract<FromGen, { type: 'done' }> => r.type === 'done',
    );
    const windows: WindowFigures[] = serverWindows.map((m, w) => {
      const sent = reports.reduce((a, r) => a + (r.windows[w]?.sent ?? 0), 0);
      const lat = reports.flatMap((r) => r.windows[w]?.latencies ?? []);
      return {
        sent,
        p99: round2(quantile(lat, 0.99)),
        cpuPct: Math.round((m.cpuMs / m.wallMs) * 1000) / 10,
        cpuUsPerMessage: sent ? Math.round((m.cpuMs * 1000) / sent) : null,
      };
    });
    const latencies = reports.flatMap((r) => r.windows.flatMap((w) => w.latencies));
    const sent = reports.reduce((a, r) => a + r.sent, 0);
    const delivered = reports.reduce((a, r) => a + r.delivered, 0);
    const cpuMs = serverWindows.reduce((a, m) => a + m.cpuMs, 0);
    const wallMs = serverWindows.reduce((a, m) => a + m.wallMs, 0);
    const figures: RunFigures = {
      sent,
      delivered,
      latencyMs: {
        p50: round2(quantile(latencies, 0.5)),
        p99: round2(quantile(latencies, 0.99)),
        max: round2(maximum(latencies)),
      },
      warmP99Ms: round2(
        quantile(
          reports.flatMap((r) => r.windows.slice(1).flatMap((w) => w.latencies)),
          0.99,
        ),
      ),
      windows,
      cpuPct: Math.round((cpuMs / wallMs) * 1000) / 10,
      cpuUsPerMessage: sent ? Math.round((cpuMs * 1000) / sent) : null,
      heapKbPerNode: Math.round((after.heapUsedBytes - before.heapUsedBytes) / (opts.rooms * opts.nodes) / 102.4) / 10,
      rssMb: after.rssMb,
      loopDelayMaxMs: loopMax,
      drainMs: Math.max(0, ...reports.map((r) => r.drainMs)),
      undelivered: sent - delivered,
      refused: {},
    };
    for (const r of reports) for (const [code, n] of Object.entries(r.refused)) figures.refused[code] = (figures.refused[code] ?? 0) + n;
    if (target === 'product' && dataDir) figures.recordingBytesPerEnvelope = recordingBytes(dataDir);
    if (stages.length) figures.stageKbPerSecond = Math.round(stageBytes / stages.length / (wallMs / 1000) / 102.4) / 10;
    return figures;
  } finally {
    for (const s of [...consoles, ...stages.map((x) => x.socket)]) s.disconnect();
    for (const g of gens) g.stop();
  }
}

/** Asks the server for a heap snapshot (SIGUSR2) and waits until the file is whole. */
async function heapSnapshot(server: Spawned, dir: string): Promise<void> {
  const before = new Set(readdirSync(dir));
  server.child.kill('SIGUSR2');
  let last = -1;
  // A server that died (out of memory while writing it), or a folder it cannot write, must not hang the bench.
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error('the server exited while writing its heap snapshot');
    if (Date.now() > deadline) throw new Error(`no heap snapshot in ${dir} after 10 minutes`);
    await sleep(500);
    // The snapshot is written on the server's main thread: once it answers, the file is done.
    // Writing 100 MB takes longer than fetch waits for a connection: it fails, and is asked again.
    if (
      !(await metrics(server.url).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const name = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (!name) continue;
    const size = statSync(path.join(dir, name)).size;
    if (size === last && size > 0) return;
    last = size;
  }
}

/** Bytes of recording per envelope sent, over every recording the server wrote. */
function recordingBytes(dataDir: string): number | undefined {
  const dir = path.join(dataDir, 'recordings');
  let bytes = 0;
  let envelopes = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    bytes += Buffer.byteLength(text);
    envelopes += parseRecording(text).events.filter((e) => e.type === 'envelope:sent').length;
  }
  return envelopes ? Math.round(bytes / envelopes) : undefined;
}

export async function roomsBench(opts: RoomsOptions): Promise<{ product: RunFigures[]; relay: RunFigures[] }> {
  const product: RunFigures[] = [];
  const relay: RunFigures[] = [];
  for (let run = 0; run < opts.runs; run++) {
    // Interleaved, so a change in what else the machine is doing touches both alike.
    product.push(await runOnce('product', opts));
    relay.push(await runOnce('relay', opts));
  }
  return { product, relay };
}
