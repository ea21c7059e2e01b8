// The instructor's console as a cockpit on a 1440×900 laptop: the map and the controls the
// current phase needs are on screen together, a control never scrolls the map away, a slider
// drag is one fault change, Space on a focused button presses that button, and axe finds no
// WCAG 2.1 AA violation.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { parseRecording } from '../../shared/session/recording';
import { openConsole, screenshot, test } from './helpers';

async function inView(page: Page, locators: Locator[]): Promise<void> {
  for (const l of locators) await expect(l).toBeInViewport({ ratio: 1 });
  const fit = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, inner: window.innerHeight }));
  expect(fit.h, 'the console page itself does not scroll').toBeLessThanOrEqual(fit.inner);
}

async function recording(con: Page, code: string) {
  const key = await con.evaluate(
    (c) =>
      (JSON.parse(localStorage.getItem('human-cluster:console') ?? '[]') as { code: string; key: string }[]).find((r) => r.code === c)?.key,
    code,
  );
  const res = await con.request.get(`/api/rooms/${code}/recording`, { headers: { Authorization: `Bearer ${key}` } });
  expect(res.status()).toBe(200);
  return parseRecording(await res.text());
}

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('at 1440×900 the map and the controls between rounds are on screen together', async ({ browser }) => {
  const instructor = await openConsole(browser);
  const { page: con } = instructor;
  await con.getByRole('button', { name: '+5 bots' }).click();
  await expect(con.getByTestId('node-count')).toHaveText('5');
  await inView(con, [
    con.getByRole('img', { name: /^Network map/ }),
    con.getByRole('button', { name: /Start round/ }),
    con.getByRole('button', { name: 'Split in halves', exact: true }),
    con.getByRole('button', { name: /Pause network/ }),
    con.getByLabel(/^Loss/),
  ]);
  expect(await axe(con)).toEqual([]);
  await screenshot(con, 'cockpit-1440x900-lobby');
  expect(instructor.errors).toEqual([]);
  await instructor.context.close();
});

for (const game of ['election', 'gossip', 'byzantine', 'sandbox', 'cart']) {
  test(`at 1440×900 during a ${game} round the map and its controls are on screen together, and a drill never moves the map`, async ({
    browser,
  }) => {
    const instructor = await openConsole(browser);
    const { page: con } = instructor;
    const map = con.getByRole('img', { name: /^Network map/ });
    await con.getByRole('button', { name: '+5 bots' }).click();
    await expect(con.getByTestId('node-count')).toHaveText('5');
    await con.locator('#game-pick').selectOption(game);
    await con.getByRole('button', { name: /Start round/ }).click();
    await expect(con.getByRole('heading', { name: /^Round 1:/ })).toBeVisible();
    await inView(con, [
      map,
      con.getByRole('button', { name: /Stop round/ }),
      con.getByRole('button', { name: 'Isolate the leader', exact: true }),
      con.getByRole('button', { name: 'Heal partitions', exact: true }),
      con.getByRole('button', { name: /Pause network/ }),
    ]);
    const before = await map.boundingBox();
    await con.getByRole('button', { name: 'Split in halves', exact: true }).click();
    await expect(con.getByLabel('Fault log')).toContainText('Split in halves');
    expect(await map.boundingBox()).toEqual(before);
    await con.getByRole('button', { name: 'Heal partitions', exact: true }).click();
    expect(await map.boundingBox()).toEqual(before);
    expect(await axe(con)).toEqual([]);
    await screenshot(con, `cockpit-1440x900-${game}`);
    expect(instructor.errors).toEqual([]);
    await instructor.context.close();
  });
}

