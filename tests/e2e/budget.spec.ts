/**
 * Byte budgets of the exported site (out/), read from disk: no browser, no timing.
 * - JavaScript: see runtime.spec.ts (≤ 10 KB gzip a page, all of it the site's own).
 * - The reading page's HTML ≤ 2.0× the same text as bare HTML (gzip), notes included in both (1.90× in
 *   Russian on 2026-12-07, once the rules no first paint needs left the inline CSS: it was 2.0×, under a
 *   bound of 2.25×; before that ≤ 3× the text without its notes, which counted every added note against
 *   the markup); and as the server sends it to Chromium (Brotli), within its first round trip (14,000 B).
 * - CSS ≤ 25 KB gzip per page (inlined into each page by `experimental.inlineCss`, or linked).
 * - Web fonts: none.
 * - Files: a document in its first edition adds at most 20 to out/; each later edition adds its past
 *   edition's files (8) and the comparisons of the new pairs (3 pages each).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { renderBaseline } from '../../bench/baseline';
import { request } from '../helpers/server';
import { pages, sample } from './site';

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

test('the reading page’s HTML is at most 2.0× the same text, notes included, as bare HTML (gzip)', async () => {
  const { document } = await sample();
  for (const locale of ['ru', 'ja', 'en'] as const) {
    const page = readFileSync(join(out, locale, 'documents', document.slug, 'index.html'));
    // The notes are text the reader reads: an edition that adds to them adds to both pages alike.
    const bare = renderBaseline(document, locale, { notes: true }).html;
    const ratio = gzipSize(page) / gzipSize(bare);
    test.info().annotations.push({ type: 'bytes', description: `${locale}: ${gzipSize(page)} B gzip against ${gzipSize(bare)} B bare (${ratio.toFixed(2)}×)` });
    expect(ratio, locale).toBeLessThanOrEqual(2.0);
  }
});

/**
 * The files of out/ that belong to `slug`: its pages and files under `<lang>/documents/<slug>/`, its
 * downloads under `exports/<slug>/`, and the search fragments that hold its pages (Pagefind's, gzip
 * JSON naming each page's address).
 */
function documentFiles(slug: string): string[] {
  const own = (path: string) => path.includes(`/documents/${slug}/`) || path.startsWith(`exports/${slug}/`);
  const fragment = (path: string) => /^pagefind\/[^/]+\/fragment\//.test(path) && gunzipSync(readFileSync(join(out, path))).includes(`documents/${slug}/`);
  return files(out)
    .map((path) => relative(out, path).split('\\').join('/'))
    .filter((path) => own(path) || fragment(path));
}

test('a document in its first edition adds at most 20 files to out/; each later edition adds its own, in proportion', async () => {
  const { document } = await sample();
  const all = documentFiles(document.slug);
  const current = document.editions.at(-1)?.number ?? 1;
  const pastEditions = document.editions.length - 1;
  // What a later edition adds: the superseded edition's pages, its tooltips' glossary files, its two downloads; the changelog; the comparisons.
  const later = (path: string) =>
    new RegExp(`/documents/[^/]+/(?:editions/(?!${current}/)[0-9]+/|changes/|compare/)`).test(path) || path.startsWith(`exports/${document.slug}/editions/`);
  const first = all.filter((path) => !later(path));
  test.info().annotations.push({ type: 'files', description: `${document.slug}: ${all.length} files, ${first.length} of a first edition, ${all.length - first.length} of ${pastEditions} later edition(s)` });
  expect(first.length, first.join('\n')).toBeLessThanOrEqual(20);
  // No compressed copy of a document's file: the server compresses them on request (src/export/precompress.ts).
  expect(all.filter((path) => /\.(?:br|gz)$/.test(path))).toEqual([]);
  // Each past edition: 3 pages, 3 glossary files, 2 downloads; the changelog: 3 pages; each pair of editions: 3 pages.
  const pairs = (document.editions.length * (document.editions.length - 1)) / 2;
  expect(all.length - first.length).toBeLessThanOrEqual(pastEditions * 8 + (pastEditions > 0 ? 3 : 0) + pairs * 3);
});

/** What Chromium says it accepts. */
const chromiumAccepts = 'gzip, deflate, br, zstd';

/**
 * The reading page as the site's server (npm start) sends it to Chromium: Brotli, the copy it makes on
 * the first request (src/server/compressed-copies.mjs), within the first round trip of a new
 * connection, 14,000 B, in every interface language (en 13,304, ja 13,696, ru 13,954 B on 2026-12-07; a
 * build's asset names alone move these by some 20 B).
 */
const firstRoundTrip = 14_000;

test('the reading page is sent to Chromium as Brotli, within its first round trip (14,000 B)', async () => {
  const { slug } = await sample();
  const port = Number(process.env.E2E_PORT);
  for (const locale of ['ru', 'ja', 'en'] as const) {
    const response = await request(port, pages.reader(locale, slug), { headers: { 'Accept-Encoding': chromiumAccepts } });
    expect(response?.status, locale).toBe(200);
    expect(response?.headers['content-encoding'], locale).toBe('br');
    const bytes = response?.raw.length ?? Infinity;
    test.info().annotations.push({ type: 'bytes', description: `${locale}: ${bytes} B as sent (Brotli)` });
    expect(bytes, locale).toBeLessThanOrEqual(firstRoundTrip);
  }
});
