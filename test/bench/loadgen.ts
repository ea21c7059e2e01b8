// A load generator for the `rooms` and `big-room` benchmarks, run in a process of its own (the
// coordinator, rooms.ts, starts several): it connects its share of the nodes, each of which
// then sends one message a second to a random other node of its room, and it measures each
// message's time from send to arrival. Arrival, for the product, is when the message shows in
// the receiver's inbox as a phone sees it (its view, kept up to date from the server's
// patches); for the bare relay, when the relayed message arrives.
//
// Talks to the coordinator over the IPC channel: join → joined, start → sent (once sending
// stops; its nodes stay connected and go on counting arrivals), count → count, finish → done.
// The wait for what is still in flight is the coordinator's: a generator receives messages
// other generators sent, so only the sums over all generators say whether anything is missing.

import { io, type Socket } from 'socket.io-client';
import type { SandboxView } from '../../shared/games/sandbox/config';
import { patched, type Patch } from '../../shared/protocol/patch';
import type { NodeView } from '../../shared/protocol/views';

export type GenTarget = 'product' | 'relay';

/** A slice of one room's nodes this generator plays. */
export interface GenSlice {
  room: string;
  first: number;
  count: number;
}

export type ToGen =
  | {
      type: 'join';
      url: string;
      target: GenTarget;
      slices: GenSlice[];
      /** Ask for view patches (as the phone does); false asks for whole views, as a student's program may. */
      patches: boolean;
    }
  | {
      type: 'start';
      /** Every node of every room this generator plays, by room (ids as the server knows them). */
      peers: Record<string, string[]>;
      seconds: number;
      windowMs: number;
      /** Wall-clock ms (performance.timeOrigin + now) the run starts at, shared by all generators. */
      origin: number;
    }
  /** How many messages this generator's nodes have received so far. */
  | { type: 'count' }
  /** The wait is over: disconnect and report. */
  | { type: 'finish' };

export type FromGen =
  | { type: 'joined'; nodes: { room: string; id: string }[] }
  | { type: 'sent'; sent: number }
  | { type: 'count'; delivered: number }
  | {
      type: 'done';
      /** Per window (by send time): messages sent, and latencies (ms) of those that arrived. */
      windows: { sent: number; latencies: number[] }[];
      sent: number;
      /** Messages this generator's nodes received (sent by any generator's nodes). */
      delivered: number;
      /** ms after sending stopped until the last message arrived here (or the wait ran out). */
      drainMs: number;
      refused: Record<string, number>;
    }
  | { type: 'error'; message: string };

const wall = () => performance.timeOrigin + performance.now();
/**
 * Every text is 20 characters: the send time (wall-clock ms), padded. Wall-clock rather than
 * since the run's origin, so that a message that arrives before this generator has heard of the
 * run (another generator's node sent it; under load the coordinator's `start` can reach this
 * process late) still counts: arrivals are put in windows only once the run is over.
 */
const textFor = (wallMs: number) => wallMs.toFixed(2).padEnd(20, '~');

interface Node {
  room: string;
  id: string;
  socket: Socket;
  send(to: string, text: string): void;
}

const nodes: Node[] = [];
/** Sends the server refused, by error code. */
const refused: Record<string, number> = {};
let origin = 0;
let windowMs = 1000;
let windows: { sent: number; latencies: number[] }[] = [];
let sent = 0;
let delivered = 0;
/** Every arrival: its send time and arrival time (wall-clock ms), in pairs. */
const arrivals: number[] = [];
let stoppedAt = 0;

function arrived(text: string): void {
  const sentAt = Number.parseFloat(text);
  if (!Number.isFinite(sentAt) || sentAt <= 0) return;
  delivered++;
  arrivals.push(sentAt, wall());
}

async function connect(url: string): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

