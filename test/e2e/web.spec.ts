// The web app as a phone's browser sees it: installable (manifest, icons, theme colour), and
// light: the join page loads none of the console's or the replay's code.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { devices, expect } from '@playwright/test';
import es from '../../client/src/i18n/messages/phone/es';
import fr from '../../client/src/i18n/messages/phone/fr';
import { openConsole, screenshot, test, watchErrors } from './helpers';

test('the app is installable: a manifest with icons made from the project SVG, an apple-touch-icon, a theme colour', async ({
  browser,
}) => {
  const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
  const context = await browser.newContext(pixel);
  const page = await context.newPage();
  await page.goto('/join/K7QX3');
  await expect(page).toHaveTitle('Join K7QX3');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#14213d');

  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const res = await page.request.get(manifestHref!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await res.json()) as {
    name: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: 'Human Cluster', start_url: '/', display: 'standalone', theme_color: '#14213d' });
  const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => `${i.sizes}${i.purpose ? ` ${i.purpose}` : ''}`);
  expect(sizes).toEqual(['192x192', '512x512', '512x512 maskable']);

  const appleHref = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  for (const [src, side] of [
    ...manifest.icons.filter((i) => i.type === 'image/png').map((i) => [i.src, Number.parseInt(i.sizes, 10)] as const),
    [appleHref!, 180] as const,
  ]) {
    // Each icon decodes in the browser at its declared size.
    const natural = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, src);
    expect(natural, src).toEqual([side, side]);
  }
  await context.close();
});

/** The build's own account of its chunks (Vite's manifest), read from the folder the server serves. */
function builtChunks() {
  // The e2e server serves the bench build (playwright.config.ts sets CLIENT_MODE=bench).
  const dir = path.resolve(process.env.CLIENT_DIR || 'dist/client-bench');
  type Chunk = { file: string; imports?: string[]; dynamicImports?: string[] };
  const manifest = JSON.parse(readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const routes = ['src/console/ConsoleApp.tsx', 'src/replay/ReplayApp.tsx'];
  /** The files a chunk needs through static imports, and through dynamic ones when asked (never into `skip`). */
  const reach = (key: string, dynamic: boolean, skip: string[] = [], seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || skip.includes(key) || !manifest[key]) return seen;
    seen.add(key);
    const next = [...(manifest[key]!.imports ?? []), ...(dynamic ? (manifest[key]!.dynamicImports ?? []) : [])];
    for (const k of next) reach(k, dynamic, skip, seen);
    return seen;
  };
  const files = (keys: Set<string>) => new Set([...keys].map((k) => manifest[k]!.file));
  /** What the page loads before anything is asked for. */
  const page = files(reach('index.html', false));
  /** Everything a phone may ever load: the page and the games' screens, not the console or the replay. */
  const phone = files(reach('index.html', true, routes));
  const only = (route: string) => new Set([...files(reach(route, true))].filter((f) => !phone.has(f)));
  /** Each language's words for the phone's page, a chunk of their own (client/src/i18n/parts.ts). */
  const languages = Object.fromEntries(
    ['en', 'es', 'fr'].map((l) => [l, Object.values(manifest).find((c) => c.file.startsWith(`assets/i18n-phone-${l}-`))?.file ?? '']),
  );
  return { page, console: only(routes[0]!), replay: only(routes[1]!), languages };
}