test('a slider drag is one fault change that stays; Space on a focused button presses it', async ({ browser }) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const slider = con.getByLabel(/^Loss/);
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await con.mouse.move(box.x + 2, y);
  await con.mouse.down();
  for (let i = 1; i <= 12; i++) await con.mouse.move(box.x + (box.width * 0.4 * i) / 12, y, { steps: 2 });
  await con.mouse.up();
  await expect(con.getByLabel('Fault log')).toContainText(/loss 40%/);
  await expect(slider).toHaveValue('0.4');
  const { events } = await recording(con, code);
  const losses = events.filter((e) => e.type === 'fault:changed' && e.op.op === 'loss');
  expect(losses).toHaveLength(1);
  // It stays where it was let go, also after more pictures of the room.
  await con.getByRole('button', { name: '+ bot', exact: true }).click();
  await expect(con.getByTestId('node-count')).toHaveText('1');
  await expect(slider).toHaveValue('0.4');

  // Keys: three presses of the arrow, then a rest: one change.
  await slider.focus();
  await con.keyboard.press('ArrowRight');
  await con.keyboard.press('ArrowRight');
  await con.keyboard.press('ArrowRight');
  await expect(con.getByLabel('Fault log')).toContainText(/loss 55%/);
  const after = (await recording(con, code)).events.filter((e) => e.type === 'fault:changed' && e.op.op === 'loss');
  expect(after).toHaveLength(2);

  // Space on the focused "Lock room" locks the room; it does not pause the network.
  const lock = con.getByRole('button', { name: 'Lock room' });
  await lock.focus();
  await con.keyboard.press('Space');
  await expect(con.getByRole('button', { name: 'Unlock room' })).toBeVisible();
  await expect(con.getByRole('button', { name: /Pause network/ })).toBeVisible();
  // A letter on a focused button is not a drill either.
  await con.getByRole('button', { name: 'Unlock room' }).focus();
  await con.keyboard.press('h');
  await expect(con.getByLabel('Fault log')).not.toContainText('Split in halves');
  expect(instructor.errors).toEqual([]);
  await instructor.context.close();
});

