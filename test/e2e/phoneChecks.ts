// Checks the e2e specs run on every phone screen: an axe-core scan (WCAG 2.1 AA: axe-core from
// npm, evaluated in the page, no network), no node id in any text a person reads, no sideways
// scrolling, every touch target at least 44×44 px.

import axe from 'axe-core';
import { expect, type Locator, type Page } from '@playwright/test';

/** Node ids as the protocol names them (n1, n27): never in words a person reads. */
export const NODE_ID = /\bn\d+\b/;

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now, or only inside the `within`
 * selector; fails with the violations. axe is put into each document once (page.evaluate is not
 * bound by the page's Content Security Policy) and run there: no helper page per scan, and only
 * the violations are gathered in full. The pages have no frames, so nothing is left unscanned.
 */
export async function expectAccessible(page: Page, label: string, within?: string): Promise<void> {
  if (!(await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function'))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async ({ tags, within }) => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const r = await run(within ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
      );
    },
    { tags: WCAG_21_AA, within },
  );
  expect(violations, `axe-core violations on ${label}`).toEqual([]);
}

/** Every text a person reads on the page: the visible text, and the names, titles and placeholders. */
export async function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is what a person reads (hidden text left out)
    const out = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],[aria-valuetext]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** No node id (n1, n12…) in anything the page shows or names. */
export async function expectNoNodeIds(page: Page, label: string): Promise<void> {
  const hits = (await readableTexts(page)).flatMap((t) => t.split('\n')).filter((line) => NODE_ID.test(line));
  expect(hits, `node ids in the text of ${label}`).toEqual([]);
}

/** No node id in what one part of a page shows or names (a panel, a tooltip). */
export async function expectNoNodeIdsIn(locator: Locator, label: string): Promise<void> {
  const texts = await locator.evaluate((root) => {
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is what a person reads (hidden text left out)
    const out = [(root as HTMLElement).innerText];
    for (const el of [root, ...root.querySelectorAll('[aria-label],[title],[placeholder],[alt],[aria-valuetext]')]) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
  const hits = texts.flatMap((t) => t.split('\n')).filter((line) => NODE_ID.test(line));
  expect(hits, `node ids in the text of ${label}`).toEqual([]);
}

/** Nothing wider than the screen, and every visible control at least 44×44 CSS px. */
export async function expectPhoneLayout(page: Page, label: string): Promise<void> {
  const { overflow, small, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const small: string[] = [];
    // Name what sticks out, so a failure says where to look.
    const wide: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0 && !el.closest('[inert]'))
        wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    for (const el of document.querySelectorAll('button, a[href], input, select, summary, [role="button"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (el.closest('[inert]')) continue;
      // Words that do not fit their button spill out of it (or are cut): the button must grow or wrap instead.
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1)
        small.push(`button "${(el.textContent ?? '').trim().slice(0, 30)}": its text is ${el.scrollWidth - el.clientWidth} px too wide`);
      if (r.width < 43.5 || r.height < 43.5)
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    return { overflow, small, wide: wide.slice(0, 8) };
  });
  expect(overflow, `${label}: the page scrolls sideways by ${overflow} px (${wide.join('; ')})`).toBeLessThanOrEqual(0);
  expect(small, `${label}: touch targets under 44×44 px, or words wider than their button`).toEqual([]);
}

/**
 * The layout check at 200 % browser zoom: half the phone's width and height in CSS pixels
 * (a 360 px phone is 180 px wide), then back to the phone's own size.
 */
export async function expectPhoneLayoutZoomed(page: Page, label: string): Promise<void> {
  const size = page.viewportSize();
  if (!size) return;
  await page.setViewportSize({ width: Math.round(size.width / 2), height: Math.round(size.height / 2) });
  try {
    await expectPhoneLayout(page, `${label} at 200 % zoom`);
  } finally {
    await page.setViewportSize(size);
  }
}

/** All of the above on one phone screen, at the phone's size and at 200 % zoom. */
export async function checkPhoneScreen(page: Page, label: string): Promise<void> {
  await expectNoNodeIds(page, label);
  await expectPhoneLayout(page, label);
  await expectPhoneLayoutZoomed(page, label);
  await expectAccessible(page, label);
}

/** The same on several phones at once (each its own browser page): for screens that stay put while they are read. */
export async function checkPhoneScreens(screens: readonly (readonly [Page, string])[]): Promise<void> {
  await Promise.all(screens.map(([page, label]) => checkPhoneScreen(page, label)));
}

/** WCAG 2.1 contrast ratio of two computed CSS colours ("rgb(r, g, b)" or "rgba(r, g, b, 1)"). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/**
 * The keyboard's focus ring on `control` stands out from what it is drawn on (WCAG 2.1 1.4.11,
 * non-text contrast at least 3:1): the control is reached with Tab, as a keyboard user would,
 * and its outline's colour is compared with the first opaque background around it. Returns the ratio.
 */
export async function expectFocusRingContrast(page: Page, control: Locator, label: string): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 40 && !(await control.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  const look = await control.evaluate((el) => {
    const st = getComputedStyle(el);
    let behind = 'rgb(255, 255, 255)';
    for (let p = el.parentElement; p; p = p.parentElement) {
      const bg = getComputedStyle(p).backgroundColor;
      if (bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) {
        behind = bg;
        break;
      }
    }
    return {
      ringed: el === document.activeElement && el.matches(':focus-visible'),
      style: st.outlineStyle,
      width: Number.parseFloat(st.outlineWidth),
      ring: st.outlineColor,
      behind,
    };
  });
  expect(look.ringed, `${label}: reached with Tab, with a keyboard's focus`).toBe(true);
  expect(look.style, `${label}: a focus ring`).not.toBe('none');
  expect(look.width, `${label}: a focus ring at least 2 px wide`).toBeGreaterThanOrEqual(2);
  const ratio = contrastRatio(look.ring, look.behind);
  expect(ratio, `${label}: the ring (${look.ring}) against ${look.behind}`).toBeGreaterThanOrEqual(3);
  return ratio;
}
