import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { locales, type Locale } from '../i18n/config';
import { formatDate, getT } from '../i18n/server';
import { allColumnChoices, columnsSegment, defaultColumns, parseColumns, type Columns } from './columns';
import { getDocument, getEdition, getGlossaryIndex, sourceText, textFor } from './edition';
import { pageMetadata, pathsFor, shorten } from './metadata';
import { localeOrNotFound } from './locale-params';
import { documentPath } from './paths';
import { Reader } from './reader';
import { SiteFooter, SiteHeader } from './site-header';

export interface DocumentParams {
  lang: string;
  slug: string;
  cols?: string;
}

/** Every (locale, document) pair; with `withColumns`, times every column choice. */
export async function documentParams(withColumns: boolean): Promise<DocumentParams[]> {
  const edition = await getEdition();
  const choices = withColumns ? allColumnChoices().map(columnsSegment) : [undefined];
  return locales.flatMap((lang) =>
    edition.documents.flatMap((document) => choices.map((cols) => (cols ? { lang, slug: document.slug, cols } : { lang, slug: document.slug }))),
  );
}

/** The one lookup behind the metadata and the page: unknown locale, document or columns → 404. */
async function lookup(params: DocumentParams) {
  const locale = localeOrNotFound(params.lang);
  const document = await getDocument(params.slug);
  if (!document) notFound();
  let columns: Columns = defaultColumns;
  if (params.cols !== undefined) {
    const parsed = parseColumns(params.cols);
    if (!parsed) notFound();
    columns = parsed;
  }
  return { locale, document, columns, explicitColumns: params.cols !== undefined };
}

export async function documentMetadata(params: DocumentParams): Promise<Metadata> {
  const { locale, document } = await lookup(params);
  const t = getT(locale);
  const local = textFor(document, locale);
  const firstParagraph = local.blocks.find((block) => block.kind === 'paragraph' && block.id !== 'dateline') ?? local.blocks[0];
  const date = formatDate(locale, sourceText(document).frontMatter.date);
  const dateline = t('reader.documentOf', { date, place: local.frontMatter.place });
  const metadata = pageMetadata({
    locale,
    title: local.frontMatter.title,
    description: shorten(`${dateline}. ${firstParagraph?.text ?? ''}`),
    // Every column choice shows the same document: the default address is the canonical one.
    paths: pathsFor((candidate: Locale) => documentPath(candidate, document.slug)),
    type: 'article',
  });
  return {
    ...metadata,
    openGraph: { ...metadata.openGraph, type: 'article', publishedTime: sourceText(document).frontMatter.date },
  };
}

export async function DocumentPage({ params }: { params: DocumentParams }) {
  const { locale, document, columns, explicitColumns } = await lookup(params);
  const t = getT(locale);
  const glossary = await getGlossaryIndex();
  const alternates = pathsFor((candidate: Locale) => documentPath(candidate, document.slug, explicitColumns ? columns : undefined));
  return (
    <>
      <SiteHeader locale={locale} t={t} alternates={alternates} />
      <main id="main-content" tabIndex={-1} className="reader">
        <Reader locale={locale} t={t} document={document} glossary={glossary} columns={columns} explicitColumns={explicitColumns} />
      </main>
      <SiteFooter t={t} />
    </>
  );
}
