import { expect, type Page } from '@playwright/test';
import { parseRecording } from '../../shared/session/recording';
import { joinPhone, openConsole, screenshot, test } from './helpers';

/** The recording of the console's room, downloaded with the key the console's browser keeps. */
async function recording(consolePage: Page, code: string) {
  const key = await consolePage.evaluate(
    (c) =>
      (JSON.parse(localStorage.getItem('human-cluster:console') ?? '[]') as { code: string; key: string }[]).find((r) => r.code === c)?.key,
    code,
  );
  const res = await consolePage.request.get(`/api/rooms/${code}/recording`, { headers: { Authorization: `Bearer ${key}` } });
  expect(res.status()).toBe(200);
  return parseRecording(await res.text());
}

test('the instructor cuts the network from the map: messages across the cut are dropped and recorded; heal restores them', async ({
  browser,
}) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const ada = await joinPhone(browser, code, 'Ada', 'Pixel 7');
  const grace = await joinPhone(browser, code, 'Grace', 'iPhone 13');
  await con.getByRole('button', { name: '+5 bots' }).click();
  await expect(con.getByTestId('node-count')).toHaveText('7');
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(ada.page.getByRole('heading', { name: 'Send a message' })).toBeVisible();

  // Select Grace in the map's node list and move her to group B: a partition.
  await con.getByText('Nodes as a list').click();
  await con.getByRole('checkbox', { name: /^Grace/ }).check();
  await expect(con.getByText('1 selected:')).toBeVisible();
  await con.getByRole('button', { name: '→ group B' }).click();
  await expect(con.getByRole('checkbox', { name: /^Grace — group B/ })).toBeVisible();
  await expect(con.getByLabel('Fault log')).toContainText('Node moved to group B: Grace');

  // Ada writes to Grace and to a bot: the one to Grace is cut, the bot answers.
  await ada.page.getByRole('button', { name: 'Grace' }).click();
  await ada.page.getByRole('button', { name: 'Bot 1' }).click();
  await ada.page.getByRole('textbox', { name: 'Message' }).fill('across the cut');
  await ada.page.getByRole('button', { name: /Send to 2/ }).click();
  await expect(ada.page.getByText('echo: across the cut')).toBeVisible();
  await screenshot(con, 'console-map-partition');
  await expect(con.locator('.stat', { hasText: 'cut by partition' }).locator('b')).toHaveText('1');

  // Heal with the keyboard shortcut (Esc first lets go of the button just clicked); now it arrives.
  await con.keyboard.press('Escape');
  await con.keyboard.press('x');
  await expect(con.getByLabel('Fault log')).toContainText('Heal partitions');
  await ada.page.getByRole('button', { name: 'Bot 1' }).click();
  await ada.page.getByRole('textbox', { name: 'Message' }).fill('after the heal');
  await ada.page.getByRole('button', { name: /Send to 1/ }).click();
  await expect(grace.page.getByText('after the heal')).toBeVisible();
  await expect(grace.page.getByText('across the cut')).toHaveCount(0);

  const { events } = await recording(con, code);
  const cut = events.filter((e) => e.type === 'envelope:sent' && 'drop' in e && e.drop === 'partition');
  expect(cut).toHaveLength(1);
  expect(cut[0]).toMatchObject({ env: { from: 'n1', to: 'n2', body: { text: 'across the cut' } } });
  const faults = events.filter((e) => e.type === 'fault:changed').map((e) => (e.type === 'fault:changed' ? e.op.op : null));
  expect(faults).toEqual(expect.arrayContaining(['move', 'heal']));

  expect([...instructor.errors, ...ada.errors, ...grace.errors]).toEqual([]);
  for (const a of [instructor, ada, grace]) await a.context.close();
});

test('a scripted drill runs its steps at the right moments and shows the current step', async ({ browser }) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  await con.getByRole('button', { name: '+5 bots' }).click();
  await expect(con.getByTestId('node-count')).toHaveText('5');

  const script = {
    name: 'Quick split',
    steps: [
      { at: 0, do: 'start', game: 'sandbox', config: { chatterMs: 300, botDelayMs: 100 } },
      { at: 2, do: 'drill', name: 'halves' },
      { at: 4, do: 'drill', name: 'heal' },
    ],
  };
  await con.getByRole('button', { name: 'New' }).click();
  await con.getByRole('button', { name: 'Edit as JSON' }).click();
  await con.getByRole('textbox', { name: 'Drill as JSON' }).fill(JSON.stringify(script));
  await con.getByRole('button', { name: 'Save drill' }).click();
  await expect(con.getByLabel('Drill', { exact: true })).toHaveValue(/\d+/);
  await con.getByRole('button', { name: '▶ Run drill' }).click();

  const running = con.getByTestId('drill-running');
  await expect(running).toContainText('Quick split');
  await expect(running.locator('li[aria-current="step"]')).toContainText('Split in halves');
  await expect(con.getByLabel('Fault log')).toContainText('Drill step 2/3: Split in halves', { timeout: 10_000 });
  await screenshot(con, 'console-drill-running');
  await expect(con.getByLabel('Fault log')).toContainText('Drill step 3/3: Heal partitions', { timeout: 10_000 });
  await expect(running).toHaveCount(0);

  const { events } = await recording(con, code);
  const started = events.find((e) => e.type === 'drill:started')!;
  const steps = events.filter((e) => e.type === 'drill:step');
  expect(steps).toHaveLength(3);
  // Real time: each step no earlier than its moment, and not much later (a loaded CI machine may lag).
  const offsets = steps.map((e) => e.t - started.t);
  expect(offsets[0]).toBeLessThan(200);
  expect(offsets[1]).toBeGreaterThanOrEqual(2000);
  expect(offsets[1]).toBeLessThan(3500);
  expect(offsets[2]).toBeGreaterThanOrEqual(4000);
  expect(offsets[2]).toBeLessThan(5500);
  // While split, bots' chatter across the cut was dropped with reason partition.
  const cut = events.filter((e) => e.type === 'envelope:sent' && 'drop' in e && e.drop === 'partition');
  expect(cut.length).toBeGreaterThan(0);
  expect(cut.every((e) => e.t >= started.t + 2000 && e.t <= started.t + 5500)).toBe(true);

  expect(instructor.errors).toEqual([]);
  await instructor.context.close();
});

test('projector mode keeps the room code in view; the shortcut list is a modal that gives the focus back', async ({ browser }) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  await con.getByRole('button', { name: 'Projector mode' }).click();
  await expect(con.getByTestId('room-code')).toHaveText(code);
  await expect(con.getByTestId('room-code')).toBeInViewport();
  const opener = con.getByRole('button', { name: 'Keyboard shortcuts' });
  await opener.click();
  const dialog = con.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('split in halves');
  // It takes the focus, keeps it (Tab stays inside), and the page behind does not react to keys.
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await con.keyboard.press('Tab');
  await con.keyboard.press('Tab');
  expect(await con.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  await con.keyboard.press('h');
  await expect(con.getByLabel('Fault log')).toContainText('No faults yet.');
  await screenshot(con, 'console-projector-help');
  await con.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  // Again, closed with its button.
  await opener.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(instructor.errors).toEqual([]);
  await instructor.context.close();
});
