/**
 * The reading text paints as a bare HTML page would: applying the view the server rendered changes
 * nothing on the page, so the page script costs the text no second layout. (That the script starts
 * after the first paint, and how fast the text paints, is measured by `npm run bench`: LCP against
 * the bare page.)
 */
import { expect, test } from '@playwright/test';
import { pages, sample } from './site';

interface Watch {
  /** Changes to the arrangement of the rows: cells moved or hidden, attributes of the rows or cells. */
  rearranged: string[];
}

declare global {
  interface Window {
    __watch: Watch;
  }
}

/** Installed before any of the page's scripts runs. */
function watch() {
  const state: Watch = { rearranged: [] };
  window.__watch = state;
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      if (!target?.closest('[data-rows]')) continue;
      // Moving a cell removes it first; the HTML parser only adds.
      const moved = [...record.removedNodes].some((node) => node instanceof Element && node.matches('.cell'));
      // ARIA attributes name and describe; they restyle nothing.
      const aria = record.attributeName?.startsWith('aria-') ?? false;
      const rearranging = record.type === 'attributes' && !aria && (target.matches('[data-rows], .row, .cell') || record.attributeName === 'hidden');
      if (moved || rearranging) state.rearranged.push(`${record.type} ${record.attributeName ?? ''} on ${target.className || target.tagName}`);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

test.describe('first paint', () => {
  test('the default view is applied without moving or re-hiding anything', async ({ page }) => {
    const { slug } = await sample();
    await page.addInitScript(watch);
    await page.goto(pages.reader('en', slug));
    await expect(page.locator('[data-pid] button[data-copy]').first()).toBeAttached();
    expect((await page.evaluate(() => window.__watch)).rearranged).toEqual([]);
  });

  test('a chosen view is still applied', async ({ page }) => {
    const { slug } = await sample();
    await page.addInitScript(watch);
    await page.goto(pages.reader('en', slug, 'en-ru'));
    await expect(page.locator('[data-pid] button[data-copy]').first()).toBeAttached();
    expect((await page.evaluate(() => window.__watch)).rearranged.length).toBeGreaterThan(0);
  });
});
