// Every word through the catalogue. One walk in the pseudo-locale (?lang=qps: every message
// accented, bracketed and ~35 % longer) over each game's screens — the console's game panel,
// settings and result, the stage at 1080p, a phone at 360 px, the recordings page and the replay
// at both sizes — where any visible text that is not pseudo-localised is a string that escaped
// the catalogue, and nothing may overflow sideways. Then one round with a phone in Spanish,
// one in French and the room in English; and a session recorded in French, replayed in English.

import { expect, type Browser, type Page } from '@playwright/test';
import en from '../../client/src/i18n/messages/en';
import es from '../../client/src/i18n/messages/es';
import fr from '../../client/src/i18n/messages/fr';
import { pseudoCatalogue } from '../../client/src/i18n/pseudo';
import { createTranslator } from '../../client/src/i18n/translate';
import { expectCleanAndClose, screenshot, test, watchErrors, type Actor } from './helpers';

/** The pseudo-locale's words, to find controls by the name a pseudo-localised screen gives them. */
const q = createTranslator('qps', pseudoCatalogue());

/**
 * Parts inside the screens walked here that are not yet through the catalogue (CSS selectors),
 * by owner: they convert their own and take their line out. Empty: every part is converted.
 */
const PENDING: string[] = [];

/** Words that are the same in every language (units, the algorithms' names, card ranks). */
const SAME_EVERYWHERE = /^(ms|s|min|h|KB|MB|B|N|f|m|OM|SM|IC1|IC2|A|J|Q|K|R|T|M|L|C|Lamport|ShiViz|Raft|Bot)$/;

/** Visible text under `scope` that is not pseudo-localised (ignoring `data`: codes, nicknames…, and PENDING parts). */
async function untranslated(page: Page, scope: string, data: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ({ scope, data, pending, same }) => {
      const sameRe = new RegExp(same);
      const out = new Set<string>();
      for (const root of document.querySelectorAll(scope)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim();
          const el = n.parentElement;
          if (!text || !el || el.closest(['[translate="no"]', 'script', 'style', 'option', ...pending].join(','))) continue;
          if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
          // Pseudo-localised: accented letters, or the brackets around a message.
          if (/[\u00c0-\u024f\u1e00-\u1eff[\]]/.test(text)) continue;
          let rest = text;
          for (const d of data) rest = rest.split(d).join(' ');
          const words = rest.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
          if (words.some((w) => !sameRe.test(w))) out.add(text);
        }
      }
      return [...out];
    },
    { scope, data: [...data], pending: PENDING, same: SAME_EVERYWHERE.source },
  );
}

/** How far the page scrolls sideways (0: it fits), and which element sticks out the most. */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return null;
    let worst: Element | null = null;
    let right = width;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 1 && r.width > 0) {
        right = r.right;
        worst = el;
      }
    }
    // Text running out of its box does not widen the box: then name the box whose text does.
    if (!worst) {
      for (const el of document.querySelectorAll('body *')) {
        if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') worst = el;
      }
    }
    return `${document.documentElement.scrollWidth - width}px too wide: ${worst ? `${worst.tagName.toLowerCase()}.${[...worst.classList].join('.')}` : '?'}`;
  });
}

async function expectAllWords(page: Page, scope: string, data: readonly string[], what: string): Promise<void> {
  await expect(page.locator(scope).first()).toBeVisible();
  expect(await untranslated(page, scope, data), `${what}: text outside the catalogue`).toEqual([]);
}

async function expectFits(page: Page, what: string): Promise<void> {
  expect(await overflow(page), `${what}: horizontal overflow`).toBeNull();
}

