import 'server-only';
import { x } from 'xastscript';
import { block, xmlDocument } from '../exports/xml';
import { facets, pageCount } from '../model/facets';
import { pastEditions } from '../model/document';
import { locales, type Locale } from '../i18n/config';
import { browsePath, changesPath, documentPath, editionPath, glossaryPagePath, glossaryPath, homePath, libraryPagePath, sitemapPath } from '../contract/paths';
import { siteBrowseIndex } from './browse-index';
import { siteContent } from './content';
import { pathsFor } from './metadata';
import type { SiteWidePages } from './rendered-documents';
import { siteUrl } from './site-url';

/** The most addresses one sitemap may hold (sitemaps.org): the index names as many sitemaps as it takes. */
export const sitemapSize = 50_000;

const sitemapNamespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const xhtmlNamespace = 'http://www.w3.org/1999/xhtml';

/**
 * Every page a search engine should index, each with its versions in the other interface languages:
 * the libraries' and the facet values' pages, the facets, the glossary and its entries' pages, the
 * documents, their changelogs and superseded editions (the current edition's own page is not listed:
 * its canonical address is the reading page).
 */
export async function sitemapPages(): Promise<Array<Record<Locale, string> | string>> {
  const { documents, glossary, mentions } = await siteContent().catalog();
  const index = await siteBrowseIndex();
  const pages = (count: number) => Array.from({ length: pageCount(count) }, (_, i) => i + 1);
  return [
    homePath(),
    ...pages(index.newest.length).map((n) => pathsFor((locale) => libraryPagePath(locale, n))),
    pathsFor((locale) => browsePath(locale)),
    ...facets.map((facet) => pathsFor((locale) => browsePath(locale, facet))),
    ...facets.flatMap((facet) => [...index.values[facet]].flatMap(([value, listed]) => pages(listed.length).map((n) => pathsFor((locale) => browsePath(locale, facet, value, n))))),
    pathsFor((locale) => glossaryPath(locale)),
    ...glossary.flatMap((item) => pages(Object.hasOwn(mentions, item.id) ? mentions[item.id].documents : 0).map((n) => pathsFor((locale) => glossaryPagePath(locale, item.id, n)))),
    ...documents.map((document) => pathsFor((locale) => documentPath(locale, document.slug))),
    ...documents.flatMap((document) => (document.editions.length > 1 ? [pathsFor((locale) => changesPath(locale, document.slug))] : [])),
    ...documents.flatMap((document) => pastEditions(document).map((edition) => pathsFor((locale) => editionPath(locale, document.slug, edition.number)))),
  ];
}

/** Every address of the sitemaps, one `<url>` each, its language versions as alternates. */
async function sitemapUrls(origin: URL) {
  const at = (path: string) => new URL(path, origin).toString();
  return (await sitemapPages()).flatMap((page) => {
    if (typeof page === 'string') return [x('url', [x('loc', at(page))])];
    const alternates = locales.map((locale) => x('xhtml:link', { rel: 'alternate', hreflang: locale, href: at(page[locale]) }));
    return locales.map((locale) => block('url', {}, 1, [x('loc', at(page[locale])), ...alternates]));
  });
}

/** How many sitemaps the index names: at least one (empty when the site's address is unknown). */
export async function sitemapCount(): Promise<number> {
  const origin = siteUrl();
  if (!origin) return 1;
  return Math.max(1, Math.ceil((await sitemapUrls(origin)).length / sitemapSize));
}

/** The sitemaps the index names (`/sitemaps/1.xml` …), each keyed by its whole text: there are few. */
export const sitemapFiles: SiteWidePages<{ file: string }> = {
  route: 'sitemaps',
  params: async () => Array.from({ length: await sitemapCount() }, (_, i) => ({ file: `${i + 1}.xml` })),
  shows: ({ file }) => sitemapXml(sitemapPart(file) ?? 0),
};

/** The part a sitemap's file name (`3.xml`) names, or undefined when it names none. */
export function sitemapPart(file: string): number | undefined {
  const number = /^([1-9][0-9]*)\.xml$/.exec(file)?.[1];
  return number === undefined ? undefined : Number(number);
}

/**
 * The sitemap index (`/sitemap.xml`). A sitemap holds full addresses only, so without `SITE_URL` it
 * and its sitemaps are empty, and the build's finish step removes them (src/export/finish.ts) rather
 * than publish them.
 */
export async function sitemapIndexXml(): Promise<string> {
  const origin = siteUrl();
  const count = origin ? await sitemapCount() : 0;
  const sitemaps = Array.from({ length: count }, (_, i) => block('sitemap', {}, 1, [x('loc', new URL(sitemapPath(i + 1), origin).toString())]));
  return xmlDocument(block('sitemapindex', { xmlns: sitemapNamespace }, 0, sitemaps));
}

/** Sitemap `part` (from 1): `sitemapSize` addresses at most. Undefined when there is no such part. */
export async function sitemapXml(part: number): Promise<string | undefined> {
  const origin = siteUrl();
  const urls = origin ? await sitemapUrls(origin) : [];
  if (!Number.isInteger(part) || part < 1 || part > Math.max(1, Math.ceil(urls.length / sitemapSize))) return undefined;
  return xmlDocument(block('urlset', { xmlns: sitemapNamespace, 'xmlns:xhtml': xhtmlNamespace }, 0, urls.slice((part - 1) * sitemapSize, part * sitemapSize)));
}
