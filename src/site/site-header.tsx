import 'server-only';
import { localeEndonyms, locales, type Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { glossaryPath, libraryPath, searchParam, searchPath } from '../contract/paths';

export interface SiteHeaderProps {
  locale: Locale;
  t: TFunction;
  /** The same page in each interface language: the language switch keeps the reader where they are. */
  alternates: Record<Locale, string>;
  /** The section this page belongs to, marked in the navigation. The search page has its own search field. */
  section?: 'library' | 'glossary' | 'search';
}

/**
 * The search field of every page: a plain form that sends the words to the search page (`?q=`), with
 * or without JavaScript (Enter submits it). The page script focuses it on `/`, which its placeholder
 * and `aria-keyshortcuts` announce. Lean on purpose: every byte of it is on every reading page.
 */
function SearchForm({ locale, t }: Pick<SiteHeaderProps, 'locale' | 't'>) {
  return (
    <form role="search" className="site-search" action={searchPath(locale)}>
      <input type="search" name={searchParam} aria-label={t('search.label')} placeholder={t('search.placeholder')} aria-keyshortcuts="/" enterKeyHint="search" />
    </form>
  );
}

export function SiteHeader({ locale, t, alternates, section }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a className="site-name" href={libraryPath(locale)}>
          {t('site.name')}
        </a>
        <nav aria-label={t('site.mainNavigation')} className="site-nav">
          <ul>
            <li>
              <a href={libraryPath(locale)} aria-current={section === 'library' ? 'page' : undefined}>
                {t('nav.library')}
              </a>
            </li>
            <li>
              <a href={glossaryPath(locale)} aria-current={section === 'glossary' ? 'page' : undefined}>
                {t('nav.glossary')}
              </a>
            </li>
          </ul>
        </nav>
        {section === 'search' ? null : <SearchForm locale={locale} t={t} />}
        <nav aria-label={t('site.interfaceLanguage')} className="locale-switch">
          <ul>
            {locales.map((candidate) => (
              <li key={candidate}>
                <a
                  href={alternates[candidate]}
                  lang={candidate}
                  hrefLang={candidate}
                  aria-current={candidate === locale ? 'true' : undefined}
                  data-keep-hash=""
                >
                  {localeEndonyms[candidate]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter({ t }: { t: TFunction }) {
  return (
    <footer className="site-footer">
      <p>{t('site.footer')}</p>
    </footer>
  );
}