async function console_(browser: Browser, lang?: string): Promise<Actor & { code: string }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = watchErrors(page, 'console');
  await page.goto(lang ? `/console?lang=${lang}` : '/console');
  // The console speaks the language asked for: in the pseudo-locale its button is pseudo-localised too.
  await page.getByRole('button', { name: lang === 'qps' ? q('console.picker.create') : 'Create a room' }).click();
  const code = (await page.getByTestId('room-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[2-9A-HJ-KMNP-Z]{5}$/);
  return { context, page, errors, code };
}

const GAMES = [
  {
    id: 'sandbox',
    config: null,
    panel: '[data-testid="sandbox-console"]',
    result: 'sandbox-result',
    phone: 'section[aria-labelledby="sandbox-send"]',
  },
  {
    id: 'gossip',
    config: 'gossip-config',
    panel: '[data-testid="gossip-console"]',
    result: 'gossip-result',
    phone: '[data-testid="gossip-phone"]',
  },
  {
    id: 'election',
    config: 'election-config',
    panel: '[data-testid="election-console"]',
    result: 'election-result',
    phone: '[data-testid="election-phone"]',
  },
  { id: 'byzantine', config: null, panel: '[data-testid="byz-console"]', result: 'byzantine-result', phone: '[data-testid="byz-phase"]' },
  { id: 'cart', config: 'cart-config', panel: '[data-testid="cart-console"]', result: 'cart-result', phone: '[data-testid="cart-phone"]' },
] as const;

/** A name as a pattern matching it exactly (a control found by its pseudo-localised name). */
const exactly = (...names: string[]) => new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

test('pseudo-locale: every game’s console panel, settings and result, the stage, a phone, the recordings and the replay are all through the catalogue, and fit', async ({
  browser,
}) => {
  // Long on a loaded machine: five rounds, the stage, a phone and the replay in one walk. (A
  // control that is not there fails in the config's actionTimeout, naming it, not at this one.)
  test.setTimeout(600_000);
  const instructor = await console_(browser, 'qps');
  const { page: con, code } = instructor;
  await con.getByRole('button', { name: q('console.roster.addBots') }).click();
  await expect(con.getByTestId('node-count')).toHaveText('5');

  // A phone at 360 px, joined, in the pseudo-locale: each game's screen on it is checked too.
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  const phoneErrors = watchErrors(phone, 'phone');
  await phone.goto(`/join/${code}?lang=qps`);
  await phone.getByLabel(q('phone.join.nicknameLabel')).fill('Ada');
  await phone.getByRole('button', { name: q('phone.join.join'), exact: true }).click();
  await expect(phone.getByText(q('phone.lobby.in', { nickname: 'Ada' }))).toBeVisible();
  await expect(con.getByTestId('node-count')).toHaveText('6');
  // Data, not words: the room code, the join address, the phone's and the bots' names.
  const data = [`${new URL(con.url()).origin}/join/${code}`, code, 'Ada', ...Array.from({ length: 5 }, (_, i) => `Bot ${i + 1}`)];
  await expectAllWords(phone, 'body', data, 'phone lobby');

  // The stage at 1080p, in the pseudo-locale for its own tab.
  const [stage] = await Promise.all([
    con.context().waitForEvent('page'),
    con.getByRole('button', { name: q('console.top.stageLabel') }).click(),
  ]);
  await stage.setViewportSize({ width: 1920, height: 1080 });
  await stage.goto(`${stage.url()}&lang=qps`);

  const startOrRestart = con.getByRole('button', { name: exactly(q('console.round.start'), q('console.round.restart')) });
  const stop = con.getByRole('button', { name: q('console.round.stop') });
  for (const game of GAMES) {
    await con.locator('#game-pick').selectOption(game.id);
    await expectAllWords(con, 'section[aria-labelledby="round-title"] > p.muted', data, `${game.id} blurb`);
    if (game.config) await expectAllWords(con, `[data-testid="${game.config}"]`, data, `${game.id} settings`);
    if (game.id === 'byzantine') await expectAllWords(con, '.byz-config', data, 'byzantine settings');
    if (game.id === 'election') {
      // Fast timings are too fast for a person: the console offers to put the phone on autopilot.
      await con.getByRole('radio', { name: q('election.config.pace.fast') }).check();
      await expectAllWords(con, '[data-testid="pace-warning"]', data, 'pace warning');
      await con.getByRole('button', { name: q('console.round.autopilot', { count: 1 }) }).click();
    } else await startOrRestart.click();
    await expectAllWords(con, game.panel, data, `${game.id} console panel`);
    await expectAllWords(stage, '.stage', data, `${game.id} stage`);
    // The phone's screen of this game (the part a student reads while the round runs).
    await expectAllWords(phone, game.phone, data, `${game.id} phone`);
    await expectAllWords(phone, 'body', data, `${game.id} phone`);
    await expectFits(phone, `${game.id} phone 360 px`);
    if (game.id !== 'sandbox') {
      // Drops to see in the replay: split the room for a moment.
      await con.getByRole('button', { name: q('drill.halves.name'), exact: true }).click();
      await expect(con.getByLabel(q('console.net.log'))).toContainText(q('drill.halves.name'));
      await con.getByRole('button', { name: q('drill.heal.name'), exact: true }).click();
    }
    // A round may already have ended by itself (the generals decide quickly).
    await stop.click({ force: true });
    await expect(stop).toBeDisabled();
    await expectAllWords(con, `[data-testid="${game.result}"]`, data, `${game.id} result`);
    await expectAllWords(con, '[data-testid="results-table"]', data, `${game.id} results table`);
    await expectAllWords(con, '[aria-labelledby="net-title"]', data, `${game.id} network panel and fault log`);
    await expectAllWords(stage, '.stage', data, `${game.id} stage verdict`);
    await expectFits(stage, `${game.id} stage verdict 1920×1080`);
    await expectAllWords(phone, 'body', data, `${game.id} phone after the round`);
    await expectFits(phone, `${game.id} phone 360 px after the round`);
  }
  await screenshot(stage, 'i18n-qps-stage-1920x1080');
  await screenshot(con, 'i18n-qps-console-1920x1080');
  await screenshot(phone, 'i18n-qps-phone-360');

  // The recordings page and the replay, at 1920×1080 and at 360 px.
  const replay = await con.context().newPage();
  const replayErrors = watchErrors(replay, 'replay');
  await replay.goto('/replay?lang=qps');
  await expectAllWords(replay, 'main', data, 'recordings page');
  await expectFits(replay, 'recordings page 1920×1080');
  await replay.getByRole('button', { name: q('recordings.row.openLabel', { room: code }) }).click();
  await expect(replay.getByTestId('replay-title')).toBeVisible({ timeout: 30_000 });
  await replay.keyboard.press('End');
  await expect(replay.getByTestId('round-analysis')).toBeVisible();
  await expectAllWords(replay, '.replay', data, 'replay at the end');
  for (const game of GAMES) {
    // Each round's analysis, and its game panel while it ran.
    await replay.getByTestId('scrubber').focus();
    const i = GAMES.indexOf(game) + 1;
    await replay.getByRole('combobox', { name: q('replay.timeline.jumpRound') }).selectOption(String(i));
    await expect(replay.getByTestId('round-now')).toContainText(String(i));
    await expectAllWords(replay, '.replay', data, `replay during the ${game.id} round`);
  }
  // A dropped message's details.
  // (Keys go to the page, not to the round picker that has the focus.)
  await replay.getByTestId('replay-title').click();
  await replay.keyboard.press('Home');
  await replay.keyboard.press('n');
  await expect(replay.getByTestId('message-details')).toBeVisible();
  await expectAllWords(replay, '.replay', data, 'replay with a message open');
  await expectFits(replay, 'replay 1920×1080');
  await screenshot(replay, 'i18n-qps-replay-1920x1080');
  await replay.setViewportSize({ width: 360, height: 640 });
  await expectFits(replay, 'replay 360 px');
  await screenshot(replay, 'i18n-qps-replay-360');
  await replay.goto('/replay?lang=qps');
  await expectFits(replay, 'recordings page 360 px');
  // The landing page at 360 px, with its error for a code that is not one.
  await replay.goto('/?lang=qps');
  await expectAllWords(replay, 'main', data, 'landing page');
  await replay.getByRole('button', { name: q('landing.join.submit'), exact: true }).click();
  await expect(replay.getByRole('alert')).toBeVisible();
  await expectAllWords(replay, 'main', data, 'landing page with its error');
  await expectFits(replay, 'landing page 360 px');
  await screenshot(replay, 'i18n-qps-landing-360');

  expect([...replayErrors, ...phoneErrors]).toEqual([]);
  await phoneContext.close();
  await expectCleanAndClose([instructor]);
});

/** A catalogue's message with its arguments left out, cut at the first argument: a phrase to look for. */
const phrase = (catalogue: Record<string, string>, key: string) => (catalogue[key] ?? '').split('{')[0]?.trim() ?? '';

test('a phone in Spanish, one in French and the room in English: each screen speaks its own', async ({ browser }) => {
  const instructor = await console_(browser);
  const { page: con, code } = instructor;
  await con.locator('.language-picker select').selectOption('en');
  const join = async (nickname: string, language: 'es' | 'fr') => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page, nickname);
    await page.goto(`/join/${code}`);
    await page.getByLabel('Nickname').fill(nickname);
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByText(`You are in, ${nickname}!`)).toBeVisible();
    // The student's own choice beats the room's language.
    await page.locator('.language-picker select').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    return { context, page, errors };
  };
  const ana = await join('Ana', 'es');
  const zoe = await join('Zoé', 'fr');
  await con.getByRole('button', { name: '+ bot', exact: true }).click();

  await con.locator('#game-pick').selectOption('election');
  await con.getByText('Custom timings').click();
  await con.getByLabel('Election timeout, shortest (ms)').fill('2000');
  await con.getByLabel('Election timeout, longest (ms)').fill('2500');
  await con.getByLabel('Heartbeat interval, shortest (ms)').fill('400');
  await con.getByLabel('Heartbeat interval, longest (ms)').fill('600');
  await con.getByLabel('Bot thinking time, shortest (ms)').fill('20000');
  await con.getByLabel('Bot thinking time, longest (ms)').fill('30000');
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(con.getByTestId('election-console')).toContainText('Term');

  // Ana stands (her timer runs out): her phone says so in Spanish; Zoé's phone asks in French.
  // (The phone's own buttons are the phones engineer's: English until they convert them.)
  await ana.page.getByRole('button', { name: /^(Stand for election|Presentarte a la elección)$/ }).click();
  await expect(ana.page.locator('body')).toContainText(phrase(es, 'notice.election.stood'));
  await expect(ana.page.locator('body')).not.toContainText(phrase(en, 'notice.election.stood'));
  await zoe.page.getByTestId('vote-request').locator('button').first().click();
  await expect(zoe.page.locator('body')).toContainText(phrase(fr, 'notice.election.voted'));
  // The console stays in the room's language.
  await expect(con.getByTestId('election-console')).toContainText(en['election.console.leader']);
  await expect(con.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(ana.page, 'i18n-phone-es');
  await screenshot(zoe.page, 'i18n-phone-fr');
  await expectCleanAndClose([ana, zoe, instructor]);
});

