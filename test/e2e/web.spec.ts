// The web app as a phone's browser sees it: installable (manifest, icons, theme colour), with
// pages titled for what they are.

import { devices, expect } from '@playwright/test';
import { test } from './helpers';

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
