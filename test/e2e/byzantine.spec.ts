import { expect } from '@playwright/test';
import { closeUp, expectCleanAndClose, joinPhone, openConsole, screenshot, setSlider, type Actor, test } from './helpers';

test('four phones play a Byzantine round: the commander orders, the traitor lies per recipient, the loyal lieutenants decide, the console shows the verdict', async ({
  browser,
}) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const ada = await joinPhone(browser, code, 'Ada', 'Pixel 7');
  const grace = await joinPhone(browser, code, 'Grace', 'iPhone 13');
  const linus = await joinPhone(browser, code, 'Linus', 'Galaxy S9+');
  const barbara = await joinPhone(browser, code, 'Barbara', 'Pixel 5');
  const phones: Actor[] = [ada, grace, linus, barbara];
  await expect(con.getByTestId('node-count')).toHaveText('4');
  // A fast network, so the round is quick: the phases still wait for the people.
  await setSlider(con, /^Latency/, 50);
  await setSlider(con, /^Jitter/, 0);
  await expect(con.getByLabel('Fault log')).toContainText('50');

  // The settings: the bound is checked live as f changes.
  await con.getByLabel('Game', { exact: true }).selectOption('byzantine');
  const form = con.getByRole('group', { name: 'Byzantine generals settings' });
  const bound = form.getByTestId('byz-bound');
  await expect(bound).toContainText('N = 4, f = 1');
  await expect(bound).toContainText('✓ N > 2f+m: 4 > 3');
  await expect(bound).toContainText('guarantees agreement');
  await form.getByLabel('Number of traitors (f)').fill('2');
  await expect(bound).toContainText('✗ N > 2f+m: 4 ≤ 5');
  await expect(bound).toContainText('✗ N ≥ 3f+1: 4 < 7');
  // Now exactly one traitor, Linus; Ada commands and is advised to attack; 20 s phases.
  await form.getByRole('radio', { name: 'Pick them' }).check();
  await form.getByRole('checkbox', { name: 'Linus' }).check();
  await expect(bound).toContainText('N = 4, f = 1');
  await form.getByLabel('Commander', { exact: true }).selectOption({ label: 'Ada' });
  await form.getByLabel('Advised order').selectOption('attack');
  await form.getByLabel('Phase length (s)').fill('20');
  await form.getByText('More settings').click();
  await form.getByLabel('Loyal relays wait up to (s)').fill('1');
  await screenshot(con, 'byzantine-console-settings');
  await con.getByRole('button', { name: /Start round/ }).click();

  // Roles: only the traitor's own phone says so.
  await expect(ada.page.getByTestId('byz-role')).toContainText('COMMANDER');
  await expect(linus.page.getByTestId('byz-role')).toContainText('TRAITOR');
  for (const p of [ada, grace, barbara]) {
    await expect(p.page.getByTestId('byz-role')).toBeVisible();
    await expect(p.page.getByText('TRAITOR', { exact: true })).toHaveCount(0);
    await expect(p.page.locator('.byz-role.traitor')).toHaveCount(0);
  }
  await expect(grace.page.getByTestId('byz-role')).toContainText('LIEUTENANT');
  await expect(grace.page.getByTestId('byz-role')).toContainText('Ada commands');

  // Phase 1: the commander orders Attack to everyone.
  await screenshot(ada.page, 'byzantine-phone-commander');
  await ada.page.getByRole('button', { name: 'Order everyone: Attack' }).click();
  await expect(ada.page.getByRole('list', { name: 'Your orders' })).toContainText('Grace');
  await expect(grace.page.getByTestId('byz-order')).toContainText('Attack');

  // Phase 2: the traitor chooses per recipient — Attack to Grace, Retreat to Barbara.
  await expect(linus.page.getByRole('heading', { name: 'Tell the others' })).toBeVisible();
  await linus.page.getByRole('button', { name: 'Tell Grace: Attack' }).click();
  await linus.page.getByRole('button', { name: 'Tell Barbara: Retreat' }).click();
  await expect(linus.page.getByRole('button', { name: 'Tell Barbara: Retreat' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(linus.page, 'byzantine-phone-traitor');
  await linus.page.getByRole('button', { name: 'Send to 2 of 2' }).click();
  // With every relay out, the round moves on to the decision, which traitors only watch.
  await expect(linus.page.getByText("Traitors don't decide.", { exact: false })).toBeVisible();

  // The decision: Barbara heard Attack, Attack and a lie (Retreat); her phone suggests Attack.
  await expect(barbara.page.getByRole('button', { name: 'Decide Attack' })).toBeVisible();
  const tally = barbara.page.getByTestId('byz-tally');
  await expect(tally).toHaveAttribute('aria-label', 'Tally: 2 Attack, 1 Retreat, 0 missing');
  await expect(barbara.page.getByRole('list').filter({ hasText: 'Linus' })).toContainText('Retreat');
  await screenshot(barbara.page, 'byzantine-phone-loyal');
  await expect(grace.page.getByTestId('byz-tally')).toHaveAttribute('aria-label', 'Tally: 3 Attack, 0 Retreat, 0 missing');
  await screenshot(con, 'byzantine-console-live');
  await barbara.page.getByRole('button', { name: 'Decide Attack' }).click();
  await expect(barbara.page.getByTestId('byz-decision')).toContainText('You decided');
  await grace.page.getByRole('button', { name: 'Decide Attack' }).click();

  // The console: the round ends with the verdict, the bound and the round's table.
  const result = con.getByTestId('round-result');
  const verdict = result.getByTestId('byz-verdict');
  await expect(verdict).toContainText('IC1 ✓ holds');
  await expect(verdict).toContainText('IC2 ✓ holds');
  await expect(result.getByTestId('byz-bound')).toContainText('OM(1) guarantees agreement');
  const table = result.getByTestId('byz-table');
  await expect(table.getByRole('row', { name: /^Linus/ })).toContainText('TRAITOR');
  await expect(table.getByRole('row', { name: /^Barbara/ })).toContainText('2 A · 1 R');
  await expect(con.getByTestId('results-table')).toContainText('IC1 ✓ · IC2 ✓');
  await expect(con.getByTestId('results-table')).toContainText('f = 1: guaranteed');
  await screenshot(con, 'byzantine-console-verdict');
  await closeUp(result, 'byzantine-console-verdict-closeup');

  await expectCleanAndClose([instructor, ...phones]);
});
