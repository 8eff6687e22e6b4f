import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getT } from '../../i18n/server';
import { localeOrNotFound, localeParams } from '../../site/locale-params';
import { pageScriptPath, printStylesheetPath } from '../../site/assets';
import { siteUrl } from '../../site/site-url';
import '../globals.css';

export const dynamicParams = false;

export const generateStaticParams = localeParams;

export async function generateMetadata({ params }: LayoutProps<'/[lang]'>): Promise<Metadata> {
  const lang = localeOrNotFound((await params).lang);
  const t = getT(lang);
  return {
    metadataBase: siteUrl() ?? null,
    // Every page gives its own title, the site's name included (pageMetadata); this is the fallback.
    title: t('site.name'),
    description: t('site.tagline'),
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf6' },
    { media: '(prefers-color-scheme: dark)', color: '#17181b' },
  ],
};

/** The root layout of every localized page: `<html lang>` is the interface language. */
export default async function LocaleLayout({ children, params }: LayoutProps<'/[lang]'>) {
  const lang = localeOrNotFound((await params).lang);
  const t = getT(lang);
  return (
    <html lang={lang}>
      <head>
        {/* The page script: a module, deferred like every module, so it never delays the first paint; the pages work without it. */}
        <script type="module" src={pageScriptPath()} data-site="" />
        {/* The pages on paper (src/app/print.css): not inlined, fetched at low priority, applied only in print. */}
        <link rel="stylesheet" href={printStylesheetPath()} media="print" />
      </head>
      <body>
        <a className="skip-link" href="#main-content">
          {t('site.skipToContent')}
        </a>
        {children}
      </body>
    </html>
  );
}
