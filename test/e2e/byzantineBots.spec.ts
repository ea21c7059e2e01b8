import { expect } from '@playwright/test';
import { expectCleanAndClose, joinPhone, openConsole, screenshot, setSlider, test } from './helpers';
import { checkPhoneScreens, expectNoNodeIds } from './phoneChecks';

// Phones beside bots (issue 12's tests: every game played by phones and bots): a bot commands,
// a phone is the traitor, a phone and two bots are loyal lieutenants. Every phone screen is
// photographed and checked (axe, layout, node ids) during the round and after it.
test('Byzantine with two phones among three bots: a bot commands, the traitor and a loyal lieutenant play beside loyal bots', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const grace = await joinPhone(browser, code, 'Grace', '360x640');
  const linus = await joinPhone(browser, code, 'Linus', 'iPhone 13');
  for (let i = 0; i < 3; i++) await con.getByRole('button', { name: '+ bot', exact: true }).click();
  await expect(con.getByTestId('node-count')).toHaveText('5');
  await setSlider(con, /^Latency/, 50);
  await setSlider(con, /^Jitter/, 0);

  await con.getByLabel('Game', { exact: true }).selectOption('byzantine');
  const form = con.getByRole('group', { name: 'Byzantine generals settings' });
  await form.getByRole('radio', { name: 'Pick them' }).check();
  await form.getByRole('checkbox', { name: 'Linus' }).check();
  const commander = form.getByLabel('Commander', { exact: true });
  const bot = (
    (await commander
      .locator('option')
      .filter({ hasNotText: /Grace|Linus/ })
      .nth(1)
      .textContent()) ?? ''
  ).trim();
  expect(bot).not.toBe('');
  await commander.selectOption({ label: bot });
  await form.getByLabel('Advised order').selectOption('attack');
  await form.getByLabel('Phase length (s)').fill('600');
  await con.getByRole('button', { name: /Start round/ }).click();

  // The bot's order reaches both phones; both pass it on from the same relay screen, to the three other lieutenants.
  for (const p of [grace, linus]) await expect(p.page.getByTestId('byz-pass')).toBeVisible({ timeout: 30_000 });
  await expect(grace.page.getByTestId('byz-role')).toContainText(`${bot} commands`);
  await expect(grace.page.getByTestId('byz-order')).toContainText('Attack');
  await screenshot(grace.page, 'byzantine-bots-phone-relay-loyal-360');
  await screenshot(linus.page, 'byzantine-bots-phone-relay-traitor');
  await checkPhoneScreens([
    [grace.page, "a loyal lieutenant's phone beside bots, relay phase (360×640)"],
    [linus.page, "the traitor's phone beside bots, relay phase"],
  ]);
  await linus.page.getByRole('button', { name: 'Send to 3 of 3' }).click();
  await grace.page.getByRole('button', { name: 'Send to 3 of 3' }).click();

  // The bots relay on their own; Grace heard Attack from everyone and decides it; the loyal bots decide too.
  await expect(grace.page.getByRole('button', { name: 'Decide Attack' })).toBeVisible({ timeout: 30_000 });
  await expect(grace.page.getByTestId('byz-tally')).toHaveAttribute('aria-label', 'Tally: 4 Attack, 0 Retreat, 0 missing');
  await screenshot(grace.page, 'byzantine-bots-phone-decide-360');
  await screenshot(linus.page, 'byzantine-bots-phone-decide-traitor');
  await checkPhoneScreens([
    [grace.page, "a loyal lieutenant's phone beside bots, decision phase (360×640)"],
    [linus.page, "the traitor's phone beside bots, decision phase"],
  ]);
  await grace.page.getByRole('button', { name: 'Decide Attack' }).click();
  const verdict = con.getByTestId('round-result').getByTestId('byz-verdict');
  await expect(verdict).toContainText('IC1 ✓ holds', { timeout: 30_000 });
  await expect(verdict).toContainText('IC2 ✓ holds');

  // After the round: each phone's recap, checked and photographed; the console names people, never node ids.
  for (const p of [grace, linus]) await expect(p.page.getByTestId('recap')).toContainText('IC1 held');
  await screenshot(grace.page, 'byzantine-bots-phone-after-360');
  await screenshot(linus.page, 'byzantine-bots-phone-after-traitor');
  await checkPhoneScreens([
    [grace.page, "a loyal lieutenant's phone beside bots, after the round (360×640)"],
    [linus.page, "the traitor's phone beside bots, after the round"],
  ]);
  await expectNoNodeIds(con, 'the console after a Byzantine round with bots');
  await expectCleanAndClose([instructor, grace, linus]);
});
