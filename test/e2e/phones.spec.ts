// The phone's own screens: the join (a wrong code refused before any nickname, over-long and
// invisible names refused, names compared after NFC), the end of a session (with the replay once
// shared), and a game screen at 200 % zoom and with larger text. Every screen: axe-core, no node
// id in any text, no sideways scrolling, thumb-sized targets; screenshots at 360×640 and iPhone 13.

import { devices, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { expectCleanAndClose, joinPhone, openConsole, screenshot, SCREENSHOT_DIR, SMALL_ANDROID, test, watchErrors } from './helpers';
import { checkPhoneScreen, expectPhoneLayout } from './phoneChecks';

const { defaultBrowserType: _ignored, ...IPHONE_13 } = devices['iPhone 13'];

test('the join: the code is checked before the nickname; long, invisible and taken (after NFC) names are refused with a clear message', async ({
  browser,
}) => {
  // Every phone screen is also scanned (axe-core and the layout checks): a slower test.
  test.setTimeout(180_000);
  const instructor = await openConsole(browser);
  const { code } = instructor;
  const ada = await joinPhone(browser, code, 'Zo\u00eb', 'iPhone 13');

  for (const [label, options] of [
    ['360', SMALL_ANDROID],
    ['iphone13', IPHONE_13],
  ] as const) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const errors = watchErrors(page, `join-${label}`);
    await page.goto('/join');
    await expect(page.getByRole('heading', { name: 'Join the cluster' })).toBeVisible();
    await screenshot(page, `phone-join-code-${label}`);
    await checkPhoneScreen(page, `the code step (${label})`);

    // A code that names no room is refused at once, before any nickname is asked for.
    await page.getByLabel('Room code').fill('ZZZZZ');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('alert')).toContainText('There is no room ZZZZZ');
    await expect(page.getByLabel('Nickname')).toHaveCount(0);
    await screenshot(page, `phone-join-unknown-code-${label}`);
    await checkPhoneScreen(page, `an unknown code (${label})`);

    // The right code leads to the nickname step, with a counter.
    await page.getByLabel('Room code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { name: `Join room ${code}` })).toBeVisible();
    const nickname = page.getByLabel('Nickname');
    await nickname.fill('Maximiliano Xavier Jr');
    await expect(page.getByText('21 of 20 characters: 1 too many')).toBeVisible();
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('a nickname has at most 20 characters');
    // Nothing was cut: the field still holds the whole name.
    await expect(nickname).toHaveValue('Maximiliano Xavier Jr');
    await screenshot(page, `phone-join-too-long-${label}`);
    await checkPhoneScreen(page, `an over-long nickname (${label})`);

    // A name of nothing but a right-to-left override is empty.
    await nickname.fill('\u202e');
    await expect(page.getByText('0 of 20 characters')).toBeVisible();
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('at least one letter or digit you can see');

    // "Zoë" typed with a combining diaeresis is the name Ada's phone already has.
    await nickname.fill('zoe\u0308');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('already called “zo\u00eb”');
    await screenshot(page, `phone-join-taken-${label}`);
    await checkPhoneScreen(page, `a taken nickname (${label})`);

    // A long name fits the phone: the header cuts it with an ellipsis, not mid-letter off screen.
    await nickname.fill(`Maximilianoxavi ${label}`.slice(0, 20));
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.getByText(/You are in, Maximilianoxavi/)).toBeVisible();
    await expectPhoneLayout(page, `the lobby with a 20-character name (${label})`);
    await screenshot(page, `phone-lobby-long-name-${label}`);
    expect(errors).toEqual([]);
    await context.close();
  }
  await expectCleanAndClose([instructor, ada]);
});

