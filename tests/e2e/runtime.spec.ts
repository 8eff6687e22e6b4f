/**
 * The site's pages carry no framework runtime: no Next.js chunks, no RSC payload, no React in the
 * browser; their behaviour is the site's own small script. Checked twice: in the browser on every
 * page kind (what is requested and what runs), and on every file of the export. A Next.js upgrade
 * that brings its runtime back fails here (and, before that, in the build's finish step).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { pageScripts } from '../../src/export/page-scripts';
import { pages, sample } from './site';

const out = join(process.cwd(), 'out');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const runtimeMarkers = [/self\.__next_f/, /\/_next\/static\/[^"'\s]*\.js/, /TURBOPACK/, /__NEXT_DATA__/, /\$RC\s*=/];

test('no page kind requests or runs framework code', async ({ page }) => {
  const { slug } = await sample();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const kinds = ['/', pages.library('en'), pages.reader('ja', slug, 'en-ru'), pages.glossary('ru'), pages.search('ja', '北方領土'), pages.missing('en')];
  // The page script and its parts; besides them, the search page loads the search index's own scripts (Pagefind, built with the site) when it searches.
  const ownScript = /^\/assets\/(?:site|part)\.[\w-]+\.js$|^\/pagefind\/[a-z]{2}\/pagefind(-worker)?\.js$/;
  for (const path of kinds) {
    scripts.length = 0;
    await page.goto(path);
    await page.waitForLoadState('load');
    // Every script element is the site's own, and no framework global exists.
    const foreign = await page.locator('script:not([data-site])').count();
    expect(foreign, `${path}: scripts that are not the site's`).toBe(0);
    const globals = await page.evaluate(() => ['__next_f', 'next', '__NEXT_DATA__', 'TURBOPACK', '__REACT_DEVTOOLS_GLOBAL_HOOK__'].filter((name) => name in self));
    expect(globals, path).toEqual([]);
    expect(scripts.filter((script) => script.startsWith('/_next/')), path).toEqual([]);
    expect(scripts.every((script) => ownScript.test(script)), `${path}: ${scripts.join(', ')}`).toBe(true);
  }
});

test('no file of the export holds framework runtime or its payload', () => {
  const all = files(out);
  const payloads = all.filter((path) => /(^|\/)(index|__next\.[^/]*)\.txt$/.test(relative(out, path)));
  expect(payloads.map((path) => relative(out, path))).toEqual([]);
  expect(all.filter((path) => relative(out, path).startsWith('_next/') && path.endsWith('.js'))).toEqual([]);
  const pagesWithRuntime = all
    .filter((path) => path.endsWith('.html'))
    .flatMap((path) => {
      const html = readFileSync(path, 'utf8');
      return runtimeMarkers.filter((marker) => marker.test(html)).map((marker) => `${relative(out, path)}: ${marker}`);
    });
  expect(pagesWithRuntime).toEqual([]);
});

const budget = 10 * 1024;
/**
 * The search page, searched: its results part takes the words as the index holds them, keeps out
 * Pagefind's near misses, puts the glossary's entries first, merges the languages' results newest
 * first when asked (`sort=date`) and shows the filters of the address by name (docs/search.md): 11,507 B
 * on 2026-12-07, of which 468 B for the order and the filters, which took it past 11 KB. Pagefind's own
 * script and WebAssembly, which it loads too, are not the site's.
 */
const searchBudget = 11.5 * 1024;
const gzipSize = (code: Buffer) => gzipSync(code, { level: 9 }).length;

test('a page loads at most 10 KB of JavaScript (gzip) before it is used, all of it the site’s own', () => {
  for (const path of files(out).filter((file) => file.endsWith('.html'))) {
    const html = readFileSync(path, 'utf8');
    const loaded = pageScripts(html, out);
    if (path.includes(`${join('documents', '')}`)) expect(loaded.size, `${relative(out, path)}: the page script`).toBeGreaterThan(0);
    const external = [...loaded.values()];
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => Buffer.from(match[1]));
    const bytes = [...external, ...inline].reduce((sum, code) => sum + gzipSize(code), 0);
    test.info().annotations.push({ type: 'bytes', description: `${relative(out, path)}: ${bytes} B gzip` });
    expect(bytes, relative(out, path)).toBeLessThanOrEqual(budget);
  }
});

test('every page kind, used, runs at most 10 KB of the site’s JavaScript (gzip), the search page 11 KB, the parts it loads on use included', async ({ page }) => {
  const { slug } = await sample();
  const loaded = new Set<string>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.request().resourceType() === 'script' && path.startsWith('/assets/')) loaded.add(path);
  });
  const search = pages.search('en', 'Lavrov');
  for (const path of [pages.reader('ru', slug, 'ru-ja-en'), pages.glossary('ja'), search, pages.library('ru'), pages.missing('ja')]) {
    loaded.clear();
    await page.goto(path);
    await page.waitForLoadState('load');
    const inline = await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ''));
    // The search page's results show once its part has loaded and searched; the reading page's citation dialog loads its part.
    if (path === search) await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    if (path.includes('/documents/')) {
      await page.locator('[data-pid] button[data-cite-row]').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
    }
    const bytes = [...[...loaded].map((address) => readFileSync(join(out, address))), ...inline.map((code) => Buffer.from(code))].reduce((sum, code) => sum + gzipSize(code), 0);
    test.info().annotations.push({ type: 'bytes', description: `${path}: ${bytes} B gzip (${[...loaded].join(', ')})` });
    expect(loaded.size, `${path}: the page script`).toBeGreaterThan(0);
    expect(bytes, path).toBeLessThanOrEqual(path === search ? searchBudget : budget);
  }
});
