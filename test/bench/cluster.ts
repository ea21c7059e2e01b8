// `npm run bench -- cluster`: cluster mode under the `rooms` load (R rooms × N phones, each one
// message a second), on P server processes of this machine sharing a private Redis and one
// DATA_DIR, beside one process alone under the same load in the same run. Rooms are created
// on the processes in turn, and each load generator connects its phones to one process, so
// most phones are on another process than their room's owner (their requests cross Redis).
// Then the process owning a quarter of the rooms is killed with SIGKILL: the takeover time is
// from the kill until every one of its rooms has been restored by another process (the new
// owner's announcement on Redis). The CPU of the cluster counts Redis's.

import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startRedis } from '../support/redis';
import { measureRooms, productEnv, type RoomsOptions, runOnce, type RunFigures } from './rooms';
import { spawnServer, type Spawned } from './spawn';

export interface ClusterBenchOptions extends RoomsOptions {
  processes: number;
  leaseMs: number;
}

export interface ClusterRunFigures {
  cluster: RunFigures;
  single: RunFigures;
  /** Redis's CPU per message (µs), part of the cluster's. */
  redisUsPerMessage: number | null;
  /** Commands Redis ran per message sent (all kinds), and of them PUBLISH (INFO commandstats over the run). */
  redisCommandsPerMessage: number | null;
  publishesPerMessage: number | null;
  /** kill -9 → the last of the killed process's rooms restored elsewhere (ms), and the first. */
  takeoverMs: number;
  firstTakeoverMs: number;
  roomsTakenOver: number;
  /** Rooms that changed owner during the load (an owner overloaded past its lease loses its rooms). */
  movedUnderLoad: number;
}

/** Calls per command from Redis's `INFO commandstats` (`cmdstat_publish:calls=12,…`). */
function commandCalls(info: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out.set(m[1] as string, Number(m[2]));
  return out;
}

/** CPU ms a process has used so far (Linux /proc; 0 elsewhere). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

async function runCluster(opts: ClusterBenchOptions): Promise<Omit<ClusterRunFigures, 'single'>> {
  const redis = await startRedis();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hc-bench-cluster-'));
  const env = { ...productEnv(opts), REDIS_URL: redis.url, DATA_DIR: dataDir, CLUSTER_LEASE_MS: String(opts.leaseMs) };
  const servers: Spawned[] = [];
  const rc = new Redis(redis.url);
  try {
    for (let i = 0; i < opts.processes; i++) servers.push(await spawnServer('server/main.ts', env, ['--expose-gc']));
    let redisCpu = cpuMsOf(redis.pid);
    let redisTotal = 0;
    const extra = () => {
      const now = cpuMsOf(redis.pid);
      const d = now - redisCpu;
      redisCpu = now;
      redisTotal += d;
      return d;
    };
    extra();
    redisTotal = 0;
    await rc.config('RESETSTAT');
    const cluster = await measureRooms(
      servers.map((s) => s.url),
      'product',
      opts,
      dataDir,
      extra,
    );

    const calls = commandCalls(await rc.info('commandstats'));
    const perMessage = (n: number) => (cluster.sent ? Math.round((n / cluster.sent) * 100) / 100 : null);

    // kill -9 of the first process: it created (and owns) every processes-th room.
    const rooms = await rc.hgetall('hc:rooms');
    const codes = Object.keys(rooms);
    const leases = await rc.mget(codes.map((c) => `hc:lease:${c}`));
    const fences = codes.length ? await rc.mget(codes.map((c) => `hc:fence:${c}`)) : [];
    const movedUnderLoad = fences.filter((f) => Number(f) > 1).length;
    const victim = servers[0]!;
    const pid = victim.child.pid ?? -1;
    const owned = new Set(codes.filter((_, i) => leases[i]?.startsWith(`${pid}-`)));
    // Overloaded past its lease (event-loop delays longer than CLUSTER_LEASE_MS), a process loses
    // its rooms to the others: then there is nothing to time here, and the table says so.
    const sub = new Redis(redis.url);
    const restored = new Map<string, number>();
    let killedAt = 0;
    const all = new Promise<void>((resolve) => {
      sub.on('message', (_channel: string, text: string) => {
        const m = JSON.parse(text) as { t?: string; code?: string };
        if (m.t !== 'moved' || !m.code || !owned.has(m.code) || restored.has(m.code)) return;
        restored.set(m.code, performance.now() - killedAt);
        if (restored.size === owned.size) resolve();
      });
    });
    await sub.subscribe('hc:all');
    killedAt = performance.now();
    victim.child.kill('SIGKILL');
    if (owned.size) await Promise.race([all, new Promise((r) => setTimeout(r, 30_000))]);
    sub.disconnect();
    const times = [...restored.values()];
    return {
      cluster,
      redisUsPerMessage: cluster.sent ? Math.round((redisTotal * 1000) / cluster.sent) : null,
      redisCommandsPerMessage: perMessage([...calls.values()].reduce((a, b) => a + b, 0)),
      publishesPerMessage: perMessage(calls.get('publish') ?? 0),
      takeoverMs: owned.size && restored.size === owned.size ? Math.round(Math.max(...times)) : Number.NaN,
      firstTakeoverMs: times.length ? Math.round(Math.min(...times)) : Number.NaN,
      roomsTakenOver: restored.size,
      movedUnderLoad,
    };
  } finally {
    rc.disconnect();
    await Promise.all(servers.map((s) => s.stopped()));
    await redis.stop();
  }
}

export async function clusterBench(opts: ClusterBenchOptions, progress?: (line: string) => void): Promise<ClusterRunFigures[]> {
  const runs: ClusterRunFigures[] = [];
  for (let run = 0; run < opts.runs; run++) {
    // Interleaved, so what else the machine does touches both alike.
    const single = await runOnce('product', opts);
    const c = await runCluster(opts);
    runs.push({ single, ...c });
    progress?.(
      `  run ${run + 1}: p99 ${c.cluster.latencyMs.p99} ms (one process ${single.latencyMs.p99} ms), ${c.cluster.cpuUsPerMessage} µs/msg (one process ${single.cpuUsPerMessage}), takeover ${c.takeoverMs} ms for ${c.roomsTakenOver} rooms; ${c.movedUnderLoad} rooms changed owner under the load`,
    );
  }
  return runs;
}