test('after "End session" the console sums the session up; "Open the replay" opens that session; the picker offers no "Reopen"', async ({
  browser,
}) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  await con.getByRole('button', { name: '+5 bots' }).click();
  await con.getByRole('button', { name: /Start round/ }).click();
  await con.getByRole('button', { name: /Stop round/ }).click();
  await expect(con.getByTestId('results-table')).toBeVisible();
  con.once('dialog', (d) => void d.accept());
  await con.getByRole('button', { name: 'End session' }).click();
  const summary = con.getByTestId('session-summary');
  await expect(summary).toContainText(`Session ${code} has ended`);
  await expect(summary).toContainText('1 round played with 5 nodes');
  // Nothing of the live room is left: no QR code to join, no lock, no stage.
  await expect(con.getByRole('img', { name: /QR code to join/ })).toHaveCount(0);
  await expect(con.getByRole('button', { name: /Lock room/ })).toHaveCount(0);
  expect(await axe(con)).toEqual([]);
  await screenshot(con, 'cockpit-session-summary');

  await summary.getByRole('button', { name: 'Share with the class' }).click();
  await expect(con.getByTestId('share-link')).toContainText('/replay/');
  const [replay] = await Promise.all([con.context().waitForEvent('page'), summary.getByRole('link', { name: 'Open the replay' }).click()]);
  await replay.waitForLoadState();
  const session = await con.evaluate(
    (c) =>
      (JSON.parse(localStorage.getItem('human-cluster:console') ?? '[]') as { code: string; session?: string }[]).find((r) => r.code === c)
        ?.session,
    code,
  );
  expect(session).toBeTruthy();
  expect(new URL(replay.url()).pathname).toBe(`/replay/${session}`);
  await expect(replay.getByText(code).first()).toBeVisible();

  // Back on the room picker: the ended room offers its replay, not "Reopen".
  await con.goto('/console');
  const row = con.locator('li', { hasText: code });
  await expect(row.getByRole('link', { name: 'Open the replay' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Reopen' })).toHaveCount(0);
  expect(instructor.errors).toEqual([]);
  await instructor.context.close();
});

test('the instructor’s phone, handed the controls by a QR code, pauses the network and heals it; revoked, it loses them', async ({
  browser,
}) => {
  test.slow();
  const instructor = await openConsole(browser);
  const { page: con } = instructor;
  await con.getByRole('button', { name: '+5 bots' }).click();
  await con.getByRole('button', { name: 'Control from my phone' }).click();
  const dialog = con.getByRole('dialog', { name: 'Control from my phone' });
  // First a warning; the code only after an explicit click.
  await expect(dialog).toContainText('Check the projector first');
  await expect(dialog.getByRole('img')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show it' }).click();
  const qr = dialog.getByRole('img', { name: /QR code that hands/ });
  await expect(qr).toBeVisible();
  const url = (await qr.getAttribute('data-text')) ?? '';
  expect(url).toContain('/remote#room=');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await phone.goto(url);
  await expect(phone.getByTestId('remote')).toBeVisible();
  // The address no longer carries the code.
  expect(phone.url()).not.toContain('token=');
  const fit = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(fit).toBeLessThanOrEqual(390);
  expect(await axe(phone)).toEqual([]);
  await screenshot(phone, 'remote-390');

  await phone.getByRole('button', { name: /Pause network/ }).click();
  await expect(con.getByRole('button', { name: /Resume network/ })).toBeVisible();
  await phone.getByRole('button', { name: /Resume network/ }).click();
  await expect(con.getByRole('button', { name: /Pause network/ })).toBeVisible();
  await phone.getByRole('button', { name: 'Split in halves' }).click();
  await expect(con.getByLabel('Fault log')).toContainText('Split in halves');
  await phone.getByRole('button', { name: /Heal all/ }).click();
  await expect(con.getByLabel('Fault log')).toContainText('Heal all');

  // The console lists the phone and takes its rights back.
  await con.getByRole('button', { name: /Revoke the rights of/ }).click();
  await expect(phone.getByText('The instructor’s controls were taken back from this device.')).toBeVisible();
  expect(instructor.errors).toEqual([]);
  await context.close();
  await instructor.context.close();
});

test('the recovery code takes the room over from a fresh browser', async ({ browser }) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  await con.getByRole('button', { name: 'Recovery code', exact: true }).click();
  const dialog = con.getByRole('dialog', { name: 'Recovery code' });
  await expect(dialog.getByTestId('recovery-code')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Show it' }).click();
  const recovery = ((await dialog.getByTestId('recovery-code').textContent()) ?? '').trim();
  expect(recovery).toMatch(/^(\w{5}-){3}\w{5}$/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await fresh.newPage();
  await page.goto('/console');
  await page.getByLabel('Recovery code').fill(recovery.toLowerCase());
  await page.getByRole('button', { name: 'Recover' }).click();
  await expect(page.getByTestId('room-code')).toHaveText(code);
  await page.getByRole('button', { name: 'Lock room' }).click();
  await expect(con.getByRole('button', { name: 'Unlock room' })).toBeVisible();
  expect(instructor.errors).toEqual([]);
  await fresh.close();
  await instructor.context.close();
});

test('the replay in projector mode has no WCAG 2.1 AA violation', async ({ browser }) => {
  test.slow();
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  await con.getByRole('button', { name: '+5 bots' }).click();
  await con.locator('#game-pick').selectOption('byzantine');
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(con.getByLabel('Fault log')).toBeVisible();
  await con.getByRole('button', { name: 'Split in halves', exact: true }).click();
  await con.getByRole('button', { name: /Stop round/ }).click();
  await expect(con.getByTestId('results-table')).toBeVisible();
  const session = await con.evaluate(
    (c) =>
      (JSON.parse(localStorage.getItem('human-cluster:console') ?? '[]') as { code: string; session?: string }[]).find((r) => r.code === c)
        ?.session,
    code,
  );
  const replay = await con.context().newPage();
  await replay.setViewportSize({ width: 1920, height: 1080 });
  await replay.goto(`/replay/${session}`);
  await replay.getByRole('button', { name: 'Projector mode' }).click();
  await expect(replay.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'true');
  // Into the round, where the game's panel and the message kinds show.
  await replay.keyboard.press('End');
  expect(await axe(replay)).toEqual([]);
  await screenshot(replay, 'replay-projector-1920x1080');
  await instructor.context.close();
});
