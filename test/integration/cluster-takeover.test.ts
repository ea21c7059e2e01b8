// Cluster mode with real processes: three `npm start` servers on one private Redis and one
// DATA_DIR. A room owned by one of them has phones on two processes and its console on a
// third; they play a sandbox round and then an election round. The owner is killed with
// SIGKILL in the middle of the election: another process owns the room within 5 s, every
// phone resumes as itself, the round goes on, the recording runs without a gap with the new
// owner's fencing token in it, and every action that was acknowledged is in it.
//
// Then the new owner is paused (SIGSTOP) past its lease: a third process takes the room, and
// the paused one, woken, stops applying and recording that room at once.

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../shared/protocol/recordingFormat';
import { parseRecording } from '../../shared/session/recording';
import { startRedis, type TestRedis } from '../support/redis';
import { ask, connect, killNow, spawnServerProcess, type TestSocket } from './harness';

const LEASE_MS = 1_500;
const dataDir = mkdtempSync(path.join(tmpdir(), 'hc-cluster-kill-'));
const recordings = path.join(dataDir, 'recordings');
let redis: TestRedis;
let rc: Redis;
const children: ChildProcess[] = [];

interface Proc {
  name: string;
  url: string;
  child: ChildProcess;
  log: string[];
  dead: boolean;
}

async function startProcess(name: string): Promise<Proc> {
  const server = await spawnServerProcess(name, dataDir, {
    DEFAULT_LATENCY_MS: '20',
    DEFAULT_JITTER_MS: '10',
    REDIS_URL: redis.url,
    CLUSTER_LEASE_MS: String(LEASE_MS),
    RATE_LIMIT_PER_SECOND: '1000',
  });
  children.push(server.child);
  return { name, ...server, dead: false };
}

