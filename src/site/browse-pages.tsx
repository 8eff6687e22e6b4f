import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { facets, isFacet, pageCount, pageFromSegments, pageOf, pageSegments, type Facet } from '../model/facets';
import { locales, type Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import { browsePath } from '../contract/paths';
import { siteBrowseIndex, valueLabel } from './browse-index';
import { BrowseOverview, FacetValuePage, FacetValues } from './browse';
import { localeOrNotFound } from './locale-params';
import { summaryKeys } from './page-keys';
import type { SiteWidePages } from './rendered-documents';
import { pageMetadata, pathsFor } from './metadata';
import { SiteFooter, SiteHeader } from './site-header';

/**
 * The browsing routes' one lookup each (`generateStaticParams`, `generateMetadata` and the page share
 * it): the overview, a facet's values, and a value's documents page by page. Anything the archive does
 * not have is a 404.
 */
export type BrowseParams = { lang: string; facet?: string; value?: string; page?: string[] };

/** Every facet in every interface language. */
export function facetParams(): Array<{ lang: Locale; facet: Facet }> {
  return locales.flatMap((lang) => facets.map((facet) => ({ lang, facet })));
}

/** Every page of every value of every facet in every interface language. */
export async function valueParams(): Promise<Array<{ lang: Locale; facet: Facet; value: string; page?: string[] }>> {
  const index = await siteBrowseIndex();
  const values = facets.flatMap((facet) => [...index.values[facet]].map(([value, documents]) => ({ facet, value, pages: pageCount(documents.length) })));
  return locales.flatMap((lang) => values.flatMap(({ facet, value, pages }) => Array.from({ length: pages }, (_, i) => ({ lang, facet, value, page: pageSegments(i + 1) }))));
}

async function lookup(params: BrowseParams) {
  const locale = localeOrNotFound(params.lang);
  const index = await siteBrowseIndex();
  if (params.facet === undefined) return { locale, index };
  if (!isFacet(params.facet)) notFound();
  const facet = params.facet;
  if (params.value === undefined) return { locale, index, facet };
  const documents = index.values[facet].get(params.value);
  if (!documents) notFound();
  const page = pageFromSegments(params.page);
  const pages = pageCount(documents.length);
  if (page === undefined || page > pages) notFound();
  return { locale, index, facet, value: params.value, documents, page, pages };
}

/** A facet's page: its values with their numbers of documents (their names are the glossary's). */
export const facetPages: SiteWidePages<{ lang: string; facet: Facet }> = {
  route: 'browse-facet',
  params: facetParams,
  async shows({ facet }) {
    const index = await siteBrowseIndex();
    return [...index.values[facet]].map(([value, documents]) => [value, documents.length]).sort(([a], [b]) => (a < b ? -1 : 1));
  },
};

/**
 * A facet value's pages: the page's documents, their number, the number of pages, and, but on a
 * year's pages, the years the search form offers.
 */
export const valuePages: SiteWidePages<{ lang: string; facet: Facet; value: string; page?: string[] }> = {
  route: 'browse-value',
  params: valueParams,
  async shows(params) {
    const { index, page, pages, documents } = await lookup(params);
    if (!documents || page === undefined) return null;
    const years = params.facet === 'year' ? [] : [...index.values.year.keys()].sort();
    return { page, pages, total: documents.length, documents: summaryKeys(pageOf(documents, page)), years };
  },
};

export async function browseMetadata(params: BrowseParams): Promise<Metadata> {
  const { locale, index, facet, value, page, pages } = await lookup(params);
  const t = getT(locale);
  if (!facet) return pageMetadata({ locale, title: t('browse.title'), description: t('browse.description'), paths: pathsFor((candidate) => browsePath(candidate)) });
  const facetName = t(`browse.facetsPlural.${facet}`);
  if (value === undefined) return pageMetadata({ locale, title: `${facetName} · ${t('browse.title')}`, description: t('browse.description'), paths: pathsFor((candidate) => browsePath(candidate, facet)) });
  const label = valueLabel(index, facet, value, locale, t);
  return pageMetadata({
    locale,
    title: `${label}${pages > 1 ? ` · ${t('browse.page', { page, pages })}` : ''} · ${facetName}`,
    description: `${t(`browse.facets.${facet}`)}: ${label}`,
    paths: pathsFor((candidate) => browsePath(candidate, facet, value, page)),
  });
}

export async function browsePage(params: BrowseParams) {
  const { locale, index, facet, value, documents, page, pages } = await lookup(params);
  const t = getT(locale);
  const here = (candidate: Locale) => browsePath(candidate, facet, value, page);
  return (
    <>
      <SiteHeader locale={locale} t={t} alternates={pathsFor(here)} section="library" />
      <main id="main-content" tabIndex={-1}>
        {!facet ? (
          <BrowseOverview locale={locale} t={t} index={index} />
        ) : value === undefined || !documents ? (
          <FacetValues locale={locale} t={t} index={index} facet={facet} />
        ) : (
          <FacetValuePage locale={locale} t={t} index={index} facet={facet} value={value} page={page} pages={pages} documents={pageOf(documents, page)} total={documents.length} />
        )}
      </main>
      <SiteFooter t={t} />
    </>
  );
}
