// The console benchmark: the live map in headless Chromium with 300 nodes and about 1,000
// messages a second, against the same page with the same nodes and no traffic (the baseline,
// measured in the same run). Reports frames per second, draw time per frame and slow frames.

import path from 'node:path';
import { chromium } from '@playwright/test';
import { io } from 'socket.io-client';
import { buildClientIfNeeded } from '../../server/build-client';
import { loadConfig } from '../../server/config';
import { spawnServer } from './spawn';

export interface FrameFigures {
  seconds: number;
  fps: number;
  /** Draw time per frame drawn (the map does not draw a still picture again). */
  drawMsAvg: number;
  drawMsMax: number;
  /** Frames that came more than 33 ms after the previous one. */
  slowFrames: number;
  /** Messages the network handled while measuring (from the console's own counters). */
  messagesPerSecond: number;
}

interface Stats {
  frames: number;
  drawn: number;
  drawMsTotal: number;
  drawMsMax: number;
  slowFrames: number;
}

export async function consoleBench(opts: {
  nodes: number;
  rate: number;
  seconds: number;
}): Promise<{ idle: FrameFigures; load: FrameFigures }> {
  const root = path.resolve('.');
  const { clientDir, clientMode } = loadConfig({ CLIENT_MODE: 'bench' }, root);
  await buildClientIfNeeded(root, clientDir, () => {}, clientMode);
  const server = await spawnServer('server/main.ts', { SKIP_CLIENT_BUILD: '1', RATE_LIMIT_PER_SECOND: '10000' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const instructor = io(server.url, { transports: ['websocket'], forceNew: true });
  try {
    await new Promise<void>((resolve) => instructor.once('connect', () => resolve()));
    const created = await instructor.emitWithAck('console:create', {});
    if (!created.ok) throw new Error(created.error.message);
    const { code, key } = created.data as { code: string; key: string };
    for (let left = opts.nodes; left > 0; left -= 300) {
      const r = await instructor.emitWithAck('console:bots', { add: Math.min(300, left) });
      if (!r.ok) throw new Error(r.error.message);
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(
      ([c, k]) => localStorage.setItem('human-cluster:console', JSON.stringify([{ code: c, key: k, createdAt: new Date().toISOString() }])),
      [code, key] as const,
    );
    await page.goto(`${server.url}/console?room=${code}`);
    await page.getByRole('img', { name: /Network map/ }).waitFor();

    const measure = async (seconds: number): Promise<FrameFigures> => {
      const read = () => page.evaluate(() => ({ ...(window.__hcMapStats as Stats) }));
      const before = await read();
      const netBefore = await instructor.emitWithAck('console:attach', { code, key });
      const t0 = Date.now();
      await page.waitForTimeout(seconds * 1000);
      const after = await read();
      const netAfter = await instructor.emitWithAck('console:attach', { code, key });
      const elapsed = (Date.now() - t0) / 1000;
      const frames = after.frames - before.frames;
      const drawn = after.drawn - before.drawn;
      const sent = (s: typeof netBefore) => (s.ok ? (s.data.snapshot.net.sent as number) : 0);
      return {
        seconds: Math.round(elapsed * 10) / 10,
        fps: Math.round((frames / elapsed) * 10) / 10,
        drawMsAvg: Math.round(((after.drawMsTotal - before.drawMsTotal) / Math.max(1, drawn)) * 100) / 100,
        drawMsMax: Math.round(after.drawMsMax * 100) / 100,
        slowFrames: after.slowFrames - before.slowFrames,
        messagesPerSecond: Math.round((sent(netAfter) - sent(netBefore)) / elapsed),
      };
    };

    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      if (window.__hcMapStats) window.__hcMapStats.drawMsMax = 0;
    });
    const idle = await measure(opts.seconds);
    // Each bot writes to a random peer every chatterMs and every message is echoed once.
    const chatterMs = Math.max(1, Math.round((2 * opts.nodes * 1000) / opts.rate));
    const started = await instructor.emitWithAck('console:round', {
      action: 'start',
      game: 'sandbox',
      config: { chatterMs, botDelayMs: 50 },
    });
    if (!started.ok) throw new Error(started.error.message);
    await page.waitForTimeout(2000);
    await page.evaluate(() => {
      if (window.__hcMapStats) window.__hcMapStats.drawMsMax = 0;
    });
    const load = await measure(opts.seconds);
    return { idle, load };
  } finally {
    instructor.disconnect();
    await browser.close();
    server.stop();
  }
}