test('after the session ends a phone says so, offers another room, and the replay once the instructor shares it', async ({ browser }) => {
  // Every phone screen is also scanned (axe-core and the layout checks): a slower test.
  test.setTimeout(180_000);
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const ada = await joinPhone(browser, code, 'Ada', '360x640');
  const grace = await joinPhone(browser, code, 'Grace', 'iPhone 13');
  // A warm-up round a few seconds into the session, with one message: something to replay.
  await con.getByRole('button', { name: /Start round/ }).click();
  await ada.page.getByRole('button', { name: 'Grace' }).click();
  await ada.page.getByRole('textbox', { name: 'Message' }).fill('see you in the replay');
  await ada.page.getByRole('button', { name: /Send to 1/ }).click();
  await expect(grace.page.getByText('see you in the replay')).toBeVisible();
  await con.getByRole('button', { name: /Stop round/ }).click();
  await expect(ada.page.getByTestId('recap')).toBeVisible();

  con.on('dialog', (d) => void d.accept());
  await con.getByRole('button', { name: 'End session' }).click();
  for (const p of [ada, grace]) {
    await expect(p.page.getByTestId('session-over')).toContainText('This session is over');
    await expect(p.page.getByRole('button', { name: 'Join another room' })).toBeVisible();
    // No join form with the dead code and an active Join button.
    await expect(p.page.getByLabel('Room code')).toHaveCount(0);
    await expect(p.page.getByRole('link', { name: 'Watch the replay' })).toHaveCount(0);
  }
  await screenshot(ada.page, 'phone-session-over-360');
  // A student who scans the room's QR code only now (a fresh phone, no seat): the same screen,
  // not a nickname step for a room that is gone.
  const late = await browser.newContext(SMALL_ANDROID);
  const latePage = await late.newPage();
  const lateErrors = watchErrors(latePage, 'late');
  await latePage.goto(`/join/${code}`);
  await expect(latePage.getByTestId('session-over')).toContainText('This session is over');
  await expect(latePage.getByLabel('Nickname')).toHaveCount(0);
  await expect(latePage.getByRole('button', { name: 'Join', exact: true })).toHaveCount(0);
  await screenshot(latePage, 'phone-session-over-late-link-360');
  expect(lateErrors).toEqual([]);
  await late.close();
  await checkPhoneScreen(ada.page, 'the session is over (360)');
  await checkPhoneScreen(grace.page, 'the session is over (iPhone 13)');

  // The instructor shares the replay: a phone that comes back to the room's link is offered it.
  const key = await con.evaluate(
    (c) =>
      (JSON.parse(localStorage.getItem('human-cluster:console') ?? '[]') as { code: string; key: string }[]).find((r) => r.code === c)?.key,
    code,
  );
  expect(key).toBeTruthy();
  const auth = { authorization: `Bearer ${key}` };
  const recordings = (await (await con.request.get(`/api/rooms/${code}/recordings`, { headers: auth })).json()) as {
    data: { session: string }[];
  };
  const session = recordings.data[0]?.session;
  const shared = (await (await con.request.post(`/api/recordings/${session}/share`, { headers: auth })).json()) as {
    data: { url: string };
  };
  await grace.page.reload();
  const replay = grace.page.getByRole('link', { name: 'Watch the replay' });
  await expect(replay).toHaveAttribute('href', shared.data.url);
  await screenshot(grace.page, 'phone-session-over-replay-iphone13');
  await checkPhoneScreen(grace.page, 'the session is over, with the replay');

  // Another room: the code step, empty, at /join.
  await grace.page.getByRole('button', { name: 'Join another room' }).click();
  await expect(grace.page.getByLabel('Room code')).toHaveValue('');
  expect(new URL(grace.page.url()).pathname).toBe('/join');

  // The replay on the smallest phone: it opens at the first round (not on the empty map of
  // 0:00), and the network map is on the first screen, not below the controls.
  await ada.page.reload();
  await ada.page.getByRole('link', { name: 'Watch the replay' }).click();
  await expect(ada.page.getByTestId('replay-title')).toContainText(`Room ${code}`);
  await expect(ada.page.getByTestId('round-now')).toContainText('Round 1');
  const at = await ada.page.evaluate(() => {
    const p = window.__hcReplay!.player;
    return { t: p.t, first: p.roundStarts()[0] };
  });
  expect(at.first).toBeGreaterThan(0);
  expect(at.t).toBe(at.first);
  await expect(ada.page.getByTestId('replay-time')).not.toContainText('0:00.0 /');
  const map = ada.page.getByRole('region', { name: 'Network map at this instant' });
  const top = await map.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top, 'the map starts on the first screen').toBeLessThan(640 / 2);
  await screenshot(ada.page, 'replay-share-phone-360');
  await ada.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'replay-share-phone-360-top.png') });
  await expectCleanAndClose([instructor, ada, grace]);
});

