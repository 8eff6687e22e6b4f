import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getT } from '../../i18n/server';
import { localeOrNotFound, localeParams } from '../../site/locale-params';
import { PageAssets } from '../../site/page-assets';
import { pageIcons } from '../../site/metadata';
import { siteUrl } from '../../site/site-url';
import { feedPath } from '../../contract/paths';
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
    icons: pageIcons,
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
        {/* The page script and the print stylesheet (src/app/print.css), loaded once the text has painted; the pages work without them. */}
        <PageAssets />
        {/*
          The Atom feed of new documents and editions in this language, for feed readers that look for it
          in any page. No title: the feed names itself, and a title would cost the reading page 50 bytes
          gzip of its budget (src/site/feed.ts).
        */}
        <link rel="alternate" type="application/atom+xml" href={feedPath(lang)} />
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