async function productNode(url: string, room: string, i: number, patches: boolean): Promise<Node> {
  const s = await connect(url);
  // The phone's copy of its view: the join's, then each patch applied in order. The join's is
  // taken in its answer's callback, with the listeners already there: a patch pushed right
  // after the answer can come in the same read, before code after an await would run.
  let view = null as unknown as NodeView;
  let version = 0;
  let inboxIds = new Set<string>();
  const seen = (v: NodeView) => {
    const inbox = (v.game as SandboxView | null)?.inbox ?? [];
    const ids = new Set<string>();
    for (const m of inbox) {
      ids.add(m.id);
      if (!inboxIds.has(m.id)) arrived(m.text);
    }
    inboxIds = ids;
  };
  const apply = (p: Patch) => {
    if (p.base !== version) throw new Error(`view patch ${p.base}→${p.version} on version ${version}`);
    view = patched(view, p.delta);
    version = p.version;
    seen(view);
  };
  s.on('node:patch', apply);
  s.on('node:view', (v: NodeView) => {
    view = v;
    seen(view);
  });
  type Joined = { ok: true; data: { node: string; view: NodeView; version?: number } } | { ok: false; error: { message: string } };
  const r = await new Promise<Joined>((resolve) =>
    s.emit('room:join', { code: room, nickname: `load-${i}`, ...(patches ? { patches } : {}) }, (r: Joined) => {
      if (r.ok) {
        view = r.data.view;
        version = r.data.version ?? 0;
      }
      resolve(r);
    }),
  );
  if (!r.ok) throw new Error(`join ${room}: ${r.error.message}`);
  const send = (to: string, text: string) =>
    s.emit(
      'node:act',
      { action: { type: 'send', to: [to], text } },
      (a: { ok: boolean; data?: { patch?: Patch } | null; error?: { code: string } }) => {
        if (!a.ok) refused[a.error?.code ?? '?'] = (refused[a.error?.code ?? '?'] ?? 0) + 1;
        // The answer carries what the send changed in this node's own view, as the phone applies it.
        else if (a.data?.patch) apply(a.data.patch);
      },
    );
  return { room, id: r.data.node, socket: s, send };
}

async function relayNode(url: string, room: string, i: number, _patches: boolean): Promise<Node> {
  const s = await connect(url);
  const id = `${room}-${i}`;
  await s.emitWithAck('relay:join', { id });
  s.on('relay:msg', (m: { text: string }) => arrived(m.text));
  return { room, id, socket: s, send: (to, text) => s.emit('relay:send', { to: [to], text, from: id }) };
}

async function join(msg: Extract<ToGen, { type: 'join' }>): Promise<void> {
  const make = msg.target === 'product' ? productNode : relayNode;
  const jobs: { room: string; i: number }[] = [];
  for (const s of msg.slices) for (let k = 0; k < s.count; k++) jobs.push({ room: s.room, i: s.first + k });
  // A few at a time, as a class arriving; all at once would measure the connect storm instead.
  for (let k = 0; k < jobs.length; k += 20) {
    const batch = jobs.slice(k, k + 20);
    nodes.push(...(await Promise.all(batch.map((j) => make(msg.url, j.room, j.i, msg.patches)))));
  }
  send({ type: 'joined', nodes: nodes.map((n) => ({ room: n.room, id: n.id })) });
}

async function run(msg: Extract<ToGen, { type: 'start' }>): Promise<void> {
  origin = msg.origin;
  windowMs = msg.windowMs;
  const total = msg.seconds * 1000;
  windows = Array.from({ length: Math.ceil(total / windowMs) }, () => ({ sent: 0, latencies: [] }));
  let seed = 0x9e3779b9 ^ nodes.length;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  // Each node sends once a second, the nodes spread evenly over the second.
  const next = nodes.map((_, i) => (i / nodes.length) * 1000);
  while (wall() < origin) await new Promise((r) => setTimeout(r, 1));
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = wall() - origin;
      if (now >= total) return resolve();
      for (let i = 0; i < nodes.length; i++) {
        if (next[i]! > now) continue;
        next[i]! += 1000;
        const from = nodes[i]!;
        const peers = msg.peers[from.room] ?? [];
        if (peers.length < 2) continue;
        let to = peers[rand(peers.length)]!;
        if (to === from.id) to = peers[(peers.indexOf(to) + 1) % peers.length]!;
        const at = wall() - origin;
        const w = windows[Math.floor(at / windowMs)];
        if (!w) continue;
        w.sent++;
        sent++;
        from.send(to, textFor(origin + at));
      }
      setTimeout(tick, 5);
    };
    tick();
  });
  stoppedAt = wall();
  send({ type: 'sent', sent });
}

function finish(): void {
  for (const n of nodes) n.socket.disconnect();
  let lastArrival = 0;
  for (let k = 0; k < arrivals.length; k += 2) {
    const sentAt = arrivals[k]!;
    const at = arrivals[k + 1]!;
    windows[Math.floor((sentAt - origin) / windowMs)]?.latencies.push(at - sentAt);
    lastArrival = Math.max(lastArrival, at);
  }
  send({ type: 'done', windows, sent, delivered, drainMs: Math.max(0, Math.round(lastArrival - stoppedAt)), refused });
}

function send(m: FromGen): void {
  process.send?.(m);
}

process.on('message', (m: ToGen) => {
  if (m.type === 'count') return send({ type: 'count', delivered });
  if (m.type === 'finish') return finish();
  const job = m.type === 'join' ? join(m) : run(m);
  job.catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
process.on('disconnect', () => process.exit(0));