async function kill(p: Proc): Promise<void> {
  p.dead = true;
  await killNow(p.child);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it is truthy (or fails after `ms`). */
async function waitFor<T>(what: string, check: () => T | Promise<T>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * A phone as the real one behaves: when its connection drops it connects again (to its own
 * process if it lives, else to another, as a load balancer would send it) and resumes with its
 * token. It records every action the server acknowledged.
 */
class Phone {
  socket: TestSocket | null = null;
  node = '';
  token = '';
  resumes: string[] = [];
  acked: string[] = [];
  /** Why actions were refused (codes), for a failure's message. */
  refused: string[] = [];
  private stopped = false;

  constructor(
    readonly nickname: string,
    public home: Proc,
    private readonly others: () => Proc[],
  ) {}

  async join(code: string): Promise<void> {
    const s = await connect(this.home.url);
    const r = await ask(s, 'room:join', { code, nickname: this.nickname });
    if (!r.ok) throw new Error(`${this.nickname}: ${r.error.message}`);
    this.node = r.data.node;
    this.token = r.data.token;
    this.watch(s, code);
  }

  private watch(s: TestSocket, code: string): void {
    this.socket = s;
    s.once('disconnect', (why) => {
      this.refused.push(`disconnect:${why}`);
      if (this.stopped) return;
      this.socket = null;
      void this.reconnect(code);
    });
  }

  private async reconnect(code: string): Promise<void> {
    for (let attempt = 0; attempt < 100 && !this.stopped; attempt++) {
      const target = this.home.dead ? this.others().find((p) => !p.dead)! : this.home;
      try {
        const s = await connect(target.url);
        const r = await ask(s, 'room:resume', { code, token: this.token });
        if (r.ok) {
          this.home = target;
          this.resumes.push(r.data.node);
          this.watch(s, code);
          return;
        }
        s.disconnect();
      } catch {}
      await sleep(100);
    }
  }

  /** Sends an action; resolves with whether it was acknowledged. */
  async act(action: Record<string, unknown>): Promise<boolean> {
    const s = this.socket;
    if (!s?.connected) return false;
    try {
      const r = await ask(s, 'node:act', { action });
      if (r.ok) this.acked.push(JSON.stringify(action));
      else this.refused.push(r.error.code);
      return r.ok;
    } catch {
      return false;
    }
  }

  stop(): void {
    this.stopped = true;
    this.socket?.disconnect();
  }
}

function recordingOf(code: string): SessionEvent[] {
  for (const file of readdirSync(recordings).filter((f) => f.endsWith('.jsonl'))) {
    const parsed = parseRecording(readFileSync(path.join(recordings, file), 'utf8'));
    if (parsed.header.room === code) return parsed.events;
  }
  throw new Error(`no recording of ${code}`);
}

async function ownerOf(code: string): Promise<string | null> {
  const v = await rc.get(`hc:lease:${code}`);
  return v ? v.slice(0, v.lastIndexOf(':')) : null;
}

/** The process id in a lease is `<pid>-<random>`. */
const pidOf = (owner: string | null) => Number(owner?.split('-')[0]);

let procs: Proc[] = [];

beforeAll(async () => {
  redis = await startRedis();
  rc = new Redis(redis.url);
  procs = await Promise.all(['A', 'B', 'C'].map(startProcess));
}, 60_000);

afterAll(async () => {
  for (const c of children) {
    if (c.signalCode === null && c.exitCode === null) {
      c.kill('SIGCONT');
      c.kill('SIGKILL');
    }
  }
  rc?.disconnect();
  await redis?.stop();
});

describe('cluster mode: three processes, kill -9 of a room owner mid-round', () => {
  it('another process owns the room within 5 s, phones resume as themselves, the round goes on, nothing acknowledged is lost', {
    timeout: 60_000,
  }, async () => {
    const [A, B, C] = procs as [Proc, Proc, Proc];
    // The room is created on A, so A owns it.
    const instructor = await connect(A.url);
    const created = await ask(instructor, 'console:create', {});
    if (!created.ok) throw new Error(created.error.message);
    const { code, key } = created.data as { code: string; key: string };
    expect(pidOf(await ownerOf(code))).toBe(A.child.pid);
    instructor.disconnect();

    // The console on C; three phones on A, three on B.
    const console_ = await connect(C.url);
    expect((await ask(console_, 'console:attach', { code, key })).ok).toBe(true);
    let consoleRounds: unknown[] = [];
    console_.on('console:snapshot', (s) => {
      consoleRounds = [s.round];
    });
    const phones = [
      ...[1, 2, 3].map((i) => new Phone(`a${i}`, A, () => [B, C])),
      ...[1, 2, 3].map((i) => new Phone(`b${i}`, B, () => [C, A])),
    ];
    for (const p of phones) await p.join(code);
    const nodes = phones.map((p) => p.node);
    expect(new Set(nodes).size).toBe(6);

    // A sandbox round: everyone sends to the next phone.
    expect((await ask(console_, 'console:round', { action: 'start', game: 'sandbox', config: {} })).ok).toBe(true);
    for (let k = 0; k < 3; k++) {
      const sent = await Promise.all(phones.map((p, i) => p.act({ type: 'send', to: [nodes[(i + 1) % 6]], text: `hello ${k}` })));
      expect(
        sent.every(Boolean),
        `${phones.flatMap((p) => p.refused).join(' ')} ${phones.map((p) => `${p.nickname}:${p.socket?.connected}:${p.resumes.length}`).join(' ')}`,
      ).toBe(true);
    }
    expect((await ask(console_, 'console:round', { action: 'stop' })).ok).toBe(true);

    // An election round at its fast pace; the phones keep proposing while it runs.
    const election = await ask(console_, 'console:round', { action: 'start', game: 'election', config: { pace: 'fast' } });
    if (!election.ok) throw new Error(election.error.message);
    const roundIndex = (election.data as { index: number }).index;
    let playing = true;
    let proposals = 0;
    const play = (async () => {
      while (playing) {
        await Promise.all(
          phones.map((p) => p.act(p.node === nodes[0] ? { type: 'stand' } : { type: 'propose', value: `v${++proposals}` })),
        );
        await sleep(30);
      }
    })();
    await sleep(700);
    const ackedBefore = phones.reduce((n, p) => n + p.acked.length, 0);
    expect(ackedBefore).toBeGreaterThan(18);

    // kill -9 of the owner, mid-round.
    const killedAt = Date.now();
    await kill(A);
    const newOwner = await waitFor('a new owner', async () => {
      const o = await ownerOf(code);
      return o && pidOf(o) !== A.child.pid ? o : null;
    });
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThanOrEqual(5_000);
    expect([B.child.pid, C.child.pid]).toContain(pidOf(newOwner));

    // Every phone resumes as itself (those of A on another process, those of B where they are).
    await waitFor('every phone back', () => phones.every((p) => p.socket?.connected && p.resumes.length > 0), 15_000);
    for (const p of phones) expect(p.resumes).toEqual(p.resumes.map(() => p.node));
    // The console follows: it reconnects and attaches again on C.
    await waitFor('the console back', async () => {
      if (!console_.connected) console_.connect();
      if (!console_.connected) return false;
      const r = await ask(console_, 'console:attach', { code, key }).catch(() => null);
      return r?.ok ? r : false;
    });

    // The round goes on: phones act and are answered; the console sees the same round running.
    const ackedAtTakeover = phones.reduce((n, p) => n + p.acked.length, 0);
    await waitFor('actions answered by the new owner', () => phones.reduce((n, p) => n + p.acked.length, 0) > ackedAtTakeover + 12);
    await waitFor('the console sees the round', () => (consoleRounds[0] as { index?: number } | null)?.index === roundIndex);
    playing = false;
    await play;
    expect((await ask(console_, 'console:round', { action: 'stop' })).ok).toBe(true);

    // The recording: no gap, the owners' fences 1 then 2, every acknowledged action in it.
    const events = recordingOf(code);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'room:owner').map((e) => (e as { fence: number }).fence)).toEqual([1, 2]);
    const recorded = new Map<string, number>();
    for (const e of events) {
      if (e.type !== 'node:acted' || e.by !== 'node') continue;
      const k = `${e.node}:${JSON.stringify(e.action)}`;
      recorded.set(k, (recorded.get(k) ?? 0) + 1);
    }
    const lost = phones.flatMap((p) => p.acked.filter((a) => !recorded.has(`${p.node}:${a}`)).map((a) => `${p.nickname} ${a}`));
    expect(lost).toEqual([]);
    const refusals: Record<string, number> = {};
    for (const c of phones.flatMap((p) => p.refused)) refusals[c] = (refusals[c] ?? 0) + 1;
    console.log(
      `cluster takeover: owner killed, new owner after ${takeoverMs} ms; ${ackedAtTakeover} actions acknowledged before, ${phones.reduce((n, p) => n + p.acked.length, 0)} in all, all recorded; refused: ${JSON.stringify(refusals)}`,
    );
    for (const p of phones) p.stop();
    console_.disconnect();
  });

  it('an owner paused past its lease stops applying and recording the room the moment it wakes', { timeout: 60_000 }, async () => {
    const live = procs.filter((p) => !p.dead);
    const [owner, other] = live as [Proc, Proc];
    const instructor = await connect(owner.url);
    const created = await ask(instructor, 'console:create', {});
    if (!created.ok) throw new Error(created.error.message);
    const { code } = created.data as { code: string };
    expect(pidOf(await ownerOf(code))).toBe(owner.child.pid);
    const phones = [1, 2, 3].map((i) => new Phone(`p${i}`, other, () => [owner]));
    for (const p of phones) await p.join(code);
    // A round: messages in flight are timers of the owner's.
    expect((await ask(instructor, 'console:round', { action: 'start', game: 'sandbox', config: {} })).ok).toBe(true);
    for (const [i, p] of phones.entries())
      expect(await p.act({ type: 'send', to: [phones[(i + 1) % 3]!.node], text: 'before' })).toBe(true);

    // A long pause of the owner: its lease runs out and the other process takes the room.
    owner.child.kill('SIGSTOP');
    const pausedAt = Date.now();
    await waitFor('the other process owns the room', async () => pidOf(await ownerOf(code)) === other.child.pid, 10_000);
    const takeoverMs = Date.now() - pausedAt;
    // The phones go on with the new owner.
    await waitFor('phones resumed', () => phones.every((p) => p.socket?.connected && p.resumes.length > 0), 10_000);
    for (const [i, p] of phones.entries()) {
      await waitFor(
        'an action answered',
        () => p.act({ type: 'send', to: [phones[(i + 1) % 3]!.node], text: `after ${p.nickname}` }),
        5_000,
      );
    }
    const before = recordingOf(code);

    // The old owner wakes up: it must not apply or record anything of this room any more.
    const logBefore = owner.log.join('').length;
    owner.child.kill('SIGCONT');
    await waitFor(
      'the old owner to say it stopped',
      () => owner.log.join('').slice(logBefore).includes(`no longer the owner of room ${code}`),
      5_000,
    );
    await sleep(500);
    for (const [i, p] of phones.entries()) expect(await p.act({ type: 'send', to: [phones[(i + 1) % 3]!.node], text: 'later' })).toBe(true);
    const after = recordingOf(code);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
    expect(after.filter((e) => e.type === 'room:owner').map((e) => (e as { fence: number }).fence)).toEqual([1, 2]);
    // Every event after the second owner's fence was applied by it: each action of the phones
    // after the takeover is in the recording exactly once.
    const later = after.filter((e) => e.type === 'node:acted' && (e.action as { text?: string }).text === 'later');
    expect(later).toHaveLength(3);
    console.log(`cluster pause: owner paused, room taken over after ${takeoverMs} ms; woken, it stopped`);
    for (const p of phones) p.stop();
    instructor.disconnect();
  });
});
