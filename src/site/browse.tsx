import 'server-only';
import { languageNames, languages } from '../model/languages';
import type { DocumentSummary } from '../model/types';
import { facets, type Facet } from '../model/facets';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { titleFor, translatedPercent } from '../model/document';
import { browsePath, documentPath, facetFeedPath, glossaryPath, searchParam, searchPath } from '../contract/paths';
import { DateAndPlace } from './date-and-place';
import { orderedValues, valueLabel, type BrowseIndex } from './browse-index';

/**
 * One document of a list: its title (in the reader's language where it has a version, else the source's),
 * its summary in the reader's language where one is written, date, place, and each language's status
 * (the source, a translation and how much of it is translated, or missing).
 */
function DocumentCard({ locale, t, document }: { locale: Locale; t: TFunction; document: DocumentSummary }) {
  const local = titleFor(document, locale);
  const summary = document.texts[locale]?.frontMatter.summary;
  return (
    <li className="document-card">
      <h3 lang={local.lang}>
        <a href={documentPath(locale, document.slug)}>{local.title}</a>
      </h3>
      {summary ? <p lang={locale}>{summary}</p> : null}
      <dl className="doc-meta">
        <DateAndPlace locale={locale} t={t} document={document} time={false} />
        <div>
          <dt>{t('library.texts', { count: languages.length })}</dt>
          <dd>
            <ul className="inline-list">
              {languages.map((language) => {
                const text = document.texts[language];
                const percent = text ? translatedPercent(text) : 0;
                const status = !text
                  ? t('library.missing')
                  : text.frontMatter.role === 'source'
                    ? t('library.source')
                    : percent < 100
                      ? t('library.progress', { percent })
                      : t('library.translation');
                return (
                  <li key={language} className={text ? undefined : 'is-missing'}>
                    {t('library.textStatus', { language: languageNames[language][locale], status })}
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** A page of documents, as given (newest first). */
export function DocumentList({ locale, t, documents }: { locale: Locale; t: TFunction; documents: readonly DocumentSummary[] }) {
  return (
    <ul className="document-list">
      {documents.map((document) => (
        <DocumentCard key={document.slug} locale={locale} t={t} document={document} />
      ))}
    </ul>
  );
}

/** The page numbers a pager shows: the first, the last, and two on each side of the current one; 0 for a gap. */
export function pagerNumbers(page: number, pages: number): number[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return shown.flatMap((n, index) => (index > 0 && n - shown[index - 1] > 1 ? [0, n] : [n]));
}

/**
 * The links between the pages of a list: previous and next (`rel="prev"`, `rel="next"`), and the page
 * numbers, the current one marked `aria-current="page"`. Nothing when the list has one page.
 */
export function Pagination({ t, page, pages, href }: { t: TFunction; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('browse.pagination')}>
      <ul className="inline-list">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t('browse.previous')}
            </a>
          </li>
        ) : null}
        {pagerNumbers(page, pages).map((n, index) =>
          n === 0 ? (
            <li key={`gap${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a href={href(n)} aria-current={n === page ? 'page' : undefined} aria-label={t('browse.pageNumber', { page: n })}>
                {n}
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {t('browse.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The facets a reader can browse by, each a link to its values; the current one marked. */
export function FacetNav({ locale, t, current }: { locale: Locale; t: TFunction; current?: Facet }) {
  return (
    <nav className="facet-nav" aria-label={t('browse.by')}>
      <p>{t('browse.by')}</p>
      <ul className="inline-list">
        {facets.map((facet) => (
          <li key={facet}>
            <a href={browsePath(locale, facet)} aria-current={facet === current ? 'page' : undefined}>
              {t(`browse.facets.${facet}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** How many values of each facet the overview shows before "all values". */
const overviewValues = 12;

/** Values of a facet, each a link to its documents with their number. */
function ValueList({ locale, t, facet, values }: { locale: Locale; t: TFunction; facet: Facet; values: ReturnType<typeof orderedValues> }) {
  return (
    <ul className="facet-values">
      {values.map(({ value, label, count }) => (
        <li key={value}>
          <a href={browsePath(locale, facet, value)}>{label}</a> <span className="facet-count">{t('browse.documentCount', { count })}</span>
        </li>
      ))}
    </ul>
  );
}

/** `/en/browse/`: every facet with its most frequent values, each facet linking to all of its values. */
export function BrowseOverview({ locale, t, index }: { locale: Locale; t: TFunction; index: BrowseIndex }) {
  return (
    <div className="browse">
      <h1>{t('browse.title')}</h1>
      <p className="lede">{t('browse.description')}</p>
      {facets.map((facet) => {
        const values = orderedValues(index, facet, locale, t);
        if (values.length === 0) return null;
        return (
          <section key={facet} aria-labelledby={`facet_${facet}`}>
            <h2 id={`facet_${facet}`}>{t(`browse.facetsPlural.${facet}`)}</h2>
            <ValueList locale={locale} t={t} facet={facet} values={values.slice(0, overviewValues)} />
            {values.length > overviewValues ? (
              <p>
                <a href={browsePath(locale, facet)}>{t('browse.allValues', { count: values.length })}</a>
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

/** `/en/browse/<facet>/`: every value of one facet with its number of documents. */
export function FacetValues({ locale, t, index, facet }: { locale: Locale; t: TFunction; index: BrowseIndex; facet: Facet }) {
  return (
    <div className="browse">
      <p className="entry-up">
        <a href={browsePath(locale)}>{t('browse.title')}</a>
      </p>
      <h1>{t(`browse.facetsPlural.${facet}`)}</h1>
      <FacetNav locale={locale} t={t} current={facet} />
      <ValueList locale={locale} t={t} facet={facet} values={orderedValues(index, facet, locale, t)} />
    </div>
  );
}

/**
 * A search form that keeps a facet value: the words go to the search page with the value to narrow to
 * (`/en/search/?q=…&participant=kono-taro`), and, on any facet but the year, a year to narrow to.
 */
function SearchWithin({ locale, t, index, facet, value }: { locale: Locale; t: TFunction; index: BrowseIndex; facet: Facet; value: string }) {
  const years = [...index.values.year.keys()].sort().reverse();
  return (
    <form role="search" className="search-form search-within" action={searchPath(locale)} aria-label={t('browse.searchWithin')}>
      <input type="hidden" name={facet} value={value} />
      <label htmlFor="within-field">{t('browse.searchWithin')}</label>
      <div className="search-row">
        <input id="within-field" type="search" name={searchParam} />
        {facet === 'year' ? null : (
          <select name="year" aria-label={t('browse.facets.year')} defaultValue="">
            <option value="">{t('browse.anyYear')}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        )}
        <button type="submit" className="button">
          {t('browse.searchButton')}
        </button>
      </div>
    </form>
  );
}

/** `/en/browse/<facet>/<value>/`: the documents of one facet value, newest first, one page of them. */
export function FacetValuePage({
  locale,
  t,
  index,
  facet,
  value,
  page,
  pages,
  documents,
  total,
}: {
  locale: Locale;
  t: TFunction;
  index: BrowseIndex;
  facet: Facet;
  value: string;
  page: number;
  pages: number;
  documents: readonly DocumentSummary[];
  total: number;
}) {
  const label = valueLabel(index, facet, value, locale, t);
  const entry = index.glossary.get(value);
  return (
    <div className="browse">
      <p className="entry-up">
        <a href={browsePath(locale)}>{t('browse.title')}</a> · <a href={browsePath(locale, facet)}>{t(`browse.facetsPlural.${facet}`)}</a>
      </p>
      <h1>{label}</h1>
      <p className="lede">
        {t(`browse.facets.${facet}`)} · {t('browse.documentCount', { count: total })}
        {pages > 1 ? ` · ${t('browse.page', { page, pages })}` : null}
      </p>
      <ul className="inline-list browse-links">
        {entry && facet !== 'year' && facet !== 'type' ? (
          <li>
            <a href={glossaryPath(locale, entry.id)}>{t('browse.entry', { name: entry.names[locale] })}</a>
          </li>
        ) : null}
        <li>
          <a href={facetFeedPath(locale, facet, value)}>{t('browse.feed')}</a>
        </li>
      </ul>
      <SearchWithin locale={locale} t={t} index={index} facet={facet} value={value} />
      <h2 className="sr-only">{t('library.documents', { count: documents.length })}</h2>
      <DocumentList locale={locale} t={t} documents={documents} />
      <Pagination t={t} page={page} pages={pages} href={(n) => browsePath(locale, facet, value, n)} />
    </div>
  );
}
