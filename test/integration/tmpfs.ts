// A real, small file system for disk-full tests: a tmpfs mounted on a fresh directory. Mounting
// needs root (or CAP_SYS_ADMIN); where the machine does not allow it the caller skips, saying why.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Tmpfs {
  dir: string;
  unmount(): void;
}

/** Mounts a tmpfs of `kib` KiB, or returns why it cannot. */
export function mountTmpfs(kib: number): Tmpfs | { skipped: string } {
  if (process.platform !== 'linux') return { skipped: `tmpfs needs Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { skipped: 'mounting a tmpfs needs root' };
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const why = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
    return { skipped: `mount -t tmpfs failed: ${why}` };
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