test('a session recorded in French replays in English (and in French for a French reader)', async ({ browser }) => {
  const instructor = await console_(browser);
  const { page: con, code } = instructor;
  await con.locator('.language-picker select').selectOption('fr');
  await expect(con.locator('html')).toHaveAttribute('lang', 'fr');
  await con.getByRole('button', { name: '+5 bots' }).click();
  await con.locator('#game-pick').selectOption('gossip');
  // The console's controls are in French now: found by their French names.
  await con.getByRole('button', { name: fr['console.round.start'], exact: true }).click();
  await expect(con.getByTestId('gossip-console')).toContainText(fr['gossip.console.know']);
  await con.getByRole('button', { name: fr['drill.halves.name'], exact: true }).click();
  await expect(con.getByLabel(fr['console.net.log'])).toContainText(fr['drill.halves.name']);
  await con.getByRole('button', { name: fr['console.round.stop'], exact: true }).click();
  await expect(con.getByTestId('gossip-result')).toBeVisible();

  const replay = await con.context().newPage();
  await replay.goto('/replay?lang=en');
  await replay.getByRole('button', { name: `Open the recording of room ${code}` }).click();
  await expect(replay.getByTestId('replay-title')).toBeVisible({ timeout: 30_000 });
  await replay.keyboard.press('End');
  await expect(replay.getByTestId('round-analysis')).toBeVisible({ timeout: 30_000 });
  // What happened is worded by the reader: the partition, the round's end and its analysis in English.
  await expect(replay.getByTestId('fault-log')).toContainText('Split into A (3) and B (2)');
  await expect(replay.getByTestId('round-analysis')).toContainText(phrase(en, 'gossip.result.roundsUntil'));
  await expect(replay.getByTestId('round-analysis')).not.toContainText(phrase(fr, 'gossip.result.roundsUntil'));
  await expect(replay.locator('html')).toHaveAttribute('lang', 'en');
  await screenshot(replay, 'i18n-french-session-replayed-in-english');

  await replay.goto(`${replay.url().split('?')[0]}?room=${code}&lang=fr`);
  await expect(replay.getByTestId('replay-title')).toBeVisible({ timeout: 30_000 });
  await replay.keyboard.press('End');
  await expect(replay.getByTestId('fault-log')).toContainText('Partition en A (3) et B (2)', { timeout: 30_000 });
  await expectCleanAndClose([instructor]);
});
