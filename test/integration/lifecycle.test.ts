// `npm start` stops cleanly: a SIGTERM to the npm process that `npm start` started (a service
// manager, `kill`), or a SIGINT to its whole process group (Ctrl+C in a terminal), frees the
// port within 5 s, saves the recording, and leaves no process behind.

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../bench/spawn';
import { ask, createRoom, joinNode } from './harness';

/** Every process below `pid` (ps is on Linux and macOS). */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid === parent) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe('npm start stops cleanly', () => {
  const cases = [
    { signal: 'SIGTERM', to: 'the npm process' },
    { signal: 'SIGINT', to: 'the process group, as Ctrl+C does' },
  ] as const;
  for (const { signal, to } of cases) {
    it(`${signal} to ${to}: the recording is saved, the port is free within 5 s, no process is left`, async () => {
      const port = await freePort();
      const dataDir = mkdtempSync(path.join(tmpdir(), 'hc-stop-'));
      const url = `http://127.0.0.1:${port}`;
      const npm = spawn('npm', ['start'], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SKIP_CLIENT_BUILD: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, like a command started in a terminal.
        detached: true,
      });
      let output = '';
      let tree: number[] = [];
      npm.stdout.on('data', (d: Buffer) => (output += d.toString()));
      npm.stderr.on('data', (d: Buffer) => (output += d.toString()));
      try {
        await waitFor(() => answers(url), 20_000);
        tree = descendants(npm.pid!);
        expect(tree.length, output).toBeGreaterThan(0);

        const room = await createRoom(url);
        const ada = await joinNode(url, room.code, 'Ada');
        await ask(room.socket, 'console:round', { action: 'start', game: 'sandbox' });
        room.socket.disconnect();
        ada.socket.disconnect();

        if (signal === 'SIGINT') process.kill(-npm.pid!, signal);
        else npm.kill(signal);
        const ms = await waitFor(async () => !(await answers(url)), 5_000);
        expect(ms).toBeLessThan(5_000);
        await waitFor(() => tree.every((pid) => !alive(pid)), 5_000);

        const dir = path.join(dataDir, 'recordings');
        const file = readdirSync(dir).find((f) => f.endsWith('.jsonl'));
        const recording = readFileSync(path.join(dir, file!), 'utf8');
        expect(recording).toContain('"Ada"');
        expect(recording).toContain('sandbox');
        expect(output).toMatch(/Stopping/);
      } finally {
        // An orphan is no longer below npm: kill what was there at the start too.
        for (const pid of new Set([npm.pid!, ...descendants(npm.pid!), ...tree])) if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
    }, 40_000);
  }
});
