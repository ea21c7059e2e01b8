// `npm start` builds the client when it is missing, older than its sources or built in another
// mode, so the first command on a fresh clone is enough.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ClientMode } from './config';

/** Written beside index.html: the mode the folder was built in (express.static serves no dotfiles). */
const MODE_FILE = '.build-mode';

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

function builtMode(clientDir: string): string | null {
  try {
    return readFileSync(path.join(clientDir, MODE_FILE), 'utf8').trim();
  } catch {
    return null;
  }
}

export function clientIsStale(root: string, clientDir: string, mode: ClientMode = 'production'): boolean {
  const index = path.join(clientDir, 'index.html');
  if (!existsSync(index)) return true;
  // A folder built before the mode was written down is a production build.
  if ((builtMode(clientDir) ?? 'production') !== mode) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(root, 'client')),
    newestMtime(path.join(root, 'shared')),
    newestMtime(path.join(root, 'build')),
    statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  return sources > built;
}

export async function buildClientIfNeeded(
  root: string,
  clientDir: string,
  log: (line: string) => void,
  mode: ClientMode = 'production',
): Promise<void> {
  if (!clientIsStale(root, clientDir, mode)) return;
  log(`Building the client${mode === 'production' ? '' : ` (${mode} mode)`} (once; it takes a few seconds)…`);
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), mode, logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true } });
  writeFileSync(path.join(clientDir, MODE_FILE), `${mode}\n`);
}
