import type { Metadata } from 'next';
import { getT } from '../../../i18n/server';
import { indexedLanguages } from '../../../search/records';
import { siteContent } from '../../../site/content';
import { localeOrNotFound, localeParams } from '../../../site/locale-params';
import { pageMetadata, pathsFor } from '../../../site/metadata';
import { searchPath } from '../../../contract/paths';
import { Search } from '../../../site/search-page';
import { SiteFooter, SiteHeader } from '../../../site/site-header';
import './search.css';

export const generateStaticParams = localeParams;

export async function generateMetadata({ params }: PageProps<'/[lang]/search'>): Promise<Metadata> {
  const lang = localeOrNotFound((await params).lang);
  const t = getT(lang);
  return {
    ...pageMetadata({ locale: lang, title: t('search.title'), description: t('search.description'), paths: pathsFor(searchPath) }),
    // A page of results for whatever the address asks: nothing for a search engine to keep.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ params }: PageProps<'/[lang]/search'>) {
  const lang = localeOrNotFound((await params).lang);
  const t = getT(lang);
  const { documents } = await siteContent().catalog();
  return (
    <>
      <SiteHeader locale={lang} t={t} alternates={pathsFor(searchPath)} section="search" />
      <main id="main-content" tabIndex={-1}>
        <Search locale={lang} t={t} languages={[...indexedLanguages(documents).keys()]} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
