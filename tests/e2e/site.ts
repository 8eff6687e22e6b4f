/** What the browser tests share: the edition they read, the addresses of each page kind, how a block is named, what a row shows. */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { loadArchive } from '../helpers/fixtures';
import type { Archive, ArchiveDocument } from '../../src/model/types';
import type { Messages } from '../../src/i18n/resources';
import { citeBlock, rowName, type CiteKey, type RowKey } from '../../src/contract/block-place';

export const locales = ['ru', 'ja', 'en'] as const;
export type Locale = (typeof locales)[number];

let edition: Promise<Archive> | undefined;

/** The edition as the site renders it (loaded once per worker). */
export function getEdition(): Promise<Archive> {
  edition ??= loadArchive();
  return edition;
}

/** The first document, and facts about it that the tests look for on the page. */
export async function sample() {
  const { documents, glossary } = await getEdition();
  const document: ArchiveDocument = documents[0];
  const source = document.texts[document.source];
  if (!source) throw new Error('the first document has no source text');
  const paragraph = source.blocks.find((block) => block.kind === 'paragraph' && source.mentions.some((mention) => mention.block === block.id));
  if (!paragraph) throw new Error('no paragraph with a glossary mention');
  const mention = source.mentions.find((candidate) => candidate.block === paragraph.id);
  const entry = glossary.find((item) => item.id === mention?.ref);
  if (!entry) throw new Error('the mention names no entry');
  const noteAnchor = source.anchors[0];
  const lastBlock = source.blocks[source.blocks.length - 1];
  return { document, slug: document.slug, source, paragraph, entry, noteAnchor, lastBlock, glossary };
}

export const pages = {
  library: (locale: Locale) => `/${locale}/`,
  reader: (locale: Locale, slug: string, cols?: string) => `/${locale}/documents/${slug}/${cols ? `?cols=${cols}` : ''}`,
  glossary: (locale: Locale) => `/${locale}/glossary/`,
  entry: (locale: Locale, id: string) => `/${locale}/glossary/${id}/`,
  search: (locale: Locale, query?: string) => `/${locale}/search/${query ? `?q=${encodeURIComponent(query)}` : ''}`,
  missing: (locale: Locale) => `/${locale}/no-such-page/`,
};

/** The interface strings of a locale (read from disk: the test runner's loader takes no JSON modules). */
export function messages(locale: Locale): Messages {
  return JSON.parse(readFileSync(`src/i18n/locales/${locale}.json`, 'utf8')) as Messages;
}

/** How citations and search results in `locale` name block `id` (`1.1 ¶2`, `пункт 1.1, абзац 2`). */
export function placeOf(locale: Locale, id: string): string {
  const { cite } = messages(locale);
  return citeBlock((key: CiteKey, values = {}) => Object.entries(values).reduce((text, [name, value]) => text.replace(`{{${name}}}`, value), cite[key.slice('cite.'.length) as keyof typeof cite]), id);
}

/** How the interface of `locale` names row `id` for a person (`Section 1.1, paragraph 2`, `Пункт 1.1, абзац 2`): its permalink's name. */
export function rowNameOf(locale: Locale, id: string): string {
  const { row } = messages(locale);
  return rowName((key: RowKey, values = {}) => Object.entries(values).reduce((text, [name, value]) => text.replace(`{{${name}}}`, value), row[key.slice('row.'.length) as keyof typeof row]), id);
}

/** The languages of the cells of a row that a reader sees, in the order of the page. */
export function shownLanguages(row: Locator): Promise<string[]> {
  return row.locator(':scope > [lang]:visible').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('lang') ?? ''));
}

/** `text` as a regular expression matching itself. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Lays `page` out as on paper once its print stylesheet has loaded (the page's loader adds it after
 * the first paint; without JavaScript the page links it itself), after the `beforeprint` event a
 * browser fires when a reader prints.
 */
export async function emulatePrint(page: Page): Promise<void> {
  await printStylesheetLoaded(page);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
}

/** Waits until the page's print stylesheet has loaded. */
export async function printStylesheetLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.styleSheets].some((sheet) => sheet.media.mediaText === 'print' && sheet.cssRules.length > 0));
}

/** The selector of the mentions of glossary entry `id` on a page (`a[data-term]`, leading to its entry). */
export const mentionOf = (id: string) => `a[data-term][href$="/glossary/${id}/"]`;
