import { expect } from '@playwright/test';
import { expectCleanAndClose, joinPhone, openConsole, screenshot, type Actor, test } from './helpers';
import { checkPhoneScreen, checkPhoneScreens, expectFocusRingContrast, expectNoNodeIds } from './phoneChecks';

test('the console creates a room, three phones join by code, a reload keeps the node, a sandbox message arrives and a bot answers; every phone screen checked during and after the round', async ({
  browser,
}) => {
  // Every phone screen is also scanned (axe-core and the layout checks): a slower test.
  test.setTimeout(180_000);
  const instructor = await openConsole(browser);
  const { code, page: consolePage } = instructor;
  await expect(consolePage.getByTestId('join-url')).toContainText(`/join/${code}`);

  const phones: Actor[] = [];
  phones.push(await joinPhone(browser, code, 'Ada', 'Pixel 7'));
  phones.push(await joinPhone(browser, code, 'Grace', 'iPhone 13'));
  phones.push(await joinPhone(browser, code, 'Linus', 'Galaxy S9+'));

  const roster = consolePage.getByTestId('roster');
  for (const name of ['Ada', 'Grace', 'Linus']) await expect(roster.getByText(name, { exact: true })).toBeVisible();
  await expect(consolePage.getByTestId('node-count')).toHaveText('3');
  await expect(phones[0]!.page.getByTestId('node-count')).toHaveText('3');
  await screenshot(phones[0]!.page, 'phone-lobby');
  await screenshot(phones[2]!.page, 'phone-lobby-small');
  // The keyboard's focus ring on a dark header stands out from its navy (at least 3:1): the phone's and the console's.
  const small = phones[2]!.page;
  await expectFocusRingContrast(small, small.locator('.phone-top select'), "the phone header's language picker");
  await screenshot(small, 'phone-lobby-small-header-focus');
  await expectFocusRingContrast(
    consolePage,
    consolePage.locator('.console-top').getByRole('button').first(),
    "the console header's first button",
  );

  // A duplicate nickname is refused with a clear message (on a 360×640 screen).
  const dupContext = await browser.newContext({
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const dup = await dupContext.newPage();
  await dup.goto(`/join/${code}`);
  await dup.getByLabel('Nickname').fill('ada');
  await dup.getByRole('button', { name: 'Join' }).click();
  await expect(dup.getByRole('alert')).toContainText('already called');
  await screenshot(dup, 'phone-join-error-360');
  await dupContext.close();

  // Grace reloads: she comes back as the same node, and the room still has three nodes.
  const grace = phones[1]!.page;
  await grace.reload();
  await expect(grace.getByText('You are in, Grace!')).toBeVisible();
  await expect(grace.getByTestId('nickname')).toHaveText('Grace');
  await expect(consolePage.getByTestId('node-count')).toHaveText('3');
  await expect(roster.locator('li')).toHaveCount(3);

  // A bot joins the phones: its words on a phone ("echo: …") are worded like a person's.
  await consolePage.getByRole('button', { name: '+ bot', exact: true }).click();
  await expect(consolePage.getByTestId('node-count')).toHaveText('4');

  // The warm-up: a sandbox round; Ada writes to Grace and the bot, it reaches Grace's inbox,
  // and the bot's echo reaches Ada's.
  await consolePage.getByRole('button', { name: /Start round/ }).click();
  const ada = phones[0]!.page;
  await ada.getByRole('button', { name: 'Grace' }).click();
  await ada.getByRole('button', { name: /^Bot/ }).click();
  await ada.getByRole('textbox', { name: 'Message' }).fill('hello from the front row');
  await ada.getByRole('button', { name: /Send to 2/ }).click();
  await expect(grace.getByText('hello from the front row')).toBeVisible();
  await expect(ada.getByText('echo: hello from the front row')).toBeVisible();
  await screenshot(grace, 'phone-sandbox-inbox');
  await screenshot(ada, 'phone-sandbox-sender');
  await checkPhoneScreen(grace, 'the sandbox inbox');
  await checkPhoneScreen(ada, "the sandbox sender, with the bot's echo");
  await screenshot(consolePage, 'console');

  // After the round: each phone's line about it, and its screen as it ended; no node id on the console either.
  await consolePage.getByRole('button', { name: /Stop round/ }).click();
  await expect(ada.getByTestId('recap')).toContainText('You sent 1 message; 1 message reached you.');
  await expect(grace.getByTestId('recap')).toContainText('You sent 0 messages; 1 message reached you.');
  // And what the class did, from the network's counts for the round: Ada's two, the bot's echo (and any chatter) went out.
  for (const p of [ada, grace])
    await expect(p.getByTestId('recap-class')).toHaveText(/^The class sent (\d+) messages: (\d+) arrived, 0 were lost on the way\.$/);
  const classLine = (await ada.getByTestId('recap-class').textContent()) ?? '';
  expect(Number(/sent (\d+)/.exec(classLine)?.[1])).toBeGreaterThanOrEqual(3);
  await screenshot(ada, 'phone-sandbox-sender-after');
  await screenshot(grace, 'phone-sandbox-inbox-after');
  await checkPhoneScreens([
    [ada, "the sandbox sender's phone after the round"],
    [grace, "the sandbox receiver's phone after the round"],
    [phones[2]!.page, 'an idle phone after the sandbox round'],
  ]);
  await expectNoNodeIds(consolePage, 'the console after a sandbox round');

  await expectCleanAndClose([instructor, ...phones]);
});
