/**
 * The reading text paints as a bare HTML page would: applying the view the server rendered changes
 * nothing on the page, so the page script costs the text no second layout. (That the script starts
 * after the first paint, and how fast the text paints, is measured by `npm run bench`: LCP against
 * the bare page.)
 */
import type { Page } from '@playwright/test';
import { RowTemplate } from '../../src/contract/templates';
import { expect, test } from './fixtures';
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

/**
 * Installed before any of the page's scripts runs. `unstyled`: attributes no stylesheet names (checked
 * below), which the page script may set on the rows without restyling them: the row tools' templates it
 * puts there from the reading page's strings (src/contract/reader-strings.ts).
 */
function watch(unstyled: string[]) {
  const state: Watch = { rearranged: [] };
  window.__watch = state;
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      if (!target?.closest('[data-rows]')) continue;
      // Moving a cell removes it first; the HTML parser only adds.
      const moved = [...record.removedNodes].some((node) => node instanceof Element && node.matches('.cell'));
      // ARIA attributes name and describe; they restyle nothing.
      const aria = (record.attributeName?.startsWith('aria-') ?? false) || unstyled.includes(record.attributeName ?? '');
      const rearranging = record.type === 'attributes' && !aria && (target.matches('[data-rows], .row, .cell') || record.attributeName === 'hidden');
      if (moved || rearranging) state.rearranged.push(`${record.type} ${record.attributeName ?? ''} on ${target.className || target.tagName}`);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

/** The row tools' templates: attributes of the rows that no stylesheet names. */
const templates: string[] = Object.values(RowTemplate);

/**
 * Serves the reading page at `path` with a script halfway through its rows that holds the parser for
 * `ms` milliseconds: what a slow connection or a slow phone does to a long text.
 */
async function holdTheParser(page: Page, path: string, ms: number): Promise<void> {
  await page.route('**/hold-the-parser.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      const rows = [...body.matchAll(/<div class="row" id=/g)];
      const middle = rows[Math.floor(rows.length / 2)]?.index ?? body.length;
      await route.fulfill({ response, body: `${body.slice(0, middle)}<script src="/hold-the-parser.js"></script>${body.slice(middle)}` });
    },
  );
}

test.describe('first paint', () => {
  test('the default view is applied without moving or re-hiding anything', async ({ page }) => {
    const { slug } = await sample();
    await page.addInitScript(watch, templates);
    await page.goto(pages.reader('en', slug));
    await expect(page.locator('[data-pid] button[data-copy]').first()).toBeAttached();
    expect((await page.evaluate(() => window.__watch)).rearranged).toEqual([]);
    // The templates set on the rows restyle nothing: no rule of the page names them.
    const css = await page.evaluate(() => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'));
    expect(templates.filter((name) => css.includes(name))).toEqual([]);
  });

  test('a chosen view is still applied', async ({ page }) => {
    const { slug } = await sample();
    await page.addInitScript(watch, templates);
    await page.goto(pages.reader('en', slug, 'en-ru'));
    await expect(page.locator('[data-pid] button[data-copy]').first()).toBeAttached();
    expect((await page.evaluate(() => window.__watch)).rearranged.length).toBeGreaterThan(0);
  });

  test('the page script, the later and print stylesheets and the icon are not requested while the page is parsed, but after its first paint', async ({ page, request }) => {
    const { slug } = await sample();
    const path = pages.reader('en', slug);
    // Nothing in the HTML fetches them: no script or stylesheet element, no preload; the later and print stylesheets are linked for readers without JavaScript only.
    const html = await (await request.get(path)).text();
    const head = html.replace(/<noscript[\s\S]*?<\/noscript>/g, '');
    expect(head).not.toMatch(/<script[^>]*\ssrc=/);
    expect(head).not.toMatch(/<link[^>]*rel="(?:stylesheet|preload|modulepreload)"/);
    await page.goto(path);
    const timing = await page.evaluate(() => {
      const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart;
      const painted = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
      const assets = performance.getEntriesByType('resource').filter((entry) => /\/assets\/(site|print|later)\.|\/icon\.svg$/.test(entry.name));
      return assets.map((entry) => ({ name: new URL(entry.name).pathname.replace(/\.[\w-]+\.(js|css)$/, '.$1'), afterParsing: entry.startTime >= parsed, afterPaint: entry.startTime >= painted }));
    });
    expect(timing.toSorted((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: '/assets/later.css', afterParsing: true, afterPaint: true },
      { name: '/assets/print.css', afterParsing: true, afterPaint: true },
      { name: '/assets/site.js', afterParsing: true, afterPaint: true },
      { name: '/icon.svg', afterParsing: true, afterPaint: true },
    ]);
    // The icon the page links until then is empty: nothing to fetch, no request for /favicon.ico.
    expect(html).toContain('<link rel="icon" href="data:,"/>');
    await expect(page.locator('head > link[rel="icon"]')).toHaveAttribute('href', '/icon.svg');
    await expect(page.locator('head > link[rel="icon"]')).toHaveCount(1);
  });

  test('a chosen view held back by the early script loads the page script at once', async ({ page }) => {
    const { slug } = await sample();
    await page.goto(pages.reader('en', slug, 'ja-en'));
    // The rows were held back, and are shown in the chosen order.
    await expect(page.locator('html')).not.toHaveAttribute('data-cols-pending');
    await expect(page.locator('.row-heads > [data-col]:not([hidden])')).toHaveCount(2);
    expect(await page.locator('.row-heads > [data-col]:not([hidden])').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-col')))).toEqual(['ja', 'en']);
  });

  test('a chosen view is applied to every row, even when the page script arrives before the page is parsed', async ({ page }) => {
    const { slug } = await sample();
    const path = pages.reader('en', slug, 'ja-en');
    // The parser held halfway through the rows while the page script (loaded at once for a held-back view) arrives and runs.
    await holdTheParser(page, pages.reader('en', slug), 1500);
    await page.goto(path);
    const orders = await page.locator('[data-pid]').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll(':scope > [lang]:not([hidden])')].map((cell) => cell.getAttribute('lang')).join('-')));
    expect(orders.length).toBeGreaterThan(10);
    expect([...new Set(orders)]).toEqual(['ja-en']);
  });
});
