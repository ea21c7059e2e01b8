import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// System Chromium (Debian's package): Playwright never downloads a browser here.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT || 4173);
const dataDir = mkdtempSync(path.join(tmpdir(), 'human-cluster-e2e-'));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two spec files at once on two cores (E2E_WORKERS): with three, the suite took longer (15 min against 12) and timing-bound checks failed.
  workers: Number(process.env.E2E_WORKERS || 2),
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    // Every screen follows its browser's language: tests read English unless they ask otherwise.
    locale: 'en-US',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    // A control that never appears fails in 20 s with its name, not at the test's own timeout.
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    // A failed test keeps its trace: each action's DOM snapshots, no filmstrip. The filmstrip is a
    // screencast of every page all test long (Chromium paints and encodes a frame at each change):
    // it cost the Byzantine spec a third of its CPU time (51 core-seconds against 36) and 9 s.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npm start',
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    // The bench build: the specs read the page's window.__hc… figures (client/src/testHooks.ts).
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: `http://localhost:${port}`, CLIENT_MODE: 'bench' },
  },
});
