import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isLocale, locales, type Locale } from '../../i18n/config';
import { getT } from '../../i18n/server';
import { getEdition } from '../../site/edition';
import { Library } from '../../site/library';
import { pageMetadata, pathsFor } from '../../site/metadata';
import { libraryPath } from '../../site/paths';
import { SiteFooter, SiteHeader } from '../../site/site-header';

export function generateStaticParams() {
  return locales.map((lang) => ({ lang }));
}

function locale(lang: string): Locale {
  if (!isLocale(lang)) notFound();
  return lang;
}

export async function generateMetadata({ params }: PageProps<'/[lang]'>): Promise<Metadata> {
  const lang = locale((await params).lang);
  const t = getT(lang);
  return pageMetadata({
    locale: lang,
    title: t('library.title'),
    description: t('library.description'),
    paths: pathsFor(libraryPath),
  });
}

export default async function LibraryPage({ params }: PageProps<'/[lang]'>) {
  const lang = locale((await params).lang);
  const t = getT(lang);
  const edition = await getEdition();
  return (
    <>
      <SiteHeader locale={lang} t={t} alternates={pathsFor(libraryPath)} section="library" />
      <main id="main-content" tabIndex={-1}>
        <Library locale={lang} t={t} edition={edition} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
