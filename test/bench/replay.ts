// The replay benchmark: a generated recording of 200,000 events (bots chattering in a room cut
// in halves and healed, with loss and duplicates), then
//   - in Node: read, parse and index it (what "open" costs), fold it whole, build the
//     checkpoints, jump to random instants, compute the diagram's geometry, export to ShiViz;
//   - in Chromium (when it is installed): open the file in the viewer, draw the diagram for
//     the whole session and for a 10-second window, scrub along the timeline;
// each beside a baseline measured in the same run: plain JSON.parse of every line, and a
// plain fold of the events with no checkpoints. Figures, not assertions.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RecordingIndex } from '../../shared/replay/recordingIndex';
import { ReplayFold } from '../../shared/replay/replayFold';
import { toShiViz } from '../../shared/replay/shiviz';
import { synthesize } from '../support/synthetic';
import { createRng } from '../../shared/rng';
import { fold } from '../../shared/session/fold';
import { parseRecording } from '../../shared/session/recording';
import { maximum, quantile } from '../../shared/sim/stats';
import { candidateRows, crosses, laneSlots, segmentOf, type Viewport } from '../../client/src/replay/geometry';
import { spawnServer } from './spawn';
import { GAMES } from '../support/games';

export interface ReplayOptions {
  events: number;
  nodes: number;
  /** Also measure in Chromium (skipped when no browser is installed). */
  browser: boolean;
}

export interface ReplayFigures {
  events: number;
  megabytes: number;
  node: {
    baselineParseMs: number;
    parseMs: number;
    indexMs: number;
    openMs: number;
    plainFoldMs: number;
    checkpointFoldMs: number;
    checkpoints: number;
    seekMs: { p50: number | null; p99: number | null; max: number };
    geometryWholeMs: number;
    geometryWindowMs: number;
    shivizMs: number;
  };
  browser: null | {
    baselineParseMs: number;
    openMs: number;
    parseMs: number;
    indexMs: number;
    drawWholeMs: number;
    drawWholeRows: number;
    drawWindowMs: number;
    drawWindowRows: number;
    seekMs: { p50: number | null; p99: number | null; max: number };
    scrubFrames: number;
    scrubFrameMaxMs: number;
    scrubSlowFrames: number;
  };
  skipped?: string;
}

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};
const r1 = (x: number) => Math.round(x * 10) / 10;

