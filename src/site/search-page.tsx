import 'server-only';
import { Trans } from 'react-i18next/TransWithoutContext';
import type { Language } from '../model/languages';
import { facets } from '../model/facets';
import { documentTypes } from '../model/schema';
import type { Locale } from '../i18n/config';
import { getI18n, type TFunction } from '../i18n/server';
import { citeKeys, citePlaceholders } from '../contract/block-place';
import { glossaryPath, libraryPath, searchParam, searchPath } from '../contract/paths';
import { dateSort } from '../search/format';
import { Attribute, dataAttribute, openValues, SearchTemplate, templateAttributes } from '../contract/page';

export interface SearchProps {
  locale: Locale;
  t: TFunction;
  /** The languages that have an index (src/search/records.ts `indexedLanguages`). */
  languages: readonly Language[];
}

/**
 * The search page. Its form works like the header's (GET `?q=`); the results need the page script
 * (src/behaviour/search.ts, src/behaviour/search-results.ts), which finds its strings here as
 * templates (src/contract/templates.ts `SearchTemplate`), the strings that cite a result's block
 * (`cite.*`, their values left open), and the indexes to load in `Attribute.Search`. Without JavaScript
 * the page says so and points to the library and the glossary (the CSS shows that notice only then).
 * With a search, the script shows its order (links that set or take out `sort=date`) and the filters
 * the address narrows it to (`year=2019`…), each a link to the same search without it; it names them
 * from `Attribute.SearchNames` (facets and document types) and, for a glossary entry, from the index.
 */
export function Search({ locale, t, languages }: SearchProps) {
  const citations = Object.fromEntries(citeKeys.map((key) => [key, t(key, openValues(citePlaceholders))]));
  const names = Object.fromEntries([...facets.map((facet) => [facet, t(`browse.facets.${facet}`)]), ...documentTypes.map((type) => [type, t(`browse.types.${type}`)])]);
  return (
    <div
      className="search"
      {...dataAttribute(Attribute.Search, languages.join(' '))}
      {...templateAttributes(t, SearchTemplate)}
      {...dataAttribute(Attribute.SearchCite, JSON.stringify(citations))}
      {...dataAttribute(Attribute.SearchNames, JSON.stringify(names))}
    >
      <h1>{t('search.title')}</h1>
      <form role="search" className="search-form" action={searchPath(locale)}>
        <label htmlFor="search-field">{t('search.label')}</label>
        <div className="search-row">
          <input
            id="search-field"
            type="search"
            name={searchParam}
            aria-describedby="search-hint"
            aria-keyshortcuts="/"
            enterKeyHint="search"
          />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
        <p id="search-hint" className="search-hint">
          {t('search.hint')}
        </p>
      </form>
      <div className="search-needs-script">
        <p>{t('search.needsJavaScript')}</p>
        <p>
          <Trans
            i18n={getI18n(locale)}
            t={t}
            i18nKey="search.elsewhere"
            components={{ library: <a href={libraryPath(locale)} />, glossary: <a href={glossaryPath(locale)} /> }}
          />
        </p>
      </div>
      <div className="search-options" {...dataAttribute(Attribute.SearchOptions)} hidden>
        <nav className="search-sort" aria-label={t('search.order')}>
          <ul className="inline-list">
            <li>
              <a {...dataAttribute(Attribute.SearchSort, '')}>{t('search.relevance')}</a>
            </li>
            <li>
              <a {...dataAttribute(Attribute.SearchSort, dateSort)}>{t('search.newest')}</a>
            </li>
          </ul>
        </nav>
        <div className="search-filters" role="group" aria-label={t('search.filters')} {...dataAttribute(Attribute.SearchFilters)} />
      </div>
      <p role="status" className="search-status" {...dataAttribute(Attribute.SearchStatus)} />
      <ol className="search-results" aria-label={t('search.results')} {...dataAttribute(Attribute.SearchResults)} />
      <button type="button" className="button search-more" {...dataAttribute(Attribute.SearchMore)} hidden>
        {t('search.more')}
      </button>
    </div>
  );
}
