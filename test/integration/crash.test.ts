// kill -9 at random moments: the real server in its own process, 20 phones in two rooms playing
// a round and sending actions, killed with SIGKILL again and again and restarted on the same data
// directory. After every restart both rooms are back, every phone resumes as its own node, each
// recording's events run without a gap, and every action that had been acknowledged is recorded.
// KILLS (default 20) and CRASH_SEED (default: random, printed) reproduce a run.

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../shared/rng';
import { parseRecording } from '../../shared/session/recording';
import {
  ask,
  connect,
  followAnswer,
  killNow,
  recordingWithJournal,
  type ServerProcess,
  spawnServerProcess,
  type TestSocket,
} from './harness';

const KILLS = Number(process.env.KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Phones in each room: 20 in all. */
const ROOMS = [15, 5];
/** Each phone acts about this often (the per-socket limit is 40 a second). */
const ACT_EVERY_MS = 40;

const dataDir = mkdtempSync(path.join(tmpdir(), 'hc-crash-'));
const recordings = path.join(dataDir, 'recordings');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts `npm start`'s server on the shared data directory; resolves once it listens. */
async function startServer(): Promise<ServerProcess> {
  const server = await spawnServerProcess('the server', dataDir, { DEFAULT_LATENCY_MS: '5', DEFAULT_JITTER_MS: '5' });
  children.push(server.child);
  return server;
}

interface Phone {
  code: string;
  nickname: string;
  node: string;
  token: string;
  socket: TestSocket | null;
  sent: number;
}

/**
 * What the recordings say: each room's count of events (checked to run 1, 2, 3… with no gap)
 * and every action, as room:node:text. `withJournal`: as the next start will find them, with
 * what the dead server's journal holds put back (an acknowledged line is in one or the other).
 */
function readRecordings(withJournal = false): { seqs: Map<string, number>; acted: Set<string> } {
  const files = readdirSync(recordings);
  expect(files.filter((f) => f.includes('.damaged'))).toEqual([]);
  const seqs = new Map<string, number>();
  const acted = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.jsonl'))) {
    const name = path.join(recordings, file);
    const parsed = parseRecording(withJournal ? recordingWithJournal(dataDir, name) : readFileSync(name, 'utf8'));
    const code = parsed.header.room;
    for (const e of parsed.events) {
      if (e.type === 'node:acted') acted.add(`${code}:${e.node}:${(e.action as { text: string }).text}`);
    }
    expect(parsed.events.map((e) => e.seq)).toEqual(parsed.events.map((_, i) => i + 1));
    seqs.set(code, parsed.events.length);
  }
  return { seqs, acted };
}

