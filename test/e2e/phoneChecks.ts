// Checks the e2e specs run on every phone screen: an axe-core scan (WCAG 2.1 AA, through
// @axe-core/playwright: axe-core from npm injected into the page, no network), no node id in
// any text a person reads, no sideways scrolling, every touch target at least 44×44 px.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Node ids as the protocol names them (n1, n27): never in words a person reads. */
export const NODE_ID = /\bn\d+\b/;

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now; fails with the violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const readable = r.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
  expect(readable, `axe-core violations on ${label}`).toEqual([]);
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

/** All of the above on one phone screen. */
export async function checkPhoneScreen(page: Page, label: string): Promise<void> {
  await expectNoNodeIds(page, label);
  await expectPhoneLayout(page, label);
  await expectAccessible(page, label);
}
