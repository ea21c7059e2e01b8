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

test('at 1440×900 the map and the controls of each phase are on screen together, and a drill never moves the map', async ({ browser }) => {
  const instructor = await openConsole(browser);
  const { page: con } = instructor;
  const map = con.getByRole('img', { name: /^Network map/ });
  await con.getByRole('button', { name: '+5 bots' }).click();
  await expect(con.getByTestId('node-count')).toHaveText('5');
  // Between rounds: start a round, the drills, pause, the sliders.
  await inView(con, [
    map,
    con.getByRole('button', { name: /Start round/ }),
    con.getByRole('button', { name: 'Split in halves', exact: true }),
    con.getByRole('button', { name: /Pause network/ }),
    con.getByLabel(/^Loss/),
  ]);
  expect(await axe(con)).toEqual([]);
  await screenshot(con, 'cockpit-1440x900-lobby');

  for (const game of ['election', 'gossip', 'byzantine', 'sandbox']) {
    await con.locator('#game-pick').selectOption(game);
    await con.getByRole('button', { name: /Start round|Restart with this game/ }).click();
    await expect(con.getByRole('heading', { name: /^Round \d+:/ })).toBeVisible();
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
    expect(await axe(con), game).toEqual([]);
    await screenshot(con, `cockpit-1440x900-${game}`);
  }
  expect(instructor.errors).toEqual([]);
  await instructor.context.close();
});

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