/** 200 % browser zoom on a 360 px phone is a 180 px wide viewport in CSS pixels. */
async function zoomed(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 180, height: 320 });
  await expectPhoneLayout(page, `${label} at 200 % zoom`);
  await screenshot(page, `${label}-zoom200`);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${label}-zoom200-top.png`) });
  // Larger text (130 %), at the phone's own width.
  if (before) await page.setViewportSize(before);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '130%';
    document.body.style.fontSize = '130%';
  });
  await expectPhoneLayout(page, `${label} with 130 % text`);
  await screenshot(page, `${label}-text130`);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
    document.body.style.fontSize = '';
  });
}

test('game screens fit at 200 % zoom and with 130 % text: Byzantine and election phones, no sideways scrolling, every target 44 px', async ({
  browser,
}) => {
  // Every phone screen is also scanned (axe-core and the layout checks): a slower test.
  test.setTimeout(180_000);
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const ada = await joinPhone(browser, code, 'Ada', '360x640');
  // Grace's nickname is as long as a nickname may be, one word: cut with an ellipsis on a narrow row.
  const GRACE = 'Gracebrewsterhopper1';
  const grace = await joinPhone(browser, code, GRACE, '360x640');
  for (let i = 0; i < 3; i++) await con.getByRole('button', { name: '+ bot', exact: true }).click();
  await expect(con.getByTestId('node-count')).toHaveText('5');

  // Byzantine: Ada commands, Grace is a traitor lieutenant (the widest screen: a chooser per lieutenant).
  await con.getByLabel('Game', { exact: true }).selectOption('byzantine');
  const form = con.getByRole('group', { name: 'Byzantine generals settings' });
  await form.getByRole('radio', { name: 'Pick them' }).check();
  await form.getByRole('checkbox', { name: GRACE }).check();
  await form.getByLabel('Commander', { exact: true }).selectOption({ label: 'Ada' });
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(ada.page.getByRole('button', { name: /^Send to \d+ of \d+$/ })).toBeVisible();
  await zoomed(ada.page, 'byzantine-phone-commander');
  // At 200 % zoom Grace's long name in her row ends with an ellipsis, the whole name in its
  // title; a tap shows it whole, another cuts it again.
  await ada.page.setViewportSize({ width: 180, height: 320 });
  const graceRow = ada.page.locator('.byz-list.chooser .nick', { hasText: GRACE });
  await expect(graceRow).toHaveAttribute('title', GRACE);
  const cut = () => graceRow.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(await cut(), 'the long name is cut with an ellipsis').toBe(true);
  await graceRow.click();
  expect(await cut(), 'a tap shows the whole name').toBe(false);
  await expectPhoneLayout(ada.page, 'a long name shown whole at 200 % zoom');
  await screenshot(ada.page, 'byzantine-phone-commander-long-name-zoom200');
  await graceRow.click();
  expect(await cut()).toBe(true);
  await ada.page.setViewportSize({ width: 360, height: 640 });
  await ada.page.getByRole('button', { name: 'All Retreat' }).click();
  await ada.page.getByRole('button', { name: /^Send to \d+ of \d+$/ }).click();
  await expect(grace.page.getByRole('button', { name: /^Tell .+: Retreat$/ }).first()).toBeVisible();
  await zoomed(grace.page, 'byzantine-phone-traitor');
  await con.getByRole('button', { name: /Stop round/ }).click();
  await expect(grace.page.getByTestId('recap')).toBeVisible();

  // Election: the follower's badge and the card at 130 % text.
  await con.getByLabel('Game', { exact: true }).selectOption('election');
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(ada.page.getByTestId('role')).toBeVisible();
  await zoomed(ada.page, 'election-phone-follower');

  // The autopilot checkbox shows where the keyboard's focus is, as every control does.
  const autopilot = ada.page.getByRole('checkbox', { name: /Autopilot/ });
  await ada.page.keyboard.press('Tab');
  await autopilot.focus();
  const ring = await autopilot.evaluate((el) => {
    const st = getComputedStyle(el);
    return { style: st.outlineStyle, width: Number.parseFloat(st.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  // Asked for less motion, the timer's bar stops sliding (a probe with the bar's class, so the
  // check does not depend on whether the timer is running at this moment).
  await ada.page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'el-bar-fill motion-probe';
    document.querySelector('.phone-main')?.append(probe);
  });
  const slides = () => ada.page.locator('.motion-probe').evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(await slides()).not.toBe('0s');
  await ada.page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await slides()).toBe('0s');
  await ada.page.emulateMedia({ reducedMotion: null });
  await ada.page.evaluate(() => document.querySelector('.motion-probe')?.remove());
  await con.getByRole('button', { name: /Stop round/ }).click();
  await expect(ada.page.getByTestId('recap')).toBeVisible();
  await zoomed(ada.page, 'election-phone-after');
  await checkPhoneScreen(ada.page, 'the election phone after the round');

  await expectCleanAndClose([instructor, ada, grace]);
});

/**
 * Where the notch, the rounded corners and the home bar are on an iPhone 13 (CSS px), emulated
 * through the DevTools protocol: the page's env(safe-area-inset-*) take these values.
 */
const SAFE_PORTRAIT = { top: 47, bottom: 34, left: 0, right: 0 };
const SAFE_LANDSCAPE = { top: 0, bottom: 21, left: 47, right: 47 };

/** Every word and every control of the page lies inside the safe area (backgrounds may run under it). */
async function expectInsideSafeArea(page: Page, insets: typeof SAFE_PORTRAIT, label: string): Promise<void> {
  const outside = await page.evaluate((inset) => {
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.scrollHeight;
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!text && !el.matches('button, input, select, textarea, a[href], summary')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const top = r.top + window.scrollY;
      const bottom = r.bottom + window.scrollY;
      if (top < inset.top - 0.5 || bottom > height - inset.bottom + 0.5 || r.left < inset.left - 0.5 || r.right > width - inset.right + 0.5)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.left)},${Math.round(top)}–${Math.round(r.right)},${Math.round(bottom)}`,
        );
    }
    return out;
  }, insets);
  expect(outside, `${label}: words or controls outside the safe area`).toEqual([]);
}