describe(`kill -9 in the middle of a round, ${KILLS} times in a row (CRASH_SEED=${SEED})`, () => {
  it('loses no acknowledged action, and the rooms and their nodes come back every time', { timeout: 30_000 + KILLS * 8_000 }, async () => {
    console.log(`crash test: CRASH_SEED=${SEED} KILLS=${KILLS}`);
    const rng = createRng(SEED);
    const acked = new Set<string>();
    let server = await startServer();
    const rooms: { code: string; key: string; phones: Phone[] }[] = [];
    for (const size of ROOMS) {
      const instructor = await connect(server.url);
      const created = await ask(instructor, 'console:create', {});
      if (!created.ok) throw new Error(created.error.message);
      const { code, key } = created.data as { code: string; key: string };
      const room = { code, key, phones: [] as Phone[] };
      for (let i = 0; i < size; i++) {
        const socket = await connect(server.url);
        const r = await ask(socket, 'room:join', { code, nickname: `phone ${i + 1}` });
        if (!r.ok) throw new Error(r.error.message);
        room.phones.push({ code, nickname: `phone ${i + 1}`, node: r.data.node, token: r.data.token, socket, sent: 0 });
      }
      expect((await ask(instructor, 'console:round', { action: 'start', game: 'sandbox', config: { botDelayMs: 0 } })).ok).toBe(true);
      instructor.disconnect();
      rooms.push(room);
    }
    const phones = rooms.flatMap((r) => r.phones);
    let lastSeqs = new Map<string, number>();
    let ackedAtKill = new Set<string>();
    /** The acknowledgements the runs waited for before their kill, at least. */
    let expected = 0;
    let onAck = () => {};
    /** Resolves after `n` more acknowledgements. */
    const ackedSince = (n: number) =>
      new Promise<void>((resolve) => {
        let left = n;
        if (left <= 0) return resolve();
        onAck = () => {
          if (--left === 0) {
            onAck = () => {};
            resolve();
          }
        };
      });

    for (let run = 0; run <= KILLS; run++) {
      if (run > 0) {
        server = await startServer();
        // The instructor's key still opens each restored room, with every node in it.
        for (const { code, key, phones: inRoom } of rooms) {
          const console_ = await connect(server.url);
          const attached = await ask(console_, 'console:attach', { code, key });
          if (!attached.ok) throw new Error(`run ${run}: room ${code} did not come back: ${attached.error.message}`);
          expect(attached.data.snapshot.nodes.filter((n: { status: string }) => n.status === 'active')).toHaveLength(inRoom.length);
          console_.disconnect();
        }
        // The start put back what the journal held: every action acknowledged before the kill is in the files.
        const { seqs, acted } = readRecordings();
        for (const [code, n] of lastSeqs) expect(seqs.get(code)).toBeGreaterThanOrEqual(n);
        expect(
          [...ackedAtKill].filter((a) => !acted.has(a)),
          `run ${run}: acknowledged, but not in the files after the restart`,
        ).toEqual([]);
      }
      if (run === KILLS) {
        // The last start: every phone resumes as itself; then a clean look at the file.
        for (const p of phones) {
          const s = await connect(server.url);
          const r = await ask(s, 'room:resume', { code: p.code, token: p.token });
          expect(r.ok ? r.data.node : r.error).toBe(p.node);
          s.disconnect();
        }
        break;
      }
      // Phones resume and act until the server dies, at a random moment: while they
      // reconnect, or while they act.
      let alive = true;
      const wrongResumes: string[] = [];
      const timers: NodeJS.Timeout[] = [];
      for (const p of phones) {
        void (async () => {
          try {
            const s = run === 0 ? p.socket! : await connect(server.url);
            p.socket = s;
            if (run > 0) {
              const r = await ask(s, 'room:resume', { code: p.code, token: p.token });
              if (!alive) return;
              if (!r.ok || r.data.node !== p.node) wrongResumes.push(`${p.node}: ${JSON.stringify(r).slice(0, 200)}`);
            }
            const inRoom = rooms.find((r) => r.code === p.code)!.phones;
            const peer = inRoom[(inRoom.indexOf(p) + 1) % inRoom.length]!.node;
            const act = () => {
              if (!alive || !s.connected) return;
              const text = `${p.nickname} #${++p.sent}`;
              s.emit('node:act', { action: { type: 'send', to: [peer], text } }, (r: { ok: boolean; data?: unknown }) => {
                followAnswer(s, r);
                if (r.ok) {
                  acked.add(`${p.code}:${p.node}:${text}`);
                  onAck();
                }
              });
              timers.push(setTimeout(act, ACT_EVERY_MS));
            };
            act();
          } catch {
            // The server died while this phone was connecting: it tries again after the restart.
          }
        })();
      }
      // The moment: after a random number of acknowledgements in this run (none: while the
      // phones are still resuming), then a random few more milliseconds. Counting answers
      // rather than time keeps every run meaningful however slow the machine is.
      const acks = rng.between(0, 40);
      const extra = rng.between(0, 150);
      const at = `${acks} acknowledgements + ${extra} ms`;
      let stuck: NodeJS.Timeout | undefined;
      await Promise.race([
        ackedSince(acks),
        new Promise((_, reject) => {
          stuck = setTimeout(
            () =>
              reject(new Error(`run ${run}: no progress towards ${acks} acknowledgements; resumes: ${wrongResumes.join('; ') || 'fine'}`)),
            20_000,
          );
        }),
      ]);
      clearTimeout(stuck);
      await new Promise((r) => setTimeout(r, extra));
      expected += acks;
      alive = false;
      await killNow(server.child);
      for (const t of timers) clearTimeout(t);
      for (const p of phones) p.socket?.disconnect();
      // What the dead server acknowledged is on disk (the page cache outlives the process): in
      // its recording, or in the journal the next start puts back into it.
      const { seqs, acted } = readRecordings(true);
      const lost = [...acked].filter((a) => !acted.has(a));
      ackedAtKill = new Set(acked);
      expect(lost, `run ${run} (killed after ${at}): acknowledged but not recorded`).toEqual([]);
      expect(wrongResumes).toEqual([]);
      lastSeqs = seqs;
    }
    await killNow(server.child);
    expect(acked.size).toBeGreaterThanOrEqual(expected);
    console.log(`crash test: ${KILLS} kills, ${acked.size} acknowledged actions, all recorded`);
  });
});
