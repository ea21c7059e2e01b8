import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SandboxView } from '../../shared/games/sandbox/config';
import { ask, createRoom, joinNode, startServer, until, type TestServer } from './harness';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

it('the documented example program joins a room as a node and answers a sandbox message', async () => {
  const { socket: instructor, code } = await createRoom(server.url);
  const ada = await joinNode(server.url, code, 'Ada');
  const child = spawn(process.execPath, [path.resolve('docs/examples/node.mjs'), server.url, code, 'robot'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  try {
    await until(() => output.includes('joined room'), [ada.socket], 10_000);
    expect(output).toContain(`joined room ${code} as node n2 (robot)`);
    await ask(instructor, 'console:round', { action: 'start', game: 'sandbox' });
    await ask(ada.socket, 'node:act', { action: { type: 'send', to: ['n2'], text: 'ping' } });
    await until(
      () => ((ada.views.at(-1)?.game as SandboxView | null)?.inbox ?? []).some((m) => m.text === 'echo: ping'),
      [ada.socket],
      10_000,
    );
    expect(output).toMatch(/message m\d+ from n1: "ping"/);
  } finally {
    child.kill();
  }
});
