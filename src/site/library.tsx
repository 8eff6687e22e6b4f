import 'server-only';
import type { DocumentSummary } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { feedPath, libraryPagePath } from '../contract/paths';
import { DocumentList, FacetNav, Pagination } from './browse';

/**
 * One page of the library: the documents newest first, a fixed number a page (src/model/facets.ts
 * `pageSize`), with the links to the other pages and to browsing by facet.
 */
export function Library({ locale, t, documents, page, pages }: { locale: Locale; t: TFunction; documents: readonly DocumentSummary[]; page: number; pages: number }) {
  return (
    <div className="library">
      <h1>{t('library.title')}</h1>
      <p className="lede">
        {t('site.tagline')}
        {pages > 1 ? ` · ${t('browse.page', { page, pages })}` : null}
      </p>
      <p className="feed-link">
        <a href={feedPath(locale)}>{t('feed.link')}</a>
      </p>
      <FacetNav locale={locale} t={t} />
      <h2 className="sr-only">{t('library.documents', { count: documents.length })}</h2>
      <DocumentList locale={locale} t={t} documents={documents} />
      <Pagination t={t} page={page} pages={pages} href={(n) => libraryPagePath(locale, n)} />
    </div>
  );
}
