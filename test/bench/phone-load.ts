// The phone-load benchmark: a cheap phone on a crowded classroom Wi-Fi. Chromium at 360×640 with
// the CPU slowed 4× and the network at 50 kB/s with a 2 s round trip (Chrome DevTools Protocol)
// opens the join page cold, joins, gets an election round, then reloads in the middle of it
// (warm cache). Reported: bytes on the wire (compressed, headers included) and the time until
// the page can be used, beside baselines measured in the same run: the same build served
// without its compressed copies, and optionally the client of an older commit (--baseline REF).

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, devices, type Browser, type CDPSession } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { buildClientIfNeeded } from '../../server/build-client';
import { spawnServer } from './spawn';

export interface PhoneLoadOptions {
  runs: number;
  cpu: number;
  /** kilobytes per second, both ways */
  kbps: number;
  rttMs: number;
  /** A git ref whose client is built and measured as a further baseline. */
  baseline?: string;
}

export interface LoadFigures {
  /** From navigation start until the page can be used (ms): cold, the join form on screen with its styles, taking a nickname; warm, the game screen again. */
  usableMs: number;
  /** Cold: until the page's script has taken over the join form (ms). */
  scriptMs?: number;
  /** Everything received for the page until its script is ready, compressed, with headers (bytes). */
  bytes: number;
  /** Of which scripts (bytes). */
  scriptBytes: number;
  requests: number;
}

export interface RunFigures {
  cold: LoadFigures;
  /** What the phone fetches in the lobby after joining (the games' screens), bytes. */
  lobbyBytes: number;
  /** From the round's start (the instructor's request answered) to the phone's game screen (ms). */
  gameScreenMs: number;
  /** Reloading the page in the middle of the round, with the cache of the first load (ms, bytes). */
  warm: LoadFigures;
}

export interface TargetFigures {
  label: string;
  runs: RunFigures[];
}

const root = path.resolve('.');

/** This build without its .br/.gz copies: what the server sent before it compressed. */
function uncompressedCopy(clientDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-bench-plain-'));
  cpSync(clientDir, dir, { recursive: true, filter: (src) => !/\.(br|gz)$/.test(src) });
  return dir;
}

/**
 * The client of another commit, built with that commit's own Vite config. The sources are
 * unpacked under node_modules/.cache so that they resolve this checkout's packages.
 */
async function clientOf(ref: string): Promise<string> {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { encoding: 'utf8' }).trim();
  const dir = path.join(root, 'node_modules/.cache', `hc-bench-${commit}`);
  const out = path.join(dir, 'dist/client');
  if (existsSync(path.join(out, 'index.html'))) return out;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = execFileSync('git', ['ls-tree', '--name-only', commit], { encoding: 'utf8' }).split('\n');
  const wanted = ['client', 'shared', 'build', 'vite.config.ts', 'tsconfig.json'].filter((f) => files.includes(f));
  execFileSync('sh', ['-c', `git archive ${commit} ${wanted.join(' ')} | tar -x -C "${dir}"`]);
  const { build } = await import('vite');
  await build({
    configFile: path.join(dir, 'vite.config.ts'),
    root: path.join(dir, 'client'),
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true },
  });
  return out;
}

/**
 * Marks, in the page, when the join form can be used and when the election screen shows. A
 * string, not a function: tsx would add its own helpers to a function's source.
 */
const MARKER = `(() => {
  const check = () => {
    const submit = document.querySelector('form button[type="submit"]');
    // On screen with its styles (every stylesheet of the page loaded), a Join button that can be pressed.
    const styled = [...document.querySelectorAll('link[rel="stylesheet"]')].every((l) => l.sheet);
    const join = submit && !submit.disabled && submit.textContent.trim() === 'Join' && styled;
    if (window.__hcUsableAt === undefined && join) window.__hcUsableAt = performance.now();
    // The page's script has replaced the form the server sent (build/joinShells.ts).
    if (window.__hcScriptAt === undefined && join && !submit.closest('[data-prerendered]')) window.__hcScriptAt = performance.now();
    if (window.__hcGameAt === undefined && document.querySelector('[data-testid="election-phone"]')) {
      window.__hcGameAt = performance.timeOrigin + performance.now();
      window.__hcResumedAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // A stylesheet that arrives changes no element: look again now and then.
  const timer = setInterval(() => {
    check();
    if (window.__hcScriptAt !== undefined || window.__hcGameAt !== undefined) clearInterval(timer);
  }, 50);
})();`;

