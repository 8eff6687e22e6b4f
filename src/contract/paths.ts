/** Every address of the site, built in one place. All end with a slash (`trailingSlash: true`). */
import type { Locale } from '../i18n/config';

export function homePath(): string {
  return '/';
}

export function libraryPath(locale: Locale): string {
  return `/${locale}/`;
}

/**
 * The reading page of a document: every language version, one page per interface language. The
 * column choice is a query on it (`?cols=en-ru`, see columns.ts), applied in the page.
 */
export function documentPath(locale: Locale, slug: string): string {
  return `${libraryPath(locale)}${documentSubpath(slug)}`;
}

/** A reading page relative to the root of an interface language (`documents/<slug>/`): the search index's addresses. */
export function documentSubpath(slug: string): string {
  return `documents/${slug}/`;
}

/**
 * The permanent address of one edition of a document (`/en/documents/<slug>/editions/2/`): every
 * edition has one, the current included, so that a citation pinned to it always resolves to the text
 * that was cited.
 */
export function editionPath(locale: Locale, slug: string, edition: number): string {
  return `${documentPath(locale, slug)}editions/${edition}/`;
}

/** A document's changelog: every edition, what changed in each language and why, with the differences word by word. */
export function changesPath(locale: Locale, slug: string): string {
  return `${documentPath(locale, slug)}changes/`;
}

/**
 * The comparison of two editions of a document, the older first (`/en/documents/<slug>/compare/1-3/`):
 * what changed in each language version from one to the other, word by word. One page per pair of
 * editions, built with the site: a static host cannot compute a diff on request, and a diff computed in
 * the browser would need both texts and the diff's code in the page, which a reader without JavaScript
 * would not get. The changelog and each edition's page link every pair.
 */
export function comparePath(locale: Locale, slug: string, from: number, to: number): string {
  return `${documentPath(locale, slug)}compare/${from}-${to}/`;
}

/** The Atom feed of new documents and new editions, one per interface language. */
export function feedPath(locale: Locale): string {
  return `/${locale}/feed.xml`;
}

/** The glossary: its index of every entry, or the page of one entry with every mention of it (`/en/glossary/japan/`). */
export function glossaryPath(locale: Locale, entry?: string): string {
  return `/${locale}/${entry ? glossarySubpath(entry) : 'glossary/'}`;
}

/** A glossary entry's page relative to the root of an interface language (`glossary/<id>/`): the search index's addresses. */
export function glossarySubpath(entry: string): string {
  return `glossary/${entry}/`;
}

/** The id of a note in the reading page's list of notes (`#n_working-meal`). */
export function noteAnchor(note: string): string {
  return `n_${note}`;
}

/** The entry a glossary link leads to (`/ru/glossary/kono-taro/` → `kono-taro`), or undefined. */
export function glossaryEntryOf(href: string | null): string | undefined {
  return /\/glossary\/([^/?#]+)\/(?:[?#].*)?$/.exec(href ?? '')?.[1];
}

/**
 * The search page. The header's form sends the query to it as `?q=` (`searchParam`); the page script
 * reads it from there, shows the results and keeps the address in step with the field.
 */
export function searchPath(locale: Locale): string {
  return `/${locale}/search/`;
}

/** The name of the query that carries the search words. */
export const searchParam = 'q';

/**
 * The glossary entries of one interface language as JSON, for the reading page's tooltips: one file,
 * fetched when a reader first points at or focuses a mention, then cached by the browser.
 */
export function glossaryTipsPath(locale: Locale): string {
  return `/${locale}/glossary/tips.json`;
}

/**
 * The reading page's interface strings that only its script uses (src/contract/reader-strings.ts), as
 * JSON: one file per interface language, fetched when the page script starts.
 */
export function readerStringsPath(locale: Locale): string {
  return `/${locale}/reader.json`;
}

/**
 * The glossary entries a superseded edition mentions, as they stood, for its page's tooltips (the
 * format of `glossaryTipsPath`): one file per superseded edition and interface language. The current
 * edition's pages use the glossary's own file.
 */
export function editionTipsPath(locale: Locale, slug: string, edition: number): string {
  return `${editionPath(locale, slug, edition)}tips.json`;
}

/** The anchor of one change on a document's changelog: edition, language version and block or note ID (`e2-en-s1-1-p1`). */
export function changeAnchor(edition: number, language: string, id: string): string {
  return `e${edition}-${language}-${id}`;
}

/** The folder of a document's export files (TMX, JSON, TEI, plain text): language-independent. */
export function exportPath(slug: string, file: string): string {
  return `/exports/${slug}/${file}`;
}

/**
 * The export files of a past edition of a document, kept at a permanent address of their own
 * (`/exports/<slug>/editions/1/<slug>.edition-1.json`): the downloads of the reading page are always
 * the current edition's.
 */
export function editionExportPath(slug: string, edition: number, file: string): string {
  return `/exports/${slug}/editions/${edition}/${file}`;
}

/** The JSON Schema of the JSON export. */
export function schemaPath(name: string): string {
  return `/schemas/${name}`;
}

/** The citations of a document for the cite dialog of its reading page in `locale` (fetched when first opened). */
export function citeDataPath(locale: Locale, slug: string): string {
  return `/${locale}/documents/${slug}/cite.json`;
}

/** The segment of a list's later pages (`page/2/`): page 1 is the list's own address. */
function pageSegment(page: number): string {
  return page > 1 ? `page/${page}/` : '';
}

/** Page `page` of the library, newest first: `/en/` then `/en/page/2/`, `/en/page/3/` … */
export function libraryPagePath(locale: Locale, page: number): string {
  return `${libraryPath(locale)}${pageSegment(page)}`;
}

/**
 * Browsing by facet: every facet (`/en/browse/`), the values of one with their counts
 * (`/en/browse/participant/`), and the documents of one value, newest first, page by page
 * (`/en/browse/participant/kono-taro/`, `/en/browse/year/2019/page/2/`).
 */
export function browsePath(locale: Locale, facet?: string, value?: string, page = 1): string {
  if (!facet) return `/${locale}/browse/`;
  if (value === undefined) return `/${locale}/browse/${facet}/`;
  return `/${locale}/browse/${facet}/${value}/${pageSegment(page)}`;
}

/** Page `page` of the documents that mention a glossary entry, newest first (page 1 is the entry's page). */
export function glossaryPagePath(locale: Locale, entry: string, page: number): string {
  return `${glossaryPath(locale, entry)}${pageSegment(page)}`;
}

/**
 * The archive documents of an interface language's Atom feed (RFC 5005 archived feeds), numbered from
 * the oldest: `/en/feeds/archive/1.xml` … The current feed stays `feedPath(locale)`.
 */
export function feedArchivePath(locale: Locale, archive: number): string {
  return `/${locale}/feeds/archive/${archive}.xml`;
}

/**
 * The Atom feed of one facet value (`/en/feeds/participant/kono-taro.xml`), and its archive documents
 * numbered from the oldest (`/en/feeds/participant/kono-taro/1.xml`).
 */
export function facetFeedPath(locale: Locale, facet: string, value: string, archive?: number): string {
  return archive === undefined ? `/${locale}/feeds/${facet}/${value}.xml` : `/${locale}/feeds/${facet}/${value}/${archive}.xml`;
}

/** The sitemap index (`/sitemap.xml`) and its sitemaps, numbered from 1 (`/sitemaps/1.xml`). */
export function sitemapPath(part?: number): string {
  return part === undefined ? '/sitemap.xml' : `/sitemaps/${part}.xml`;
}
