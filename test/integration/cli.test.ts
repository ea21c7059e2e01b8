// The command lines as a person types them: --help prints usage (every flag, its default, an
// example) and exits 0; an unknown flag prints the usage and exits 2, and nothing runs.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMON_FLAGS, FAULT_FLAGS, GAME_FLAGS } from '../../server/cli/simulate-usage';
import { COMMON, SCENARIOS } from '../bench/usage';

function npmRun(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run simulate', () => {
  it('--help prints every flag with a default or a meaning, and examples; exit 0', async () => {
    const r = await npmRun(['simulate', '--', '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run simulate -- --game NAME/);
    for (const f of [...COMMON_FLAGS, ...FAULT_FLAGS, ...Object.values(GAME_FLAGS).flat()]) expect(r.stdout).toContain(`--${f.name}`);
    expect(r.stdout).toContain('(default 5)');
    expect(r.stdout).toMatch(/Examples:\n {2}npm run simulate -- --game election/);
  });

  it('an unknown flag prints the usage and exits 2 without simulating', async () => {
    const r = await npmRun(['simulate', '--', '--game', 'election', '--node', '5', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown flag --node');
    expect(r.stderr).toContain('Usage: npm run simulate');
    expect(r.stdout).toBe('');
  });
});

describe('npm run bench', () => {
  it('--help prints every scenario and flag with examples; exit 0', async () => {
    const r = await npmRun(['bench', '--', '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run bench -- \[SCENARIO\.\.\.\]/);
    for (const name of Object.keys(SCENARIOS)) expect(r.stdout).toContain(`  ${name}: `);
    for (const f of [...COMMON, ...Object.values(SCENARIOS).flatMap((s) => s.flags)]) expect(r.stdout).toContain(`--${f.name}`);
    expect(r.stdout).toContain('npm run bench -- phone-load');
  });

  it('an unknown flag or scenario prints the usage and exits 2 without benchmarking', async () => {
    for (const args of [['network', '--nodez', '3'], ['netwerk']]) {
      const r = await npmRun(['bench', '--', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/unknown (flag --nodez|scenario netwerk)/);
      expect(r.stderr).toContain('Usage: npm run bench');
    }
  });
});