test('on an iPhone with a notch, every phone screen keeps its words and controls inside the safe areas, upright and sideways', async ({
  browser,
}) => {
  const instructor = await openConsole(browser);
  const { page: con, code } = instructor;
  const context = await browser.newContext(IPHONE_13);
  const page = await context.newPage();
  const errors = watchErrors(page, 'notch');
  const cdp = await context.newCDPSession(page);
  const screens = async (label: string) => {
    for (const [side, insets, viewport] of [
      ['upright', SAFE_PORTRAIT, { width: 390, height: 664 }],
      ['sideways', SAFE_LANDSCAPE, { width: 750, height: 340 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets });
      await expectInsideSafeArea(page, insets, `${label}, ${side}`);
      await screenshot(page, `phone-safe-area-${label}-${side}`);
    }
    await page.setViewportSize({ width: 390, height: 664 });
  };
  await page.goto('/join');
  await expect(page.getByRole('heading', { name: 'Join the cluster' })).toBeVisible();
  await screens('code');
  await page.getByLabel('Room code').fill(code);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Nickname').fill('Ada');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByText('You are in, Ada!')).toBeVisible();
  await screens('lobby');
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(page.getByTestId('now-line')).toBeVisible();
  await screens('sandbox');
  con.on('dialog', (d) => void d.accept());
  await con.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByTestId('session-over')).toBeVisible();
  await screens('session-over');
  expect(errors).toEqual([]);
  await context.close();
  await expectCleanAndClose([instructor]);
});
