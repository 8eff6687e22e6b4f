/**
 * Byte budgets of the exported site (out/), read from disk: no browser, no timing.
 * - JavaScript: see runtime.spec.ts (≤ 10 KB gzip a page, all of it the site's own).
 * - The reading page's HTML ≤ 2.25× the same text as bare HTML (gzip), notes included in both (2.0× on
 *   2026-12-07; it was ≤ 3× the text without its notes, which counted every added note against the markup).
 * - CSS ≤ 25 KB gzip per page (inlined into each page by `experimental.inlineCss`, or linked).
 * - Web fonts: none.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { renderBaseline } from '../../bench/baseline';
import { sample } from './site';

const out = join(process.cwd(), 'out');
const kilobyte = 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const gzipSize = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

function styles(html: string): string {
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]);
  const linked = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) =>
    readFileSync(join(out, match[1]), 'utf8'),
  );
  return [...inline, ...linked].join('\n');
}

const htmlPages = () => files(out).filter((path) => path.endsWith('.html'));

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

test('the reading page’s HTML is at most 2.25× the same text, notes included, as bare HTML (gzip)', async () => {
  const { document } = await sample();
  for (const locale of ['ru', 'ja', 'en'] as const) {
    const page = readFileSync(join(out, locale, 'documents', document.slug, 'index.html'));
    // The notes are text the reader reads: an edition that adds to them adds to both pages alike.
    const bare = renderBaseline(document, locale, { notes: true }).html;
    const ratio = gzipSize(page) / gzipSize(bare);
    test.info().annotations.push({ type: 'bytes', description: `${locale}: ${gzipSize(page)} B gzip against ${gzipSize(bare)} B bare (${ratio.toFixed(2)}×)` });
    expect(ratio, locale).toBeLessThanOrEqual(2.25);
  }
});
