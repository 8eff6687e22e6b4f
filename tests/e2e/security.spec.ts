/**
 * The security headers, as `npm start` sends them (the server Playwright starts): the same as
 * out/_headers on every kind of response, a Content-Security-Policy that lists exactly the inline
 * scripts of the export, and pages that run under it without a single violation while a reader uses
 * every behaviour (column choice, tooltips, copy link, passage links, the missing-paragraph notice,
 * and the search when the site has one).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { mentionOf, pages, sample } from './site';

const out = join(process.cwd(), 'out');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** `_headers` read here by hand, for what it gives every address (`/*`). */
function siteWideHeaders(): Record<string, string> {
  const text = readFileSync(join(out, '_headers'), 'utf8');
  const block = text.split(/^\/\*$/m)[1]?.split(/^\S/m)[0] ?? '';
  return Object.fromEntries(
    block
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

const directive = (policy: string, name: string) => policy.split(/;\s*/).find((part) => part.split(' ')[0] === name) ?? '';

test('every kind of response carries the headers of out/_headers, the policy listing exactly the inline scripts of the export, and a page’s only its own', async ({ request }) => {
  const { slug } = await sample();
  const expected = siteWideHeaders();
  expect(Object.keys(expected).sort()).toEqual(
    ['content-security-policy', 'cross-origin-opener-policy', 'permissions-policy', 'referrer-policy', 'x-content-type-options', 'x-frame-options'].sort(),
  );

  // The hashes, computed here from the pages with a plain regular expression, not by the build's code.
  const inline = new Set<string>();
  for (const path of files(out).filter((file) => file.endsWith('.html'))) {
    for (const match of readFileSync(path, 'utf8').matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
      inline.add(`'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
    }
  }
  const policy = expected['content-security-policy'];
  const scriptSrc = directive(policy, 'script-src').split(' ');
  expect(new Set(scriptSrc.filter((source) => source.startsWith("'sha256-")))).toEqual(inline);
  expect(scriptSrc).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  // No 'unsafe-inline' in any directive: inline styles by their hashes, style attributes refused.
  expect(policy).not.toContain("'unsafe-inline'");
  const styles = new Set<string>();
  for (const path of files(out).filter((file) => file.endsWith('.html'))) {
    const html = readFileSync(path, 'utf8');
    expect(html, path).not.toMatch(/<[a-z][^>]*\sstyle=/);
    for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) styles.add(`'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`);
  }
  expect(new Set(directive(policy, 'style-src').split(' ').filter((source) => source.startsWith("'sha256-")))).toEqual(styles);
  // Said once: a browser takes style-src-elem from style-src.
  expect(policy).not.toContain('style-src-elem');
  expect(directive(policy, 'style-src-attr')).toBe("style-src-attr 'none'");
  for (const [name, value] of [
    ['default-src', "default-src 'self'"],
    ['img-src', "img-src 'self' data:"],
    ['object-src', "object-src 'none'"],
    ['base-uri', "base-uri 'none'"],
    ['form-action', "form-action 'self'"],
    ['frame-ancestors', "frame-ancestors 'none'"],
  ]) {
    expect(directive(policy, name)).toBe(value);
  }
  expect(expected['x-frame-options']).toBe('DENY');
  expect(expected['x-content-type-options']).toBe('nosniff');
  expect(expected['permissions-policy']).toContain('clipboard-write=(self)');
  expect(expected['permissions-policy']).toContain('camera=()');

  const script = readdirSync(join(out, 'assets')).find((name) => name.endsWith('.js'));
  const stylesheet = files(join(out, '_next', 'static')).find((path) => path.endsWith('.css'))?.slice(out.length);
  const cases: Array<[string, number, string]> = [
    ['/', 200, 'no-cache'],
    [pages.library('ru'), 200, 'no-cache'],
    [pages.reader('ja', slug, 'en-ru'), 200, 'no-cache'],
    [pages.glossary('en'), 200, 'no-cache'],
    ['/en/glossary/tips.json', 200, 'no-cache'],
    // Built without SITE_URL the export has no sitemap (addresses.spec.ts): then the schema stands for the other files.
    [existsSync(join(out, 'sitemap.xml')) ? '/sitemap.xml' : '/schemas/document.schema.json', 200, 'no-cache'],
    ['/robots.txt', 200, 'no-cache'],
    [`/assets/${script}`, 200, 'public, max-age=31536000, immutable'],
    ...(stylesheet ? [[stylesheet, 200, 'public, max-age=31536000, immutable'] as [string, number, string]] : []),
    [pages.missing('ja'), 404, 'no-cache'],
    ['/en', 301, 'no-cache'],
  ];
  // A page's policy is the site's with only the hashes of the page's own inline scripts and styles.
  const hashes = (policy: string, name: string) => new Set(directive(policy, name).split(' ').filter((source) => source.startsWith("'sha256-")));
  const withoutHashes = (policy: string) => policy.replace(/ 'sha256-[^']+'/g, '');
  for (const [path, status, cacheControl] of cases) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    const headers = response.headers();
    const page = headers['content-type']?.startsWith('text/html') && response.status() !== 301;
    for (const [name, value] of Object.entries(expected)) {
      if (name === 'content-security-policy' && page) continue;
      expect(headers[name], `${path}: ${name}`).toBe(value);
    }
    if (page) {
      const html = await response.text();
      const own = (tag: string) => new Set([...html.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => `'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`));
      const pagePolicy = headers['content-security-policy'];
      expect(hashes(pagePolicy, 'script-src'), `${path}: its scripts`).toEqual(own('script'));
      expect(hashes(pagePolicy, 'style-src'), `${path}: its styles`).toEqual(own('style'));
      expect(withoutHashes(pagePolicy), path).toBe(withoutHashes(policy));
      expect(pagePolicy.length, path).toBeLessThan(policy.length);
    }
    expect(headers['cache-control'], path).toBe(cacheControl);
    if (status === 200) expect(headers.etag, path).toMatch(/^(W\/)?"[^"]+"$/);
  }
  const post = await request.post('/en/');
  expect(post.status()).toBe(405);
  expect(post.headers()['content-security-policy']).toBe(policy);
});

/** Collects CSP violations (from the document's own event) and console errors of a page. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    // The 404 page itself is a response with status 404, which Chromium reports as such.
    if (/Failed to load resource: the server responded with a status of 404/.test(message.text()) && /\/no-such-page\/$/.test(message.location().url)) return;
    problems.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

test('no page kind meets a CSP violation or a console error while a reader uses it', async ({ browser, baseURL }) => {
  // Every page kind, each used as a reader would: about ten seconds on a quiet machine.
  test.slow();
  const { slug, paragraph, entry, lastBlock } = await sample();
  const context = await browser.newContext({ baseURL, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const problems = await watch(page);

  // The root page's inline script picks a language and goes there.
  await page.goto('/');
  await expect(page).toHaveURL(/\/(ru|ja|en)\/$/);
  await page.goto(pages.library('ru'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The reading page with a column choice: its early inline script holds the rows for the page script.
  await page.goto(pages.reader('en', slug, 'en-ru'));
  const row = page.locator(`[id="${paragraph.id}"]`);
  await expect(row.locator(':scope > [lang]:visible')).toHaveCount(2);
  // Column choice.
  await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Japanese' }).check();
  await expect(row.locator(':scope > [lang]:visible')).toHaveCount(3);
  // A tooltip: the glossary is fetched (connect-src) and positioned by element styles.
  await row.locator(mentionOf(entry.id)).first().hover();
  await expect(page.getByRole('tooltip')).toBeVisible();
  // Copy link (the button shows when the reader points at the row).
  await row.hover();
  await row.locator('button[data-copy]').click();
  await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
  // A passage link: select words of a cell, copy the offered link.
  await row.locator(':scope > [lang="en"]').evaluate((cell) => {
    const range = document.createRange();
    const text = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT).nextNode();
    if (!text?.textContent) throw new Error('no text in the cell');
    range.setStart(text, 0);
    range.setEnd(text, Math.min(12, text.textContent.length));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  const passage = page.getByRole('button', { name: 'Copy a link to the selected passage' });
  await expect(passage).toBeVisible();
  await passage.click();
  await expect(page.getByRole('status').filter({ hasText: 'Link to the selected passage copied' })).toBeVisible();
  // A permalink, then one that names no paragraph.
  await page.goto(`${pages.reader('ru', slug)}#${lastBlock.id}`);
  await expect(page.locator(`[id="${lastBlock.id}"]`)).toBeInViewport();
  await page.goto(`${pages.reader('ru', slug)}#s99-p9`);
  await expect(page.getByRole('alert').filter({ hasText: 's99-p9' })).toBeVisible();
  // The search, where the site has one.
  const search = page.getByRole('searchbox').first();
  if (await search.count()) {
    await search.fill(entry.names.en);
    await expect(page.locator(`a[href*="/documents/${slug}/"]`).first()).toBeVisible();
  }

  // The other kinds of page: an entry, an edition's page, the changelog, the search page searched.
  await page.goto(pages.entry('ru', entry.id));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`/en/documents/${slug}/editions/1/`);
  await expect(page.locator('[data-rows]')).toBeVisible();
  await page.goto(`/en/documents/${slug}/changes/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(pages.search('en', entry.names.en));
  await expect(page.locator(`main a[href*="/documents/${slug}/"]`).first()).toBeVisible();
  await page.goto(`${pages.glossary('ja')}#${entry.id}`);
  await expect(page.locator(`[id="${entry.id}"]`)).toBeInViewport();
  await page.goto(pages.missing('en'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // Let late reports (a violation is reported asynchronously) arrive.
  await page.waitForTimeout(200);
  expect(problems).toEqual([]);
  await context.close();
});

test('on a phone the reading page runs under the policy too', async ({ browser, baseURL }) => {
  const { slug, paragraph } = await sample();
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(pages.reader('en', slug));
  await page.getByRole('navigation', { name: 'Reading language' }).getByRole('button', { name: 'Japanese' }).click();
  await page.locator(`[id="${paragraph.id}"]`).getByRole('button', { name: /^Link, citation and languages: / }).tap();
  await page.getByRole('group', { name: 'This passage in another language' }).getByRole('checkbox', { name: 'Russian' }).check();
  await expect(page.locator(`[id="${paragraph.id}"] > [lang]:visible`)).toHaveCount(2);
  await page.waitForTimeout(200);
  expect(problems).toEqual([]);
  await context.close();
});
