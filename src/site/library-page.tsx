import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageCount, pageFromSegments, pageOf, pageSegments } from '../model/facets';
import { locales } from '../i18n/config';
import { getT } from '../i18n/server';
import { libraryPagePath } from '../contract/paths';
import { siteBrowseIndex } from './browse-index';
import { Library } from './library';
import { localeOrNotFound } from './locale-params';
import { summaryKeys } from './page-keys';
import type { SiteWidePages } from './rendered-documents';
import { pageMetadata, pathsFor } from './metadata';
import { SiteFooter, SiteHeader } from './site-header';

/** Every page of the library in every interface language: `/en/`, `/en/page/2/` … */
export async function libraryParams() {
  const pages = pageCount((await siteBrowseIndex()).newest.length);
  return locales.flatMap((lang) => Array.from({ length: pages }, (_, index) => ({ lang, page: pageSegments(index + 1) })));
}

/** The interface language and the page the address names; anything else is a 404. */
async function lookup(params: { lang: string; page?: string[] }) {
  const locale = localeOrNotFound(params.lang);
  const { newest } = await siteBrowseIndex();
  const page = pageFromSegments(params.page);
  const pages = pageCount(newest.length);
  if (page === undefined || page > pages) notFound();
  return { locale, page, pages, documents: pageOf(newest, page) };
}

/** The library's pages, each keyed by its number, the number of pages and its documents. */
export const libraryPages: SiteWidePages<{ lang: string; page?: string[] }> = {
  route: 'library',
  params: libraryParams,
  async shows(params) {
    const { page, pages, documents } = await lookup(params);
    return { page, pages, documents: summaryKeys(documents) };
  },
};

export async function libraryMetadata(params: { lang: string; page?: string[] }): Promise<Metadata> {
  const { locale, page, pages } = await lookup(params);
  const t = getT(locale);
  return pageMetadata({
    locale,
    title: page > 1 ? `${t('library.title')} · ${t('browse.page', { page, pages })}` : t('library.title'),
    description: t('library.description'),
    paths: pathsFor((candidate) => libraryPagePath(candidate, page)),
  });
}

/** A page of the library with the site's header and footer. */
export async function libraryPage(params: { lang: string; page?: string[] }) {
  const { locale, page, pages, documents } = await lookup(params);
  const t = getT(locale);
  return (
    <>
      <SiteHeader locale={locale} t={t} alternates={pathsFor((candidate) => libraryPagePath(candidate, page))} section="library" />
      <main id="main-content" tabIndex={-1}>
        <Library locale={locale} t={t} documents={documents} page={page} pages={pages} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