export async function replayBench(opts: ReplayOptions): Promise<ReplayFigures> {
  const rec = synthesize({
    events: opts.events,
    nodes: opts.nodes,
    loss: 0.05,
    dup: 0.02,
    splitEveryMs: 5_000,
    config: { botDelayMs: 50, chatterMs: 200 },
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-bench-replay-'));
  const file = path.join(dir, `recording-${opts.events}.jsonl`);
  writeFileSync(file, rec.text);
  const text = readFileSync(file, 'utf8');

  // ---- Node ----
  const [, baselineParseMs] = time(() => {
    for (const line of text.split('\n')) if (line) JSON.parse(line);
  });
  const [parsed, parseMs] = time(() => parseRecording(text));
  const [index, indexMs] = time(() => RecordingIndex.from(parsed, GAMES));
  const [, plainFoldMs] = time(() => fold(parsed.header, parsed.events, GAMES));
  const replay = new ReplayFold(parsed.header, parsed.events, GAMES);
  const [, checkpointFoldMs] = time(() => replay.build(() => false));
  const rng = createRng(1);
  const seeks: number[] = [];
  for (let i = 0; i < 200; i++) {
    const n = rng.int(parsed.events.length + 1);
    seeks.push(time(() => replay.after(n))[1]);
  }
  const geometry = (t0: number, t1: number) => {
    const { slots, count } = laneSlots(index.nodes.length, new Set());
    const v: Viewport = { t0, t1, width: 1400, height: 600, gutter: 150, axis: 44, laneH: 18, scrollY: 0, slots, slotCount: count };
    const m = index.messages;
    return time(() => {
      const [lo, hi] = candidateRows(m, t0, t1);
      let n = 0;
      for (let k = lo; k < hi; k++) if (crosses(m, k, t0, t1) && segmentOf(v, m, k)) n++;
      return n;
    })[1];
  };
  const mid = index.duration / 2;
  const [, shivizMs] = time(() => toShiViz(parsed.header, parsed.events, GAMES));

  const figures: ReplayFigures = {
    events: parsed.events.length,
    megabytes: r1(Buffer.byteLength(text) / 1e6),
    node: {
      baselineParseMs: r1(baselineParseMs),
      parseMs: r1(parseMs),
      indexMs: r1(indexMs),
      openMs: r1(parseMs + indexMs),
      plainFoldMs: r1(plainFoldMs),
      checkpointFoldMs: r1(checkpointFoldMs),
      checkpoints: Math.floor(parsed.events.length / replay.every) + 1,
      seekMs: { p50: r1(quantile(seeks, 0.5)!), p99: r1(quantile(seeks, 0.99)!), max: r1(maximum(seeks) ?? Number.NaN) },
      geometryWholeMs: r1(geometry(0, index.duration)),
      geometryWindowMs: r1(geometry(mid, mid + 10_000)),
      shivizMs: r1(shivizMs),
    },
    browser: null,
  };

  // ---- Chromium ----
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!opts.browser) figures.skipped = 'browser figures not asked for';
  else if (!existsSync(executablePath)) figures.skipped = `no Chromium at ${executablePath}`;
  else figures.browser = await inBrowser(file, executablePath);
  return figures;
}

async function inBrowser(file: string, executablePath: string): Promise<NonNullable<ReplayFigures['browser']>> {
  const { chromium } = await import('@playwright/test');
  const server = await spawnServer('server/main.ts', {});
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/replay`);
    // Baseline: the same file's lines through JSON.parse in the same page.
    const baselineParseMs = await page.evaluate(
      async (text) => {
        const start = performance.now();
        for (const line of text.split('\n')) if (line) JSON.parse(line);
        return performance.now() - start;
      },
      readFileSync(file, 'utf8'),
    );
    await page.getByTestId('open-file').setInputFiles(file);
    await page.getByTestId('replay-title').waitFor({ timeout: 60_000 });
    const open = await page.evaluate(() => window.__hcReplay!.open);
    await page.getByRole('button', { name: 'Diagram only' }).click();

    const draw = async (t0: number, t1: number) => {
      const before = await page.evaluate(() => window.__hcDiagram!.draws);
      await page.evaluate(([a, b]) => window.__hcDiagram!.setView(a!, b!), [t0, t1]);
      await page.waitForFunction((n) => window.__hcDiagram!.draws > n, before);
      return page.evaluate(() => ({ ms: window.__hcDiagram!.lastMs, rows: window.__hcDiagram!.lastRows }));
    };
    const duration = await page.evaluate(() => window.__hcReplay!.player.duration);
    // Warm up once, then measure.
    await draw(0, duration);
    const whole = await draw(0, duration);
    const windowed = await draw(duration / 2, duration / 2 + 10_000);

    // Scrub along the strip with the mouse, counting frames that came late.
    // A frame recorder, as source text: tsx would wrap a named function here in a helper the page lacks.
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__framesOn = true;
      let last = performance.now();
      requestAnimationFrame(function tick(now) {
        window.__frames.push(now - last);
        last = now;
        if (window.__framesOn) requestAnimationFrame(tick);
      });
      window.__hcReplay.stats.seekMs.length = 0;
    })()`);
    const strip = page.getByTestId('scrubber');
    const box = (await strip.boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 120; i++) await page.mouse.move(box.x + ((box.width - 6) * i) / 120, box.y + box.height / 2);
    for (let i = 120; i >= 0; i -= 3) await page.mouse.move(box.x + ((box.width - 6) * i) / 120, box.y + box.height / 2);
    await page.mouse.up();
    const scrub = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __framesOn: boolean };
      w.__framesOn = false;
      return { frames: w.__frames.slice(1), seeks: window.__hcReplay!.stats.seekMs.slice() };
    });
    return {
      baselineParseMs: r1(baselineParseMs),
      openMs: r1(open.openMs ?? Number.NaN),
      parseMs: r1(open.parseMs ?? Number.NaN),
      indexMs: r1(open.indexMs ?? Number.NaN),
      drawWholeMs: r1(whole.ms),
      drawWholeRows: whole.rows,
      drawWindowMs: r1(windowed.ms),
      drawWindowRows: windowed.rows,
      seekMs: { p50: r1(quantile(scrub.seeks, 0.5) ?? 0), p99: r1(quantile(scrub.seeks, 0.99) ?? 0), max: r1(Math.max(0, ...scrub.seeks)) },
      scrubFrames: scrub.frames.length,
      scrubFrameMaxMs: r1(Math.max(0, ...scrub.frames)),
      scrubSlowFrames: scrub.frames.filter((f) => f > 50).length,
    };
  } finally {
    await browser.close();
    server.stop();
  }
}
