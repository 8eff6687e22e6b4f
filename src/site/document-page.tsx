import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { locales, type Locale } from '../i18n/config';
import { formatDate, getT } from '../i18n/server';
import { currentEdition, sourceText, textFor , titleFor } from '../model/document';
import { citationMetadata } from './citation';
import { siteContent } from './content';
import { pageMetadata, pathsFor, shorten } from './metadata';
import { localeOrNotFound } from './locale-params';
import { documentPath } from '../contract/paths';
import { columnsSegment } from '../contract/columns';
import { Attribute } from '../contract/page';
import { EarlyScript } from './early-script';
import { changeMarks } from './edition-data';
import { VersionLinks } from './edition-note';
import { Reader, readingPageEdition } from './reader';
import { defaultView } from './reading-view';
import { SiteFooter, SiteHeader } from './site-header';
import { renderedParams } from './rendered-documents';

export interface DocumentParams {
  lang: string;
  slug: string;
}

/** Every (locale, document) pair: one reading page each, holding every language version. */
export async function documentParams(): Promise<DocumentParams[]> {
  const { documents } = await siteContent().catalog();
  return renderedParams(locales.flatMap((lang) => documents.map((document) => ({ lang, slug: document.slug }))));
}

/** The one lookup behind the metadata and the page: unknown locale or document → 404. */
async function lookup(params: DocumentParams) {
  const locale = localeOrNotFound(params.lang);
  const document = await siteContent().document(params.slug);
  if (!document) notFound();
  return { locale, document };
}

export async function documentMetadata(params: DocumentParams): Promise<Metadata> {
  const { locale, document } = await lookup(params);
  const t = getT(locale);
  const local = textFor(document, locale);
  // The version's summary, else its first translated paragraph: never an untranslated one's emptiness.
  const translated = local.blocks.filter((block) => !block.untranslated);
  const firstParagraph = local.frontMatter.summary ?? (translated.find((block) => block.kind === 'paragraph' && block.id !== 'dateline') ?? translated[0])?.text;
  const date = formatDate(locale, sourceText(document).frontMatter.date);
  const dateline = t('reader.documentOf', { date, place: local.frontMatter.place });
  const metadata = pageMetadata({
    locale,
    title: titleFor(document, locale).title,
    description: shorten(`${dateline}. ${firstParagraph ?? ''}`),
    // Every column choice (`?cols=…`) shows the same page: the address without it is canonical.
    paths: pathsFor((candidate: Locale) => documentPath(candidate, document.slug)),
  });
  // Reference managers read the Highwire Press tags (Zotero saves a report: issuer, title, date, language,
  // the edition's address); no `og:type` article with its published time, which would make the page an
  // article of the site's own.
  return { ...metadata, other: citationMetadata(document, currentEdition(document), locale) };
}

export async function DocumentPage({ params }: { params: DocumentParams }) {
  const { locale, document } = await lookup(params);
  const t = getT(locale);
  const glossary = await siteContent().glossaryIndex();
  const alternates = pathsFor((candidate: Locale) => documentPath(candidate, document.slug));
  const edition = readingPageEdition(locale, document, await changeMarks(document));
  return (
    <>
      <VersionLinks locale={locale} document={document} edition={currentEdition(document)} />
      <EarlyScript name="column-choice" data={{ [Attribute.DefaultView]: columnsSegment(defaultView(document, locale)) }} />
      <SiteHeader locale={locale} t={t} alternates={alternates} />
      <main className="reader">
        <Reader locale={locale} t={t} document={document} glossary={glossary} edition={edition} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
