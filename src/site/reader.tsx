import 'server-only';
import type { ReactNode } from 'react';
import type { Language } from '../model/languages';
import type { ArchiveDocument, GlossaryItem } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { Attribute, ElementId } from '../contract/page';
import { documentPath, glossaryTipsPath, libraryPath } from '../contract/paths';
import { BrokenLinkNotice } from './broken-link-notice';
import { ColumnPicker, ReadingLanguageSwitch } from './column-controls';
import { CiteDocument, Contents, DocumentMetadata, Downloads } from './document-head';
import type { ChangeMark } from './edition-data';
import { EditionNote } from './edition-note';
import { PrintHeader } from './print-header';
import { ReadingNotes } from './reading-notes';
import { ReadingRows } from './reading-rows';
import { readingView } from './reading-view';
import { siteAddress } from './site-url';

export interface ReaderProps {
  locale: Locale;
  t: TFunction;
  document: ArchiveDocument;
  glossary: ReadonlyMap<string, GlossaryItem>;
  /** Which edition the page shows, when it is not the reading page. */
  edition?: ReaderEdition;
}

/** What differs between the reading page and an edition's own page. */
export interface ReaderEdition {
  /** The page's address: the permalinks of its rows and the printed address. */
  path: string;
  /** The glossary file its tooltips fetch (a superseded edition has its own, as the entries stood). */
  tips: string;
  /** Whether it shows the current text: then the page offers Cite and Download, and the edition's note. */
  current: boolean;
  /** Above the document's head: what edition this is (edition-note.tsx). */
  notice?: ReactNode;
  /** By language and block ID: the "changed in edition N" marks, linked to the changelog. */
  marks?: ReadonlyMap<Language, ReadonlyMap<string, ChangeMark>>;
  /** The changelog's address as the marks give it (relative on the reading page: each byte counts there). */
  changes?: string;
  /** A superseded edition: by block ID, the address of that block in the current text. */
  currentLinks?: ReadonlyMap<string, string>;
}

/** The reading page's own: the current text at the document's address. */
export function readingPageEdition(locale: Locale, document: ArchiveDocument, marks?: ReaderEdition['marks']): ReaderEdition {
  // `changes/` from the reading page's address (documents/<slug>/) is the changelog (changesPath).
  return { path: documentPath(locale, document.slug), tips: glossaryTipsPath(locale), current: true, marks, changes: 'changes/' };
}

/**
 * The reading page's content: the notice for a link to a missing paragraph, the document's head
 * (document-head.tsx) and column controls (column-controls.tsx), the rows of the text
 * (reading-rows.tsx) and the notes (reading-notes.tsx), from what reading-view.ts prepares.
 */
export function Reader({ locale, t, document, glossary, edition = readingPageEdition(locale, document) }: ReaderProps) {
  const view = readingView({ document, locale, t, glossary });
  return (
    <>
      {/* The notice and the hint of the keys are the page script's: it brings what they say (reader-strings.ts). */}
      <BrokenLinkNotice targets={`[${Attribute.Row}]`} />
      {edition.notice}
      <div className="doc-head">
        <PrintHeader locale={locale} t={t} document={document} address={siteAddress(edition.path)} />
        <p className="breadcrumb">
          <a href={libraryPath(locale)}>{t('nav.library')}</a>
        </p>
        <DocumentMetadata locale={locale} t={t} document={document} glossary={glossary} />
        {edition.current ? <EditionNote locale={locale} t={t} document={document} /> : null}
        {view.contents.length > 0 ? <Contents t={t} items={view.contents} lang={view.lang} /> : null}
        {edition.current ? <CiteDocument locale={locale} t={t} document={document} /> : null}
        {edition.current ? <Downloads locale={locale} t={t} document={document} /> : null}
        <ColumnPicker locale={locale} t={t} order={view.order} shown={view.shown} />
        <ReadingLanguageSwitch locale={locale} t={t} order={view.shown} />
      </div>

      <p className="tip" id={ElementId.KeysHint} hidden />
      <ReadingRows locale={locale} t={t} document={document} view={view} edition={edition} />
      <ReadingNotes t={t} view={view} />
    </>
  );
}
