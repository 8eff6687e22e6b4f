import type { Metadata } from 'next';
import { getT } from '../../i18n/server';
import { siteContent } from '../../site/content';
import { localeOrNotFound, localeParams } from '../../site/locale-params';
import { Library } from '../../site/library';
import { pageMetadata, pathsFor } from '../../site/metadata';
import { libraryPath } from '../../contract/paths';
import { SiteFooter, SiteHeader } from '../../site/site-header';
import './library.css';

export const generateStaticParams = localeParams;

export async function generateMetadata({ params }: PageProps<'/[lang]'>): Promise<Metadata> {
  const lang = localeOrNotFound((await params).lang);
  const t = getT(lang);
  return pageMetadata({
    locale: lang,
    title: t('library.title'),
    description: t('library.description'),
    paths: pathsFor(libraryPath),
  });
}

export default async function LibraryPage({ params }: PageProps<'/[lang]'>) {
  const lang = localeOrNotFound((await params).lang);
  const t = getT(lang);
  const { documents } = await siteContent().catalog();
  return (
    <>
      <SiteHeader locale={lang} t={t} alternates={pathsFor(libraryPath)} section="library" />
      <main id="main-content" tabIndex={-1}>
        <Library locale={lang} t={t} documents={documents} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
