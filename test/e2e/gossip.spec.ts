import { expect, type Page } from '@playwright/test';
import { closeUp, expectCleanAndClose, instantNetwork, joinPhone, openConsole, screenshot, type Actor, test } from './helpers';
import { checkPhoneScreen, checkPhoneScreens, expectNoNodeIds } from './phoneChecks';

const tapName = (page: Page, name: string) => page.getByRole('group', { name: /^Tap a name/ }).getByRole('button', { name, exact: true });

test('gossip: three phones spread the rumour by tapping names, round by round; the console draws the curve against the theory', async ({
  browser,
}) => {
  // Every phone screen is also scanned (axe-core and the layout checks): a slower test.
  test.setTimeout(180_000);
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const ada = await joinPhone(browser, code, 'Ada', 'iPhone 13');
  const grace = await joinPhone(browser, code, 'Grace', '360x640');
  const linus = await joinPhone(browser, code, 'Linus', 'iPhone 13');
  const phones: Actor[] = [ada, grace, linus];
  await expect(con.getByTestId('node-count')).toHaveText('3');

  // Messages arrive at once, so the test waits for nothing but the rounds.
  await instantNetwork(con);

  // Push gossip with fanout 1 and 5-second rounds; Ada starts with the word.
  await con.getByLabel('Game', { exact: true }).selectOption('gossip');
  const form = con.getByTestId('gossip-config');
  await form.getByLabel('Fanout (picks per round)').fill('1');
  await form.getByLabel('Round length (seconds)').fill('5');
  await form.getByLabel('Who starts').selectOption({ label: 'Ada' });
  await form.getByLabel('The word (optional)').fill('narwhal');
  await expect(con.getByTestId('gossip-theory')).toContainText('With 3 nodes and fanout 1');
  await closeUp(form, 'gossip-console-config');
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(con.getByTestId('gossip-console')).toBeVisible();

  // Before: Grace has not heard it, and her phone shows no word.
  await expect(grace.page.getByTestId('rumour-status')).toContainText('You have not heard the rumour yet');
  await expect(grace.page.getByText('narwhal')).toHaveCount(0);
  await screenshot(grace.page, 'gossip-phone-before');
  await checkPhoneScreen(grace.page, 'a phone that has not heard (360×640)');

  // Ada knows it from the start and taps Grace's name. (Rounds are short and the machine may be
  // busy: the test reads which round each tap landed in rather than assume it.)
  await expect(ada.page.getByTestId('rumour-word')).toHaveText('narwhal');
  await expect(ada.page.getByTestId('told-by')).toContainText('You started with it');
  await tapName(ada.page, 'Grace').click();
  await screenshot(ada.page, 'gossip-phone-origin');
  await checkPhoneScreen(ada.page, 'the origin (iPhone 13)');

  // After: Grace's phone shows the word and who told her, in which round; she may pass it on
  // from the next one.
  await expect(grace.page.getByTestId('rumour-word')).toHaveText('narwhal');
  const toldBy = grace.page.getByTestId('told-by');
  await expect(toldBy).toContainText(/Ada told you in round \d+/);
  const told = Number(/round (\d+)/.exec((await toldBy.textContent())!)![1]);
  await screenshot(grace.page, 'gossip-phone-after');
  await expect(linus.page.getByTestId('rumour-status')).toContainText('You have not heard the rumour yet');

  // The next round: Grace may tell now. The console's curve shows the spread so far.
  await expect(tapName(grace.page, 'Linus')).toBeEnabled({ timeout: 15_000 });
  await expect(con.getByTestId('console-informed')).toHaveText('2');
  await expect(con.getByTestId('infection-curve')).toContainText('Bots-only simulation, mean of');
  await screenshot(con, 'gossip-console');
  await closeUp(con.getByTestId('gossip-console'), 'gossip-console-panel');
  await screenshot(grace.page, 'gossip-phone-pick');
  await checkPhoneScreen(grace.page, 'a phone picking a name (360×640)');

  // Grace taps Linus: everyone knows, and the game ends at once with its result.
  await tapName(grace.page, 'Linus').click();
  const result = con.getByTestId('gossip-result');
  await expect(result.getByTestId('gossip-verdict')).toContainText(/Every live node knew the rumour after \d+ rounds/);
  const rounds = Number(/after (\d+) rounds/.exec((await result.getByTestId('gossip-verdict').textContent())!)![1]);
  expect(rounds).toBeGreaterThan(told);
  await expect(con.getByTestId('results-table')).toContainText(`every live node knew after ${rounds} rounds`);
  await expect(result.getByTestId('result-redundant')).toHaveText('0');
  await screenshot(con, 'gossip-console-result');
  await closeUp(result, 'gossip-console-result-panel');
  await expectNoNodeIds(con, 'the console after a gossip round');

  // Each phone: its own line about the round (who told it, how far the rumour went).
  await expect(grace.page.getByTestId('recap')).toContainText('You heard the rumour from Ada');
  for (const p of phones) await expect(p.page.getByTestId('recap')).toContainText(`All 3 knew it after ${rounds} rounds.`);
  await screenshot(linus.page, 'gossip-phone-last-after');
  await screenshot(grace.page, 'gossip-phone-second-after-360');
  await checkPhoneScreens([
    [ada.page, 'the origin phone after the round'],
    [grace.page, 'the second phone after the round (360×640)'],
    [linus.page, 'the last phone after the round'],
  ]);

  await expectCleanAndClose([instructor, ...phones]);
});

