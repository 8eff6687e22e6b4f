import type { Metadata } from 'next';
import { getT } from '../../../i18n/server';
import { siteContent } from '../../../site/content';
import { localeOrNotFound, localeParams } from '../../../site/locale-params';
import { Glossary } from '../../../site/glossary';
import { pageMetadata, pathsFor } from '../../../site/metadata';
import { glossaryPath } from '../../../contract/paths';
import { SiteFooter, SiteHeader } from '../../../site/site-header';
import './glossary.css';

export const generateStaticParams = localeParams;

export async function generateMetadata({ params }: PageProps<'/[lang]/glossary'>): Promise<Metadata> {
  const lang = localeOrNotFound((await params).lang);
  const t = getT(lang);
  return pageMetadata({
    locale: lang,
    title: t('glossary.title'),
    description: t('glossary.description'),
    paths: pathsFor((candidate) => glossaryPath(candidate)),
  });
}

export default async function GlossaryPage({ params }: PageProps<'/[lang]/glossary'>) {
  const lang = localeOrNotFound((await params).lang);
  const t = getT(lang);
  const catalog = await siteContent().catalog();
  return (
    <>
      <SiteHeader locale={lang} t={t} alternates={pathsFor((candidate) => glossaryPath(candidate))} section="glossary" />
      <main id="main-content" tabIndex={-1}>
        <Glossary locale={lang} t={t} catalog={catalog} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
