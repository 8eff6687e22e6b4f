import type { Metadata } from 'next';
import { Trans } from 'react-i18next/TransWithoutContext';
import { defaultLocale, locales } from '../i18n/config';
import { getI18n, getT } from '../i18n/server';
import { Attribute } from '../contract/page';
import { EarlyScript } from '../site/early-script';
import { pageIcons, pageTitle, pathsFor } from '../site/metadata';
import { glossaryPath, libraryPath } from '../contract/paths';
import { PageAssets } from '../site/page-assets';
import { SiteHeader } from '../site/site-header';
import './globals.css';
import './root-pages.css';

/** The page's title in each language: the message, then the site's name. */
const titles = Object.fromEntries(locales.map((locale) => [locale, pageTitle(getT(locale)('notFound.title'), getT(locale)('site.name'))]));

export const metadata: Metadata = {
  // Without JavaScript the page speaks every language; the early script gives it the title of one.
  title: locales.map((locale) => titles[locale]).join(' / '),
  description: getT('en')('notFound.body'),
  icons: pageIcons,
};

/**
 * One 404 page for every unmatched address (static hosts serve `404.html`). It holds the site header
 * and the message in each interface language; an early script
 * (src/behaviour/early/not-found-locale.ts) shows the ones of the address (`/ja/…`), or of the
 * reader's language. The header's language switch leads to the library in each language (a missing
 * page has no counterpart). Without JavaScript every message is shown, under the header of the
 * default language (root-pages.css).
 */
export default function GlobalNotFound() {
  const libraries = pathsFor(libraryPath);
  return (
    <html lang="en">
      <head>
        <EarlyScript name="not-found-locale" data={{ [Attribute.Titles]: JSON.stringify(titles) }} />
        <PageAssets />
      </head>
      <body>
        {locales.map((locale) => {
          const t = getT(locale);
          return (
            <div key={locale} lang={locale} data-locale-block={locale} className="not-found-header" data-default={locale === defaultLocale ? '' : undefined}>
              <a className="skip-link" href="#main-content">
                {t('site.skipToContent')}
              </a>
              <SiteHeader locale={locale} t={t} alternates={libraries} />
            </div>
          );
        })}
        <main id="main-content" className="not-found">
          {locales.map((locale) => {
            const t = getT(locale);
            return (
              <section key={locale} lang={locale} data-locale-block={locale} className="not-found-block">
                <h1>{t('notFound.title')}</h1>
                <p>{t('notFound.body')}</p>
                <p>
                  {/* react-i18next's context-free Trans: a sentence with a link, rendered on the server. */}
                  <Trans i18n={getI18n(locale)} t={t} i18nKey="notFound.glossary" components={{ glossary: <a href={glossaryPath(locale)} /> }} />
                </p>
                <p>
                  <a className="button" href={libraryPath(locale)}>
                    {t('notFound.library')}
                  </a>
                </p>
              </section>
            );
          })}
        </main>
      </body>
    </html>
  );
}
