// The replay end to end: a session recorded by the server (a phone and bots, a partition,
// loss), opened from the recordings page, played, scrubbed to the partition with its dropped
// messages on the diagram; downloaded and reopened from the file; opened by a share link in a
// browser without the instructor key. Also: damaged files, and a big recording opened and
// scrubbed (how fast: `npm run bench -- replay`).

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devices, expect } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { synthesize } from '../support/synthetic';
import type { ConsoleSnapshot } from '../../shared/protocol/views';
import { joinPhone, openConsole, screenshot, SCREENSHOT_DIR, watchErrors, test } from './helpers';
import { expectNoNodeIds, expectNoNodeIdsIn } from './phoneChecks';

/** The instructor's own socket, attached with the key the console page keeps. */
async function attach(baseURL: string, code: string, key: string) {
  const socket: Socket = io(baseURL, { transports: ['websocket'], forceNew: true });
  let snapshot: ConsoleSnapshot | null = null;
  socket.on('console:snapshot', (s: ConsoleSnapshot) => (snapshot = s));
  const ask = async (event: string, payload: unknown) => {
    const r = await socket.timeout(8000).emitWithAck(event, payload);
    if (!r.ok) throw new Error(`${event}: ${r.error.message}`);
    return r.data;
  };
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  snapshot = ((await ask('console:attach', { code, key })) as { snapshot: ConsoleSnapshot }).snapshot;
  return { socket, ask, snapshot: () => snapshot! };
}

