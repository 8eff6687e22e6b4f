/** axe-core on each page kind, desktop and phone: no WCAG 2 A/AA violations. */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
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

/** Each audit is a test of its own: one page, one set of conditions. */
const audits: Array<{ name: string; path: (slug: string, paragraph: string, entry: string) => string; options?: AuditOptions }> = [
  { name: 'library (ru)', path: () => pages.library('ru') },
  { name: 'library (ja, dark)', path: () => pages.library('ja'), options: { scheme: 'dark' } },
  { name: 'reader (en, at a paragraph)', path: (slug, paragraph) => `${pages.reader('en', slug)}#${paragraph}` },
  { name: 'reader (ja, two columns, dark)', path: (slug) => pages.reader('ja', slug, 'ja-en'), options: { scheme: 'dark' } },
  { name: 'reader (ru, phone)', path: (slug) => pages.reader('ru', slug), options: { phone: true } },
  { name: 'reader (en, without JavaScript)', path: (slug) => pages.reader('en', slug), options: { withoutScripts: true } },
  { name: 'edition 1 (en)', path: (slug) => `/en/documents/${slug}/editions/1/` },
  { name: 'edition 1 (ja, phone, dark)', path: (slug) => `/ja/documents/${slug}/editions/1/`, options: { phone: true, scheme: 'dark' } },
  { name: 'changes (ru)', path: (slug) => `/ru/documents/${slug}/changes/` },
  { name: 'changes (en, dark, without JavaScript)', path: (slug) => `/en/documents/${slug}/changes/`, options: { scheme: 'dark', withoutScripts: true } },
  { name: 'two editions compared (ja, dark)', path: (slug) => `/ja/documents/${slug}/compare/1-2/`, options: { scheme: 'dark' } },
  { name: 'glossary (en)', path: () => pages.glossary('en') },
  { name: 'glossary (ru, dark)', path: () => pages.glossary('ru'), options: { scheme: 'dark' } },
  { name: 'glossary entry (ja)', path: (_slug, _paragraph, entry) => pages.entry('ja', entry) },
  // With results: see search.spec.ts.
  { name: 'search (ja, dark)', path: () => pages.search('ja'), options: { scheme: 'dark' } },
  { name: 'search (en, without JavaScript)', path: () => pages.search('en', 'Vladivostok'), options: { withoutScripts: true } },
  { name: '404 (en)', path: () => pages.missing('en') },
  { name: '404 without JavaScript', path: () => '/nowhere/', options: { withoutScripts: true } },
  // With JavaScript the root page moves on at once: audit what a reader without it sees.
  { name: 'root', path: () => '/', options: { withoutScripts: true } },
  { name: 'root (dark)', path: () => '/', options: { withoutScripts: true, scheme: 'dark' } },
];

test.describe('axe', () => {
  test.describe.configure({ timeout: 45_000 });
  for (const { name, path, options } of audits) {
    test(name, async ({ browser, baseURL }) => {
      const { slug, paragraph, entry } = await sample();
      expect(await audit(browser, baseURL, path(slug, paragraph.id, entry.id), options)).toEqual([]);
    });
  }
});
