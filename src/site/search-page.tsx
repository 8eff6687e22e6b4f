import 'server-only';
import { Trans } from 'react-i18next/TransWithoutContext';
import type { Language } from '../model/languages';
import type { Locale } from '../i18n/config';
import { getI18n, type TFunction } from '../i18n/server';
import { citeKeys } from '../contract/block-place';
import { glossaryPath, libraryPath, searchParam, searchPath } from '../contract/paths';

export interface SearchProps {
  locale: Locale;
  t: TFunction;
  /** The languages that have an index (src/search/records.ts `indexedLanguages`). */
  languages: readonly Language[];
}

/** Plural categories a count can take (`Intl.PluralRules`); each has its string in every locale. */
const pluralCategories = ['one', 'few', 'many', 'other'] as const;

/**
 * The search page. Its form works like the header's (GET `?q=`); the results need the page script
 * (src/behaviour/search.ts), which finds its strings here as templates (`{number}`, `{query}`) and
 * the indexes to load in `data-search`. Without JavaScript the page says so and points to the
 * library and the glossary (the CSS shows that notice only then).
 */
export function Search({ locale, t, languages }: SearchProps) {
  // The strings of src/site/cite.ts, their values left as `{section}`, `{paragraph}`…: the page script cites each result's block with them.
  const placeholders = { section: '{section}', subsection: '{subsection}', paragraph: '{paragraph}', id: '{id}' };
  const citations = Object.fromEntries(citeKeys.map((key) => [key, t(key, placeholders)]));
  const count = Object.fromEntries(
    pluralCategories.map((category) => [`data-count-${category}`, t(`search.count.${category}`, { number: '{number}', query: '{query}' })]),
  );
  return (
    <div
      className="search"
      data-search={languages.join(' ')}
      data-searching={t('search.searching')}
      data-none={t('search.none', { query: '{query}' })}
      data-place={t('search.place', { language: '{language}', place: '{place}' })}
      data-failed={t('search.failed')}
      data-cite={JSON.stringify(citations)}
      {...count}
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
      <p role="status" className="search-status" data-search-status="" />
      <ol className="search-results" aria-label={t('search.results')} data-search-results="" />
      <button type="button" className="button search-more" data-search-more="" hidden>
        {t('search.more')}
      </button>
    </div>
  );
}
