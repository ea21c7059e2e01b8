// The projector stage, for every game, at 1920×1080 and 1280×720: while students join, during a
// round and at the verdict. It never scrolls, no text on it is under 24 px at 1080p, the QR code
// is at least 300 px while joining, no secret role shows before the instructor reveals it, and
// it follows a partition made on the console within a second. Screenshots are saved to look at.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { openConsole, screenshot, test } from './helpers';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

/** What the stage must be at every size: no scrolling, and at 1080p no text under 24 px. */
async function checkFits(stage: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await stage.setViewportSize(size);
    // The stage sizes its type on resize.
    await expect
      .poll(() => stage.evaluate(() => Number.parseFloat(getComputedStyle(document.querySelector('.stage') as HTMLElement).fontSize)))
      .toBeCloseTo((24 * size.height) / 1080, 0);
    const fit = await stage.evaluate(() => ({
      scrollH: document.documentElement.scrollHeight,
      scrollW: document.documentElement.scrollWidth,
      innerH: window.innerHeight,
      innerW: window.innerWidth,
      // Anything inside cut off by its own box (a scrolled panel) counts as scrolling too.
      clipped: [...document.querySelectorAll('.stage *')]
        .filter((el) => {
          const s = getComputedStyle(el);
          return (
            /(auto|scroll)/.test(s.overflowY + s.overflowX) &&
            (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
          );
        })
        .map((el) => el.className),
    }));
    expect(fit.scrollH, `${name} ${size.width}×${size.height}: page height`).toBeLessThanOrEqual(fit.innerH);
    expect(fit.scrollW, `${name} ${size.width}×${size.height}: page width`).toBeLessThanOrEqual(fit.innerW);
    expect(fit.clipped, `${name}: scrolling boxes`).toEqual([]);
    if (size.height === 1080) {
      const small = await stage.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent?.trim();
          const el = n.parentElement;
          if (!text || !el) continue;
          const r = el.getBoundingClientRect();
          const s = getComputedStyle(el);
          if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || el.closest('.sr-only')) continue;
          const px = Number.parseFloat(s.fontSize);
          if (px < 24) out.push(`${px}px: ${text.slice(0, 40)}`);
        }
        return out;
      });
      expect(small, `${name}: text under 24 px at 1080p`).toEqual([]);
    }
    await screenshot(stage, `stage-${name}-${size.width}x${size.height}`);
  }
}

async function noSecrets(stage: Page): Promise<void> {
  await expect(stage.getByTestId('stage-revealed')).toHaveCount(0);
  await expect(stage.locator('.stage')).not.toContainText('TRAITOR');
}

const GAMES = [{ id: 'sandbox' }, { id: 'election' }, { id: 'gossip' }, { id: 'byzantine' }, { id: 'cart' }] as const;

for (const game of GAMES) {
  test(`the stage of a ${game.id} round fits 1920×1080 and 1280×720, joining, playing and at the verdict`, async ({ browser }) => {
    // Three phases at two sizes, each checked and photographed: long on a loaded machine.
    test.slow();
    const instructor = await openConsole(browser);
    const { page: con, code } = instructor;
    // The stage opens from the console, in its own window of the same browser (it holds the key).
    const [stage] = await Promise.all([con.context().waitForEvent('page'), con.getByRole('button', { name: 'Open the stage' }).click()]);
    await stage.waitForLoadState();
    expect(new URL(stage.url()).pathname).toBe('/stage');
    await expect(stage.getByTestId('stage-room-code')).toHaveText(code);

    await con.getByRole('button', { name: `+5 bots` }).click();
    await expect(stage.getByTestId('stage-count')).toContainText('5');
    await checkFits(stage, `${game.id}-joining`);
    const qr = await stage.getByRole('img', { name: /QR code to join/ }).boundingBox();
    expect(qr?.width ?? 0).toBeGreaterThanOrEqual(300);

    await con.locator('#game-pick').selectOption(game.id);
    await con.getByRole('button', { name: /Start round/ }).click();
    await expect(stage.getByTestId(`stage-${game.id}`)).toBeVisible();
    await noSecrets(stage);
    await checkFits(stage, `${game.id}-round`);
    await noSecrets(stage);

    // Bots alone may finish a round while the stage is checked (a Byzantine round does, in
    // seconds): stop it only if it still runs, else take the verdict it reached by itself.
    const over = stage.getByRole('heading', { name: /Round 1 is over/ });
    await Promise.race([
      over.waitFor(),
      con
        .getByRole('button', { name: /Stop round/ })
        .click()
        .catch(() => {}),
    ]);
    await expect(over).toBeVisible();
    await noSecrets(stage);
    await checkFits(stage, `${game.id}-verdict`);
    const axe = await new AxeBuilder({ page: stage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    await instructor.context.close();
  });
}

test('the stage follows a partition made on the console within a second, and shows roles only once revealed', async ({ browser }) => {
  const instructor = await openConsole(browser);
  const { page: con } = instructor;
  const [stage] = await Promise.all([con.context().waitForEvent('page'), con.getByRole('button', { name: 'Open the stage' }).click()]);
  await stage.setViewportSize({ width: 1920, height: 1080 });
  await con.getByRole('button', { name: '+5 bots' }).click();
  await expect(stage.getByRole('img', { name: /5 nodes in 1 group$/ })).toBeVisible();
  await con.locator('#game-pick').selectOption('byzantine');
  await con.getByRole('button', { name: /Start round/ }).click();
  await expect(stage.getByTestId('stage-byzantine')).toBeVisible();
  await con.getByRole('button', { name: 'Split in halves', exact: true }).click();
  await expect(stage.getByRole('img', { name: /5 nodes in 2 groups$/ })).toBeVisible({ timeout: 1000 });
  await noSecrets(stage);
  await con.getByRole('button', { name: 'Reveal on stage' }).click();
  await expect(stage.getByTestId('stage-revealed')).toBeVisible({ timeout: 1000 });
  await screenshot(stage, 'stage-byzantine-revealed-1920x1080');
  await con.getByRole('button', { name: 'Hide on stage' }).click();
  await expect(stage.getByTestId('stage-revealed')).toHaveCount(0);
  expect(instructor.errors).toEqual([]);
  await instructor.context.close();
});
