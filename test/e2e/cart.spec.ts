import { expect, type Page } from '@playwright/test';
import { closeUp, expectCleanAndClose, instantNetwork, joinPhone, openConsole, screenshot, type Actor, test } from './helpers';
import { checkPhoneScreen, checkPhoneScreens, expectAccessible, expectNoNodeIds } from './phoneChecks';

const item = (page: Page, id: string) => page.getByTestId(`cart-item-${id}`);
const plus = (page: Page, name: string) => page.getByRole('button', { name: `One more: ${name}`, exact: true });
const qty = (page: Page, id: string) => page.getByTestId(`cart-qty-${id}`);

test('cart: three phones on both sides of a 2–3 split play quorum, last-writer-wins and CRDT rounds; the console shows what each keeps, refuses and loses', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const ana = await joinPhone(browser, code, 'Ana', '360x640');
  const ben = await joinPhone(browser, code, 'Ben', 'iPhone 13');
  const chloe = await joinPhone(browser, code, 'Chloe', 'Galaxy S9+');
  const phones: Actor[] = [ana, ben, chloe];
  // The projector stage, in its own window of the console's browser.
  const [stage] = await Promise.all([con.context().waitForEvent('page'), con.getByRole('button', { name: 'Open the stage' }).click()]);
  await stage.setViewportSize({ width: 1920, height: 1080 });
  // Two bots complete Chloe's side to a majority (3 of 5); they tap too slowly to change a list.
  for (let i = 0; i < 2; i++) await con.getByRole('button', { name: '+ bot', exact: true }).click();
  await expect(con.getByTestId('node-count')).toHaveText('5');
  await instantNetwork(con);

  const startRound = async (mode: RegExp) => {
    await con.getByLabel('Game', { exact: true }).selectOption('cart');
    const form = con.getByTestId('cart-config');
    await form.getByRole('radio', { name: mode }).check();
    if (!(await form.locator('details.ct-more').evaluate((d) => (d as HTMLDetailsElement).open)))
      await form.getByText('More settings').click();
    await form.getByLabel('Lists exchanged every (seconds)').fill('0.5');
    await form.getByLabel('A quorum change waits (seconds)').fill('1.5');
    await form.getByLabel('Autopilot taps every (seconds)').fill('600');
    await form.getByLabel('…plus up to (seconds)').fill('0');
    await con.getByRole('button', { name: /Start round/ }).click();
    await expect(con.getByTestId('cart-console')).toBeVisible();
    for (const p of phones) await expect(p.page.getByTestId('cart-phone')).toBeVisible();
  };
  /** Ana and Ben to a group of their own: a 2–3 split, phones on both sides. */
  const split = async () => {
    await con.getByText('Nodes as a list').click();
    await con.getByRole('checkbox', { name: /^Ana/ }).check();
    await con.getByRole('checkbox', { name: /^Ben/ }).check();
    await con.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: '→ group B' }).click();
    await expect(con.getByTestId('cart-network')).toContainText('Split');
    await con.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Clear', exact: true }).click();
    await con.getByText('Nodes as a list').click();
  };
  const heal = async () => {
    await con.getByRole('group', { name: 'Drills' }).getByRole('button', { name: 'Heal partitions' }).click();
    await expect(con.getByTestId('cart-agreement')).toContainText('all 5 live lists agree');
    await expect(con.getByTestId('cart-network')).toContainText('after the heal');
  };
  const stop = async () => {
    await con.getByRole('button', { name: /Stop round/ }).click();
    await expect(con.getByTestId('cart-result')).toBeVisible();
  };

  /** The explanation of a term of art, one tap away; closed again after reading. */
  const explain = async (page: Page, word: string, text: string) => {
    const button = page.getByRole('button', { name: `What does “${word}” mean?` });
    await button.click();
    await expect(page.getByRole('note').filter({ hasText: text })).toBeVisible();
    await button.click();
    await expect(page.getByRole('note').filter({ hasText: text })).toHaveCount(0);
  };

  // ---- 1. Majority quorum: the minority is refused, the majority saves, the minority catches up.
  await startRound(/^Majority quorum/);
  // The screen opens with what to do now; the mode's name is explained one tap away.
  await expect(ana.page.getByTestId('now-line')).toHaveText(
    'Tap + or − to change the list. A change counts only when 3 of the 5 lists agree.',
  );
  await explain(ana.page, 'Majority quorum', 'A quorum is how many copies of the list must agree');
  await split();
  await plus(ana.page, 'apples').click();
  await expect(ana.page.getByTestId('now-line')).toHaveText('Wait: the other lists are answering your change.');
  await expect(ana.page.getByTestId('cart-feedback')).toContainText('Refused: only 2 of 5 lists agreed, and a majority is 3');
  await plus(chloe.page, 'bread').click();
  await expect(chloe.page.getByTestId('cart-feedback')).toContainText('Saved: 3 of 5 lists agreed');
  await expect(qty(ana.page, 'apples')).toHaveText('0');
  await expect(qty(ana.page, 'bread')).toHaveText('0');
  await screenshot(ana.page, 'cart-phone-quorum-refused');
  await screenshot(chloe.page, 'cart-phone-quorum-saved');
  await checkPhoneScreens([
    [ana.page, 'a refused change (quorum, 360×640)'],
    [chloe.page, 'a saved change (quorum, Galaxy S9+)'],
  ]);
  await expect(con.getByTestId('cart-side-B')).toContainText('1 tapped, 0 saved, 1 refused');
  await expect(con.getByTestId('cart-side-A')).toContainText('1 tapped, 1 saved, 0 refused');
  await screenshot(con, 'cart-console-quorum-split');
  await expect(stage.getByTestId('stage-cart')).toContainText('Side B: 0 of 1 saved');
  await screenshot(stage, 'cart-stage-quorum-split');
  await expectAccessible(con, 'the cart console', '[data-testid="cart-console"]');
  await heal();
  await expect(qty(ana.page, 'bread')).toHaveText('1');
  await expect(ana.page.getByTestId('cart-changes')).toContainText('In your list, bread went from 0 to 1: it caught up with the majority.');
  await screenshot(ana.page, 'cart-phone-quorum-caught-up');
  await stop();
  await expect(con.getByTestId('cart-availability')).toContainText('During the split 50% of the changes were saved (1 of 2)');

  // ---- 2. Last writer wins: both sides save; on heal the later stamp wins, the other is named lost.
  await startRound(/^Last writer wins/);
  await expect(ana.page.getByTestId('now-line')).toHaveText(
    'Tap + or − to change the list. Your phone saves it at once and sends it to the others.',
  );
  await explain(ana.page, 'Last writer wins', 'the change with the later time is kept');
  await split();
  await plus(ana.page, 'cheese').click();
  await expect(ana.page.getByTestId('cart-feedback')).toContainText('Saved on your phone');
  await plus(chloe.page, 'cheese').click();
  await expect(qty(chloe.page, 'cheese')).toHaveText('1');
  await plus(chloe.page, 'cheese').click();
  await expect(qty(chloe.page, 'cheese')).toHaveText('2');
  await expect(qty(ben.page, 'cheese')).toHaveText('1');
  await expect(con.getByTestId('cart-agreement')).toContainText('2 different lists');
  await screenshot(con, 'cart-console-lww-split');
  await expect(stage.getByTestId('stage-cart-lists')).toContainText('≠ 2 different');
  await screenshot(stage, 'cart-stage-lww-split');
  await heal();
  await expect(qty(ana.page, 'cheese')).toHaveText('2');
  await expect(ana.page.getByTestId('cart-changes')).toContainText(
    'Your cheese went from 1 to 2: Chloe’s change was later, and your +1 was overwritten.',
  );
  await expect(ana.page.getByTestId('cart-feedback')).toHaveAttribute('data-status', 'overwritten');
  await expect(ana.page.getByTestId('cart-feedback')).toContainText('Saved on your phone, then overwritten by a later change');
  await expect(con.getByTestId('cart-lost')).toContainText('Ana’s +1 cheese was overwritten by Chloe’s +2.');
  await screenshot(ana.page, 'cart-phone-lww-overwritten');
  await expect(stage.getByTestId('stage-cart-converged')).toContainText('after the heal');
  await expect(stage.getByTestId('stage-cart')).toContainText('Ana’s +1 cheese was overwritten by Chloe’s +2.');
  await screenshot(stage, 'cart-stage-lww-healed');
  await expectAccessible(stage, 'the stage after the heal');
  await checkPhoneScreen(ana.page, 'an overwritten change (last writer wins, 360×640)');
  await closeUp(con.getByTestId('cart-console'), 'cart-console-lww-panel');
  await stop();

  // ---- 3. CRDT: both sides save; on heal the counts add up, nothing is lost.
  await startRound(/^CRDT/);
  await explain(ben.page, 'CRDT', 'conflict-free replicated data type');
  await explain(ben.page, 'replica', 'A replica is one copy of shared data.');
  await explain(ben.page, 'split', 'A partition (a split) cuts the network in two');
  await split();
  await plus(ben.page, 'cake').click();
  await plus(chloe.page, 'cake').click();
  await expect(qty(chloe.page, 'cake')).toHaveText('1');
  await plus(chloe.page, 'cake').click();
  await expect(qty(chloe.page, 'cake')).toHaveText('2');
  await expect(qty(ana.page, 'cake')).toHaveText('1');
  await heal();
  for (const p of phones) await expect(qty(p.page, 'cake')).toHaveText('3');
  await expect(ben.page.getByTestId('cart-changes')).toContainText('In your list, cake went from 1 to 3: Chloe’s changes were added in.');
  await screenshot(ben.page, 'cart-phone-crdt-merged');
  await checkPhoneScreen(ben.page, 'merged changes (CRDT, iPhone 13)');
  await screenshot(con, 'cart-console-crdt');
  await stop();

  // The debrief: the three modes side by side.
  const debrief = con.getByTestId('round-result').getByTestId('cart-debrief');
  await expect(debrief.getByRole('row')).toHaveCount(4);
  await expect(debrief).toContainText('Majority quorum');
  await expect(debrief).toContainText('Last writer wins');
  await expect(debrief).toContainText('CRDT');
  await screenshot(con, 'cart-console-debrief');
  await closeUp(con.getByTestId('round-result'), 'cart-console-result-panel');
  await expectAccessible(con, 'the cart result', '[data-testid="round-result"]');
  await expect(stage.getByRole('heading', { name: /Round 3 is over/ })).toBeVisible();
  await screenshot(stage, 'cart-stage-verdict');
  await expectNoNodeIds(con, 'the console after the cart rounds');
  await expectNoNodeIds(stage, 'the stage after the cart rounds');
  // Each phone: its line about the round, over its list as the round ended.
  for (const p of phones) await expect(p.page.getByTestId('recap')).toContainText('Your list ended with 3 items');
  // And what the class did, from the server's counts (CRDT: every change merged, none lost): the same words on every phone.
  for (const p of phones)
    await expect(p.page.getByTestId('recap-class')).toHaveText(
      /^The class made (\d+) changes: \1 merged and kept, none lost, 0 refused\.$/,
    );
  const classLine = (await ana.page.getByTestId('recap-class').textContent()) ?? '';
  expect(Number(/made (\d+)/.exec(classLine)?.[1])).toBeGreaterThanOrEqual(3);
  await expect(item(ana.page, 'cake')).toBeVisible();
  await screenshot(ana.page, 'cart-phone-after-360x640');
  // The same at 200 % zoom (180 px wide): the rows put − count + under the item's name.
  await ana.page.setViewportSize({ width: 180, height: 320 });
  await screenshot(ana.page, 'cart-phone-after-zoom200');
  await ana.page.setViewportSize({ width: 360, height: 640 });
  await screenshot(ben.page, 'cart-phone-after-iphone13');
  await checkPhoneScreens([
    [ana.page, 'after the round (360×640)'],
    [ben.page, 'after the round (iPhone 13)'],
  ]);

  await expectCleanAndClose([instructor, ...phones]);
});
