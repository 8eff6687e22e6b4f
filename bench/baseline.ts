/**
 * "The same text as bare HTML": one document's three language versions, loaded with the project's
 * own loader, written as a minimal semantic page (h1–h3 and p with lang attributes, a three-column
 * grid in a few lines of inline CSS, no JavaScript, no web fonts). Its LCP is the yardstick for the
 * reader page's.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentCacheError, openContentCache } from '../src/cache/read';
import { languages, type Language } from '../src/model/languages';
import type { Block, ArchiveDocument } from '../src/model/types';
import { BenchError } from './errors';

export interface Baseline {
  /** Folder holding index.html. */
  dir: string;
  slug: string;
  /** Column order: the source language first, then the others in canonical order. */
  columns: Language[];
  /** Number of aligned rows (blocks of the source text). */
  rows: number;
  htmlBytes: number;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => escapes[char]);

function blockHtml(block: Block | undefined): string {
  if (!block) return '';
  const tag = block.kind === 'heading' ? `h${Math.min(Math.max(block.depth, 1), 6)}` : 'p';
  return `<${tag}>${escapeHtml(block.text)}</${tag}>`;
}

const css = [
  'body{margin:0 auto;max-width:90rem;padding:1rem;font:1rem/1.5 system-ui,sans-serif}',
  '.row{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:0 1rem}',
  'h1{font-size:1.5rem}h2{font-size:1.25rem}h3{font-size:1.1rem}',
].join('');

export interface BaselineOptions {
  /**
   * Also write each language's notes after the text, as plain lists: the same text as the reading
   * page, notes included, for comparing the weight of the two pages' markup (tests/e2e/budget.spec.ts).
   * Off for the LCP yardstick, whose largest paint is in the text.
   */
  notes?: boolean;
}

/** Renders the page for one document. */
export function renderBaseline(document: ArchiveDocument, pageLang: Language, { notes = false }: BaselineOptions = {}): { html: string; columns: Language[]; rows: number } {
  const columns = [document.source, ...languages.filter((lang) => lang !== document.source)].filter((lang) => document.texts[lang]);
  const order = document.texts[document.source] ?? document.texts[columns[0]];
  if (!order) throw new BenchError(`document ${document.slug} has no text`);
  const byId = new Map(columns.map((lang) => [lang, new Map(document.texts[lang]?.blocks.map((block) => [block.id, block]))]));
  const title = (document.texts[pageLang] ?? order).frontMatter.title ?? order.frontMatter.title ?? document.slug;
  const rows = order.blocks.map(
    (block) =>
      `<div class="row">${columns.map((lang) => `<div lang="${lang}">${blockHtml(byId.get(lang)?.get(block.id))}</div>`).join('')}</div>`,
  );
  const html = [
    '<!doctype html>',
    `<html lang="${pageLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(title)}: ${columns.join(', ')} texts side by side.">`,
    '<link rel="icon" href="data:,">',
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...rows,
    ...(notes
      ? columns.map((lang) => `<section lang="${lang}"><ol>${(document.texts[lang]?.notes ?? []).map((note) => `<li>${escapeHtml(note.text)}</li>`).join('')}</ol></section>`)
      : []),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { html, columns, rows: rows.length };
}

/**
 * Reads `slug` (or the first document) from the content cache that the build wrote, and writes
 * `dir/index.html` with its text as bare HTML.
 */
export async function writeBaseline(root: string, dir: string, slug: string | undefined, pageLang: Language): Promise<Baseline> {
  const cache = openContentCache(root, { keep: false });
  let document;
  try {
    const first = (await cache.catalog()).documents[0]?.slug;
    const wanted = slug ?? first;
    document = wanted === undefined ? undefined : await cache.document(wanted);
  } catch (error) {
    if (error instanceof ContentCacheError) throw new BenchError(`the baseline page cannot be made: ${error.message}`);
    throw error;
  }
  if (!document) throw new BenchError(slug === undefined ? 'the edition has no documents: nothing to put on the baseline page' : `the edition has no document \`${slug}\``);
  const { html, columns, rows } = renderBaseline(document, pageLang);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html);
  return { dir, slug: document.slug, columns, rows, htmlBytes: Buffer.byteLength(html) };
}
