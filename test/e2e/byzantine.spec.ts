import { expect, type Page } from '@playwright/test';
import { closeUp, expectCleanAndClose, joinPhone, openConsole, screenshot, setSlider, type Actor, test } from './helpers';
import { checkPhoneScreen, checkPhoneScreens, expectNoNodeIds } from './phoneChecks';

/**
 * What a phone's screen looks like from a metre away: where each block of the page is and how
 * big (the phone's top-level blocks and the game's), their colours, every visible button's
 * colours and place, and how many controls there are. Words are left out: they are read close up.
 */
async function screenLook(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      // In the page, not the viewport: two phones need not be scrolled to the same pixel.
      return [Math.round(r.x + window.scrollX), Math.round(r.y + window.scrollY), Math.round(r.width), Math.round(r.height)];
    };
    const look = (el: Element) => {
      const st = getComputedStyle(el);
      return { box: box(el), background: st.backgroundColor, color: st.color, border: st.borderTopColor };
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const blocks = [...document.querySelectorAll('.byz > *, .byz-now > *, .phone-main > *, [data-testid="recap"] > *')]
      .filter(visible)
      .map(look);
    const buttons = [...document.querySelectorAll('button')].filter(visible).map(look);
    const controls = [...document.querySelectorAll('button, input, select, textarea, a[href], summary')].filter(visible).length;
    return { blocks, buttons, controls };
  });
}

/**
 * On a small Android phone (360×640), the one thing to do now starts on the first screen: the
 * action panel's heading, and its first button (when it has one) at least begins above the fold.
 * Returns where they are, in CSS pixels from the top of the first screen.
 */