test('a recorded session replays: play, scrub to the partition, see the drops; download and reopen; open by a share link', async ({
  browser,
  baseURL,
}) => {
  // A whole session played, then replayed, downloaded, reopened and shared: about a minute on an idle machine.
  test.setTimeout(180_000);
  const instructor = await openConsole(browser);
  const { page, code } = instructor;
  const key = await page.evaluate(() => (JSON.parse(localStorage.getItem('human-cluster:console') ?? '[]') as { key: string }[])[0]!.key);
  const phone = await joinPhone(browser, code, 'Ada', 'Pixel 7');
  const room = await attach(baseURL!, code, key);

  // The session: five bots and Ada chatter; the room is cut in two, lossy, then healed.
  const bots = (await room.ask('console:bots', { add: 5 })) as { nodes: string[] };
  await room.ask('console:round', { action: 'start', game: 'sandbox', config: { chatterMs: 250, botDelayMs: 80 } });
  await expect.poll(() => room.snapshot().round?.net.delivered ?? 0).toBeGreaterThan(10);
  const ids = room.snapshot().nodes.map((n) => n.id);
  await room.ask('console:fault', { op: { op: 'split', groups: [ids.slice(0, 3), ids.slice(3)] } });
  await expect.poll(() => room.snapshot().round?.net.dropped.partition ?? 0).toBeGreaterThan(6);
  // Loss only once the cut has dropped messages: the first drop after the cut is the cut's.
  await room.ask('console:fault', { op: { op: 'loss', rate: 0.2 } });
  await room.ask('console:fault', { op: { op: 'heal' } });
  const delivered = room.snapshot().round!.net.delivered;
  await expect.poll(() => room.snapshot().round?.net.delivered ?? 0).toBeGreaterThan(delivered + 8);
  await room.ask('console:round', { action: 'stop' });
  expect(bots.nodes).toHaveLength(5);

  // The console links to the recordings page (a new tab, so the live console stays).
  const [replayPage] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'Recordings' }).click()]);
  const errors = watchErrors(replayPage, 'replay');
  await replayPage.setViewportSize({ width: 1440, height: 900 });
  const row = replayPage.locator('.recording', { hasText: code });
  await expect(row).toBeVisible();
  await expect(replayPage).toHaveTitle('Recordings — Human Cluster');
  await expect(row).toContainText('Sandbox');
  await expect(row).toContainText('running');
  await screenshot(replayPage, 'replay-recordings');

  await row.getByRole('button', { name: `Open the recording of room ${code}` }).click();
  await expect(replayPage.getByTestId('replay-title')).toContainText(`Room ${code}`);
  await expect(replayPage).toHaveTitle(`Replay — room ${code}`);
  // It opens at the first round (before it the map is empty: the class was still joining).
  const time = replayPage.getByTestId('replay-time');
  await expect(replayPage.getByTestId('round-now')).toContainText('Round 1');
  const opened = (await time.textContent())!;

  // Play at 4×: the instant moves; pause.
  await replayPage.getByRole('button', { name: '4×' }).click();
  await replayPage.getByTestId('play').click();
  await expect(time).not.toHaveText(opened);
  await replayPage.getByTestId('play').click();
  await expect(replayPage.getByTestId('play')).toHaveText(/Play/);

  // Scrub: drag along the strip, then jump to the moment the network was cut.
  const strip = replayPage.getByTestId('scrubber');
  const box = (await strip.boundingBox())!;
  await replayPage.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  await replayPage.mouse.down();
  for (let i = 9; i >= 1; i--) await replayPage.mouse.move(box.x + (box.width * i) / 10, box.y + box.height / 2, { steps: 3 });
  await replayPage.mouse.up();
  await strip.focus();
  await replayPage.keyboard.press('Home');
  await replayPage.getByRole('button', { name: 'Next network change' }).click();
  await expect(replayPage.getByTestId('fault-log')).toContainText(/split/i);
  await expect(replayPage.getByTestId('round-now')).toContainText('Round 1');

  // The next dropped message is one the cut dropped: its details say so, and the diagram counts them.
  await replayPage.getByRole('button', { name: 'Next dropped message' }).click();
  const details = replayPage.getByTestId('message-details');
  await expect(details).toContainText('partition');
  await expect(details).toContainText('Lamport');
  // What a message carries is in words, every node by its nickname: the bots' hellos and echoes
  // ("hello from n3" on the wire once) name nobody by id, in the panel or anywhere on the page.
  const bodies: string[] = [];
  for (let i = 0; i < 8; i++) {
    await expectNoNodeIdsIn(details, `the details of dropped message ${i + 1}`);
    bodies.push((await details.getByTestId('message-body').textContent()) ?? '');
    await replayPage.getByRole('button', { name: 'Next dropped message' }).click();
  }
  for (const body of bodies) expect(body).toMatch(/^Text: “.+”$/);
  expect(bodies.join(' ')).toMatch(/Hello from (Bot \d|Ada)!/);
  await expectNoNodeIds(replayPage, 'the replay with a message open');
  await replayPage.getByRole('button', { name: '10 s around the instant' }).click();
  await expect(replayPage.getByTestId('diagram-summary')).toContainText(/cut by a partition/);
  await replayPage.evaluate(() => window.scrollTo(0, 0));
  await screenshot(replayPage, 'replay-viewer');
  await replayPage.getByRole('button', { name: 'Diagram only' }).click();
  await replayPage.evaluate(() => window.scrollTo(0, 0));
  await replayPage.screenshot({ path: path.join(SCREENSHOT_DIR, 'replay-diagram.png') });
  await replayPage.getByRole('button', { name: 'Map and diagram' }).click();

  // The diagram was drawn (its figures come from the bench build's test hooks).
  const stats = await replayPage.evaluate(() => ({ draws: window.__hcDiagram!.draws }));
  expect(stats.draws).toBeGreaterThan(0);

  // Download, then open the file from this computer: the same session.
  const [download] = await Promise.all([replayPage.waitForEvent('download'), replayPage.getByRole('button', { name: 'Download' }).click()]);
  const file = path.join(tmpdir(), `hc-replay-${code}.jsonl`);
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^human-cluster-${code}-.*\\.jsonl$`));
  await replayPage.getByRole('link', { name: '← Recordings' }).click();
  await expect(row).toBeVisible();
  await replayPage.getByTestId('open-file').setInputFiles(file);
  await expect(replayPage.getByTestId('replay-title')).toContainText(`Room ${code}`);
  await expect(replayPage.getByText(`file: hc-replay-${code}.jsonl (on this computer)`)).toBeVisible();
  await replayPage.getByRole('button', { name: 'Next network change' }).click();
  await replayPage.getByRole('button', { name: 'Next dropped message' }).click();
  await expect(replayPage.getByTestId('message-details')).toContainText('partition');

  // A share link opens it in a browser that has no key, read-only.
  await replayPage.getByRole('link', { name: '← Recordings' }).click();
  await row.getByRole('button', { name: 'Share link' }).click();
  const shareUrl = await row.getByTestId('share-url').inputValue();
  expect(shareUrl).toMatch(/\/replay\/[\w-]+#share=[\w-]+$/);
  expect(shareUrl).not.toContain(key);
  await screenshot(replayPage, 'replay-share-link');
  const student = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const studentPage = await student.newPage();
  const studentErrors = watchErrors(studentPage, 'student');
  await studentPage.goto(shareUrl);
  await expect(studentPage.getByTestId('replay-title')).toContainText(`Room ${code}`);
  await expect(studentPage.getByText('shared link, read-only')).toBeVisible();
  expect(await studentPage.evaluate(() => localStorage.getItem('human-cluster:console'))).toBeNull();
  await studentPage.getByRole('button', { name: 'Next dropped message' }).click();
  await expect(studentPage.getByTestId('message-details')).toBeVisible();
  // Without the token the same address asks for a link.
  await studentPage.goto(shareUrl.replace(/#.*/, ''));
  await expect(studentPage.getByTestId('replay-error')).toContainText('share link');
  // On a phone too.
  const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
  const mobile = await browser.newContext(pixel);
  const mobilePage = await mobile.newPage();
  const mobileErrors = watchErrors(mobilePage, 'phone replay');
  await mobilePage.goto(shareUrl);
  await expect(mobilePage.getByTestId('replay-title')).toContainText(`Room ${code}`);
  await mobilePage.getByRole('button', { name: 'Next network change' }).click();
  await mobilePage.evaluate(() => window.scrollTo(0, 0));
  await mobilePage.screenshot({ path: path.join(SCREENSHOT_DIR, 'replay-phone.png') });

  // Once the session has ended, the instructor deletes the recording: its share link stops working.
  expect([...instructor.errors, ...phone.errors, ...errors, ...studentErrors, ...mobileErrors]).toEqual([]);
  await room.ask('console:end', {});
  await replayPage.reload();
  replayPage.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
  await studentPage.goto(shareUrl);
  await studentPage.reload();
  await expect(studentPage.getByTestId('replay-error')).toContainText(/no such recording|deleted/i);
  // The browser logs the refused request itself; nothing else went wrong.
  expect([...errors, ...studentErrors].filter((e) => !/status of 404/.test(e))).toEqual([]);
  room.socket.disconnect();
  await mobile.close();
  await student.close();
  await phone.context.close();
  await instructor.context.close();
});

test('damaged recordings get a clear message or open with what is readable; a 200,000-event one opens and can be scrubbed', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page, 'replay');
  await page.goto('/replay');
  await expect(page.getByTestId('no-recordings')).toBeVisible();
  const dir = path.join(tmpdir(), 'hc-replay-files');
  mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const rec = synthesize({ events: 1_500, nodes: 5, loss: 0.1, splitEveryMs: 500 });

  await page.getByTestId('open-file').setInputFiles(write('garbage.jsonl', '\u0000\u0001 this is not json\nat all'));
  await expect(page.getByTestId('file-error')).toContainText('not a Human Cluster recording');
  const header = JSON.parse(rec.text.slice(0, rec.text.indexOf('\n')));
  await page.getByTestId('open-file').setInputFiles(write('future.jsonl', `${JSON.stringify({ ...header, version: 9 })}\n`));
  await expect(page.getByTestId('file-error')).toContainText('format version 9');
  const lines = rec.text.split('\n');
  lines[40] = '{"seq": 40, "t":';
  await page.getByTestId('open-file').setInputFiles(write('damaged.jsonl', lines.join('\n')));
  await expect(page.getByTestId('file-error')).toContainText('Line 41');

  // A session in which nothing happened opens too.
  await page.getByTestId('open-file').setInputFiles(write('empty-session.jsonl', `${JSON.stringify(header)}\n`));
  await expect(page.getByTestId('replay-title')).toContainText('Room SYNTH');
  await expect(page.getByTestId('diagram-summary')).toContainText('No messages');
  await page.getByRole('link', { name: '← Recordings' }).click();

  await page.getByTestId('open-file').setInputFiles(write('torn.jsonl', rec.text.slice(0, -25)));
  await expect(page.getByText('The last line of this recording was cut off')).toBeVisible();
  await expect(page.getByTestId('replay-title')).toContainText('Room SYNTH');
  await page.getByRole('link', { name: '← Recordings' }).click();

  // 200,000 events open, and the timeline can be scrubbed through them.
  const big = synthesize({
    events: 200_000,
    nodes: 30,
    loss: 0.05,
    dup: 0.02,
    splitEveryMs: 5_000,
    config: { botDelayMs: 50, chatterMs: 200 },
  });
  await page.getByTestId('open-file').setInputFiles(write('big.jsonl', big.text));
  await expect(page.getByTestId('replay-title')).toContainText('Room SYNTH', { timeout: 30_000 });
  const open = await page.evaluate(() => window.__hcReplay!.open);
  // How fast is measured by `npm run bench -- replay`; here only that it opens and scrubs.
  expect(open.parseMs).toBeGreaterThan(0);
  const strip = page.getByTestId('scrubber');
  const box = (await strip.boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) await page.mouse.move(box.x + (box.width * i) / 41, box.y + box.height / 2);
  await page.mouse.up();
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Next dropped message' }).click();
  await expect(page.getByTestId('message-details')).toBeVisible();
  const scrub = await page.evaluate(() => ({
    seeks: window.__hcReplay!.stats.seeks,
    seekMax: window.__hcReplay!.stats.seekMsMax,
    drawMax: window.__hcDiagram!.drawMsMax,
  }));
  console.log(
    `200,000 events: parse ${Math.round(open.parseMs!)} ms, index ${Math.round(open.indexMs!)} ms; ${scrub.seeks} seeks, slowest ${Math.round(scrub.seekMax)} ms; slowest diagram draw ${Math.round(scrub.drawMax)} ms`,
  );
  expect(scrub.seeks).toBeGreaterThan(5);
  expect(errors).toEqual([]);
  await context.close();
});