test("the join page loads the phone's page only; in a round the phone loads none of the console's or the replay's chunks", async ({
  browser,
}) => {
  const chunks = builtChunks();
  expect(chunks.console.size).toBeGreaterThan(0);
  expect(chunks.replay.size).toBeGreaterThan(0);

  const instructor = await openConsole(browser);
  const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];
  const context = await browser.newContext({ ...pixel, locale: 'en-US' });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname.slice(1));
  });
  await page.goto(`/join/${instructor.code}`);
  await page.getByLabel('Nickname').fill('Ada');
  // The join page: the page's own scripts and its language's phone words, nothing else (no other
  // language, no other screen's words, no game yet, no console, no replay).
  expect(Object.values(chunks.languages).every((f) => f !== '')).toBe(true);
  expect([...scripts].filter((f) => !chunks.page.has(f))).toEqual([chunks.languages.en]);
  expect(scripts.size).toBeGreaterThan(0);
  // Inbound validation is the server's: the join page carries no zod (its classes are named "$Zod…").
  for (const f of scripts) expect(await (await page.request.get(`/${f}`)).text(), f).not.toMatch(/\$Zod[A-Z]/);

  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('You are in, Ada!')).toBeVisible();
  // A round reaches the phone: its game screen loads nothing of the console's either.
  await instructor.page.getByRole('button', { name: /Start round/ }).click();
  await expect(page.getByRole('heading', { name: 'Send a message' })).toBeVisible();
  expect([...scripts].filter((f) => chunks.console.has(f))).toEqual([]);
  expect([...scripts].filter((f) => chunks.replay.has(f))).toEqual([]);
  await context.close();
  await instructor.context.close();
});

test('the join form comes inside the page: typed before the script arrives, kept when it takes over; sent before it, the join goes on', async ({
  browser,
}) => {
  const instructor = await openConsole(browser);
  const { code } = instructor;
  const { defaultBrowserType: _ignored, ...pixel } = devices['Pixel 7'];

  // Without its script, the page already is the nickname step, in the browser's language, and
  // sending it is a plain GET of the same page with the nickname.
  const bare = await browser.newContext({ ...pixel, locale: 'es-ES', javaScriptEnabled: false });
  const bp = await bare.newPage();
  await bp.goto(`/join/${code.toLowerCase()}`);
  await expect(bp.getByRole('heading', { name: es['phone.join.roomTitle'].replace('{code}', code) })).toBeVisible();
  await expect(bp).toHaveTitle(es['phone.title.joinCode'].replace('{code}', code));
  await screenshot(bp, 'phone-join-before-script-es');
  await bp.getByLabel(es['phone.join.nicknameLabel']).fill('Ada');
  await bp.getByRole('button', { name: es['phone.join.join'], exact: true }).click();
  await expect(bp).toHaveURL(new RegExp(`/join/${code.toLowerCase()}\\?nickname=Ada$`));
  await bare.close();

  // With its script, that address joins at once, and forgets the nickname.
  const context = await browser.newContext({ ...pixel, locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page, 'sent before the script');
  await page.goto(`/join/${code}?nickname=Ada`);
  await expect(page.getByText('You are in, Ada!')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/join/${code}$`));
  // Holding a seat, the page comes without the form: the phone resumes.
  const again = await page.request.get(`/join/${code}`);
  expect(await again.text()).not.toContain('data-prerendered');
  await page.reload();
  await expect(page.getByText('You are in, Ada!')).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();

  // The script late (a slow Wi-Fi): what the student typed, and where, survives its arrival.
  const slow = await browser.newContext({ ...pixel, locale: 'fr-FR' });
  const sp = await slow.newPage();
  const slowErrors = watchErrors(sp, 'late script');
  let release: () => void = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await sp.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await sp.goto(`/join/${code}`, { waitUntil: 'commit' });
  const field = sp.getByLabel(fr['phone.join.nicknameLabel']);
  await field.fill('Grace');
  await expect(sp.locator('form[data-prerendered]')).toHaveCount(1);
  release();
  await expect(sp.locator('form[data-prerendered]')).toHaveCount(0);
  await expect(field).toHaveValue('Grace');
  await expect(field).toBeFocused();
  await sp.getByRole('button', { name: fr['phone.join.join'], exact: true }).click();
  await expect(sp.getByTestId('nickname')).toHaveText('Grace');
  expect(slowErrors).toEqual([]);
  await slow.close();
  await instructor.context.close();
});
