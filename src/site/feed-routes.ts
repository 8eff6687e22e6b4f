import 'server-only';
import { facets, isFacet, type Facet } from '../model/facets';
import { slugPattern } from '../model/schema';
import { locales, type Locale } from '../i18n/config';
import { siteBrowseIndex } from './browse-index';
import { siteContent } from './content';
import { archiveCount, facetFeedXml, feedPartKey, feedXml } from './feed';
import { localeOrNotFound } from './locale-params';
import type { SiteWidePages } from './rendered-documents';

/** The number of entries of a feed of `documents`: one per edition. */
const entryCount = (documents: ReadonlyArray<{ editions: readonly unknown[] }>) => documents.reduce((sum, document) => sum + document.editions.length, 0);

/**
 * Every address of `src/app/[lang]/feeds/[...path]`: the collection's archives in each interface
 * language, and the current feed and archives of every facet value.
 */
export async function feedRoutes(): Promise<Array<{ lang: Locale; path: string[] }>> {
  const { documents } = await siteContent().catalog();
  const index = await siteBrowseIndex();
  const numbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
  const paths = [
    ...numbers(archiveCount(entryCount(documents))).map((n) => ['archive', `${n}.xml`]),
    ...facets.flatMap((facet) =>
      [...index.values[facet]].flatMap(([value, listed]) => [[facet, `${value}.xml`], ...numbers(archiveCount(entryCount(listed))).map((n) => [facet, value, `${n}.xml`])]),
    ),
  ];
  return locales.flatMap((lang) => paths.map((path) => ({ lang, path })));
}

const xmlNumber = /^([1-9][0-9]*)\.xml$/;

/** The feed an address of the route names: the collection's or a facet value's, current or archive `archive`. */
type FeedAddress = { facet?: undefined; archive: number } | { facet: Facet; value: string; archive?: number };

function feedAddress(path: string[]): FeedAddress | undefined {
  const [first, second, third] = path;
  if (path.length === 2 && first === 'archive') {
    const n = xmlNumber.exec(second)?.[1];
    return n ? { archive: Number(n) } : undefined;
  }
  if (!isFacet(first)) return undefined;
  if (path.length === 2) {
    const value = /^(.+)\.xml$/.exec(second)?.[1];
    return value && slugPattern.test(value) ? { facet: first, value } : undefined;
  }
  const n = path.length === 3 ? xmlNumber.exec(third)?.[1] : undefined;
  return n && slugPattern.test(second) ? { facet: first, value: second, archive: Number(n) } : undefined;
}

/** The feeds' archives and the facet values' feeds, each keyed by its entries (`feedPartKey`). */
export const feedPages: SiteWidePages<{ lang: string; path: string[] }> = {
  route: 'feeds',
  params: feedRoutes,
  async shows({ path }) {
    const address = feedAddress(path);
    if (!address) return null;
    const documents = address.facet === undefined ? (await siteContent().catalog()).documents : (await siteBrowseIndex()).values[address.facet].get(address.value);
    return documents ? feedPartKey(documents, address.archive) : null;
  },
};

/** The feed document an address of the route names, or undefined when there is none. */
export async function feedRouteXml({ lang, path }: { lang: string; path: string[] }): Promise<string | undefined> {
  const locale = localeOrNotFound(lang);
  const address = feedAddress(path);
  if (!address) return undefined;
  return address.facet === undefined ? feedXml(locale, address.archive) : facetFeedXml(locale, address.facet, address.value, address.archive);
}
