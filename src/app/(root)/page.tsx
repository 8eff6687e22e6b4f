import type { Metadata } from 'next';
import { localeEndonyms, locales } from '../../i18n/config';
import { getT } from '../../i18n/server';
import { pathsFor } from '../../site/metadata';
import { libraryPath } from '../../contract/paths';
import { EarlyScript } from '../../site/early-script';
import { siteUrl } from '../../site/site-url';

export const metadata: Metadata = {
  title: locales.map((locale) => getT(locale)('site.name')).join(' · '),
  description: getT('en')('site.tagline'),
  // Canonical and alternate links must be full addresses: none when the site's address is unknown (site-url.ts).
  ...(siteUrl() ? { alternates: { canonical: '/', languages: pathsFor(libraryPath) } } : {}),
};

/** `/`: a plain link to each interface language, and an early script that picks one (src/behaviour/early/root-redirect.ts). */
export default function RootPage() {
  return (
    <>
      <EarlyScript name="root-redirect" />
      <main id="main-content" className="root-page">
        <h1>
          {locales.map((locale) => (
            <span key={locale} lang={locale} className="root-name">
              {getT(locale)('site.name')}
            </span>
          ))}
        </h1>
        <ul className="root-choices">
          {locales.map((locale) => {
            const t = getT(locale);
            return (
              <li key={locale} lang={locale}>
                <a href={libraryPath(locale)} hrefLang={locale}>
                  <span className="root-language">{localeEndonyms[locale]}</span>
                  <span className="root-tagline">{t('site.tagline')}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </main>
    </>
  );
}
