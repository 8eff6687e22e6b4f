/**
 * Addresses: the site names no host it was not told (`SITE_URL`), and what a reader copies or prints
 * names the address the page is read at, here the test server's (127.0.0.1 and a free port), which no
 * build could have known. The export is checked as built: without SITE_URL (`npm test`, CI) no page or
 * file names an absolute address of the site, no sitemap is published and og:url is absent; with it,
 * every such address is on it (and unit tests pin both cases: tests/unit/site-url.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from './fixtures';
import { emulatePrint, pages, sample } from './site';
import { currentEdition } from '../../src/model/document';
import { editionPath } from '../../src/contract/paths';

const out = join(process.cwd(), 'out');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const textFiles = () => files(out).filter((path) => /\.(html|json|xml|txt|js|css|webmanifest)$/.test(path) && !relative(out, path).startsWith('pagefind/'));

/** The canonical link of the English library page as built: absolute on SITE_URL, none without it. */
function builtCanonical(): string | undefined {
  const html = readFileSync(join(out, 'en', 'index.html'), 'utf8');
  return /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
}

test('no file of the export names the development address http://localhost:3000', () => {
  const named = textFiles().filter((path) => readFileSync(path, 'utf8').includes('localhost:3000'));
  expect(named.map((path) => relative(out, path))).toEqual([]);
});

test('built without SITE_URL, nothing names a guessed host; with it, every absolute address is on it', () => {
  const canonical = builtCanonical();
  const robots = readFileSync(join(out, 'robots.txt'), 'utf8');
  const page = readFileSync(join(out, 'ja', 'glossary', 'index.html'), 'utf8');
  if (canonical === undefined) {
    // Canonical, language alternates and og:url must be absolute: without the site's address there are none.
    expect(page).not.toContain('rel="canonical"');
    expect(page).not.toContain('<link rel="alternate" hrefLang=');
    expect(page).not.toContain('og:url');
    // None on any page, the root page included.
    const linked = textFiles().filter((path) => path.endsWith('.html') && /rel="canonical"|<link rel="alternate" hrefLang=|og:url/.test(readFileSync(path, 'utf8')));
    expect(linked.map((path) => relative(out, path))).toEqual([]);
    // A sitemap needs absolute addresses: there is none, and robots.txt names none.
    expect(existsSync(join(out, 'sitemap.xml'))).toBe(false);
    expect(robots).not.toMatch(/Sitemap:/i);
    // No page or file names an absolute address on any host of its own.
    const absolute = textFiles()
      .filter((path) => !path.endsWith('.js') && !path.endsWith('.css'))
      .flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/https?:\/\/[^\s"'<>)]*\/(?:ru|ja|en)\/(?:documents|glossary|search)\//g)].map((match) => `${relative(out, path)}: ${match[0]}`));
    expect(absolute).toEqual([]);
  } else {
    const origin = new URL(canonical).origin;
    expect(page).toContain(`<link rel="canonical" href="${origin}/ja/glossary/"/>`);
    expect(page).toContain(`<meta property="og:url" content="${origin}/ja/glossary/"/>`);
    expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${origin}/en/</loc>`);
    expect([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].every((match) => match[1].startsWith(`${origin}/`))).toBe(true);
  }
});

test.describe('what a reader copies or prints names where the page is read', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the printed permalinks, the print header and the page’s citation take this page’s address', async ({ page, baseURL }) => {
    const { slug, paragraph, document } = await sample();
    const here = `${baseURL}${pages.reader('ru', slug, 'ja-ru')}`;
    await page.goto(`${pages.reader('ru', slug, 'ja-ru')}#${paragraph.id}`);
    await expect(page.locator('[data-print-address]')).toHaveText(here);
    // The browser announces printing (Ctrl+P, the print dialog, window.print()) before it lays out the paper.
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('[data-rows]').evaluate((rows) => getComputedStyle(rows).getPropertyValue('--permalink-base').trim())).toBe(JSON.stringify(`${here}#`));
    await emulatePrint(page);
    const printed = await page.locator(`[id="${paragraph.id}"]`).evaluate((row) => getComputedStyle(row, '::after').content);
    expect(printed).toBe(JSON.stringify(`${here}#${paragraph.id}`));
    await page.emulateMedia({ media: 'screen' });
    // Changing the columns changes the printed address with the page's.
    await page.getByRole('group', { name: 'Колонки' }).getByRole('checkbox', { name: 'Английский' }).check();
    await expect(page.locator('[data-print-address]')).toHaveText(`${baseURL}${pages.reader('ru', slug, 'ja-ru-en')}`);
    // The citation rendered at build time names this page's origin too.
    await page.getByText('Цитировать', { exact: true }).click();
    await expect(page.locator('.cite-text')).toContainText(`${baseURL}${editionPath('ru', slug, currentEdition(document).number)}.`);
  });

  test('without the page script, a printed permalink is the address the page was built with and the row’s ID (no style attribute holds it)', async ({ browser, baseURL }) => {
    const { slug, paragraph } = await sample();
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pages.reader('en', slug));
    const rows = page.locator('[data-rows]');
    expect(await rows.getAttribute('style')).toBeNull();
    const base = await rows.getAttribute('data-permalink-base');
    expect(base).toMatch(new RegExp(`/en/documents/${slug}/#$`));
    await emulatePrint(page);
    expect(await page.locator(`[id="${paragraph.id}"]`).evaluate((row) => getComputedStyle(row, '::after').content)).toBe(JSON.stringify(`${base}${paragraph.id}`));
    await context.close();
  });

  test('the cite dialog and the copy-link button copy the edition’s permanent address, on this page’s origin, with its view', async ({ page, baseURL }) => {
    const { slug, paragraph, document } = await sample();
    const edition = `${baseURL}${editionPath('en', slug, currentEdition(document).number)}`;
    await page.goto(pages.reader('en', slug, 'ja-en'));
    await page.locator(`[id="${paragraph.id}"] button[data-copy]`).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${edition}?cols=ja-en#${paragraph.id}`);
    await page.locator(`[id="${paragraph.id}"] button[data-cite-row]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'BibTeX' }).check();
    await expect(dialog.getByRole('textbox')).toHaveValue(new RegExp(`url = \\{${edition}#${paragraph.id}\\}`));
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the printed address is the one the build knows, never a guessed host', async ({ page }) => {
    const { slug, paragraph } = await sample();
    await page.goto(pages.reader('en', slug));
    // Without SITE_URL (no canonical link) the address is root-relative (/en/documents/…/); with it, on SITE_URL.
    const canonical = (await page.locator('link[rel="canonical"]').count()) ? await page.locator('link[rel="canonical"]').getAttribute('href') : pages.reader('en', slug);
    await expect(page.locator('[data-print-address]')).toHaveText(canonical ?? '');
    await emulatePrint(page);
    expect(await page.locator(`[id="${paragraph.id}"]`).evaluate((row) => getComputedStyle(row, '::after').content)).toBe(JSON.stringify(`${canonical}#${paragraph.id}`));
    // No date is printed without the script: the server cannot know the day of printing.
    await expect(page.locator('[data-print-date]')).toBeHidden();
  });
});
