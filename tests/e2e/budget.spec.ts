/**
 * Byte budgets of the exported site (out/), read from disk: no browser, no timing.
 * - JavaScript the project adds beyond the Next.js runtime ≤ 20 KB gzip: the chunks any page loads
 *   that the root page (which has no client components) does not, plus our inline scripts.
 * - CSS ≤ 25 KB gzip per page (inlined into each page by `experimental.inlineCss`, or linked).
 * - Web fonts: none.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const out = join(process.cwd(), 'out');
const locale = (name: string): unknown => JSON.parse(readFileSync(join(process.cwd(), 'src', 'i18n', 'locales', `${name}.json`), 'utf8'));
const [ru, ja, en] = ['ru', 'ja', 'en'].map(locale);
const kilobyte = 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const gzipSize = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

/** Every JavaScript chunk a page refers to, in script tags or in its inline RSC payload. */
function chunksOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\/_next\/static\/[^"'\s\\]+?\.js/g)].map((match) => match[0]));
}

/** Inline scripts that are not Next's own RSC payload (`self.__next_f`) or runtime bootstrapping. */
function ownInlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1])
    .filter((body) => body.length > 0 && !body.includes('self.__next_f') && !body.includes('$RC') && !body.includes('__next_s'));
}

function styles(html: string): string {
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
  const linked = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) =>
    readFileSync(join(out, match[1]), 'utf8'),
  );
  return [...inline, ...linked].join('\n');
}

const htmlPages = () => files(out).filter((path) => path.endsWith('.html'));

test('the project adds at most 20 KB of JavaScript (gzip) to the Next.js runtime', () => {
  const runtime = chunksOf(readFileSync(join(out, 'index.html'), 'utf8'));
  const added = new Set<string>();
  const inline = new Set<string>();
  for (const page of htmlPages()) {
    const html = readFileSync(page, 'utf8');
    for (const chunk of chunksOf(html)) if (!runtime.has(chunk)) added.add(chunk);
    for (const script of ownInlineScripts(html)) inline.add(script);
  }
  const chunkBytes = [...added].reduce((sum, chunk) => sum + gzipSize(readFileSync(join(out, chunk))), 0);
  const inlineBytes = [...inline].reduce((sum, script) => sum + gzipSize(script), 0);
  const runtimeBytes = [...runtime].reduce((sum, chunk) => sum + gzipSize(readFileSync(join(out, chunk))), 0);
  test.info().annotations.push({
    type: 'bytes',
    description: `runtime ${runtimeBytes} B gzip; project chunks ${[...added].join(', ')} = ${chunkBytes} B gzip; inline scripts ${inlineBytes} B gzip`,
  });
  expect(chunkBytes + inlineBytes).toBeLessThanOrEqual(20 * kilobyte);
});

test('each page carries at most 25 KB of CSS (gzip) and no web fonts', () => {
  let largest = 0;
  for (const page of htmlPages()) {
    const css = styles(readFileSync(page, 'utf8'));
    expect(css, relative(out, page)).not.toContain('@font-face');
    largest = Math.max(largest, gzipSize(css));
  }
  test.info().annotations.push({ type: 'bytes', description: `largest CSS per page: ${largest} B gzip` });
  expect(largest).toBeLessThanOrEqual(25 * kilobyte);
  expect(files(out).filter((path) => /\.(woff2?|ttf|otf|eot)$/.test(path))).toEqual([]);
});

test('every interface string exists in Russian, Japanese and English', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, child]) => keys(child, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];
  const reference = keys(en).sort();
  expect(keys(ru).sort()).toEqual(reference);
  expect(keys(ja).sort()).toEqual(reference);
  for (const messages of [ru, ja, en]) {
    for (const key of keys(messages)) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    }
  }
});
