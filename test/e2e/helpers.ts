// Shared steps for the end-to-end tests: an instructor console and emulated phones, each in
// its own browser context, with console errors collected so a test can assert there were none.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, devices, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

/**
 * Playwright's `test`, with every browser context a test opens watched for Content Security
 * Policy violations: the suite runs with the server's CSP enforced, and one blocked script,
 * style, socket or worker fails the test that caused it.
 */
export const test = base.extend<{ cspGuard: undefined }>({
  cspGuard: [
    async ({ browser }, use) => {
      const violations: string[] = [];
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
        const context = await newContext.apply(browser, args);
        // The page's own report, with the directive; Chrome also logs "Refused to … Content Security Policy".
        await context.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}`),
          );
        });
        context.on('console', (msg) => {
          if (/CSP violation|Content Security Policy/.test(msg.text())) violations.push(`${msg.page()?.url() ?? '?'}: ${msg.text()}`);
        });
        return context;
      };
      await use(undefined);
      browser.newContext = newContext;
      expect(violations, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export const PHONES = ['Pixel 7', 'iPhone 13', 'Galaxy S9+', 'Pixel 5', 'iPhone SE'] as const;

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // At CSS size: a phone's 3× pixels take seconds to encode, and the page reads as well at 1×.
  await page.screenshot({ path: file, fullPage: true, scale: 'css' });
  return file;
}

/** A close-up of one panel, to check that it reads from the back of the room. */
export async function closeUp(locator: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Sets one of the console's network sliders as a person does: move it, let go (it sends on release). */
export async function setSlider(page: Page, label: RegExp, value: number): Promise<void> {
  const slider = page.getByLabel(label);
  await slider.fill(String(value));
  await slider.dispatchEvent('pointerup');
}

/** Latency and jitter to 0 through the console's sliders, so a test waits only for the game. */
export async function instantNetwork(page: Page): Promise<void> {
  await setSlider(page, /^Latency/, 0);
  await expect(page.getByLabel('Fault log')).toContainText('Latency 0 ms + up to 200 ms');
  await setSlider(page, /^Jitter/, 0);
  await expect(page.getByLabel('Fault log')).toContainText('Latency 0 ms + up to 0 ms');
}

/** The end of every test: no page logged an error, and every browser context is closed. */
export async function expectCleanAndClose(actors: readonly Actor[]): Promise<void> {
  expect(actors.flatMap((a) => a.errors)).toEqual([]);
  for (const a of actors) await a.context.close();
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page, label: string): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${label}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${label}: ${err.message}`));
  return errors;
}

export interface Actor {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openConsole(browser: Browser): Promise<Actor & { code: string }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page, 'console');
  await page.goto('/console');
  await page.getByRole('button', { name: 'Create a room' }).click();
  const code = (await page.getByTestId('room-code').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJ-KMNP-Z]{5}$/);
  await expect(page).toHaveTitle(`Console — ${code}`);
  return { context, page, errors, code };
}

/** A 360×640 Android phone (the smallest the product is built for), as a Playwright context's options. */
export const SMALL_ANDROID = {
  viewport: { width: 360, height: 640 },
  screen: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
} as const;

export async function joinPhone(
  browser: Browser,
  code: string,
  nickname: string,
  device: (typeof PHONES)[number] | '360x640',
): Promise<Actor> {
  const descriptor = device === '360x640' ? SMALL_ANDROID : (({ defaultBrowserType: _ignored, ...d }) => d)(devices[device]);
  const context = await browser.newContext(descriptor);
  const page = await context.newPage();
  const errors = watchErrors(page, nickname);
  await page.goto(`/join/${code}`);
  // The code in the link is checked at once: the nickname step follows.
  await expect(page.getByRole('heading', { name: `Join room ${code}` })).toBeVisible();
  await expect(page).toHaveTitle(`Join ${code}`);
  await page.getByLabel('Nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText(`You are in, ${nickname}!`)).toBeVisible();
  await expect(page).toHaveTitle(`${nickname} — room ${code}`);
  return { context, page, errors };
}
