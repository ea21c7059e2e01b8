// `npm start` builds the client when it is missing or older than its sources, so the first
// command on a fresh clone is enough.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export function clientIsStale(root: string, clientDir: string): boolean {
  const index = path.join(clientDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(root, 'client')),
    newestMtime(path.join(root, 'shared')),
    newestMtime(path.join(root, 'build')),
    statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

export async function buildClientIfNeeded(root: string, clientDir: string, log: (line: string) => void): Promise<void> {
  if (!clientIsStale(root, clientDir)) return;
  log('Building the client (once; it takes a few seconds)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true } });
}
