import type { Metadata } from 'next';
import { Trans } from 'react-i18next/TransWithoutContext';
import { locales } from '../i18n/config';
import { getI18n, getT } from '../i18n/server';
import { notFoundLocaleScript } from '../site/locale-choice';
import { glossaryPath, libraryPath } from '../site/paths';
import './globals.css';
import './root-and-not-found.css';

export const metadata: Metadata = {
  title: locales.map((locale) => getT(locale)('notFound.title')).join(' · '),
  description: getT('en')('notFound.body'),
};

/**
 * One 404 page for every unmatched address (static hosts serve `404.html`). It holds the message in
 * each interface language; an inline script shows the one of the address (`/ja/…`), or the reader's.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <head>
        <script
          data-site=""
          dangerouslySetInnerHTML={{
            __html: notFoundLocaleScript(Object.fromEntries(locales.map((locale) => [locale, getT(locale)('notFound.title')]))),
          }}
        />
      </head>
      <body>
        <main id="main-content" className="not-found">
          {locales.map((locale) => {
            const t = getT(locale);
            return (
              <section key={locale} lang={locale} data-locale-block={locale} className="not-found-block">
                <p className="site-name">
                  <a href={libraryPath(locale)}>{t('site.name')}</a>
                </p>
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