async function expectActionOnFirstScreen(page: Page, what: string, withButton = true) {
  expect(page.viewportSize(), what).toEqual({ width: 360, height: 640 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const where = await page.evaluate(() => {
    const now = document.querySelector('.byz-now');
    const heading = now?.querySelector('h2')?.getBoundingClientRect();
    // The action's own buttons: not a term's "?" beside its words.
    const button = [...(now?.querySelectorAll('button:not(.term-button)') ?? [])]
      .map((b) => b.getBoundingClientRect())
      .find((r) => r.width > 0 && r.height > 0);
    return { heading: heading ? Math.round(heading.bottom) : null, button: button ? Math.round(button.top) : null };
  });
  expect(where.heading, `${what}: the action's heading`).not.toBeNull();
  expect(where.heading ?? 641, `${what}: the action's heading ends on the first screen`).toBeLessThanOrEqual(640);
  if (withButton) {
    expect(where.button, `${what}: the action's first button`).not.toBeNull();
    expect(where.button ?? 640, `${what}: the action's first button starts on the first screen`).toBeLessThan(640);
  }
  return where;
}

test('four phones play a Byzantine round: the commander orders, the traitor lies per recipient, the loyal lieutenants decide, the console shows the verdict', async ({
  browser,
}) => {
  // Every phone screen is also scanned (axe-core and the layout checks): a slower test.
  test.setTimeout(540_000);
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const ada = await joinPhone(browser, code, 'Ada', 'iPhone 13');
  const grace = await joinPhone(browser, code, 'Grace', 'iPhone 13');
  const linus = await joinPhone(browser, code, 'Linus', 'iPhone 13');
  const barbara = await joinPhone(browser, code, 'Barbara', '360x640');
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
  // Now exactly one traitor, Linus; Ada commands and is advised to attack; 600 s phases (each ends when everyone has acted; meanwhile every phone screen is scanned).
  await form.getByRole('radio', { name: 'Pick them' }).check();
  await form.getByRole('checkbox', { name: 'Linus' }).check();
  await expect(bound).toContainText('N = 4, f = 1');
  await form.getByLabel('Commander', { exact: true }).selectOption({ label: 'Ada' });
  await form.getByLabel('Advised order').selectOption('attack');
  await form.getByLabel('Phase length (s)').fill('600');
  await form.getByText('More settings').click();
  // Loyal relays are each lieutenant's own Send in OM: the server's delay is a signed round's setting only.
  await expect(form.getByLabel('Loyal relays wait up to (s)')).toHaveCount(0);
  await screenshot(con, 'byzantine-console-settings');
  await con.getByRole('button', { name: /Start round/ }).click();

  // Roles: every role card looks the same from the next desk (colour, size); the secret is read
  // close up, only while "Hold to show my role" is held, and only the traitor's own phone says so.
  for (const p of phones) await expect(p.page.getByTestId('byz-secret')).toContainText('Hidden');
  await expect(ada.page.getByTestId('byz-role')).toContainText('You command this round.');
  await expect(grace.page.getByTestId('byz-role')).toContainText('Ada commands');
  // The commander, the traitor and a loyal lieutenant hold the same phone (iPhone 13): their cards must match.
  const looks = await Promise.all(
    [ada, linus, grace].map((p) =>
      p.page.getByTestId('byz-role').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return {
          background: style.backgroundColor,
          border: style.borderColor,
          color: style.color,
          width: Math.round(r.width),
          height: Math.round(r.height),
        };
      }),
    ),
  );
  for (const look of looks) expect(look).toEqual(looks[0]);
  const secretOf = async (p: Actor, shot?: string) => {
    const reveal = p.page.getByRole('button', { name: 'Hold to show my role' });
    await reveal.dispatchEvent('pointerdown', { pointerId: 1, isPrimary: true });
    const text = (await p.page.getByTestId('byz-secret').textContent()) ?? '';
    // Every word of the secret is on the screen while it is held: none cut off by its fixed-size box.
    const fits = await p.page.getByTestId('byz-secret').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(fits.scroll, `the held role fits its box: ${text}`).toBeLessThanOrEqual(fits.client + 1);
    if (shot) await screenshot(p.page, shot);
    await reveal.dispatchEvent('pointerup', { pointerId: 1, isPrimary: true });
    await expect(p.page.getByTestId('byz-secret')).toContainText('Hidden');
    return text;
  };
  expect(await secretOf(linus)).toContain('Traitor lieutenant');
  expect(await secretOf(ada)).toContain('Loyal commander');
  for (const p of [grace, barbara]) expect(await secretOf(p)).toContain('Loyal lieutenant');
  for (const p of [ada, grace, barbara]) await expect(p.page.getByText(/traitor/i)).toHaveCount(0);
  await screenshot(linus.page, 'byzantine-phone-traitor-role-hidden');
  await screenshot(grace.page, 'byzantine-phone-loyal-role-hidden');
  await checkPhoneScreens([
    [ada.page, "the commander's phone, orders phase"],
    [linus.page, "the traitor's phone, orders phase"],
    [grace.page, "the lieutenant's phone, orders phase"],
  ]);

  // Phase 1: the commander orders Attack to everyone. Its orders, like its role, are read close up.
  await screenshot(ada.page, 'byzantine-phone-commander');
  // At 360×640 too, the commander's orders and a waiting lieutenant's panel start on the first screen.
  await expectActionOnFirstScreen(barbara.page, "a lieutenant's phone, orders phase", false);
  const adaSize = ada.page.viewportSize();
  await ada.page.setViewportSize({ width: 360, height: 640 });
  await screenshot(ada.page, 'byzantine-phone-commander-360');
  await expectActionOnFirstScreen(ada.page, "the commander's phone, orders phase");
  if (adaSize) await ada.page.setViewportSize(adaSize);
  // A loyal commander's rows move together: one order for all ([B3]).
  await expect(ada.page.getByRole('button', { name: 'Tell Grace: Attack' })).toHaveAttribute('aria-pressed', 'true');
  await ada.page.getByRole('button', { name: 'Tell Grace: Retreat' }).click();
  await expect(ada.page.getByRole('button', { name: 'Tell Barbara: Retreat' })).toHaveAttribute('aria-pressed', 'true');
  await ada.page.getByRole('button', { name: 'All Attack' }).click();
  await expect(ada.page.getByRole('button', { name: 'Tell Linus: Attack' })).toHaveAttribute('aria-pressed', 'true');
  const loyalCommanderLook = await screenLook(ada.page);
  await ada.page.getByRole('button', { name: 'Send to 3 of 3' }).click();
  await expect(ada.page.getByText('Your orders are read close up')).toBeVisible();
  await expect(ada.page.getByRole('list', { name: 'Your orders' })).toHaveCount(0);
  const reveal = ada.page.getByRole('button', { name: 'Hold to show my role' });
  await reveal.dispatchEvent('pointerdown', { pointerId: 1, isPrimary: true });
  await expect(ada.page.getByRole('list', { name: 'Your orders' })).toContainText('Grace');
  await reveal.dispatchEvent('pointerup', { pointerId: 1, isPrimary: true });
  await expect(ada.page.getByRole('list', { name: 'Your orders' })).toHaveCount(0);
  await expect(grace.page.getByTestId('byz-order')).toContainText('Attack');

  // Phase 2: every lieutenant passes its order on from the same screen — a row per lieutenant,
  // each set to what the commander said, and one Send. From the next desk (or on the projector)
  // the traitor's phone and a loyal one are the same: the same blocks in the same places, the
  // same colours, the same number of controls.
  for (const p of [linus, grace, barbara]) await expect(p.page.getByTestId('byz-pass')).toBeVisible();
  for (const p of [linus, grace]) await expect(p.page.getByRole('button', { name: 'Send to 2 of 2' })).toBeEnabled();
  const traitorLook = await screenLook(linus.page);
  const loyalLook = await screenLook(grace.page);
  expect(traitorLook.blocks.length).toBeGreaterThanOrEqual(5);
  expect(traitorLook.controls).toBeGreaterThanOrEqual(8);
  expect(traitorLook).toEqual(loyalLook);
  await screenshot(linus.page, 'byzantine-phone-relay-traitor');
  await screenshot(grace.page, 'byzantine-phone-relay-loyal');
  await screenshot(barbara.page, 'byzantine-phone-relay-loyal-360');
  await expectActionOnFirstScreen(barbara.page, "a lieutenant's phone, relay phase");
  await checkPhoneScreens([
    [linus.page, "the traitor's phone, relay phase"],
    [grace.page, "the loyal lieutenant's phone, relay phase"],
  ]);
  // A loyal lieutenant's rows are locked at what it was told: a tap changes nothing (the server would refuse it too).
  await grace.page.getByRole('button', { name: 'Tell Linus: Retreat' }).click({ force: true });
  await grace.page.getByRole('button', { name: 'All Retreat' }).click({ force: true });
  await expect(grace.page.getByRole('button', { name: 'Tell Linus: Attack' })).toHaveAttribute('aria-pressed', 'true');
  await expect(grace.page.getByRole('button', { name: 'Tell Linus: Retreat' })).toHaveAttribute('aria-pressed', 'false');
  // The traitor changes what it tells Barbara: Attack to Grace, Retreat to Barbara.
  await linus.page.getByRole('button', { name: 'Tell Grace: Attack' }).click();
  await linus.page.getByRole('button', { name: 'Tell Barbara: Retreat' }).click();
  await expect(linus.page.getByRole('button', { name: 'Tell Barbara: Retreat' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(linus.page, 'byzantine-phone-traitor');
  await checkPhoneScreen(linus.page, "the traitor's phone, choosing its lies");
  // Close up, the held role says who may change the rows.
  expect(await secretOf(grace)).toContain('press Send');
  expect(await secretOf(linus, 'byzantine-phone-traitor-role-held')).toContain('Change the rows');
  // Everyone presses the same Send; the round waits for every lieutenant's.
  await linus.page.getByRole('button', { name: 'Send to 2 of 2' }).click();
  await grace.page.getByRole('button', { name: 'Send to 2 of 2' }).click();
  await expect(grace.page.getByText('Your messages went out. Waiting for the others…')).toBeVisible();
  await expect(barbara.page.getByRole('heading', { name: 'Decide' })).toHaveCount(0);
  await barbara.page.getByRole('button', { name: 'Send to 2 of 2' }).click();
  // With every relay out, the round moves on to the decision. Traitors do not decide, but their
  // phone shows the same two buttons (nothing is sent), so that it looks like the others'.
  await expect(linus.page.getByRole('heading', { name: 'Decide' })).toBeVisible();
  // Its words in the open are a loyal lieutenant's, word for word; that nothing is sent is read close up, in the held secret.
  await expect(linus.page.getByText('The rule: decide what most of your messages say.')).toBeVisible();
  await expect(linus.page.getByText(/traitor/i)).toHaveCount(0);
  expect(await secretOf(linus, 'byzantine-phone-traitor-decide-role-held')).toContain('traitors do not decide');

  // The decision: Barbara heard Attack, Attack and a lie (Retreat); her phone suggests Attack.
  await expect(barbara.page.getByRole('button', { name: 'Decide Attack' })).toBeVisible();
  const tally = barbara.page.getByTestId('byz-tally');
  await expect(tally).toHaveAttribute('aria-label', 'Tally: 2 Attack, 1 Retreat, 0 missing');
  await expect(barbara.page.getByRole('list').filter({ hasText: 'Linus' })).toContainText('Retreat');
  await screenshot(barbara.page, 'byzantine-phone-loyal');
  await screenshot(linus.page, 'byzantine-phone-traitor-decide');
  await expectActionOnFirstScreen(barbara.page, "a lieutenant's phone, decision phase");
  await checkPhoneScreens([
    [barbara.page, "the lieutenant's phone, decision phase (360×640)"],
    [linus.page, "the traitor's phone, decision phase"],
  ]);
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
  await expectNoNodeIds(con, 'the console after a Byzantine round');
  // Each phone: its recap, its screen read-only under it; nobody's role on a loyal phone. What
  // the class did is in the open; what you did is read close up, held, on every phone alike.
  const recapOf = async (p: Actor) => {
    const hold = p.page.getByRole('button', { name: 'Hold to show what I did' });
    await hold.dispatchEvent('pointerdown', { pointerId: 1, isPrimary: true });
    const text = (await p.page.getByTestId('recap-secret').textContent()) ?? '';
    const fits = await p.page.getByTestId('recap-secret').evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(fits.scroll, `the held recap fits its box: ${text}`).toBeLessThanOrEqual(fits.client + 1);
    await hold.dispatchEvent('pointerup', { pointerId: 1, isPrimary: true });
    await expect(p.page.getByTestId('recap-secret')).toContainText('Hidden');
    return text;
  };
  for (const p of phones) await expect(p.page.getByTestId('recap')).toContainText('IC1 held');
  for (const p of phones) await expect(p.page.getByTestId('recap-secret')).toContainText('Hidden');
  expect(await recapOf(barbara)).toContain('You decided Attack, your majority');
  expect(await recapOf(ada)).toContain('You ordered Attack');
  expect(await recapOf(linus)).toContain('Your majority was');
  await expect(linus.page.getByTestId('recap')).not.toContainText('majority');
  // After the round too, the traitor's phone and a loyal lieutenant's look the same from a metre away.
  const traitorAfter = await screenLook(linus.page);
  const loyalAfter = await screenLook(grace.page);
  expect(traitorAfter.blocks.length).toBeGreaterThanOrEqual(3);
  expect(traitorAfter).toEqual(loyalAfter);
  const after = [
    [ada, 'commander'],
    [grace, 'lieutenant'],
    [linus, 'traitor'],
    [barbara, 'lieutenant-360'],
  ] as const;
  for (const [p, label] of after) await screenshot(p.page, `byzantine-phone-${label}-after`);
  await checkPhoneScreens(after.map(([p, label]) => [p.page, `the ${label}'s phone after the round`] as const));
  for (const p of [grace, barbara]) await expect(p.page.getByText(/Linus.{0,40}traitor|traitor.{0,40}Linus/i)).toHaveCount(0);
  // "IC1" is explained one tap away, on every phone alike; a second tap closes it.
  const ic1 = barbara.page.getByRole('button', { name: 'What does “IC1” mean?' });
  await ic1.click();
  await expect(
    barbara.page.getByRole('note').filter({ hasText: 'IC1 (agreement): every loyal lieutenant decides the same thing.' }),
  ).toBeVisible();
  await screenshot(barbara.page, 'byzantine-phone-lieutenant-360-after-ic1');
  await checkPhoneScreen(barbara.page, 'the meaning of IC1 open after the round (360×640)');
  await ic1.click();
  await expect(barbara.page.getByRole('note')).toHaveCount(0);
  // "IC2" too, beside it, the same words on every phone (whether it applied would tell whether the commander was loyal).
  for (const p of phones) await expect(p.page.getByTestId('recap')).toContainText('The other rule, IC2, is about a loyal commander');
  const ic2 = barbara.page.getByRole('button', { name: 'What does “IC2” mean?' });
  await ic2.click();
  await expect(
    barbara.page
      .getByRole('note')
      .filter({ hasText: 'IC2 (validity): if the commander is loyal, every loyal lieutenant follows its order.' }),
  ).toBeVisible();
  await screenshot(barbara.page, 'byzantine-phone-lieutenant-360-after-ic2');
  await checkPhoneScreen(barbara.page, 'the meaning of IC2 open after the round (360×640)');
  await ic2.click();
  await expect(barbara.page.getByRole('note')).toHaveCount(0);
  await closeUp(result, 'byzantine-console-verdict-closeup');

  // Round 2: Ada commands as a traitor. Her orders screen is the loyal commander's of round 1,
  // block for block, colour for colour (her rows now go their own way, read close up).
  await form.getByRole('checkbox', { name: 'Linus' }).uncheck();
  await form.getByRole('checkbox', { name: 'Ada' }).check();
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(ada.page.getByRole('button', { name: 'Send to 3 of 3' })).toBeVisible();
  await expect(ada.page.getByText(/traitor/i)).toHaveCount(0);
  expect(await screenLook(ada.page)).toEqual(loyalCommanderLook);
  await screenshot(ada.page, 'byzantine-phone-commander-traitor');
  await ada.page.getByRole('button', { name: 'Tell Grace: Retreat' }).click();
  await expect(ada.page.getByRole('button', { name: 'Tell Barbara: Attack' })).toHaveAttribute('aria-pressed', 'true');
  expect(await secretOf(ada)).toContain('Traitor commander');
  await con.getByRole('button', { name: /Stop round/ }).click();

  // Round 3, signed messages (SM(1)): Linus is the traitor again, Ada a loyal commander. Every
  // lieutenant passes its signed order on from the same relay screen, one Send per level: the
  // loyal rows are what SM says and locked, the traitor's start the same and can be changed.
  await form.getByRole('checkbox', { name: 'Ada' }).uncheck();
  await form.getByRole('checkbox', { name: 'Linus' }).check();
  await form.getByLabel('Signed messages (SM)').check();
  await con.getByRole('button', { name: /Start round/ }).click();
  await ada.page.getByRole('button', { name: 'All Attack' }).click();
  await ada.page.getByRole('button', { name: 'Send to 3 of 3' }).click();
  for (const p of [linus, grace, barbara]) await expect(p.page.getByRole('button', { name: 'Send 2 messages' })).toBeEnabled();
  for (const p of [linus, grace])
    await expect(p.page.getByRole('button', { name: 'Tell Barbara: Attack' })).toHaveAttribute('aria-pressed', 'true');
  const traitorSigned = await screenLook(linus.page);
  const loyalSigned = await screenLook(grace.page);
  expect(traitorSigned.blocks.length).toBeGreaterThanOrEqual(5);
  expect(traitorSigned.controls).toBeGreaterThanOrEqual(6);
  expect(traitorSigned).toEqual(loyalSigned);
  await expect(linus.page.getByText(/traitor/i)).toHaveCount(0);
  await screenshot(linus.page, 'byzantine-phone-signed-relay-traitor');
  await screenshot(grace.page, 'byzantine-phone-signed-relay-loyal');
  // The same on a small Android screen (360×640).
  for (const p of [linus, grace]) await p.page.setViewportSize({ width: 360, height: 640 });
  const traitorSmall = await screenLook(linus.page);
  expect(traitorSmall).toEqual(await screenLook(grace.page));
  expect(traitorSmall).toEqual(await screenLook(barbara.page));
  await screenshot(linus.page, 'byzantine-phone-signed-relay-traitor-360');
  for (const p of [linus, grace, barbara]) await expectActionOnFirstScreen(p.page, "a lieutenant's phone, signed relay phase");
  await screenshot(barbara.page, 'byzantine-phone-signed-relay-loyal-360');
  await checkPhoneScreens([
    [linus.page, "the traitor's phone, signed relay phase (360×640)"],
    [grace.page, "the loyal lieutenant's phone, signed relay phase (360×640)"],
    [barbara.page, "the loyal lieutenant's phone, signed relay phase (360×640)"],
  ]);
  // A loyal phone's rows are locked (the server would refuse anything else: honest).
  await grace.page.getByRole('button', { name: 'Tell Barbara: Attack' }).click({ force: true });
  await grace.page.getByRole('button', { name: 'Tell Barbara: Retreat' }).click({ force: true });
  await expect(grace.page.getByRole('button', { name: 'Tell Barbara: Attack' })).toHaveAttribute('aria-pressed', 'true');
  await expect(grace.page.getByRole('button', { name: 'Tell Barbara: Retreat' })).toHaveAttribute('aria-pressed', 'false');
  // The traitor tells Grace nothing and Barbara Retreat, which Ada never signed: a forgery.
  await linus.page.getByRole('button', { name: 'Tell Grace: Attack' }).click();
  await linus.page.getByRole('button', { name: 'Tell Barbara: Retreat' }).click();
  await expect(linus.page.getByRole('button', { name: 'Tell Barbara: Attack' })).toHaveAttribute('aria-pressed', 'false');
  await expect(linus.page.getByRole('button', { name: 'Tell Grace: Attack' })).toHaveAttribute('aria-pressed', 'false');
  await screenshot(linus.page, 'byzantine-phone-signed-traitor-choosing-360');
  await linus.page.getByRole('button', { name: 'Send 1 message' }).click();
  await grace.page.getByRole('button', { name: 'Send 2 messages' }).click();
  await expect(grace.page.getByText('Your messages went out. Waiting for the others…')).toBeVisible();
  await barbara.page.getByRole('button', { name: 'Send 2 messages' }).click();
  // Barbara spots the forgery and keeps the one order she accepted: Attack.
  await expect(barbara.page.getByRole('button', { name: 'Decide Attack' })).toBeVisible();
  await expect(barbara.page.getByRole('list').filter({ hasText: 'Linus' })).toContainText('forged signature');
  await screenshot(barbara.page, 'byzantine-phone-signed-decide-360');
  await expectActionOnFirstScreen(barbara.page, "a lieutenant's phone, signed decision phase");
  await checkPhoneScreen(barbara.page, "the lieutenant's phone, signed decision phase (360×640)");
  await barbara.page.getByRole('button', { name: 'Decide Attack' }).click();
  await grace.page.getByRole('button', { name: 'Decide Attack' }).click();
  await expect(con.getByTestId('round-result').getByTestId('byz-verdict')).toContainText('IC1 ✓ holds');
  await expect(con.getByTestId('round-result').getByTestId('byz-verdict')).toContainText('IC2 ✓ holds');

  await expectCleanAndClose([instructor, ...phones]);
});
