// Starts a server script in its own process on a free port and waits until it answers.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NODE_FLAGS } from '../../server/nodeFlags';

export interface Spawned {
  url: string;
  child: ChildProcess;
  /** Its DATA_DIR (recordings are in DATA_DIR/recordings). */
  dataDir: string;
  stop(): void;
  /** Stops it and resolves once it has exited (a CPU profile is written by then). */
  stopped(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `nodeArgs` go to node before the script (--expose-gc, --cpu-prof…), after the flags `npm
 * start` gives it (server/nodeFlags.ts): the product's, and the bare relay's too, so that the
 * two differ only in what they do.
 */
export async function spawnServer(script: string, env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<Spawned> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hc-bench-'));
  const child = spawn(process.execPath, [...NODE_FLAGS, ...nodeArgs, '--import', 'tsx', script], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // The client with the window.__hc… figures the benchmarks read.
      CLIENT_MODE: 'bench',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded machine (shared CI, several benches at once) tsx alone can take half a minute.
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/metrics`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${script} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    child,
    dataDir,
    stop: () => child.kill('SIGTERM'),
    stopped: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