/** Counts what the page receives over HTTP (WebSocket frames are not page loads). */
async function trafficMeter(cdp: CDPSession) {
  const types = new Map<string, string>();
  const inFlight = new Set<string>();
  let lastChange = Date.now();
  let bytes = 0;
  let scriptBytes = 0;
  let requests = 0;
  const settle = (id: string) => {
    inFlight.delete(id);
    lastChange = Date.now();
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    // Socket.IO's long-polling GET stays open by design: it is not a page load.
    if (e.request.url.includes('/socket.io/')) return;
    inFlight.add(e.requestId);
    lastChange = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    settle(e.requestId);
    bytes += e.encodedDataLength;
    requests++;
    if (types.get(e.requestId) === 'Script') scriptBytes += e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => settle(e.requestId));
  await cdp.send('Network.enable');
  return {
    /** Resolves once no page request has been in flight for `quietMs`, counted from the call at the earliest. */
    idle: async (quietMs: number) => {
      const since = Date.now();
      while (inFlight.size > 0 || Date.now() - Math.max(lastChange, since) < quietMs) await new Promise((r) => setTimeout(r, 100));
    },
    reset: () => {
      bytes = 0;
      scriptBytes = 0;
      requests = 0;
    },
    read: () => ({ bytes, scriptBytes, requests }),
  };
}

async function ask(socket: Socket, event: string, payload: unknown): Promise<unknown> {
  const r = await socket.timeout(10_000).emitWithAck(event, payload);
  if (!r.ok) throw new Error(`${event}: ${r.error.message}`);
  return r.data;
}

async function oneRun(browser: Browser, url: string, opts: PhoneLoadOptions): Promise<RunFigures> {
  const instructor = io(url, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve) => instructor.once('connect', () => resolve()));
  const { code } = (await ask(instructor, 'console:create', {})) as { code: string };
  await ask(instructor, 'console:bots', { add: 2 });

  const { defaultBrowserType: _ignored, ...phone } = devices['Pixel 5'];
  const context = await browser.newContext({ ...phone, viewport: { width: 360, height: 640 } });
  try {
    await context.addInitScript({ content: MARKER });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const meter = await trafficMeter(cdp);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpu });
    const throughput = opts.kbps * 1000;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: opts.rttMs,
      downloadThroughput: throughput,
      uploadThroughput: throughput,
    });
    const read = (key: string) => page.evaluate((k) => (window as unknown as Record<string, number | undefined>)[k], key);
    const waitFor = async (key: string) => {
      await page.waitForFunction((k) => (window as unknown as Record<string, unknown>)[k] !== undefined, key, {
        polling: 200,
        timeout: 180_000,
      });
      return (await read(key))!;
    };

    // Cold: an empty cache, the join page until its Join button works (connected to the server).
    meter.reset();
    await page.goto(`${url}/join/${code}`, { waitUntil: 'commit' });
    const coldMs = await waitFor('__hcUsableAt');
    const scriptMs = await waitFor('__hcScriptAt');
    // Bytes: everything the join page needed, its script included.
    const cold: LoadFigures = { usableMs: Math.round(coldMs), scriptMs: Math.round(scriptMs), ...meter.read() };

    await page.getByLabel('Nickname').fill('Ada');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('You are in, Ada!').waitFor({ timeout: 120_000 });

    // Students wait in the lobby for the others (seconds, in a class): the phone has fetched
    // what it fetches there once nothing has moved for 2 s.
    await meter.idle(2000);
    const lobbyBytes = meter.read().bytes - cold.bytes;

    // The round reaches the phone: from the server's answer to the game screen.
    const startedAt = Date.now();
    await ask(instructor, 'console:round', { action: 'start', game: 'election' });
    const gameAt = await waitFor('__hcGameAt');
    const gameScreenMs = Math.max(0, Math.round(gameAt - startedAt));

    // Warm: the phone reloads in the middle of the round (a locked screen, a tap on reload).
    meter.reset();
    await page.reload({ waitUntil: 'commit' });
    const warmMs = await waitFor('__hcResumedAt');
    const warm = { usableMs: Math.round(warmMs), ...meter.read() };
    return { cold, lobbyBytes, gameScreenMs, warm };
  } finally {
    await context.close();
    instructor.disconnect();
  }
}

async function measureTarget(browser: Browser, label: string, clientDir: string, opts: PhoneLoadOptions): Promise<TargetFigures> {
  const server = await spawnServer('server/main.ts', { SKIP_CLIENT_BUILD: '1', CLIENT_DIR: clientDir, RATE_LIMIT_PER_SECOND: '1000' });
  try {
    const runs: RunFigures[] = [];
    for (let i = 0; i < opts.runs; i++) runs.push(await oneRun(browser, server.url, opts));
    return { label, runs };
  } finally {
    server.stop();
  }
}

export async function phoneLoadBench(opts: PhoneLoadOptions): Promise<TargetFigures[]> {
  const clientDir = path.join(root, 'dist/client');
  await buildClientIfNeeded(root, clientDir, () => {});
  const targets: [string, string][] = [
    ['human-cluster', clientDir],
    ['uncompressed', uncompressedCopy(clientDir)],
  ];
  if (opts.baseline) targets.push([`client of ${opts.baseline}`, await clientOf(opts.baseline)]);
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
  try {
    const out: TargetFigures[] = [];
    // Interleaved would share the machine's noise more evenly, but each target needs its own server.
    for (const [label, dir] of targets) out.push(await measureTarget(browser, label, dir, opts));
    return out;
  } finally {
    await browser.close();
  }
}

/** min / median / max of one figure across runs. */
export function spread(values: number[]): { min: number; median: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
}
