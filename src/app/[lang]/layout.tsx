import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { isLocale, locales } from '../../i18n/config';
import { getT } from '../../i18n/server';
import { PageBehaviour } from '../../site/page-behaviour.client';
import { siteUrl } from '../../site/paths';
import '../globals.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: LayoutProps<'/[lang]'>): Promise<Metadata> {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const t = getT(lang);
  return {
    metadataBase: siteUrl(),
    title: { template: `%s · ${t('site.name')}`, default: t('site.name') },
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
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const t = getT(lang);
  return (
    <html lang={lang}>
      <body>
        <a className="skip-link" href="#main-content">
          {t('site.skipToContent')}
        </a>
        {children}
        <PageBehaviour locale={lang} />
      </body>
    </html>
  );
}
