/**
 * Byte budgets read from the exported files: the reader page's JavaScript (the site's own, and any
 * framework runtime that should not be there), its CSS, the web fonts in out/, and the page's own
 * weight against the same text as bare HTML. Sizes are gzip level 6 (what a default gzip server
 * sends), measured here with node:zlib.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Attribute } from '../src/contract/page';
import { pageScripts } from '../src/export/page-scripts';
import type { SiteSnapshot } from './site';

/** `runtime`: framework code (Next.js, React); `app`: the site's own script; `polyfill`: `nomodule`, never loaded by current browsers. */
export type ChunkClass = 'runtime' | 'app' | 'polyfill';

export interface Chunk {
  src: string;
  rawBytes: number;
  gzipBytes: number;
  class: ChunkClass;
  /** Why it was put in that class. */
  reason: string;
}

export interface Budgets {
  /** How the chunks were classified, in words (printed with the table). */
  method: string;
  chunks: Chunk[];
  js: { runtimeGzip: number; appGzip: number; totalGzip: number; polyfillGzip: number; inlineGzip: number };
  css: {
    /** CSS the reader page loads: its stylesheets plus its inline <style> elements. */
    pageGzip: number;
    inlineGzip: number;
    linkedGzip: number;
    /** Every .css file in out/, gzip each, summed. */
    outFilesGzip: number;
  };
  fonts: { files: number; bytes: number; list: { path: string; bytes: number }[] };
  html: { rawBytes: number; gzipBytes: number };
  /** HTML + module scripts + CSS + fonts the page preloads, gzip: the static estimate of a cold load. */
  initialLoadGzip: number;
  baselineHtml: { rawBytes: number; gzipBytes: number };
}

const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 6 }).length;

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);

const hasAttr = (tag: string, name: string): boolean => new RegExp(`\\s${name}(?:[\\s=>]|$)`, 'i').test(tag);

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}

const fontExtensions = new Set(['.woff', '.woff2', '.ttf', '.otf']);

export const budgetMethod = [
  'JavaScript: every script of the reader page loads when it opens, gzip each: <script src> files, inline scripts, the',
  'modules the inline loader imports and what they import statically (not the parts loaded on use). A script is the',
  "site's own (\"app\") when it carries data-site and, if external, is not under /_next/; anything else is framework",
  'runtime, which the build removes (src/export/finish.ts): a non-zero runtime figure means it came back.',
  '<script nomodule> is not downloaded by current browsers and is left out.',
].join('\n');

export async function measureBudgets(site: SiteSnapshot, readerPath: string, baselineDir: string): Promise<Budgets> {
  const html = await readFile(join(site.dir, readerPath, 'index.html'));
  const text = html.toString('utf8');

  const chunks: Chunk[] = [];
  for (const match of text.matchAll(/<script\b[^>]*>/gi)) {
    const tag = match[0];
    const src = attr(tag, 'src');
    if (!src || /^(?:[a-z]+:)?\/\//i.test(src)) continue;
    const path = src.split(/[?#]/)[0];
    const file = join(site.dir, path);
    if (!existsSync(file)) continue;
    const code = await readFile(file);
    const base = { src: path, rawBytes: code.length, gzipBytes: gzipSize(code) };
    if (hasAttr(tag, 'nomodule')) chunks.push({ ...base, class: 'polyfill', reason: '<script nomodule>' });
    else if (hasAttr(tag, Attribute.Site) && !path.startsWith('/_next/')) chunks.push({ ...base, class: 'app', reason: Attribute.Site });
    else chunks.push({ ...base, class: 'runtime', reason: path.startsWith('/_next/') ? 'under /_next/' : 'not marked data-site' });
  }
  // What the site's loader imports (src/behaviour/early/loader.ts, inline in the page), and what those files import statically.
  for (const [path, code] of pageScripts(text, site.dir)) {
    if (chunks.some((chunk) => chunk.src === path)) continue;
    chunks.push({ src: path, rawBytes: code.length, gzipBytes: gzipSize(code), class: path.startsWith('/_next/') ? 'runtime' : 'app', reason: 'imported' });
  }
  const inlineScripts = [...text.matchAll(/<script\b(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi)];
  const inlineGzip = (own: boolean) =>
    inlineScripts.filter((match) => hasAttr(match[1], Attribute.Site) === own).reduce((total, match) => total + gzipSize(match[2]), 0);
  const sum = (list: Chunk[]) => list.reduce((total, chunk) => total + chunk.gzipBytes, 0);
  const runtimeGzip = sum(chunks.filter((chunk) => chunk.class === 'runtime')) + inlineGzip(false);
  const appGzip = sum(chunks.filter((chunk) => chunk.class === 'app')) + inlineGzip(true);

  let linkedGzip = 0;
  for (const match of text.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    if (attr(tag, 'rel')?.toLowerCase() !== 'stylesheet') continue;
    const href = attr(tag, 'href')?.split(/[?#]/)[0];
    if (href && existsSync(join(site.dir, href))) linkedGzip += gzipSize(await readFile(join(site.dir, href)));
  }
  const inlineCssGzip = [...text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].reduce((total, match) => total + gzipSize(match[1]), 0);

  const files = await walk(site.dir);
  let outFilesGzip = 0;
  for (const file of files.filter((path) => extname(path) === '.css')) outFilesGzip += gzipSize(await readFile(file));
  const fontList = await Promise.all(
    files
      .filter((path) => fontExtensions.has(extname(path).toLowerCase()))
      .map(async (path) => ({ path: path.slice(site.dir.length), bytes: (await stat(path)).size })),
  );

  let preloadedFonts = 0;
  for (const match of text.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const href = attr(tag, 'href')?.split(/[?#]/)[0];
    if (attr(tag, 'as') === 'font' && href && existsSync(join(site.dir, href))) preloadedFonts += (await stat(join(site.dir, href))).size;
  }

  const htmlGzip = gzipSize(html);
  const baseline = await readFile(join(baselineDir, 'index.html'));
  return {
    method: budgetMethod,
    chunks,
    js: {
      runtimeGzip,
      appGzip,
      totalGzip: runtimeGzip + appGzip,
      polyfillGzip: sum(chunks.filter((chunk) => chunk.class === 'polyfill')),
      inlineGzip: inlineGzip(true) + inlineGzip(false),
    },
    css: { pageGzip: linkedGzip + inlineCssGzip, inlineGzip: inlineCssGzip, linkedGzip, outFilesGzip },
    fonts: { files: fontList.length, bytes: fontList.reduce((total, font) => total + font.bytes, 0), list: fontList },
    html: { rawBytes: html.length, gzipBytes: htmlGzip },
    initialLoadGzip: htmlGzip + runtimeGzip + appGzip + linkedGzip + preloadedFonts,
    baselineHtml: { rawBytes: baseline.length, gzipBytes: gzipSize(baseline) },
  };
}
