import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { locales, type Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import { currentEdition, sourceText, textFor , titleFor } from '../model/document';
import type { ArchiveDocument } from '../model/types';
import { documentPath, editionPath, editionTipsPath, glossaryTipsPath } from '../contract/paths';
import { columnsSegment } from '../contract/columns';
import { Attribute } from '../contract/page';
import { siteContent } from './content';
import { changeMarks, currentPlaces, editionText } from './edition-data';
import { EditionNotice, editionName, VersionLinks } from './edition-note';
import { EarlyScript } from './early-script';
import { localeOrNotFound } from './locale-params';
import { pageMetadata, pathsFor, shorten } from './metadata';
import { Reader, type ReaderEdition } from './reader';
import { defaultView } from './reading-view';
import { SiteFooter, SiteHeader } from './site-header';
import { renderedParams } from './rendered-documents';

/**
 * The permanent page of one edition of a document (`/en/documents/<slug>/editions/1/`), the current
 * edition's included, so that a citation pinned to an edition resolves before and after it is
 * superseded. It is the reading page rendered from that edition's text: the same rows, anchors and
 * tooltips (a superseded edition's from its own glossary file, the entries as they stood), with a
 * notice of which edition it is. A superseded edition's page links each paragraph to its place in
 * the current text and offers no Cite or Download (those are the current text's); the current
 * edition's page names the reading page as its canonical address.
 */

export interface EditionParams {
  lang: string;
  slug: string;
  n: string;
}

/** Every (locale, document, edition) triple, the current edition included. */
export async function editionParams(): Promise<EditionParams[]> {
  const { documents } = await siteContent().catalog();
  return renderedParams(locales.flatMap((lang) => documents.flatMap((document) => document.editions.map((edition) => ({ lang, slug: document.slug, n: String(edition.number) })))));
}

/**
 * Every (locale, document, superseded edition) triple: the editions with a glossary file of their own.
 * An archive without a superseded edition still gets one file, the first document's edition 1 (unused):
 * Next's static export builds no route without a page, and fails.
 */
export async function supersededParams(): Promise<EditionParams[]> {
  const { documents } = await siteContent().catalog();
  const superseded = documents.flatMap((document) => document.editions.slice(0, -1).map((edition) => ({ slug: document.slug, n: String(edition.number) })));
  const some = superseded.length > 0 ? superseded : documents.slice(0, 1).map((document) => ({ slug: document.slug, n: String(document.editions[0].number) }));
  return renderedParams(locales.flatMap((lang) => some.map((params) => ({ lang, ...params }))));
}

/** The glossary entries the texts of `document` mention. */
export function mentionedEntries(document: ArchiveDocument): Set<string> {
  return new Set(Object.values(document.texts).flatMap((text) => text.mentions.map((mention) => mention.ref)));
}

/** The one lookup behind the metadata, the page and the glossary file: unknown locale, document or edition → 404. */
export async function editionLookup(params: EditionParams) {
  const locale = localeOrNotFound(params.lang);
  const document = await siteContent().document(params.slug);
  const number = /^[1-9][0-9]*$/.test(params.n) ? Number(params.n) : undefined;
  if (!document || number === undefined) notFound();
  const edition = await editionText(document, number);
  if (!edition) notFound();
  return { locale, document, edition };
}

export async function editionMetadata(params: EditionParams): Promise<Metadata> {
  const { locale, document, edition } = await editionLookup(params);
  const t = getT(locale);
  const local = textFor(edition.document, locale);
  const name = editionName(locale, t, edition.record);
  const metadata = pageMetadata({
    locale,
    title: `${titleFor(edition.document, locale).title} (${name})`,
    description: shorten(`${name}. ${local.blocks.find((block) => block.kind === 'paragraph' && block.id !== 'dateline')?.text ?? ''}`),
    // The current edition's page shows the reading page's text: that is its canonical address.
    paths: pathsFor((candidate: Locale) => (edition.superseded ? editionPath(candidate, document.slug, edition.record.number) : documentPath(candidate, document.slug))),
    type: 'article',
  });
  return { ...metadata, openGraph: { ...metadata.openGraph, type: 'article', publishedTime: sourceText(document).frontMatter.date } };
}

export async function EditionPage({ params }: { params: EditionParams }) {
  const { locale, document, edition } = await editionLookup(params);
  const t = getT(locale);
  const { number } = edition.record;
  const path = editionPath(locale, document.slug, number);
  const ids = Object.values(edition.document.texts).flatMap((text) => text.blocks.map((block) => block.id));
  const readingPage = documentPath(locale, document.slug);
  const reader: ReaderEdition = edition.superseded
    ? {
        path,
        tips: editionTipsPath(locale, document.slug, number),
        current: false,
        currentLinks: new Map([...currentPlaces(document, number, ids)].map(([id, place]) => [id, `${readingPage}#${place}`])),
      }
    : { path, tips: glossaryTipsPath(locale), current: true, marks: await changeMarks(document) };
  const notice = <EditionNotice locale={locale} t={t} document={document} edition={edition.record} />;
  const alternates = pathsFor((candidate: Locale) => editionPath(candidate, document.slug, number));
  return (
    <>
      <VersionLinks locale={locale} document={document} edition={edition.record} />
      <EarlyScript name="column-choice" data={{ [Attribute.DefaultView]: columnsSegment(defaultView(edition.document, locale)) }} />
      <SiteHeader locale={locale} t={t} alternates={alternates} />
      <main id="main-content" tabIndex={-1} className={edition.record === currentEdition(document) ? 'reader' : 'reader reader-superseded'}>
        <Reader locale={locale} t={t} document={edition.document} glossary={edition.glossary} edition={{ ...reader, notice }} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
