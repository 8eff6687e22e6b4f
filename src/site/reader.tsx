import 'server-only';
import type { ArchiveDocument, GlossaryItem } from '../model/types';
import type { Locale } from '../i18n/config';
import type { TFunction } from '../i18n/server';
import { Attribute, ElementId, placeholder } from '../contract/page';
import { documentPath, libraryPath } from '../contract/paths';
import { BrokenLinkNotice } from './broken-link-notice';
import { ColumnPicker, ReadingLanguageSwitch } from './column-controls';
import { CiteDocument, Contents, DocumentMetadata, Downloads } from './document-head';
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
}

/**
 * The reading page's content: the notice for a link to a missing paragraph, the document's head
 * (document-head.tsx) and column controls (column-controls.tsx), the rows of the text
 * (reading-rows.tsx) and the notes (reading-notes.tsx), from what reading-view.ts prepares.
 */
export function Reader({ locale, t, document, glossary }: ReaderProps) {
  const view = readingView({ document, locale, t, glossary });
  return (
    <>
      <BrokenLinkNotice
        message={t('reader.unknownParagraph', { id: placeholder('id') })}
        suggestion={t('reader.didYouMean', { place: placeholder('place') })}
        targets={`[${Attribute.Row}]`}
        dismiss={t('reader.dismiss')}
        contents={view.contents.length > 0 ? t('reader.openContents') : undefined}
      />
      <div className="doc-head">
        <PrintHeader locale={locale} t={t} document={document} address={siteAddress(documentPath(locale, document.slug))} />
        <p className="breadcrumb">
          <a href={libraryPath(locale)}>{t('nav.library')}</a>
        </p>
        <DocumentMetadata locale={locale} t={t} document={document} glossary={glossary} />
        {view.contents.length > 0 ? <Contents t={t} items={view.contents} lang={view.lang} /> : null}
        <CiteDocument locale={locale} t={t} document={document} />
        <Downloads locale={locale} t={t} document={document} />
        <ColumnPicker locale={locale} t={t} order={view.order} />
        <ReadingLanguageSwitch locale={locale} t={t} order={view.order} />
      </div>

      <p className="tip" id={ElementId.KeysHint} hidden>
        {t('reader.keysHint')}
      </p>
      <ReadingRows locale={locale} t={t} document={document} view={view} />
      <ReadingNotes t={t} view={view} />
    </>
  );
}
