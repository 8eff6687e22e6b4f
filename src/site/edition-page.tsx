import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { locales, type Locale } from '../i18n/config';
import { getT } from '../i18n/server';
import { currentEdition, sourceText, textFor } from '../model/document';
import type { ArchiveDocument, GlossaryItem } from '../model/types';
import { documentPath, editionPath, glossaryTipsPath } from '../contract/paths';
import { columnsSegment } from '../contract/columns';
import { Attribute, dataAttribute, ElementId } from '../contract/page';
import { glossaryTips } from './glossary-tips';
import { siteContent } from './content';
import { changeMarks, currentPlaces, editionText } from './edition-data';
import { EditionNotice, editionName, VersionLinks } from './edition-note';
import { EarlyScript } from './early-script';
import { localeOrNotFound } from './locale-params';
import { pageMetadata, pathsFor, shorten } from './metadata';
import { Reader, type ReaderEdition } from './reader';
import { defaultView } from './reading-view';
import { SiteFooter, SiteHeader } from './site-header';

/**
 * The permanent page of one edition of a document (`/en/documents/<slug>/editions/1/`), the current
 * edition's included, so that a citation pinned to an edition resolves before and after it is
 * superseded. It is the reading page rendered from that edition's text: the same rows, anchors and
 * tooltips (a superseded edition's from the glossary it holds, the entries as they stood), with a
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
  return locales.flatMap((lang) => documents.flatMap((document) => document.editions.map((edition) => ({ lang, slug: document.slug, n: String(edition.number) }))));
}

/** The one lookup behind the metadata and the page: unknown locale, document or edition → 404. */
async function editionLookup(params: EditionParams) {
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
    title: `${local.frontMatter.title} (${name})`,
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
        tips: `#${ElementId.EditionTips}`,
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
      {edition.superseded ? <EditionTips locale={locale} glossary={edition.glossary} ids={mentioned(edition.document)} /> : null}
      <SiteFooter t={t} />
    </>
  );
}

/** The glossary entries the texts of `document` mention. */
function mentioned(document: ArchiveDocument): Set<string> {
  return new Set(Object.values(document.texts).flatMap((text) => text.mentions.map((mention) => mention.ref)));
}

/**
 * A superseded edition's glossary, as its tooltips show it: the entries its texts mention, as they
 * stood, in the page itself (JSON, read by src/behaviour/tooltips.ts), so that each superseded
 * edition adds its pages and no other file. `<` is escaped: the JSON cannot close its element.
 */
function EditionTips({ locale, glossary, ids }: { locale: Locale; glossary: ReadonlyMap<string, GlossaryItem>; ids: ReadonlySet<string> }) {
  const json = JSON.stringify(glossaryTips(locale, [...glossary.values()].filter((item) => ids.has(item.id)))).replaceAll('<', '\\u003c');
  return <script type="application/json" id={ElementId.EditionTips} {...dataAttribute(Attribute.Site)} dangerouslySetInnerHTML={{ __html: json }} />;
}
