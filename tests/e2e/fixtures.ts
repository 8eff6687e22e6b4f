/**
 * The tests' `test`: Playwright's, with pages that, after each navigation by `goto`, `reload` or
 * `goBack`, wait until the page script has started its behaviours (`html[data-behaviours]`, set by
 * src/behaviour/index.ts). The page script loads once the text has painted, after the `load` event
 * Playwright waits for; a test that hovers or presses keys at once would otherwise race it. Pages
 * without the script (the root page's redirect) and pages read without JavaScript are not waited
 * for. Applies to the `page` fixture and to the pages of contexts a test opens with
 * `browser.newContext()`.
 */
import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/** Waits, on a page with the page script, until its behaviours have started. */
export async function behavioursStarted(page: Page): Promise<void> {
  // A page without the loader (the root page's redirect, or a test took the scripts out), or read
  // without JavaScript: the `<noscript>` holds elements only when scripts do not run.
  const withoutScript = (await page.locator('noscript[data-later]').count()) === 0 || (await page.locator('script[data-site]').count()) === 0 || (await page.locator('noscript[data-later] > link').count()) > 0;
  if (withoutScript) return;
  await page.locator('html[data-behaviours]').waitFor({ state: 'attached' });
}

const settled = new WeakSet<Page>();

/** `page`, its navigations made to wait for the page script (once: the `page` fixture's context is a patched one too). */
function settling(page: Page): Page {
  if (settled.has(page)) return page;
  settled.add(page);
  for (const name of ['goto', 'reload', 'goBack'] as const) {
    const navigate = page[name].bind(page) as (...args: unknown[]) => ReturnType<Page['reload']>;
    Object.assign(page, {
      [name]: async (...args: unknown[]) => {
        const response = await navigate(...args);
        await behavioursStarted(page);
        return response;
      },
    });
  }
  return page;
}

function settlingContext(context: BrowserContext): BrowserContext {
  const newPage = context.newPage.bind(context);
  context.newPage = async () => settling(await newPage());
  return context;
}

export const test = base.extend<object, { browser: Browser }>({
  page: async ({ page }, use) => use(settling(page)),
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => settlingContext(await newContext(options));
      await use(browser);
    },
    { scope: 'worker' },
  ],
});
