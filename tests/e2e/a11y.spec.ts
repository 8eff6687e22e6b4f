/** axe-core on each page kind, desktop and phone: no WCAG 2 A/AA violations. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { pages, sample } from './site';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AuditOptions {
  /** Audit the page as a reader without JavaScript gets it. */
  withoutScripts?: boolean;
  phone?: boolean;
  scheme?: 'light' | 'dark';
}

async function audit(browser: Browser, baseURL: string | undefined, path: string, options: AuditOptions = {}) {
  const context = await browser.newContext({
    baseURL,
    colorScheme: options.scheme ?? 'light',
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  if (options.withoutScripts) {
    // axe itself needs JavaScript (it never finishes in a context with JavaScript disabled), so the
    // page's own scripts are taken out of the document instead.
    await context.route(
      (url) => url.pathname === new URL(path, baseURL).pathname,
      async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
        await route.fulfill({ response, body });
      },
    );
  }
  const page = await context.newPage();
  await page.goto(path);
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  await context.close();
  return results.violations.map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}

test.describe('axe', () => {
  test.describe.configure({ timeout: 45_000 });
  test('library', async ({ browser, baseURL }) => {
    expect(await audit(browser, baseURL, pages.library('ru'))).toEqual([]);
    expect(await audit(browser, baseURL, pages.library('ja'), { scheme: 'dark' })).toEqual([]);
  });

  test('reader', async ({ browser, baseURL }) => {
    const { slug, paragraph } = await sample();
    expect(await audit(browser, baseURL, `${pages.reader('en', slug)}#${paragraph.id}`)).toEqual([]);
    expect(await audit(browser, baseURL, pages.reader('ja', slug, 'ja-en'), { scheme: 'dark' })).toEqual([]);
    expect(await audit(browser, baseURL, pages.reader('ru', slug, 'ru-ja-en'), { phone: true })).toEqual([]);
  });

  test('glossary', async ({ browser, baseURL }) => {
    expect(await audit(browser, baseURL, pages.glossary('en'))).toEqual([]);
    expect(await audit(browser, baseURL, pages.glossary('ru'), { scheme: 'dark' })).toEqual([]);
  });

  test('404', async ({ browser, baseURL }) => {
    expect(await audit(browser, baseURL, pages.missing('en'))).toEqual([]);
    expect(await audit(browser, baseURL, '/nowhere/', { withoutScripts: true })).toEqual([]);
  });

  test('root', async ({ browser, baseURL }) => {
    // With JavaScript the root page moves on at once: audit what a reader without it sees.
    expect(await audit(browser, baseURL, '/', { withoutScripts: true })).toEqual([]);
    expect(await audit(browser, baseURL, '/', { withoutScripts: true, scheme: 'dark' })).toEqual([]);
  });
});