test('gossip, pull mode beside five bots: a phone cut off by a partition asks in vain; the console warns that the rumour is stuck; the result says who never learned and why', async ({
  browser,
}) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const ada = await joinPhone(browser, code, 'Ada', 'Pixel 5');
  await con.getByRole('button', { name: '+5 bots' }).click();
  await expect(con.getByTestId('node-count')).toHaveText('6');
  await instantNetwork(con);

  // Ada is cut off from the start; a bot starts with the rumour. Short rounds, quick bots,
  // and the game gives up twelve rounds after the rumour has reached everyone it can (time to
  // check Ada's phone, and then to read the console's warning while the round still runs).
  await con.getByLabel('Game', { exact: true }).selectOption('gossip');
  const form = con.getByTestId('gossip-config');
  await form.getByRole('radio', { name: /^Pull/ }).check();
  await form.getByLabel('Round length (seconds)').fill('1.5');
  await form.getByLabel('Who starts').selectOption({ label: 'Bot 1 (bot)' });
  await form.getByText('More settings').click();
  await form.getByLabel(/^Wait for a heal/).fill('12');
  await form.getByLabel('Autopilot waits (seconds)').fill('0.1');
  await form.getByLabel('…plus up to (seconds)').fill('0.3');
  await closeUp(form, 'gossip-console-config-pull');
  await con.getByText('Nodes as a list').click();
  await con.getByRole('checkbox', { name: /^Ada — group A/ }).check();
  await con.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Isolate', exact: true }).click();
  await expect(con.getByLabel('Fault log')).toContainText('isolated');
  await con.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Clear', exact: true }).click();
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(con.getByTestId('gossip-console')).toBeVisible();

  // Ada does not know: in pull mode she asks. Her question is cut by the partition.
  await expect(ada.page.getByTestId('rumour-status')).toContainText('Ask people whether they know it');
  await ada.page.getByRole('button', { name: 'Pick at random' }).click();
  await expect(ada.page.getByText(/You sent [1-9]\d* messages? this game/)).toBeVisible();
  await screenshot(ada.page, 'gossip-phone-pull');
  await checkPhoneScreen(ada.page, 'a cut-off phone asking, beside five bots (Pixel 5)');

  const stuck = con.getByTestId('stalled-warning');
  await expect(stuck).toContainText('The rumour is stuck: 1 live node cannot learn (Ada)');
  await expect(con.getByTestId('console-groups')).toContainText('Cut off (1): Ada');
  // The panel first: the round gives up a few seconds after the rumour stalls, and the panel goes with it.
  await closeUp(con.getByTestId('gossip-console'), 'gossip-console-stalled-panel');
  await screenshot(con, 'gossip-console-stalled');

  const verdict = con.getByTestId('gossip-verdict');
  await expect(verdict).toContainText('Never: 1 live node never learned it (1 cut off by a partition); 5 of 6 did', { timeout: 40_000 });
  await expect(con.getByTestId('never-table')).toContainText('Ada');
  await expect(con.getByTestId('results-table')).toContainText('never: 1 of 6 never learned (1 cut off by a partition)');
  await closeUp(con.getByTestId('gossip-result'), 'gossip-console-result-never');
  await expectNoNodeIds(con, 'the console after a pull round with bots');
  // Ada's phone: her line about the round (the rumour never reached her) and how the class did.
  await expect(ada.page.getByTestId('recap')).toContainText(/The rumour never reached you\. 5 of 6 knew it after \d+ rounds\./);
  await screenshot(ada.page, 'gossip-phone-pull-after');
  await checkPhoneScreen(ada.page, 'the cut-off phone after the round (Pixel 5)');

  await expectCleanAndClose([instructor, ada]);
});
