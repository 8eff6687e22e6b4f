import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { locales, type Locale } from '../../../../i18n/config';
import { getT } from '../../../../i18n/server';
import { siteContent } from '../../../../site/content';
import { GlossaryEntry } from '../../../../site/glossary';
import { localeOrNotFound } from '../../../../site/locale-params';
import { pageMetadata, pathsFor, shorten } from '../../../../site/metadata';
import { glossaryPath } from '../../../../contract/paths';
import { SiteFooter, SiteHeader } from '../../../../site/site-header';
import '../glossary.css';

export const dynamicParams = false;

/** Every glossary entry in every interface language, mentioned or not: reading pages link to each. */
export async function generateStaticParams(): Promise<Array<{ lang: Locale; entry: string }>> {
  const { glossary } = await siteContent().catalog();
  return locales.flatMap((lang) => glossary.map((item) => ({ lang, entry: item.id })));
}

/** The interface language and the glossary entry named by the address; anything else is a 404. */
async function lookup(params: PageProps<'/[lang]/glossary/[entry]'>['params']) {
  const { lang, entry } = await params;
  const locale = localeOrNotFound(lang);
  const item = (await siteContent().glossaryIndex()).get(entry);
  if (!item) notFound();
  return { locale, item };
}

export async function generateMetadata({ params }: PageProps<'/[lang]/glossary/[entry]'>): Promise<Metadata> {
  const { locale, item } = await lookup(params);
  const t = getT(locale);
  return pageMetadata({
    locale,
    title: `${item.names[locale]} · ${t('glossary.title')}`,
    description: shorten(item.description[locale]),
    paths: pathsFor((candidate) => glossaryPath(candidate, item.id)),
  });
}

/** One glossary entry with every mention of it, by document. */
export default async function GlossaryEntryPage({ params }: PageProps<'/[lang]/glossary/[entry]'>) {
  const { locale, item } = await lookup(params);
  const t = getT(locale);
  const mentions = (await siteContent().mentions(item.id)) ?? [];
  return (
    <>
      <SiteHeader locale={locale} t={t} alternates={pathsFor((candidate) => glossaryPath(candidate, item.id))} section="glossary" />
      <main id="main-content" tabIndex={-1}>
        <GlossaryEntry item={item} locale={locale} t={t} mentions={mentions} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
